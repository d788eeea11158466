import { readFileSync } from 'node:fs';
import { createChecker } from '../../../src/checker.js';
import type { Segmenter } from '../../../src/core/rule.js';
import { rules as phrasing } from '../../../src/rules/phrasing/index.js';
import { rules as typo } from '../../../src/rules/typo/index.js';
import type { Config, WordFrequencies } from '../../../src/types.js';

/** One error passage: `wrong` occurs in `text`; `expected` is the canonical form ('' = only needs reporting). */
export interface Passage {
  id: string;
  text: string;
  wrong: string;
  expected: string;
  date?: string;
  config?: string;
  source?: string;
}

/** Reads a fixture of error passages (test/fixtures/phrasing-errors/*.json). */
export function readPassages(name: string): Passage[] {
  return (JSON.parse(readFileSync(new URL(`../../fixtures/phrasing-errors/${name}`, import.meta.url), 'utf8')) as { passages: Passage[] }).passages;
}

const rules = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
/** The local-leader config passages marked `config: "local-leaders"` use (湖南省委书记杜家毫, 2016-08-28 to 2020-11-30). */
const local: Config = {
  preset: 'none',
  rules,
  dictionaries: { leaders: [{ id: 'du-jiahao', patterns: ['杜家毫'], expected: ['杜家毫'], source: '中共湖南省委（测试用本地领导）', titles: [{ title: '湖南省委书记', validFrom: '2016-08-28', validTo: '2020-11-30' }] }] },
};

/**
 * Whether `hit`'s first replacement corrects the passage: either it is the canonical form itself, or
 * replacing the finding's own range with it gives the same text as replacing `wrong` with the canonical
 * form (a finding on "省省委书记" offering "省委书记" fixes "浙江省省委书记" as well as one on the whole).
 */
function corrects(p: Passage, hit: { range: readonly [number, number]; expected: readonly string[] }): boolean {
  const first = hit.expected[0];
  if (first === undefined) return false;
  if (first === p.expected) return true;
  return p.text.slice(0, hit.range[0]) + first + p.text.slice(hit.range[1]) === p.text.replace(p.wrong, p.expected);
}

/**
 * Runs every phrasing and typo rule over each passage; a passage is found when a finding overlaps its
 * error, and right when that finding's first replacement corrects it to the canonical form. With
 * `words` (the segmenter's dictionary counts, as shenjiao/node injects them) the rules that weigh words
 * run too.
 */
export function measure(passages: readonly Passage[], segmenter?: Segmenter, words?: WordFrequencies) {
  const runtime = { ...(segmenter ? { segmenter } : {}), ...(words ? { words } : {}) };
  const plain = createChecker({ preset: 'none', rules }, runtime);
  const withLocal = createChecker(local, runtime);
  const results = passages.map((p) => {
    const start = p.text.indexOf(p.wrong);
    const end = start + p.wrong.length;
    const findings = (p.config ? withLocal : plain).check(p.text, { date: p.date ?? '2024-06-01' });
    const hit = findings.find((f) => f.range[0] < end && start < f.range[1]);
    return { p, hit, right: hit !== undefined && (p.expected === '' || corrects(p, hit)) };
  });
  const found = results.filter((r) => r.hit).length;
  const withExpected = results.filter((r) => r.p.expected !== '');
  const right = withExpected.filter((r) => r.right).length;
  return {
    results,
    recall: found / results.length,
    expectedRate: right / withExpected.length,
    missed: results.filter((r) => !r.hit).map((r) => `${r.p.id} ${r.p.wrong}`),
    notFirst: withExpected.filter((r) => !r.right).map((r) => `${r.p.id} ${r.p.wrong} → ${r.hit?.expected[0] ?? '(missed)'}`),
  };
}
