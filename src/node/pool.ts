import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ShenjiaoError, type ErrorCode } from '../errors.js';
import type { Config } from '../types.js';
import { orderedMap } from './ordered.js';
import { ensureJiebaDictionaryCached } from './segment.js';
import type { PageResult, PageTask } from './page.js';

/** Options of `createCheckPool`. */
export interface CheckPoolOptions {
  /** The config every worker's checker is built with (plain JSON: it is copied to each thread). */
  readonly config?: Config;
  /** Worker threads. Default: the cores Node may use (`os.availableParallelism()`). */
  readonly workers?: number;
  /** Pages each worker holds at once (one checking, the next read and waiting). Default 2. */
  readonly perWorker?: number;
  /** Measure time per rule in each worker (see `timings`). */
  readonly timing?: boolean;
}

/** Options of `CheckPool.checkAll`. */
export interface CheckAllOptions {
  /**
   * Pages taken from the input ahead of the one the caller is waiting for, results held back for
   * order included. Default: 4 per worker. The input is read no faster than results are taken.
   */
  readonly window?: number;
}

/**
 * Worker threads that check pages in parallel, each with one node checker built once (and its own
 * segmenter, loaded as the thread starts). For a CMS checking a batch or a service checking pages as
 * they come: `check` for one page at a time (answers in any order), `checkAll` for a stream of pages
 * (results in input order, memory bounded by the window).
 */
export interface CheckPool {
  /** Number of worker threads. */
  readonly size: number;
  /** Checks one page on the next free worker. */
  check(task: PageTask): Promise<PageResult>;
  /** Checks every page of `tasks`, yielding results in the order of `tasks`, with at most `window` in flight. */
  checkAll(tasks: Iterable<PageTask> | AsyncIterable<PageTask>, options?: CheckAllOptions): AsyncGenerator<PageResult, void, undefined>;
  /** Resolves once every worker has built its checker and loaded its dictionaries; rejects with a config error. */
  ready(): Promise<void>;
  /** Milliseconds per rule, summed over the workers (when made with `timing`). */
  timings(): Promise<Record<string, number>>;
  /** Stops the workers; pages still queued are rejected. */
  close(): Promise<void>;
}

interface ErrorData {
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
}

function toError(data: ErrorData | undefined): Error {
  if (!data) return new Error('check worker failed');
  if (data.code) return new ShenjiaoError(data.code as ErrorCode, data.message, data.details ?? {});
  const error = new Error(data.message);
  if (data.stack) error.stack = data.stack;
  return error;
}

/**
 * The worker script: `pool-worker.ts` beside this file when running from source (through tsx), the
 * built `node/pool-worker.js` otherwise (this code may sit in `dist/`, `dist/node/` or `dist/cli/`).
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'pool-worker.ts')) && !existsSync(join(here, 'pool-worker.js'))) {
    // From source (tests, tsx): register tsx in the thread, then load the TypeScript worker.
    const tsxRoot = dirname(createRequire(join(here, 'pool.ts')).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
    const worker = pathToFileURL(join(here, 'pool-worker.ts')).href;
    return { script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
  }
  for (const candidate of [join(here, 'pool-worker.js'), join(here, 'node', 'pool-worker.js'), join(here, '..', 'node', 'pool-worker.js')]) {
    if (existsSync(candidate)) return { script: pathToFileURL(candidate), eval: false };
  }
  throw new Error(`shenjiao: the check worker script is missing beside ${here}`);
}

interface Job {
  readonly id: number;
  readonly task: PageTask;
  readonly resolve: (r: PageResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  readonly jobs: Map<number, Job>;
  readonly ready: Promise<void>;
}

/**
 * The young generation of each worker's heap, in MB (V8's is three semi-spaces: 8 MB each). V8 lets a busy
 * isolate's semi-spaces grow to 16 MB, and a page check leaves megabytes of short-lived garbage, so over a long
 * run each worker's young generation grows by tens of megabytes a short run never reaches. Measured on portal
 * pages through the CLI, alternating (2026-12-07): with V8's default the peak resident memory was 426–438 MB
 * at 400 pages and 462–467 MB at 4,000; with 24 MB, 398–399 and 427–440, at the same wall time a page. 12 MB
 * (4 MB semi-spaces) kept 4,000 pages within 1.05x of 400 (381–385 and 395–404 MB) but cost 15–25 % more CPU:
 * scavenges that frequent promote objects that would have died young.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/** Starts a pool of check workers. Workers start building their checkers at once, in parallel. */
export function createCheckPool(options: CheckPoolOptions = {}): CheckPool {
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  // The segmenter's compiled dictionary is cached on disk; on the first run after an install it is
  // compiled here once (about a second), so that the workers all read it (milliseconds) rather than
  // each compiling its own. Once cached, this is a look for the file.
  if (size > 1) ensureJiebaDictionaryCached();
  const perWorker = Math.max(1, Math.floor(options.perWorker ?? 2));
  const script = workerScript();
  const queue: Job[] = [];
  const slots: Slot[] = [];
  const timingWaits = new Map<number, (t: Record<string, number>) => void>();
  let nextId = 0;
  let closed = false;

  const start = (): Slot => {
    const worker = new Worker(script.script, {
      eval: script.eval,
      workerData: { ...(options.config ? { config: options.config } : {}), timing: options.timing === true },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    let settle: { ok: () => void; fail: (e: Error) => void } | undefined;
    const ready = new Promise<void>((ok, fail) => (settle = { ok, fail }));
    // Nobody may ask whether the pool is ready; an init error then surfaces on each page.
    ready.catch(() => {});
    const slot: Slot = { worker, jobs: new Map(), ready };
    worker.on('message', (m: { type: string; id: number; result?: PageResult; error?: ErrorData; timings?: Record<string, number> }) => {
      if (m.type === 'ready') settle?.ok();
      else if (m.type === 'init-error') settle?.fail(toError(m.error));
      else if (m.type === 'timings') {
        timingWaits.get(m.id)?.(m.timings ?? {});
        timingWaits.delete(m.id);
      } else {
        const job = slot.jobs.get(m.id);
        if (!job) return;
        slot.jobs.delete(m.id);
        if (m.type === 'result') job.resolve(m.result as PageResult);
        else job.reject(toError(m.error));
        pump();
      }
    });
    const lost = (error: Error) => {
      settle?.fail(error);
      for (const job of slot.jobs.values()) job.reject(error);
      slot.jobs.clear();
      // A worker that died (a native crash, out of memory) is replaced; the pages it held failed.
      if (!closed) {
        const index = slots.indexOf(slot);
        if (index !== -1) slots[index] = start();
        pump();
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (!closed) lost(new Error(`check worker exited with code ${code}`));
    });
    return slot;
  };

  const pump = (): void => {
    while (queue.length > 0) {
      let best: Slot | undefined;
      for (const s of slots) if (s.jobs.size < perWorker && (!best || s.jobs.size < best.jobs.size)) best = s;
      if (!best) return;
      const job = queue.shift() as Job;
      best.jobs.set(job.id, job);
      best.worker.postMessage({ type: 'check', id: job.id, task: job.task });
    }
  };

  for (let i = 0; i < size; i++) slots.push(start());

  const check = (task: PageTask): Promise<PageResult> =>
    new Promise<PageResult>((resolve, reject) => {
      if (closed) {
        reject(new Error('the check pool is closed'));
        return;
      }
      queue.push({ id: nextId++, task, resolve, reject });
      pump();
    });

  const checkAll = (tasks: Iterable<PageTask> | AsyncIterable<PageTask>, all: CheckAllOptions = {}): AsyncGenerator<PageResult, void, undefined> =>
    orderedMap(tasks, all.window ?? size * perWorker * 2, check);

  return {
    size,
    check,
    checkAll,
    ready: async () => {
      await Promise.all(slots.map((s) => s.ready));
    },
    timings: async () => {
      const parts = await Promise.all(
        slots.map(
          (s) =>
            new Promise<Record<string, number>>((resolve) => {
              const id = nextId++;
              timingWaits.set(id, resolve);
              s.worker.postMessage({ type: 'timings', id });
            }),
        ),
      );
      const sum: Record<string, number> = {};
      for (const part of parts) for (const [k, v] of Object.entries(part)) sum[k] = (sum[k] ?? 0) + v;
      return sum;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const error = new Error('the check pool is closed');
      for (const job of queue.splice(0)) job.reject(error);
      for (const s of slots) {
        for (const job of s.jobs.values()) job.reject(error);
        s.jobs.clear();
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
