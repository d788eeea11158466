import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from '../phrasing/helpers.js';

ruleTester.run('typo/unpaired-punctuation', {
  valid: [
    '学习《中华人民共和国宪法》，增强“四个意识”（见附件）【重要】。',
    '“第一段引文开头\n“第二段引文结束。”',
    '1）加强领导；\n2）落实责任。',
    '（一）总体要求(试行)',
    '引用了‘单引号’和「直角引号」。',
  ],
  invalid: [
    { code: '学习《中华人民共和国宪法，增强意识。', findings: [at('学习《中华人民共和国宪法，增强意识。', '《')] },
    { code: '增强“四个意识。', findings: [at('增强“四个意识。', '“')] },
    { code: '见附件）。', findings: [at('见附件）。', '）')] },
    { code: '【重要通知', findings: [at('【重要通知', '【')] },
    { code: '“引文未结束\n下一段不是引文。', findings: [at('“引文未结束\n下一段不是引文。', '“')] },
  ],
});
