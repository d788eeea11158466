/**
 * A deterministic Chinese corpus and dictionaries for the scanner benchmarks, built from the word
 * list that ships with nodejieba (cppjieba's jieba.dict.utf8: "word frequency tag" per line).
 * Nothing is downloaded; the same seed gives byte-identical output on every machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One word of the source list with its corpus frequency. */
export interface WordEntry {
  readonly word: string;
  readonly freq: number;
}

/** mulberry32: a small, fast, deterministic 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The path of nodejieba's main dictionary inside node_modules. */
export function jiebaDictPath(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('nodejieba/package.json'));
  return join(root, 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/** Reads nodejieba's word list: every line's word and frequency, in file order. */
export function loadJiebaWords(path = jiebaDictPath()): WordEntry[] {
  const words: WordEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.split(' ');
    if (parts.length < 2 || parts[0] === '') continue;
    const freq = Number(parts[1]);
    if (!Number.isFinite(freq) || freq <= 0) continue;
    words.push({ word: parts[0] as string, freq });
  }
  return words;
}

/** A sampler that draws words with probability proportional to their frequency. */
export function createWeightedSampler(words: readonly WordEntry[], random: () => number): () => string {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    total += (words[i] as WordEntry).freq;
    cumulative[i] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return (words[lo] as WordEntry).word;
  };
}

const PUNCTUATION = ['，', '，', '，', '。', '、', '；', '：'];

/**
 * Builds a corpus of at least `bytes` UTF-8 bytes: frequency-weighted words from the list, a
 * punctuation mark after about one word in eight and a line break about every 60 words.
 */
export function buildCorpus(words: readonly WordEntry[], bytes: number, seed = 20240601): string {
  const random = createRandom(seed);
  const sample = createWeightedSampler(words, random);
  const parts: string[] = [];
  let size = 0;
  let sinceBreak = 0;
  while (size < bytes) {
    let piece = sample();
    const r = random();
    if (r < 0.125) piece += PUNCTUATION[Math.floor(random() * PUNCTUATION.length)];
    if (++sinceBreak >= 60 && r > 0.9) {
      piece += '\n';
      sinceBreak = 0;
    }
    parts.push(piece);
    size += Buffer.byteLength(piece, 'utf8');
  }
  return parts.join('');
}

/**
 * Draws `count` distinct words for a dictionary, frequency-weighted like the corpus, so that the
 * corpus is dense with matches. Words with ASCII letters or spaces are skipped (rg reads lines).
 */
export function buildDictionary(words: readonly WordEntry[], count: number, seed = 7): string[] {
  const random = createRandom(seed);
  const sample = createWeightedSampler(words, random);
  const chosen = new Set<string>();
  let attempts = 0;
  while (chosen.size < count && attempts < count * 200) {
    attempts++;
    const word = sample();
    if (/[\sA-Za-z0-9]/.test(word)) continue;
    chosen.add(word);
  }
  // Top up uniformly when the weighted draw saturates (100k words from a heavy-tailed list).
  const uniform = createRandom(seed + 1);
  while (chosen.size < count) {
    const word = (words[Math.floor(uniform() * words.length)] as WordEntry).word;
    if (/[\sA-Za-z0-9]/.test(word)) continue;
    chosen.add(word);
  }
  return [...chosen];
}
