import { ruleTester } from '../../helpers/rule-tester.js';
import { withLuhn, withWrongLuhn } from '../../privacy/reference.js';

const unionPay19 = withLuhn('622202123456789012');
const unionPay16 = withLuhn('622848123456789');
const visa = withLuhn('436742123456789');
const master = withLuhn('522222123456789');
const amex = withLuhn('37828224631000');
const icbc = withLuhn('955880123456789012');
const unknownPrefix = withLuhn('888812345678901'); // 16 digits, no known issuer
const imei = withLuhn('86012345678901'); // 15 digits, a phone TAC, not AmEx
const grouped = unionPay16.replace(/(\d{4})(?=\d)/g, '$1 ');
const bocLegacy = withLuhn('601382123456789012'); // 中国银行 长城电子借记卡, 19 digits
const cityBank = withLuhn('940022123456789'); // 宁波银行, 16 digits, a 94xxxx domestic BIN
const cityBankWrongLength = withLuhn('9400221234567890'); // the same BIN at 17 digits
const corporate = withLuhn('120202120990012345'); // 19 digits, no card-issuer prefix

ruleTester.run('privacy/bank-card', {
  valid: [
    { code: `卡号${withWrongLuhn('622202123456789012')}`, name: 'fails Luhn' },
    { code: `编号${unknownPrefix}`, name: 'no issuer prefix and no card word' },
    { code: `IMEI：${imei}`, name: 'an IMEI (15 digits)' },
    { code: `设备序列号 ${unionPay16}`, name: 'a serial that passes Luhn on an issuer prefix' },
    { code: `IMEI ${unionPay16}`, name: 'labelled IMEI' },
    { code: `订单号${visa}`, name: 'an order number' },
    { code: `合计${master}元`, name: 'an amount' },
    { code: `https://pay.example.com/${unionPay19}`, name: 'inside a URL' },
    { code: `A${unionPay19}`, name: 'glued to a letter' },
    { code: `卡号${unionPay19}1`, name: 'twenty digits' },
    { code: '卡号6222 **** **** 1234', options: { masked: 'off' }, name: 'masked, reporting off' },
    { code: `编号${cityBankWrongLength}`, name: 'a domestic BIN at a length its bank does not issue' },
    { code: '身份证110101********4514，1101**********4514', name: 'masked ID numbers are not masked cards' },
    { code: '9'.repeat(1_000_000), name: 'a megabyte digit run' },
    { code: '6222 '.repeat(200_000), name: 'a long run of four-digit groups' },
  ],
  invalid: [
    { code: `补贴已发放至${unionPay19}`, findings: [{ range: [6, 25], actual: unionPay19, expected: [`6222***********${unionPay19.slice(-4)}`], data: { issuer: '中国银联', context: false } }] },
    { code: `卡号：${grouped}`, name: 'groups of four', findings: [{ range: [3, 22], actual: grouped, data: { issuer: '中国银联', context: true } }] },
    { code: `信用卡${visa}`, findings: [{ range: [3, 19], actual: visa, data: { issuer: 'Visa' } }] },
    { code: `${master}`, findings: [{ range: [0, 16], actual: master, data: { issuer: 'Mastercard' } }] },
    { code: `${amex}`, findings: [{ range: [0, 15], actual: amex, data: { issuer: 'American Express' } }] },
    { code: `${icbc}`, findings: [{ range: [0, 19], actual: icbc }] },
    { code: `银行卡号${unknownPrefix}`, name: 'no known prefix but a card word', findings: [{ range: [4, 20], actual: unknownPrefix, data: { context: true } }] },
    {
      code: `户名：某某公司，账号：${corporate}`,
      name: 'an account number without an issuer prefix: an organisation’s account, at info',
      findings: [{ range: [11, 30], actual: corporate, severity: 'info', data: { context: true, issuer: undefined } }],
    },
    { code: `补助发放至${bocLegacy}`, name: 'a 60xxxx domestic BIN', findings: [{ range: [5, 24], actual: bocLegacy, data: { issuer: '中国银行', context: false } }] },
    { code: `工资卡${cityBank}`, name: 'a 94xxxx city-bank BIN', findings: [{ range: [3, 19], actual: cityBank, data: { issuer: '宁波银行' } }] },
    { code: '卡号6222 **** **** 1234', name: 'masked', findings: [{ range: [2, 21], actual: '6222 **** **** 1234', severity: 'info', data: { masked: true } }] },
  ],
});
