/** Day arithmetic on YYYY-MM-DD strings (UTC calendar days; no clock is read). */

const DAY = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

/** Monday–Friday days after `from` up to and including `to` (public holidays are not known here). */
export function workingDaysBetween(from: string, to: string): number {
  const start = utc(from);
  const end = utc(to);
  if (end <= start) return 0;
  let count = 0;
  for (let t = start + DAY; t <= end; t += DAY) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** `date` minus `months` calendar months (the day clamped to the month's end), YYYY-MM-DD. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** The newest of `dates` not after `limit` (future dates are not updates: 伪造发稿日期 is a fault of its own). */
export function newest(dates: readonly (string | null | undefined)[], limit: string): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && d <= limit && (best === null || d > best)) best = d;
  return best;
}

/** The 19号 source line every site finding cites. */
export const SOURCE_19 = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）';
