/**
 * `npm run fuzz`: the project's fuzz campaign and scaling run (not part of `npm test`).
 *
 *   npm run fuzz                                  campaign: 10,000 cases per entry point, seed 20261206
 *   npm run fuzz -- --count 100000 --seed 1       more cases, another seed
 *   npm run fuzz -- --entries html,image          some entry points only
 *   npm run fuzz -- --replay html:1234            one case again, printing its input
 *   npm run fuzz -- --scaling                     shape families doubled from 16 K to 1 M units
 *   npm run fuzz -- --scaling --shapes "nested <div>,[a]( repeated" --max 262144
 *   npm run fuzz -- --json report.json            also write the summary as JSON
 *
 * Entry points: `text`, `html`, `markdown` (the node checker, every rule on), `image` (bytes through
 * `checkImage`, one case in ten decoded) and `file` (bytes in a temporary file through `checkFile`).
 * Each case runs in a child process; a case that does not finish within `--timeout` ms (default 10 s)
 * is a hang: the child is killed and the campaign goes on in a new one. A failure prints its seed,
 * entry point and index, enough to replay it. Scaling prints each family's CPU time per size and its
 * growth exponent: log2 of the time ratio per doubling, and the least-squares slope over the sizes
 * from 128 K up, where fixed costs no longer hide the shape. Exit status 1 on any failure or hang.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTRIES, SHAPES, textCase, type Entry } from './generators.js';
import type { Reply, Request } from './worker.js';

interface Options {
  count: number;
  seed: number;
  entries: Entry[];
  timeout: number;
  scaling: boolean;
  shapes: string[] | undefined;
  min: number;
  max: number;
  replay: string | undefined;
  json: string | undefined;
  chunk: number;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { count: 10_000, seed: 20261206, entries: [...ENTRIES], timeout: 10_000, scaling: false, shapes: undefined, min: 16_384, max: 1_048_576, replay: undefined, json: undefined, chunk: 2_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--count') o.count = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--entries') o.entries = value().split(',') as Entry[];
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--scaling') o.scaling = true;
    else if (a === '--shapes') o.shapes = value().split(',');
    else if (a === '--min') o.min = Number(value());
    else if (a === '--max') o.max = Number(value());
    else if (a === '--replay') o.replay = value();
    else if (a === '--json') o.json = value();
    else if (a === '--chunk') o.chunk = Number(value());
    else throw new Error(`unknown option ${a}`);
  }
  for (const e of o.entries) if (!ENTRIES.includes(e)) throw new Error(`unknown entry point ${e} (${ENTRIES.join(', ')})`);
  return o;
}

/** What a fresh child may take to build its checker before its first answer. */
const STARTUP_MS = 60_000;
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** A child process running `worker.ts`, with what it wrote to its real stderr (native code) collected. */
class Child {
  readonly process: ChildProcess;
  stderr = '';
  private answered = false;
  private listener: ((reply: Reply) => void) | undefined;
  private exited: ((code: number | null) => void) | undefined;
  readonly ready: Promise<void>;

  constructor() {
    this.process = fork(WORKER, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=2048', '--expose-gc'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.process.stderr?.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.process.stdout?.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.ready = new Promise((resolve) => {
      this.listener = (reply) => {
        if (reply.type === 'ready') resolve();
      };
    });
    this.process.on('message', (reply: Reply) => this.listener?.(reply));
    this.process.on('exit', (code) => this.exited?.(code));
  }

  /** Sends a request and calls `onReply` for each reply; rejects with 'timeout' when `timeout` ms pass without one. */
  run(request: Request, timeout: number, onReply: (reply: Reply) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      // A fresh child first builds the checker (dictionaries, automata, jieba): not a case's time.
      let timer = setTimeout(() => reject(new Error('timeout')), timeout + (this.answered ? 0 : STARTUP_MS));
      this.listener = (reply) => {
        clearTimeout(timer);
        this.answered = true;
        if (reply.type === 'end') {
          onReply(reply);
          resolve();
          return;
        }
        timer = setTimeout(() => reject(new Error('timeout')), timeout);
        onReply(reply);
      };
      this.exited = (code) => {
        clearTimeout(timer);
        reject(new Error(`child exited with ${code}`));
      };
      this.process.send(request);
    });
  }

  kill(): void {
    this.exited = undefined;
    this.listener = undefined;
    this.process.kill('SIGKILL');
  }
}

interface Failure {
  readonly entry: Entry;
  readonly index: number;
  readonly problems: readonly string[];
}

interface EntryReport {
  cases: number;
  findings: number;
  units: number;
  failures: number;
  hangs: number;
  crashes: number;
  maxRss: number;
  seconds: number;
}

/** The campaign so far: what a stopped run (SIGINT, SIGTERM) still reports. */
const reports: Record<string, EntryReport> = {};
const failures: Failure[] = [];
let running: Child | undefined;

function line(entry: string, r: EntryReport, of: number): string {
  return `${entry}: ${r.cases}${r.cases < of ? ` of ${of}` : ''} cases, ${r.failures} failures, ${r.hangs} hangs, ${r.crashes} crashes, ${r.findings} findings, ${(r.units / 1e6).toFixed(1)} M units, peak RSS ${(r.maxRss / 2 ** 20).toFixed(0)} MB, ${r.seconds} s\n`;
}

async function campaign(o: Options): Promise<{ reports: Record<string, EntryReport>; failures: Failure[] }> {
  for (const entry of o.entries) {
    const report: EntryReport = { cases: 0, findings: 0, units: 0, failures: 0, hangs: 0, crashes: 0, maxRss: 0, seconds: 0 };
    reports[entry] = report;
    const started = performance.now();
    let next = 0;
    let child = new Child();
    running = child;
    await child.ready;
    let lastPrint = 0;
    while (next < o.count) {
      const to = Math.min(o.count, next + o.chunk);
      let current = next;
      try {
        await child.run({ type: 'campaign', entry, seed: o.seed, from: next, to }, o.timeout, (reply) => {
          if (reply.type === 'case') {
            report.cases++;
            report.findings += reply.findings;
            report.units += reply.units;
            current = reply.index + 1;
            if (child.stderr.trim() !== '') {
              // Native code wrote to the real stderr (past the worker's own capture): a library must not
              // print. The pipe may lag the reply by a case, so the index is where it was seen.
              report.failures++;
              failures.push({ entry, index: reply.index, problems: [`printed to stderr by case ${reply.index} or the one before: ${child.stderr.trim().slice(0, 300)}`] });
              process.stderr.write(`FAIL ${entry}:${reply.index} (seed ${o.seed}): printed to stderr\n`);
              child.stderr = '';
            }
            if (reply.problems.length > 0) {
              report.failures++;
              failures.push({ entry, index: reply.index, problems: reply.problems });
              process.stderr.write(`FAIL ${entry}:${reply.index} (seed ${o.seed}): ${reply.problems.join('; ')}\n`);
            }
          } else if (reply.type === 'end') {
            report.maxRss = Math.max(report.maxRss, reply.maxRss);
          }
        });
        if (child.stderr.trim() !== '') {
          // Native code wrote to stderr during this chunk: a library must not print.
          report.failures++;
          failures.push({ entry, index: -1, problems: [`printed to stderr during cases ${next}..${to - 1}: ${child.stderr.trim().slice(0, 300)}`] });
          child.stderr = '';
        }
        next = to;
      } catch (error) {
        const hang = (error as Error).message === 'timeout';
        if (hang) report.hangs++;
        else report.crashes++;
        report.cases++;
        failures.push({ entry, index: current, problems: [hang ? `no result within ${o.timeout} ms (killed)` : `${(error as Error).message}: ${child.stderr.slice(-300)}`] });
        process.stderr.write(`${hang ? 'HANG' : 'CRASH'} ${entry}:${current} (seed ${o.seed})\n`);
        child.kill();
        child = new Child();
        running = child;
        await child.ready;
        next = current + 1;
      }
      report.seconds = Math.round((performance.now() - started) / 100) / 10;
      if (performance.now() - lastPrint > 10_000) {
        lastPrint = performance.now();
        process.stdout.write(`  ${entry}: ${report.cases}/${o.count}\n`);
      }
    }
    child.kill();
    report.seconds = Math.round((performance.now() - started) / 100) / 10;
    process.stdout.write(line(entry, report, o.count));
  }
  return { reports, failures };
}

interface ShapeReport {
  readonly name: string;
  readonly entry: string;
  readonly points: { n: number; units: number; cpuMs: number; wallMs: number }[];
  /** log2 of the CPU-time ratio per doubling. */
  readonly doublings: number[];
  /** Least-squares slope of log time over log size, over the sizes from 128 K up. */
  readonly exponent: number;
  readonly note?: string;
}

function slope(points: readonly { units: number; cpuMs: number }[]): number {
  const xs = points.map((p) => Math.log(p.units));
  const ys = points.map((p) => Math.log(Math.max(p.cpuMs, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

async function scaling(o: Options): Promise<ShapeReport[]> {
  const sizes: number[] = [];
  for (let n = o.min; n <= o.max; n *= 2) sizes.push(n);
  const shapes = SHAPES.filter((s) => !o.shapes || o.shapes.includes(s.name));
  const out: ShapeReport[] = [];
  // A size is given at least a minute; a family that stops answering is reported as a hang at that size.
  const timeout = Math.max(o.timeout, 60_000);
  for (const shape of shapes) {
    const points: ShapeReport['points'] = [];
    const child = new Child();
    await child.ready;
    let note: string | undefined;
    try {
      await child.run({ type: 'scale', shape: shape.name, sizes }, timeout, (reply) => {
        if (reply.type === 'measured') points.push({ n: reply.n, units: reply.units, cpuMs: reply.cpuMs, wallMs: reply.wallMs });
      });
    } catch (error) {
      note = (error as Error).message === 'timeout' ? `no result within ${timeout / 1000} s after ${points.at(-1)?.units ?? 0} units (killed)` : (error as Error).message;
    }
    child.kill();
    const doublings = points.slice(1).map((p, i) => Math.log2(p.cpuMs / Math.max(points[i]!.cpuMs, 0.01)) / Math.log2(p.units / points[i]!.units));
    const upper = points.filter((p) => p.n >= 131_072);
    const exponent = slope(upper.length >= 2 ? upper : points);
    const report: ShapeReport = { name: shape.name, entry: shape.entry, points, doublings, exponent: Math.round(exponent * 100) / 100, ...(note ? { note } : {}) };
    out.push(report);
    const times = points.map((p) => `${p.cpuMs < 10 ? p.cpuMs.toFixed(1) : p.cpuMs.toFixed(0)}`).join(' ');
    process.stdout.write(`${shape.name.padEnd(34)} ${shape.entry.padEnd(9)} n^${report.exponent.toFixed(2)}  ms: ${times}${note ? `  ${note}` : ''}\n`);
  }
  return out;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // Stopped before the end: report the cases run so far, as counted, and stop the child.
  const stop = (signal: string): void => {
    running?.kill();
    process.stdout.write(`stopped by ${signal}\n`);
    for (const [entry, r] of Object.entries(reports)) process.stdout.write(line(entry, r, o.count));
    if (o.json) writeFileSync(o.json, `${JSON.stringify({ seed: o.seed, stopped: signal, campaign: reports, failures: failures.slice(0, 100) }, null, 2)}\n`);
    process.exit(failures.length > 0 ? 1 : 2);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (o.replay) {
    const [entry, index] = o.replay.split(':') as [Entry, string];
    if (entry === 'text' || entry === 'html' || entry === 'markdown') process.stdout.write(`${JSON.stringify(textCase(o.seed, entry, Number(index)))}\n`);
    o.entries = [entry];
    const child = new Child();
    await child.ready;
    await child.run({ type: 'campaign', entry, seed: o.seed, from: Number(index), to: Number(index) + 1 }, o.timeout, (reply) => {
      if (reply.type === 'case') process.stdout.write(`${reply.problems.length === 0 ? 'ok' : reply.problems.join('\n')} (${reply.findings} findings, ${reply.units} units)\n`);
    }).catch((error: Error) => process.stdout.write(`${error.message}\n`));
    child.kill();
    return;
  }
  const summary: Record<string, unknown> = { seed: o.seed, date: new Date().toISOString().slice(0, 10) };
  let failed = false;
  if (o.scaling) {
    process.stdout.write(`scaling: sizes ${o.min} to ${o.max} units, CPU time of the child per size\n`);
    const shapes = await scaling(o);
    const worst = shapes.reduce((a, b) => (b.exponent > a.exponent ? b : a));
    process.stdout.write(`worst growth exponent: n^${worst.exponent.toFixed(2)} (${worst.name})\n`);
    summary.scaling = shapes;
    summary.worst = { name: worst.name, exponent: worst.exponent };
    failed ||= shapes.some((s) => s.note !== undefined);
  } else {
    process.stdout.write(`campaign: ${o.count} cases per entry point (${o.entries.join(', ')}), seed ${o.seed}, ${o.timeout} ms per case\n`);
    const { reports, failures } = await campaign(o);
    summary.campaign = reports;
    summary.failures = failures.slice(0, 100);
    failed ||= failures.length > 0;
    process.stdout.write(failures.length === 0 ? 'no failure, no hang, no crash\n' : `${failures.length} failures\n`);
  }
  if (o.json) writeFileSync(o.json, `${JSON.stringify(summary, null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
