import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('sensitive/drugs-contraband', {
  valid: ['坚决打击贩卖冰毒等毒品犯罪。', '以非法出售枪支罪判处有期徒刑。', '市民冬季到溜冰场锻炼。', '警惕“听话水”骗局。', '以出售假币罪判处'],
  invalid: [
    { code: '出售冰毒，量大从优', findings: [{ range: [0, 4], actual: '出售冰毒', entryId: 'drug-sale', data: { category: 'drugs-contraband' } }] },
    { code: '气枪出售 货到付款', findings: [{ range: [0, 4], actual: '气枪出售', entryId: 'firearm-sale' }] },
    { code: '出售迷药', findings: [{ range: [0, 4], actual: '出售迷药', entryId: 'drug-facilitated' }] },
  ],
});
