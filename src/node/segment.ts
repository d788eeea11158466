import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import type { Segmenter } from '../core/rule.js';

let loaded = false;

/**
 * An IDF table of one line. nodejieba's `load` builds its keyword extractor with the rest, and its
 * IDF table (5.8 MB, 260 000 lines) is a fifth of the load; shenjiao never extracts keywords, and cuts
 * do not read the table, so a stub stands in for it. The extractor asserts a non-empty file, so the
 * stub is one valid line, written once into the temporary folder.
 */
function idfStub(): string {
  const dir = join(tmpdir(), 'shenjiao');
  const file = join(dir, 'idf-stub-1.utf8');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written beside and renamed, so a process (or worker) reading it never sees it half-written.
    const part = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(part, '的 1.0\n');
    renameSync(part, file);
  }
  return file;
}

/**
 * Loads nodejieba's dictionaries now (the main dictionary, the HMM model and the user dictionary, as
 * its own first cut would, minus the keyword tables). Takes about 0.7–0.9 s of CPU and ~300 MB the
 * first time in a thread (each worker thread has its own copy); later calls return at once. Call it
 * early, in parallel with other work, so that the first check does not pay for it.
 */
export function loadSegmenter(): void {
  if (loaded) return;
  let idfDict: string | undefined;
  try {
    idfDict = idfStub();
  } catch {
    // No writable temporary folder: load the full IDF table as nodejieba does by default.
  }
  nodejieba.load(idfDict ? { idfDict } : {});
  loaded = true;
}

/**
 * nodejieba's word segmentation. Importing the addon is cheap; its dictionaries load on the first cut
 * (`loadSegmenter`), so only checkers whose rules segment pay for it. Shared by every checker in the
 * thread. The addon is native, so it lives here and not in the core.
 */
export const jiebaSegmenter: Segmenter = (text) => {
  if (!loaded) loadSegmenter();
  return nodejieba.cut(text, true);
};

/** Text and token capacity of a segmenter thread's shared buffers, in UTF-16 units; longer texts are cut in the calling thread. */
const THREAD_CAPACITY = 1 << 20;

/**
 * A segmenter whose dictionaries load on a helper thread, started now, while the calling thread goes
 * on (importing, building the checker, reading the input): the first check then waits only for what
 * is left of the load. Cuts are the same nodejieba's, made on the helper thread and handed back
 * through shared memory (the caller blocks on `Atomics.wait`, some microseconds a cut). A text longer
 * than a million UTF-16 units is cut in the calling thread instead. The helper never keeps the
 * process alive. One helper per process (later calls return the same segmenter); use it from one thread.
 */
let shared: Segmenter | undefined;

export function threadSegmenter(): Segmenter {
  shared ??= startThread();
  return shared;
}

/** One helper thread per process, shared: calls are synchronous, so they never interleave. */
function startThread(): Segmenter {
  const require = createRequire(import.meta.url ?? `file://${__filename}`);
  const jiebaPath = require.resolve('nodejieba');
  let idfDict: string | undefined;
  try {
    idfDict = idfStub();
  } catch {
    // The helper loads the full tables instead.
  }
  // control[0]: 0 idle, 1 request, 2 answer; control[1]: text length in, token count out.
  const control = new Int32Array(new SharedArrayBuffer(8));
  const text = new Uint16Array(new SharedArrayBuffer(THREAD_CAPACITY * 2));
  const lengths = new Int32Array(new SharedArrayBuffer(THREAD_CAPACITY * 4));
  const code = `
    const { workerData } = require('node:worker_threads');
    const nodejieba = require(workerData.jiebaPath);
    nodejieba.load(workerData.idfDict ? { idfDict: workerData.idfDict } : {});
    const { control, text, lengths } = workerData;
    const decoder = new TextDecoder('utf-16le');
    for (;;) {
      let state;
      while ((state = Atomics.load(control, 0)) !== 1) Atomics.wait(control, 0, state);
      const n = control[1];
      const words = nodejieba.cut(decoder.decode(text.slice(0, n)), true);
      for (let i = 0; i < words.length; i++) lengths[i] = words[i].length;
      control[1] = words.length;
      Atomics.store(control, 0, 2);
      Atomics.notify(control, 0);
    }`;
  const worker = new Worker(code, { eval: true, workerData: { jiebaPath, idfDict, control, text, lengths } });
  worker.unref();
  return (input) => {
    if (input.length > THREAD_CAPACITY) return jiebaSegmenter(input);
    for (let i = 0; i < input.length; i++) text[i] = input.charCodeAt(i);
    control[1] = input.length;
    Atomics.store(control, 0, 1);
    Atomics.notify(control, 0);
    while (Atomics.load(control, 0) === 1) Atomics.wait(control, 0, 1);
    const count = control[1] as number;
    Atomics.store(control, 0, 0);
    // nodejieba reads a lone surrogate as U+FFFD, and its words carry that: so do these.
    const wide = input as unknown as { isWellFormed(): boolean; toWellFormed(): string };
    const source = wide.isWellFormed() ? input : wide.toWellFormed();
    const words: string[] = new Array(count);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const end = at + (lengths[i] as number);
      words[i] = source.slice(at, end);
      at = end;
    }
    return words;
  };
}
