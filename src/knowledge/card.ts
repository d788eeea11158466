/**
 * @fileoverview Payment-card facts: issuer prefixes and lengths per card network
 * (dictionaries/privacy/card-bins.json, ISO/IEC 7812-1 IIN ranges).
 */
import bins from '../../dictionaries/privacy/card-bins.json';

interface BinEntry {
  readonly id: string;
  readonly patterns: readonly string[];
  readonly brand: string;
  readonly lengths: readonly number[];
}

/** One prefix range: card numbers whose first `width` digits lie in [low, high]. */
interface PrefixRange {
  readonly width: number;
  readonly low: number;
  readonly high: number;
  readonly entry: BinEntry;
}

const RANGES: PrefixRange[] = [];
for (const entry of bins.entries as readonly BinEntry[]) {
  for (const pattern of entry.patterns) {
    const [low, high = low] = pattern.split('-') as [string, string?];
    RANGES.push({ width: low.length, low: Number(low), high: Number(high), entry });
  }
}
// Longest prefixes first, so 9558 wins over a shorter range if they ever overlap.
RANGES.sort((a, b) => b.width - a.width);

/** The card network whose prefix and length fit `digits`, or undefined. */
export function cardIssuer(digits: string): { readonly id: string; readonly brand: string } | undefined {
  for (const r of RANGES) {
    if (digits.length < r.width) continue;
    const head = Number(digits.slice(0, r.width));
    if (head >= r.low && head <= r.high && r.entry.lengths.includes(digits.length)) return r.entry;
  }
  return undefined;
}
