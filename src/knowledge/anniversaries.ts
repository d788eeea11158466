import anniversariesRaw from '../../dictionaries/phrasing/anniversaries.json';
import { parseDictionary } from '../dictionaries/parse.js';
import { DictionaryError } from '../errors.js';
import { foldPattern, statedDate } from '../text/patterns.js';
import { chineseNumber, chineseOrdinal } from './sessions.js';
import type { Entry } from '../types.js';

/** An event whose anniversaries official text counts (建党, 新中国成立, 抗战胜利 …), with the year it happened. */
interface Event {
  readonly entry: Entry;
  readonly year: number;
}

/** The events of dictionaries/phrasing/anniversaries.json and one pattern that finds any of them before a count of years. */
export interface AnniversaryBook {
  readonly byPattern: ReadonlyMap<string, Event>;
  /** An event's words, then a count in Arabic or Chinese numerals, then 周年. */
  readonly pattern: RegExp | null;
}

/** An anniversary that the year the sentence states does not give. */
export interface AnniversaryFinding {
  readonly start: number;
  readonly end: number;
  readonly entry: Entry;
  readonly expected: string[];
  readonly message: string;
}

/** A count written in Chinese numerals up to 999 (七十五, 一百零三, 一百一十, 两百), or NaN: hundreds, then what sessions read. */
export function chineseCount(s: string): number {
  const t = s.replace(/两/g, '二').replace(/〇/g, '零');
  const at = t.indexOf('百');
  if (at === -1) return chineseNumber(t);
  const hundreds = at === 1 ? chineseNumber(t[0] as string) : Number.NaN;
  if (!(hundreds >= 1 && hundreds <= 9)) return Number.NaN;
  const rest = t.slice(2).replace(/^零/, '');
  return rest === '' ? hundreds * 100 : hundreds * 100 + chineseNumber(rest);
}

/** A count in Chinese numerals the way anniversaries are written (七十五, 一百零四, 一百一十, 十). */
export function chineseCountOf(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return chineseOrdinal(rest);
  const head = `${chineseOrdinal(hundreds)}百`;
  return rest === 0 ? head : `${head}${rest < 10 ? '零' : rest < 20 ? '一' : ''}${chineseOrdinal(rest)}`;
}

/** The anniversaries book of the built-in list, built once per checker. */
export function anniversaryBook(): AnniversaryBook {
  const list = parseDictionary(anniversariesRaw, 'phrasing/anniversaries.json');
  const byPattern = new Map<string, Event>();
  for (const entry of list.entries) {
    const year = Number((entry as Entry & { year?: unknown }).year);
    if (!Number.isInteger(year) || year < 1800) throw new DictionaryError(`词条 phrasing/anniversaries.json/${entry.id} 缺少 year（事件年份）`, { list: 'phrasing/anniversaries.json', entryId: entry.id, field: 'year' });
    for (const p of entry.patterns) byPattern.set(foldPattern(p), { entry, year });
  }
  // Longest first, so 中国人民抗日战争胜利 is read whole rather than as 抗日战争胜利; a fixed alternation then a
  // bounded count: linear on any text.
  const words = [...byPattern.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { byPattern, pattern: words.length ? new RegExp(`(${words.join('|')})(\\d{1,3}|[一二两三四五六七八九十百零〇]{1,6})周年`, 'g') : null };
}

/**
 * Anniversaries wrong for the year the sentence states ("2025年是中国人民抗日战争暨世界反法西斯战争胜利79周年":
 * 80). Only a year written before the count in the same sentence (or 今年, 去年) is read, as statedDate reads it;
 * a date after the count, 以来 or 到…时 says nothing, and then nothing is reported.
 */
export function checkAnniversaries(text: string, book: AnniversaryBook, publication: string): AnniversaryFinding[] {
  const out: AnniversaryFinding[] = [];
  const re = book.pattern;
  if (!re || !text.includes('周年')) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const event = book.byPattern.get(m[1] as string);
    if (!event) continue;
    const written = m[2] as string;
    const arabic = /^\d+$/.test(written);
    const count = arabic ? Number(written) : chineseCount(written);
    if (Number.isNaN(count)) continue;
    // The date read is the last one before the count in its sentence (the event's words hold none).
    const start = m.index + (m[1] as string).length;
    const stated = statedDate(text, start, publication);
    if (!stated || stated.range[0].slice(0, 4) !== stated.range[1].slice(0, 4)) continue;
    const year = Number(stated.range[0].slice(0, 4));
    const right = year - event.year;
    if (right <= 0 || right === count) continue;
    const end = m.index + m[0].length;
    const fixed = `${arabic ? String(right) : chineseCountOf(right)}周年`;
    out.push({
      start,
      end,
      entry: event.entry,
      expected: [fixed],
      message: `周年数与年份不符：${event.entry.expected[0] ?? m[1]}在${event.year}年，${year}年是${right}周年，不是${count}周年，应为“${fixed}”。`,
    });
  }
  return out;
}
