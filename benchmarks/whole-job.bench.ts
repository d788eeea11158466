/**
 * The whole job users run, on generated portal pages of ~8 KB (benchmarks/portal.ts), through the
 * built CLI (`dist/cli/bin.js`, rebuilt first) in processes of their own:
 * - one-page `check` wall (median of 3);
 * - 400 and 4,000 pages with the default settings, three runs each (medians, with ranges): wall,
 *   (user+sys)/wall, peak memory, wall a page beyond start-up, and whether the 400-page JSON document lists
 *   all 400 files;
 * - pages/s on 1,000 pages for 1, 2 and 4 worker threads (--jobs), and in queue mode (BullMQ on a
 *   real redis-server started here) with 1 and 2 warm worker processes.
 * Absolute numbers move from machine to machine and with its load; compare the ratios within a run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../test/helpers/redis.js';
import { writePortal } from './portal.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'dist', 'cli', 'bin.js');
const preload = join(root, 'benchmarks', 'cpu-report.mjs');
const quick = process.argv.includes('--quick');

console.log('building dist/ …');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: root, stdio: 'ignore' });
if (build.status !== 0) throw new Error('build failed');

const work = mkdtempSync(join(tmpdir(), 'shenjiao-bench-'));
const big = quick ? 1000 : 4000;
// Two kinds of pages: the default ones draw their articles' paragraphs whole from the clean corpus's 191, so most
// of a page's text came on an earlier page (what the checker keeps of texts that come back reads it back); the
// unique ones make every paragraph afresh from the corpus's sentences, so pages share only their chrome.
console.log(`writing ${big} + 400 + 1 portal pages, and ${big} + 400 + 1000 with unique articles …`);
const dirs = {
  one: join(work, 'one'),
  p400: join(work, 'p400'),
  big: join(work, `p${big}`),
  u400: join(work, 'u400'),
  u1000: join(work, 'u1000'),
  uBig: join(work, `u${big}`),
};
const [onePage] = writePortal(dirs.one, 1);
writePortal(dirs.p400, 400);
writePortal(dirs.big, big);
writePortal(dirs.u400, 400, true);
writePortal(dirs.u1000, 1000, true);
writePortal(dirs.uBig, big, true);

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly maxRSS: number;
  readonly stdout: string;
}

/** Runs the CLI with `args`, its output to a file; wall from here, CPU and peak memory from the process itself. */
function run(args: string[]): Promise<Run> {
  const report = join(work, 'usage.json');
  const stdout = join(work, 'stdout.txt');
  const fd = openSync(stdout, 'w');
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', preload, bin, ...args], { stdio: ['ignore', fd, 'inherit'], env: { ...process.env, SHENJIAO_BENCH_REPORT: report } });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => {
      const wall = performance.now() - start;
      closeSync(fd);
      const usage = JSON.parse(readFileSync(report, 'utf8')) as { user: number; sys: number; maxRSS: number };
      resolve({ wall, cpu: usage.user + usage.sys, maxRSS: usage.maxRSS, stdout });
    });
  });
}

const fmt = (n: number, d = 0) => n.toFixed(d);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// One page.
const ones: Run[] = [];
for (let i = 0; i < 3; i++) ones.push(await run(['check', '--format', 'json', '--fail-on', 'never', onePage as string]));
const oneWall = median(ones.map((r) => r.wall));
const oneCpu = median(ones.map((r) => r.cpu));

// 400 and many pages, default settings, three runs each, alternating: a process's peak memory depends on
// when its collector ran (worker heaps grow further while concurrent marking waits for a busy core), so
// one run of each can differ by a third either way; the medians are compared and the ranges shown.
const ROUNDS = quick ? 1 : 3;
const runs400: Run[] = [];
const runsBig: Run[] = [];
const runsU400: Run[] = [];
const runsUBig: Run[] = [];
let listed = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const [dir, into] of [[dirs.p400, runs400], [dirs.u400, runsU400]] as const) {
    const r = await run(['check', '--format', 'json', '--fail-on', 'never', dir]);
    listed = (JSON.parse(readFileSync(r.stdout, 'utf8')) as { files: unknown[] }).files.length;
    if (listed !== 400) throw new Error(`the 400-page JSON listed ${listed} files`);
    into.push(r);
  }
  runsBig.push(await run(['check', '--format', 'json', '--fail-on', 'never', dirs.big]));
  runsUBig.push(await run(['check', '--format', 'json', '--fail-on', 'never', dirs.uBig]));
}
/** The median of each measure over the runs (not one run's figures). */
const medianRun = (rs: Run[]): Run => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), maxRSS: median(rs.map((r) => r.maxRSS)), stdout: '' });
const r400 = medianRun(runs400);
const rBig = medianRun(runsBig);
const rU400 = medianRun(runsU400);
const rUBig = medianRun(runsUBig);
const range = (rs: Run[], f: (r: Run) => number, d = 0) => `${fmt(Math.min(...rs.map(f)), d)}–${fmt(Math.max(...rs.map(f)), d)}`;

// Pages/s by worker threads, on pages that share only their chrome.
const byJobs: [string, Run][] = [];
for (const jobs of [1, 2, 4]) byJobs.push([`--jobs ${jobs}`, await run(['check', '--format', 'json', '--fail-on', 'never', '--jobs', String(jobs), dirs.u1000])]);

// Queue mode: a real redis-server and warm worker processes.
const queueRows: [string, number][] = [];
const redis = await startRedis();
try {
  for (const processes of [1, 2]) {
    const workers = Array.from({ length: processes }, () => spawn(process.execPath, [bin, 'queue-worker', '--queue', redis.url, '--jobs', '4'], { stdio: ['ignore', 'ignore', 'pipe'] }));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let err = '';
            w.stderr?.on('data', (d: Buffer) => {
              err += d.toString();
              if (err.includes('ready')) resolve();
            });
            w.once('exit', (code) => reject(new Error(`queue-worker exited ${code}: ${err}`)));
          }),
      ),
    );
    const r = await run(['check', '--format', 'json', '--fail-on', 'never', '--queue', redis.url, dirs.u1000]);
    const files = (JSON.parse(readFileSync(r.stdout, 'utf8')) as { files: unknown[] }).files.length;
    if (files !== 1000) throw new Error(`queue mode listed ${files} files`);
    queueRows.push([`queue, ${processes} worker process${processes > 1 ? 'es' : ''}`, r.wall]);
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
  }
} finally {
  await redis.stop();
}

console.log(`\nwhole job on generated portal pages (~8 KB), node ${process.version}`);
console.log(`one-page check: wall ${fmt(oneWall)} ms, CPU ${fmt(oneCpu)} ms`);
// CPU a page (all threads, beyond the one-page run's) moves less with the machine's other load than wall time does.
console.log(`\n| run (median of ${ROUNDS}) | wall ms | (user+sys)/wall | peak RSS MB | wall ms/page beyond one-page start-up | CPU ms/page beyond it | range: wall ms/page; peak RSS MB |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [name, r, rs, n] of [
  ['400 pages', r400, runs400, 400],
  [`${big} pages`, rBig, runsBig, big],
  ['400 pages, unique articles', rU400, runsU400, 400],
  [`${big} pages, unique articles`, rUBig, runsUBig, big],
] as const) {
  console.log(
    `| ${name} | ${fmt(r.wall)} | ${fmt(r.cpu / r.wall, 2)} | ${fmt(r.maxRSS / 1024)} | ${fmt((r.wall - oneWall) / n, 2)} | ${fmt((r.cpu - oneCpu) / n, 2)} | ${range(rs, (x) => (x.wall - oneWall) / n, 2)}; ${range(rs, (x) => x.maxRSS / 1024)} |`,
  );
}
console.log(`\npeak memory ${big} / 400 pages (medians): ${fmt(rBig.maxRSS / r400.maxRSS, 2)}×, unique articles ${fmt(rUBig.maxRSS / rU400.maxRSS, 2)}×; the 400-page JSON lists ${listed} files`);
console.log('\n| 1,000 pages, unique articles | wall ms | pages/s | (user+sys)/wall | ratio to --jobs 1 |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const base = (byJobs[0] as [string, Run])[1].wall;
for (const [name, r] of byJobs) console.log(`| ${name} | ${fmt(r.wall)} | ${fmt(1000 / (r.wall / 1000))} | ${fmt(r.cpu / r.wall, 2)} | ${fmt(base / r.wall, 2)} |`);
for (const [name, wall] of queueRows) console.log(`| ${name} | ${fmt(wall)} | ${fmt(1000 / (wall / 1000))} | – | ${fmt(base / wall, 2)} |`);
rmSync(work, { recursive: true, force: true });
