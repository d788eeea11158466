import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ShenjiaoError } from '../errors.js';
import { compileJiebaDictionary, createJiebaSegmenter, loadJiebaDictionary, type JiebaDictionary } from '../text/jieba/index.js';
import { FORMAT } from '../text/jieba/format.js';
import type { Segmenter } from '../core/rule.js';

const require = createRequire(import.meta.url ?? `file://${__filename}`);

/** The dictionary files nodejieba loads by default (`cut` reads these three and nothing else). */
export interface JiebaFiles {
  /** The main dictionary, `jieba.dict.utf8`. */
  readonly dict: string;
  /** The HMM model, `hmm_model.utf8`. */
  readonly hmm: string;
  /** The user dictionary, `user.dict.utf8`. */
  readonly user: string;
}

/** The paths of nodejieba's own dictionary files. */
export function jiebaFiles(): JiebaFiles {
  const dir = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  return { dict: join(dir, 'jieba.dict.utf8'), hmm: join(dir, 'hmm_model.utf8'), user: join(dir, 'user.dict.utf8') };
}

/**
 * Where compiled dictionaries are kept: `node_modules/.cache/shenjiao/` beside nodejieba (the folder
 * build tools use for such caches), then the system's temporary folder.
 */
function cacheDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(join(dirname(dirname(require.resolve('nodejieba/package.json'))), '.cache', 'shenjiao'));
  } catch {
    // nodejieba not resolvable from here: only the temporary folder.
  }
  dirs.push(join(tmpdir(), 'shenjiao'));
  return dirs;
}

/** The compiled dictionary's file name: the format version and the sources' sizes and modification times, hashed. */
function cacheName(files: JiebaFiles): string {
  const stamp = [FORMAT.version, ...[files.dict, files.hmm, files.user].map((f) => {
    const s = statSync(f);
    return `${f}:${s.size}:${s.mtimeMs}`;
  })].join('\n');
  return `jieba-${createHash('sha256').update(stamp).digest('hex').slice(0, 16)}.bin`;
}

/**
 * Makes sure a compiled dictionary is cached, without loading it when one is: for a process about to
 * start threads that each load it (they then read the cache rather than each compile their own). A
 * cached file found here is not checked; a thread that finds it corrupt compiles and replaces it.
 */
export function ensureJiebaDictionaryCached(): void {
  const name = cacheName(jiebaFiles());
  if (cacheDirs().some((dir) => existsSync(join(dir, name)))) return;
  loadJiebaDictionaryCached();
}

/** Options of `loadJiebaDictionaryCached`. */
export interface DictionaryCacheOptions {
  /** The source files (default: nodejieba's). */
  readonly files?: JiebaFiles;
  /** Folders to read the compiled dictionary from and write it to, first writable one wins (default: see `cacheDirs`). */
  readonly cacheDirs?: readonly string[];
}

/** What a load did, for the benchmark and the tests. */
export interface DictionaryLoad {
  readonly dictionary: JiebaDictionary;
  /** `cache`: read a compiled file; `built`: compiled from the sources (then written, if `written`). */
  readonly from: 'cache' | 'built';
  /** The compiled file read or written, if any. */
  readonly path?: string;
}

/**
 * The compiled form of jieba's dictionary: read from the cache (about 20 ms: a 7.6 MB file, its
 * checksum and two lookup tables), or compiled from the source files (about a second) and cached,
 * keyed by the format version and the sources' sizes and modification times. A cached file that is
 * truncated or corrupt is compiled again and replaced; a cache that cannot be written is skipped
 * (the dictionary is then compiled on every start). The file is written beside and renamed, so a
 * process or thread reading it never sees it half-written.
 */
export function loadJiebaDictionaryCached(options: DictionaryCacheOptions = {}): DictionaryLoad {
  const files = options.files ?? jiebaFiles();
  const name = cacheName(files);
  const dirs = options.cacheDirs ?? cacheDirs();
  for (const dir of dirs) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    try {
      return { dictionary: loadJiebaDictionary(bytes), from: 'cache', path };
    } catch (error) {
      if (!(error instanceof ShenjiaoError)) throw error;
      // Truncated or corrupt: compiled again below, and replaced.
    }
  }
  const bytes = compileJiebaDictionary({ dict: readFileSync(files.dict, 'utf8'), hmm: readFileSync(files.hmm, 'utf8'), user: readFileSync(files.user, 'utf8') });
  const dictionary = loadJiebaDictionary(bytes);
  for (const dir of dirs) {
    const path = join(dir, name);
    const part = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(part, bytes);
      renameSync(part, path);
      return { dictionary, from: 'built', path };
    } catch {
      try {
        rmSync(part, { force: true });
      } catch {
        // Not even a leftover to remove (the folder could not be made).
      }
    }
  }
  return { dictionary, from: 'built' };
}

let dictionary: JiebaDictionary | undefined;
let cut: Segmenter | undefined;

/** The compiled dictionary of this thread, loaded on first use and shared by its segmenter and word counts. */
export function jiebaDictionary(): JiebaDictionary {
  dictionary ??= loadJiebaDictionaryCached().dictionary;
  return dictionary;
}

/**
 * Loads the segmenter's dictionary now: about 20 ms from the cache; the first run after installing
 * nodejieba compiles it (about a second) and caches it. Later calls return at once.
 */
export function loadSegmenter(): void {
  cut ??= createJiebaSegmenter(jiebaDictionary());
}

/**
 * jieba's segmentation, cut for cut what `nodejieba.cut(text, true)` gives (MixSegment over
 * nodejieba's own dictionary files), in TypeScript over a compiled dictionary (`src/text/jieba/`), so
 * start-up costs milliseconds instead of nodejieba's second and a half. The words concatenated give
 * the text back: where nodejieba's words carry U+FFFD for a lone surrogate, these carry the surrogate.
 * Shared by every checker in the thread.
 */
export const jiebaSegmenter: Segmenter = (text) => {
  if (!cut) loadSegmenter();
  return (cut as Segmenter)(text);
};

/**
 * nodejieba itself (`cut(text, true)`), loading its dictionaries on the first call (1.5 s): the
 * reference the tests hold `jiebaSegmenter` to, and the benchmark's peer.
 */
export const nodejiebaSegmenter: Segmenter = (text) => (require('nodejieba') as { cut(text: string, hmm: boolean): string[] }).cut(text, true);
