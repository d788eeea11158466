import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from '../phrasing/helpers.js';

const c = (code: string, actual: string, expected: string, output: string) => ({ code, output, findings: [at(code, actual, { expected: [expected] })] });

ruleTester.run('typo/common-typo', {
  valid: [
    '再接再厉，按部就班，一如既往，迫不及待，墨守成规。',
    '报名截止日期为3月31日，截至目前已有200人报名。',
    '新建一批露营地，小型拖拉机轻松驰骋在丘陵山地。',
    '神州大地，神舟十三号载人飞船。',
    '非营利组织',
  ],
  invalid: [
    c('我们要再接再励', '再接再励', '再接再厉', '我们要再接再厉'),
    c('不能默守成规', '默守成规', '墨守成规', '不能墨守成规'),
    c('安排布署工作', '布署', '部署', '安排部署工作'),
    c('截止目前已完成', '截止目前', '截至目前', '截至目前已完成'),
    c('神州十三号返回', '神州十三号', '神舟十三号', '神舟十三号返回'),
    c('要警钟常鸣', '警钟常鸣', '警钟长鸣', '要警钟长鸣'),
    c('迫不急待地', '迫不急待', '迫不及待', '迫不及待地'),
    c('按步就班推进', '按步就班', '按部就班', '按部就班推进'),
    { code: '再接再勵', output: '再接再勵', findings: [at('再接再勵', '再接再勵', { expected: ['再接再厉'] })], name: 'traditional form is found but not auto-fixed' },
  ],
});
