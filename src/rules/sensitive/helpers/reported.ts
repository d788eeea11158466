import frames from '../../../../dictionaries/sensitive/reporting-frames.json';
import { normalize } from '../../../text/normalize.js';

/**
 * Reported speech: a police bulletin, a court report or a news story that quotes the spam it is about
 * ("网页中有“官方娱乐平台”“棋牌彩票电子”等字样", "利用“北京赛车”“时时彩”等方式招赌") or warns against
 * it ("谨防黑户贷款诈骗") is not the spam itself. A match counts as reported when a warning verb of
 * dictionaries/sensitive/reporting-frames.json precedes it in its clause, or when it sits inside
 * quotation marks whose quoted run is framed by one of the file's phrases. Injected spam almost never
 * frames itself that way, and a word without a frame is still reported. A quoted mention is reported
 * speech too when its sentence warns, reports or judges and holds nothing of an advertisement
 * ({@link isFramedSentence}).
 */

/** How far a match may sit from its quotation marks, and how many quoted items a frame may span. */
const QUOTE_REACH = 40;
const MAX_ITEMS = 12;
const SEPARATORS = new Set([...'、,，;；: \t和与及或']);

interface Frames {
  readonly sentence: readonly string[];
  readonly advertising: readonly RegExp[];
  readonly open: ReadonlyMap<string, string>;
  readonly close: ReadonlyMap<string, string>;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly warnings: readonly string[];
  readonly narration: readonly string[];
}

/** How far back in its clause a warning verb may stand ("谨防所谓黑户贷款"). */
const WARNING_REACH = 16;
/**
 * Clause ends as written: sentence marks, and the separators of page titles and keyword lists
 * ("…举报-安信13娱乐平台": spam appended to a title is not warned against by the title). "、" joins a
 * list and does not end one. HTML tags end a clause too.
 */
const CLAUSE_END = new Set([...',.;:!?。，；：！？\n-_|—–·•/<>']);

let loaded: Frames | undefined;

/** The frame phrases, normalized like the text they are compared with (full width folded, simplified). */
function framesData(): Frames {
  if (loaded) return loaded;
  const { quotes, before, after, warnings, narration, sentence, advertising } = frames.entries as unknown as {
    quotes: [string, string][];
    before: string[];
    after: string[];
    warnings: string[];
    narration: string[];
    sentence: string[];
    advertising: Record<string, string>;
  };
  const fold = (w: string) => normalize(w).text;
  loaded = {
    sentence: sentence.map(fold),
    // Bounded alternations over short literals: linear on any input.
    advertising: Object.values(advertising).map((r) => new RegExp(r)),
    open: new Map(quotes.map(([o, c]) => [o, c])),
    close: new Map(quotes.map(([o, c]) => [c, o])),
    before: before.map(fold),
    after: after.map(fold),
    warnings: warnings.map(fold),
    narration: narration.map(fold),
  };
  return loaded;
}

/** Index of the opening mark whose quotation contains `at`, or -1. */
function openingBefore(text: string, at: number, f: Frames): number {
  for (let i = at - 1; i >= 0 && i >= at - QUOTE_REACH; i--) {
    const c = text[i] as string;
    if (c === '\n') return -1;
    if (f.open.has(c)) return i;
    if (f.close.has(c)) return -1;
  }
  return -1;
}

/** Index of the closing mark `mark` at or after `at` (before any newline), or -1. */
function closingAfter(text: string, at: number, mark: string, f: Frames): number {
  for (let i = at; i < text.length && i < at + QUOTE_REACH; i++) {
    const c = text[i] as string;
    if (c === mark) return i;
    if (c === '\n' || (f.open.has(c) && !f.close.has(c))) return -1;
  }
  return -1;
}

/**
 * Whether a warning or crackdown verb precedes `start` in the same clause ("警惕黑户贷款诈骗"). Reads
 * the text as written, so title separators still end the clause, and folds the clause to compare.
 */
export function isWarnedAgainst(source: string, start: number): boolean {
  const f = framesData();
  let from = start;
  while (from > 0 && start - from < WARNING_REACH && !CLAUSE_END.has(source[from - 1] as string)) from--;
  if (from === start) return false;
  const clause = normalize(source.slice(from, start)).text;
  return f.warnings.some((w) => clause.includes(w));
}

/**
 * Whether the rest of the clause after `end` says the thing is a fraud or was prosecuted
 * ("代办毕业证均为诈骗", "出售枪支被判处…"): narration, not the advertisement itself.
 */
export function isNarratedAfter(source: string, end: number): boolean {
  const f = framesData();
  let to = end;
  while (to < source.length && to - end < WARNING_REACH && !CLAUSE_END.has(source[to] as string)) to++;
  if (to === end) return false;
  const clause = normalize(source.slice(end, to)).text;
  return f.narration.some((w) => clause.includes(w));
}

/** Whether text[start, end) sits inside quotation marks framed as reported speech. */
export function isQuotedMention(text: string, start: number, end: number): boolean {
  const f = framesData();
  let open = openingBefore(text, start, f);
  if (open < 0) return false;
  let close = closingAfter(text, end, f.open.get(text[open] as string) as string, f);
  if (close < 0) return false;
  // Walk over neighbouring quoted items ("“甲”“乙”、“丙”等字样") to the edges of the whole run.
  for (let n = 0; n < MAX_ITEMS; n++) {
    let j = close + 1;
    while (j < text.length && SEPARATORS.has(text[j] as string)) j++;
    const mark = f.open.get(text[j] as string);
    const next = mark === undefined ? -1 : closingAfter(text, j + 1, mark, f);
    if (next < 0) break;
    close = next;
  }
  for (let n = 0; n < MAX_ITEMS; n++) {
    let j = open - 1;
    while (j >= 0 && SEPARATORS.has(text[j] as string)) j--;
    if (j < 0 || !f.close.has(text[j] as string)) break;
    const prev = openingBefore(text, j, f);
    if (prev < 0) break;
    open = prev;
  }
  return f.after.some((w) => text.startsWith(w, close + 1)) || f.before.some((w) => open >= w.length && text.startsWith(w, open - w.length));
}

/** Sentence ends for the sentence-level frame: sentence marks, line ends and title separators (not commas). */
const SENTENCE_END = new Set([...'!?。！？\n_|—–•<>']);
/** How far a sentence is read on either side of a match. */
const SENTENCE_REACH = 200;

/**
 * Whether a quoted mention sits in a sentence that warns, reports or judges ("谨防“首充送”“注册送彩金”
 * 等网络赌博陷阱", "网信办依法关闭“视频裸聊”类账号", "“首存送”“注册送彩金”，这些都是赌博网站的诱饵")
 * and carries nothing of an advertisement: no contact detail, host, price or call to act. An
 * advertisement that borrows a warning word ("警惕！“新葡京”首存送，联系QQ…") stays an advertisement.
 */
export function isFramedSentence(source: string, start: number, end: number): boolean {
  const f = framesData();
  // The match must be inside quotation marks on its own line.
  const open = openingBefore(source, start, f);
  if (open < 0) return false;
  if (closingAfter(source, end, f.open.get(source[open] as string) as string, f) < 0) return false;
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !SENTENCE_END.has(source[from - 1] as string)) from--;
  let to = end;
  while (to < source.length && to - end < SENTENCE_REACH && !SENTENCE_END.has(source[to] as string)) to++;
  // Outside the quotation marks only: a quoted slogan cannot frame itself.
  const raw = source.slice(from, to);
  const outside = normalize(raw.replace(/[“「『‘"][^”」』’"\n]{0,60}[”」』’"]/g, '\u3000')).text;
  if (!f.sentence.some((w) => outside.includes(w))) return false;
  return !f.advertising.some((r) => r.test(raw));
}
