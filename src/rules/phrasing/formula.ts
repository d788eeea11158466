import formulasRaw from '../../../dictionaries/phrasing/formulas.json';
import functionWordsRaw from '../../../dictionaries/phrasing/function-words.json';
import lexiconRaw from '../../../dictionaries/phrasing/lexicon.json';
import seenRaw from '../../../dictionaries/phrasing/lexicon-variants-seen.json';
import seriesRaw from '../../../dictionaries/phrasing/series.json';
import synonymsRaw from '../../../dictionaries/phrasing/synonyms.json';
import { defineRule, type Segmenter, type WordFrequencies } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { sourceOf } from './term-near-miss.js';
import { enumerations, keepsFrame, wildcardKey } from './helpers/series.js';
import { allLookalikes } from '../../knowledge/lookalikes.js';
import { likeness } from '../../text/near-miss.js';
import { foldedSegments, foldPattern, isHan, PatternSet, patternUnion, q, type PatternHit, type PatternUnion } from '../../text/patterns.js';
import { cutsAround, overlapIndex } from '../../text/spans.js';

/**
 * Word-level edits of fixed formulas. A fixed formula (生态文明建设, 党史学习教育, 山水林田湖草沙) is a
 * sequence of units; the errors inspectors report are single edits of that sequence: two neighbouring
 * units swapped (文明生态建设), an inner unit dropped (山水林田湖沙), a unit added inside (习近平同志新时代…),
 * the head unit taken from a sibling formula of the same family (毛泽东理论 from 邓小平理论, 党史教育活动
 * from 先进性教育活动), or the last unit dropped right before 为指导. Numbered formulas (四个意识) are
 * checked by number and head word, ordered member lists (经济建设、政治建设 …) by their order, and the series
 * the authoritative texts repeat (道路自信、理论自信、制度自信、文化自信) by their members (see {@link seriesEdits}).
 * Every variant is generated from the list once per process, so a check is one scan of the text; the
 * segmenter, when present, must agree that a variant starts and ends on word boundaries.
 *
 * With the segmenter and its word counts, the same edits are made of the sourced lexicon's fixed terms
 * (dictionaries/phrasing/lexicon.json), split into units by the segmenter (see {@link lexiconVariantList}):
 * 全面建设现代化社会主义国家, 中华传统优秀文化, 人类共同命运体 and 铸牢中华民族意识 are found with the term as
 * the replacement, while 生态建设, 党史教育 and 国家科技重大专项 (phrases of their own) stay clean. A word of such a
 * term replaced by one of the same length (人类命运联合体, 整体国家安全观, 新发展思想, 党史学习活动, and at the
 * place of a name any common word of its kind: 国家治理体系和治理水平现代化, 民族地区自治制度) is advice:
 * see {@link lexiconReplaceSlots} and {@link replacedWord}; the places are found by an anchor (the longer side of
 * the term around the word) in the same scan.
 */

interface Formula {
  /** The formulas.json entry; a lexicon term has none (its source is `source`). */
  readonly entry?: Entry;
  readonly source: string;
  readonly canonical: string;
  readonly units: readonly string[];
  readonly family?: string;
  readonly validFrom?: string;
}

interface Numbered {
  readonly entry: Entry;
  readonly canonical: string;
  readonly number: string;
  readonly classifier: string;
  readonly head: string;
  readonly strict: boolean;
  readonly members: readonly string[];
  readonly ordered: boolean;
  readonly verbs: readonly string[];
  readonly after: readonly string[];
  readonly former: readonly { number: string; validTo: string }[];
}

type Member = { readonly formula: Numbered; readonly index: number };
type Tagged =
  | { readonly known: true }
  | { readonly lexiconTerm: true }
  | { readonly variant: Variant }
  | { readonly prefix: { formula: Formula; rest: string } }
  | { readonly member: Member }
  | { readonly slot: ReplaceSlot; readonly anchorLeft: boolean };

type Kind = 'swap' | 'drop' | 'replace' | 'tail' | 'add';

interface Variant {
  readonly formula: Formula;
  readonly kind: Kind;
  /** The replacement when it is not the canonical form itself (the quoted slogan kept in quotes). */
  readonly expected?: string;
  /** A computed variant of a lexicon term (see {@link lexiconVariants}), not of a listed formula. */
  readonly lexicon?: true;
  /** A weaker variant, reported as advice whatever the rule's severity. */
  readonly advisory?: true;
  /** Weaker still: reported as a hint (info). */
  readonly hint?: true;
  /** A character dropped inside a word of a lexicon term, not a word. */
  readonly char?: true;
}

const NUMERAL_CHAR = /[〇零一二三四五六七八九十百千万亿两0-9]/;

/** A formula's wording is complete here: what follows a guiding ideology or a list of them. */
const GUIDANCE = /^(?:为指导|为指引|为根本遵循|为行动指南|作为行动指南|武装头脑|的指导地位|为引领)/;
/** Characters an added unit never consists of: particles, conjunctions and list marks are style, not edits. */
const FUNCTION = /[的之和与及、,，;；:：“”"()（）]/;
const NUMERAL = /([两一二三四五六七八九十]{1,2})([个位大项])/g;

/** One word-level edit of a unit sequence: the edited string, its kind, and the unit it is at. */
export interface UnitEdit {
  readonly text: string;
  readonly kind: 'swap' | 'drop';
  /** Swap: the first of the two units swapped (or of the conjuncts, for a swap across 和); drop: the unit dropped. */
  readonly at: number;
  /** A swap of the two conjuncts around the conjunction at `at + 1`. */
  readonly conjuncts?: true;
}

/**
 * The word-level edits of a fixed sequence of units that inspectors report: two neighbouring units
 * swapped (with three or more units), the two conjuncts around 和/与/及/、 swapped, and an inner unit
 * dropped (with at least `dropFrom` units). What phrasing/formula checks for the listed formulas and, under
 * stronger guards, for the lexicon's terms (see {@link lexiconVariants}).
 */
export function* unitEdits(u: readonly string[], dropFrom: number): Generator<UnitEdit> {
  const n = u.length;
  if (n >= 3) {
    for (let i = 0; i + 1 < n; i++) yield { text: [...u.slice(0, i), u[i + 1], u[i], ...u.slice(i + 2)].join(''), kind: 'swap', at: i };
    for (let i = 0; i + 2 < n; i++) if (/^[和与及、]$/.test(u[i + 1] as string)) yield { text: [...u.slice(0, i), u[i + 2], u[i + 1], u[i], ...u.slice(i + 3)].join(''), kind: 'swap', at: i, conjuncts: true };
  }
  if (n >= dropFrom) for (let i = 1; i < n - 1; i++) yield { text: [...u.slice(0, i), ...u.slice(i + 1)].join(''), kind: 'drop', at: i };
}

const dict = parseDictionary(formulasRaw, 'phrasing/formulas.json');
const strings = (v: unknown): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]).map(foldPattern) : []);

class FormulaBook {
  readonly formulas: Formula[] = [];
  readonly numbered: Numbered[] = [];
  readonly byHead = new Map<string, Numbered[]>();
  readonly byNumber = new Map<string, Numbered[]>();
  /** Head words by their first character, longest first. */
  readonly headsByFirst = new Map<string, string[]>();
  /**
   * One automaton for four kinds of pattern, so a check scans the text once: known forms (canonical, and
   * accepted shorter or older forms: a variant overlapping one is no error), variants, the first units of
   * long formulas (for additions: the rest must follow after a short gap) and members of ordered lists.
   */
  readonly all = new PatternSet<Tagged>();

  constructor() {
    const knownStrings = new Set<string>();
    for (const e of dict.entries) {
      const canonical = foldPattern(e.patterns[0] as string);
      knownStrings.add(canonical);
      for (const x of strings(e.exceptions)) knownStrings.add(x);
      if (typeof e.number === 'string') {
        const n: Numbered = {
          entry: e,
          canonical,
          number: e.number,
          classifier: typeof e.classifier === 'string' ? e.classifier : '个',
          head: foldPattern(e.head as string),
          strict: e.strict === true,
          members: strings(e.members),
          ordered: e.ordered === true,
          verbs: strings(e.verbs),
          after: strings(e.after),
          former: Array.isArray(e.formerNumbers) ? (e.formerNumbers as { number: string; validTo: string }[]) : [],
        };
        this.numbered.push(n);
        push(this.byHead, n.head, n);
        push(this.byNumber, n.number, n);
        if (n.ordered) n.members.forEach((m, index) => this.all.add(m, { member: { formula: n, index } }));
      } else {
        const units = strings(e.units);
        this.formulas.push({ entry: e, source: e.source, canonical, units, ...(typeof e.family === 'string' ? { family: e.family } : {}), ...(typeof e.validFrom === 'string' ? { validFrom: e.validFrom } : {}) });
      }
    }
    for (const head of [...this.byHead.keys()].sort((x, y) => y.length - x.length)) push(this.headsByFirst, head[0] as string, head);
    for (const s of knownStrings) this.all.add(s, { known: true });
    const seen = new Set<string>(knownStrings);
    const add = (s: string, v: Variant) => {
      if (seen.has(s) || s.length < 4) return;
      seen.add(s);
      this.all.add(s, { variant: v });
    };
    for (const formula of this.formulas) {
      const u = formula.units;
      const n = u.length;
      // Two neighbouring units swapped (across a conjunction, the two conjuncts); an inner unit dropped, when
      // what is left is still a list of three or more units.
      for (const edit of unitEdits(u, 4)) add(edit.text, { formula, kind: edit.kind });
      if (n >= 4) {
        for (let k = 1; k <= n - 2; k++) {
          const head = u.slice(0, k).join('');
          if (head.length >= 2) {
            const rest = u.slice(k).join('');
            this.all.add(head, { prefix: { formula, rest } });
          }
        }
      }
    }
    // The head unit taken from a sibling formula of the same family.
    for (const formula of this.formulas) {
      if (!formula.family) continue;
      const stem = formula.units.slice(0, -1).join('');
      const own = formula.units[formula.units.length - 1] as string;
      for (const other of this.formulas) {
        if (other === formula || other.family !== formula.family) continue;
        const head = other.units[other.units.length - 1] as string;
        if (head === own || stem.length < 2 || stem.length + head.length < 5) continue;
        add(stem + head, { formula, kind: 'replace' });
        // A campaign named after a slogan quotes it: “不忘初心、牢记使命”教育活动.
        add(`“${stem}”${head}`, { formula, kind: 'replace', expected: `“${stem}”${own}` });
      }
    }
    // The last unit dropped (checked only before a context that needs the whole formula).
    for (const formula of this.formulas) {
      if (formula.units.length >= 3) add(formula.units.slice(0, -1).join(''), { formula, kind: 'tail' });
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let book: FormulaBook | undefined;
function formulaBook(): FormulaBook {
  book ??= new FormulaBook();
  return book;
}

/** dictionaries/phrasing/lexicon.json as built by scripts/build-lexicon.ts: term → [documents, where, legit neighbours]. */
const lexicon = (lexiconRaw as unknown as { readonly entries: Readonly<Record<string, readonly [number, string, string?]>> }).entries;
/** Where a lexicon term is written, in words (its source documents, or a list entry's source). */
const termSource = (term: string): string => sourceOf((lexicon[term] as readonly [number, string])[1]);
/**
 * dictionaries/phrasing/lexicon-variants-seen.json (scripts/build-lexicon-variants.ts): the lexicon variants
 * the lexicon's own source documents write on word boundaries. Official texts write them, so they are
 * phrases of their own (军民融合深度发展, 国家科技重大专项), not slips.
 */
const seenVariants = (seenRaw as unknown as { readonly entries: Readonly<Record<string, string>> }).entries;
/**
 * The same file's `substitutes`: spans the sources write with a word of a term replaced by a word that shares no
 * character with it and fills no sibling's slot (人与自然和谐发展 beside 人与自然和谐共生). The place takes other
 * words in official text, so any word there is no slip; a related word (共处) still is.
 */
const seenSubstitutes = (seenRaw as unknown as { readonly substitutes?: Readonly<Record<string, string>> }).substitutes ?? {};
/**
 * Swaps whose two turned stretches, in the order written, are a CC-CEDICT headword (社会经济发展 beside 经济社会发展: 社会经济
 * is "socio-economic"): maybe a compound of its own, so a hint (lexicon-variants-seen.json's `compounds`). A 2016
 * county news item's 随着社会经济发展转入新常态 drew an error.
 */
const seenCompounds = (seenRaw as unknown as { readonly compounds?: Readonly<Record<string, string>> }).compounds ?? {};
/** A source id of a Party document: the congress reports and the Party Constitution. */
const PARTY = /(?:^| )cpc-/g;
const HAN_ONLY = /^[\u3400-\u9fff]+$/;
/** A substitute that shares no character with the word and fills no sibling's slot must be this common a word (scripts/build-function-words.ts's MIN_COUNT). */
const SUBSTITUTE_COUNT = 100;
/** dictionaries/phrasing/function-words.json: jieba's common function words of two or three characters (numerals, pronouns, conjunctions …). */
const functionWords = new Set(Object.keys((functionWordsRaw as { readonly entries: Readonly<Record<string, string>> }).entries));

/**
 * dictionaries/phrasing/synonyms.json (scripts/build-synonyms.ts, from 同义词词林（扩展版）): each word of two or
 * three characters → the synonym groups it is in. A word written in the place of a term's word that is its
 * synonym (系统/体系, 战斗/斗争, 标准/规格) is related to it, as a shared character or a sibling's word is.
 */
let synonymGroups: ReadonlyMap<string, readonly number[]> | undefined;
function synonymGroupsOf(): ReadonlyMap<string, readonly number[]> {
  if (synonymGroups) return synonymGroups;
  const out = new Map<string, number[]>();
  Object.values((synonymsRaw as { readonly entries: Readonly<Record<string, string>> }).entries).forEach((group, g) => {
    for (const w of group.split(' ')) {
      const gs = out.get(w);
      if (gs) gs.push(g);
      else out.set(w, [g]);
    }
  });
  return (synonymGroups = out);
}
/** Whether the thesaurus puts `a` and `b` in one synonym group. */
export function synonymous(a: string, b: string): boolean {
  // Built on first use: most texts never ask (a word between a term's exact neighbours is rare).
  const groups = synonymGroupsOf();
  const ga = groups.get(a);
  const gb = ga && groups.get(b);
  return gb !== undefined && ga!.some((g) => gb.includes(g));
}

/** A word-level variant of a lexicon term, as {@link lexiconVariantList} computes it. */
export interface LexiconVariant {
  readonly text: string;
  readonly term: string;
  readonly kind: 'swap' | 'drop';
  /** Reported as advice (a warning), not as an error. */
  readonly advisory: boolean;
  /** Reported as a hint (info): the variant is a head before a term of its own (see {@link lexiconVariantList}). */
  readonly hint?: true;
  /** A character dropped inside a word, not a word (see {@link lexiconVariantList}). */
  readonly char?: true;
}

/**
 * Word-level variants of the lexicon's fixed terms, with the segmenter that splits each term into its units
 * and the word counts that say which strings are words. Only a term of five or more ideographs in three or
 * more units takes part, and only one the lists name (protected terms, institutions) or a Party document
 * uses (the congress reports, the Party Constitution): a phrase only government work reports use is too
 * loose a wording to call a variant of it a slip. A variant is a swap of two neighbouring content units
 * (or of the conjuncts around 和) or, for a term the lists name or two Party documents use, an inner
 * content unit of two or more characters dropped; and it is kept only when it has five or more characters
 * and is no lexicon term, no dictionary word, nor a string the sources write (`skipSeen`), when the two
 * units it puts side by side do not make a dictionary word (生态建设, 党史教育 are phrases of their own),
 * and when no other term gives the same string. A swap of a term the lists name or two Party documents use is
 * an error; any other variant is advice.
 *
 * Precision, measured before any tightening (every lexicon term of five or more characters in three or more
 * segmenter words, every neighbour swap and inner drop that is no term and no dictionary word, word
 * boundaries not checked): 18 hits on test/fixtures/clean (省人大常委会 ×6 from 省人大及其常委会, 发展主要目标,
 * 重要讲话指示批示精神, 一般预算收入, 疾病控制体系, 人民生命财产安全, 加快项目建设 …), 3 on the clean twins
 * (要素市场化改革, 乡村振兴衔接, 生态环境持续), none on clean-sensitive, and 716 on the lexicon's 47 source
 * documents (595 of them drops). Tightened by mechanism: only terms a Party document or a list holds, no
 * particle or conjunction moved or dropped, drops only of terms the lists or two Party documents hold and never
 * where the units put side by side make a word, word boundaries by the segmenter, a longer term written
 * across an end: nothing left on the clean corpora, the portal pages, the trap sentences or any clean twin,
 * and 61 occurrences (35 strings: 军民融合深度发展, 国家科技重大专项, 人民获得感 …) on the source documents,
 * which lexicon-variants-seen.json now holds as right (so there the figure after is nought by construction).
 */
/** A lexicon term that takes part in word-level edits, cut into units once (see {@link lexiconUnits}). */
interface TermUnits {
  readonly term: string;
  /** A list names it (protected terms, institutions): no document count. */
  readonly listed: boolean;
  /** A list names it or two Party documents use it: drops and replaced words are checked too. */
  readonly strong: boolean;
  /**
   * One Party document and SEMI_DOCUMENTS documents in all use it (新型举国体制, 守正创新: terms newer than the
   * 2017 Party Constitution, which only the 20th Congress report among the Party documents here can hold, and
   * the government work reports repeat): a word replaced by a related one is checked too, never by any word of
   * its kind (see {@link lexiconReplaceSlots}).
   */
  readonly semi: boolean;
  /** The segmenter's words of the term. */
  readonly segmented: readonly string[];
  /** The same with compounds split into dictionary words (see `splitUnit`), and which of those parts stay put. */
  readonly fine: readonly string[];
  readonly pinned: ReadonlySet<number>;
}

/** `build()`, remembered in `cache` per segmenter and word counts (the lexicon's cuts depend on both). */
function perRuntime<T>(cache: WeakMap<Segmenter, WeakMap<WordFrequencies, T>>, segmenter: Segmenter, words: WordFrequencies, build: () => T): T {
  let byWords = cache.get(segmenter);
  if (!byWords) cache.set(segmenter, (byWords = new WeakMap()));
  let value = byWords.get(words);
  if (value === undefined) byWords.set(words, (value = build()));
  return value;
}

/** How many documents (a Party document among them) make a term fixed enough for related replacements (see `TermUnits.semi`). */
const SEMI_DOCUMENTS = 8;

const unitSets = new WeakMap<Segmenter, WeakMap<WordFrequencies, readonly TermUnits[]>>();
/**
 * The lexicon's terms of five or more ideographs that a list names or a Party document uses, each cut by the
 * segmenter into units, once per segmenter and word counts: the swaps and drops ({@link lexiconVariantList})
 * and the replaced words ({@link lexiconReplaceSlots}) read the same cuts.
 */
function lexiconUnits(segmenter: Segmenter, words: WordFrequencies): readonly TermUnits[] {
  return perRuntime(unitSets, segmenter, words, () => buildLexiconUnits(segmenter, words));
}

function buildLexiconUnits(segmenter: Segmenter, words: WordFrequencies): readonly TermUnits[] {
  const out: TermUnits[] = [];
  for (const [term, [documents, where]] of Object.entries(lexicon)) {
    if (term.length < 5 || !HAN_ONLY.test(term)) continue;
    const party = (where.match(PARTY) ?? []).length;
    const listed = documents === 0;
    if (!listed && party === 0) continue;
    const segmented = segmenter(term);
    if (segmented.join('') !== term) continue;
    // The segmenter keeps a compound whole (人民代表大会, 从严治党, 共同体); its parts are units too, and a part
    // of one character split off a longer word (体, 战, 观) stays where it is.
    const fine: string[] = [];
    const pinned = new Set<number>();
    for (const w of segmented) splitUnit(w, words, fine, pinned);
    out.push({ term, listed, strong: listed || party >= 2, semi: party >= 1 && documents >= SEMI_DOCUMENTS, segmented, fine, pinned });
  }
  return out;
}

/** How many lexicon terms a head must open, each a head before another lexicon term, to be one writers put freely before terms. */
const OPEN_HEAD_TERMS = 10;
let headCounts: Map<string, number> | undefined;
/** For each string that opens a lexicon term whose rest is a lexicon term too (建设|教育强国, 深化|医药卫生体制改革), how many such terms it opens. */
function openHeads(): ReadonlyMap<string, number> {
  if (headCounts) return headCounts;
  headCounts = new Map();
  for (const term of Object.keys(lexicon)) {
    for (let k = 1; k < term.length - 2; k++) if (lexicon[term.slice(k)] !== undefined) headCounts.set(term.slice(0, k), (headCounts.get(term.slice(0, k)) ?? 0) + 1);
  }
  return headCounts;
}

export function lexiconVariantList(segmenter: Segmenter, words: WordFrequencies, skipSeen = true): LexiconVariant[] {
  const byText = new Map<string, LexiconVariant | null>();
  // A content unit: not a particle or conjunction (的, 和, 及其), which moves or goes as style, not as a slip.
  const content = (unit: string | undefined) => unit !== undefined && !/^[的之和与及其或、]+$/.test(unit);
  const word = (s: string) => words.frequency(s) > 0;
  // A variant that is no lexicon term, dictionary word or string the sources write; two terms giving the same
  // string cancel it (which one was meant is not known).
  const offer = (variant: LexiconVariant) => {
    const v = variant.text;
    if (lexicon[v] !== undefined || word(v) || (skipSeen && seenVariants[v] !== undefined)) return;
    const previous = byText.get(v);
    if (previous === undefined) byText.set(v, variant);
    else if (previous !== null && previous.term !== variant.term) byText.set(v, null);
  };
  for (const { term, listed, strong, segmented, fine, pinned } of lexiconUnits(segmenter, words)) {
    const documents = lexicon[term]?.[0] ?? 0;
    const edits: [readonly string[], UnitEdit][] = [];
    for (const edit of unitEdits(segmented, 3)) edits.push([segmented, edit]);
    // A one-character word the segmenter cuts off a compound (供给/侧, 攻坚/战) moves with the word before it.
    const glued = glue(segmented);
    if (glued.length < segmented.length) for (const edit of unitEdits(glued, Infinity)) edits.push([glued, edit]);
    // Parts of words are swapped, never dropped (a part dropped leaves half a word).
    if (fine.length > segmented.length) for (const edit of unitEdits(fine, Infinity)) edits.push([fine, edit]);
    for (const [u, edit] of edits) {
      if (u === fine && (pinned.has(edit.at) || pinned.has(edit.at + (edit.conjuncts ? 2 : 1)))) continue;
      const v = edit.text;
      if (v.length < 5) continue;
      if (edit.kind === 'swap') {
        const i = edit.at;
        const j = edit.at + (edit.conjuncts ? 2 : 1);
        if (!content(u[i]) || !content(u[j])) continue;
      } else {
        const dropped = u[edit.at] as string;
        if (!strong || dropped.length < 2 || !content(dropped) || word((u[edit.at - 1] as string) + (u[edit.at + 1] as string))) continue;
      }
      // The word after the head dropped, when the head is one the lexicon puts before many terms of their own (建设,
      // 深化, 健全, 基本) and what follows is such a term, as widely written as the whole (建设|文化强国 of
      // 建设社会主义文化强国, 基本|现代化 of 基本实现现代化): a writer may have put the head before the shorter term,
      // as 习近平文化思想's 建设文化强国 does, so this is a hint, not a warning. Not 中国|社会主义 or
      // 绿水青山|金山银山: 中国 and 绿水青山 head few terms. And a swap into a CC-CEDICT headword (see `seenCompounds`).
      const hint =
        (edit.kind === 'swap' && seenCompounds[v] !== undefined) ||
        (edit.kind === 'drop' && !listed && edit.at === 1 && (openHeads().get(u[0] as string) ?? 0) >= OPEN_HEAD_TERMS && (lexicon[u.slice(2).join('')]?.[0] ?? 0) >= Math.max(1, documents));
      offer({ text: v, term, kind: edit.kind, advisory: !(strong && edit.kind === 'swap'), ...(hint ? { hint: true as const } : {}) });
    }
    // A character dropped inside a word of three or more (供给侧结构性改革 as 供给侧结构改革, 社会主义现代化国家 as
    // 社会主义现代国家): only in a term a list names or two Party documents use, of six or more characters, never its
    // first or last character nor a numeral (党的二十大 is no slip of 党的二十二大); the rest as for the word-level drops
    // above. Taken also for terms five documents write (全过程人民民主 as 全程人民民主), it warned twice on clean text
    // (现代产业体系, the older term, for 现代化产业体系, which one Party document holds), so it is not.
    if (strong && term.length >= 6) {
      let at = 0;
      for (const unit of segmented) {
        for (let k = 0; unit.length >= 3 && k < unit.length; k++) {
          const p = at + k;
          if (p === 0 || p === term.length - 1 || NUMERAL_CHAR.test(unit[k] as string)) continue;
          offer({ text: term.slice(0, p) + term.slice(p + 1), term, kind: 'drop', advisory: true, char: true });
        }
        at += unit.length;
      }
    }
  }
  return [...byText.values()].filter((x): x is LexiconVariant => x !== null);
}

/**
 * One place of a lexicon term where a word may be replaced: the units before it, the word, the units after
 * it, and the words written in the same place of sibling terms (see {@link lexiconReplaceSlots}).
 */
export interface ReplaceSlot {
  readonly term: string;
  readonly left: string;
  readonly unit: string;
  readonly right: string;
  readonly siblings: ReadonlySet<string>;
  /** The term is fixed enough that any content word of the same length in the word's place is a slip (see {@link replacedWord}). */
  readonly anyWord: boolean;
}

/**
 * The places of the lexicon's fixed terms where a word may be replaced by another of the same length
 * (人类命运联合体 for 人类命运共同体, 新发展思想 for 新发展理念): every content word of two or more
 * characters of a term of five or more ideographs in three or more segmenter words that the lists name or
 * two Party documents use. A slot's siblings are the words other such terms write between the same two
 * neighbours (发展理念 at a term's end beside 发展思想 at another's: 理念 and 思想 fill one slot), and, for a
 * listed formula of a family, the last words of the family's members (教育, 活动). Which replacement is
 * plausible, and the guards, are {@link replacedWord}'s.
 *
 * Precision, measured before any tightening (every content word a slot, head included; siblings by their two
 * neighbours; the span no term, no word, on word boundaries): 8 findings on test/fixtures/clean (学习贯彻党 and
 * 深入贯彻党 for 全面贯彻党), none on clean-sensitive, the clean twins or the trap sentences, and 83 on the
 * lexicon's 47 source documents (深入贯彻党, 基本经营制度, 党的政治路线, 建设和治理, 发展的根本, 国家安全体制 …).
 * Tightened by mechanism: no head word unless a list names the term (0 on the fixtures, 45 on the sources), no
 * word after a particle, conjunction, 不, 中 or 更加 nor before a conjunction (24), no term ending in a word of
 * one character, no degree adverb, no coordination as the substitute, the substitute one segmenter word (18);
 * the 18 left (基本经营制度, 国家安全体制, 公共文化服务网络, 全面建设小康社会 …) are places the sources fill with
 * another word, so those places are open (lexicon-variants-seen.json holds the spans; nought on the sources
 * after, by construction), in every term that holds the one they are written in.
 *
 * A slot also says whether any word of the word's kind may be taken for a slip there (`anyWord`, see
 * {@link replacedWord}): the synonyms that share no character and fill no sibling's slot (治理水平 for 治理能力,
 * 共同体观念 for 共同体意识, 民族地区 for 民族区域, 京津冀合作 for 京津冀协同). Only at the place of a name: the
 * term without the word is no lexicon term or dictionary word of its own (乡村振兴|战略, 全社会|文明,
 * 经济|健康|发展 are a phrase and a head or modifier a writer picks), both neighbours of the word are words of
 * two or more characters (以|人民|为中心, 稳健|的|货币政策), and the sources write no span with another such word
 * there (lexicon-variants-seen.json's `substitutes`: 人与自然和谐发展 closes 人与自然和谐共生's last place to any
 * word, not to 共处). Precision, measured on the clean fixtures (test/fixtures/clean, clean-sensitive, every
 * clean twin) and the lexicon's 45 source documents, before any tightening (every term a Party document holds
 * or five documents write, every slot, any content word): 46 findings at warning on test/fixtures/clean (中国式
 * 现代化迈出 for 中国式现代化建设, 党的二十届三中全会精神, 乡村振兴讲话), 2 on clean-sensitive, 11 on the twins
 * (基层治理水平 for 基层治理体系, 区域发展政策) and 2,358 on the sources. Tightened by mechanism: only the terms
 * two Party documents or a list hold (4, 0, 2, 353: a phrase government work reports repeat is no name), the
 * term without the word no term or word and no one-character neighbour (0, 0, 0, 78: 格局加速形成,
 * 战略人才力量, 党的群众基础), and the places the sources fill so closed to any word (nought on the sources
 * after, by construction: 92 spans).
 *
 * The terms one Party document and eight documents in all hold (`TermUnits.semi`: 新型举国体制, 守正创新, 党的群众路线
 * — newer than the 2017 Party Constitution, the only Party documents here that could hold them being the 20th Congress
 * report) take related replacements only: a word sharing a character in place or its thesaurus synonym, never any
 * word of its kind and never a sibling's word. Measured once (issue 12): formulas-own4 15.8 % → 22.8 % found (14.0 % →
 * 21.1 % right first), formulas-own5 30.0 % → 32.5 %, formulas-own3 42.4 % → 45.5 % (39.4 % → 42.4 %). Before
 * tightening (siblings and any word allowed, as for the stronger terms) a false alarm on two clean twins (健全社会治理体系
 * for 健全社会保障体系, 重点地区就业 for 重点群体就业: places the work reports fill freely) and a tie that silenced
 * 新发展思想 (formulas-own2 71.2 % → 69.2 %); after, nothing new on the 235 files of test/fixtures (clean,
 * clean-sensitive, pages, sites) and examples/, and 23 more spans (84 occurrences) on the sources, now open places
 * by construction (发展文化产业, 科技创新主体, 社会大局保持平稳). Places: 677 → 1,082; slot hits on a portal page
 * 173 → 296, about 1 % of a page's time.
 */
export function lexiconReplaceSlots(segmenter: Segmenter, words: WordFrequencies, skipSeen = true): ReplaceSlot[] {
  // A content word: no degree adverb (体系更加完善 beside 更趋完善 is style).
  const content = (unit: string) => unit.length >= 2 && HAN_ONLY.test(unit) && !/^(?:更加|更趋|更为|进一步|不断|持续)$/.test(unit);
  const units: [string, readonly string[]][] = [];
  const listed = new Set<string>();
  const semiOnly = new Set<string>();
  for (const t of lexiconUnits(segmenter, words)) {
    if (!t.strong && !t.semi) continue;
    if (!t.strong) semiOnly.add(t.term);
    if (t.listed) listed.add(t.term);
    const { segmented, fine } = t;
    // A term that ends in a word of one character is cut out of a longer phrase (全面贯彻党 of 全面贯彻党的二十大精神).
    if (segmented.length < 3 || (segmented[segmented.length - 1] as string).length < 2) continue;
    units.push([t.term, segmented]);
    if (fine.length > segmented.length) units.push([t.term, fine]);
  }
  // The words written between the same two neighbours (a term's start or end counts as one).
  const frame = (u: readonly string[], i: number) => `${u[i - 1] ?? '^'}|${u[i + 1] ?? '$'}`;
  const byFrame = new Map<string, Set<string>>();
  for (const [, u] of units) u.forEach((w, i) => content(w) && push1(byFrame, frame(u, i), w));
  // The last words of a family of listed formulas (campaigns: 学习教育, 主题教育, 教育实践活动) fill one slot.
  const families = new Map<string, Set<string>>();
  const members = new Map<string, string>();
  for (const f of formulaBook().formulas) {
    if (!f.family) continue;
    members.set(f.canonical, f.family);
    const last = segmenter(f.units[f.units.length - 1] as string);
    push1(families, f.family, last[last.length - 1] as string);
  }
  for (const [term, u] of units) {
    const family = members.get(term);
    if (family) for (const w of families.get(family) ?? []) if (content(w)) push1(byFrame, frame(u, u.length - 1), w);
  }
  const seenPairs = Object.entries(seenVariants).filter(([v, t]) => v.length === t.length);
  const substitutePairs = Object.entries(seenSubstitutes);
  const openPlace = (term: string, at: number, n: number, pairs = seenPairs) =>
    pairs.some(([v, t]) => {
      for (let o = term.indexOf(t); o >= 0; o = term.indexOf(t, o + 1)) {
        const k = at - o;
        if (k >= 0 && k + n <= t.length && v.startsWith(t.slice(0, k)) && v.endsWith(t.slice(k + n))) return true;
      }
      return false;
    });
  const seen = new Set<string>();
  const out: ReplaceSlot[] = [];
  for (const [term, u] of units) {
    u.forEach((unit, i) => {
      // Not the head (全面/深入贯彻, 建设/建成, 基本/根本: verbs and modifiers a writer picks), not the word after a
      // particle, conjunction or adverb (党的群众路线/政治路线, 建设和管理/治理, 发展不平衡/不充分), nor the one
      // before a conjunction: those are open places of a phrase, not words of a name.
      if (!content(unit) || (i === 0 && !listed.has(term)) || /^(?:[的之和与及其或、不中]+|更加|更趋)$/.test(u[i - 1] as string) || /^[和与及或、]+$/.test(u[i + 1] ?? '')) return;
      const left = u.slice(0, i).join('');
      const right = u.slice(i + 1).join('');
      const key = `${left}|${unit}|${right}`;
      if (seen.has(key)) return;
      seen.add(key);
      // A place the sources fill with another word of the same length (基本经营制度 beside 基本经济制度) is open, in
      // the term they write it in and in every term that holds that one (健全国家安全体系 holds 国家安全体系).
      if (skipSeen && openPlace(term, left.length, unit.length)) return;
      // A term only fixed enough for related replacements takes no sibling's word (社会治理体系 beside 社会保障体系:
      // the government work reports fill the place freely).
      const siblings = new Set(semiOnly.has(term) ? [] : byFrame.get(frame(u, i)));
      siblings.delete(unit);
      // Any word of the word's kind only where the term is a name, not a phrase with an open place: the term without
      // the word is no term or word of its own (乡村振兴|战略, 全社会|文明, 经济|健康|发展: a head or a modifier a
      // writer picks), and the word's neighbours are words of two or more characters (以|人民|为中心, 稳健|的|货币政策),
      // but for a listed term's last word (稳中求进工作总|基调: a name ends there, so 总要求 is no phrase of its own).
      const rest = left + right;
      // Nor where the sources write such a word (see `seenSubstitutes`).
      const anyWord =
        !semiOnly.has(term) &&
        lexicon[rest] === undefined && words.frequency(rest) === 0 && ((u[i - 1] ?? '  ').length >= 2 || (listed.has(term) && i === u.length - 1)) && (u[i + 1] ?? '  ').length >= 2 && !(skipSeen && openPlace(term, left.length, unit.length, substitutePairs));
      out.push({ term, left, unit, right, siblings, anyWord });
    });
  }
  return out;
}

function push1<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** The anchor a slot is found by: the longer side of the term around the word (at least two characters). */
function slotAnchor(slot: ReplaceSlot): { readonly text: string; readonly anchorLeft: boolean } | undefined {
  const anchorLeft = slot.left.length >= slot.right.length;
  const text = anchorLeft ? slot.left : slot.right;
  return text.length >= 2 ? { text, anchorLeft } : undefined;
}

/** Each place of {@link lexiconReplaceSlots} that has an anchor, with the anchor's text: what the rule and the build script scan for. */
export function* slotAnchors(segmenter: Segmenter, words: WordFrequencies, skipSeen = true): Generator<{ readonly text: string; readonly slot: ReplaceSlot; readonly anchorLeft: boolean }> {
  for (const slot of lexiconReplaceSlots(segmenter, words, skipSeen)) {
    const anchor = slotAnchor(slot);
    if (anchor) yield { text: anchor.text, slot, anchorLeft: anchor.anchorLeft };
  }
}

/**
 * The span a slot's anchor hit stands for, when the text writes the whole term with the slot's word replaced
 * by a plausible substitute: a dictionary word of the same length, other than the term's, that has a
 * character in the same place as the term's word (联合体/共同体, 整体/总体, 科技/科教), fills the same slot
 * in a sibling term (思想/理念), or is its synonym in 同义词词林（扩展版）(synonyms.json: 战斗/斗争, 风味/特色,
 * 系统/体系); or, at a slot that takes any word (`anyWord`, see {@link lexiconReplaceSlots}),
 * any word the segmenter's dictionary counts at least a hundred times and of the same kind as the term's (a
 * function word for a function word, a content word for a content word: dictionaries/phrasing/function-words.json,
 * from jieba's parts of speech), marked `unrelated` (the synonyms of a name: 水平/能力, 观念/意识; the finding says
 * in a note that the word is no look-alike, only the term fixed). Guards: the span is no lexicon term, no dictionary word, and no string the
 * lexicon's source documents write (lexicon-variants-seen.json, with `skipSeen`); the segmenter puts word
 * boundaries at its ends and around the word, or, for a related substitute, glues it only to a neighbour inside
 * the span (中华|优良传统|文化, 现代化|经济体制: formulas-own3 36.4 % → 42.4 %, formulas-own4 12.3 % → 14.0 %; before
 * keeping any word of its kind out of it, 1 false alarm on test/fixtures/clean, 网络信息安全 for 网络信息体系, and
 * 14 spans on the sources, 2 of them related: 发展体制改革, 重大科研项目, now open places by construction).
 * The thesaurus (issue 12, synonyms round): formulas-own4 14.0 % → 15.8 % found (12.3 % → 14.0 % right first),
 * formulas-own5 (written blind before it) 27.5 % → 30.0 % (27.5 % → 30.0 %), every other set unchanged. False
 * alarms before tightening: none on test/fixtures/clean, clean-sensitive or any clean twin, and 2 spans on the
 * sources (国家安全力量 for 国家安全能力, 社会文明水平 for 社会文明程度), now open places by construction. Synonyms
 * at the places this rule leaves open (a head, a word after 的, the words of a four-character term such as
 * 美丽|中国 or of a term of two segmenter words) were tried and not kept: they found 2 or 3 more passages of
 * formulas-own3/4 and wrote 206 and 53 more spans (1,219 and 1,405 occurrences) on the sources, phrases that
 * official text words freely (不断增强 beside 不断加强, 水平不断提高).
 */
/** What a national term's 国 becomes in a local government's (人才强省, 科教兴市, 质量强县) or the army's (人才强军) own version of it. */
const LOCAL_LEVEL = /^[省市县区州盟旗镇乡村军]$/;

export function replacedWord(text: string, hit: { start: number; end: number }, slot: ReplaceSlot, anchorLeft: boolean, segmenter: Segmenter, words: WordFrequencies, skipSeen = true): { start: number; end: number; word: string; unrelated?: true } | undefined {
  const n = slot.unit.length;
  const start = anchorLeft ? hit.start : hit.start - n - slot.left.length;
  if (start < 0) return undefined;
  const at = start + slot.left.length;
  const end = at + n + slot.right.length;
  if (end > text.length || !text.startsWith(slot.left, start) || !text.startsWith(slot.right, at + n)) return undefined;
  const word = text.slice(at, at + n);
  if (word === slot.unit || !HAN_ONLY.test(word) || words.frequency(word) === 0) return undefined;
  // A coordination in place of a word (党和国家 for 党的建设) is no slip of the word.
  if (/[和与及]/.test(word) && !/[和与及]/.test(slot.unit)) return undefined;
  let place = false;
  let changed = 0;
  let localised = true;
  for (let k = 0; k < n; k++) {
    if (word[k] === slot.unit[k]) place = true;
    else {
      changed++;
      localised &&= slot.unit[k] === '国' && LOCAL_LEVEL.test(word[k] as string);
    }
  }
  // A national term localised (人才强县战略, 科教兴市战略): its 国 made a level of local government, or 军 (人才强军战略).
  if (changed === 1 && localised) return undefined;
  // Any other word of the same kind, in a term fixed enough, when the segmenter's dictionary counts it often.
  const unrelated = !place && !slot.siblings.has(word) && !synonymous(word, slot.unit);
  if (unrelated && (!slot.anyWord || words.frequency(word) < SUBSTITUTE_COUNT || functionWords.has(word) !== functionWords.has(slot.unit))) return undefined;
  const span = text.slice(start, end);
  if (lexicon[span] !== undefined || words.frequency(span) > 0 || (skipSeen && (seenVariants[span] !== undefined || seenSubstitutes[span] !== undefined))) return undefined;
  // Word boundaries at the span's ends, and around the substitute: or, for a substitute related to the word, a
  // word the segmenter glues it into with a neighbour of the term inside the span (中华|优良传统|文化,
  // 现代化|经济体制, 网络|综合管理|体系); any word of its kind must stand as a word of its own (网络信息|安全 is no
  // slip of 网络信息体系).
  const b = cutsAround(text, start, end, segmenter, 6);
  if ((start !== 0 && !b.has(start)) || (end !== text.length && !b.has(end))) return undefined;
  const cuts = [...b].sort((x, y) => x - y);
  for (const p of [at, at + n]) {
    if (b.has(p)) continue;
    if (unrelated) return undefined;
    const before = cuts.filter((c) => c < p).pop() ?? -1;
    const after = cuts.find((c) => c > p) ?? Infinity;
    if (before < start || after > end) return undefined;
  }
  // The segmenter reads the substitute as one word (not 和国家 of 党和国家).
  for (const p of cutsAround(text, at, at + n, segmenter, 6)) if (p > at && p < at + n) return undefined;
  return { start, end, word, ...(unrelated ? { unrelated: true as const } : {}) };
}

/**
 * The units with each one-character content word joined to the unit before it (供给/侧/结构性 → 供给侧/结构性),
 * and a negation 不 to the unit after it (不/平衡/不/充分 → 不平衡/不充分).
 */
function glue(units: readonly string[]): string[] {
  const out: string[] = [];
  let negation = false;
  for (const w of units) {
    const last = out[out.length - 1];
    if (negation) out[out.length - 1] = `${last ?? ''}${w}`;
    else if (w.length === 1 && last !== undefined && !/^[的之和与及其或、不]$/.test(w) && !/[的之和与及其或、]$/.test(last)) out[out.length - 1] = last + w;
    else out.push(w);
    negation = w === '不' && !negation;
  }
  return out;
}

/**
 * Appends the units of a segmenter's word to `out`: the word itself, or, when it splits into two
 * dictionary words (人民|代表大会, 从严|治党, 共同|体), the units of each part, most even split first. A
 * part of one character is put in `pinned` (by its index in `out`): a suffix stays put.
 */
function splitUnit(w: string, words: WordFrequencies, out: string[], pinned: Set<number>): void {
  if (w.length >= 3 && HAN_ONLY.test(w)) {
    const half = w.length / 2;
    const cuts = [...Array(w.length - 1).keys()].map((k) => k + 1).sort((x, y) => Math.abs(x - half) - Math.abs(y - half));
    for (const k of cuts) {
      const head = w.slice(0, k);
      const tail = w.slice(k);
      // One character only as the last part of a three-character word (安全|观), never as a head.
      if (head.length < 2 || (tail.length < 2 && w.length !== 3)) continue;
      if (words.frequency(head) === 0 || words.frequency(tail) === 0) continue;
      splitUnit(head, words, out, pinned);
      if (tail.length === 1) pinned.add(out.length);
      splitUnit(tail, words, out, pinned);
      return;
    }
  }
  out.push(w);
}

/** The lexicon's terms (to see one written exactly) and its variants, as one pattern set, per segmenter and word counts. */
const lexiconSets = new WeakMap<Segmenter, WeakMap<WordFrequencies, PatternSet<Tagged>>>();
function lexiconVariants(segmenter: Segmenter, words: WordFrequencies): PatternSet<Tagged> {
  return perRuntime(lexiconSets, segmenter, words, () => buildLexiconVariants(segmenter, words));
}

function buildLexiconVariants(segmenter: Segmenter, words: WordFrequencies): PatternSet<Tagged> {
  const set = withLexiconTerms();
  const formulas = new Map<string, Formula>();
  for (const v of lexiconVariantList(segmenter, words)) {
    let formula = formulas.get(v.term);
    if (!formula) formulas.set(v.term, (formula = { source: termSource(v.term), canonical: v.term, units: [] }));
    set.add(v.text, { variant: { formula, kind: v.kind, lexicon: true, ...(v.advisory ? { advisory: true } : {}), ...(v.hint ? { hint: true } : {}), ...(v.char ? { char: true } : {}) } });
  }
  for (const { text, slot, anchorLeft } of slotAnchors(segmenter, words)) set.add(text, { slot, anchorLeft });
  return set;
}

/** A pattern set of the lexicon's terms, to see one written exactly (across a variant's end, see `findEdits`). */
function withLexiconTerms(): PatternSet<Tagged> {
  const set = new PatternSet<Tagged>();
  for (const term of Object.keys(lexicon)) set.add(term, { lexiconTerm: true });
  return set;
}

/** The lexicon's terms alone (no segmenter: no variants of them), to see one written across a listed formula's variant. */
let lexiconTermsOnly: PatternSet<Tagged> | undefined;
function lexiconTerms(): PatternSet<Tagged> {
  return (lexiconTermsOnly ??= withLexiconTerms());
}

/** A finding in folded coordinates. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly expected: string;
  readonly message: string;
  readonly entryId?: string;
  readonly source: string;
  readonly advisory?: true;
  readonly hint?: true;
  readonly note?: string;
}

/** Whether the segmenter puts word boundaries at `start`, `end` and every `inner` position (always, without one). */
export function onBoundaries(text: string, start: number, end: number, segmenter: Segmenter | undefined, inner: readonly number[] = []): boolean {
  if (!segmenter) return true;
  const b = cutsAround(text, start, end, segmenter, 6);
  return (start === 0 || b.has(start)) && (end === text.length || b.has(end)) && inner.every((p) => b.has(p));
}

const KIND: Record<Kind, string> = { swap: '词序颠倒', drop: '漏词', replace: '用词错误', tail: '漏词', add: '多词' };

function describe(kind: Kind, actual: string, formula: Formula, lexicon = false, char = false): string {
  if (char) return `疑似固定提法漏字：${q(actual)}是规范表述${q(formula.canonical)}漏掉了一个字，应为${q(formula.canonical)}。`;
  if (lexicon) return `疑似固定提法${KIND[kind]}：${q(actual)}是规范表述${q(formula.canonical)}${kind === 'swap' ? '调换了两个词的次序' : '漏掉了一个词'}，应为${q(formula.canonical)}。`;
  return `固定提法${KIND[kind]}：${q(actual)}应为${q(formula.canonical)}。`;
}

function findEdits(b: FormulaBook, text: string, found: readonly PatternHit<Tagged>[], date: string, segmenter: Segmenter | undefined, words?: WordFrequencies): Edit[] {
  const out: Edit[] = [];
  const known: PatternHit<unknown>[] = [];
  const variants: PatternHit<Variant>[] = [];
  const prefixes: PatternHit<{ formula: Formula; rest: string }>[] = [];
  const members: PatternHit<Member>[] = [];
  const terms: PatternHit<unknown>[] = [];
  const slots: PatternHit<{ slot: ReplaceSlot; anchorLeft: boolean }>[] = [];
  for (const h of found) {
    const v = h.value;
    if ('known' in v) known.push(h);
    else if ('lexiconTerm' in v) terms.push(h);
    else if ('variant' in v) variants.push({ ...h, value: v.variant });
    else if ('prefix' in v) {
      // Only a head whose rest follows after a gap of one or two characters can be an addition.
      if (text.startsWith(v.prefix.rest, h.end + 1) || text.startsWith(v.prefix.rest, h.end + 2)) prefixes.push({ ...h, value: v.prefix });
    }
    else if ('member' in v) members.push({ ...h, value: v.member });
    else if ('slot' in v) slots.push(h as PatternHit<{ slot: ReplaceSlot; anchorLeft: boolean }>);
  }
  // Hits by start, so that a span's overlapping hits are read from a window, not from the whole text (a
  // megabyte of one formula repeated gives tens of thousands of each).
  const nearKnown = overlapIndex(known);
  const nearTerms = overlapIndex(terms);
  // A known form overlapping the span, other than one inside it, means the text says something else.
  const overlapsKnown = (s: number, e: number) => nearKnown(s, e, (k) => k.start < e && s < k.end && (k.start < s || k.end > e));
  // A lexicon term written exactly across an end of a lexicon variant: the text says that term (全面推进党的建设新的伟大工程).
  // Across the end of a listed formula's variant too, segmenter or not: 全面建成社会主义现代化强国 is no 全面建成小康社会
  // with 小康 dropped. (Not across its start: 党的群众路线 before 群众路线学习教育 is the formula's own head.)
  // (Three characters or more in common: a two-character unit shared with a neighbouring term, 建设全国, is a collocation.)
  const overlapsTerm = (s: number, e: number, lexiconVariant: boolean) =>
    nearTerms(s, e, (k) => Math.min(e, k.end) - Math.max(s, k.start) >= 3 && ((lexiconVariant && k.start < s) || k.end > e));
  const current = (f: Formula) => f.validFrom === undefined || f.validFrom <= date;
  for (const hit of variants) {
    const { formula, kind } = hit.value;
    if (!current(formula) || overlapsKnown(hit.start, hit.end) || overlapsTerm(hit.start, hit.end, hit.value.lexicon === true)) continue;
    if (kind === 'tail' && !GUIDANCE.test(text.slice(hit.end, hit.end + 5))) continue;
    if (!onBoundaries(text, hit.start, hit.end, segmenter)) continue;
    out.push({
      start: hit.start,
      end: hit.end,
      expected: hit.value.expected ?? formula.canonical,
      message: describe(kind, hit.pattern, formula, hit.value.lexicon, hit.value.char),
      ...(formula.entry ? { entryId: formula.entry.id } : {}),
      source: formula.source,
      ...(hit.value.advisory ? { advisory: true as const } : {}),
      ...(hit.value.hint
        ? {
            hint: true as const,
            note:
              kind === 'swap'
                ? `调换后的两段按所写次序本身成词（见 CC-CEDICT），${q(hit.pattern)}也可能是有意的写法；若不是这一提法，请忽略。`
                : `少的是首词之后的一个词，余下的部分本身是常用提法，${q(hit.pattern)}也可能是有意的写法；若不是漏字，请忽略。`,
          }
        : {}),
    });
  }
  // A word of a fixed term replaced (人类命运联合体): advice, and only when one term explains the span.
  if (segmenter && words && slots.length > 0) {
    const spans = new Map<string, { start: number; end: number; word: string; slots: { slot: ReplaceSlot; unrelated: boolean }[] }>();
    for (const hit of slots) {
      const r = replacedWord(text, hit, hit.value.slot, hit.value.anchorLeft, segmenter, words);
      if (!r || overlapsKnown(r.start, r.end) || overlapsTerm(r.start, r.end, true)) continue;
      const key = `${r.start}:${r.end}`;
      const span = spans.get(key);
      const slot = { slot: hit.value.slot, unrelated: r.unrelated === true };
      if (span) span.slots.push(slot);
      else spans.set(key, { start: r.start, end: r.end, word: r.word, slots: [slot] });
    }
    for (const { start, end, word, slots: all } of spans.values()) {
      // A term whose word the substitute is related to (a character in place, a sibling's word) explains the span
      // before one that only any word of its kind would.
      const related = all.filter((c) => !c.unrelated);
      const unrelated = related.length === 0;
      const candidates = (unrelated ? all : related).map((c) => c.slot);
      const terms = new Set(candidates.map((c) => c.term));
      if (terms.size !== 1) continue;
      const slot = candidates[0] as ReplaceSlot;
      const actual = text.slice(start, end);
      out.push({
        start,
        end,
        expected: slot.term,
        message: `疑似固定提法用词错误：${q(actual)}与规范表述${q(slot.term)}只差一个词（${q(word)}应为${q(slot.unit)}），应为${q(slot.term)}。`,
        source: termSource(slot.term),
        advisory: true,
        // A word that is no look-alike, synonym or sibling of the term's rests on the term alone: a hint (info). Two
        // such warnings on 82 passages of 2023–2026 official news (伟大抗战精神 for 伟大建党精神, 先进性和纯洁性得以保持
        // for 先进性和纯洁性建设), where the writer meant another phrase.
        ...(unrelated ? { hint: true as const, note: `${q(word)}与${q(slot.unit)}不共字，也不是同类提法同一位置的词；只因${q(slot.term)}在权威文本中多见且从未写作${q(actual)}而提示。若此处本不是这一提法，请忽略。` } : {}),
      });
    }
  }
  for (const hit of prefixes) {
    const { formula, rest } = hit.value;
    if (!current(formula)) continue;
    for (let gap = 1; gap <= 2; gap++) {
      const p = hit.end + gap;
      if (!text.startsWith(rest, p)) continue;
      const extra = text.slice(hit.end, p);
      let han = true;
      for (let i = 0; i < extra.length; i++) han &&= isHan(extra.charCodeAt(i));
      if (!han || FUNCTION.test(extra) || overlapsKnown(hit.start, p + rest.length)) continue;
      if (!onBoundaries(text, hit.start, p + rest.length, segmenter, [hit.end, p])) continue;
      const actual = text.slice(hit.start, p + rest.length);
      out.push({ start: hit.start, end: p + rest.length, expected: formula.canonical, message: describe('add', actual, formula), ...(formula.entry ? { entryId: formula.entry.id } : {}), source: formula.source });
    }
  }
  numberedEdits(b, text, date, out);
  orderEdits(members, text, out);
  seriesEdits(text, segmenter, out);
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out.filter((m, k) => k === 0 || m.start >= (out[k - 1] as Edit).end);
}

/** A series the authoritative texts write in two or more documents (dictionaries/phrasing/series.json). */
interface FixedSeries {
  readonly key: string;
  readonly members: readonly string[];
  readonly source: string;
  /** Places where the sources write another member instead, in a series as long. */
  readonly open: ReadonlySet<number>;
  /** Members a longer series writes beside the others: right in any place. */
  readonly beside: ReadonlySet<string>;
}

const seriesEntries = (seriesRaw as unknown as { readonly entries: Readonly<Record<string, readonly [number, string, string, string]>> }).entries;
interface SeriesIndex {
  /** The fixed series by each of their members' places left out (see `wildcardKey`). */
  readonly byWildcard: ReadonlyMap<string, readonly { readonly series: FixedSeries; readonly at: number }[]>;
  /** The most members a fixed series has: a longer run of 、 is no fixed series with one member changed. */
  readonly most: number;
}
let seriesIndex: SeriesIndex | undefined;
function fixedSeries(): SeriesIndex {
  if (seriesIndex) return seriesIndex;
  const byWildcard = new Map<string, { series: FixedSeries; at: number }[]>();
  let most = 0;
  for (const [key, [, where, open, beside]] of Object.entries(seriesEntries)) {
    const members = key.split('、');
    most = Math.max(most, members.length);
    const series: FixedSeries = { key, members, source: sourceOf(where), open: new Set(open ? open.split(' ').map(Number) : []), beside: new Set(beside ? beside.split(' ') : []) };
    members.forEach((_, at) => push(byWildcard, wildcardKey(members, at), { series, at }));
  }
  return (seriesIndex = { byWildcard, most });
}

/** Whether every character `written` changes is linked to the meant one by sound or shape (法制化 for 法治化, 病有所依 for 病有所医). */
function slipOf(meant: string, written: string): boolean {
  let changed = 0;
  for (let c = 0; c < meant.length; c++) {
    if (meant[c] === written[c]) continue;
    changed++;
    if (likeness(meant[c] as string, written[c] as string, allLookalikes()) === null) return false;
  }
  return changed === 1;
}

/**
 * A fixed series written with one member changed (道路自信、理论自信、制度自信、民族自信; 政治意识、大局意识、核心意识、
 * 忧患意识; 幼有所育 … 病有所依 …): the series the authoritative texts write in two or more documents, every other
 * member in place, and the written member keeping what the members share in place (自信, 意识) or half the meant
 * member, or, with members of two characters or at a place the sources fill with another member, a slip of it by
 * sound or shape (see helpers/series.ts and scripts/build-series.ts). The member a longer series writes beside
 * the others (文化强国 beside 教育强国、科技强国、人才强国) is right; so is a series two fixed ones could explain.
 * The first and last members are cut from the text around them, so the segmenter must put a word boundary at
 * the series' outer end there (without one, no ideograph may stand beyond it).
 */
function seriesEdits(text: string, segmenter: Segmenter | undefined, out: Edit[]): void {
  if (!text.includes('、')) return;
  const { byWildcard, most } = fixedSeries();
  for (const e of enumerations(text)) {
    // Keys of every place left out cost the square of the members: only as many as a fixed series has.
    if (e.members.length > most) continue;
    const members = e.members.map(([s, t]) => text.slice(s, t));
    if (seriesEntries[members.join('、')] !== undefined) continue;
    let match: { series: FixedSeries; at: number } | null | undefined;
    for (let at = 0; at < members.length && match !== null; at++) {
      for (const m of byWildcard.get(wildcardKey(members, at)) ?? []) match = match === undefined ? m : null;
    }
    if (!match) continue;
    const { series, at } = match;
    const meant = series.members[at] as string;
    const written = members[at] as string;
    if (series.beside.has(written) || series.members.includes(written)) continue;
    const slip = slipOf(meant, written);
    if (!(slip || (!series.open.has(at) && meant.length >= 3 && keepsFrame(series.members, meant, written)))) continue;
    const [start, end] = e.members[at] as readonly [number, number];
    // A member cut from the text around the series must end where a word does.
    const edge = at === 0 ? start : at === members.length - 1 ? end : -1;
    if (edge >= 0) {
      const beyond = at === 0 ? edge - 1 : edge;
      if (segmenter ? !cutsAround(text, start, end, segmenter, 6).has(edge) : beyond >= 0 && beyond < text.length && isHan(text.charCodeAt(beyond))) continue;
    }
    out.push({
      start,
      end,
      expected: meant,
      message: `并列提法中的一项疑似写错：权威文本写作“${series.key}”，此处${q(written)}应为${q(meant)}。`,
      source: series.source,
      advisory: true,
    });
  }
}

/** Whether a numbered name stands as the formula: in quotes, after one of its verbs, or before its collocation. */
function named(text: string, start: number, end: number, n: Numbered): boolean {
  const quoted = /[“"‘]$/.test(text.slice(start - 1, start)) && /^[”"’]/.test(text.slice(end, end + 1));
  const before = text.slice(Math.max(0, start - 6), start).replace(/[“"‘]$/, '');
  const after = text.slice(end, end + 8).replace(/^[”"’]/, '');
  const verb = n.verbs.some((v) => before.endsWith(v));
  const colloc = n.after.some((a) => after.startsWith(a));
  return quoted ? verb || colloc || n.verbs.length === 0 : verb && colloc;
}

function numberedEdits(b: FormulaBook, text: string, date: string, out: Edit[]): void {
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(text); m !== null; m = NUMERAL.exec(text)) {
    const number = m[1] as string;
    const classifier = m[2] as string;
    const start = m.index;
    const headStart = start + m[0].length;
    if (isHan(text.charCodeAt(start - 1)) && /[一二三四五六七八九十两第]/.test(text[start - 1] as string)) continue;
    let matched = false;
    for (const head of b.headsByFirst.get(text[headStart] as string) ?? []) {
      if (!text.startsWith(head, headStart)) continue;
      const list = b.byHead.get(head) as Numbered[];
      const forms = list.filter((n) => n.classifier === classifier);
      if (forms.length === 0) continue;
      matched = true;
      if (forms.some((n) => n.number === number)) break;
      const n = forms.find((x) => x.strict && !x.former.some((f) => f.number === number && date <= f.validTo));
      const end = headStart + head.length;
      if (n && named(text, start, end, n)) {
        out.push({ start, end, expected: n.canonical, entryId: n.entry.id, source: n.entry.source, message: `数字提法错误：${q(text.slice(start, end))}应为${q(n.canonical)}。` });
      }
      break;
    }
    if (matched || classifier !== '个') continue;
    // A head that belongs to no formula of this number, written where a formula of this number stands.
    const head = text.slice(headStart, headStart + 2);
    if (head.length !== 2 || !isHan(head.charCodeAt(0)) || !isHan(head.charCodeAt(1))) continue;
    const end = headStart + 2;
    if (!/[“"‘]$/.test(text.slice(start - 1, start))) continue;
    const candidates = (b.byNumber.get(number) ?? []).filter((n) => n.strict && n.head.length === 2 && n.classifier === '个' && [...head].some((c, i) => n.head[i] === c));
    const n = candidates.length === 1 ? candidates[0] : undefined;
    if (n && named(text, start, end, n) && /[“"‘]$/.test(text.slice(start - 1, start))) {
      out.push({ start, end, expected: n.canonical, entryId: n.entry.id, source: n.entry.source, message: `数字提法错误：没有${q(text.slice(start, end))}的提法，应为${q(n.canonical)}。` });
    }
  }
}

/** Members of an ordered formula listed with 、 in another order (政治建设、经济建设 … for 五位一体). */
function orderEdits(all: readonly PatternHit<Member>[], text: string, out: Edit[]): void {
  if (all.length < 3) return;
  // The longest member starting at each position (scan gives longest first), and where each starts.
  const hits = all.filter((h, i) => i === 0 || (all[i - 1] as { start: number }).start !== h.start);
  const startsAt = new Int32Array(text.length + 1).fill(-1);
  hits.forEach((h, i) => (startsAt[h.start] = i));
  let consumed = -1;
  for (let i = 0; i < hits.length; i++) {
    if (i <= consumed) continue;
    const first = hits[i] as (typeof hits)[number];
    const run = [first];
    for (;;) {
      const last = run[run.length - 1] as (typeof hits)[number];
      const sep = text[last.end];
      const k = sep === '、' || sep === '和' || sep === '与' ? (startsAt[last.end + 1] as number) : -1;
      const next = k >= 0 ? hits[k] : undefined;
      if (!next || next.value.formula !== first.value.formula) break;
      run.push(next);
      consumed = k;
      if (sep !== '、') break;
    }
    const f = first.value.formula;
    const minimum = f.members.every((x) => x.length <= 2) ? 4 : 3;
    if (run.length < minimum || new Set(run.map((h) => h.value.index)).size !== run.length) continue;
    const order = run.map((h) => h.value.index);
    if (order.every((x, i) => i === 0 || (order[i - 1] as number) < x)) continue;
    const sorted = [...order].sort((x, y) => x - y);
    let fixed = '';
    run.forEach((h, i) => {
      fixed += f.members[sorted[i] as number] as string;
      if (i + 1 < run.length) fixed += text.slice(h.end, (run[i + 1] as { start: number }).start);
    });
    const start = first.start;
    const end = (run[run.length - 1] as { end: number }).end;
    out.push({ start, end, expected: fixed, entryId: f.entry.id, source: f.entry.source, message: `固定提法成员顺序错误：${q(f.canonical)}的规范顺序为${q(fixed)}。` });
  }
}

/** Fixed political formulas with a word dropped, added, replaced or swapped, a wrong number, or members out of order. */
export const formula = defineRule<Record<string, unknown>, { readonly book: FormulaBook; readonly union: PatternUnion; readonly lexicon: PatternSet<Tagged> }>({
  id: 'phrasing/formula',
  meta: {
    description:
      '固定提法词级差错：漏词、多词、换成同类提法的中心词、词序颠倒、数字错误（三个全面）、不存在的数字提法（两个拥护）、成员顺序错误（五位一体）；有分词器与词频时，还查来源词表中党的文件或清单所载的五字以上提法的两词换位与（多见于党的文件者）漏词，以及某词换成同长度、同位置有同字、在同类提法中处于同一位置或是其同义词（同义词词林）的词（人类命运联合体、党史学习活动、反腐败战斗，只报 warning），在专名般固定的位置换成同类常用词（国家治理体系和治理水平现代化、铸牢中华民族共同体观念，只报 warning 并附说明），变体本身成词、是词表词条、来源文本照写或有两个出处的不报，非确定者只报 warning',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/formulas.json', 'phrasing/lexicon.json', 'phrasing/lexicon-variants-seen.json', 'phrasing/function-words.json', 'phrasing/synonyms.json'],
    defersTo: ['phrasing/canonical-term'],
    docs: { wrong: '深入开展党史教育活动', right: '深入开展党史学习教育', source: '中共中央《关于在全党开展党史学习教育的通知》（2021-02）' },
  },
  prepare({ shared, runtime }) {
    const book = formulaBook();
    // The book is the process's; the union (scanning its patterns with the other list rules') the checker's.
    const union = patternUnion({ shared });
    union.add(book.all as PatternSet<unknown>);
    // The lexicon's terms take part only with the segmenter (their units, word boundaries) and its word counts.
    // Without them the lexicon's terms are still read, so that a term written across a listed formula's variant speaks for the text.
    const lexicon = runtime.segmenter && runtime.words ? lexiconVariants(runtime.segmenter, runtime.words) : lexiconTerms();
    union.add(lexicon as PatternSet<unknown>);
    return { book, union, lexicon };
  },
  check(context) {
    const segmenter = context.runtime.segmenter;
    const { book, union, lexicon } = context.prepared;
    for (const { folded } of foldedSegments(context, 4)) {
      const hits = [...union.hits(book.all, folded, context.memo), ...union.hits(lexicon, folded, context.memo)];
      for (const e of findEdits(book, folded.text, hits, context.date, segmenter, context.runtime.words)) {
        context.report({
          range: folded.toSource(e.start, e.end),
          message: e.message,
          expected: [e.expected],
          ...(e.entryId ? { entryId: e.entryId } : {}),
          source: e.source,
          ...(e.hint ? { severity: 'info' as const, advisory: true } : e.advisory ? { severity: 'warning' as const, advisory: true } : {}),
          ...(e.note ? { note: e.note } : {}),
          // phrasing/canonical-term speaks for its protected terms (习近平新时代中国特色社会主义思想) with its own near-miss
          // logic, and for the listed campaigns it names (党的群众路线教育实践活动): one finding for one span.
          deferTo: 'phrasing/canonical-term' as const,
        });
      }
    }
  },
});
