import { ruleTester } from '../../helpers/rule-tester.js';

/** Independent MOD 11-2 (GB 11643-1999): check = (12 - (Σ a_i·2^(17-i) mod 11)) mod 11, 10 written X. */
function withCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return body + (c === 10 ? 'X' : String(c));
}

function wrongCheck(body: string): string {
  const right = withCheck(body).slice(17);
  return body + (right === '0' ? '1' : '0');
}

const beijing = withCheck('11010119900307451');
const guangdong = withCheck('44030019851231002');
const withX = ['110101', '19800101', '999'].join('');
// Search a body whose check character is X so the upper- and lower-case forms are both exercised.
let xBody = '';
for (let n = 0; n < 1000 && !xBody; n++) {
  const body = `33010619750615${String(n).padStart(3, "0")}`;
  if (withCheck(body).endsWith('X')) xBody = body;
}
const xId = withCheck(xBody);
const hongKongPermit = withCheck('81000019920415123');

ruleTester.run('privacy/cn-id-card', {
  valid: [
    '国办发〔2017〕47号文件印发。',
    { code: `编号${wrongCheck('11010119900307451')}号`, name: 'a wrong check digit is not an ID' },
    { code: `流水号${withCheck('99010119900307451')}`, name: 'unknown province' },
    { code: `订单${withCheck('11010119901307451')}`, name: 'month 13' },
    { code: `订单${withCheck('11010119900230451')}`, name: '30 February' },
    { code: `号码${withCheck('11010120300101451')}`, name: 'birth date in the future', date: '2026-11-23' },
    { code: `账号6222${beijing}`, name: 'inside a longer digit run' },
    { code: `https://example.gov.cn/a${beijing}b`, name: 'glued to letters' },
    withX,
  ],
  invalid: [
    { code: `申请人身份证号${beijing}。`, findings: [{ range: [7, 25], actual: beijing, data: { region: '北京市', birthDate: '1990-03-07', sex: 'male' } }] },
    { code: `${guangdong}`, findings: [{ range: [0, 18], actual: guangdong, data: { region: '广东省', birthDate: '1985-12-31', sex: 'female' } }] },
    { code: `身份证：${xId.toLowerCase()}`, findings: [{ range: [4, 22], actual: xId.toLowerCase() }] },
    { code: `居住证号${hongKongPermit}`, findings: [{ range: [4, 22], actual: hongKongPermit, data: { region: '香港特别行政区' } }] },
    {
      code: `第一行\r\n第二行 ${beijing} 与 ${guangdong}`,
      findings: [
        { range: [9, 27], actual: beijing },
        { range: [30, 48], actual: guangdong },
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
