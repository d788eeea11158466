import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/pornography', {
  valid: [
    '推动国产精品电视剧创作，群众可在线观看。',
    '无码人员须在卡口登记，污水处理执行一级A标准。',
    '久久为功，久久不能平静；产品出口日韩欧美市场。',
    '开展“扫黄打非”专项行动，查处淫秽色情网站5个。', '警惕裸聊敲诈，防范裸聊诈骗。', '偷拍者被依法拘留十日。', '成人教育视频课程上线。'],
  invalid: [
    {
      code: '××论坛—亚洲品质自拍视频网站',
      findings: [{ range: [5, 11], actual: '亚洲品质自拍', entryId: 'porn-site', data: { category: 'pornography' } }],
    },
    {
      name: 'exceptions are per entry: the spam form still fires beside an anti-fraud phrase',
      code: '警惕视频裸聊诈骗。同城约炮、视频裸聊',
      findings: [
        { range: [9, 13], actual: '同城约炮', entryId: 'hookup' },
        { range: [14, 18], actual: '视频裸聊', entryId: 'hookup' },
      ],
    },
    { code: '免费A片下载', findings: [{ range: [0, 4], actual: '免费A片' }] },
    { code: '免 费 A 片', findings: [{ range: [0, 7], actual: '免 费 A 片' }] },
    {
      name: 'a hijacked page title stuffed with porn-site keywords',
      code: '91一区二区三区-婷婷视频-午夜激情在线观看',
      findings: [
        { range: [2, 8], actual: '一区二区三区', entryId: 'section-numbering' },
        { range: [9, 13], actual: '婷婷视频', entryId: 'title-stuffing' },
        { range: [14, 18], actual: '午夜激情', entryId: 'title-stuffing' },
      ],
    },
  ],
});
