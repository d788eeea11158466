import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const t = '紧密团结在以习近平同志为总书记的党中央周围';
ruleTester.run('phrasing/outdated-term', {
  valid: [
    { code: t, date: '2015-06-01' },
    { code: `2015年，全党${t}`, date: '2024-06-01', name: 'a stated earlier year makes it history' },
    { code: '坚定道路自信、理论自信、制度自信，即“三个自信”', date: '2014-05-01' },
    { code: '深入贯彻习近平总书记系列重要讲话精神', date: '2016-03-01' },
    { code: '深入贯彻习近平总书记一系列重要讲话精神', date: '2024-03-01' },
  ],
  invalid: [
    { code: t, date: '2020-06-01', findings: [at(t, '以习近平同志为总书记的党中央', { expected: ['以习近平同志为核心的党中央'], entryId: 'core-instead-of-general-secretary' })] },
    { code: '坚定“三个自信”', date: '2020-06-01', findings: [at('坚定“三个自信”', '三个自信', { expected: ['四个自信'] })] },
    {
      code: '协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党',
      date: '2023-01-01',
      findings: [at('协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党', '全面建成小康社会、全面深化改革、全面依法治国、全面从严治党', { expected: ['全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党'] })],
    },
    { code: '打铁还需自身硬', date: '2020-01-01', findings: [at('打铁还需自身硬', '打铁还需自身硬', { expected: ['打铁必须自身硬'] })] },
  ],
});
