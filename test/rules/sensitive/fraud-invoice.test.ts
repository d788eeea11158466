import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/fraud-invoice', {
  valid: [
    '纳税人可通过电子税务局申请代开发票。',
    '税务机关代开发票的征收率为3%。',
    '被告人以非法出售发票罪被判处有期徒刑二年。',
    '自然人代开发票业务办理指南',
    '毕业证书遗失补办流程',
    '代开发票窗口设在一楼大厅，代开发票所需资料见附件。',
    '打击虚开发票违法犯罪，曝光一批“代开发票”短信诈骗案例。',
  ],
  invalid: [
    {
      code: '代开发票，联系电话138',
      findings: [{ range: [0, 4], actual: '代开发票', entryId: 'invoice-agent', severity: 'error', data: { category: 'fraud-invoice' } }],
    },
    {
      code: '出售发票，真票验证后付款',
      findings: [
        { range: [0, 4], actual: '出售发票', entryId: 'invoice-sale' },
        { range: [5, 12], actual: '真票验证后付款', entryId: 'invoice-sale' },
      ],
    },
    { code: '长期代开发票，点数低', findings: [{ range: [2, 6], actual: '代开发票', entryId: 'invoice-agent' }] },
    { code: '代开各类发票', findings: [{ range: [0, 6], actual: '代开各类发票', entryId: 'invoice-agent-bulk' }] },
    { code: '专业刻-章-办-证', findings: [{ range: [2, 9], actual: '刻-章-办-证', entryId: 'fake-certificate' }] },
  ],
});
