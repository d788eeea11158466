import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from '../phrasing/helpers.js';

ruleTester.run('typo/unpaired-punctuation', {
  valid: [
    '学习《中华人民共和国宪法》，增强“四个意识”（见附件）【重要】。',
    '“第一段引文开头\n“第二段引文结束。”',
    '1）加强领导；\n2）落实责任。',
    '（一）总体要求(试行)',
    '引用了‘单引号’和「直角引号」。',
    { code: '全国无障碍环境示范城市等一批“国\n字号”荣誉。', name: 'plain text wrapped mid-sentence (PDF copy): the quote closes on the next line' },
    { code: '【字体：大 中 小】\n【字体：\n大 中 小】', name: 'page chrome, whole or split where its links were lost' },
  ],
  invalid: [
    { code: '学习《中华人民共和国宪法，增强意识。', findings: [at('学习《中华人民共和国宪法，增强意识。', '《')] },
    { code: '增强“四个意识。', findings: [at('增强“四个意识。', '“')] },
    { code: '见附件）。', findings: [at('见附件）。', '）')] },
    { code: '【重要通知', findings: [at('【重要通知', '【')] },
    { code: '“引文未结束\n下一段不是引文。', findings: [at('“引文未结束\n下一段不是引文。', '“')] },
    { code: '他说“我们\n去吧。', name: 'a wrapped line whose next line does not close the quote', findings: [at('他说“我们\n去吧。', '“')] },
    { code: '一批“国字号。\n字号”荣誉', name: 'a line that ends its sentence does not continue on the next', findings: [at('一批“国字号。\n字号”荣誉', '“'), at('一批“国字号。\n字号”荣誉', '”')] },
  ],
});
