/**
 * @fileoverview Phone-number facts: the mobile prefixes counted as personal numbers
 * (dictionaries/privacy/mobile-prefixes.json), the landline area codes
 * (dictionaries/privacy/landline-area-codes.json) and public service numbers
 * (dictionaries/privacy/hotlines.json).
 */
import areaCodes from '../../dictionaries/privacy/landline-area-codes.json';
import hotlines from '../../dictionaries/privacy/hotlines.json';
import prefixes from '../../dictionaries/privacy/mobile-prefixes.json';

interface PrefixEntry {
  readonly id: string;
  readonly carrier: string;
  readonly kind: string;
}

const MOBILE = new Map<string, PrefixEntry>();
for (const e of prefixes.entries as readonly PrefixEntry[]) MOBILE.set(e.id, e);

const AREA = new Map<string, string>();
for (const e of areaCodes.entries as readonly { id: string; region: string }[]) AREA.set(e.id, e.region);

const HOTLINES = new Set<string>((hotlines.entries as readonly { id: string }[]).map((e) => e.id));

/** The prefix entry of an 11-digit mobile number (4-digit entries such as 1740 first), or undefined. */
export function mobilePrefix(digits: string): PrefixEntry | undefined {
  if (digits.length !== 11 || digits.charCodeAt(0) !== 49) return undefined;
  return MOBILE.get(digits.slice(0, 4)) ?? MOBILE.get(digits.slice(0, 3));
}

/**
 * The area code at the start of `digits` (which begins with 0): 010 and 02x have three digits,
 * every other code four; the two sets are prefix-free. Undefined when the code is not allocated.
 */
export function areaCodeOf(digits: string): string | undefined {
  if (digits.charCodeAt(0) !== 48) return undefined;
  const three = digits.slice(0, 3);
  if (AREA.has(three)) return three;
  const four = digits.slice(0, 4);
  return AREA.has(four) ? four : undefined;
}

/** The region an area code serves. */
export function areaRegion(code: string): string | undefined {
  return AREA.get(code);
}

/** Whether `digits` is a published public service number (12345, 12315, 95598 …). */
export function isHotline(digits: string): boolean {
  return HOTLINES.has(digits);
}
