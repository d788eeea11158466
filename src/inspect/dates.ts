/**
 * Dates as Chinese CMSs print them on list and article pages: 2024-05-06, 2024/5/6, 2024.05.06,
 * 2024年5月6日, 二〇二四年五月六日, 2024-05-06 10:30:00, [05-06] or 05-06 or 5月6日 with the year taken
 * from a heading (2024年) or, failing that, the latest year that does not put the date after the
 * inspection date. A regex first, as INSPECTION.md §c.3 recommends; no English date parser.
 */

const FULL = /(?<![\d.])((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?![\d])/g;
const CN_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, O: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CN_FULL = /([〇零一二三四五六七八九OＯ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g;
/** Month-day without a year: [05-06], (05-06), 05-06, 05/06, 5月6日. Not part of a longer number or a time. */
const SHORT = /(?<![\d:./-]|第\s*)(?:[[（(【]\s*)?(\d{1,2})\s*(?:([-/.])\s*(\d{1,2})|月\s*(\d{1,2})\s*日)(?:\s*[\]）)】])?(?![\d:]|\s*[-/.]\s*\d|\s*[期号版条页届次个人元])/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD when the parts make a real calendar day. */
export function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function cnNumber(s: string): number {
  if (s.length === 4) return Number([...s].map((c) => CN_DIGITS[c] ?? 0).join(''));
  // 一 … 十, 十一 … 十九, 二十 … 三十一
  const chars = [...s];
  if (chars.length === 1) return CN_DIGITS[chars[0]!] ?? NaN;
  if (chars[0] === '十') return 10 + (CN_DIGITS[chars[1]!] ?? NaN);
  if (chars[1] === '十') return (CN_DIGITS[chars[0]!] ?? NaN) * 10 + (chars[2] ? (CN_DIGITS[chars[2]] ?? NaN) : 0);
  return NaN;
}

/** Every full date (with a year) in `text`, in order, as YYYY-MM-DD. */
export function fullDates(text: string): string[] {
  const out: { at: number; date: string }[] = [];
  for (const m of text.matchAll(FULL)) {
    const date = ymd(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
    if (date) out.push({ at: m.index, date });
  }
  for (const m of text.matchAll(CN_FULL)) {
    const date = ymd(cnNumber(m[1]!), cnNumber(m[2]!), cnNumber(m[3]!));
    if (date) out.push({ at: m.index, date });
  }
  return out.sort((a, b) => a.at - b.at).map((d) => d.date);
}

/** The year a month-day belongs to: `year` when given, else the latest year that keeps it on or before `today`. */
function placeYear(month: number, day: number, year: number | undefined, today: string): string | null {
  if (year !== undefined) return ymd(year, month, day);
  const ty = Number(today.slice(0, 4));
  const candidate = ymd(ty, month, day);
  if (candidate && candidate <= today) return candidate;
  return ymd(ty - 1, month, day);
}

/**
 * The date a list row shows: a full date if there is one (the last one: a title may hold a date of its
 * own, the row's date usually comes after it), else a month-day placed in `year` (from a heading) or the
 * latest year not after `today`. `exclude` is text to disregard (the item title).
 */
export function rowDate(text: string, options: { today: string; year?: number; exclude?: string }): string | null {
  let t = text;
  if (options.exclude && options.exclude.length >= 2) t = t.split(options.exclude).join(' ');
  const full = fullDates(t);
  if (full.length > 0) return full[full.length - 1]!;
  let found: string | null = null;
  for (const m of t.matchAll(SHORT)) {
    // "5-6" alone is too weak unless bracketed or written with 月日 or two-digit parts (05-06).
    const bracketed = /^[[（(【]/.test(m[0]);
    const month = Number(m[1]);
    const day = Number(m[3] ?? m[4]);
    const strong = bracketed || m[4] !== undefined || (m[1]!.length === 2 && (m[3]?.length ?? 0) === 2);
    if (!strong) continue;
    const date = placeYear(month, day, options.year, options.today);
    if (date) found = date;
  }
  return found;
}

/** A heading that names a year: "2024年", "2024", "2024年度". */
export function headingYear(text: string): number | undefined {
  const m = /^\s*((?:19|20)\d{2})\s*年?度?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}
