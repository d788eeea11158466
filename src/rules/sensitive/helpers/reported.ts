import frames from '../../../../dictionaries/sensitive/reporting-frames.json';
import { normalize } from '../../../text/normalize.js';

/**
 * Reported speech: a police bulletin, a court report or a news story that quotes the spam it is about
 * ("网页中有“官方娱乐平台”“棋牌彩票电子”等字样", "利用“北京赛车”“时时彩”等方式招赌") or warns against
 * it ("谨防黑户贷款诈骗") is not the spam itself. A match counts as reported when a warning verb of
 * dictionaries/sensitive/reporting-frames.json precedes it in its clause, or when it sits inside
 * quotation marks whose quoted run is framed by one of the file's phrases. Injected spam almost never
 * frames itself that way, and a word without a frame is still reported.
 */

/** How far a match may sit from its quotation marks, and how many quoted items a frame may span. */
const QUOTE_REACH = 40;
const MAX_ITEMS = 12;
const SEPARATORS = new Set([...'、,，;；: \t和与及或']);

interface Frames {
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
  const { quotes, before, after, warnings, narration } = frames.entries as { quotes: [string, string][]; before: string[]; after: string[]; warnings: string[]; narration: string[] };
  const fold = (w: string) => normalize(w).text;
  loaded = {
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
