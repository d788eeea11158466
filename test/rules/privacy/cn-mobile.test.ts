import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const mobiles = ['13812345678', '19912345678', '16512345678', '17012345678', '19212345678', '14712345678', '17400123456'];

ruleTester.run('privacy/cn-mobile', {
  valid: [
    { code: '联系电话：15412345678', name: '154 is not allocated' },
    { code: '号码14012345678', name: '140 is an IoT segment' },
    { code: '号码14612345678', name: '146 is an IoT data segment' },
    { code: '号码17412345678', name: '174 outside 1740 (maritime satellite)' },
    { code: '号码19412345678', name: '194 is not allocated' },
    { code: '号码12345678901', name: '123 is not a mobile prefix' },
    { code: '全年完成投资13812345678元', name: 'an 11-digit yuan amount' },
    { code: '金额：15912345678', name: 'an amount by its label' },
    { code: '2023年全市GDP为15012345678，同比增长', name: 'a statistic introduced by 为' },
    { code: '各项贷款余额达18912345678', name: 'a balance introduced by 达' },
    { code: '受理第13812345678号申请', name: 'an ordinal' },
    { code: '备案编码13812345678号', name: 'followed by 号' },
    { code: '全市户籍人口13812345678人', name: 'a count' },
    { code: '订单号13812345678', name: 'an order number' },
    { code: '发票号码13000000000', name: 'an invoice number (号码 is no phone word here)' },
    { code: '联系电话及订单号：13812345678', name: 'the nearest label wins' },
    { code: '工单号：15012345678', name: 'a work-order number' },
    { code: '准考证号18612345678', name: 'an exam-ticket number' },
    { code: '时间戳1678861825000', name: 'a 13-digit millisecond timestamp' },
    { code: '见 https://example.gov.cn/item/13812345678.html', name: 'inside a URL' },
    { code: '见 https://example.gov.cn/?tel=13812345678', name: 'inside a query string' },
    { code: 'ABC13812345678', name: 'glued to letters' },
    { code: '138123456789', name: 'twelve digits' },
    { code: 'DD-13812345678', name: 'part of a dashed code' },
    { code: '日期2023/11/13812345678', name: 'a path or date before a slash' },
    { code: '见附件/13812345678/2', name: 'a path segment' },
    { code: '比值3.13812345678', name: 'decimal digits' },
    { code: '手机138****5678', options: { masked: 'off' }, name: 'masked, reporting off' },
    ...['浏览次数：', '阅读量 ', '点击量', '访问人次：', '成交价：', '中标金额（元）：', '单价(元)', '序号', '验证码', '查询码：', '投资额', '营业额：', '工业增加值', '粮食产量'].map((label) => ({
      code: `发布时间：2023-12-01 10:23:45 ${label}13800138000`,
      name: `a page counter, price or code after ${label}`,
    })),
    { code: '1'.repeat(1_000_000), name: 'a megabyte digit run' },
    { code: '138 '.repeat(300_000), name: 'a long run of spaced groups' },
  ],
  invalid: [
    ...mobiles.map((m) => ({ code: `手机${m}`, findings: [{ range: [2, 13] as const, actual: m, expected: [`${m.slice(0, 3)}****${m.slice(7)}`], data: { masked: false, context: true } }] })),
    { code: '联系人：李四 13812345678', name: 'staff mobile in a notice', findings: [{ range: [7, 18], actual: '13812345678', data: { carrier: '中国移动' } }] },
    { code: '电话：138-1234-5678。', findings: [{ range: [3, 16], actual: '138-1234-5678', expected: ['138-****-5678'] }] },
    { code: '电话：138 1234 5678', findings: [{ range: [3, 16], actual: '138 1234 5678' }] },
    { code: '+86 13812345678', findings: [{ range: [0, 15], actual: '+86 13812345678', expected: ['+86 138****5678'] }] },
    { code: '+86-138-1234-5678', findings: [{ range: [0, 17], actual: '+86-138-1234-5678', expected: ['+86-138-****-5678'] }] },
    { code: '请拨0086 13812345678', findings: [{ range: [2, 18], actual: '0086 13812345678', expected: ['0086 138****5678'] }] },
    { code: '(+86)13812345678', findings: [{ range: [0, 16], actual: '(+86)13812345678', expected: ['(+86)138****5678'] }] },
    { code: '8613812345678', findings: [{ range: [0, 13], actual: '8613812345678', expected: ['86138****5678'] }] },
    { code: '电话86-13812345678', findings: [{ range: [2, 16], actual: '86-13812345678', expected: ['86-138****5678'] }] },
    { code: '0086-138 1234 5678', findings: [{ range: [0, 18], actual: '0086-138 1234 5678', expected: ['0086-138 **** 5678'] }] },
    { code: '＋８６　１３８１２３４５６７８', name: 'full-width +86 and ideographic space', findings: [{ range: [0, 15], actual: '＋８６　１３８１２３４５６７８' }] },
    { code: '１３８１２３４５６７８', name: 'full-width digits', findings: [{ range: [0, 11], actual: '１３８１２３４５６７８' }] },
    { code: '手机：13812345678，微信同号', findings: [{ range: [3, 14], actual: '13812345678' }] },
    {
      code: '手机：13812345678/13912345678',
      name: 'two mobiles joined by a slash',
      findings: [
        { range: [3, 14], actual: '13812345678' },
        { range: [15, 26], actual: '13912345678' },
      ],
    },
    { code: '电话：0571-87654321/13812345678', name: 'a landline, a slash, a mobile', findings: [{ range: [17, 28], actual: '13812345678' }] },
    { code: '手机138****5678', name: 'masked', findings: [{ range: [2, 13], actual: '138****5678', severity: 'info', data: { masked: true } }] },
    { code: 'Tel:13812345678', findings: [{ range: [4, 15], actual: '13812345678' }] },
    { code: '13812345678张某', name: 'a name after the number, its first character also a counter', findings: [{ range: [0, 11], actual: '13812345678' }] },
    { code: '13812345678本人手机', findings: [{ range: [0, 11], actual: '13812345678' }] },
    { code: '13812345678万先生', findings: [{ range: [0, 11], actual: '13812345678' }] },
    { code: '<p>联系电话：<span>138</span>12345678</p>', format: 'html', name: 'HTML split', findings: [{ range: [14, 32], actual: '138</span>12345678' }] },
  ],
});

describe('privacy/cn-mobile severities (recommended preset)', () => {
  it('reports a mobile as a warning and a masked one at info', () => {
    const findings = createChecker({ preset: 'recommended' })
      .check('手机13812345678，另一号码139****1234')
      .filter((f) => f.ruleId === 'privacy/cn-mobile');
    expect(findings.map((f) => [f.severity, f.data?.masked])).toEqual([
      ['warning', false],
      ['info', true],
    ]);
  });
});
