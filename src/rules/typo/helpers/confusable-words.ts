import type { Segmenter, WordFrequencies } from '../../../core/rule.js';
import { CodeMap, PairMap } from '../../../text/pair-map.js';
import { isHan } from '../../../text/patterns.js';
import { readingsOf } from '../../../text/near-miss.js';

/** How the written character may stand for the meant one. */
export type Confusion = 'homophone' | 'lookalike';

/** A short stretch that is no word, read as a frequent word with one character changed. */
export interface ConfusableSlip {
  readonly start: number;
  readonly end: number;
  /** The word meant. */
  readonly word: string;
  /** Its count in the segmenter's dictionary. */
  readonly frequency: number;
  /** Index of the changed character in the window. */
  readonly position: number;
  readonly how: Confusion;
  /** Natural log of how much likelier the window reads as the word than as written (word-unigram model). */
  readonly gain: number;
  /** The segmenter kept the window as one token its dictionary lacks (rather than cutting it into characters). */
  readonly oneToken: boolean;
  /** Whether the evidence is strong enough to report as a typo; otherwise only as a hint. */
  readonly sure: boolean;
  /** The written stretch is itself a dictionary word, this rare (its count), written for a far more frequent one. */
  readonly rare?: number;
  /** The look-alike came from the computed shape table only (typo/shape-similar.json), no published pair list. */
  readonly computed?: true;
  /**
   * What CC-CEDICT says of the written word (typo/cedict-slips.json): an erroneous variant of the word meant, a
   * variant (an older or non-standard form) of it, or absent while the word meant is listed.
   */
  readonly cedict?: CedictEvidence;
}

/** How CC-CEDICT vouches for a slip jieba's dictionary holds as a word (see typo/cedict-slips.json). */
export type CedictEvidence = 'erroneous' | 'variant' | 'absent';
const CEDICT_EVIDENCE = { e: 'erroneous', v: 'variant', a: 'absent' } as const;

/** The thresholds of the check; see the rule's doc comment for how they were chosen. */
export interface ConfusableOptions {
  /** Least gain (ln of the likelihood ratio) for a slip in a window the segmenter cut into characters ("技|木"). */
  readonly minGain: number;
  /**
   * Least gain for a window the segmenter kept as one token its dictionary lacks: official text coins
   * such words all the time ("施策", "提质") and jieba's dictionary predates many ("微信", "抖音"), so
   * only stronger evidence counts.
   */
  readonly tokenGain: number;
  /** Least gain to be sure of such an unanchored slip; weaker ones are only hints. */
  readonly sureGain: number;
  /** Least dictionary count of the meant word, by its length (2, 3, 4 characters). */
  readonly minFrequency: Readonly<Record<number, number>>;
  /** A written character at least this frequent alone (ln of its count) is a function word, read as written. */
  readonly functionChar: number;
  /** Evidence (ln) a candidate that both sounds and looks like the written character brings before any count. */
  readonly bothPrior: number;
  /**
   * A dictionary word at most this frequent may be a slip for a far more frequent one ("冒然" 3 for
   * "贸然" 413): jieba lists many words at its floor count (3) that its corpus hardly saw.
   */
  readonly rareMax: number;
  /** How much more frequent (ln of the ratio of counts) that word must be; such a finding is only a hint. */
  readonly rareGain: number;
  /**
   * The same for a word of three or four characters ("必须品" 3 for "必需品" 160, "黄埔江" for "黄浦江"): a longer
   * word is more specific, and its same-tone neighbour twenty times commoner is rarely another word.
   */
  readonly rareLongGain: number;
  /**
   * A dictionary word counted above `rareMax` and at most this often may be a slip for a word one
   * published look-alike of the same usual reading away ("英磅" 11 for "英镑", "峻工" 7 for "竣工"): jieba's
   * corpus saw such slips a few times, where the words its compilers listed from lexicons sit at the floor
   * count ("建在", "围成": phrases, not slips). Above 15 most such words are words of their own (版块, 震憾 26
   * is a slip but 收腹, 站场, 忠心 are not).
   */
  readonly rareAlikeMax: number;
  /**
   * How much more frequent (ln) that word must be: the characters are a published look-alike pair that
   * also reads the same, tone and all, in their usual readings — a link two sources attest, as specific
   * as a longer word's (`rareLongGain`).
   */
  readonly rareAlikeGain: number;
  /**
   * Least dictionary count of a three- or four-character word that keeps a dictionary word of the window
   * whole ("护林|元" as 护林员, "一年|之季" as 一年之计): the word the anchor is part of, read at jieba's floor
   * count. Below `minFrequency` such a word is only ever a hint.
   */
  readonly longerFrequency: number;
  /**
   * A character ends at least this many of the frequent three-character words (员 87, 器 105, 站 39) to be
   * a productive suffix: a dictionary word followed by a lone homophone of one ("保洁|圆") may be that word
   * with the suffix, and the candidate is tried even if no frequent word holds the pair.
   */
  readonly suffixWords: number;
  /** Evidence (ln) such a suffix candidate brings before any count (it completes the word before it); a hint, never a sure slip. */
  readonly suffixPrior: number;
}

export const CONFUSABLE_DEFAULTS: ConfusableOptions = { minGain: 7, tokenGain: 7.5, sureGain: 12, minFrequency: { 2: 50, 3: 10, 4: 5 }, functionChar: 11, bothPrior: 1, rareMax: 3, rareGain: 5, rareLongGain: 3, rareAlikeMax: 15, rareAlikeGain: 3, longerFrequency: 3, suffixWords: 20, suffixPrior: 1.5 };

/** Whether two characters share a toned reading (any of their readings). */
function sameSound(a: number, b: number): boolean {
  const x = readingsOf(String.fromCharCode(a)).toned;
  const y = readingsOf(String.fromCharCode(b)).toned;
  return x.some((r) => y.includes(r));
}

/** Whether two characters' usual readings (pinyin-pro's first) are the same, tone and all (侯 hou2 is not 候 hou4). */
function sameMainSound(a: number, b: number): boolean {
  const x = readingsOf(String.fromCharCode(a)).toned[0];
  return x !== undefined && x === readingsOf(String.fromCharCode(b)).toned[0];
}

const hasNumeral = (s: string) => {
  for (const c of s) if (NUMERALS.includes(c)) return true;
  return false;
};

/** Whether the dictionary holds `name` with 市 or 县 after it: the bare name of a city or a county. */
function placeName(name: string, words: WordFrequencies): boolean {
  return words.frequency(`${name}市`) > 0 || words.frequency(`${name}县`) > 0;
}

/** The tables the check is built from (all sourced dictionaries; see the rule). */
export interface ConfusableTables {
  /** Toneless pinyin syllable → the common characters read so (typo/homophones.json). */
  readonly syllables: Readonly<Record<string, string>>;
  /** Meant character → characters that look like it and may be written for it (knowledge/lookalikes.ts). */
  readonly lookalikes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Written character → the characters it may have been written for by shape (typo/lookalikes.json, the published tables). */
  readonly written?: Readonly<Record<string, string>>;
  /**
   * Written character → characters alike in shape by a measure computed from structure and stroke order
   * (typo/shape-similar.json), pairs no published table holds: a measure of likeness, not a list of
   * attested slips, so weaker evidence — such a slip is only ever a hint.
   */
  readonly computed?: Readonly<Record<string, string>>;
  /** Characters that open Chinese personal names. */
  readonly surnames: string;
  /**
   * Frequent words (jieba's common words and idioms, typo/suspect-words.json and typo/idioms.json):
   * only their adjacent character pairs are indexed, as a filter that spares the dictionary lookup for
   * candidates no frequent word could contain.
   */
  readonly frequentWords: Iterable<string>;
  /**
   * Words jieba's dictionary holds that CC-CEDICT marks as a variant of, or lacks beside, a far commoner word one
   * character away (typo/cedict-slips.json: written word → "word meant" and e, v or a, the evidence).
   */
  readonly cedict?: Readonly<Record<string, string>>;
  /**
   * Words CC-CEDICT lists with a sense of their own that the counts alone would question (typo/cedict-slips.json
   * `words`: 铭牌 next to 名牌, 受权 next to 授权): read as written.
   */
  readonly cedictWords?: Iterable<string>;
}

/** How many two-character tokens' counts are remembered before the memory is cleared. */
const PAIR_CACHE = 1 << 16;
/** How many three-character candidates' counts are remembered before the memory is cleared. */
const TRIPLE_CACHE = 1 << 15;
/** How many (character, neighbours) triples' passing candidates are remembered before the memory is cleared. */
const PASSING_CACHE = 1 << 16;
const NONE_PASSING = new Uint16Array(0);
/** How many rare tokens' best same-sound words are remembered before the memory is cleared. */
const RARE_CACHE = 1 << 14;
/** A bit per hashed character pair (128 KB). */
const PAIR_BITS = 1 << 20;
const hashPair = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

/** Punctuation and spaces: clause and list boundaries. */
const BREAK = /[\s，。；：！？、,.;:!?“”"'‘’《》〈〉（）()【】[\]…—\-·]/u;
const LATIN_OR_DIGIT = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;
/** Title endings after which the next two or three characters are a person's name. */
const TITLE_BEFORE = /(?:书记|主任|[省市县区镇乡村部厅局处科所院校队站组行社会]长|委员|主席|记者|同志|代表|经理|总理|秘书|教授|老师|医生|律师|法官|检察官|民警|通讯员|董事|监事|专员|干部|姓|叫|名叫)$/u;
/** Words right after a person's name. */
const AFTER_NAME = /^(?:同志|先生|女士|书记|主任|县长|市长|镇长|村长|局长|部长|表示|介绍|指出|强调|说|称|等)/u;
/** Words after which a non-word is a proper name: a place, a company, a paper, a residential area. */
const PROPER_AFTER = /^(?:小区|集团|公司|新区|报|村|镇|乡|街道|路|街|社区|大道|花园|广场|大厦|酒店|宾馆|医院|中学|小学|学校|县|市|区|省|州|盟|旗|站|湖|山|河|江|桥|厂|店|寺|庙|园|楼|馆|岛|港|湾|遗址|村委会|居委会|族)/u;
/**
 * Whether [start, end) is an item of a list joined by 、 whose neighbouring item, as long, has the character
 * at `at` in the same place ("赋权、赋能、赋责" at 赋): changing it would break a parallel the writer meant. (A
 * change elsewhere keeps the parallel: "课学化、民主化" is still 科学化.)
 */
export function coordinated(text: string, start: number, end: number, at: number): boolean {
  const n = end - start;
  const k = at - start;
  const edge = (p: number) => p < 0 || p >= text.length || BREAK.test(text[p] as string);
  if (text[start - 1] === '、' && start - 1 - n >= 0 && edge(start - 2 - n) && text[start - 1 - n + k] === text[at]) return true;
  return text[end] === '、' && end + 1 + n <= text.length && edge(end + 1 + n) && text[end + 1 + k] === text[at];
}

/** How names of events and bodies end (论坛, 博览会, 峰会), read on a list item beside a window. */
const NAME_ENDING = /(?:论坛|峰会|大会|年会|博览会|交易会|洽谈会|展览会|展销会|推介会|运动会|艺术节|文化节|旅游节|电影节|音乐节|嘉年华|大赛|联赛|锦标赛|活动周|宣传周|研讨会|座谈会|联盟|协会|学会|商会|基金会)$/u;
/** Words after a bare pair of characters that join the two words the pair abbreviates ("投贷联动", "医养结合", "产教融合"). */
const JOINED_AFTER = /^(?:联动|结合|融合|并举|并重|协同|互动|一体|同步|统筹|衔接)/u;

/** Whether the window, ending an item of a 、 list, stands beside an item that ends as the name of an event or a body. */
function namedList(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !BREAK.test(text[from - 1] as string) && start - from < 16) from--;
  if (text[from - 1] === '、' && NAME_ENDING.test(text.slice(Math.max(0, from - 17), from - 1))) return true;
  if (text[end] !== '、') return false;
  let to = end + 1;
  while (to < text.length && !BREAK.test(text[to] as string) && text[to] !== '等' && to - end < 17) to++;
  return NAME_ENDING.test(text.slice(end + 1, to));
}

/** Characters that end a verb as its complement ("迈出", "带来"): such a word shares no coordinated head with a lone character before it. */
export const COMPLEMENT_CHARS = '出来去上下进回过起开到完好成';

/** Directional complements: after a lone character they make it a predicate ("旺起来", "热下去"). */
const COMPLEMENT = /^(?:起来|下去|上来|下来|出来|进来|过来|过去|开来|上去)/u;
/** Numerals, the capital forms of amounts among them (大写: 壹万柒仟元整). */
const NUMERALS = '〇零一二三四五六七八九十百千万亿两几壹贰叁肆伍陆柒捌玖拾佰仟萬億';
/**
 * The largest share of all counts a word of each length holds in jieba's dictionary (一个 142 747,
 * 天安门 34 010, 人民政府 15 227 of 60.1 million), rounded up: a window whose correction would need
 * more cannot gain enough, and is not tried.
 */
const LOG_MAX_SHARE: Readonly<Record<number, number>> = { 2: Math.log(0.004), 3: Math.log(0.001), 4: Math.log(0.0005) };
/** A clause this short (a name in a list, a quoted term, a heading) is no running text to judge a slip by. */
const SHORT_CLAUSE = 4;
const OPENERS = '《“‘「『〈';
const CLOSERS = '》”’」』〉';
/** How far a quotation, a repeat or a clause is looked for (UTF-16 units): bounded, so hostile text stays linear. */
const QUOTE_REACH = 16;
const REPEAT_REACH = 3000;
const CLAUSE_REACH = 20;
/** How far (ln of the count ratio) a reading may fall behind the best and still be preferred for making a word with its neighbour. */
const TIE = Math.LN2;
const isHanString = (s: string) => {
  for (let k = 0; k < s.length; k++) if (!isHan(s.charCodeAt(k))) return false;
  return true;
};

/** How many candidate readings of one window the segmentation test tries, best first (each costs a cut of the clause). */
const MAX_READINGS = 3;

/**
 * Finds ordinary-word typos no list names: a stretch of two to four ideographs that the segmenter
 * does not read as a word (it cuts it into single characters, or keeps it as one token its
 * dictionary lacks), which one homophone or look-alike turns into a frequent dictionary word, with the
 * window's word-unigram probability (the segmenter's own dictionary counts) rising by a clear margin.
 *
 * Cost: per window of whole tokens holding a lone character, for each character, its few confusable
 * characters (precomputed per character, cached per instance) each tested with one dictionary
 * lookup. The context guards and the second segmentation run only for the rare window that passes.
 */
export class ConfusableWords {
  private readonly options: ConfusableOptions;
  private readonly syllables: ReadonlyMap<string, string>;
  /** Written character → meant characters by shape. */
  private readonly shapes = new Map<number, number[]>();
  /** Written character → meant characters alike by the computed measure only (the table as given, read per character on demand). */
  private readonly computed: Readonly<Record<string, string>>;
  /** Written character → meant characters by the published shape tables (the table as given). */
  private readonly written: Readonly<Record<string, string>>;
  /** Written character → its confusable characters and, per character, how they are linked (see `candidatesOf`). */
  private readonly candidates = new Map<number, { chars: Uint16Array; shape: Uint8Array }>();
  private readonly surnames = new Set<number>();
  /** Written word → the word meant and CC-CEDICT's evidence (typo/cedict-slips.json). */
  private readonly cedict: ReadonlyMap<string, { word: string; evidence: CedictEvidence }>;
  /** A bit per code unit that opens a word of {@link cedict}: most tokens are ruled out without slicing the text. */
  private readonly cedictFirst = new Int32Array(0x800);
  /** Words of CC-CEDICT's own the counts alone would question (see `ConfusableTables.cedictWords`). */
  private readonly cedictWords: ReadonlySet<string>;
  /** Per character code, 1 if it is a productive suffix (see `ConfusableOptions.suffixWords`). */
  private readonly suffixes = new Uint8Array(0x10000);
  private readonly pairs = new Uint32Array(PAIR_BITS >>> 5);
  /** Atom boundaries of the text being checked (atom a is [bounds[a], bounds[a + 1])), reused across calls. */
  private bounds = new Int32Array(1024);
  /** Per atom, the token it was taken out of (a token the dictionary lacks), or -1 for a whole token. */
  private owner = new Int32Array(1024);
  /** The text being checked. */
  private text = '';
  /** Per character code, its cost alone (-1: not looked up yet), for the word counts last used. */
  private readonly charCosts = new Float64Array(0x10000).fill(-1);
  private charWords: WordFrequencies | undefined;
  /** Two-character tokens' counts, for the word counts last used (see `pairFrequency`). */
  private readonly pairCounts = new PairMap<number>();
  /**
   * Per written character and its neighbours in the window (none at an edge), the indexes of its candidates
   * that some frequent word holds beside each neighbour (the pair filter), so the filter runs once a triple.
   */
  private readonly passing = new Map<number, Uint16Array>();
  private pairWords: WordFrequencies | undefined;
  /** Three-character candidates' counts, for the word counts of `tripleWords` (see `tripleFrequency`). */
  private tripleCounts = new CodeMap<number>();
  private tripleWords: WordFrequencies | undefined;
  private tripleSize = 0;
  /** Per rare token, its best same-sound frequent word (null: none), for the word counts of `pairWords`. */
  private rareWords: WordFrequencies | undefined;
  private readonly rareBest = new Map<string, { word: string; frequency: number; position: number; how: Confusion; gain: number; alike: boolean } | null>();
  /** Per atom, what it is (see `find`). */
  private flags = new Uint8Array(1024);
  /** Per atom, its cost (-ln p) under the unigram model. */
  private costs = new Float64Array(1024);

  /** Whether the published shape tables (`tables.written`) pair the two characters, either way. */
  private publishedPair(a: number, b: number): boolean {
    const x = String.fromCharCode(a);
    const y = String.fromCharCode(b);
    return (this.written[x]?.includes(y) ?? false) || (this.written[y]?.includes(x) ?? false);
  }

  constructor(tables: ConfusableTables, options: Partial<ConfusableOptions> = {}) {
    this.options = { ...CONFUSABLE_DEFAULTS, ...options, minFrequency: { ...CONFUSABLE_DEFAULTS.minFrequency, ...options.minFrequency } };
    this.syllables = new Map(Object.entries(tables.syllables));
    this.computed = tables.computed ?? {};
    this.written = tables.written ?? {};
    this.cedict = new Map(
      Object.entries(tables.cedict ?? {}).map(([w, v]) => {
        const [word, code] = v.split(' ') as [string, keyof typeof CEDICT_EVIDENCE];
        return [w, { word, evidence: CEDICT_EVIDENCE[code] }];
      }),
    );
    for (const w of this.cedict.keys()) this.cedictFirst[w.charCodeAt(0) >>> 5]! |= 1 << (w.charCodeAt(0) & 31);
    this.cedictWords = new Set(tables.cedictWords ?? []);
    for (const [meant, written] of tables.lookalikes) {
      const m = meant.charCodeAt(0);
      for (const x of written) {
        const code = x.charCodeAt(0);
        const list = this.shapes.get(code);
        if (!list) this.shapes.set(code, [m]);
        else if (!list.includes(m)) list.push(m);
      }
    }
    for (const [x, meant] of Object.entries(tables.written ?? {})) {
      const code = x.charCodeAt(0);
      const list = this.shapes.get(code);
      // Most written characters are new here: their list is taken whole (the table holds each pair once).
      if (!list) {
        const codes = new Array<number>(meant.length);
        for (let i = 0; i < meant.length; i++) codes[i] = meant.charCodeAt(i);
        this.shapes.set(code, codes);
        continue;
      }
      for (let i = 0; i < meant.length; i++) {
        const m = meant.charCodeAt(i);
        if (!list.includes(m)) list.push(m);
      }
    }
    for (let i = 0; i < tables.surnames.length; i++) this.surnames.add(tables.surnames.charCodeAt(i));
    const ending = new Map<number, number>();
    for (const w of tables.frequentWords) {
      if (w.length === 3) ending.set(w.charCodeAt(2), (ending.get(w.charCodeAt(2)) ?? 0) + 1);
      for (let k = 1; k < w.length; k++) {
        const h = hashPair(w.charCodeAt(k - 1), w.charCodeAt(k));
        this.pairs[h >>> 5] = (this.pairs[h >>> 5] as number) | (1 << (h & 31));
      }
    }
    for (const [c, n] of ending) if (n >= this.options.suffixWords) this.suffixes[c] = 1;
  }

  /** The characters `x` may have been written for: common homophones (any tone) and look-alikes. */
  private candidatesOf(x: number): { chars: Uint16Array; shape: Uint8Array } {
    let c = this.candidates.get(x);
    if (c) return c;
    const sound = new Set<number>();
    for (const r of readingsOf(String.fromCharCode(x)).toneless) {
      const group = this.syllables.get(r) ?? '';
      for (let i = 0; i < group.length; i++) sound.add(group.charCodeAt(i));
    }
    sound.delete(x);
    const looks = this.shapes.get(x) ?? [];
    const shape = looks.filter((m) => m !== x && !sound.has(m));
    // Look-alikes by the computed measure only: neither a homophone nor in a published table.
    const more = this.computed[String.fromCharCode(x)] ?? '';
    const computed: number[] = [];
    for (let i = 0; i < more.length; i++) {
      const m = more.charCodeAt(i);
      if (m !== x && !sound.has(m) && !looks.includes(m)) computed.push(m);
    }
    const all = [...sound, ...shape, ...computed];
    // 0: sound only; 1: shape only; 2: both sound and shape (花蓝/花篮, 器才/器材), the likeliest slips;
    // 3: shape by the computed measure only, the weakest.
    const kind = (m: number, i: number) => (i >= sound.size + shape.length ? 3 : i >= sound.size ? 1 : looks.includes(m) ? 2 : 0);
    c = { chars: Uint16Array.from(all), shape: Uint8Array.from(all.map(kind)) };
    this.candidates.set(x, c);
    return c;
  }

  /** Every slip in `text`, given its tokens (the segmenter's cut of `text`, in order). */
  find(text: string, tokens: readonly string[], words: WordFrequencies, segmenter: Segmenter): ConfusableSlip[] {
    // Atoms: the tokens, except that a token the dictionary lacks (the segmenter's guess at an unknown
    // word, "按装好") is taken apart into its characters, each remembering the token it came from.
    if (text.length + 1 > this.bounds.length) {
      const n = Math.max(text.length + 1, this.bounds.length * 2);
      this.bounds = new Int32Array(n);
      this.owner = new Int32Array(n);
    }
    const bounds = this.bounds;
    const owner = this.owner;
    this.text = text;
    const logTotal = Math.log(words.total);
    if (this.costs.length < text.length + 1) this.costs = new Float64Array(Math.max(text.length + 1, this.costs.length * 2));
    const costs = this.costs;
    let at = 0;
    let count = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string;
      // Each atom's cost (-ln p) under the unigram model: a whole token at its count, a character alone at its own.
      const f = token.length === 2 ? this.pairFrequency(token, words) : token.length > 2 ? words.frequency(token) : 0;
      if (token.length > 1 && token.length <= 8 && f === 0) {
        for (let k = 0; k < token.length; k++) {
          costs[count] = this.charCost(token.charCodeAt(k), words, logTotal);
          bounds[count] = at + k;
          owner[count++] = t;
        }
      } else {
        costs[count] = token.length === 1 ? this.charCost(token.charCodeAt(0), words, logTotal) : f > 0 ? logTotal - Math.log(f) : logTotal;
        bounds[count] = at;
        owner[count++] = -1;
      }
      at += token.length;
    }
    bounds[count] = at;
    // A cut that does not give the text back cannot be aligned with it.
    if (at !== text.length) return [];
    // Per atom: 1 all ideographs, 2 a dictionary word of two or more characters (an anchor), 4 a character
    // that may have slipped (alone or taken out of a guessed token, and no function word standing alone).
    if (this.flags.length < count) this.flags = new Uint8Array(Math.max(count, this.flags.length * 2));
    const flags = this.flags;
    const functionCost = logTotal - this.options.functionChar;
    for (let a = 0; a < count; a++) {
      const s = bounds[a] as number;
      const e = bounds[a + 1] as number;
      let f = 1;
      for (let p = s; p < e; p++) if (!isHan(text.charCodeAt(p))) f = 0;
      if (f === 1 && e - s > 1) f |= 2;
      else if (f === 1 && (owner[a] !== -1 || (costs[a] as number) > functionCost)) f |= 4;
      flags[a] = f;
    }
    const out: ConfusableSlip[] = [];
    for (let i = 0; i < count; i++) {
      let found = this.slipFrom(text, i, words, logTotal, segmenter, count);
      if (!found) continue;
      // A word jieba holds below the usual count, that keeps the window's first word whole ("一年|之季" as
      // 一年之计), competes with the reading of the window without that word ("之季" as 之际): the one making
      // the same change is kept as the surer (党组|书济: 书记, not 党组书记), a different change by the
      // likelier reading (gain: the longer word against the first word and the shorter one, 工作|进席: 进行, not 工作进度).
      const slip = found.slip;
      if (((flags[i] as number) & 2) !== 0 && slip.frequency < (this.options.minFrequency[slip.end - slip.start] ?? Infinity)) {
        const alt = this.slipFrom(text, i + 1, words, logTotal, segmenter, count);
        if (alt && alt.slip.start < slip.end) {
          const same = alt.slip.start + alt.slip.position === slip.start + slip.position && alt.slip.word[alt.slip.position] === slip.word[slip.position];
          if (same || alt.slip.gain > slip.gain) found = alt;
        }
      }
      out.push(found.slip);
      i = found.j;
    }
    // Rare dictionary words written for far more frequent ones, where no non-word slip was found.
    let next = 0;
    for (let a = 0; a < count; a++) {
      if (((flags[a] as number) & 3) !== 3 || owner[a] !== -1) continue;
      const s = bounds[a] as number;
      const e = bounds[a + 1] as number;
      if (e - s > 4) continue;
      while (next < out.length && (out[next] as ConfusableSlip).end <= s) next++;
      if (next < out.length && (out[next] as ConfusableSlip).start < e) continue;
      const logF = logTotal - (costs[a] as number);
      const first = text.charCodeAt(s);
      const listed = ((this.cedictFirst[first >>> 5] as number) & (1 << (first & 31))) !== 0 ? this.cedict.get(text.slice(s, e)) : undefined;
      if (!listed && Math.round(Math.exp(logF)) > Math.max(this.options.rareMax, this.options.rareAlikeMax)) continue;
      const slip = listed ? this.cedictWord(text, s, e, a, logF, listed, words, segmenter, count) : this.rareWord(text, s, e, a, logF, words, segmenter, count);
      if (slip) out.splice(next, 0, slip);
    }
    return out;
  }

  /** The first slip in a window opening at atom `i`, taken as far right as it reads best, and the window's last atom. */
  private slipFrom(text: string, i: number, words: WordFrequencies, logTotal: number, segmenter: Segmenter, count: number): { slip: ConfusableSlip; j: number } | null {
    const bounds = this.bounds;
    const flags = this.flags;
    const costs = this.costs;
    let written = 0;
    let anchored = false;
    let slippable = false;
    for (let j = i; j < count; j++) {
      const f = flags[j] as number;
      if ((f & 1) === 0) break;
      const start = bounds[i] as number;
      const end = bounds[j + 1] as number;
      if (end - start > 4) break;
      written += costs[j] as number;
      if (f & 2) anchored = true;
      if (f & 4) slippable = true;
      if (end - start < 2 || !slippable) continue;
      let slip = this.check(text, i, j, written, anchored, words, logTotal, segmenter, count);
      if (slip) {
        // With the lone character after it, the window may read as a longer word at least as likely ("国伍|院"
        // as 国务院, not 国务). A whole word after it is taken in only when that turns a hint into a sure
        // slip ("虫分|发挥" as 充分发挥); otherwise it stays as written ("忍民|政府工作报告": 人民, not 人民政府).
        let longer = written;
        let longerAnchored = anchored;
        for (let k = j + 1; k < count && ((flags[k] as number) & 1) !== 0 && (bounds[k + 1] as number) - start <= 4; k++) {
          longer += costs[k] as number;
          const word = ((flags[k] as number) & 2) !== 0;
          if (word) longerAnchored = true;
          const next = this.check(text, i, k, longer, longerAnchored, words, logTotal, segmenter, count);
          if (!next || next.gain < slip.gain || (word && (slip.sure || !next.sure))) break;
          slip = next;
          j = k;
        }
        return { slip, j };
      }
    }
    return null;
  }

  /**
   * A token the segmenter read as a rare dictionary word ("挤身", "蒜苔", "座落") that one homophone or
   * look-alike turns into a far more frequent word ("跻身", "蒜薹", "坐落"): the rare form is the variant
   * the dictionary keeps, or a slip it happens to hold; the frequent one is what official text writes.
   * Only a same-syllable, same-tone neighbour counts, at the floor count; above it, up to `rareAlikeMax`,
   * a published look-alike of the same usual reading ("英磅"/"英镑"). Only ever a hint (see the rule's doc comment).
   */
  private rareWord(text: string, start: number, end: number, a: number, logF: number, words: WordFrequencies, segmenter: Segmenter, count: number): ConfusableSlip | null {
    const o = this.options;
    const written = text.slice(start, end);
    // A second dictionary lists it as a word of its own (铭牌, 受权): the counts alone do not make it a slip.
    if (this.cedictWords.has(written)) return null;
    // The best same-sound word depends on the token alone: worked out once per token (pages repeat them) and remembered.
    if (this.rareWords !== words) {
      this.rareWords = words;
      this.rareBest.clear();
    }
    let best = this.rareBest.get(written);
    if (best === undefined) {
      if (this.rareBest.size >= RARE_CACHE) this.rareBest.clear();
      best = null;
      const rare = Math.round(Math.exp(logF));
      let placed = false;
      // Above jieba's floor count the corpus saw the word written so, a few times (see rareAlikeMax); a count
      // is no word ("三袋", "两驾": a numeral and a measure word).
      const counted = rare > o.rareMax && rare <= o.rareAlikeMax && !hasNumeral(written);
      for (let p = start; p < end; p++) {
        const x = text.charCodeAt(p);
        const { chars, shape } = this.candidatesOf(x);
        for (let k = 0; k < chars.length; k++) {
          const c = chars[k] as number;
          // The same syllable with the same tone: the variant spelling and the slip an input method makes (座落/坐落);
          // a rare word a tone or a stroke away from a frequent one is mostly a word of its own (冰毒/病毒, 下线/一线).
          // Surer: the two characters read the same in their usual readings and a published shape table pairs
          // them (磅/镑, 峻/竣): a count ratio of e^3 is then enough for a word counted above the floor.
          const alike = counted && this.publishedPair(x, c) && sameMainSound(x, c);
          if (!alike && (shape[k] === 1 || shape[k] === 3 || !sameSound(x, c) || rare > o.rareMax)) continue;
          const word = written.slice(0, p - start) + String.fromCharCode(c) + written.slice(p - start + 1);
          const f = word.length === 2 ? this.pairFrequency(word, words) : words.frequency(word);
          if (f < (o.minFrequency[end - start] ?? Infinity)) continue;
          const gain = Math.log(f) - logF;
          const need = alike ? o.rareAlikeGain : end - start >= 3 ? o.rareLongGain : o.rareGain;
          if (gain < need || (best && gain <= best.gain)) continue;
          // Spellings of which one names a city or a county ("同城"/"桐城", "潮阳"/"朝阳") are each a word of its
          // own: the written word is not read as a slip for any of its look-alikes.
          if (alike && (placeName(word, words) || placeName(written, words))) {
            placed = true;
            continue;
          }
          best = { word, frequency: f, position: p - start, how: 'homophone', gain, alike };
        }
      }
      if (placed && best?.alike) best = null;
      this.rareBest.set(written, best);
    }
    if (!best) return null;
    if (this.excluded(text, start, end, a + 2 <= count ? (this.bounds[a + 2] as number) : end, a > 0 && start - (this.bounds[a - 1] as number) === 1, true)) return null;
    // The word meant must fit the text at least as well as the one written: not where the written word
    // makes a longer dictionary word with the character beside it and the other would not ("水炮车").
    if (best.alike && this.fitsBetter(text, start, end, written, best.word, words)) return null;
    if (!this.readsWhole(text, start, end, best.word, segmenter)) return null;
    const { alike: _, ...slip } = best;
    return { start, end, ...slip, oneToken: true, sure: false, rare: Math.round(Math.exp(logF)) };
  }

  /**
   * A token the segmenter read as a word of jieba's that CC-CEDICT marks as a variant of the word meant (耽心 for
   * 担心, 图象 for 图像) or lacks while it lists the word meant one character away, read the same (不言而谕, 时侯):
   * typo/cedict-slips.json, built with jieba's counts; at run time the word meant must still be the commoner
   * one. An erroneous variant is a sure slip, the rest are hints (see the rule's eighth round). The guards of
   * the rare words apply: names, lists and counts, and the word meant must read whole in the clause.
   */
  private cedictWord(text: string, start: number, end: number, a: number, logF: number, listed: { word: string; evidence: CedictEvidence }, words: WordFrequencies, segmenter: Segmenter, count: number): ConfusableSlip | null {
    const written = text.slice(start, end);
    const { word, evidence } = listed;
    if (word.length !== written.length) return null;
    let position = -1;
    for (let k = 0; k < word.length; k++) if (word[k] !== written[k]) position = k;
    if (position < 0) return null;
    const f = words.frequency(word);
    if (!(f > 0) || Math.log(f) <= logF) return null;
    // A word CC-CEDICT lacks may be a name, so all the guards of the rare words apply; one it lists as a variant
    // of a common word is no name (家电、家俱等: a list item of common nouns), so only the guards for codes,
    // document numbers, quoted titles and counts do.
    if (evidence === 'absent' ? this.excluded(text, start, end, a + 2 <= count ? (this.bounds[a + 2] as number) : end, a > 0 && start - (this.bounds[a - 1] as number) === 1, true) : this.excludedWord(text, start, end)) return null;
    if (this.fitsBetter(text, start, end, written, word, words)) return null;
    if (!this.readsWhole(text, start, end, word, segmenter)) return null;
    const x = written.charCodeAt(position);
    const c = word.charCodeAt(position);
    const how: Confusion = sameSound(x, c) || !this.publishedPair(x, c) ? 'homophone' : 'lookalike';
    return { start, end, word, frequency: f, position, how, gain: Math.log(f) - logF, oneToken: true, sure: evidence === 'erroneous', rare: Math.round(Math.exp(logF)), cedict: evidence };
  }

  private check(
    text: string,
    i: number,
    j: number,
    written: number,
    anchored: boolean,
    words: WordFrequencies,
    logTotal: number,
    segmenter: Segmenter,
    count: number,
  ): ConfusableSlip | null {
    const bounds = this.bounds;
    const owner = this.owner;
    const start = bounds[i] as number;
    const end = bounds[j + 1] as number;
    const o = this.options;
    // Without a dictionary word in the window to anchor it ("户口|薄"), the stretch may as well be a
    // coinage or an abbreviation ("各室委") the segmenter could not place: the slip must beat that.
    const minGain = anchored ? o.minGain : o.tokenGain;
    // The count a word needs to gain enough over the written reading; no word of this length is that frequent: done.
    // (A candidate that both sounds and looks like the written character needs its prior less.)
    // A longer word that keeps the window's dictionary word whole may be one jieba holds at its floor count,
    // when the window opens with that word or with a token the segmenter guessed ("一年|之季", "指释|中心"),
    // not with a lone character before a word (售|枪弹: a verb and its object, not 手枪弹).
    const longer = anchored && end - start >= 3 && (((this.flags[i] as number) & 2) !== 0 || owner[i] !== -1);
    const minFrequency = o.minFrequency[end - start] ?? Infinity;
    const logNeeded = Math.max(Math.log(longer ? Math.min(o.longerFrequency, minFrequency) : minFrequency), logTotal - written + minGain - Math.max(o.bothPrior, o.suffixPrior));
    if (logNeeded > (LOG_MAX_SHARE[end - start] ?? -Infinity) + logTotal) return null;
    let oneToken = true;
    for (let t = i; t <= j; t++) if (owner[t] === -1) oneToken = false;
    const least = Math.exp(logNeeded);
    // Every candidate that gains enough, best first: the best may fail the segmentation test below ("国伍院"
    // read as some rarer word), and the next one is then the reading to judge.
    const pairs = this.pairs;
    let found: { word: string; frequency: number; position: number; how: Confusion; gain: number; prior: number; computed: boolean; weak: boolean }[] | null = null;
    // The window is a dictionary word and one lone character after it, which may be a productive suffix slipped ("保洁|圆").
    const suffixAt = end - start === 3 && j === i + 1 && ((this.flags[i] as number) & 2) !== 0 && owner[j] === -1 ? end - 1 : -1;
    // A word and a lone character beside it, three characters: the word's character next to the lone one may
    // be the slip, glued by the segmenter to its other neighbour into a word of its own ("申|情人" for 申请人,
    // "人形|道" for 人行道). Such a change needs the unanchored gain and is only ever a hint.
    const glued = end - start === 3 && j === i + 1 && owner[i] === -1 && owner[j] === -1 && (((this.flags[i] as number) | (this.flags[j] as number)) & 6) === 6 ? start + 1 : -1;
    for (let p = start; p < end; p++) {
      const x = text.charCodeAt(p);
      // Only a character that may have slip: in an anchored window not the word that anchors it, and no
      // frequent function word the segmenter put alone ("召开的|二届").
      if (((this.flags[this.atomAt(p, i, j)] as number) & 4) === 0 && p !== glued) continue;
      const { chars, shape } = this.candidatesOf(x);
      const left = p > start ? text.charCodeAt(p - 1) : -1;
      const right = p + 1 < end ? text.charCodeAt(p + 1) : -1;
      let head: string | undefined;
      let tail: string | undefined;
      // The candidates some frequent word holds beside each neighbour depend on the character and its two
      // neighbours only: worked out once for each such triple (running text repeats them) and remembered.
      // (At a productive suffix's place, after a dictionary word, a suffix candidate needs no frequent word to hold it beside its neighbour.)
      // At a glued character, a homophone needs a frequent word only across the segmenter's cut (申请 of 申|请人),
      // not inside the word it was glued into (请人).
      const atSuffix = p === suffixAt;
      const mode = atSuffix ? 1 : p !== glued ? 0 : owner[i] === -1 && (bounds[i + 1] as number) === p ? 2 : 3;
      // One number for the triple and the mode (left and right are -1 when absent): exact below 2^53, no string made.
      const key = ((x * 0x10001 + (left + 1)) * 0x10001 + (right + 1)) * 4 + mode;
      let passing = this.passing.get(key);
      if (passing === undefined) {
        if (this.passing.size >= PASSING_CACHE) this.passing.clear();
        const kept: number[] = [];
        for (let k = 0; k < chars.length; k++) {
          const c = chars[k] as number;
          // A bit per hashed pair: false positives possible, never false negatives within the tables.
          const sound = shape[k] === 0 || shape[k] === 2;
          if (left !== -1 && !(atSuffix && this.suffixes[c] === 1 && sound) && !(mode === 3 && sound)) {
            const h = hashPair(left, c);
            if (((pairs[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
          }
          if (right !== -1 && !(mode === 2 && sound)) {
            const h = hashPair(c, right);
            if (((pairs[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
          }
          kept.push(k);
        }
        this.passing.set(key, (passing = kept.length === 0 ? NONE_PASSING : Uint16Array.from(kept)));
      }
      for (let n = 0; n < passing.length; n++) {
        const k = passing[n] as number;
        const c = chars[k] as number;
        // Two- and three-character candidates recur from page to page (the same common characters): their
        // counts are remembered by their code units, and the string is built only for a count not yet known.
        const len = end - start;
        const f =
          len === 2
            ? this.pairFrequencyOf(p === start ? c : text.charCodeAt(start), p === start ? text.charCodeAt(start + 1) : c, words)
            : len === 3
              ? this.tripleFrequency(p === start ? c : text.charCodeAt(start), p === start + 1 ? c : text.charCodeAt(start + 1), p === start + 2 ? c : text.charCodeAt(start + 2), words)
              : words.frequency((head ??= text.slice(start, p)) + String.fromCharCode(c) + (tail ??= text.slice(p + 1, end)));
        if (f < least) continue;
        const gain = written - (logTotal - Math.log(f));
        // A character that both sounds and looks like the meant one is a likelier slip (either input
        // method makes it): its prior counts as so much more evidence.
        const suffix = atSuffix && shape[k] !== 1 && shape[k] !== 3 && this.suffixes[c] === 1;
        const prior = Math.max(shape[k] === 2 ? o.bothPrior : 0, suffix ? o.suffixPrior : 0);
        const inWord = p === glued && ((this.flags[this.atomAt(p, i, j)] as number) & 4) === 0;
        if (gain + prior < (inWord ? o.tokenGain : minGain)) continue;
        const word = (head ??= text.slice(start, p)) + String.fromCharCode(c) + (tail ??= text.slice(p + 1, end));
        (found ??= []).push({ word, frequency: f, position: p - start, how: shape[k] === 1 || shape[k] === 3 ? 'lookalike' : 'homophone', gain, prior, computed: shape[k] === 3, weak: inWord || f < minFrequency });
      }
    }
    if (!found) return null;
    // Written as a dictionary word after all (a rare one): read as written. Asked only now, as most windows have no candidate.
    if (words.frequency(text.slice(start, end)) > 0) return null;
    // The context tests come last: few windows get this far. A name's ending after the window (湖, 河, 路)
    // excludes it, unless a candidate and that ending are a place or body the dictionary holds at a word's
    // usual count (洞庭湖, 秦淮河): then only such candidates are read.
    let named: typeof found | null = null;
    const knownName = (suffix: string) => {
      const least = o.minFrequency[end - start + suffix.length] ?? o.minFrequency[4] ?? Infinity;
      named = (found as NonNullable<typeof found>).filter((c) => words.frequency(c.word + suffix) >= least);
      return named.length > 0;
    };
    if (this.excluded(text, start, end, j + 2 <= count ? (bounds[j + 2] as number) : end, i > 0 && start - (bounds[i - 1] as number) === 1, anchored, knownName)) return null;
    if (named) found = named;
    if (this.inGuessedName(i, j)) return null;
    found.sort((a, b) => b.gain + b.prior - (a.gain + a.prior));
    // Readings nearly as likely as the best (within TIE: 文物 and 文件 for 文仵, counts 4,746 and 4,288): the
    // one that makes a dictionary word with the atom beside the window ("文件|精神" is 文件精神) reads the
    // context, which the unigram counts do not; it goes first among them.
    if (found.length > 1) {
      const top = (found[0] as (typeof found)[number]).gain + (found[0] as (typeof found)[number]).prior;
      const before = i > 0 ? text.slice(bounds[i - 1] as number, start) : '';
      const after = j + 1 < count ? text.slice(end, bounds[j + 2] as number) : '';
      const collocates = (w: string) => (after !== '' && isHanString(after) && words.frequency(w + after) > 0) || (before !== '' && isHanString(before) && words.frequency(before + w) > 0);
      const near = found.filter((c) => top - (c.gain + c.prior) <= TIE);
      if (near.length > 1 && !collocates(near[0]!.word)) {
        const better = near.find((c) => collocates(c.word));
        if (better) found = [better, ...found.filter((c) => c !== better)];
      }
    }
    for (let k = 0; k < found.length && k < MAX_READINGS; k++) {
      const { prior, computed, weak, ...best } = found[k] as (typeof found)[number];
      const p = start + best.position;
      const atom = this.atomAt(p, i, j);
      // A lone character after a word and before a directional complement is a predicate ("消费|旺|起来",
      // "市场|热|起来"), not the end of a noun the word begins.
      if (anchored && atom === j && p === end - 1 && owner[j] === -1 && COMPLEMENT.test(text.slice(end, end + 2))) continue;
      // A lone character before a two-character word with whose last character it makes a common word shares
      // that ending with the word's first ("工程|硕|博士": 硕士 and 博士; 中小学, 进出口): a coordinated prefix.
      // (Not a verb and its complement: "现代|划|迈出" is no 划出 and 迈出.)
      if (atom === j && p === end - 1 && owner[j] === -1 && j + 1 < count && owner[j + 1] === -1 && (bounds[j + 2] as number) - end === 2 && ((this.flags[j + 1] as number) & 2) !== 0 && !COMPLEMENT_CHARS.includes(text[end + 1] as string) && this.pairFrequencyOf(text.charCodeAt(p), text.charCodeAt(end + 1), words) >= (o.minFrequency[2] ?? Infinity)) continue;
      // A list whose items share the changed character in its place ("赋权、赋能、赋责"): the parallel is meant.
      if (coordinated(text, start, end, p)) continue;
      // The prior admits a hint, never a sure slip: sure needs the counts alone to clear the bar; a computed look-alike is only ever a hint.
      if (this.readsWhole(text, start, end, best.word, segmenter)) {
        if (computed) return { start, end, ...best, oneToken, sure: false, computed: true };
        // The changed character and one character outside the window make a two-character token the segmenter
        // guessed ("产业|援疆", "多分|众化"): the segmenter read it as a word with its neighbour beyond the window,
        // not as a lone character slipped beside the anchor, so the anchor vouches for nothing and the slip is
        // sure only at the unanchored gain ("博物|管新" at 12.4 is). A frequent function character so glued
        // ("无人|基对") says nothing of a word, nor does a longer guess, mostly a name run on ("委员|汇王华").
        const t = owner[atom] as number;
        const partner = t === -1 ? -1 : atom === i && atom > 0 && owner[atom - 1] === t && (atom < 2 || owner[atom - 2] !== t) && (atom === j || owner[atom + 1] !== t) ? atom - 1 : atom === j && atom + 1 < count && owner[atom + 1] === t && (atom + 2 >= count || owner[atom + 2] !== t) && (atom === i || owner[atom - 1] !== t) ? atom + 1 : -1;
        const spills = partner !== -1 && (this.costs[partner] as number) > logTotal - o.functionChar;
        // A word below the usual count (the anchor's longer word at jieba's floor) is only ever a hint.
        return { start, end, ...best, oneToken, sure: !weak && ((anchored && !spills && best.gain >= minGain) || best.gain >= o.sureGain) };
      }
    }
    return null;
  }

  /**
   * Whether the window lies in a two- or three-character token the segmenter guessed as an unknown
   * word opening with a surname ("方丽娜", "师建龙"): a person's name.
   */
  private inGuessedName(i: number, j: number): boolean {
    const owner = this.owner;
    const t = owner[i] as number;
    if (t === -1 || owner[j] !== t) return false;
    let first = i;
    while (first > 0 && owner[first - 1] === t) first--;
    let last = j;
    while (owner[last + 1] === t) last++;
    const length = (this.bounds[last + 1] as number) - (this.bounds[first] as number);
    return length >= 2 && length <= 3 && this.surnames.has(this.text.charCodeAt(this.bounds[first] as number));
  }

  /**
   * The count of a two-character token, remembered by its packed code units: official text repeats its
   * words, and a small numeric map is far cheaper to probe than the dictionary's 349 000 string keys.
   */
  private pairFrequency(token: string, words: WordFrequencies): number {
    return this.pairFrequencyOf(token.charCodeAt(0), token.charCodeAt(1), words);
  }

  /** `pairFrequency` of the word of two code units, built as a string only when its count is not remembered. */
  private pairFrequencyOf(a: number, b: number, words: WordFrequencies): number {
    if (this.pairWords !== words || this.pairCounts.size >= PAIR_CACHE) {
      this.pairWords = words;
      this.pairCounts.clear();
    }
    const key = (a << 16) | b;
    let f = this.pairCounts.get(key);
    if (f === undefined) this.pairCounts.set(key, (f = words.frequency(String.fromCharCode(a, b))));
    return f;
  }

  /** The count of a three-character candidate, remembered by its code units like the two-character ones. */
  private tripleFrequency(a: number, b: number, c: number, words: WordFrequencies): number {
    if (this.tripleWords !== words || this.tripleSize >= TRIPLE_CACHE) {
      this.tripleWords = words;
      this.tripleCounts = new CodeMap<number>();
      this.tripleSize = 0;
    }
    let f = this.tripleCounts.get(a, b, c);
    if (f === undefined) {
      const word = String.fromCharCode(a, b, c);
      this.tripleCounts.set(word, (f = words.frequency(word)));
      this.tripleSize++;
    }
    return f;
  }

  /** -ln p of one character standing alone, looked up once per character and word counts. */
  private charCost(code: number, words: WordFrequencies, logTotal: number): number {
    if (this.charWords !== words) {
      this.charWords = words;
      this.charCosts.fill(-1);
    }
    let c = this.charCosts[code] as number;
    if (c < 0) {
      const f = words.frequency(String.fromCharCode(code));
      this.charCosts[code] = c = f > 0 ? logTotal - Math.log(f) : logTotal;
    }
    return c;
  }

  /** The atom of window atoms i..j that holds position p. */
  private atomAt(p: number, i: number, j: number): number {
    for (let a = i; a < j; a++) if ((this.bounds[a + 1] as number) > p) return a;
    return j;
  }

  /** The guards of `excluded` that hold for any word, not only for a name: a code, a document number, a quoted title, a count. */
  private excludedWord(text: string, start: number, end: number): boolean {
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (LATIN_OR_DIGIT.test(before) || LATIN_OR_DIGIT.test(after)) return true;
    if (/^[\u4e00-\u9fff]{0,3}[〔[（(][0-9]/u.test(text.slice(end, end + 6))) return true;
    const open = this.lastOpener(text, start);
    if (open !== -1) {
      const close = this.firstCloser(text, end);
      if (close !== -1 && close - open <= QUOTE_REACH) return true;
    }
    return (before !== '' && NUMERALS.includes(before)) || (after !== '' && NUMERALS.includes(after));
  }

  /** Contexts where a non-word is usually a name, a code, a quotation or a coinage rather than a slip. */
  private excluded(text: string, start: number, end: number, nextEnd: number, loneBefore: boolean, anchored: boolean, knownName?: (suffix: string) => boolean): boolean {
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    // A code or a model number ("ABC效律"); a digit after a window anchored by a word is a count ("停车场3处").
    if (LATIN_OR_DIGIT.test(before) || (LATIN_OR_DIGIT.test(after) && !(anchored && /[0-9０-９]/u.test(after)))) return true;
    // Document numbers: "闽政办函〔2012〕".
    if (/^[\u4e00-\u9fff]{0,3}[〔[（(][0-9]/u.test(text.slice(end, end + 6))) return true;
    // A short quotation or title ("《柯坪》", “望海楼”) names something.
    const open = this.lastOpener(text, start);
    if (open !== -1) {
      const close = this.firstCloser(text, end);
      if (close !== -1 && close - open <= QUOTE_REACH) return true;
    }
    // People: after a title ("副县长覃丽萍"), listed among names, or a surname opening a name followed by what follows names.
    if (TITLE_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return true;
    if (this.surnames.has(text.charCodeAt(start - 1)) && TITLE_BEFORE.test(text.slice(Math.max(0, start - 5), start - 1))) return true;
    // A title, one character standing alone and the window: a three-character name whose surname the
    // table lacks ("部长|冼|耀辉"; not "代表团|参佳", where the character belongs to a word).
    if (loneBefore && end - start === 2 && isHan(text.charCodeAt(start - 1)) && TITLE_BEFORE.test(text.slice(Math.max(0, start - 5), start - 1))) return true;
    // Coordinated pairs ("招赌揽赌"): a character repeated right across the window belongs to the pattern.
    if (text[end] === text[start] || (start > 0 && text[start - 1] === text[end - 1])) return true;
    // Items of a list of names: a window ending an item of a 、 list whose neighbouring item ends as an event's
    // or a body's name ("海峡论坛、海峡青年荟、世界妈祖文化论坛等") ends a name of the same kind.
    if ((after === '、' || after === '等') && namedList(text, start, end)) return true;
    // Abbreviated items joined by what follows ("投贷|联动", "医养|结合"): a bare pair of characters standing for
    // two words is no slip of one.
    if (!anchored && end - start === 2 && JOINED_AFTER.test(text.slice(end, end + 3))) return true;
    // Counts and measures: "重约五公斤", "三户两居".
    // (At the text's edge there is no neighbour: '' is in every string, and no count.)
    if ((before !== '' && NUMERALS.includes(before)) || (after !== '' && NUMERALS.includes(after))) return true;
    // A clause of a few characters (a name in a list, a heading word) says too little.
    let from = start;
    while (from > 0 && start - from <= SHORT_CLAUSE && !BREAK.test(text[from - 1] as string)) from--;
    let to = end;
    while (to < text.length && to - from <= SHORT_CLAUSE && !BREAK.test(text[to] as string)) to++;
    if (to - from <= SHORT_CLAUSE && (from === 0 || BREAK.test(text[from - 1] as string)) && (to === text.length || BREAK.test(text[to] as string))) return true;
    if ((before === '、' && (after === '、' || after === '等')) || (after === '等' && BREAK.test(before))) return true;
    if (this.surnames.has(text.charCodeAt(start)) && end - start <= 3 && AFTER_NAME.test(text.slice(end, end + 3))) return true;
    if (end - start === 2 && this.surnames.has(text.charCodeAt(start - 1)) && (start < 2 || BREAK.test(text[start - 2] as string))) return true;
    // Places and organisations: a non-word before 村, 镇, 公司 … is their name.
    // (Unless the word meant and that ending make a place the dictionary knows well: "洞亭|湖" is 洞庭湖 miswritten.)
    const proper = PROPER_AFTER.exec(text.slice(end, Math.max(end + 3, nextEnd)));
    if (proper && !knownName?.(proper[0])) return true;
    // A non-word written the same way twice nearby is meant (a name, a new term), not slipped.
    const window = text.slice(start, end);
    if (text.slice(end, end + REPEAT_REACH).includes(window) || text.slice(Math.max(0, start - REPEAT_REACH), start).includes(window)) return true;
    return false;
  }

  private lastOpener(text: string, start: number): number {
    for (let k = start - 1; k >= 0 && start - k <= QUOTE_REACH; k--) {
      const c = text[k] as string;
      if (CLOSERS.includes(c)) return -1;
      if (OPENERS.includes(c)) return k;
    }
    return -1;
  }

  private firstCloser(text: string, end: number): number {
    for (let k = end; k < text.length && k - end <= QUOTE_REACH; k++) {
      const c = text[k] as string;
      if (OPENERS.includes(c)) return -1;
      if (CLOSERS.includes(c)) return k;
    }
    return -1;
  }

  /** Whether `written` at [start, end) makes a dictionary word with the character before or after it and `word` makes none. */
  private fitsBetter(text: string, start: number, end: number, written: string, word: string, words: WordFrequencies): boolean {
    const before = start > 0 && isHan(text.charCodeAt(start - 1)) ? (text[start - 1] as string) : '';
    const after = end < text.length && isHan(text.charCodeAt(end)) ? (text[end] as string) : '';
    const fits = (w: string) => (before !== '' && words.frequency(before + w) > 0) || (after !== '' && words.frequency(w + after) > 0);
    return fits(written) && !fits(word);
  }

  /** Whether the clause around [start, end), with `word` written there, is segmented with the word whole. */
  private readsWhole(text: string, start: number, end: number, word: string, segmenter: Segmenter): boolean {
    let from = start;
    while (from > 0 && start - from < CLAUSE_REACH && !BREAK.test(text[from - 1] as string)) from--;
    let to = end;
    while (to < text.length && to - end < CLAUSE_REACH && !BREAK.test(text[to] as string)) to++;
    // One token must cover the whole word (it may sit inside a longer one: "民法|甬则" reads "民法通则").
    let at = from;
    for (const w of segmenter(text.slice(from, start) + word + text.slice(end, to))) {
      const next = at + w.length;
      if (next > start) return at <= start && next >= end;
      at = next;
    }
    return false;
  }
}
