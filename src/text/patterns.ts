import { isHan } from './cjk.js';
import { normalize, type FoldOptions } from './normalize.js';
import type { Entry } from '../types.js';

/**
 * The fold every phrasing and typo rule matches under: full/half width, case, traditional to
 * simplified, zero-width characters dropped and spaces or symbols between ideographs skipped
 * ("中华人民 共和国"), but not the half-width , . ; : ! ? of pages typed that way: those end a clause, as
 * ，。；：！？ do. Sharing one fold lets the checker normalize each segment once for all rules.
 */
export const FOLD: FoldOptions = { noise: true, clauses: true };

/** A segment's text under {@link FOLD}, with the way back to source offsets. */
export interface Folded {
  readonly text: string;
  toSource(start: number, end: number): [number, number];
}

/**
 * A dictionary string as it appears in folded text: width, case and traditional folds, but no noise
 * fold, since the noise fold drops ASCII punctuation between ideographs while full-width ，；：！？ written
 * in the text survive it as their ASCII forms.
 */
export function foldPattern(pattern: string): string {
  return normalize(pattern).text;
}

const foldedExceptions = new WeakMap<object, string[]>();

/** An entry's exception strings, folded like its patterns (cached per entry). */
export function exceptionsOf(entry: { readonly exceptions?: readonly string[] }): string[] | undefined {
  if (!entry.exceptions) return undefined;
  let cached = foldedExceptions.get(entry);
  if (!cached) foldedExceptions.set(entry, (cached = entry.exceptions.map(foldPattern)));
  return cached;
}

/**
 * Whether folded positions `pos - 1` and `pos` were adjacent in the source: the noise fold joins
 * "主席 李强" across a space, which in a headline separates two items rather than a title and a name.
 */
export function joinedInSource(folded: Folded, pos: number): boolean {
  if (pos <= 0 || pos >= folded.text.length) return true;
  return folded.toSource(pos - 1, pos)[1] === folded.toSource(pos, pos + 1)[0];
}

interface FoldedSegment<S> {
  readonly segment: S;
  readonly folded: Folded;
}

/**
 * The per-check store of a rule's context (`RuleContext.memo`, `CheckMemo` in the core): what several rules
 * derive from the same segments (folded lists, the hits of one shared scan, leader marks) is made once per
 * check and dropped with it. Keys are objects (a module's own key, or a prepared structure), never strings,
 * so two modules cannot collide. Unlike a module-level WeakMap keyed by a per-check object, nothing outlives
 * the check, so a long run's memory stays flat between full collections.
 */
export interface PerCheck {
  /** The value under `key` in this check, built by `build` on first use. */
  get<T>(key: object, build: () => T): T;
  /**
   * What `compute` derives from `text` alone (with the checker's prepared tables and runtime, never the date,
   * the URL or another segment), under `key`: kept across the checker's checks when the text comes back on
   * another page (see `TextRecall`). The value is shared and must not be changed. Without it (a store made
   * by hand), computed each time.
   */
  recall?<T>(key: object, text: string, compute: (text: string) => T): T;
}

/**
 * `check.recall`, or `compute(text)` where the store has none. `compute` must work on the text it is handed (a copy
 * of `text` when the value is kept), not on `text` from around it.
 */
export function recalled<T>(check: PerCheck, key: object, text: string, compute: (text: string) => T): T {
  return check.recall ? check.recall(key, text, compute) : compute(text);
}

/** The key of the folded-segment lists of a check, by minimum length. */
const FOLDED_LISTS = {};

/**
 * Every segment of the document under {@link FOLD}, skipping those too short to hold a pattern. The list
 * is made once per check for each minimum length and shared by the rules that ask (it must not be
 * changed): each rule no longer looks every segment up in the checker's normalization cache.
 */
export function foldedSegments<S extends { readonly text: string }>(
  context: { readonly document: { readonly segments: readonly S[] }; normalized(segment: S, fold?: FoldOptions): Folded; readonly memo: PerCheck },
  minLength = 2,
): readonly FoldedSegment<S>[] {
  const byLength = context.memo.get(FOLDED_LISTS, () => new Map<number, readonly FoldedSegment<unknown>[]>());
  let list = byLength.get(minLength) as readonly FoldedSegment<S>[] | undefined;
  if (!list) {
    const out: FoldedSegment<S>[] = [];
    for (const segment of context.document.segments) {
      if (segment.text.length < minLength) continue;
      out.push({ segment, folded: context.normalized(segment, FOLD) });
    }
    byLength.set(minLength, (list = out));
  }
  return list;
}

export { isHan };

/** A match of a {@link PatternSet}: a half-open UTF-16 range of the scanned text and the pattern's value. */
export interface PatternHit<T> {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
  readonly value: T;
}

/** Patterns sharing their first two code units, longest first, with their values and third code units (-1: none). */
interface Bucket<T> {
  readonly patterns: string[];
  readonly values: T[];
  readonly thirds: number[];
  /**
   * Of a bucket of more than {@link INDEXED_BUCKET} patterns (a checker's union of sets holds up to a few
   * hundred starting 中国 or 社会), the positions of its patterns by their third code unit, each list ending
   * with the positions of the two-code-unit patterns, which are the shortest: built by the first scan after a
   * pattern joined, so that a scan reads only the patterns that can match where it stands.
   */
  byThird?: Map<number, readonly number[]> | undefined;
  /** The positions of the bucket's two-code-unit patterns (with {@link byThird}). */
  twos?: readonly number[];
}

/** From this many patterns on, a bucket is read through its index by third code unit. */
const INDEXED_BUCKET = 8;

/** Indexes a large bucket by its patterns' third code units (see {@link Bucket.byThird}). */
function indexBucket(bucket: Bucket<unknown>): Map<number, readonly number[]> {
  const twos: number[] = [];
  const lists = new Map<number, number[]>();
  bucket.thirds.forEach((third, k) => {
    if (third === -1) twos.push(k);
    else {
      let list = lists.get(third);
      if (!list) lists.set(third, (list = []));
      list.push(k);
    }
  });
  for (const list of lists.values()) list.push(...twos);
  bucket.twos = twos;
  bucket.byThird = lists;
  return lists;
}

/** Receives a hit of a scan: its range, the pattern and its value. */
type HitSink<T> = (start: number, end: number, pattern: string, value: T) => void;

/** The slot of a pair of code units in {@link PatternSet}'s pair filter (multiplicative hashing, 16 bits). */
const pairSlot = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;

/**
 * Exact multi-pattern matching for short dictionaries (tens to a few hundred patterns of two or more
 * code units). Patterns are bucketed by their first two code units; a scan costs one bitmap probe per
 * position, a second (a filter of the pairs that start a pattern) where the first code unit can start one,
 * and a map lookup only where the pair is (almost surely) a pattern's: linear in the text, no backtracking.
 */
export class PatternSet<T> {
  /** A bit per code unit that starts a pattern (8 KB: the many sets of a checker stay in cache). */
  private readonly first = new Int32Array(0x800);
  /** A bit at {@link pairSlot} of every pattern's first two code units: a filter, with rare false positives. */
  private readonly pairs = new Int32Array(0x800);
  private readonly buckets = new Map<number, Bucket<T>>();
  private count = 0;

  /** Adds a pattern; patterns shorter than two code units are ignored (no dictionary has them). */
  add(raw: string, value: T): void {
    this.insert(foldPattern(raw), value);
  }

  /** Adds every pattern of `other` (already folded), its value mapped by `wrap`: one scan then finds both sets' patterns. */
  addAll<U>(other: PatternSet<U>, wrap: (value: U) => T): void {
    // Bucket by bucket, each in its order (longest first, then as added): the merged buckets keep it.
    for (const bucket of other.buckets.values()) bucket.patterns.forEach((pattern, k) => this.insert(pattern, wrap(bucket.values[k] as U)));
  }

  private insert(pattern: string, value: T): void {
    if (pattern.length < 2) return;
    const a = pattern.charCodeAt(0);
    const b = pattern.charCodeAt(1);
    const key = (a << 16) | b;
    this.first[a >>> 5]! |= 1 << (a & 31);
    const slot = pairSlot(a, b);
    this.pairs[slot >>> 5]! |= 1 << (slot & 31);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { patterns: [], values: [], thirds: [] }));
    // Longest first, so callers that keep the first hit at a position keep the longest; among patterns of
    // one length, in the order added.
    let at = bucket.patterns.length;
    while (at > 0 && (bucket.patterns[at - 1] as string).length < pattern.length) at--;
    bucket.patterns.splice(at, 0, pattern);
    bucket.values.splice(at, 0, value);
    bucket.thirds.splice(at, 0, pattern.length > 2 ? pattern.charCodeAt(2) : -1);
    bucket.byThird = undefined;
    this.count++;
  }

  /** Replaces the value of an added pattern (a dictionary entry merged with another). */
  replace(raw: string, value: T): void {
    const pattern = foldPattern(raw);
    const bucket = this.buckets.get((pattern.charCodeAt(0) << 16) | pattern.charCodeAt(1));
    if (bucket) bucket.patterns.forEach((p, k) => p === pattern && (bucket.values[k] = value));
  }

  get size(): number {
    return this.count;
  }

  /** Every occurrence of every pattern in `text`, overlapping ones included, by start then longest first. */
  scan(text: string): PatternHit<T>[] {
    const hits: PatternHit<T>[] = [];
    this.scanInto(text, (start, end, pattern, value) => hits.push({ start, end, pattern, value }));
    return hits;
  }

  /** What {@link scan} finds, each hit handed to `sink` in the same order instead of gathered. */
  scanInto(text: string, sink: HitSink<T>): void {
    if (this.count === 0) return;
    const first = this.first;
    const pairs = this.pairs;
    const n = text.length - 1;
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(i);
      if (((first[a >>> 5] as number) & (1 << (a & 31))) === 0) continue;
      const b = text.charCodeAt(i + 1);
      const slot = pairSlot(a, b);
      if (((pairs[slot >>> 5] as number) & (1 << (slot & 31))) === 0) continue;
      const bucket = this.buckets.get((a << 16) | b);
      if (bucket === undefined) continue;
      const { patterns, values, thirds } = bucket;
      // NaN past the end: no pattern of three or more code units matches there.
      const c = text.charCodeAt(i + 2);
      if (patterns.length > INDEXED_BUCKET) {
        const list = (bucket.byThird ?? indexBucket(bucket)).get(c) ?? (bucket.twos as readonly number[]);
        for (let j = 0; j < list.length; j++) {
          const k = list[j] as number;
          const pattern = patterns[k] as string;
          if (pattern.length <= 3 || text.startsWith(pattern, i)) sink(i, i + pattern.length, pattern, values[k] as T);
        }
        continue;
      }
      for (let k = 0; k < patterns.length; k++) {
        const third = thirds[k] as number;
        if (third !== -1 && third !== c) continue;
        const pattern = patterns[k] as string;
        if (pattern.length <= 3 || text.startsWith(pattern, i)) sink(i, i + pattern.length, pattern, values[k] as T);
      }
    }
  }
}

/**
 * Several rules' pattern sets of one checker, scanned in one pass per segment: each rule registers its set
 * when it is prepared (through the checker's shared store, {@link patternUnion}) and asks for its hits per
 * folded segment; the first to ask scans with the union of the sets and the others read their lists. A
 * set's list is exactly what its own `scan` gives (same hits, same order); it must not be changed.
 */
export class PatternUnion {
  private readonly sets: PatternSet<unknown>[] = [];
  private union: PatternSet<{ readonly set: number; readonly value: unknown }> | undefined;
  /** Bumped when a set joins: lists found before do not hold its hits. */
  private generation = 0;
  /** The key of the lists kept across checks (`PerCheck.recall`), replaced when a set joins. */
  private recallKey = {};

  /** Registers a set (once). */
  add(set: PatternSet<unknown>): void {
    if (this.sets.includes(set)) return;
    this.sets.push(set);
    this.union = undefined;
    this.generation++;
    this.recallKey = {};
  }

  /** The hits of `set` in a folded segment of the check whose store is `check`; a set not registered is scanned alone. */
  hits<T>(set: PatternSet<T>, folded: { readonly text: string }, check: PerCheck): readonly PatternHit<T>[] {
    const index = this.sets.indexOf(set as PatternSet<unknown>);
    if (index === -1) return set.scan(folded.text);
    // Per folded segment of the check: the hits of each set.
    const found = check.get(this, () => ({ generation: this.generation, bySegment: new Map<object, (PatternHit<unknown>[] | undefined)[]>() }));
    if (found.generation !== this.generation) {
      found.generation = this.generation;
      found.bySegment = new Map();
    }
    let lists = found.bySegment.get(folded);
    if (!lists) {
      const text = folded.text;
      found.bySegment.set(folded, (lists = recalled(check, this.recallKey, text, (t) => this.scanAll(t))));
    }
    return (lists[index] ?? NO_HITS) as readonly PatternHit<T>[];
  }

  /** Each set's hits; a set without any has none (read as {@link NO_HITS}). */
  private scanAll(text: string): (PatternHit<unknown>[] | undefined)[] {
    if (!this.union) {
      const union = new PatternSet<{ readonly set: number; readonly value: unknown }>();
      this.sets.forEach((s, set) => union.addAll(s, (value) => ({ set, value })));
      this.union = union;
    }
    const lists: (PatternHit<unknown>[] | undefined)[] = [];
    this.union.scanInto(text, (start, end, pattern, { set, value }) => (lists[set] ??= []).push({ start, end, pattern, value }));
    for (const list of lists) if (list) Object.freeze(list);
    return lists;
  }
}

const NO_HITS: readonly PatternHit<never>[] = Object.freeze([]);

/** The pattern union of a checker (see {@link PatternUnion}), from its shared store. */
export function patternUnion(setup: { shared<T>(key: string, build: () => T): T }): PatternUnion {
  return setup.shared('text/pattern-union', () => new PatternUnion());
}

/** Keeps the longest of overlapping hits (leftmost first): one finding per stretch of text. */
export function longestNonOverlapping<H extends { start: number; end: number }>(hits: readonly H[]): H[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: H[] = [];
  let limit = -1;
  for (const h of sorted) {
    if (h.start < limit) continue;
    out.push(h);
    limit = h.end;
  }
  return out;
}

/** Whether the hit of `pattern` at `start` lies inside one of the entry's exception strings. */
export function inException(text: string, start: number, pattern: string, exceptions: readonly string[] | undefined): boolean {
  if (!exceptions) return false;
  for (const ex of exceptions) {
    for (let off = ex.indexOf(pattern); off !== -1; off = ex.indexOf(pattern, off + 1)) {
      if (start - off >= 0 && text.startsWith(ex, start - off)) return true;
    }
  }
  return false;
}

/** A closed range of days, `YYYY-MM-DD` strings (they compare correctly as strings). */
export type DayRange = readonly [from: string, to: string];

const SENTENCE_END = /[。！？；!?;]/;
/** Chinese numerals as written in dates ("二〇〇五年四月十二日"). */
const CN_DIGIT = '〇○零一二三四五六七八九';
const CN_YEAR = `[一二][${CN_DIGIT}]{3}`;
const CN_SMALL = '[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]';
/**
 * A written date: a year in Arabic or Chinese digits, or one relative to the publication day (今年, 去年,
 * 前年), then perhaps a month and a day in either kind of digits.
 */
const DATE = new RegExp(`((?:19|20)\\d{2}|${CN_YEAR}|[今去前])\\s*年(?:\\s*(\\d{1,2}|${CN_SMALL})\\s*月(?:\\s*(\\d{1,2}|${CN_SMALL})\\s*[日号])?)?`, 'g');

/** The value of a number written in Arabic digits or in Chinese ones, digit by digit (二〇〇五) or with 十 (二十三). */
function numberOf(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const ten = written.indexOf('十');
  if (ten !== -1) return (ten === 0 ? 1 : numberOf(written.slice(0, ten))) * 10 + (ten === written.length - 1 ? 0 : numberOf(written.slice(ten + 1)));
  let n = 0;
  for (const c of written) n = n * 10 + (CN_DIGIT.indexOf(c) < 3 ? 0 : CN_DIGIT.indexOf(c) - 2);
  return n;
}

/**
 * The period a passage is about, from the last date written before `pos` in the same sentence
 * ("2015年，…", "2024年3月…", "二〇〇五年四月…", "去年5月…", read against the publication year). Dates
 * that name a target or a span up to now ("到2035年", "2012年以来"), comparisons ("比去年", "去年同期")
 * and dates after the publication day do not count. Returns null when the sentence states no date.
 */
export function statedRange(text: string, pos: number, publication: string): DayRange | null {
  return statedDate(text, pos, publication)?.range ?? null;
}

/** {@link statedRange}'s period with the offset where its date ends in `text`. */
export function statedDate(text: string, pos: number, publication: string): { readonly range: DayRange; readonly end: number } | null {
  // A sentence is read back at most 200 characters: enough for any date that governs a term, and it
  // keeps the check linear on a megabyte line without a full stop.
  let start = pos;
  const floor = Math.max(0, pos - 200);
  let year = pos - 1;
  while (year >= floor && text.charCodeAt(year) !== 0x5e74) year--;
  if (year < floor) return null;
  while (start > floor && !SENTENCE_END.test(text[start - 1] as string)) start--;
  if (pos - start < 5 || year < start) return null;
  const sentence = text.slice(start, pos);
  let last: RegExpExecArray | null = null;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(sentence); m !== null; m = DATE.exec(sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 2), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/[到至]$|截至$/.test(before) || /^(以来|至今|起|开始|前|底前|以前|以后|后)/.test(after)) continue;
    // A relative year is a comparison as often as a date ("比去年增长", "与去年同期相比", "前年度").
    // It is a date only at the start of a phrase: 当前年轻, 过去年代 hold the characters inside other words.
    if (/^[今去前]$/.test(m[1] as string) && ((/[\u4e00-\u9fff]$/.test(before) && !/[在于从自是和及]$/.test(before)) || /[比较与同]$/.test(before) || /^(?:同期|相比|同比|全年|度|底|末|初)/.test(after))) continue;
    last = m;
  }
  if (!last) return null;
  const written = last[1] as string;
  const relative = '今去前'.indexOf(written);
  const y = String(relative === -1 ? numberOf(written) : Number(publication.slice(0, 4)) - relative);
  const month = last[2] ? String(numberOf(last[2])).padStart(2, '0') : undefined;
  const day = last[3] ? String(numberOf(last[3])).padStart(2, '0') : undefined;
  if ((month && (Number(month) < 1 || Number(month) > 12)) || (day && (Number(day) < 1 || Number(day) > 31))) return null;
  const range: DayRange = !month ? [`${y}-01-01`, `${y}-12-31`] : !day ? [`${y}-${month}-01`, `${y}-${month}-31`] : [`${y}-${month}-${day}`, `${y}-${month}-${day}`];
  return range[0] > publication ? null : { range, end: start + last.index + last[0].length };
}

/**
 * Whether a term that stops being right on `since` is out of date for this passage: the publication
 * day is on or after `since`, and so is every day of a period stated in the sentence. A stated earlier
 * date ("2015年，…") makes a historical mention right.
 */
export function outdatedFor(since: string, until: string | undefined, publication: string, stated: DayRange | null): boolean {
  if (publication < since) return false;
  if (until !== undefined && publication > until && (!stated || stated[0] > until)) return false;
  if (stated && stated[0] < since) return false;
  return true;
}

/** The entries of a parsed list whose patterns should be matched, keyed by pattern. */
export function patternSetOf<E extends Entry>(entries: readonly E[]): PatternSet<E> {
  const set = new PatternSet<E>();
  for (const e of entries) for (const p of e.patterns) set.add(p, e);
  return set;
}

/** Quotes a term the way the messages do. */
export function q(text: string): string {
  return `“${text}”`;
}
