import { pinyin } from 'pinyin-pro';
import type { Segmenter, WordFrequencies } from '../types.js';
import { PairMap } from './pair-map.js';
import { isHan, longestNonOverlapping } from './patterns.js';
import { cutsAround } from './spans.js';

/** How the written character relates to the term's: by sound (three degrees) or by shape. */
export type Likeness = 'homophone' | 'tone' | 'regional' | 'lookalike';

/**
 * Which table links a look-alike pair, strongest first: the project's own lists of look-alikes cited in
 * inspection reports (`listed`), the published confusion sets (`published`: SIGHAN-7 2013, pycorrector),
 * or a likeness computed from character structure and stroke order (`computed`), weaker evidence.
 */
export type ShapeTable = 'listed' | 'published' | 'computed';

/**
 * The look-alike tables a matcher draws on. `listed`: meant character → characters written for it;
 * `published` and `computed`: written character → the characters it may stand for (code units run
 * together, as typo/lookalikes.json and typo/shape-similar.json hold them). Every pair is read both ways.
 */
export interface ShapeTables {
  readonly listed: ReadonlyMap<string, ReadonlySet<string>>;
  readonly published?: Readonly<Record<string, string>>;
  readonly computed?: Readonly<Record<string, string>>;
}

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
  /** For a look-alike, the table that links the two characters. */
  readonly shape?: ShapeTable;
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

const asTables = (t: ReadonlyMap<string, ReadonlySet<string>> | ShapeTables): ShapeTables => (t instanceof Map ? { listed: t } : (t as ShapeTables));

/** The strongest table that links `meant` and `written` by shape, or null. */
export function shapeTable(meant: string, written: string, lookalikes: ReadonlyMap<string, ReadonlySet<string>> | ShapeTables): ShapeTable | null {
  const t = asTables(lookalikes);
  if (t.listed.get(meant)?.has(written) || t.listed.get(written)?.has(meant)) return 'listed';
  if (t.published?.[written]?.includes(meant) || t.published?.[meant]?.includes(written)) return 'published';
  if (t.computed?.[written]?.includes(meant) || t.computed?.[meant]?.includes(written)) return 'computed';
  return null;
}

/** How `written` sounds like `meant` (three degrees), or null. */
function soundLikeness(meant: string, written: string): Exclude<Likeness, 'lookalike'> | null {
  const a = readingsOf(meant);
  const b = readingsOf(written);
  if (meets(a.toned, b.toned)) return 'homophone';
  if (meets(a.toneless, b.toneless)) return 'tone';
  if (meets(a.folded, b.folded)) return 'regional';
  return null;
}

/** How `written` may stand for `meant`, or null when neither sound nor a look-alike table links them. */
export function likeness(meant: string, written: string, lookalikes: ReadonlyMap<string, ReadonlySet<string>> | ShapeTables): Likeness | null {
  return soundLikeness(meant, written) ?? (shapeTable(meant, written, lookalikes) !== null ? 'lookalike' : null);
}

/** A pair's link as the matcher caches it: a sound likeness, or a look-alike with its table. */
interface Link {
  readonly how: Likeness;
  readonly shape?: ShapeTable;
}
const SOUND_LINKS: Record<Exclude<Likeness, 'lookalike'>, Link> = { homophone: { how: 'homophone' }, tone: { how: 'tone' }, regional: { how: 'regional' } };
const SHAPE_LINKS: Record<ShapeTable, Link> = { listed: { how: 'lookalike', shape: 'listed' }, published: { how: 'lookalike', shape: 'published' }, computed: { how: 'lookalike', shape: 'computed' } };

function linkOf(meant: string, written: string, tables: ShapeTables): Link | null {
  const how = soundLikeness(meant, written);
  if (how !== null) return SOUND_LINKS[how];
  const shape = shapeTable(meant, written, tables);
  return shape === null ? null : SHAPE_LINKS[shape];
}

/**
 * Anchor kinds: three-character terms by their first two characters (P0), their last two (P1) or their
 * outer two (O); longer terms by their first three (C0), their last three (CEND), and four- and
 * five-character terms by the gapped triples (0, 2, 3) (G1) and (0, 1, 3) (G2).
 */
const P0 = 0;
const P1 = 1;
const O = 2;
const C0 = 3;
const CEND = 4;
const G1 = 5;
const G2 = 6;

/**
 * Groups of anchors under one key, tried at a text position in this order (the order candidates are
 * found in, which decides ties between equally long near misses): O by (c0, c2); P0 and P1 by (c0, c1);
 * C0 and CEND by (c0, c1, c2); G1 by (c0, c2, c3); G2 by (c0, c1, c3). Numbered from 1, so that a table
 * slot's group word is never 0 when the slot is used; each is also a bit of a character's class.
 */
const GROUP_O = 1;
const GROUP_P = 2;
const GROUP_C = 3;
const GROUP_G1 = 4;
const GROUP_G2 = 5;

/**
 * The filter in front of the anchor table: 4,096 words (16 KB), three bits per key in one word chosen by
 * the key's hash (a blocked Bloom filter: one load a probe, about 4 % false hits).
 */
const FILTER_WORD_SHIFT = 32 - 12;
const filterBits = (h: number) => (1 << ((h >>> 15) & 31)) | (1 << ((h >>> 10) & 31)) | (1 << ((h >>> 5) & 31));

/** The hash of an anchor key: the first two code units packed in `hi`, the group and the third in `lo`. */
const hashKey = (hi: number, lo: number) => Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1);

/**
 * Finds spans that read like a lexicon term but are written with one ideograph changed to a
 * homophone, a near homophone (tone, regional folds) or a look-alike.
 *
 * Candidates come from anchors: three characters of the term that one changed character leaves intact
 * — its first three, its last three, and for four- and five-character terms the gapped triples
 * (0, 2, 3) and (0, 1, 3); three-character terms by their pairs. Exactly one anchor is responsible for
 * each possible change, so no window is judged twice, and each anchor compares only the characters its
 * own changes can be in.
 *
 * All anchors live in typed arrays, so a scan allocates nothing per position and touches few cache
 * lines (the rule runs among many others, which leave its tables cold for every page): a per-code-unit
 * class byte says which anchor groups may start at a position; a Bloom filter of the keys then rules
 * out most of those; a hit is an open-addressing table slot keyed by the anchor's three code units (two for
 * pairs) pointing at one block that holds every anchor of that key with its term's code units inline.
 * Linear in the text.
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
  /** The indexed terms (three characters or more), by the index anchor records carry. */
  private readonly terms: T[] = [];
  /** Per code unit, a bit `1 << group` for every anchor group whose key may start with it. */
  private readonly classes = new Uint8Array(0x10000);
  private readonly filter = new Uint32Array(1 << (32 - FILTER_WORD_SHIFT));
  /** Open addressing, three words a slot: key `hi` (two code units), key `lo` (group << 16 | code unit, 0 when unused), block offset. */
  private readonly table: Int32Array;
  private readonly tableShift: number;
  /**
   * Blocks, in the order the terms come (so that the anchors of one term lie close): an anchor count,
   * then per anchor its term's index (low and high half), the term's length, the anchor's offset in the
   * term times eight plus its kind, and the term's code units.
   */
  private readonly data: Uint16Array;
  private readonly words = new Set<string>();
  private readonly legit = new Set<string>();
  private longest = 0;
  /** Links of (term character, written character) pairs already judged. */
  private readonly pairs = new PairMap<Link | null>();
  private readonly lookalikes: ShapeTables;

  constructor(terms: readonly T[], lookalikes: ReadonlyMap<string, ReadonlySet<string>> | ShapeTables) {
    this.lookalikes = asTables(lookalikes);
    for (const t of terms) {
      this.words.add(t.text);
      for (const l of t.legit ?? []) this.legit.add(l);
    }
    /**
     * While building: per key (`hi` and `lo` in one exact number, 51 bits), its anchors in the order the
     * terms come, four numbers each: term index, length, kind, offset.
     */
    const blocks = new Map<number, { hi: number; lo: number; anchors: number[] }>();
    let size = 0;
    const add = (group: number, a: number, b: number, c: number, index: number, n: number, via: number, shift: number) => {
      this.classes[a] = (this.classes[a] as number) | (1 << group);
      const hi = (a << 16) | b;
      const lo = (group << 16) | c;
      const key = (hi >>> 0) * 0x80000 + lo;
      const block = blocks.get(key);
      if (block) block.anchors.push(index, n, via, shift);
      else {
        blocks.set(key, { hi, lo, anchors: [index, n, via, shift] });
        size++;
      }
      size += 4 + n;
    };
    for (const t of terms) {
      const s = t.text;
      const n = s.length;
      if (n < 3) continue;
      if (n > 0x1fff) throw new RangeError(`lexicon term of ${n} characters`);
      this.longest = Math.max(this.longest, n);
      const index = this.terms.push(t) - 1;
      const c0 = s.charCodeAt(0);
      const c1 = s.charCodeAt(1);
      const c2 = s.charCodeAt(2);
      if (n === 3) {
        add(GROUP_P, c0, c1, 0, index, n, P0, 0);
        add(GROUP_P, c1, c2, 0, index, n, P1, 1);
        add(GROUP_O, c0, c2, 0, index, n, O, 0);
        continue;
      }
      const c3 = s.charCodeAt(3);
      add(GROUP_C, c0, c1, c2, index, n, C0, 0);
      add(GROUP_C, s.charCodeAt(n - 3), s.charCodeAt(n - 2), s.charCodeAt(n - 1), index, n, CEND, n - 3);
      if (n === 4) add(GROUP_G1, c0, c2, c3, index, n, G1, 0);
      if (n <= 5) add(GROUP_G2, c0, c1, c3, index, n, G2, 0);
    }
    let bits = 4;
    while (1 << bits < blocks.size * 2) bits++;
    this.tableShift = 32 - bits;
    this.table = new Int32Array(3 << bits);
    this.data = new Uint16Array(size);
    let at = 0;
    for (const { hi, lo, anchors } of blocks.values()) {
      const h = hashKey(hi, lo);
      const f = h >>> FILTER_WORD_SHIFT;
      this.filter[f] = (this.filter[f] as number) | filterBits(h);
      let slot = h >>> this.tableShift;
      while (this.table[slot * 3 + 1] !== 0) slot = (slot + 1) & ((1 << bits) - 1);
      this.table[slot * 3] = hi;
      this.table[slot * 3 + 1] = lo;
      this.table[slot * 3 + 2] = at;
      this.data[at++] = anchors.length / 4;
      for (let a = 0; a < anchors.length; a += 4) {
        const index = anchors[a] as number;
        const n = anchors[a + 1] as number;
        this.data[at++] = index & 0xffff;
        this.data[at++] = index >>> 16;
        this.data[at++] = n;
        this.data[at++] = ((anchors[a + 3] as number) << 3) | (anchors[a + 2] as number);
        const text = (this.terms[index] as T).text;
        for (let j = 0; j < n; j++) this.data[at++] = text.charCodeAt(j);
      }
    }
  }

  /** The block of the anchors keyed (`hi`, `lo`), or -1. */
  private block(hi: number, lo: number): number {
    const h = hashKey(hi, lo);
    const bits = filterBits(h);
    if (((this.filter[h >>> FILTER_WORD_SHIFT] as number) & bits) !== bits) return -1;
    const table = this.table;
    const mask = (table.length / 3 - 1) | 0;
    for (let slot = h >>> this.tableShift; ; slot = (slot + 1) & mask) {
      const l = table[slot * 3 + 1] as number;
      if (l === 0) return -1;
      if (l === lo && table[slot * 3] === hi) return table[slot * 3 + 2] as number;
    }
  }

  /** Every near miss in `text`, longest first where they overlap. */
  find(text: string, segmenter?: Segmenter, words?: WordFrequencies): TermNearMiss<T>[] {
    /** Exact terms written in the text, as start, end pairs in order of start. */
    const exact: number[] = [];
    const candidates: { start: number; term: T; k: number }[] = [];
    const len = text.length;
    const data = this.data;
    for (let i = 0; i + 2 < len; i++) {
      const c0 = text.charCodeAt(i);
      const groups = this.classes[c0] as number;
      if (groups === 0) continue;
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      const hi01 = (c0 << 16) | c1;
      const hi02 = (c0 << 16) | c2;
      const c3 = i + 3 < len ? text.charCodeAt(i + 3) : -1;
      for (let group = GROUP_O; group <= GROUP_G2; group++) {
        if ((groups & (1 << group)) === 0) continue;
        let at: number;
        if (group === GROUP_O) at = this.block(hi02, GROUP_O << 16);
        else if (group === GROUP_P) at = this.block(hi01, GROUP_P << 16);
        else if (group === GROUP_C) at = this.block(hi01, (GROUP_C << 16) | c2);
        else if (c3 === -1) break;
        else if (group === GROUP_G1) at = this.block(hi02, (GROUP_G1 << 16) | c3);
        else at = this.block(hi01, (GROUP_G2 << 16) | c3);
        if (at === -1) continue;
        const count = data[at++] as number;
        for (let a = 0; a < count; a++) {
          const term = (data[at] as number) | ((data[at + 1] as number) << 16);
          const n = data[at + 2] as number;
          const m = data[at + 3] as number;
          const codes = at + 4;
          at = codes + n;
          const via = m & 7;
          const start = i - (m >>> 3);
          if (start < 0 || start + n > len) continue;
          // Only the characters where this anchor's own changes can lie are compared; the anchor's are known to match.
          let k = -1;
          if (via === C0) {
            for (let j = 3; j < n; j++) {
              if (text.charCodeAt(start + j) !== data[codes + j]) {
                if (k !== -1) {
                  k = -2;
                  break;
                }
                k = j;
              }
            }
            if (k === -1) exact.push(start, start + n);
            if (k < 0) continue;
          } else if (via === CEND) {
            // Responsible for a change among the first three characters, the rest up to the anchor intact.
            for (let j = 0; j < 3 && j <= n - 4; j++) {
              if (text.charCodeAt(start + j) !== data[codes + j]) {
                if (k !== -1) {
                  k = -2;
                  break;
                }
                k = j;
              }
            }
            if (k < 0) continue;
            let j = 3;
            while (j <= n - 4 && text.charCodeAt(start + j) === data[codes + j]) j++;
            if (j <= n - 4) continue;
          } else {
            // P0: character 2 (the term written exactly when it matches); P1: character 0; O and G1: 1; G2: 2 (and 4 intact).
            const j = via === P0 || via === G2 ? 2 : via === P1 ? 0 : 1;
            if (text.charCodeAt(start + j) === data[codes + j]) {
              if (via === P0) exact.push(start, start + n);
              continue;
            }
            if (via === G2 && n === 5 && text.charCodeAt(start + 4) !== data[codes + 4]) continue;
            k = j;
          }
          // Cheapest tests first, before anything is allocated: on repetitive input most anchor hits fail here.
          if (!segmenter && (n < 5 || k === 0 || k === n - 1)) continue;
          const x = text.charCodeAt(start + k);
          if (!isHan(x) || this.likenessOf(data[codes + k] as number, x) === null) continue;
          candidates.push({ start, term: this.terms[term] as T, k });
        }
      }
    }
    if (candidates.length === 0) return [];
    const found: TermNearMiss<T>[] = [];
    for (const { start, term, k } of candidates) {
      const n = term.text.length;
      const end = start + n;
      const x = text[start + k] as string;
      const c = term.text[k] as string;
      // A particle or preposition at the term's edge is grammar ("以牟利为目的的代孕"), not a slip in the term.
      if ((k === 0 || k === n - 1) && FUNCTION_CHARS.has(x)) continue;
      const link = this.likenessOf(c.charCodeAt(0), x.charCodeAt(0)) as Link;
      const how = link.how;
      // Three-character terms are short enough to meet by chance: only a same-sound or look-alike character.
      if (n === 3 && how !== 'homophone' && how !== 'lookalike') continue;
      // A look-alike only a published confusion set or the computed measure links is weaker evidence than a
      // listed pair: those sets link whole families of common characters (大/有, 国/域, 一/二/三). Such a
      // change is judged only with the segmenter and its dictionary, only inside the term, never between
      // two numerals (a different count, not a slip of the pen), and only where the written character
      // forms no dictionary word with its neighbours in the span ("全面净化", "有力推动", "二氧化硫"; asked last,
      // after the boundaries, as it cuts the clause again).
      const weak = link.shape === 'published' || link.shape === 'computed';
      if (weak) {
        if (!segmenter || !words || k === 0 || k === n - 1) continue;
        if (NUMERALS.has(c) && NUMERALS.has(x)) continue;
      }
      const window = text.slice(start, end);
      if (this.words.has(window) || this.legit.has(window)) continue;
      const at = start + k;
      // At the edge of a three-character term, a look-alike that the segmenter leaves standing as a word of its own
      // beside the term's other word is that word (养老|钱 beside 看病钱 is no slip of 养老金).
      if (n === 3 && how === 'lookalike' && (k === 0 || k === n - 1) && segmenter && standsAlone(text, start, end, at, segmenter)) continue;
      if (this.insideExact(exact, at)) continue;
      if (segmenter && !boundariesAgree(text, start, end, segmenter)) continue;
      // The same for a listed look-alike that shares no sound (注入审批服务动能 is no slip of 服务功能): a shape slip
      // rarely writes a dictionary word; a homophone typed through a pinyin input method often does (整治责任).
      if ((weak || (how === 'lookalike' && segmenter && words)) && inWord(text, start, end, at, segmenter as Segmenter, words as WordFrequencies)) continue;
      found.push({ start, end, term, position: k, expectedChar: c, actualChar: x, likeness: how, ...(link.shape ? { shape: link.shape } : {}) });
    }
    return longestNonOverlapping(found);
  }

  private likenessOf(meant: number, written: number): Link | null {
    const key = (meant << 16) | written;
    let link = this.pairs.get(key);
    if (link === undefined) this.pairs.set(key, (link = linkOf(String.fromCharCode(meant), String.fromCharCode(written), this.lookalikes)));
    return link;
  }

  /**
   * Whether `at` lies inside a lexicon term written exactly ("全面从严治军" is no slip of "全面从严治党"
   * when it is itself a term); `exact` holds start, end pairs in order of start.
   */
  private insideExact(exact: readonly number[], at: number): boolean {
    let lo = 0;
    let hi = exact.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((exact[2 * mid] as number) < at - this.longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = 2 * lo; i < exact.length; i += 2) {
      const s = exact[i] as number;
      if (s > at) break;
      if (s <= at && at < (exact[i + 1] as number)) return true;
    }
    return false;
  }
}

/** Whether the segmenter, cutting `[start, end)` and a little around it, makes the character at `at` a word of one character. */
function standsAlone(text: string, start: number, end: number, at: number, segmenter: Segmenter): boolean {
  const cuts = cutsAround(text, start, end, segmenter, 4);
  return cuts.has(at) && cuts.has(at + 1);
}

/** Numerals and the characters that count with them: one written for another changes a number. */
const NUMERALS = new Set([...'〇零一二两三四五六七八九十百千万亿半']);

/**
 * Whether the segmenter, run on the clause around `[start, end)`, puts the character at `at` in a token
 * of two characters or more that lies inside the span and is a word of its dictionary: the span as written
 * reads as words of its own ("全面净化" for 全面深化, "县城基础设施" for 县域基础设施).
 */
function inWord(text: string, start: number, end: number, at: number, segmenter: Segmenter, words: WordFrequencies): boolean {
  let from = start;
  while (from > 0 && start - from < 24 && !CLAUSE.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && to - end < 24 && !CLAUSE.test(text[to] as string)) to++;
  let pos = from;
  for (const w of segmenter(text.slice(from, to))) {
    const next = pos + w.length;
    if (pos <= at && at < next) return w.length >= 2 && pos >= start && next <= end && words.frequency(w) > 0;
    pos = next;
  }
  return false;
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
