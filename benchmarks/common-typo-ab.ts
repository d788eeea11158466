/**
 * typo/common-typo and the jieba cut, this tree against an earlier commit, in one process (A/B): the
 * earlier commit's `src/` and `dictionaries/` (with package.json and tsconfig.json, so that they load as this tree does) are extracted with `git archive` into a temporary folder
 * and imported beside this tree's, and the two are run alternately, round by round, on the same
 * generated portal pages (benchmarks/portal.ts), page by page; each page's least time over the rounds.
 * The findings of both are checked equal first, and so are the cuts.
 *
 * - common-typo: the rule's own time per page (the checker's `timing`), which includes the cut of
 *   each text it is the first to ask for (a check memoizes cuts for later rules);
 * - cut: the segmenter alone, on every text common-typo hands it on those pages.
 *
 * Usage: `npx tsx benchmarks/common-typo-ab.ts [base-ref]` (default `main`). Environment:
 * BENCH_PAGES (default 200), BENCH_ROUNDS (default 9), BENCH_NEW_FIRST (load this tree first),
 * BENCH_ALL (run every rule of the default configuration, as the CLI does, rather than common-typo
 * alone; its time is still common-typo's).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { portalPage } from './portal.js';

type Segmenter = (text: string) => readonly string[];
interface Checker {
  checkHtml(html: string, options: { date: string }): { ruleId: string; range: readonly number[]; entryId?: string; severity: string; expected: readonly string[] }[];
  timings(): Readonly<Record<string, number>>;
}
interface Tree {
  name: string;
  createChecker(config: unknown, runtime: unknown): Checker;
  createJiebaSegmenter(d: unknown): Segmenter;
  dictionary: unknown;
  words: unknown;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const base = process.argv[2] ?? 'main';
const PAGES = Number(process.env.BENCH_PAGES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const RULE = 'typo/common-typo';
/** Every rule of the default configuration on, as the CLI runs them (the other rules' tables then compete for the caches). */
const ALL = Boolean(process.env.BENCH_ALL);

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-ab-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
execSync(`git archive ${base} src dictionaries package.json tsconfig.json | tar -x -C "${dir}"`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');

async function load(name: string, at: string): Promise<Tree> {
  const url = (p: string) => pathToFileURL(join(at, p)).href;
  const { createChecker } = await import(url('src/checker.ts'));
  const { createJiebaSegmenter } = await import(url('src/text/jieba/index.ts'));
  const { jiebaDictionary } = await import(url('src/node/segment.ts'));
  const { jiebaWordFrequencies } = await import(url('src/node/words.ts'));
  return { name, createChecker, createJiebaSegmenter, dictionary: jiebaDictionary(), words: jiebaWordFrequencies() };
}

// The tree loaded second runs measurably slower (its dictionary's memory, it seems): BENCH_NEW_FIRST=1
// loads this tree first, so that running both ways shows the order's share.
const trees = process.env.BENCH_NEW_FIRST ? [await load('this tree', root), await load(`base ${base}`, dir)].reverse() : [await load(`base ${base}`, dir), await load('this tree', root)];
const pages = Array.from({ length: PAGES }, (_, i) => portalPage(i));

// One checker per tree, with that tree's segmenter; the texts the rule cuts are recorded on the first pass.
const cutTexts: string[] = [];
let recording = false;
const runs = trees.map((t) => {
  const cut = t.createJiebaSegmenter(t.dictionary);
  const segmenter: Segmenter = (text) => {
    if (recording) cutTexts.push(text);
    return cut(text);
  };
  const checker = t.createChecker(ALL ? undefined : { preset: 'none', rules: { [RULE]: 'warning' } }, { segmenter, words: t.words, timing: true });
  return { tree: t, cut, checker };
});

const findings = runs.map((r, k) => {
  recording = k === 1;
  const out = pages.map((p) => JSON.stringify(r.checker.checkHtml(p, { date: '2025-01-01' }).map((f) => [f.ruleId, f.range, f.entryId, f.severity, f.expected])));
  recording = false;
  return out;
});
const differing = findings[0]!.filter((f, i) => f !== findings[1]![i]).length;
if (differing > 0) throw new Error(`the findings differ on ${differing} of ${PAGES} pages`);
const cutDiffer = cutTexts.filter((t) => JSON.stringify(runs[0]!.cut(t)) !== JSON.stringify(runs[1]!.cut(t))).length;
if (cutDiffer > 0) throw new Error(`the cuts differ on ${cutDiffer} of ${cutTexts.length} texts`);

// Texts cut on each page, for the segmenter alone.
const pageTexts: string[][] = pages.map(() => []);
{
  let page = 0;
  recording = true;
  const at = cutTexts.length;
  for (; page < PAGES; page++) {
    const from = cutTexts.length;
    runs[1]!.checker.checkHtml(pages[page]!, { date: '2025-01-01' });
    pageTexts[page] = cutTexts.slice(from);
  }
  recording = false;
  cutTexts.length = at;
}

// The trees take turns page by page (the first to go alternating too), so that both see the same
// machine. Each page's time is its least over the rounds: on a shared machine the time of a few
// milliseconds' work only ever grows by what others take, so the least is the truest.
const ruleMs = [new Float64Array(PAGES).fill(Infinity), new Float64Array(PAGES).fill(Infinity)];
const cutMs = [new Float64Array(PAGES).fill(Infinity), new Float64Array(PAGES).fill(Infinity)];
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < PAGES; i++) {
    for (const k of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
      const r = runs[k]!;
      const before = r.checker.timings()[RULE] ?? 0;
      r.checker.checkHtml(pages[i]!, { date: '2025-01-01' });
      ruleMs[k]![i] = Math.min(ruleMs[k]![i]!, (r.checker.timings()[RULE] ?? 0) - before);
      const t0 = performance.now();
      for (const t of pageTexts[i]!) r.cut(t);
      cutMs[k]![i] = Math.min(cutMs[k]![i]!, performance.now() - t0);
    }
  }
}
const perPage = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / PAGES;

console.log(`${PAGES} portal pages, ${ROUNDS} rounds, pages alternating, each page's least time (ms a page); ${cutTexts.length} texts cut; findings and cuts equal`);
console.log(`${''.padEnd(22)}${'common-typo'.padStart(12)}${'cut alone'.padStart(12)}`);
for (let k = 0; k < 2; k++) console.log(`${runs[k]!.tree.name.padEnd(22)}${perPage(ruleMs[k]!).toFixed(3).padStart(12)}${perPage(cutMs[k]!).toFixed(3).padStart(12)}`);
console.log(`${'speed-up'.padEnd(22)}${(perPage(ruleMs[0]!) / perPage(ruleMs[1]!)).toFixed(2).padStart(11)}×${(perPage(cutMs[0]!) / perPage(cutMs[1]!)).toFixed(2).padStart(11)}×`);
