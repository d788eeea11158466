import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/illegal-services', {
  valid: [
    '国家卫生计生委等12部门启动打击代孕专项行动，查处开展代孕行为的社会中介机构。',
    '执法人员在出租房屋内发现疑似非法代孕活动，当场查封涉事场所。',
    '诈骗分子以无抵押、无担保、低利息为噱头，引诱受害人下载虚假贷款APP。',
    '凡是网上兼职刷单刷信誉的不要相信。',
    '民警告知赵先生正在遭遇的就是刷单返利类电信诈骗。',
    { code: '<p>網絡兼職刷單詐騙、網絡貸款詐騙警情多發</p>', format: 'html' },
  ],
  invalid: [
    {
      code: '代孕包成功，包生男孩',
      findings: [
        { range: [0, 5], actual: '代孕包成功', entryId: 'surrogacy-ad', severity: 'error', data: { category: 'illegal-services' }, expected: [] },
        { range: [6, 10], actual: '包生男孩', entryId: 'surrogacy-ad' },
      ],
    },
    {
      name: 'the SEO article that dresses surrogacy ads as IVF history',
      code: '例如代生、代怀以及供卵代怀等选择，以及代生包生女儿等多样化的生育需求',
      findings: [
        { range: [9, 13], actual: '供卵代怀', entryId: 'surrogacy-ad' },
        { range: [21, 25], actual: '包生女儿', entryId: 'surrogacy-ad' },
      ],
    },
    { code: '黑 户 贷 款，无视征信', findings: [{ range: [0, 7], actual: '黑 户 贷 款', entryId: 'blacklisted-loan-ad' }, { range: [8, 12], actual: '无视征信' }] },
    { code: '誠招刷手，刷單日結', findings: [{ range: [0, 4], actual: '誠招刷手', entryId: 'brushing-recruitment' }, { range: [5, 9], actual: '刷單日結' }] },
  ],
});
