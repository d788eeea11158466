import type { RuleContext, Segmenter } from '../../../core/rule.js';
import type { OptionSchema } from '../../../core/options.js';
import { parseEntry, parseWordList } from '../../../dictionaries/parse.js';
import { DictionaryError, ShenjiaoError } from '../../../errors.js';
import { createMatcher, leftmostLongest, type Matcher } from '../../../text/matcher.js';
import { foldKey, normalize, type FoldOptions } from '../../../text/normalize.js';
import type { PerCheck } from '../../../text/patterns.js';
import { isFramedSentence, isNarratedAfter, isQuotedMention, isWarnedAgainst } from './reported.js';
import type { Dictionary, DictionaryMeta, Entry, RuleId, Severity } from '../../../types.js';

/** Words that must stand next to a short pattern for it to count (in normalized text). */
export interface EntryContext {
  /** The match counts when the text just before it ends with one of these. */
  readonly before?: readonly string[];
  /** The match counts when the text just after it starts with one of these. */
  readonly after?: readonly string[];
}

/** Header fields a sensitive list adds to the dictionary meta. */
export interface SensitiveMeta extends DictionaryMeta {
  /** Default severity of the list's findings; an entry's own `severity` wins. Default `error`. */
  readonly severity?: Severity;
  /** `data.category` of the findings; default the list name. */
  readonly category?: string;
  /** zh-CN noun for the message, e.g. "赌博（博彩）". */
  readonly label?: string;
  /** zh-CN advice ending the message: why it matters and what to do. */
  readonly advice?: string;
  /** Variant folds for this list (merged over the defaults). */
  readonly fold?: FoldOptions;
  /** Drop matches that cut across the words of the injected segmenter. */
  readonly wordBoundary?: boolean;
  /**
   * Report a match quoted inside a reporting frame ("网页中有“…”等字样") as `info`: a bulletin or news
   * story quoting the spam it is about is not the spam. Default false (users' lists report every match).
   */
  readonly reportedSpeech?: boolean;
}

/** Options every sensitive rule takes. */
export interface SensitiveOptions {
  /** Overrides the list's variant folds. */
  readonly fold?: FoldOptions;
  /** Overrides the list's word-boundary check (it needs a segmenter, which `shenjiao/node` injects). */
  readonly wordBoundary?: boolean;
  /** Overrides the list's handling of quoted mentions in a reporting frame (see `SensitiveMeta.reportedSpeech`). */
  readonly reportedSpeech?: boolean;
}

/** The option schema of every sensitive list rule (see {@link SensitiveOptions}). */
export const SENSITIVE_OPTIONS: OptionSchema = { fold: { type: 'object' }, wordBoundary: { type: 'boolean' }, reportedSpeech: { type: 'boolean' } };

/** What a user may give for a list in `config.dictionaries.sensitive`. */
export type UserList = readonly string[] | readonly Entry[] | string;

/** Folds spam lists use unless they say otherwise: every variant, noise between CJK characters included. */
export const DEFAULT_FOLD: FoldOptions = { width: true, case: true, traditional: true, zeroWidth: true, noise: true };

const LIST_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface CompiledEntry {
  readonly id: string;
  readonly expected: readonly string[];
  readonly source: string;
  readonly severity: Severity;
  readonly note?: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** A list ready to scan: one automaton for all patterns and exceptions of all its entries. */
export interface CompiledList {
  readonly name: string;
  readonly ruleId: RuleId;
  readonly category: string;
  readonly label: string;
  readonly advice: string;
  readonly fold: FoldOptions;
  readonly wordBoundary: boolean;
  readonly reportedSpeech: boolean;
  readonly entries: readonly CompiledEntry[];
  readonly matcher: Matcher;
  /** Per pattern: the entry index; exceptions are stored as `-(entry + 1)`. */
  readonly owner: Int32Array;
  /** Per pattern: 1 when a short pattern (1–2 units) has no context and needs a whole-word match. */
  readonly needsWord: Uint8Array;
  /** The normalized patterns and exceptions the matcher was built from, in its order. */
  readonly patterns: readonly string[];
  /** The checker's prefilter this list is part of, when its rule joined one (see {@link ListPrefilter}). */
  readonly prefilter?: ListPrefilter;
}

/**
 * One automaton over the patterns of every list of a checker that share a fold: most segments of
 * most pages hold no listed word at all, and one scan of the segment says so for every list at once,
 * where each list would otherwise scan it with its own automaton. A list asks {@link ListPrefilter.mayMatch}
 * before its own scan; the answer for a normalized segment is remembered for the other lists of the
 * same check. Lists join while the checker is built; the automata are built on the first question.
 */
export class ListPrefilter {
  private readonly byFold = new Map<string, { patterns: string[]; matcher?: Matcher }>();

  /** Adds a list's patterns (before the first question). */
  join(list: Pick<CompiledList, 'fold' | 'patterns'>): void {
    const key = foldKey(list.fold);
    let group = this.byFold.get(key);
    if (!group) this.byFold.set(key, (group = { patterns: [] }));
    group.patterns.push(...list.patterns);
    group.matcher = undefined;
  }

  /**
   * False when no pattern of any list under `fold` occurs in `norm.text` (the segment normalized with
   * `fold`); the answer is kept in the check's store `check`, by normalized segment, for the other lists.
   */
  mayMatch(norm: { readonly text: string }, fold: FoldOptions, check: PerCheck): boolean {
    const answers = check.get(this, () => new Map<object, boolean>());
    let answer = answers.get(norm);
    if (answer === undefined) {
      const group = this.byFold.get(foldKey(fold));
      // A list that did not join: no claim about it.
      if (!group) return true;
      group.matcher ??= createMatcher(group.patterns);
      answer = group.matcher.count(norm.text) > 0;
      answers.set(norm, answer);
    }
    return answer;
  }
}

/** Checks a list name given by a user: it becomes part of a rule id. */
export function assertListName(name: string): void {
  if (!LIST_NAME.test(name)) {
    throw new ShenjiaoError('invalid-config', `敏感词表名必须是 ASCII kebab-case（例如 my-list）：${name}`, { key: `dictionaries.sensitive.${name}` });
  }
}

function stringList(value: unknown, list: string, entryId: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
    throw new DictionaryError(`词条 ${list}/${entryId} 的 ${field} 必须是非空字符串数组`, { list, entryId, field });
  }
  return value as string[];
}

/** Turns a user list (words, entries, or one-word-a-line text with a `#` header) into entries. */
export function userEntries(name: string, value: UserList): Entry[] {
  const source = `用户词表 ${name}`;
  if (typeof value === 'string') {
    return parseWordList(value.includes('# source:') ? value : `# source: ${source}\n${value}`, name).entries.map((e, i) => ({ ...e, id: `${name}-${i + 1}` }));
  }
  if (!Array.isArray(value)) throw new ShenjiaoError('invalid-config', `敏感词表 ${name} 必须是字符串数组、词条数组或词表文本`, { key: `dictionaries.sensitive.${name}` });
  return value.map((item: unknown, i) => {
    if (typeof item === 'string') {
      if (item.trim() === '') throw new DictionaryError(`敏感词表 ${name} 第 ${i + 1} 项为空`, { list: name });
      return { id: `${name}-${i + 1}`, patterns: [item.trim()], expected: [], source };
    }
    return parseEntry(item, name, source);
  });
}

/**
 * Compiles one list: normalizes every pattern and exception with the list's folds and builds one
 * automaton. Throws `DictionaryError` for a one-character pattern without `context` (it would fire
 * inside countless harmless words).
 */
export function compileList(name: string, meta: SensitiveMeta, entries: readonly Entry[], options: SensitiveOptions = {}): CompiledList {
  const fold: FoldOptions = { ...DEFAULT_FOLD, ...(meta.fold ?? {}), ...(options.fold ?? {}) };
  const listSeverity = meta.severity ?? 'error';
  const compiled: CompiledEntry[] = [];
  const patterns: string[] = [];
  const owner: number[] = [];
  const needsWord: number[] = [];
  entries.forEach((entry, index) => {
    const ctx = (entry.context ?? {}) as EntryContext;
    const before = stringList(ctx.before, name, entry.id, 'context.before').map((w) => normalize(w, fold).text);
    const after = stringList(ctx.after, name, entry.id, 'context.after').map((w) => normalize(w, fold).text);
    const hasContext = before.length > 0 || after.length > 0;
    compiled.push({
      id: entry.id,
      expected: entry.expected,
      source: entry.source,
      severity: entry.severity ?? listSeverity,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      before,
      after,
      ...(entry.validFrom !== undefined ? { validFrom: entry.validFrom } : {}),
      ...(entry.validTo !== undefined ? { validTo: entry.validTo } : {}),
    });
    for (const raw of entry.patterns) {
      const p = normalize(raw, fold).text;
      if (p.length === 0) continue;
      if (p.length === 1 && !hasContext) {
        throw new DictionaryError(`词条 ${name}/${entry.id} 的单字模式“${raw}”必须带 context（前后文）`, { list: name, entryId: entry.id, field: 'context' });
      }
      patterns.push(p);
      owner.push(index);
      needsWord.push(p.length <= 2 && !hasContext ? 1 : 0);
    }
    for (const raw of entry.exceptions ?? []) {
      const x = normalize(raw, fold).text;
      if (x.length === 0) continue;
      patterns.push(x);
      owner.push(-(index + 1));
      needsWord.push(0);
    }
  });
  return {
    name,
    ruleId: `sensitive/${name}`,
    category: meta.category ?? name,
    label: meta.label ?? `敏感词表“${name}”所列`,
    advice: meta.advice ?? `该词在敏感词表 ${name} 中，请核实后修改或删除。`,
    fold,
    wordBoundary: options.wordBoundary ?? meta.wordBoundary ?? false,
    reportedSpeech: options.reportedSpeech ?? meta.reportedSpeech ?? false,
    entries: compiled,
    matcher: createMatcher(patterns),
    owner: Int32Array.from(owner),
    needsWord: Uint8Array.from(needsWord),
    patterns,
  };
}

/** Compiles a built-in list with the user's additions under the same name merged in. */
export function compileBuiltin(dictionary: Dictionary, extra: UserList | undefined, options: SensitiveOptions): CompiledList {
  const name = dictionary.meta.id;
  const entries = extra === undefined ? dictionary.entries : [...dictionary.entries, ...userEntries(name, extra)];
  return compileList(name, dictionary.meta as SensitiveMeta, entries, options);
}

/** Word boundaries of `text` per the segmenter: `true` at every offset where a word starts or ends. */
function boundaries(segmenter: Segmenter, text: string): Uint8Array {
  const marks = new Uint8Array(text.length + 1);
  marks[0] = 1;
  let at = 0;
  for (const word of segmenter(text)) {
    at += word.length;
    if (at <= text.length) marks[at] = 1;
  }
  // A segmenter that does not give the text back cannot be trusted: treat every offset as a boundary.
  if (at !== text.length) marks.fill(1);
  return marks;
}

function inForce(entry: CompiledEntry, date: string): boolean {
  return (entry.validFrom === undefined || entry.validFrom <= date) && (entry.validTo === undefined || date <= entry.validTo);
}

/** Exception matches of one entry: starts ascending, with the running maximum of their ends. */
interface Coverage {
  readonly starts: number[];
  readonly maxEnd: number[];
}

/** Indexes exception matches by entry, so each candidate is checked in O(log n) even on hostile text. */
function exceptionIndex(matches: readonly { start: number; end: number; pattern: number }[], owner: Int32Array): Map<number, Coverage> | undefined {
  let byEntry: Map<number, [number, number][]> | undefined;
  for (const m of matches) {
    const o = owner[m.pattern]!;
    if (o >= 0) continue;
    byEntry ??= new Map();
    const list = byEntry.get(-o - 1);
    if (list) list.push([m.start, m.end]);
    else byEntry.set(-o - 1, [[m.start, m.end]]);
  }
  if (!byEntry) return undefined;
  const index = new Map<number, Coverage>();
  for (const [entry, spans] of byEntry) {
    spans.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const maxEnd: number[] = [];
    let max = -1;
    for (const [start, end] of spans) {
      max = Math.max(max, end);
      starts.push(start);
      maxEnd.push(max);
    }
    index.set(entry, { starts, maxEnd });
  }
  return index;
}

/** Whether some exception span of the entry contains [start, end). */
function covered(coverage: Coverage | undefined, start: number, end: number): boolean {
  if (!coverage) return false;
  // The last exception starting at or before `start`; the running maximum says if any of them reaches `end`.
  let lo = 0;
  let hi = coverage.starts.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (coverage.starts[mid]! <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 && coverage.maxEnd[at]! >= end;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
}

/** Scans every segment of the document with one compiled list and reports what survives the precision checks. */
export function checkList(context: RuleContext<SensitiveOptions, unknown>, list: CompiledList): void {
  const { matcher, owner, needsWord, entries } = list;
  const segmenter = context.runtime.segmenter;
  for (const segment of context.document.segments) {
    if (segment.text.length === 0) continue;
    const norm = context.normalized(segment, list.fold);
    const text = norm.text;
    if (list.prefilter && !list.prefilter.mayMatch(norm, list.fold, context.memo)) continue;
    if (matcher.count(text) === 0) continue;
    const matches = matcher.findAll(text);
    const exceptions = exceptionIndex(matches, owner);
    let words: Uint8Array | undefined;
    const candidates: Candidate[] = [];
    for (const m of matches) {
      const index = owner[m.pattern]!;
      if (index < 0) continue;
      const entry = entries[index]!;
      if (!inForce(entry, context.date)) continue;
      if (exceptions && covered(exceptions.get(index), m.start, m.end)) continue;
      if (entry.before.length > 0 || entry.after.length > 0) {
        const ok =
          entry.before.some((w) => m.start >= w.length && text.startsWith(w, m.start - w.length)) ||
          entry.after.some((w) => text.startsWith(w, m.end));
        if (!ok) continue;
      }
      if (segmenter && (list.wordBoundary || needsWord[m.pattern] === 1)) {
        words ??= boundaries(segmenter, text);
        if (words[m.start] !== 1 || words[m.end] !== 1) continue;
      }
      candidates.push({ start: m.start, end: m.end, entry: index });
    }
    for (const c of leftmostLongest(candidates)) {
      const entry = entries[c.entry]!;
      const range = norm.toSource(c.start, c.end);
      const actual = context.source.slice(range[0], range[1]);
      const instead = entry.expected.length > 0 ? `建议改为“${entry.expected.join('”或“')}”。` : '';
      // Quotes are looked for in the normalized text (traditional and full-width marks folded) and in the
      // source, which keeps the ASCII quotes noise folding drops between ideographs (网页出现"…"字样).
      const quoted =
        list.reportedSpeech &&
        (isWarnedAgainst(context.source, range[0]) ||
          isNarratedAfter(context.source, range[1]) ||
          isQuotedMention(text, c.start, c.end) ||
          isQuotedMention(context.source, range[0], range[1]) ||
          isFramedSentence(context.source, range[0], range[1]));
      context.report({
        ruleId: list.ruleId,
        range,
        message: quoted
          ? `引述了${list.label}词“${actual}”：所在语句是在报道或警示此类信息（引号后有“等字样”之类，或前有“谨防”“打击”之类），不按植入内容报告；请确认这段文字确由本单位发布、未被篡改。`
          : `发现${list.label}词“${actual}”：${list.advice}${instead}`,
        expected: entry.expected,
        entryId: entry.id,
        source: entry.source,
        severity: quoted ? 'info' : entry.severity,
        // A quoted mention stays advice even when the user raises the list to error.
        ...(quoted ? { advisory: true } : {}),
        ...(entry.note !== undefined ? { note: entry.note } : {}),
        data: quoted ? { category: list.category, list: list.name, quoted: true } : { category: list.category, list: list.name },
      });
    }
  }
}
