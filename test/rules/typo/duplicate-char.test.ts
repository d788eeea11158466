import { jiebaSegmenter } from '../../../src/node/segment.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from '../phrasing/helpers.js';

const valid = [
  '我们常常说，天天向上，看看谢谢，等等。',
  '认认真真、扎扎实实地做好工作，一个个项目落地。',
  '所有有关部门，现在在家的人，实现目的的手段。',
  '不了了之，的的确确，是是非非。',
  '乌兰察布市市民，桨板队队员，冬宫桥桥面，连云港港。',
  '镌刻着著名英烈名录。',
  '蒸蒸日上，兢兢业业，井井有条。',
];

ruleTester.run(
  'typo/duplicate-char',
  {
    valid,
    invalid: [
      { code: '进一步加强的的管理', findings: [at('进一步加强的的管理', '的的', { expected: ['的'] })] },
      { code: '我们在在会上发言', findings: [at('我们在在会上发言', '在在', { expected: ['在'] })] },
      { code: '我们们要努力', findings: [at('我们们要努力', '我们们', { expected: ['我们'] })] },
      { code: '为平民撤离所做出的的努力', findings: [at('为平民撤离所做出的的努力', '的的', { expected: ['的'] })] },
      { code: '这是是一项重要工作', findings: [at('这是是一项重要工作', '是是', { expected: ['是'] })] },
    ],
  },
  { segmenter: jiebaSegmenter },
);

ruleTester.run('typo/duplicate-char', {
  valid: valid.map((code) => ({ code, name: `no segmenter: ${code.slice(0, 20)}` })),
  invalid: [
    { code: '进一步加强的的管理', findings: [at('进一步加强的的管理', '的的', { expected: ['的'] })], name: 'no segmenter: 的的' },
    { code: '我们们要努力', findings: [at('我们们要努力', '我们们', { expected: ['我们'] })], name: 'no segmenter: 我们们' },
  ],
});
