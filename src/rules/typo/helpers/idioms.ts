import { isHan } from '../../../text/cjk.js';
import { CodeFilter, CodeMap } from '../../../text/pair-map.js';
import type { Segmenter } from '../../../core/rule.js';

/** The idiom table as stored in dictionaries/typo/idioms.json. */
export interface IdiomTable {
  /** Four-character idioms written one after another. */
  readonly idioms: string;
  /** Idiom character → the homophones and look-alikes that may be typed for it. */
  readonly confusion: Readonly<Record<string, string>>;
  /** Four-character dictionary words one slip away from an idiom, written one after another; never reported. */
  readonly legit: string;
  /**
   * Idiom character → further characters that may be written for it by shape only, from a broader published
   * look-alike table (己 → 已, 潸 → 潜; but also 好 → 子, a component of it): weaker evidence, so such a slip is
   * taken only with a segmenter, and only where the written character forms no word with a neighbour inside the
   * window (求子心切 is no slip of 求好心切: 求子 is a word).
   */
  readonly weak?: Readonly<Record<string, string>>;
}

/** A four-character window that misses an idiom by one homophone or look-alike, or by two swapped neighbours. */
export interface IdiomSlip {
  readonly start: number;
  readonly end: number;
  /** The idioms the window misses, in table order. */
  readonly idioms: readonly string[];
}

const isHanCode = isHan;
/**
 * A bit per hashed pair of code units (32 KB). Pairs packed as numbers pass V8's small-integer range,
 * so a `Set` of them hashes a boxed double per probe; this filter is a superset of the pairs (a false
 * positive only costs the exact lookups after it), which is all `near` needs of its gates.
 */
const PAIR_BITS = 1 << 18;
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 14;
class PairFilter {
  private readonly bits = new Uint32Array(PAIR_BITS >> 5);
  add(a: number, b: number): void {
    const h = pairHash(a, b);
    this.bits[h >> 5] = (this.bits[h >> 5] as number) | (1 << (h & 31));
  }
  has(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return ((this.bits[h >> 5] as number) & (1 << (h & 31))) !== 0;
  }
}

/**
 * Finds unlisted idiom typos: a four-character window that is not itself an idiom or a dictionary
 * word but becomes one when a single character is replaced by a homophone or look-alike ("严惩不怠" →
 * "严惩不贷") or when two neighbours are swapped ("电光火石"). Lists cannot enumerate every wrong
 * character of thousands of idioms; the idioms and the confusion sets can.
 *
 * Cost: one bit read per window (a filter of every idiom with one slip), so that about one window in
 * ten (false positives mostly) is looked at further: a window with one slip keeps either its first or
 * its last two characters intact, so it is only looked at when one of those pairs opens or closes some
 * idiom; then four masked lookups on numeric keys. No strings are built for clean text.
 */
export class IdiomMatcher {
  /** For mask position k, the other three characters packed → idioms. */
  private readonly masked: CodeMap<string[]>[] = [new CodeMap(), new CodeMap(), new CodeMap(), new CodeMap()];
  private readonly idioms = new Set<string>();
  private readonly legit = new Set<string>();
  private readonly heads = new PairFilter();
  private readonly tails = new PairFilter();
  /** Idiom character → the characters that may be typed for it. */
  private readonly confusion = new Map<string, string>();
  /** Idiom character → the characters written for it by shape only (weaker evidence, see {@link IdiomTable.weak}). */
  private readonly weak = new Map<string, string>();
  /**
   * Every window `near` can answer for: an idiom with one character replaced by one that may be typed
   * for it, or with two neighbours swapped. A window it lacks is passed over with one bit read.
   */
  private readonly variants: CodeFilter;

  constructor(table: IdiomTable) {
    for (let i = 0; i + 4 <= table.idioms.length; i += 4) {
      const w = table.idioms.slice(i, i + 4);
      this.idioms.add(w);
      const c = [0, 1, 2, 3].map((k) => w.charCodeAt(k)) as [number, number, number, number];
      this.heads.add(c[0], c[1]);
      this.tails.add(c[2], c[3]);
      this.add(0, w[1]! + w[2]! + w[3]!, w);
      this.add(1, w[0]! + w[2]! + w[3]!, w);
      this.add(2, w[0]! + w[1]! + w[3]!, w);
      this.add(3, w[0]! + w[1]! + w[2]!, w);
    }
    for (let i = 0; i + 4 <= table.legit.length; i += 4) this.legit.add(table.legit.slice(i, i + 4));
    for (const [k, v] of Object.entries(table.confusion)) this.confusion.set(k, v);
    for (const [k, v] of Object.entries(table.weak ?? {})) this.weak.set(k, v);
    const all = table.idioms;
    let count = 0;
    for (let i = 0; i + 4 <= all.length; i++) count += (this.confusion.get(all[i] as string)?.length ?? 0) + (this.weak.get(all[i] as string)?.length ?? 0) + 1;
    this.variants = new CodeFilter(count);
    const v = this.variants;
    for (let i = 0; i + 4 <= all.length; i += 4) {
      const c0 = all.charCodeAt(i);
      const c1 = all.charCodeAt(i + 1);
      const c2 = all.charCodeAt(i + 2);
      const c3 = all.charCodeAt(i + 3);
      for (let k = 0; k < 4; k++) {
        const typed = (this.confusion.get(all[i + k] as string) ?? '') + (this.weak.get(all[i + k] as string) ?? '');
        for (let t = 0; t < typed.length; t++) {
          const x = typed.charCodeAt(t);
          v.add(k === 0 ? x : c0, k === 1 ? x : c1, k === 2 ? x : c2, k === 3 ? x : c3);
        }
      }
      v.add(c1, c0, c2, c3);
      v.add(c0, c2, c1, c3);
      v.add(c0, c1, c3, c2);
    }
  }

  private add(k: number, key: string, w: string): void {
    const m = this.masked[k] as CodeMap<string[]>;
    const list = m.get(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2));
    if (list) list.push(w);
    else m.set(key, [w]);
  }

  private confusable(canonical: string, written: string): boolean {
    return this.confusion.get(canonical)?.includes(written) ?? false;
  }

  private weakly(canonical: string, written: string): boolean {
    return this.weak.get(canonical)?.includes(written) ?? false;
  }

  /**
   * The idioms `text[i, i + 4)` misses by one slip, or none. A slip only the weak (shape-only) pairs explain needs
   * the segmenter: taken when the written character stands alone among the window's words.
   */
  private near(text: string, i: number, segmenter?: Segmenter): string[] {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const head = this.heads.has(c0, c1);
    const tail = this.tails.has(c2, c3);
    // Two middle characters swapped keep neither pair; the idiom then opens with c0 c2.
    const mid = this.heads.has(c0, c2);
    if (!head && !tail && !mid) return [];
    const w = text.slice(i, i + 4);
    if (this.idioms.has(w) || this.legit.has(w)) return [];
    const out: string[] = [];
    for (let k = 0; k < 4; k++) {
      // A slip at k leaves the pair on the other side intact.
      if (k < 2 ? !tail : !head) continue;
      const others = k === 0 ? this.masked[0]!.get(c1, c2, c3) : k === 1 ? this.masked[1]!.get(c0, c2, c3) : k === 2 ? this.masked[2]!.get(c0, c1, c3) : this.masked[3]!.get(c0, c1, c2);
      for (const idiom of others ?? []) {
        if (out.includes(idiom)) continue;
        if (this.confusable(idiom[k] as string, w[k] as string) || (segmenter && this.weakly(idiom[k] as string, w[k] as string) && standsAlone(text, i, k, segmenter))) out.push(idiom);
      }
    }
    for (let k = 0; k < 3; k++) {
      if (k === 0 ? !tail : k === 2 ? !head : !mid) continue;
      // Two middle characters swapped keep neither of the idiom's pairs: where the segmenter reads the window as
      // two words of two characters, it is those words (先后|来到 is no slip of 先来后到).
      if (k === 1 && segmenter && twoWords(text, i, segmenter)) continue;
      const swapped = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      if (swapped !== w && this.idioms.has(swapped) && !out.includes(swapped)) out.push(swapped);
    }
    return out;
  }

  private overlapsIdiom(text: string, start: number): boolean {
    for (let d = -3; d <= 3; d++) {
      if (d !== 0 && start + d >= 0 && this.idioms.has(text.slice(start + d, start + d + 4))) return true;
    }
    return false;
  }

  /**
   * Every idiom slip in `text`. With a segmenter, a window whose edge cuts through a word ("有机|结合起来"
   * style boundaries, a word reaching in from outside) is an accident of adjacency, not an idiom.
   */
  find(text: string, segmenter?: Segmenter): IdiomSlip[] {
    const out: IdiomSlip[] = [];
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      run = isHanCode(text.charCodeAt(i)) ? run + 1 : 0;
      if (run < 4) continue;
      const start = i - 3;
      if (!this.variants.has(text.charCodeAt(start), text.charCodeAt(start + 1), text.charCodeAt(start + 2), text.charCodeAt(i))) continue;
      const idioms = this.near(text, start, segmenter);
      if (idioms.length === 0) continue;
      // A window overlapping an idiom written right ("大公无私心" beside "大公无私") is that idiom seen off by one.
      if (this.overlapsIdiom(text, start)) continue;
      if (segmenter && crossesWord(text, start, start + 4, segmenter)) continue;
      out.push({ start, end: start + 4, idioms });
      // One finding per stretch: the next window starts after this one.
      run = 0;
    }
    return out;
  }
}

/** Whether the segmenter cuts the window `[start, start + 4)` into two words of two characters. */
function twoWords(text: string, start: number, segmenter: Segmenter): boolean {
  const words = segmenter(text.slice(start, start + 4));
  return words.length === 2 && words[0]?.length === 2;
}

/** Whether the character at `start + k` is a word of its own when the segmenter cuts the window `[start, start + 4)`. */
function standsAlone(text: string, start: number, k: number, segmenter: Segmenter): boolean {
  let at = 0;
  for (const word of segmenter(text.slice(start, start + 4))) {
    if (at <= k && k < at + word.length) return word.length === 1;
    at += word.length;
  }
  return false;
}

/** Whether a word of the segmenter starts before `start` and ends inside, or starts inside and ends after `end`. */
function crossesWord(text: string, start: number, end: number, segmenter: Segmenter): boolean {
  const from = Math.max(0, start - 6);
  const to = Math.min(text.length, end + 6);
  let at = from;
  for (const word of segmenter(text.slice(from, to))) {
    const s = at;
    const e = at + word.length;
    at = e;
    if ((s < start && e > start) || (s < end && e > end)) return true;
  }
  return false;
}
