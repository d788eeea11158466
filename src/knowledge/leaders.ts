import leadersRaw from '../../dictionaries/phrasing/leaders.json';
import provincialRaw from '../../dictionaries/phrasing/provincial-leaders.json';
import foreignRaw from '../../dictionaries/phrasing/foreign-leaders.json';
import type { Config, Entry } from '../types.js';
import { parseDictionary, parseEntry } from '../dictionaries/parse.js';
import { DictionaryError } from '../errors.js';
import type { ConfusionMap } from '../text/fuzzy.js';
import { foldPattern, isHan, PatternSet, patternUnion, statedRange, type DayRange, type PatternHit, type PatternUnion, type PerCheck } from '../text/patterns.js';
import { builtinConfusion } from './terms.js';
import { allLookalikes } from './lookalikes.js';
import { likeness, type ShapeTables } from '../text/near-miss.js';

/** One title a leader held, with the days it was held (both inclusive). */
export interface Tenure {
  /** The title as written in the dictionary, e.g. 国务院总理 or 湖南省委书记. */
  readonly title: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly source?: string;
}

/** A leader: name, titles held, and the dictionary entry. */
export interface Leader {
  readonly name: string;
  readonly titles: readonly Tenure[];
  readonly entry: Entry;
}

/** A ranking of the Politburo Standing Committee, valid over a period. */
interface Ranking {
  readonly validFrom: string;
  readonly validTo?: string;
  readonly order: readonly string[];
  readonly source: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Short titles written after a name ("李强总理"); the longest that fits wins. */
export const AFTER_TITLES = ['总书记', '副总理', '总理', '委员长', '副主席', '主席', '同志'];
/** What follows a speaker's name in a report of a meeting, with no title between ("蔡奇同志指出", "丁薛祥强调"). */
export const SPEECH_CUES = ['同志指出', '同志强调', '同志要求', '同志表示', '同志在讲话中', '同志在会上', '同志主持', '同志出席', '指出', '强调', '在讲话中', '在会上强调', '在会上指出', '作出批示', '作出重要指示', '发表讲话', '发表重要讲话'];
/** Places where a local title's own part starts: 湖南省委书记 → 省委书记. */
const LOCAL_SUFFIX = /[省市县区州盟旗](?:委|长|人大|政协|政府)/;
/**
 * Other full forms of a provincial title, written as often as the dictionary's: 广东省长 is also 广东省省长,
 * 北京市长 北京市市长, 广西壮族自治区主席 广西壮族自治区人民政府主席 (or 政府主席).
 */
export function provincialTitleForms(title: string): string[] {
  if (/[^省]省长$/.test(title)) return [title, `${title.slice(0, -2)}省省长`];
  if (/[^市]市长$/.test(title)) return [title, `${title.slice(0, -2)}市市长`];
  if (/自治区主席$/.test(title)) return [title, `${title.slice(0, -2)}人民政府主席`, `${title.slice(0, -2)}政府主席`];
  return [title];
}
/**
 * Whether `written` may stand for `meant` in a name beyond the confusion table: the same syllable (any
 * tone: a pinyin input method offers both, 楼/娄, 春/纯) or a look-alike in the published tables (谌/湛,
 * 延/廷). Computed look-alikes and regional sound mergers are weaker evidence than a name allows.
 */
function alike(meant: string, written: string): boolean {
  const t = allLookalikes();
  const how = likeness(meant, written, (shapes ??= { listed: t.listed, ...(t.published ? { published: t.published } : {}) }));
  return how === 'homophone' || how === 'tone' || how === 'lookalike';
}
let shapes: ShapeTables | undefined;

/** Written right before a title, these mark a former holder ("时任国务院总理李克强"). */
const FORMER = /(?:时任|原任|曾任|历任|前任|原|前|时)$/;

function parseTenures(entry: Entry, list: string): Tenure[] {
  const raw = entry.titles;
  if (!Array.isArray(raw) || raw.length === 0) throw new DictionaryError(`词条 ${list}/${entry.id} 缺少 titles（职务及任职日期）`, { list, entryId: entry.id, field: 'titles' });
  return raw.map((t: unknown) => {
    const o = t as Record<string, unknown>;
    if (typeof o?.title !== 'string' || o.title === '' || typeof o.validFrom !== 'string' || !DAY.test(o.validFrom) || (o.validTo !== undefined && (typeof o.validTo !== 'string' || !DAY.test(o.validTo)))) {
      throw new DictionaryError(`词条 ${list}/${entry.id} 的 titles 每项须有 title 和 YYYY-MM-DD 格式的 validFrom（可选 validTo）`, { list, entryId: entry.id, field: 'titles' });
    }
    return { title: foldPattern(o.title), validFrom: o.validFrom, ...(typeof o.validTo === 'string' ? { validTo: o.validTo } : {}), ...(typeof o.source === 'string' ? { source: o.source } : {}) };
  });
}

const builtin = parseDictionary(leadersRaw, 'phrasing/leaders.json');
/** Provincial party secretaries and governors with their dates: local titles, checked like the user's local leaders. */
const provincial = parseDictionary(provincialRaw, 'phrasing/provincial-leaders.json');
/**
 * Heads of state and government of the countries government news names most, and the UN Secretary-General,
 * with their dates: titles in full (美国总统, 英国首相) written before the name, checked as the provincial
 * list is — a slip in the name beside a title they held, or a holder wrong for the date the sentence states.
 */
const foreign = parseDictionary(foreignRaw, 'phrasing/foreign-leaders.json');
/** The lists checked as the provincial one is: full titles before the name, each list with the last day it was checked through. */
const RECORDED = [
  { list: provincial, name: 'phrasing/provincial-leaders.json' },
  { list: foreign, name: 'phrasing/foreign-leaders.json' },
] as const;

/** `name` with the character at `i` left out, keyed by `i` and the length: equal for two names that differ only there. */
function leftOut(name: string, i: number): string {
  return `${name.length}:${i}:${name.slice(0, i)}${name.slice(i + 1)}`;
}

/** A title written in the text, resolved to the titles it can stand for. */
interface TitleForm {
  readonly written: string;
  /** Canonical titles this form names (an alias, or a local title's short form). */
  readonly titles: readonly string[];
  /** A national full title safe to read before any name; short forms need a boundary before them. */
  readonly full: boolean;
}

/** A pattern of {@link LeaderBook}'s one scan: a name, a title form, or a cue after a name. */
type Mark = { readonly kind: 'name'; readonly leader: Leader } | { readonly kind: 'title'; readonly form: TitleForm } | { readonly kind: 'after' | 'activity' | 'speech' };

/** Everything the leader rules share, built once per checker from the built-in list and the user's local leaders. */
export class LeaderBook {
  readonly leaders: Leader[] = [];
  readonly byName = new Map<string, Leader>();
  readonly names = new PatternSet<Leader>();
  readonly titleForms = new PatternSet<TitleForm>();
  /** What only a national leader does, written right after the name in a headline (meta.activities). */
  readonly activity = new PatternSet<true>();
  readonly rankings: readonly Ranking[];
  private readonly confusion: ConfusionMap;
  private readonly byLength = new Map<number, Leader[]>();
  /** Leaders added through `config.dictionaries.leaders`. */
  readonly local = new Set<Leader>();
  /**
   * Titles of the built-in provincial and foreign lists (湖南省委书记, 广东省长, 美国总统 …), each with the first
   * day its list records a holder and the last day that list was checked through (meta.checkedThrough): after
   * it a known person may hold a post the list does not record yet, so a post they never held is not reported then.
   */
  readonly recordedTitles = new Map<string, { readonly first: string; readonly horizon: string }>();
  /** Titles of the foreign list (美国总统 …): the names after them are transliterations, which no segmenter cuts as words. */
  readonly foreignTitles = new Set<string>();
  /** The lengths of the leaders' names, longest first (a window after a title is tried at each). */
  readonly nameLengths: readonly number[];

  constructor(config: Config) {
    const meta = builtin.meta as unknown as { rankings: Ranking[]; titleAliases: Record<string, string>; activities?: string[] };
    for (const a of meta.activities ?? []) this.activity.add(a, true);
    this.rankings = meta.rankings;
    const user = (config.dictionaries?.leaders ?? []).map((raw, i) => parseEntry(raw, `dictionaries.leaders[${i}]`, '用户配置的地方领导名单'));
    const add = (entry: Entry, titles: Tenure[], local: boolean): Leader => {
      const name = foldPattern(entry.patterns[0] as string);
      const leader: Leader = { name, titles, entry };
      this.leaders.push(leader);
      this.byName.set(name, leader);
      if (local) this.local.add(leader);
      this.names.add(name, leader);
      let same = this.byLength.get(name.length);
      if (!same) this.byLength.set(name.length, (same = []));
      same.push(leader);
      return leader;
    };
    for (const entry of builtin.entries) add(entry, parseTenures(entry, 'phrasing/leaders.json'), false);
    // A provincial post of a national leader (李强, 上海市委书记) joins the national entry: one person, one name.
    const provincialLeaders: { leader: Leader; horizon: string }[] = [];
    for (const { list, name: listName } of RECORDED) {
      const horizon = (list.meta as unknown as { checkedThrough?: string }).checkedThrough ?? '9999-12-31';
      for (const entry of list.entries) {
        const titles = parseTenures(entry, listName);
        if (list === foreign) for (const t of titles) this.foreignTitles.add(t.title);
        const national = this.byName.get(foldPattern(entry.patterns[0] as string));
        if (national) {
          const merged: Leader = { name: national.name, titles: [...national.titles, ...titles], entry: national.entry };
          this.leaders[this.leaders.indexOf(national)] = merged;
          this.byName.set(national.name, merged);
          const same = this.byLength.get(national.name.length) as Leader[];
          same[same.indexOf(national)] = merged;
          this.names.replace(national.name, merged);
          provincialLeaders.push({ leader: { ...merged, titles }, horizon });
        } else provincialLeaders.push({ leader: add(entry, titles, true), horizon });
      }
    }
    for (const entry of user) add(entry, parseTenures(entry, 'dictionaries.leaders'), true);
    this.nameLengths = [...this.byLength.keys()].filter((n) => n >= 2).sort((a, b) => b - a);
    const forms = new Map<string, { titles: Set<string>; full: boolean }>();
    const addForm = (written: string, title: string, full: boolean) => {
      let f = forms.get(written);
      if (!f) forms.set(written, (f = { titles: new Set(), full }));
      f.titles.add(title);
      f.full &&= full;
    };
    for (const [alias, title] of Object.entries(meta.titleAliases)) addForm(alias, title, !AFTER_TITLES.includes(alias));
    // Provincial and foreign titles only in full (湖南省委书记, 美国总统): a bare 市委书记 before a name is any city's secretary.
    for (const { leader, horizon } of provincialLeaders) {
      for (const t of leader.titles) {
        const record = this.recordedTitles.get(t.title);
        if (record === undefined || t.validFrom < record.first) this.recordedTitles.set(t.title, { first: t.validFrom, horizon });
        for (const form of provincialTitleForms(t.title)) addForm(form, t.title, true);
      }
    }
    const recorded = new Set(provincialLeaders.map((p) => p.leader));
    for (const leader of [...this.local].filter((l) => !recorded.has(l))) {
      for (const t of leader.titles) {
        addForm(t.title, t.title, true);
        const m = LOCAL_SUFFIX.exec(t.title);
        if (m && m.index > 0) addForm(t.title.slice(m.index), t.title, false);
      }
    }
    for (const [written, f] of forms) this.titleForms.add(written, { written, titles: [...f.titles], full: f.full });
    this.confusion = builtinConfusion();
    this.marks.addAll(this.names, (leader) => ({ kind: 'name', leader }));
    this.marks.addAll(this.titleForms, (form) => ({ kind: 'title', form }));
    for (const t of AFTER_TITLES) this.marks.add(t, AFTER_MARK);
    this.marks.addAll(this.activity, () => ACTIVITY_MARK);
    for (const t of SPEECH_CUES) this.marks.add(t, SPEECH_MARK);
  }

  /** Names, title forms, short titles after a name, activities and speech cues, for {@link leaderMarks}. */
  readonly marks = new PatternSet<Mark>();
  /** The checker's union of list-rule sets that scans `marks` (set by {@link leaderBook}). */
  union: PatternUnion | undefined;

  /**
   * Whether `titles` are provincial posts the leader never held, written about a day the list does not
   * cover: after its horizon (the person may have moved there since) or before its first holder of the post
   * (浙江省委书记习近平 in 2005): the mismatch is then no evidence of an error.
   */
  outsideRecord(leader: Leader, titles: readonly string[], day: string): boolean {
    if (titles.length === 0 || leader.titles.some((t) => titles.includes(t.title))) return false;
    return titles.every((t) => {
      const record = this.recordedTitles.get(t);
      return record !== undefined && (day > record.horizon || day < record.first);
    });
  }

  /** The titles a leader held at any day of `range`. */
  titlesAt(leader: Leader, range: DayRange): string[] {
    return leader.titles.filter((t) => t.validFrom <= range[1] && (t.validTo === undefined || t.validTo >= range[0])).map((t) => t.title);
  }

  /** Whether the leader held any of `titles` at the publication day or at a day the sentence states. */
  held(leader: Leader, titles: readonly string[], publication: string, stated: DayRange | null): boolean {
    const at = (r: DayRange) => this.titlesAt(leader, r).some((t) => titles.includes(t));
    return at([publication, publication]) || (stated !== null && at(stated));
  }

  /** Whether the leader held a title ending in the short form `after` ("总理" but not "副总理"). */
  heldShort(leader: Leader, after: string, publication: string, stated: DayRange | null): boolean {
    const fits = (t: string) => t.endsWith(after) && !(after.length < 3 && t.endsWith(`副${after}`));
    const at = (r: DayRange) => this.titlesAt(leader, r).some(fits);
    return at([publication, publication]) || (stated !== null && at(stated));
  }

  /**
   * The known leader whose name `written` misses by one homophone or look-alike character (any position),
   * or by a dropped last character of a three-character name; null for exact names and everything else.
   * `accept` picks among several near leaders (王晓辉 is near both 王晓晖 and 王晓东: the one whose title is written).
   */
  nearName(written: string, anySubstitute = false, accept: (leader: Leader) => boolean = () => true, wide = false): Leader | null {
    if (this.byName.has(written)) return null;
    for (let i = 0; i < written.length; i++) if (!isHan(written.charCodeAt(i))) return null;
    const same = this.byLength.get(written.length);
    if (!same) return null;
    // Only leaders one character away (by the index of names with one position left out) or two neighbours
    // swapped can qualify; they are tried in list order, so the first that qualifies wins as it always did.
    const index = (this.nearIndex ??= this.buildNearIndex());
    // Past the first position, a candidate (one character away, or two neighbours swapped) starts as
    // `written` does: without a leader's name of this length starting so, only the first can differ.
    const upTo = this.nameStarts.get(written.length)?.has(written.charCodeAt(0)) ? written.length : 1;
    let candidates: number[] | undefined;
    for (let i = 0; i < upTo; i++) {
      const found = index.get(leftOut(written, i));
      if (found) (candidates ??= []).push(...found);
    }
    for (let d = 2; d < upTo; d++) {
      const swapped = written.slice(0, d - 1) + written[d] + written[d - 1] + written.slice(d + 1);
      const leader = this.byName.get(swapped);
      if (leader) (candidates ??= []).push(same.indexOf(leader));
    }
    if (!candidates) return null;
    candidates.sort((a, b) => a - b);
    for (const k of candidates) {
      const leader = same[k];
      if (leader && this.isNear(leader, written, anySubstitute, accept, wide)) return leader;
    }
    return null;
  }

  /** Per name length, each leader's position in `byLength` under its name with one position left out (see `leftOut`). */
  private nearIndex: Map<string, number[]> | undefined;

  /** Per name length, the first code units of the leaders' names (see `nearName`). */
  private readonly nameStarts = new Map<number, Set<number>>();

  private buildNearIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    for (const [length, same] of this.byLength) {
      this.nameStarts.set(length, new Set(same.map((leader) => leader.name.charCodeAt(0))));
      same.forEach((leader, k) => {
        for (let i = 0; i < leader.name.length; i++) {
          const key = leftOut(leader.name, i);
          const list = index.get(key);
          if (!list) index.set(key, [k]);
          else if (list[list.length - 1] !== k) list.push(k);
        }
      });
    }
    return index;
  }

  /** Whether `written` is a near miss of this leader's name (see `nearName`). */
  private isNear(leader: Leader, written: string, anySubstitute: boolean, accept: (leader: Leader) => boolean, wide: boolean): boolean {
    const n = leader.name;
    let diff = -1;
    let count = 0;
    for (let i = 0; i < n.length; i++) {
      if (n[i] !== written[i]) {
        count++;
        diff = i;
      }
    }
    // Two neighbours of the given name swapped ("习平近"): the surname stays, so it is no other person's name.
    if (count === 2 && n.length >= 3 && diff >= 2 && n[diff] === written[diff - 1] && n[diff - 1] === written[diff] && accept(leader)) return true;
    if (count !== 1 || !accept(leader)) return false;
    // Local leaders come from the config, beyond the confusion table: next to one of their own titles any
    // character of the given name may be the slip.
    return (this.confusion.get(n[diff] as string)?.has(written[diff] as string) ?? false) || (anySubstitute && diff > 0 && this.local.has(leader)) || (wide && alike(n[diff] as string, written[diff] as string));
  }

  /** The three-character leader whose name loses its last character in `written` (李克强 → 李克). */
  truncatedName(written: string): Leader | null {
    if (written.length !== 2 || this.byName.has(written)) return null;
    for (const leader of this.byLength.get(3) ?? []) if (leader.name.startsWith(written)) return leader;
    return null;
  }

  /** The ranking(s) valid at the publication day or a stated day. */
  rankingsAt(publication: string, stated: DayRange | null): Ranking[] {
    const at = (r: DayRange) => this.rankings.filter((k) => k.validFrom <= r[1] && (k.validTo === undefined || k.validTo >= r[0]));
    return stated ? [...new Set([...at([publication, publication]), ...at(stated)])] : at([publication, publication]);
  }
}

/**
 * The leader book of one checker, shared by the three leader rules through the checker's store
 * (`RuleSetup.shared`): built once per checker from its config, never shared between checkers.
 */
export function leaderBook(setup: { readonly config: Config; shared<T>(key: string, build: () => T): T }): LeaderBook {
  const book = setup.shared('knowledge/leaders', () => new LeaderBook(setup.config));
  book.union = patternUnion(setup);
  book.union.add(book.marks as PatternSet<unknown>);
  return book;
}

/** A title written right before a name, possibly a chain ("中共中央总书记、国家主席、中央军委主席习近平"). */
export interface TitleBefore {
  readonly start: number;
  readonly end: number;
  readonly form: TitleForm;
}

const AFTER_MARK: Mark = { kind: 'after' };
const ACTIVITY_MARK: Mark = { kind: 'activity' };
const SPEECH_MARK: Mark = { kind: 'speech' };

/** What the leader rules look for in a text, found by one scan (each list as its own set's scan would give it). */
export interface LeaderMarks {
  /** Leaders' names, as `book.names.scan` gives them. */
  readonly names: readonly PatternHit<Leader>[];
  /** Title forms ending at each position, longest first. */
  readonly byEnd: Map<number, TitleForm[]>;
  /** Starts of the short titles after a name ({@link AFTER_TITLES}). */
  readonly after: readonly number[];
  /** Starts of the activities (meta.activities). */
  readonly activity: readonly number[];
  /** Starts of the speech cues ({@link SPEECH_CUES}). */
  readonly speech: readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);
/** The titles of a text without any (shared: never changed). */
const NO_TITLES = new Map<number, TitleForm[]>();

function findMarks(found: readonly PatternHit<Mark>[]): LeaderMarks {
  let names: PatternHit<Leader>[] | undefined;
  let byEnd: Map<number, TitleForm[]> | undefined;
  let after: number[] | undefined;
  let activity: number[] | undefined;
  let speech: number[] | undefined;
  for (const hit of found) {
    const mark = hit.value;
    switch (mark.kind) {
      case 'name':
        (names ??= []).push({ start: hit.start, end: hit.end, pattern: hit.pattern, value: mark.leader });
        break;
      case 'title': {
        byEnd ??= new Map();
        const list = byEnd.get(hit.end);
        if (!list) byEnd.set(hit.end, [mark.form]);
        else list.push(mark.form);
        break;
      }
      case 'after':
        (after ??= []).push(hit.start);
        break;
      case 'activity':
        (activity ??= []).push(hit.start);
        break;
      case 'speech':
        (speech ??= []).push(hit.start);
        break;
    }
  }
  if (byEnd) for (const list of byEnd.values()) if (list.length > 1) list.sort((a, b) => b.written.length - a.written.length);
  return { names: names ?? [], byEnd: byEnd ?? NO_TITLES, after: after ?? NONE, activity: activity ?? NONE, speech: speech ?? NONE };
}

/**
 * The leader marks of a folded segment, found once per check for the three leader rules: kept in the
 * check's store (`check`, the rule context's `memo`) by the folded segment (one object per segment and check).
 */
export function leaderMarks(book: LeaderBook, folded: { readonly text: string }, check: PerCheck): LeaderMarks {
  const bySegment = check.get(book.marks, () => new Map<object, LeaderMarks>());
  let marks = bySegment.get(folded);
  if (!marks) bySegment.set(folded, (marks = findMarks(book.union ? book.union.hits(book.marks, folded, check) : book.marks.scan(folded.text))));
  return marks;
}

/** The chain of titles written right before `pos`, nearest first; a short form needs a boundary before it. */
export function titleChainBefore(text: string, pos: number, byEnd: Map<number, TitleForm[]>, joined: (pos: number) => boolean = () => true): TitleBefore[] {
  const chain: TitleBefore[] = [];
  let p = pos;
  for (;;) {
    if (!joined(p)) break;
    const forms = byEnd.get(p);
    const form = forms?.find((f) => f.full || !isHan(text.charCodeAt(p - f.written.length - 1)) || p - f.written.length === 0);
    if (!form) break;
    chain.push({ start: p - form.written.length, end: p, form });
    p -= form.written.length;
    if (text[p - 1] === '、') p--;
    else break;
  }
  return chain;
}

/** Whether the title chain ending at `start` is introduced as a former post ("时任…", "原…"). */
export function formerBefore(text: string, start: number): boolean {
  return FORMER.test(text.slice(Math.max(0, start - 3), start));
}

/** A short title right after a name, if any. */
export function titleAfter(text: string, end: number): string | undefined {
  return AFTER_TITLES.find((t) => text.startsWith(t, end));
}

export { statedRange };
