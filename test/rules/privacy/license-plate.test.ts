import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('privacy/license-plate', {
  valid: [
    { code: '京A', name: 'too short' },
    { code: '京ABCDE1', name: 'too many letters' },
    { code: '京AI2345', name: 'I is not used' },
    { code: '京A123456', name: 'six digits is no new-energy plate' },
    { code: '京AL12345', name: 'L is not a new-energy series letter' },
    { code: '京AI12345', name: 'I is never used' },
    { code: '推动京津冀协同发展', name: 'prose' },
    { code: '粤B1**45', options: { masked: 'off' }, name: 'masked, reporting off' },
    { code: '京A'.repeat(300_000), name: 'a long repetition' },
  ],
  invalid: [
    { code: '车牌号粤B12345', findings: [{ range: [3, 10], actual: '粤B12345', expected: ['粤B****5'], data: { newEnergy: false, context: true } }] },
    { code: '京A·F0236违停', findings: [{ range: [0, 8], actual: '京A·F0236' }] },
    { code: '沪AD12345', name: 'small new-energy plate', findings: [{ range: [0, 8], actual: '沪AD12345', data: { newEnergy: true } }] },
    { code: '苏E12345F', name: 'large new-energy plate', findings: [{ range: [0, 8], actual: '苏E12345F', data: { newEnergy: true } }] },
    { code: '京AA12345', name: 'small new-energy plate of the extended series (A: pure electric)', findings: [{ range: [0, 8], actual: '京AA12345', data: { newEnergy: true } }] },
    { code: '浙AKJ8012', name: 'extended series, K: other new energy, letter second', findings: [{ range: [0, 8], actual: '浙AKJ8012', data: { newEnergy: true } }] },
    { code: '粤B12345G', name: 'large plate of the extended series', findings: [{ range: [0, 8], actual: '粤B12345G', data: { newEnergy: true } }] },
    { code: '沪A1234领', name: 'consulate plate', findings: [{ range: [0, 7], actual: '沪A1234领' }] },
    { code: '鲁B1234警', name: 'police plate', findings: [{ range: [0, 7], actual: '鲁B1234警' }] },
    { code: '粤B1**45', name: 'masked', findings: [{ range: [0, 7], actual: '粤B1**45', severity: 'info', data: { masked: true } }] },
  ],
});
