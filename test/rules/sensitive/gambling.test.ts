import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/gambling', {
  valid: [
    '县公安局破获一起利用“百家乐”开设赌场案，抓获犯罪嫌疑人12名。',
    '严厉打击跨境赌博和电信网络诈骗违法犯罪。',
    '澳门特别行政区政府旅游局来我市开展交流。',
    '体育彩票开奖公告：第2024001期。',
    '文化娱乐场所管理条例',
    '全市共有12家娱乐场所接受检查。',
    '欢迎外国友人来华体会中国文化，青少年热爱体育运动。',
    '本周菠菜、油菜价格小幅上涨。',
    '中国福利彩票双色球第2025001期开奖公告',
    { code: '<p>打击网络赌博专项行动</p>', format: 'html' },
  ],
  invalid: [
    {
      code: '欢迎来到真人百家乐，性感荷官在线发牌',
      findings: [
        { range: [4, 9], actual: '真人百家乐', entryId: 'baccarat-live', severity: 'error', data: { category: 'gambling' }, expected: [] },
        { range: [10, 14], actual: '性感荷官', entryId: 'dealer-online' },
        { range: [14, 18], actual: '在线发牌', entryId: 'dealer-online' },
      ],
    },
    {
      name: 'variants: spaces, symbols, zero-width, traditional, full-width and case',
      code: '澳门 新葡京｜澳門*新葡京｜首\u200b存送｜ＢＥＴ３６５｜Bet365',
      findings: [
        { range: [0, 6], actual: '澳门 新葡京' },
        { range: [7, 13], actual: '澳門*新葡京' },
        { range: [14, 18], actual: '首\u200b存送' },
        { range: [19, 25], actual: 'ＢＥＴ３６５' },
        { range: [26, 32], actual: 'Bet365' },
      ],
    },
    {
      name: 'leftmost-longest: overlapping patterns give one finding',
      code: '北京赛车PK10计划',
      findings: [{ range: [0, 8], actual: '北京赛车PK10', entryId: 'lottery-private' }],
    },
    {
      name: 'dark link in HTML: range points into the source',
      code: '<div style="display:none"><a href="http://x.example">澳门新葡京</a></div>',
      format: 'html',
      findings: [{ range: [53, 58], actual: '澳门新葡京' }],
    },
    {
      name: 'private-lottery SEO articles, their title suffix, and pinyin-annotated traditional characters',
      code: '全面释义落实“新澳门一肖一特一中”|预测解答解释落实\n新澳(ao)門與香(xiang)港期期準(zhun)',
      findings: [
        { range: [10, 14], actual: '一肖一特', entryId: 'macau-lottery-seo' },
        { range: [20, 26], actual: '解答解释落实', entryId: 'seo-title-suffix' },
        { range: [44, 47], actual: '期期準', entryId: 'macau-lottery-seo' },
      ],
    },
    {
      name: 'betting brands appended to a hijacked news title, numbered casino names',
      code: '二审维持原判-九游会真人第一品牌游戏合营；安信13娱乐平台',
      findings: [
        { range: [7, 10], actual: '九游会', entryId: 'sports-betting-brand' },
        { range: [10, 16], actual: '真人第一品牌', entryId: 'sports-betting-brand' },
        { range: [25, 29], actual: '娱乐平台', entryId: 'casino-numbered' },
      ],
    },
    {
      name: 'the severity the user sets wins',
      code: '首充送彩金',
      config: { rules: { 'sensitive/gambling': 'warning' } },
      findings: [{ range: [0, 3], actual: '首充送', severity: 'warning' }],
    },
  ],
});
