import type { Segmenter } from '../types.js';
import { isHan, longestNonOverlapping } from './patterns.js';

/** A protected canonical term, as the fuzzy matcher needs it. */
export interface ProtectedTerm {
  readonly id: string;
  /** The canonical form. */
  readonly canonical: string;
  /** Words of a fixed formula, for dropped-word and swapped-word near misses. */
  readonly segments?: readonly string[];
  /** Near forms that official texts also use; never reported. */
  readonly exceptions?: readonly string[];
  /** `any`: an interior character may be replaced by any ideograph; default: only homophones and look-alikes. */
  readonly fuzzy?: 'any' | 'confusion';
}

/** How a near miss differs from its canonical term. */
export type NearMissKind = 'substitution' | 'deletion' | 'insertion' | 'transposition' | 'dropped-word' | 'swapped-words';

/** A near miss found in a text: a UTF-16 range of that text, the term it misses and how. */
export interface NearMiss<T extends ProtectedTerm> {
  readonly start: number;
  readonly end: number;
  readonly term: T;
  readonly kind: NearMissKind;
  /** Index in the canonical form of the changed character (or word, for word-level kinds). */
  readonly position: number;
  /** The canonical character or word that was replaced, dropped or moved. */
  readonly expectedPart: string;
  /** The character or word written instead ('' for a deletion). */
  readonly actualPart: string;
}

/** Homophones and look-alikes per canonical character. */
export type ConfusionMap = ReadonlyMap<string, ReadonlySet<string>>;

/** Characters whose insertion or deletion is ordinary grammar ("中华民族的伟大复兴", "人类是命运共同体"), never a near miss. */
const FUNCTION_CHARS = new Set([...'的了是和与及之地得着并而或也在等其所以为对从于把被中上下个']);
const NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万']);

interface Anchor<T> {
  readonly text: string;
  readonly term: T;
  /** 'L': the term starts here; 'R': the anchor is the term's tail from `offset`; 'V': a whole listed variant. */
  readonly side: 'L' | 'R' | 'V' | 'exact';
  readonly offset: number;
  readonly variant?: { kind: NearMissKind; position: number; expectedPart: string; actualPart: string };
}

/**
 * Anchors by their leading code units, in typed arrays, so that a scan reads a slot and a block rather
 * than chase maps, arrays, objects and strings (cold in the cache on every page: the rules run in turn):
 * open addressing over keys of two 32-bit words (three words a slot: `hi`, `lo`, block offset plus one,
 * 0 when unused), and per key one block of 16-bit words — the anchor count, then per anchor its index
 * (low and high half), how many code units to compare, and those code units.
 */
class AnchorTable {
  private readonly slots: Int32Array;
  private readonly shift: number;
  /** The blocks (see the class comment). */
  readonly blocks: Uint16Array;

  /** `keys`: per key its two words and its anchors' indexes and code units to compare, in order. */
  constructor(keys: readonly { hi: number; lo: number; anchors: readonly { index: number; codes: string }[] }[]) {
    let bits = 4;
    while (1 << bits < keys.length * 2) bits++;
    this.shift = 32 - bits;
    this.slots = new Int32Array(3 << bits);
    let size = 0;
    for (const k of keys) size += 1 + k.anchors.reduce((sum, a) => sum + 3 + a.codes.length, 0);
    this.blocks = new Uint16Array(size);
    let at = 0;
    for (const { hi, lo, anchors } of keys) {
      let slot = hashPair(hi, lo) >>> this.shift;
      while (this.slots[slot * 3 + 2] !== 0) slot = (slot + 1) & ((1 << bits) - 1);
      this.slots[slot * 3] = hi;
      this.slots[slot * 3 + 1] = lo;
      this.slots[slot * 3 + 2] = at + 1;
      this.blocks[at++] = anchors.length;
      for (const { index, codes } of anchors) {
        if (codes.length > 0xffff || index > 0xffffffff) throw new RangeError('anchor out of range');
        this.blocks[at++] = index & 0xffff;
        this.blocks[at++] = index >>> 16;
        this.blocks[at++] = codes.length;
        for (let j = 0; j < codes.length; j++) this.blocks[at++] = codes.charCodeAt(j);
      }
    }
  }

  /** The offset of the block keyed (`hi`, `lo`), or -1. */
  find(hi: number, lo: number): number {
    const slots = this.slots;
    const mask = (slots.length / 3 - 1) | 0;
    for (let slot = hashPair(hi, lo) >>> this.shift; ; slot = (slot + 1) & mask) {
      const at = slots[slot * 3 + 2] as number;
      if (at === 0) return -1;
      if (slots[slot * 3] === hi && slots[slot * 3 + 1] === lo) return at - 1;
    }
  }
}

const hashPair = (hi: number, lo: number) => Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1);

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Finds near misses of protected terms: one character replaced by a homophone or look-alike (or, for
 * terms marked `any`, by any ideograph in the interior), one character dropped or added inside the
 * term, two neighbours swapped, or a word of a fixed formula dropped or moved. Precision guards: the
 * exact term and its listed official variants never fire; grammatical particles may be added or dropped
 * ("中华民族的伟大复兴"); insertions and deletions keep two intact characters at each end, so the term's
 * edge cannot borrow a neighbouring word ("全党学习教育" is not "党史学习教育" without 史); numerals are never
 * swapped for numerals (sessions and plans differ by number legitimately).
 *
 * Candidates come from anchors: for a term of five or more characters its head and tail, which
 * cannot both be hit by one edit because one character lies between them; four-character terms list
 * their confusable variants outright. Each candidate window is verified by common prefix and suffix,
 * so a scan is linear in the text with a small constant per anchor hit. A scan reads one class byte
 * per position and, where an anchor may start, typed-array tables ({@link AnchorTable}).
 */
export class FuzzyMatcher<T extends ProtectedTerm> {
  /** While building: anchors by their first two code units. */
  private readonly anchors = new Map<number, Anchor<T>[]>();
  private readonly legit = new Set<string>();
  private longest = 0;
  /** While building: listed variants of four-character terms, by their first two code units, then by all four. */
  private readonly variants4 = new Map<number, Map<string, Anchor<T>[]>>();
  /** Per code unit: 1 when an anchor starts with it, 2 when a listed four-character variant does. */
  private readonly starts = new Uint8Array(0x10000);
  /** Every anchor, by the index the tables hold. */
  private readonly list: Anchor<T>[] = [];
  /** Anchors by their first two code units (`lo` 0), with the code units of their text after those two. */
  private readonly byPair: AnchorTable;
  /** Listed four-character variants by their first two code units (`hi`) and last two (`lo`). */
  private readonly byVariant: AnchorTable;

  constructor(
    terms: readonly T[],
    private readonly confusion: ConfusionMap,
  ) {
    for (const t of terms) {
      this.legit.add(t.canonical);
      for (const e of t.exceptions ?? []) this.legit.add(e);
    }
    for (const t of terms) {
      this.longest = Math.max(this.longest, t.canonical.length + 1);
      this.index(t);
    }
    const entry = (anchor: Anchor<T>, codes: string) => ({ index: this.list.push(anchor) - 1, codes });
    const pairs: ConstructorParameters<typeof AnchorTable>[0][number][] = [];
    for (const [hi, bucket] of this.anchors) pairs.push({ hi, lo: 0, anchors: bucket.map((a) => entry(a, a.text.slice(2))) });
    this.byPair = new AnchorTable(pairs);
    const variants: typeof pairs = [];
    for (const [hi, byText] of this.variants4) {
      for (const [text, listed] of byText) {
        // Only four code units are compared at a position (an astral look-alike never matches there).
        if (text.length === 4) variants.push({ hi, lo: (text.charCodeAt(2) << 16) | text.charCodeAt(3), anchors: listed.map((a) => entry(a, '')) });
      }
    }
    this.byVariant = new AnchorTable(variants);
    this.anchors.clear();
    this.variants4.clear();
  }

  private push(anchor: Anchor<T>): void {
    if (anchor.text.length < 2) return;
    const a = anchor.text.charCodeAt(0);
    const key = (a << 16) | anchor.text.charCodeAt(1);
    this.starts[a] = (this.starts[a] as number) | 1;
    let bucket = this.anchors.get(key);
    if (!bucket) this.anchors.set(key, (bucket = []));
    bucket.push(anchor);
  }

  private confusable(canonicalChar: string, written: string): boolean {
    return this.confusion.get(canonicalChar)?.has(written) ?? false;
  }

  private index(t: T): void {
    const T = t.canonical;
    const n = T.length;
    this.push({ text: T, term: t, side: 'exact', offset: 0 });
    if (n >= 5) {
      const a = Math.floor((n - 1) / 2);
      this.push({ text: T.slice(0, a), term: t, side: 'L', offset: 0 });
      this.push({ text: T.slice(a + 1), term: t, side: 'R', offset: a + 1 });
    } else if (n === 4) {
      const variant = (text: string, v: NonNullable<Anchor<T>['variant']>) => {
        if (this.legit.has(text)) return;
        const key = (text.charCodeAt(0) << 16) | text.charCodeAt(1);
        let byText = this.variants4.get(key);
        if (!byText) this.variants4.set(key, (byText = new Map()));
        let list = byText.get(text);
        if (!list) byText.set(text, (list = []));
        list.push({ text, term: t, side: 'V', offset: 0, variant: v });
        this.starts[text.charCodeAt(0)] = (this.starts[text.charCodeAt(0)] as number) | 2;
      };
      for (let k = 0; k < 4; k++) {
        const c = T[k] as string;
        for (const x of this.confusion.get(c) ?? []) {
          if (NUMERALS.has(c) && NUMERALS.has(x)) continue;
          variant(T.slice(0, k) + x + T.slice(k + 1), { kind: 'substitution', position: k, expectedPart: c, actualPart: x });
        }
      }
      for (let k = 1; k < 3; k++) {
        variant(T.slice(0, k) + T[k + 1] + T[k] + T.slice(k + 2), { kind: 'transposition', position: k, expectedPart: T.slice(k, k + 2), actualPart: (T[k + 1] as string) + T[k] });
      }
    }
    const seg = t.segments;
    if (seg && seg.join('') === T) {
      let at = 0;
      for (let j = 0; j < seg.length; j++) {
        const word = seg[j] as string;
        if (j > 0 && j < seg.length - 1) {
          const text = seg.slice(0, j).join('') + seg.slice(j + 1).join('');
          if (!this.legit.has(text)) this.push({ text, term: t, side: 'V', offset: 0, variant: { kind: 'dropped-word', position: at, expectedPart: word, actualPart: '' } });
        }
        if (j < seg.length - 1) {
          const swapped = [...seg];
          swapped[j] = seg[j + 1] as string;
          swapped[j + 1] = word;
          const text = swapped.join('');
          if (text !== T && !this.legit.has(text)) {
            this.push({ text, term: t, side: 'V', offset: 0, variant: { kind: 'swapped-words', position: at, expectedPart: word + seg[j + 1], actualPart: (seg[j + 1] as string) + word } });
          }
        }
        at += word.length;
      }
    }
  }

  /** Classifies the window `w` against canonical `T`, or returns null when it is no allowed near miss. */
  private classify(t: T, w: string, text: string, start: number, segmenter: Segmenter | undefined): Omit<NearMiss<T>, 'start' | 'end' | 'term'> | null {
    const T = t.canonical;
    const n = T.length;
    if (w === T || this.legit.has(w)) return null;
    const p = commonPrefix(w, T);
    const s = commonSuffix(w, T);
    if (w.length === n) {
      if (p + s === n - 1) {
        const c = T[p] as string;
        const x = w[p] as string;
        if (!isHan(x.charCodeAt(0)) || !isHan(c.charCodeAt(0))) return null;
        if (NUMERALS.has(c) && NUMERALS.has(x)) return null;
        const any = t.fuzzy === 'any' && n >= 6 && !FUNCTION_CHARS.has(x);
        // Any ideograph in the interior of an `any` term, but not where the segmenter reads the written span's first
        // word as another word in place of the term's first word (党章|学习|教育, a campaign of its own, for
        // 党纪|学习|教育; not 中国|人民|共和国 nor 全|流程, which cut the name otherwise). At its end only when the
        // segmenter leaves the written character on its own ("人类命运共同休"), and only with a segmenter, not when
        // it makes a word ("党史学习|教材").
        if (
          this.confusable(c, x) ||
          (any && p >= 1 && p <= n - 2 && (segmenter === undefined || !firstWordReplaced(T, text, start, start + n, start + p, segmenter))) ||
          (any && p === n - 1 && segmenter !== undefined && lastIsLoneWord(text, start, start + n, segmenter))
        ) {
          return { kind: 'substitution', position: p, expectedPart: c, actualPart: x };
        }
        return null;
      }
      if (p + s === n - 2 && w[p] === T[p + 1] && w[p + 1] === T[p]) {
        return { kind: 'transposition', position: p, expectedPart: T.slice(p, p + 2), actualPart: w.slice(p, p + 2) };
      }
      return null;
    }
    if (w.length === n - 1 && n >= 5 && p + s >= n - 1) {
      // The dropped character sits at k with T[0,k) and T(k,n) intact; keep two intact characters at each end.
      // `any` terms (names of the state, campaigns) are never written short: any character but 的 may be the one dropped.
      const any = t.fuzzy === 'any';
      const lo = Math.max(2, n - 1 - s);
      const hi = Math.min(p, n >= 8 || any ? n - 2 : n - 3);
      for (let k = lo; k <= hi; k++) {
        const c = T[k] as string;
        if (isHan(c.charCodeAt(0)) && (any ? c !== '的' : !FUNCTION_CHARS.has(c)) && !NUMERALS.has(c)) return { kind: 'deletion', position: k, expectedPart: c, actualPart: '' };
      }
      return null;
    }
    if (w.length === n + 1 && n >= 6 && p + s >= n) {
      const lo = Math.max(2, n - s);
      const hi = Math.min(p, n - 2);
      for (let k = lo; k <= hi; k++) {
        const x = w[k] as string;
        if (isHan(x.charCodeAt(0)) && !FUNCTION_CHARS.has(x)) return { kind: 'insertion', position: k, expectedPart: '', actualPart: x };
      }
    }
    return null;
  }

  /** Every near miss in `text`, at most one per stretch of text (the longest term wins). */
  find(text: string, segmenter?: Segmenter): NearMiss<T>[] {
    const exact: [number, number, T][] = [];
    const found: NearMiss<T>[] = [];
    const last = text.length - 1;
    const candidates: [number, Anchor<T>][] = [];
    const len = text.length;
    for (let i = 0; i < last; i++) {
      const a = text.charCodeAt(i);
      const starts = this.starts[a] as number;
      if (starts === 0) continue;
      const hi = (a << 16) | text.charCodeAt(i + 1);
      if ((starts & 2) !== 0 && i + 4 <= len) {
        let at = this.byVariant.find(hi, (text.charCodeAt(i + 2) << 16) | text.charCodeAt(i + 3));
        if (at !== -1) {
          const blocks = this.byVariant.blocks;
          const count = blocks[at++] as number;
          for (let k = 0; k < count; k++, at += 3) candidates.push([i, this.list[(blocks[at] as number) | ((blocks[at + 1] as number) << 16)] as Anchor<T>]);
        }
      }
      if ((starts & 1) === 0) continue;
      let at = this.byPair.find(hi, 0);
      if (at === -1) continue;
      const blocks = this.byPair.blocks;
      const count = blocks[at++] as number;
      for (let k = 0; k < count; k++) {
        const index = (blocks[at] as number) | ((blocks[at + 1] as number) << 16);
        const rest = blocks[at + 2] as number;
        const codes = at + 3;
        at = codes + rest;
        // text.startsWith(anchor.text, i), the first two code units being the key.
        if (i + 2 + rest > len) continue;
        let j = 0;
        while (j < rest && text.charCodeAt(i + 2 + j) === blocks[codes + j]) j++;
        if (j < rest) continue;
        const anchor = this.list[index] as Anchor<T>;
        if (anchor.side === 'exact') exact.push([i, i + anchor.text.length, anchor.term]);
        else candidates.push([i, anchor]);
      }
    }
    const exactAt = new Map<number, T[]>();
    for (const [x, , u] of exact) {
      const list = exactAt.get(x);
      if (list) list.push(u);
      else exactAt.set(x, [u]);
    }
    for (const [i, anchor] of candidates) {
      const t = anchor.term;
      const n = t.canonical.length;
      // The anchors of a term written exactly: nothing to classify (most anchor hits in clean text).
      if (anchor.side !== 'V') {
        const at = anchor.side === 'L' ? i : i + anchor.text.length - n;
        if (exactAt.get(at)?.includes(t)) continue;
      }
      if (anchor.side === 'V') {
        const end = i + anchor.text.length;
        const v = anchor.variant as NonNullable<Anchor<T>['variant']>;
        if (!overlapsExact(exact, i, end, t, this.longest)) found.push({ start: i, end, term: t, ...v });
        continue;
      }
      for (let len = n - 1; len <= n + 1; len++) {
        const start = anchor.side === 'L' ? i : i + (n - anchor.offset) - len;
        const end = start + len;
        if (start < 0 || end > text.length) continue;
        // Cheap reject before slicing: a window one edit away shares all but one or two characters at its ends.
        const T = t.canonical;
        let p = 0;
        while (p < len && p < n && text.charCodeAt(start + p) === T.charCodeAt(p)) p++;
        let q = 0;
        while (q < len && q < n && text.charCodeAt(end - 1 - q) === T.charCodeAt(n - 1 - q)) q++;
        if (p + q < Math.min(len, n) - 2) continue;
        const c = this.classify(t, text.slice(start, end), text, start, segmenter);
        if (c && !overlapsExact(exact, start, end, t, this.longest)) found.push({ start, end, term: t, ...c });
      }
    }
    return longestNonOverlapping(found);
  }
}

/**
 * A window next to the exact term it resembles is that term seen off by one; a window inside another
 * term written exactly is part of that term.
 */
function overlapsExact<T>(exact: readonly [number, number, T][], s: number, e: number, t: T, longest: number): boolean {
  // `exact` is in order of start and no term is longer than `longest`, so only starts in
  // [s - longest, e) can overlap: a binary search keeps this logarithmic on megabyte inputs.
  let lo = 0;
  let hi = exact.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((exact[mid] as [number, number, T])[0] < s - longest) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < exact.length; k++) {
    const [x, y, u] = exact[k] as [number, number, T];
    if (x >= e) break;
    if ((u === t && x < e && s < y) || (x <= s && e <= y)) return true;
  }
  return false;
}

/** The length of the segmenter's first word of each protected term, per segmenter (see `firstWordReplaced`). */
const firstWords = new WeakMap<Segmenter, Map<string, number>>();

/**
 * Whether the segmenter reads the written span from `start` with a first word of two or more characters, holding
 * the character at `at`, as long as its first word of `term`: a word written in place of the term's first word.
 */
function firstWordReplaced(term: string, text: string, start: number, end: number, at: number, segmenter: Segmenter): boolean {
  const written = segmenter(text.slice(start, Math.min(text.length, end + 4)))[0] ?? '';
  if (written.length < 2 || at >= start + written.length) return false;
  let lengths = firstWords.get(segmenter);
  if (!lengths) firstWords.set(segmenter, (lengths = new Map()));
  let n = lengths.get(term);
  if (n === undefined) lengths.set(term, (n = segmenter(term)[0]?.length ?? 0));
  return n === written.length;
}

/** Whether the segmenter leaves the last character of `[start, end)` as a one-character word. */
function lastIsLoneWord(text: string, start: number, end: number, segmenter: Segmenter): boolean {
  let at = start;
  for (const word of segmenter(text.slice(start, Math.min(text.length, end + 4)))) {
    if (at + word.length >= end) return at === end - 1 && word.length === 1;
    at += word.length;
  }
  return false;
}

/** Builds the confusion map from the dictionary's `{ char: "homophones and look-alikes" }` table. */
export function confusionMap(table: Readonly<Record<string, string>>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [c, xs] of Object.entries(table)) map.set(c, new Set(xs));
  return map;
}
