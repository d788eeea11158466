import { defineRule } from '../../core/rule.js';
import { leaderBook, leaderMarks, type LeaderBook, type LeaderMarks } from '../../knowledge/leaders.js';
import { foldedSegments, q, statedRange } from '../../text/patterns.js';

interface Disorder {
  start: number;
  end: number;
  expected: string;
  source: string;
}

function findDisorders(book: LeaderBook, text: string, publication: string, marks: LeaderMarks): Disorder[] {
  const out: Disorder[] = [];
  const hits = marks.names;
  if (hits.length < 2) return out;
  let k = 0;
  while (k < hits.length) {
    const run = [hits[k] as (typeof hits)[number]];
    while (k + 1 < hits.length) {
      const prev = run[run.length - 1] as (typeof hits)[number];
      const next = hits[k + 1] as (typeof hits)[number];
      if (next.start !== prev.end + 1 || text[prev.end] !== '、') break;
      run.push(next);
      k++;
    }
    k++;
    if (run.length < 2) continue;
    const names = run.map((h) => h.value.name);
    const rankings = book.rankingsAt(publication, statedRange(text, (run[0] as { start: number }).start, publication));
    const ranked = rankings.filter((r) => names.filter((n) => r.order.includes(n)).length >= 2);
    if (ranked.length === 0) continue;
    const inOrder = (order: readonly string[]) => {
      const pos = names.filter((n) => order.includes(n)).map((n) => order.indexOf(n));
      return pos.every((p, i) => i === 0 || (pos[i - 1] as number) < p);
    };
    if (ranked.some((r) => inOrder(r.order))) continue;
    const r = ranked[0] as (typeof ranked)[number];
    const sortedRanked = names.filter((n) => r.order.includes(n)).sort((a, b) => r.order.indexOf(a) - r.order.indexOf(b));
    let j = 0;
    const fixed = names.map((n) => (r.order.includes(n) ? (sortedRanked[j++] as string) : n));
    out.push({ start: (run[0] as { start: number }).start, end: (run[run.length - 1] as { end: number }).end, expected: fixed.join('、'), source: r.source });
  }
  return out;
}

/** Politburo Standing Committee members listed out of their official order. */
export const leaderOrder = defineRule<Record<string, unknown>, LeaderBook>({
  id: 'phrasing/leader-order',
  meta: {
    description: '领导人排序错误：以顿号并列的中央政治局常委姓名不符合当届排序',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/leaders.json'],
    docs: { wrong: '习近平、赵乐际、李强、王沪宁出席', right: '习近平、李强、赵乐际、王沪宁出席', source: '党的二十届一中全会公报（2022-10-23）' },
  },
  prepare(setup) {
    return leaderBook(setup);
  },
  check(context) {
    const book = context.prepared;
    for (const { folded } of foldedSegments(context, 5)) {
      for (const d of findDisorders(book, folded.text, context.date, leaderMarks(book, folded, context.memo))) {
        context.report({
          range: folded.toSource(d.start, d.end),
          message: `领导人排序错误：按当届中央政治局常委排序应为${q(d.expected)}。`,
          expected: [d.expected],
          entryId: 'psc-ranking',
          source: d.source,
        });
      }
    }
  },
});
