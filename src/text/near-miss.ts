import { pinyin } from 'pinyin-pro';
import type { Segmenter } from '../types.js';
import { PairMap } from './pair-map.js';
import { isHan, longestNonOverlapping } from './patterns.js';

/** How the written character relates to the term's: by sound (three degrees) or by shape. */
export type Likeness = 'homophone' | 'tone' | 'regional' | 'lookalike';

/** A lexicon term, as the matcher needs it. */
export interface LexiconTerm {
  readonly text: string;
  /** Strings one character away from the term that are words of their own: right as written. */
  readonly legit?: readonly string[];
}

/** A span that reads like a lexicon term but is written with one character changed. */
export interface TermNearMiss<T extends LexiconTerm> {
  readonly start: number;
  readonly end: number;
  readonly term: T;
  /** Index of the changed character in the term. */
  readonly position: number;
  readonly expectedChar: string;
  readonly actualChar: string;
  readonly likeness: Likeness;
}

/**
 * Folds a toneless pinyin syllable the way regional speech and fuzzy-pinyin input methods merge
 * sounds: retroflex and flat initials (zh/z, ch/c, sh/s), n/l, hu-/f- (hua/fa, huang/fang), and
 * front and back nasal finals (in/ing, en/eng, an/ang).
 */
export function foldSyllable(s: string): string {
  let f = s;
  if (f.startsWith('zh') || f.startsWith('ch') || f.startsWith('sh')) f = f[0] + f.slice(2);
  if (f.startsWith('l')) f = `n${f.slice(1)}`;
  if (f.startsWith('hu')) f = f.length === 2 ? 'fu' : `f${f.slice(2)}`;
  if (f.endsWith('ng') && f.length > 2) f = f.slice(0, -1);
  return f;
}

interface Readings {
  readonly toned: readonly string[];
  readonly toneless: readonly string[];
  readonly folded: readonly string[];
}

const NONE: Readings = { toned: [], toneless: [], folded: [] };
const readingCache = new Map<string, Readings>();

/** Every reading of one ideograph (pinyin-pro, all heteronyms), toned, toneless and folded. */
export function readingsOf(c: string): Readings {
  let r = readingCache.get(c);
  if (r) return r;
  if (!isHan(c.charCodeAt(0))) r = NONE;
  else {
    const toned = pinyin(c, { toneType: 'num', type: 'array', multiple: true }).filter((p) => /^[a-zü]+[0-5]?$/.test(p));
    const toneless = [...new Set(toned.map((p) => p.replace(/[0-5]$/, '')))];
    r = toned.length ? { toned, toneless, folded: [...new Set(toneless.map(foldSyllable))] } : NONE;
  }
  readingCache.set(c, r);
  return r;
}

/** Characters that are words of grammar on their own: at a term's edge they belong to the sentence. */
const FUNCTION_CHARS = new Set([...'的地得了着过是和与及之并而或也在等其所以为对从于把被将向中上下个这那就都还又']);

const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** How `written` may stand for `meant`, or null when neither sound nor the look-alike table links them. */
export function likeness(meant: string, written: string, lookalikes: ReadonlyMap<string, ReadonlySet<string>>): Likeness | null {
  const a = readingsOf(meant);
  const b = readingsOf(written);
  if (meets(a.toned, b.toned)) return 'homophone';
  if (meets(a.toneless, b.toneless)) return 'tone';
  if (meets(a.folded, b.folded)) return 'regional';
  if (lookalikes.get(meant)?.has(written) || lookalikes.get(written)?.has(meant)) return 'lookalike';
  return null;
}

/** Where an anchor's three characters sit in a term: contiguous from `offset`, or gapped from the start. */
type Shape = 'C' | 'G1' | 'G2';

interface Anchor<T> {
  readonly term: T;
  readonly shape: Shape;
  /** For contiguous anchors: where they start in the term. */
  readonly offset: number;
}

/** Anchors by their first two code units, then by the third. */
type AnchorIndex<T> = PairMap<Map<number, Anchor<T>[]>>;

/**
 * A bit per hashed two-character key (32 KB a filter, small enough to stay in cache): most positions
 * of a text start no anchor, and a bit test is cheaper than a map probe.
 */
const FILTER_BITS = 1 << 18;
const hash2 = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) & (FILTER_BITS - 1);
const newFilter = () => new Uint32Array(FILTER_BITS >> 5);
const setBit = (f: Uint32Array, h: number) => {
  f[h >> 5] = (f[h >> 5] as number) | (1 << (h & 31));
};
const hasBit = (f: Uint32Array, h: number) => ((f[h >> 5] as number) & (1 << (h & 31))) !== 0;

function add<T>(index: AnchorIndex<T>, filter: Uint32Array, a: number, b: number, c: number, anchor: Anchor<T>): void {
  setBit(filter, hash2(a, b));
  const k = (a << 16) | b;
  let inner = index.get(k);
  if (!inner) index.set(k, (inner = new Map()));
  const list = inner.get(c);
  if (list) list.push(anchor);
  else inner.set(c, [anchor]);
}

/** The one anchor that stays intact and is responsible for a change at `k` in a term of length `n` (n ≥ 4). */
function responsible(n: number, k: number): string {
  if (k >= 3) return 'C0';
  if (k <= n - 4) return 'Cend';
  return k === 1 ? 'G1' : 'G2';
}

/**
 * Finds spans that read like a lexicon term but are written with one ideograph changed to a
 * homophone, a near homophone (tone, regional folds) or a look-alike.
 *
 * Candidates come from anchors: three characters of the term that one changed character leaves intact
 * — its first three, its last three, and for four- and five-character terms the gapped triples
 * (0, 2, 3) and (0, 1, 3); three-character terms by their pairs. Exactly one anchor is responsible for
 * each possible change, so no window is judged twice. A scan probes a bitmap and at most four small
 * integer-keyed maps per position and verifies the few anchors found there: linear in the text.
 *
 * Precision guards, in order: the window differs from the term in exactly one ideograph, which is no
 * particle or preposition standing at the term's edge; the window
 * is not itself a lexicon term nor a listed legit neighbour (a dictionary word or a string official
 * texts use); the changed character is linked to the term's by sound or shape; it lies in no exact
 * lexicon term written there; and the word segmenter puts word boundaries at both ends of the window,
 * so the span stands where the term would. Without a segmenter only interior changes in terms of five
 * or more characters are reported.
 */
export class LexiconMatcher<T extends LexiconTerm> {
  private readonly first = new Uint8Array(0x10000);
  /** Terms of four or more characters: three-character anchors, contiguous (C) and gapped (G1: 0,2,3; G2: 0,1,3). */
  private readonly contiguous: AnchorIndex<T> = new PairMap();
  private readonly gap1: AnchorIndex<T> = new PairMap();
  private readonly gap2: AnchorIndex<T> = new PairMap();
  private readonly contiguousBits = newFilter();
  private readonly gap1Bits = newFilter();
  private readonly gap2Bits = newFilter();
  private readonly pairBits = newFilter();
  /** Three-character terms by their first two and last two characters. */
  private readonly pairs3 = new PairMap<{ term: T; offset: number }[]>();
  /** Three-character terms by their outer characters. */
  private readonly outer = new PairMap<T[]>();
  private readonly outerFirst = new Uint8Array(0x10000);
  private readonly outerBits = newFilter();
  /** The union of the filters keyed by a position's first two characters, and of those keyed by its first and third. */
  private readonly any01 = newFilter();
  private readonly any02 = newFilter();
  private readonly words = new Set<string>();
  private readonly legit = new Set<string>();
  private longest = 0;
  /** Likeness of (term character, written character) pairs already judged. */
  private readonly pairs = new Map<number, Likeness | null>();

  constructor(
    terms: readonly T[],
    private readonly lookalikes: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    for (const t of terms) {
      this.words.add(t.text);
      for (const l of t.legit ?? []) this.legit.add(l);
    }
    for (const t of terms) {
      const n = t.text.length;
      if (n < 3) continue;
      this.longest = Math.max(this.longest, n);
      const code = (j: number) => t.text.charCodeAt(j);
      if (n === 3) {
        for (const offset of [0, 1]) {
          const key = (code(offset) << 16) | code(offset + 1);
          const list = this.pairs3.get(key);
          if (list) list.push({ term: t, offset });
          else this.pairs3.set(key, [{ term: t, offset }]);
          this.first[code(offset)] = 1;
          setBit(this.pairBits, hash2(code(offset), code(offset + 1)));
        }
        const key = (code(0) << 16) | code(2);
        this.outerFirst[code(0)] = 1;
        setBit(this.outerBits, hash2(code(0), code(2)));
        const list = this.outer.get(key);
        if (list) list.push(t);
        else this.outer.set(key, [t]);
        continue;
      }
      this.first[code(0)] = 1;
      this.first[code(n - 3)] = 1;
      add(this.contiguous, this.contiguousBits, code(0), code(1), code(2), { term: t, shape: 'C', offset: 0 });
      add(this.contiguous, this.contiguousBits, code(n - 3), code(n - 2), code(n - 1), { term: t, shape: 'C', offset: n - 3 });
      if (n === 4) add(this.gap1, this.gap1Bits, code(0), code(2), code(3), { term: t, shape: 'G1', offset: 0 });
      if (n <= 5) add(this.gap2, this.gap2Bits, code(0), code(1), code(3), { term: t, shape: 'G2', offset: 0 });
    }
    this.unite();
  }

  private unite(): void {
    for (let w = 0; w < this.any01.length; w++) {
      this.any01[w] = (this.pairBits[w] as number) | (this.contiguousBits[w] as number) | (this.gap2Bits[w] as number);
      this.any02[w] = (this.gap1Bits[w] as number) | (this.outerBits[w] as number);
    }
  }

  /** Every near miss in `text`, longest first where they overlap. */
  find(text: string, segmenter?: Segmenter): TermNearMiss<T>[] {
    const exact: [number, number][] = [];
    const candidates: { start: number; term: T; k: number }[] = [];
    /** `via`: the anchor that found the window; a window is judged only by the anchor responsible for its change. */
    const consider = (start: number, term: T, via: string) => {
      const n = term.text.length;
      if (start < 0 || start + n > text.length) return;
      let k = -1;
      // The anchor's own characters are known to match; a contiguous head anchor covers the first three.
      for (let j = via === 'C0' ? 3 : 0; j < n; j++) {
        if (text.charCodeAt(start + j) !== term.text.charCodeAt(j)) {
          if (k !== -1) return;
          k = j;
        }
      }
      if (k === -1) {
        if (via === 'C0' || via === 'P0') exact.push([start, start + n]);
        return;
      }
      if (n > 3 ? responsible(n, k) !== via : via !== (k === 2 ? 'P0' : k === 0 ? 'P1' : 'O')) return;
      // Cheapest tests first, before anything is allocated: on repetitive input most anchor hits fail here.
      if (!segmenter && (n < 5 || k === 0 || k === n - 1)) return;
      const x = text.charCodeAt(start + k);
      if (!isHan(x) || this.likenessOf(term.text.charCodeAt(k), x) === null) return;
      candidates.push({ start, term, k });
    };
    const len = text.length;
    for (let i = 0; i + 2 < len; i++) {
      const c0 = text.charCodeAt(i);
      if (this.first[c0] === 0 && this.outerFirst[c0] === 0) continue;
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      // Two bit tests rule out most positions: no anchor starts with (c0, c1) nor with (c0, _, c2).
      const h01 = hash2(c0, c1);
      const h02 = hash2(c0, c2);
      const at01 = hasBit(this.any01, h01);
      const at02 = hasBit(this.any02, h02);
      if (!at01 && !at02) continue;
      if (at02 && this.outerFirst[c0] === 1 && hasBit(this.outerBits, h02)) {
        const list = this.outer.get((c0 << 16) | c2);
        if (list) for (let j = 0; j < list.length; j++) consider(i, list[j] as T, 'O');
      }
      if (this.first[c0] === 0) continue;
      const k01 = (c0 << 16) | c1;
      if (at01 && hasBit(this.pairBits, h01)) {
        const list = this.pairs3.get(k01);
        if (list) for (let j = 0; j < list.length; j++) {
          const p = list[j] as { term: T; offset: number };
          consider(i - p.offset, p.term, p.offset === 0 ? 'P0' : 'P1');
        }
      }
      if (at01 && hasBit(this.contiguousBits, h01)) {
        const list = this.contiguous.get(k01)?.get(c2);
        if (list) for (let j = 0; j < list.length; j++) {
          const a = list[j] as Anchor<T>;
          consider(i - a.offset, a.term, a.offset === 0 ? 'C0' : 'Cend');
        }
      }
      if (i + 3 >= len) continue;
      const c3 = text.charCodeAt(i + 3);
      if (at02 && hasBit(this.gap1Bits, h02)) {
        const list = this.gap1.get((c0 << 16) | c2)?.get(c3);
        if (list) for (let j = 0; j < list.length; j++) consider(i, (list[j] as Anchor<T>).term, 'G1');
      }
      if (at01 && hasBit(this.gap2Bits, h01)) {
        const list = this.gap2.get(k01)?.get(c3);
        if (list) for (let j = 0; j < list.length; j++) consider(i, (list[j] as Anchor<T>).term, 'G2');
      }
    }
    if (candidates.length === 0) return [];
    exact.sort((x, y) => x[0] - y[0]);
    const found: TermNearMiss<T>[] = [];
    for (const { start, term, k } of candidates) {
      const n = term.text.length;
      const end = start + n;
      const x = text[start + k] as string;
      const c = term.text[k] as string;
      // A particle or preposition at the term's edge is grammar ("以牟利为目的的代孕"), not a slip in the term.
      if ((k === 0 || k === n - 1) && FUNCTION_CHARS.has(x)) continue;
      const how = this.likenessOf(c.charCodeAt(0), x.charCodeAt(0)) as Likeness;
      // Three-character terms are short enough to meet by chance: only a same-sound or look-alike character.
      if (n === 3 && how !== 'homophone' && how !== 'lookalike') continue;
      const window = text.slice(start, end);
      if (this.words.has(window) || this.legit.has(window)) continue;
      const at = start + k;
      if (this.insideExact(exact, at)) continue;
      if (segmenter && !boundariesAgree(text, start, end, segmenter)) continue;
      found.push({ start, end, term, position: k, expectedChar: c, actualChar: x, likeness: how });
    }
    return longestNonOverlapping(found);
  }

  private likenessOf(meant: number, written: number): Likeness | null {
    const key = meant * 0x10000 + written;
    let how = this.pairs.get(key);
    if (how === undefined) this.pairs.set(key, (how = likeness(String.fromCharCode(meant), String.fromCharCode(written), this.lookalikes)));
    return how;
  }

  /** Whether `at` lies inside a lexicon term written exactly ("全面从严治军" is no slip of "全面从严治党" when it is itself a term). */
  private insideExact(exact: readonly [number, number][], at: number): boolean {
    let lo = 0;
    let hi = exact.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((exact[mid] as [number, number])[0] < at - this.longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < exact.length; i++) {
      const [s, e] = exact[i] as [number, number];
      if (s > at) break;
      if (s <= at && at < e) return true;
    }
    return false;
  }
}

/** Characters that end a clause: the segmenter is run on the clause around a candidate, not on the whole text. */
const CLAUSE = /[\s，。；：！？、,.;:!?“”"（）()《》【】]/;

/** Whether the segmenter, run on the clause around `[start, end)`, puts word boundaries at both ends. */
function boundariesAgree(text: string, start: number, end: number, segmenter: Segmenter): boolean {
  let from = start;
  while (from > 0 && start - from < 24 && !CLAUSE.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && to - end < 24 && !CLAUSE.test(text[to] as string)) to++;
  let at = from;
  let startOk = start === from;
  let endOk = end === to;
  for (const w of segmenter(text.slice(from, to))) {
    at += w.length;
    if (at === start) startOk = true;
    if (at === end) endOk = true;
    if (at > end) break;
  }
  return startOk && endOk;
}
