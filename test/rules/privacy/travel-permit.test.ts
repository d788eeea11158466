import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('privacy/travel-permit', {
  valid: [
    { code: '型号W12345678', name: 'a booklet form without a permit word' },
    { code: 'H12345678', name: 'a home-return form without a word' },
    { code: '编号C12345678', name: 'labelled as a serial' },
    { code: '电话12345678', name: 'eight digits without 台胞证' },
    { code: 'C12345678', options: { uncertain: 'off' }, name: 'uncertain off' },
    { code: 'C'.repeat(1_000_000), name: 'a megabyte of C' },
  ],
  invalid: [
    { code: '往来港澳通行证号码：C12345678', findings: [{ range: [10, 19], actual: 'C12345678', expected: ['C*****678'], data: { context: true } }] },
    { code: '港澳通行证CA1234567', findings: [{ range: [5, 14], actual: 'CA1234567' }] },
    { code: '往来台湾通行证L12345678', findings: [{ range: [7, 16], actual: 'L12345678', data: { permit: '往来台湾通行证' } }] },
    { code: '回乡证号码H1234567801', findings: [{ range: [5, 16], actual: 'H1234567801', data: { permit: '港澳居民来往内地通行证' } }] },
    { code: '台胞证号码：12345678', findings: [{ range: [6, 14], actual: '12345678', data: { permit: '台湾居民来往大陆通行证' } }] },
    { code: '持C12345678办理', name: 'a bare card number at info', findings: [{ range: [1, 10], actual: 'C12345678', data: { context: false } }] },
  ],
  invalidOptions: [{ uncertian: 'off' }, { uncertain: 'maybe' }, { uncertain: false }],
});
