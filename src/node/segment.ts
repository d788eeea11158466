import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
