/**
 * phrasing/term-near-miss, before and after, in one process: `LexiconMatcher` of
 * `src/text/near-miss.ts` as of a base revision (read with `git show`, default the commit before the
 * matcher's rewrite; `npx tsx benchmarks/term-near-miss.bench.ts <rev>` for another) against the
 * working tree's, over generated 8 KB portal pages (benchmarks/portal.ts).
 *
 * - rule: two checkers with the recommended rules, jieba and its word counts, as the CLI runs them,
 *   identical but for the matcher the rule is prepared with; each page through both, alternating
 *   which goes first, in rounds; the rule's own time (the kernel's per-rule timing) per page, median of
 *   the rounds. The other rules run too, so the matcher's tables compete for caches as in a real job.
 * - find: `find` alone on the folded texts the rule passes it (captured in the first round), interleaved.
 *
 * Both also assert that the two matchers report the same near misses.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createChecker } from '../src/checker.js';
import { builtinLookalikes } from '../src/knowledge/lookalikes.js';
import { jiebaSegmenter } from '../src/node/segment.js';
import { jiebaWordFrequencies } from '../src/node/words.js';
import { lexiconTerms, termNearMiss } from '../src/rules/phrasing/term-near-miss.js';
import { LexiconMatcher } from '../src/text/near-miss.js';
import { portalPage } from './portal.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const base = process.argv[2] ?? 'acd03fd';
const PAGES = 200;
const ROUNDS = 9;

// The base revision's matcher, beside this script (so its packages resolve), its imports pointed at src/.
const copy = fileURLToPath(new URL('./.near-miss-base.ts', import.meta.url));
const oldSource = execFileSync('git', ['show', `${base}:src/text/near-miss.ts`], { cwd: root, encoding: 'utf8' })
  .replace(/from '(\.\.?)\/([^']+)'/g, (_, up: string, rest: string) => `from '../src/${up === '.' ? 'text/' : ''}${rest}'`);
writeFileSync(copy, oldSource);
let Old: typeof LexiconMatcher;
try {
  Old = ((await import(pathToFileURL(copy).href)) as { LexiconMatcher: typeof LexiconMatcher }).LexiconMatcher;
} finally {
  rmSync(copy, { force: true });
}

const terms = lexiconTerms();
const matchers = { old: new Old(terms, builtinLookalikes()), new: new LexiconMatcher(terms, builtinLookalikes()) };
const words = jiebaWordFrequencies();
const rule = termNearMiss as { prepare?: unknown };
const checkerWith = (m: unknown) => {
  rule.prepare = () => m;
  return createChecker(undefined, { segmenter: jiebaSegmenter, words, timing: true });
};
const checkers = { old: checkerWith(matchers.old), new: checkerWith(matchers.new) };

const pages: string[] = [];
for (let i = 0; i < PAGES; i++) pages.push(portalPage(i));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ID = 'phrasing/term-near-miss';

// Capture the folded texts the rule hands to find.
const texts: string[] = [];
const find = matchers.new.find;
matchers.new.find = function (this: typeof matchers.new, text, segmenter) {
  texts.push(text);
  return find.call(this, text, segmenter);
};
const ruleMs = { old: [] as number[], new: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  const before = { old: checkers.old.timings()[ID] ?? 0, new: checkers.new.timings()[ID] ?? 0 };
  for (let i = 0; i < pages.length; i++) {
    const order = (i + r) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    const out: Record<string, string> = {};
    for (const k of order) out[k] = JSON.stringify(checkers[k].checkHtml(pages[i] as string).filter((f) => f.ruleId === ID));
    if (out.old !== out.new) throw new Error(`page ${i}: findings differ\nold ${out.old}\nnew ${out.new}`);
  }
  if (r === 0) matchers.new.find = find;
  for (const k of ['old', 'new'] as const) ruleMs[k].push(((checkers[k].timings()[ID] ?? 0) - before[k]) / pages.length);
}

const findMs = { old: [] as number[], new: [] as number[] };
for (let r = 0; r < ROUNDS * 2; r++) {
  for (const k of r % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
    const t0 = performance.now();
    for (const t of texts) matchers[k].find(t, jiebaSegmenter);
    findMs[k].push((performance.now() - t0) / pages.length);
  }
}
for (const t of texts) {
  if (JSON.stringify(matchers.old.find(t, jiebaSegmenter)) !== JSON.stringify(matchers.new.find(t, jiebaSegmenter))) throw new Error(`find differs on ${t}`);
}

console.log(`${PAGES} portal pages, ${texts.length} folded texts, base ${base}; ms per page, median of ${ROUNDS} rounds (find: ${ROUNDS * 2})`);
console.log('| | base | working tree | speed-up |\n| --- | ---: | ---: | ---: |');
for (const [name, m] of [['rule (kernel timing, all rules on)', ruleMs], ['find alone', findMs]] as const) {
  const o = median(m.old);
  const n = median(m.new);
  console.log(`| ${name} | ${o.toFixed(3)} | ${n.toFixed(3)} | ${(o / n).toFixed(2)}× |`);
}
