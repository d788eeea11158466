import type { Segmenter } from '../../types.js';
import { CELL, FREE, MIN_DOUBLE, cellHash, pairBit, signatureBit } from './format.js';
import { searchSorted, type JiebaDictionary } from './dictionary.js';

/** Slots of a segmenter's bigram cache (a power of two), and the shift that hashes a key to one. */
const BIGRAM_SLOTS = 4096;
const BIGRAM_SHIFT = 32 - 12;

/** cppjieba's longest dictionary word, in characters. */
const MAX_WORD_LENGTH = 512;

/** The characters cppjieba's pre-filter cuts at (SPECIAL_SEPARATORS): each is a word of its own. */
function isSeparator(rune: number): boolean {
  return rune === 0x20 || rune === 0x09 || rune === 0x0a || rune === 0xff0c || rune === 0x3002;
}

const isLetter = (x: number) => (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a);
const isDigit = (x: number) => x >= 0x30 && x <= 0x39;

/**
 * jieba's segmentation as `nodejieba.cut(text, true)` makes it (cppjieba's MixSegment), over a
 * compiled dictionary; pure, so it runs in a browser too. For each stretch between separators
 * (space, tab, line feed, ，and 。, each a word): the maximum-probability path over the dictionary's
 * word graph (ties to the shorter first word), then runs of single characters that are not one-
 * character user words go to the HMM, which keeps ASCII letters-then-alphanumerics and digits-and-dots
 * together, makes any other ASCII character a word, and cuts the rest by Viterbi over B/E/M/S.
 *
 * Characters are Unicode code points, as cppjieba's runes; a lone surrogate reads as U+FFFD, as it
 * does once nodejieba has encoded the text as UTF-8. Unlike nodejieba's words, which carry U+FFFD
 * there, these are slices of the text: the words concatenated give the text back, and each is as
 * long as nodejieba's. Linear in the text's length; the buffers grow to the longest text cut and are
 * reused, so one segmenter must not be called re-entrantly (it never calls out).
 *
 * Cost: the word graph is walked on the dictionary's hashed trie (a step reads about one cache line:
 * the child's parent, unit and value together) into typed arrays reused across calls; no string is
 * made but the words handed back.
 */
export function createJiebaSegmenter(d: JiebaDictionary): Segmenter {
  const { cells, cellCount, parentBits, rootCells, pairs, valueWeights, start, trans, emit, emitRow, emitKeys, singles, minWeight } = d;
  let capacity = 0;
  let runes = new Int32Array(0);
  let starts = new Int32Array(0);
  let best = new Float64Array(0);
  let bestLength = new Int32Array(0);
  let viterbi = new Float64Array(0);
  let path = new Int8Array(0);
  let status = new Int8Array(0);
  // The call in progress: its text and the words found so far.
  let text = '';
  let words: string[] = [];

  const grow = (n: number) => {
    if (n <= capacity) return;
    capacity = Math.max(n, capacity * 2, 256);
    runes = new Int32Array(capacity);
    starts = new Int32Array(capacity + 1);
    best = new Float64Array(capacity + 1);
    bestLength = new Int32Array(capacity);
    viterbi = new Float64Array(capacity * 4);
    path = new Int8Array(capacity * 4);
    status = new Int8Array(capacity);
  };

  const isUserSingle = (rune: number) => singles.length > 0 && searchSorted(singles, rune) >= 0;

  const rowOf = (rune: number) => (rune < 0x10000 ? (emitRow[rune] as number) : searchSorted(emitKeys, rune));

  /** Emits runes [from, to) as one word. */
  const word = (from: number, to: number) => {
    words.push(text.slice(starts[from] as number, starts[to] as number));
  };

  /** HMMSegment's Viterbi over runes [from, to), all non-ASCII. */
  const hmmViterbi = (from: number, to: number) => {
    const n = to - from;
    let e = rowOf(runes[from] as number);
    for (let y = 0; y < 4; y++) viterbi[y] = (start[y] as number) + (e < 0 ? MIN_DOUBLE : (emit[e * 4 + y] as number));
    for (let x = 1; x < n; x++) {
      e = rowOf(runes[from + x] as number);
      const now = x * 4;
      const old = now - 4;
      for (let y = 0; y < 4; y++) {
        const em = e < 0 ? MIN_DOUBLE : (emit[e * 4 + y] as number);
        let w = MIN_DOUBLE;
        let p = 1; // E, as cppjieba leaves it when no predecessor beats MIN_DOUBLE
        for (let py = 0; py < 4; py++) {
          const t = (viterbi[old + py] as number) + (trans[py * 4 + y] as number) + em;
          if (t > w) {
            w = t;
            p = py;
          }
        }
        viterbi[now + y] = w;
        path[now + y] = p;
      }
    }
    const last = (n - 1) * 4;
    let s = (viterbi[last + 1] as number) >= (viterbi[last + 3] as number) ? 1 : 3;
    for (let x = n - 1; x >= 0; x--) {
      status[x] = s;
      s = path[x * 4 + s] as number;
    }
    let left = from;
    for (let x = 0; x < n; x++) {
      if ((status[x] as number) % 2 === 1) {
        word(left, from + x + 1);
        left = from + x + 1;
      }
    }
  };

  /** HMMSegment's cut of runes [from, to): ASCII by rule, the rest by Viterbi. */
  const hmmCut = (from: number, to: number) => {
    let left = from;
    let right = from;
    while (right < to) {
      const x = runes[right] as number;
      if (x >= 0x80) {
        right++;
        continue;
      }
      if (left !== right) hmmViterbi(left, right);
      left = right;
      right = left + 1;
      if (isLetter(x)) {
        while (right < to && (isLetter(runes[right] as number) || isDigit(runes[right] as number))) right++;
      } else if (isDigit(x)) {
        while (right < to && (isDigit(runes[right] as number) || runes[right] === 0x2e)) right++;
      }
      word(left, right);
      left = right;
    }
    if (left !== right) hmmViterbi(left, right);
  };

  const mask = (1 << parentBits) - 1;
  const signatureBits = 32 - parentBits;
  /** The first word of the cell `child` last found. */
  let found = 0;

  /** The trie cell after `unit` from `cell` (the root is cell 0; no child is), or −1; sets `found`. `childOf`, inlined. */
  const child = (cell: number, unit: number): number => {
    const want = cell + 2;
    let c = cellHash(cell, unit, cellCount);
    for (;;) {
      const w = cells[c * CELL] as number;
      if ((w & mask) === want && ((cells[c * CELL + 1] as number) & 0xffff) === unit) {
        found = w;
        return c;
      }
      if (w === FREE) return -1;
      c = c + 1 === cellCount ? 0 : c + 1;
    }
  };

  /** The trie cell after the code units of `rune` from `cell`, or −1: one step for a BMP character, two for an astral one. */
  const step = (cell: number, rune: number): number => {
    if (rune < 0x10000) return child(cell, rune);
    const high = child(cell, 0xd800 + ((rune - 0x10000) >> 10));
    return high < 0 ? -1 : child(high, 0xdc00 + ((rune - 0x10000) & 0x3ff));
  };

  /**
   * The second step of a word, from a child of the root, for the last pairs of BMP characters met (a
   * direct-mapped cache, 64 KB): [first << 16 | second, the cell or −1, its first word, its value row],
   * BIGRAM_SLOTS times. Words recur within a page and across the pages of a site, and the cache stays
   * in the processor's cache where the trie and the pair set do not. Every slot starts with the
   * answer for U+FFFF U+FFFF, whose key (−1) it holds.
   */
  const bigrams = new Int32Array(BIGRAM_SLOTS * 4);
  {
    const top = rootCells[0xffff * 2] as number;
    const c = top > 0 ? child(top, 0xffff) : -1;
    const entry = [-1, c, c < 0 ? -1 : found, c < 0 ? -1 : ((cells[c * CELL + 1] as number) >>> 16) - 1];
    for (let slot = 0; slot < bigrams.length; slot += 4) bigrams.set(entry, slot);
  }

  /** MixSegment's cut of runes [from, to): MPSegment's best path, single characters through the HMM. */
  const mixCut = (from: number, to: number) => {
    // best[i]: the weight of the best path over runes [i, to); best[to] = 0.
    best[to] = 0;
    for (let i = to - 1; i >= from; i--) {
      const first = runes[i] as number;
      let cell: number;
      let v: number;
      if (first < 0x10000) {
        cell = rootCells[first * 2] as number;
        v = rootCells[first * 2 + 1] as number;
      } else {
        cell = step(0, first);
        v = cell > 0 ? ((cells[cell * CELL + 1] as number) >>> 16) - 1 : -1;
      }
      let weight = (best[i + 1] as number) + (v >= 0 ? (valueWeights[v] as number) : minWeight);
      if (!(weight > MIN_DOUBLE)) weight = MIN_DOUBLE;
      let length = 1;
      // The first word of the current cell, for its children's signature; unread (every bit set) for a
      // child of the root, whose next step the bigram cache and the pair set answer instead.
      let word = -1;
      const limit = Math.min(to, i + MAX_WORD_LENGTH);
      for (let j = i + 1; j < limit && cell > 0; j++) {
        const r = runes[j] as number;
        let u: number;
        if (j === i + 1 && first < 0x10000 && r < 0x10000) {
          const key = (first << 16) | r;
          const slot = (Math.imul(key, 0x9e3779b1) >>> BIGRAM_SHIFT) * 4;
          if (bigrams[slot] === key) {
            cell = bigrams[slot + 1] as number;
            word = bigrams[slot + 2] as number;
            u = bigrams[slot + 3] as number;
          } else {
            const bit = pairBit(first, r);
            cell = ((pairs[bit >>> 5] as number) & (1 << (bit & 31))) === 0 ? -1 : child(cell, r);
            word = cell < 0 ? -1 : found;
            u = cell < 0 ? -1 : ((cells[cell * CELL + 1] as number) >>> 16) - 1;
            bigrams[slot] = key;
            bigrams[slot + 1] = cell;
            bigrams[slot + 2] = word;
            bigrams[slot + 3] = u;
          }
          if (cell < 0) break;
        } else {
          if (r < 0x10000) {
            if (j > i + 1 && ((word >>> parentBits) & (1 << signatureBit(r, signatureBits))) === 0) break;
            cell = child(cell, r);
          } else cell = step(cell, r);
          if (cell < 0) break;
          word = found;
          u = ((cells[cell * CELL + 1] as number) >>> 16) - 1;
        }
        if (u < 0) continue;
        const val = (best[j + 1] as number) + (valueWeights[u] as number);
        if (val > weight) {
          weight = val;
          length = j - i + 1;
        }
      }
      best[i] = weight;
      bestLength[i] = length;
    }
    for (let i = from; i < to; ) {
      const length = bestLength[i] as number;
      if (length > 1 || isUserSingle(runes[i] as number)) {
        word(i, i + length);
        i += length;
        continue;
      }
      let j = i + 1;
      while (j < to && bestLength[j] === 1 && !isUserSingle(runes[j] as number)) j++;
      hmmCut(i, j);
      i = j;
    }
  };

  return (input: string): string[] => {
    const out: string[] = [];
    if (input.length === 0) return out;
    grow(input.length);
    text = input;
    words = out;
    let count = 0;
    for (let i = 0; i < input.length; ) {
      starts[count] = i;
      const c = input.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          runes[count++] = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i += 2;
          continue;
        }
      }
      runes[count++] = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
      i++;
    }
    starts[count] = input.length;
    let from = 0;
    for (let r = 0; r < count; r++) {
      if (!isSeparator(runes[r] as number)) continue;
      if (from < r) mixCut(from, r);
      word(r, r + 1);
      from = r + 1;
    }
    if (from < count) mixCut(from, count);
    text = '';
    words = [];
    return out;
  };
}
