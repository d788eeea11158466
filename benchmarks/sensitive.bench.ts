/**
 * Multi-pattern scanning: shenjiao's `createMatcher(patterns).count(text)` against the JS peers and
 * ripgrep on a deterministic 20 MB corpus and 1k/10k/100k-word dictionaries built from nodejieba's
 * word list (see corpus.ts). Peers run in this one process, alternately, round by round; the table
 * gives medians. `rg -F` runs as a child process when installed and is skipped otherwise.
 *
 * Environment: BENCH_MB (corpus size, default 20), BENCH_ROUNDS (default 3), BENCH_SIZES (default 1000,10000,100000).
 */
import { AhoCorasick as MonyoneFast } from '@monyone/aho-corasick/fast';
import AhoCorasick from 'ahocorasick';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mintModule from 'mint-filter';
import ModernAhoCorasick from 'modern-ahocorasick';
import { createMatcher } from '../src/text/matcher.js';
import { buildCorpus, buildDictionary, loadJiebaWords } from './corpus.js';

const MB = Number(process.env.BENCH_MB ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** modern-ahocorasick is super-linear on match-dense text (ANCHORS.md): it gets a small slice. */
const MODERN_SLICE_UNITS = 20_000;
/** mint-filter needs gigabytes at 100k words (ANCHORS.md): it scans a 2 MB slice. */
const MINT_SLICE_BYTES = 2 * 1024 * 1024;

interface Peer {
  readonly name: string;
  /** The text this peer scans (a slice for the slow ones). */
  readonly text: string;
  build(patterns: string[]): void;
  count(): number;
  readonly note: string;
}

/** mint-filter is CommonJS with `exports.default`; under ESM interop the class sits one level down. */
const Mint = ((mintModule as unknown as { default: { default?: unknown } }).default.default ?? (mintModule as unknown as { default: unknown }).default) as typeof mintModule.Mint;
type Mint = mintModule.Mint;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rss = () => process.memoryUsage().rss;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function slice(text: string, units: number): string {
  return text.slice(0, units);
}

function peers(corpus: string): Peer[] {
  const mintText = slice(corpus, Math.floor(MINT_SLICE_BYTES / 3));
  const modernText = slice(corpus, MODERN_SLICE_UNITS);
  let ours: ReturnType<typeof createMatcher> | undefined;
  let aho: AhoCorasick | undefined;
  let monyone: MonyoneFast | undefined;
  let mint: Mint | undefined;
  let modern: ModernAhoCorasick | undefined;
  return [
    { name: 'shenjiao createMatcher', text: corpus, note: 'all overlapping', build: (p) => void (ours = createMatcher(p)), count: () => ours!.count(corpus) },
    {
      name: 'ahocorasick 1.0.2',
      text: corpus,
      note: 'all overlapping',
      build: (p) => void (aho = new AhoCorasick(p)),
      count: () => {
        let n = 0;
        for (const [, words] of aho!.search(corpus)) n += words.length;
        return n;
      },
    },
    { name: '@monyone/aho-corasick/fast', text: corpus, note: 'all overlapping', build: (p) => void (monyone = new MonyoneFast(p)), count: () => monyone!.matchInText(corpus).length },
    { name: 'mint-filter (2 MB slice)', text: mintText, note: 'words it reports (misses nested suffixes)', build: (p) => void (mint = new Mint(p)), count: () => mint!.filter(mintText, { replace: false }).words.length },
    { name: 'modern-ahocorasick (slice)', text: modernText, note: 'grapheme-based', build: (p) => void (modern = new ModernAhoCorasick(p)), count: () => modern!.count(modernText) },
  ];
}

interface Row {
  name: string;
  build: number;
  mbps: number;
  matches: number;
  rssMb: number;
  note: string;
}

function runRipgrep(corpus: string, patterns: string[], dir: string): Row | undefined {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const corpusFile = join(dir, 'corpus.txt');
  const dictFile = join(dir, 'dict.txt');
  const emptyFile = join(dir, 'empty.txt');
  writeFileSync(corpusFile, corpus);
  writeFileSync(dictFile, patterns.join('\n'));
  writeFileSync(emptyFile, '');
  // Timed as the issue states it, `rg -F -o` printing every match (to /dev/null); counted once with --count-matches.
  const devNull = openSync('/dev/null', 'w');
  const timeRun = (file: string) => {
    const t = performance.now();
    spawnSync('rg', ['-F', '-o', '--no-filename', '-f', dictFile, file], { stdio: ['ignore', devNull, 'ignore'] });
    return performance.now() - t;
  };
  const builds: number[] = [];
  const scans: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const empty = timeRun(emptyFile);
    const full = timeRun(corpusFile);
    builds.push(empty);
    scans.push(Math.max(full - empty, 1e-3));
  }
  closeSync(devNull);
  const counted = spawnSync('rg', ['-F', '--count-matches', '--no-filename', '-f', dictFile, corpusFile], { encoding: 'utf8' });
  const matches = Number(counted.stdout.trim() || 0);
  return {
    name: `ripgrep ${probe.stdout.split('\n')[0]?.split(' ')[1] ?? ''} -F -o`,
    build: median(builds),
    mbps: bytes(corpus) / 1e6 / (median(scans) / 1000),
    matches,
    rssMb: NaN,
    note: 'leftmost-first, non-overlapping',
  };
}

function main(): void {
  const words = loadJiebaWords();
  const t0 = performance.now();
  const corpus = buildCorpus(words, MB * 1024 * 1024);
  const corpusMb = bytes(corpus) / 1e6;
  console.log(`corpus: ${corpusMb.toFixed(1)} MB UTF-8 (${corpus.length} UTF-16 units), ${words.length} words in nodejieba's list, built in ${(performance.now() - t0).toFixed(0)} ms`);
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-bench-'));
  try {
    for (const size of SIZES) {
      const patterns = buildDictionary(words, size);
      const list = peers(corpus);
      const builds = list.map(() => [] as number[]);
      const scans = list.map(() => [] as number[]);
      const mem = list.map(() => 0);
      const counts = list.map(() => 0);
      for (let r = 0; r < ROUNDS; r++) {
        list.forEach((peer, i) => {
          gc();
          const before = rss();
          let t = performance.now();
          peer.build(patterns);
          builds[i]!.push(performance.now() - t);
          t = performance.now();
          counts[i] = peer.count();
          scans[i]!.push(performance.now() - t);
          mem[i] = Math.max(mem[i]!, (rss() - before) / 1e6);
          try {
            peer.build([]);
          } catch {
            // some peers refuse an empty list; the next build replaces them anyway
          }
        });
      }
      const rows: Row[] = list.map((peer, i) => ({
        name: peer.name,
        build: median(builds[i]!),
        mbps: bytes(peer.text) / 1e6 / (median(scans[i]!) / 1000),
        matches: counts[i]!,
        rssMb: mem[i]!,
        note: peer.note + (peer.text.length < corpus.length ? ` (${(bytes(peer.text) / 1e6).toFixed(2)} MB)` : ''),
      }));
      const rg = runRipgrep(corpus, patterns, dir);
      if (rg) rows.push(rg);
      else rows.push({ name: 'ripgrep', build: NaN, mbps: NaN, matches: NaN, rssMb: NaN, note: 'not installed: skipped' });
      const ours = rows[0]!;
      const exact = rows[1]!.matches === ours.matches ? 'equal to ahocorasick' : `DIFFERS from ahocorasick (${rows[1]!.matches})`;
      console.log(`\n${size} patterns (${exact}); ${ROUNDS} rounds, medians`);
      console.log('| peer | build ms | scan MB/s | ours ÷ peer | matches | RSS growth MB | note |');
      console.log('|---|---:|---:|---:|---:|---:|---|');
      for (const row of rows) {
        const ratio = row === ours ? '1.0×' : Number.isFinite(row.mbps) ? `${(ours.mbps / row.mbps).toFixed(1)}×` : '–';
        const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
        console.log(`| ${row.name} | ${f(row.build)} | ${f(row.mbps)} | ${ratio} | ${Number.isFinite(row.matches) ? row.matches : '–'} | ${f(row.rssMb, 0)} | ${row.note} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\npeak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main();
