/**
 * Word segmentation: shenjiao's TypeScript jieba (`src/text/jieba/`, through `src/node/segment.ts`)
 * against nodejieba (`cut(text, true)`, the same dictionary files), in this one process:
 * - load: ours compiled from the source files into an empty cache folder (cold: the first run after
 *   installing), ours read from that cache (warm: every later run), nodejieba's `load` (with a one-line
 *   IDF table, as shenjiao used to load it: `cut` reads no keyword table);
 * - cut throughput on the lines of 200 generated portal pages (benchmarks/portal.ts, raw HTML) and of
 *   the clean corpus, peers alternating round by round; medians. The cuts are checked equal first.
 *
 * Environment: BENCH_ROUNDS (default 5).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaSegmenter } from '../src/text/jieba/index.js';
import { jiebaFiles, loadJiebaDictionaryCached } from '../src/node/segment.js';
import { portalPage } from './portal.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const require = createRequire(import.meta.url);
const nodejieba = require('nodejieba') as { load(o: Record<string, string>): void; cut(t: string, hmm: boolean): string[] };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const fmt = (n: number, d = 0) => n.toFixed(d);

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-segment-bench-'));
const idfDict = join(dir, 'idf-stub.utf8');
writeFileSync(idfDict, '的 1.0\n');

// Load.
gc();
const cold: number[] = [];
let load = loadJiebaDictionaryCached({ cacheDirs: [dir] });
for (let i = 0; i < 3; i++) {
  rmSync(load.path as string);
  cold.push(time(() => (load = loadJiebaDictionaryCached({ cacheDirs: [dir] }))));
}
const warm: number[] = [];
for (let i = 0; i < ROUNDS; i++) warm.push(time(() => (load = loadJiebaDictionaryCached({ cacheDirs: [dir] }))));
if (load.from !== 'cache') throw new Error('the warm load did not read the cache');
const ours = createJiebaSegmenter(load.dictionary);
const compiledBytes = statSync(load.path as string).size;

gc();
const theirs: number[] = [];
for (let i = 0; i < 3; i++) theirs.push(time(() => nodejieba.load({ idfDict })));
rmSync(dir, { recursive: true, force: true });

// Throughput.
const clean = fileURLToPath(new URL('../test/fixtures/clean/', import.meta.url));
const lines = [
  ...Array.from({ length: 200 }, (_, i) => portalPage(i)).flatMap((p) => p.split('\n')),
  ...readdirSync(clean).flatMap((f) => readFileSync(join(clean, f), 'utf8').split('\n')),
].filter((l) => l.length > 0);
const units = lines.reduce((n, l) => n + l.length, 0);
for (const l of lines) {
  if (JSON.stringify(ours(l)) !== JSON.stringify(nodejieba.cut(l, true))) throw new Error(`cuts differ on ${JSON.stringify(l.slice(0, 60))}`);
}
const oursCut: number[] = [];
const theirsCut: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  oursCut.push(time(() => lines.forEach((l) => ours(l))));
  theirsCut.push(time(() => lines.forEach((l) => nodejieba.cut(l, true))));
}

const files = jiebaFiles();
console.log(`jieba segmentation, node ${process.version}; dictionary ${fmt(readFileSync(files.dict).length / 1e6, 1)} MB, compiled ${fmt(compiledBytes / 1e6, 1)} MB`);
console.log('\n| load | shenjiao ms | nodejieba ms | nodejieba / shenjiao |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| cold (compile + write the cache) | ${fmt(median(cold))} | ${fmt(median(theirs))} | ${fmt(median(theirs) / median(cold), 1)}× |`);
console.log(`| warm (read the cache) | ${fmt(median(warm), 1)} | ${fmt(median(theirs))} | ${fmt(median(theirs) / median(warm))}× |`);
console.log(`\n| cut ${lines.length} lines, ${fmt(units / 1e6, 2)} M UTF-16 units | ms | lines/s | M units/s | ratio to nodejieba |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, ms] of [['shenjiao', median(oursCut)], ['nodejieba', median(theirsCut)]] as const) {
  console.log(`| ${name} | ${fmt(ms)} | ${fmt(lines.length / (ms / 1000))} | ${fmt(units / 1e6 / (ms / 1000), 2)} | ${fmt(median(theirsCut) / ms, 2)}× |`);
}
