import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createChecker } from '../src/checker.js';
import { jiebaSegmenter, nodejiebaSegmenter } from '../src/node/segment.js';
import { jiebaWordFrequencies } from '../src/node/words.js';
import { rules as phrasing } from '../src/rules/phrasing/index.js';
import { rules as typo } from '../src/rules/typo/index.js';
import { normalize } from '../src/text/normalize.js';

/**
 * Scenario: one 3 KB official article (paragraphs of the clean corpus, real text) through every
 * phrasing and typo rule, as a CMS would check an article on save. Reports the median of many runs,
 * with and without the nodejieba segmenter, against two references in the same process: the
 * checker with no rule on (document model only) and a naive scan (String#includes for every
 * dictionary pattern, no folding, no near misses), the floor of any list-based checker.
 */
const dir = new URL('../test/fixtures/clean/', import.meta.url);
const paragraphs = readdirSync(dir)
  .sort()
  .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').slice(1))
  .filter((p) => p.length > 40);
let article = '';
for (const p of paragraphs) {
  if (Buffer.byteLength(article + p + '\n') > 3072) break;
  article += `${p}\n`;
}

const ids = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
const core = createChecker({ preset: 'none', rules: ids });
// As shenjiao/node runs them: the segmenter and its dictionary's word counts (typo/confusable-word weighs words).
const node = createChecker({ preset: 'none', rules: ids }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
const empty = createChecker({ preset: 'none' });
const patterns: string[] = [];
for (const list of ['phrasing/canonical-terms', 'phrasing/protected-terms', 'phrasing/banned-terms', 'phrasing/outdated-terms', 'phrasing/institutions', 'phrasing/leaders', 'typo/common-typos']) {
  const d = JSON.parse(readFileSync(new URL(`../dictionaries/${list}.json`, import.meta.url), 'utf8')) as { entries: { patterns: string[] }[] };
  for (const e of d.entries) patterns.push(...e.patterns);
}
const naive = (text: string) => patterns.filter((p) => text.includes(p)).length;

/**
 * Median CPU time per call (user + system, process.cpuUsage) over `rounds` batches: on a shared CI
 * machine wall time also counts other processes' turns, CPU time only ours.
 */
function median(run: () => unknown, rounds = 31, inner = 50): number {
  for (let i = 0; i < 200; i++) run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < inner; i++) run();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000 / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)] as number;
}

const rows: [string, number][] = [];
// Interleave the candidates so machine noise hits them alike.
const candidates: [string, () => unknown][] = [
  [`shenjiao, ${Object.keys(ids).length} phrasing+typo rules, core (no segmenter)`, () => core.check(article, { date: '2024-06-01' })],
  [`shenjiao, ${Object.keys(ids).length} phrasing+typo rules, with the jieba segmenter and word counts (node checker)`, () => node.check(article, { date: '2024-06-01' })],
  ['checker with no rule on (document model only)', () => empty.check(article)],
  ['normalize the article once (fold used by the rules)', () => normalize(article, { noise: true })],
  // The rules share one cut of each paragraph per check: this is that share of the node checker's row.
  ['jieba cut of the article alone (TypeScript)', () => jiebaSegmenter(article)],
  ['nodejieba cut of the article alone (peer)', () => nodejiebaSegmenter(article)],
  [`naive: String#includes for ${patterns.length} dictionary patterns`, () => naive(article)],
];
const sums = new Map<string, number[]>();
for (let round = 0; round < 3; round++) for (const [name, run] of candidates) (sums.get(name) ?? sums.set(name, []).get(name))?.push(median(run));
for (const [name] of candidates) rows.push([name, (sums.get(name) as number[]).sort((a, b) => a - b)[1] as number]);

console.log(`article: ${article.length} UTF-16 units, ${Buffer.byteLength(article)} bytes UTF-8, ${article.split('\n').length - 1} paragraphs`);
console.log(`findings: core ${core.check(article, { date: '2024-06-01' }).length}, node checker ${node.check(article, { date: '2024-06-01' }).length}`);
const base = rows[0]?.[1] as number;
console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs; times are CPU time (user+system) per article, median of 31×50 runs, middle of 3 interleaved rounds`);
console.log('| scenario | median per article | ratio to shenjiao core |');
console.log('|---|---|---|');
for (const [name, ms] of rows) console.log(`| ${name} | ${(ms * 1000).toFixed(0)} µs | ${(ms / base).toFixed(2)} |`);
