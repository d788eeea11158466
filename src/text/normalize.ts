import { isHan, isSurrogate } from './cjk.js';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { OffsetMap } from './offset-map.js';

/** Which variant folds the normalizer applies. NFC is always applied. */
export interface FoldOptions {
  /** Full-width ASCII (Ａ１！) and the ideographic space to their half-width forms. Default true. */
  readonly width?: boolean;
  /** Upper case to lower case. Default true. */
  readonly case?: boolean;
  /** Traditional and regional variant characters to simplified, character by character (OpenCC's tables). Default true. */
  readonly traditional?: boolean;
  /** Drop zero-width characters (ZWSP, ZWJ, ZWNJ, word joiner, BOM, soft hyphen). Default true. */
  readonly zeroWidth?: boolean;
  /**
   * Skip runs of up to three spaces or symbols inserted between two CJK ideographs ("赌 博", "赌*博", "赌-博"),
   * or between an ideograph and a Latin letter or digit ("免 费 A 片"); never between two Latin or digit units.
   * Chinese sentence punctuation (，。、；：！？) never counts as noise, so clauses are not glued together.
   * A pinyin syllable in parentheses between two ideographs ("新(xin)澳(ao)门") is skipped too: spam
   * pages annotate every character that way to slip past word lists. Default false.
   */
  readonly noise?: boolean;
  /**
   * With `noise`: the ASCII sentence punctuation (, . ; : ! ?) that pages typed with half-width punctuation put
   * between clauses is sentence punctuation too, never noise (搭建桥梁纽带,促进 is two clauses). For the
   * phrasing and typo rules; spam lists keep reading "赌,博" as one word. Default false.
   */
  readonly clauses?: boolean;
}

/** Normalized text with a map from every normalized range back to the input range that produced it. */
export interface NormalizedText {
  readonly text: string;
  /** Maps a half-open UTF-16 range of `text` to the half-open range of the input it came from. */
  readonly map: OffsetMap;
}

const DROP = 0xffff;
const MAX_NOISE_RUN = 3;
/** The longest pinyin syllable ("zhuang", "shuang"). */
const MAX_PINYIN = 6;

const ZERO_WIDTH = [0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff];

/** ASCII punctuation and spaces used to split a word; after width folding full-width forms land here too. */
const NOISE = ' \t*-_.·•|/\\~^#@!+=\'"`,:;?$%&()[]{}<>' + '\u00a0\u2027\u30fb\u2014\u2013\u2022\u3000\u02d9\u00b7\u2219\u2217\u203b\u2605\u2606\u25cf\u25cb\u25a0\u25a1\u2665\u2661';

const tables = new Map<string, Uint16Array>();
let noiseTable: Uint8Array | undefined;

function addPairs(table: Uint16Array, dict: string): void {
  for (const pair of dict.split('|')) {
    const [from, to] = pair.split(' ');
    // Only one-unit to one-unit pairs: the fold must keep a one-to-one offset map.
    if (from?.length === 1 && to?.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
}

function foldTable(fold: Required<Omit<FoldOptions, 'noise'>>): Uint16Array {
  const key = `${+fold.width}${+fold.case}${+fold.traditional}${+fold.zeroWidth}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  if (fold.traditional) {
    // Regional variants first, so a variant folds to the standard traditional form, then to simplified.
    const variants = new Uint16Array(0x10000);
    addPairs(variants, twVariantsRev);
    addPairs(variants, hkVariantsRev);
    addPairs(table, tsCharacters);
    for (let c = 0; c < 0x10000; c++) {
      const v = variants[c] as number;
      if (v !== 0) table[c] = table[v] as number;
    }
  }
  if (fold.width) {
    for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
    table[0x3000] = 0x20;
  }
  if (fold.case) {
    for (let c = 0; c < 0x10000; c++) {
      const m = table[c] as number;
      if (m >= 0xd800 && m <= 0xdfff) continue;
      const lower = String.fromCharCode(m).toLowerCase();
      if (lower.length === 1) table[c] = lower.charCodeAt(0);
    }
  }
  if (fold.zeroWidth) for (const c of ZERO_WIDTH) table[c] = DROP;
  tables.set(key, table);
  return table;
}

/**
 * Chinese sentence punctuation as written (before width folding turns ，；：！？ into ASCII noise), and with
 * `clauses` the ASCII , . ; : ! ? as well.
 */
function isSentencePunctuation(c: number, clauses: boolean): boolean {
  return c === 0xff0c || c === 0x3001 || c === 0x3002 || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f || (clauses && (c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f));
}

function isNoise(c: number): boolean {
  if (!noiseTable) {
    noiseTable = new Uint8Array(0x10000);
    for (const ch of NOISE) noiseTable[ch.charCodeAt(0)] = 1;
    for (let c = 0xff01; c <= 0xff5e; c++) if (noiseTable[c - 0xfee0]) noiseTable[c] = 1;
  }
  return noiseTable[c] === 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

/**
 * End (exclusive) of "(" + 1–6 ASCII letters + ")" starting at `i`, else -1; the caller has checked that
 * an ideograph precedes it. Works on folded units, so full-width "（ｘｉｎ）" counts as well. Letters only:
 * "(PK10)" or "(bet365)" carry the word itself and stay.
 */
function pinyinAnnotationEnd(text: string, table: Uint16Array, i: number): number {
  const n = text.length;
  if (table[text.charCodeAt(i)] !== 0x28) return -1;
  let k = i + 1;
  while (k < n && k - i - 1 < MAX_PINYIN && isAsciiLetter(table[text.charCodeAt(k)] as number)) k++;
  if (k === i + 1 || k >= n || table[text.charCodeAt(k)] !== 0x29) return -1;
  return k + 1;
}

/** An ideograph, or half of an astral character (astral ideographs are surrogate pairs). */
function isIdeograph(c: number): boolean {
  return isHan(c) || isSurrogate(c);
}

function resolve(fold: FoldOptions | undefined): Required<FoldOptions> {
  return {
    width: fold?.width ?? true,
    case: fold?.case ?? true,
    traditional: fold?.traditional ?? true,
    zeroWidth: fold?.zeroWidth ?? true,
    noise: fold?.noise ?? false,
    clauses: fold?.clauses ?? false,
  };
}

/** A stable key for a fold, for caches. */
export function foldKey(fold: FoldOptions | undefined): string {
  const f = resolve(fold);
  return `${+f.width}${+f.case}${+f.traditional}${+f.zeroWidth}${+f.noise}${+f.clauses}`;
}

function fromCodes(codes: Uint16Array, length: number): string {
  let out = '';
  // Chunked so the argument list stays far below engine limits on megabyte inputs.
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}

/**
 * Composes NFC where the input is not already NFC, one base character and its marks at a time, so
 * each composed unit maps back to the cluster it came from.
 */
function composeNfc(text: string): { text: string; starts: Int32Array; ends: Int32Array } | null {
  if (text.normalize('NFC') === text) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const composed = m[0].normalize('NFC');
    out += composed;
    for (let i = 0; i < composed.length; i++) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** normalize's working arrays, grown by doubling up to SCRATCH_LIMIT units. */
const SCRATCH_LIMIT = 1 << 16;
let scratch = { codes: new Uint16Array(4096), starts: new Int32Array(4096), ends: new Int32Array(4096) };

/**
 * Folds variants so that one pattern matches every way of writing it: NFC, full/half width, case,
 * traditional to simplified, zero-width characters and (optionally) noise between ideographs.
 * Every normalized unit maps back to the input, so findings point at the original text. O(n) with
 * one table lookup per code unit; when nothing changes the map is the identity and no arrays are built.
 */
export function normalize(input: string, fold?: FoldOptions): NormalizedText {
  const f = resolve(fold);
  const table = foldTable(f);
  const nfc = composeNfc(input);
  const text = nfc ? nfc.text : input;
  const n = text.length;
  // Scratch reused from call to call (normalize never re-enters itself): a text that folds to itself,
  // as most do, allocates nothing; one that changes copies out arrays of its exact length.
  if (scratch.codes.length < n && n <= SCRATCH_LIMIT) {
    const size = Math.min(SCRATCH_LIMIT, Math.max(n, scratch.codes.length * 2));
    scratch = { codes: new Uint16Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
  }
  // A text longer than the scratch may grow to gets arrays of its own, so no process keeps megabytes.
  const { codes, starts, ends } = n <= scratch.codes.length ? scratch : { codes: new Uint16Array(n), starts: new Int32Array(n), ends: new Int32Array(n) };
  let len = 0;
  let changed = nfc !== null;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = table[c] as number;
    if (m === DROP) {
      changed = true;
      continue;
    }
    const prev = len > 0 ? (codes[len - 1] as number) : -1;
    if (f.noise && isNoise(m) && !isSentencePunctuation(c, f.clauses) && (isIdeograph(prev) || isAsciiAlnum(prev))) {
      const annotation = isIdeograph(prev) ? pinyinAnnotationEnd(text, table, i) : -1;
      if (annotation > 0) {
        changed = true;
        i = annotation - 1;
        continue;
      }
      // Skip the run only when it is short and joins an ideograph to an ideograph, a Latin letter or a
      // digit ("赌*博", "免 费 A 片", "13 娱乐"); runs between two Latin or digit units are left alone.
      let j = i;
      while (j < n && j - i < MAX_NOISE_RUN && isNoise(table[text.charCodeAt(j)] as number) && !isSentencePunctuation(text.charCodeAt(j), f.clauses)) j++;
      const next = j < n ? (table[text.charCodeAt(j)] as number) : -1;
      if (j > i && !isNoise(next) && (isIdeograph(next) ? true : isAsciiAlnum(next) && isIdeograph(prev))) {
        changed = true;
        i = j - 1;
        continue;
      }
    }
    if (m !== c) changed = true;
    codes[len] = m;
    starts[len] = i;
    ends[len] = i + 1;
    len++;
  }
  if (!changed) return { text: input, map: OffsetMap.identity(n) };
  const out = fromCodes(codes, len);
  if (!nfc) return { text: out, map: OffsetMap.fromArrays(starts.slice(0, len), ends.slice(0, len), input.length) };
  // Compose with the NFC map: normalized unit -> composed unit -> input cluster.
  const s2 = new Int32Array(len);
  const e2 = new Int32Array(len);
  for (let k = 0; k < len; k++) {
    s2[k] = nfc.starts[starts[k] as number] as number;
    e2[k] = nfc.ends[(ends[k] as number) - 1] as number;
  }
  return { text: out, map: OffsetMap.fromArrays(s2, e2, input.length) };
}
