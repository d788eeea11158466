import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/advertising-law', {
  valid: [
    '第一季度全市经济运行平稳。',
    '驻村第一书记走访脱贫户。',
    '第一时间回应群众关切。',
    '全国第一次土地调查',
    '国家级非物质文化遗产代表性项目名录',
    '建设世界级城市群',
    '形成可复制推广的最佳实践，红叶最佳观赏期在十月下旬。',
    '启动最高级别应急响应。',
    '积极品牌建设',
    '最低生活保障标准',
    'Ｂｅｓｔ',
  ],
  invalid: [
    {
      code: '本品全国销量第一，最佳品牌',
      findings: [
        { range: [6, 8], actual: '第一', entryId: 'first', expected: ['领先'], data: { category: 'advertising-law' } },
        { range: [9, 11], actual: '最佳', entryId: 'best', expected: ['优质'] },
      ],
    },
    { code: '第一品牌', findings: [{ range: [0, 2], actual: '第一', entryId: 'first' }] },
    { code: '全网最低价', findings: [{ range: [0, 5], actual: '全网最低价', expected: ['优惠价'] }] },
    { code: '极品好茶，国家级品质', findings: [{ range: [0, 2], actual: '极品' }, { range: [5, 8], actual: '国家级', expected: [] }] },
    {
      name: 'noise folding is off for this list: "最 佳品牌" is not an evasion',
      code: '最 佳品牌。最佳品牌',
      findings: [{ range: [6, 8], actual: '最佳' }],
    },
  ],
});
