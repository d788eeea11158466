import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('privacy/cn-passport', {
  valid: [
    { code: '型号E12345678', name: 'labelled as a model' },
    { code: '高铁G1234次', name: 'a train number' },
    { code: 'E1234567', name: 'seven digits' },
    { code: 'E123456789', name: 'nine digits' },
    { code: 'EI1234567', name: 'I is not used' },
    { code: 'AE12345678', name: 'glued to a letter' },
    { code: 'E12345678', options: { uncertain: 'off' }, name: 'no passport word, uncertain off' },
    { code: 'E'.repeat(1_000_000), name: 'a megabyte of E' },
    { code: '编号D12345678', name: 'an old diplomatic form needs a passport word' },
    { code: '订单141234567', name: 'an old 9-digit form needs a passport word' },
    { code: '车次D3125，编号P1234567，S1234567', name: 'older official series need a passport word' },
    { code: '1'.repeat(1_000_000), name: 'a megabyte of digits' },
  ],
  invalid: [
    { code: '护照号码：E12345678', findings: [{ range: [5, 14], actual: 'E12345678', expected: ['E*****678'], data: { series: '普通电子护照', context: true } }] },
    { code: '护照号EA1234567', findings: [{ range: [3, 12], actual: 'EA1234567' }] },
    { code: '护照号：G12345678', findings: [{ range: [4, 13], actual: 'G12345678', data: { context: true } }] },
    { code: 'passport: DE1234567', findings: [{ range: [10, 19], actual: 'DE1234567', data: { series: '外交护照' } }] },
    { code: '护照 K12345678', findings: [{ range: [3, 12], actual: 'K12345678', data: { series: '香港特别行政区护照' } }] },
    { code: '护照号码MA1234567', findings: [{ range: [4, 13], actual: 'MA1234567', data: { series: '澳门特别行政区护照' } }] },
    { code: '旧护照号141234567', findings: [{ range: [4, 13], actual: '141234567', data: { context: true } }] },
    { code: '因公护照号码：P1234567', name: 'an older public-affairs passport', findings: [{ range: [7, 15], actual: 'P1234567', data: { series: '公务普通护照', context: true } }] },
    { code: '外交护照D1234567', findings: [{ range: [4, 12], actual: 'D1234567', data: { series: '外交护照' } }] },
    { code: '持SE1234567入境', findings: [{ range: [1, 10], actual: 'SE1234567', data: { context: false } }] },
  ],
});
