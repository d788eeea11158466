import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { creditCheckChar, withIdCheck, withWrongIdCheck } from '../../privacy/reference.js';

const beijing = withIdCheck('11010119900307451');
const shenzhen = withIdCheck('44030019851231002');
const chongwen = withIdCheck('11010319781105003'); // 崇文区, abolished 2010
const dongguan = withIdCheck('44190020010509127'); // a city without counties
const hekang = withIdCheck('65322819990101002'); // 和康县, created 2024
let xBody = '';
for (let n = 0; n < 1000 && !xBody; n++) {
  const body = `33010619750615${String(n).padStart(3, '0')}`;
  if (withIdCheck(body).endsWith('X')) xBody = body;
}
const xId = withIdCheck(xBody);
const hongKongPermit = withIdCheck('81000019920415123');
const taiwanPermit = withIdCheck('83000019920415124');
const foreigner = withIdCheck('91184019850203001');
const recentCode = withIdCheck('33010620261115001'); // region + a date of last week + a sequence
const babyId = withIdCheck('33010620260115001');

// An all-digit string that is both a checksum-valid ID and a valid credit code, found by search.
let both = '';
for (let n = 0; n < 200000 && !both; n++) {
  const body = `510100${19800101 + (n % 28)}${String(n).padStart(3, '0').slice(-3)}`;
  const id = withIdCheck(body);
  if (/\d$/.test(id) && creditCheckChar(id.slice(0, 17)) === id[17]) both = id;
}

ruleTester.run('privacy/cn-id-card', {
  valid: [
    '国办发〔2017〕47号文件印发。',
    { code: `编号${withWrongIdCheck('11010119900307451')}号`, name: 'a wrong check digit is not an ID' },
    { code: `身份证号${withWrongIdCheck('11019919900307451')}`, name: 'a wrong check digit and a made-up region, even after an ID label' },
    { code: `身份证号${withWrongIdCheck('11010119900230451')}`, name: 'a wrong check digit and 30 February, even after an ID label' },
    { code: `流水号${withIdCheck('99010119900307451')}`, name: 'unknown province' },
    { code: `号码${withIdCheck('11019919900307451')}`, name: 'made-up region in a real province' },
    { code: `订单${withIdCheck('11010119901307451')}`, name: 'month 13' },
    { code: `订单${withIdCheck('11010119900230451')}`, name: '30 February' },
    { code: `号码${withIdCheck('11010120300101451')}`, name: 'birth date in the future', date: '2026-11-23' },
    { code: `账号6222${beijing}`, name: 'inside a longer digit run' },
    { code: `https://example.gov.cn/a${beijing}b`, name: 'glued to letters' },
    { code: `详见 https://www.gov.cn/zhengce/${beijing}.htm`, name: 'inside a URL' },
    { code: `统一社会信用代码：${both}`, name: 'a credit code that also passes the ID checks' },
    { code: `营业执照注册号110108000123452`, name: '15-digit registration number' },
    { code: `准考证号 110101850307452`, name: '15 digits without an ID word' },
    { code: `身份证号${beijing}`.replace(beijing, beijing.slice(0, 17)), name: '17 digits' },
    { code: `身份证号110101********4514`, options: { masked: 'off' }, name: 'masked, reporting off' },
    { code: `身份证号码110101850307452`, options: { legacy: false }, name: 'legacy form switched off' },
    { code: '1'.repeat(1_000_000), name: 'a megabyte digit run' },
    { code: `${'1'.repeat(500_000)}X${'2'.repeat(500_000)}`, name: 'a megabyte digit run with an X' },
    ['110101', '19800101', '999'].join(''),
  ],
  invalid: [
    { code: `申请人身份证号${beijing}。`, findings: [{ range: [7, 25], actual: beijing, expected: [`110101********${beijing.slice(14)}`], data: { region: '北京市东城区', birthDate: '1990-03-07', sex: 'male', kind: 'resident', masked: false, context: true } }] },
    { code: shenzhen, findings: [{ range: [0, 18], actual: shenzhen, data: { region: '广东省深圳市', birthDate: '1985-12-31', sex: 'female', context: false } }] },
    { code: `原住址崇文区，身份证${chongwen}`, findings: [{ range: [10, 28], actual: chongwen, data: { region: '北京市崇文区' } }] },
    { code: `东莞市居民${dongguan}`, findings: [{ range: [5, 23], actual: dongguan, data: { region: '广东省东莞市' } }] },
    { code: `和康县${hekang}`, findings: [{ range: [3, 21], actual: hekang, data: { region: '新疆维吾尔自治区和田地区和康县' } }] },
    { code: `身份证：${xId.toLowerCase()}`, findings: [{ range: [4, 22], actual: xId.toLowerCase() }] },
    {
      code: `来信人身份证号码：${withWrongIdCheck('11010119900307451')}。`,
      name: 'a mistyped check character after an ID label is still a published ID (warning)',
      findings: [{ range: [9, 27], actual: withWrongIdCheck('11010119900307451'), severity: 'warning', data: { region: '北京市东城区', birthDate: '1990-03-07', checksumValid: false, context: true } }],
    },
    { code: `居住证号${hongKongPermit}`, findings: [{ range: [4, 22], actual: hongKongPermit, data: { region: '香港特别行政区', kind: 'hk-macao-permit' } }] },
    { code: `居住证号${taiwanPermit}`, findings: [{ range: [4, 22], actual: taiwanPermit, data: { kind: 'taiwan-permit' } }] },
    { code: `永居证号码${foreigner}`, findings: [{ range: [5, 23], actual: foreigner, data: { kind: 'foreigner', nationality: '840' } }] },
    { code: `身份证号码：${both}`, name: 'ID word wins over the credit-code coincidence', findings: [{ range: [6, 24], actual: both }] },
    {
      name: 'spaced 6-8-4',
      code: `身份证号 ${beijing.slice(0, 6)} ${beijing.slice(6, 14)} ${beijing.slice(14)}`,
      findings: [{ range: [5, 25], actual: `${beijing.slice(0, 6)} ${beijing.slice(6, 14)} ${beijing.slice(14)}` }],
    },
    {
      name: 'full-width digits',
      code: `身份证号${[...beijing].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}`,
      findings: [{ range: [4, 22], actual: [...beijing].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('') }],
    },
    { code: '身份证号码110103850307452', name: 'legacy 15-digit after an ID word', findings: [{ range: [5, 20], actual: '110103850307452', data: { kind: 'legacy-15', birthDate: '1985-03-07', sex: 'female' } }] },
    {
      code: `订单号：${beijing}`,
      name: 'a fully valid ID after an order-number label: kept, at info, as a likely coincidence',
      findings: [{ range: [4, 22], actual: beijing, severity: 'info', data: { confidence: 'low', context: false } }],
    },
    {
      code: recentCode,
      name: 'a number whose "birth date" is within the last year, on a page that never names an ID: a case number more likely than a baby',
      date: '2026-11-23',
      findings: [{ range: [0, 18], actual: recentCode, severity: 'info', data: { confidence: 'low', birthDate: '2026-11-15' } }],
    },
    {
      code: `序号 姓名 身份证号\n1 张某 ${babyId}`,
      name: 'a baby’s ID in a table whose header names the ID column',
      date: '2026-11-23',
      findings: [{ range: [16, 34], actual: babyId, severity: 'error', data: { confidence: 'medium' } }],
    },
    {
      code: `准考证号：${beijing}。`,
      name: 'after an exam-ticket label: such numbers are often the holder ID itself',
      findings: [{ range: [5, 23], actual: beijing, data: { confidence: 'medium', context: false } }],
    },
    ...['考生号', '学籍号：', '社保卡号：', '会员号', '纳税人识别号：', '驾驶证号：', '证书编号'].map((label) => ({
      code: `${label}${beijing}`,
      name: `after ${label}`,
      findings: [{ range: [label.length, label.length + 18] as const, actual: beijing, data: { confidence: 'medium' } }],
    })),
    {
      name: 'dashed 6-8-4',
      code: `我的身份证是${beijing.slice(0, 6)}-${beijing.slice(6, 14)}-${beijing.slice(14)}。`,
      findings: [{ range: [6, 26], actual: `${beijing.slice(0, 6)}-${beijing.slice(6, 14)}-${beijing.slice(14)}`, expected: [`110101-********-${beijing.slice(14)}`] }],
    },
    { code: '身份证号110101********4514', name: 'already masked', findings: [{ range: [4, 22], actual: '110101********4514', severity: 'info', data: { masked: true } }] },
    { code: '身份证号11010119900307****', name: 'masked to the end', findings: [{ range: [4, 22], actual: '11010119900307****', severity: 'info', data: { masked: true } }] },
    { code: '身份证号1101011990xxxx4514', name: 'masked with x', findings: [{ range: [4, 22], actual: '1101011990xxxx4514', severity: 'info', data: { masked: true } }] },
    {
      code: `第一行\r\n第二行 ${beijing} 与 ${shenzhen}`,
      findings: [
        { range: [9, 27], actual: beijing },
        { range: [30, 48], actual: shenzhen },
      ],
    },
    {
      name: 'HTML: split by a tag, entity before it',
      format: 'html',
      code: `<p>身份证&nbsp;号：<b>${beijing.slice(0, 10)}</b>${beijing.slice(10)}</p>`,
      findings: [{ range: [17, 39], actual: `${beijing.slice(0, 10)}</b>${beijing.slice(10)}` }],
    },
    {
      name: 'astral characters before the number keep offsets in UTF-16 units',
      code: `𠮷野家𠮷${beijing}`,
      findings: [{ range: [6, 24], actual: beijing }],
    },
  ],
});

describe('privacy/cn-id-card severities (recommended preset)', () => {
  const checker = createChecker({ preset: 'recommended' });
  it('reports a leak as an error and a masked number at info', () => {
    const findings = checker.check(`身份证号${beijing}，另一人110101********4514`).filter((f) => f.ruleId === 'privacy/cn-id-card');
    expect(findings.map((f) => [f.severity, f.data?.masked])).toEqual([
      ['error', false],
      ['info', true],
    ]);
  });
  it('never puts the full number in the message', () => {
    const [f] = checker.check(`身份证号${beijing}`).filter((x) => x.ruleId === 'privacy/cn-id-card');
    expect(f?.message).not.toContain(beijing);
    expect(f?.message).toContain('110101********');
  });
});
