/**
 * @fileoverview Validation of Chinese identity numbers: the 18-character citizen ID
 * (GB 11643-1999), the residence permits of Hong Kong, Macao and Taiwan residents (same format,
 * address codes 810000/820000/830000), the 2023 foreigners' permanent-residence ID (18
 * characters starting with 9) and the legacy 15-digit ID (1984–1999, no check digit).
 */
import nationalityCodes from '../../dictionaries/privacy/nationality-codes.json';
import { isValidIdChecksum } from './checksum.js';
import { isKnownRegion, regionName } from './regions.js';

/** What kind of identity number a valid one is. */
export type IdKind = 'resident' | 'hk-macao-permit' | 'taiwan-permit' | 'foreigner' | 'legacy-15';

/** The decoded content of a valid identity number. */
export interface IdInfo {
  readonly kind: IdKind;
  /** The 6-digit address code; for foreigners the issuing province's xx0000. */
  readonly regionCode: string;
  /** Full region name (`北京市东城区`), or the permit's region. */
  readonly region: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  /** For foreigners: the 3-digit numeric nationality code (GB/T 2659, ISO 3166-1 numeric). */
  readonly nationality?: string;
}

/** Why an 18- or 15-character string is not a valid identity number. */
export type IdFailure = 'format' | 'region' | 'date' | 'checksum';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** ISO 3166-1 numeric codes a foreigner's card can carry (dictionaries/privacy/nationality-codes.json). */
const NATIONALITIES = new Set<number>((nationalityCodes.entries as readonly { id: string }[]).map((e) => Number(e.id)));

function digitsAt(text: string, start: number, length: number): number {
  let v = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * A real calendar date no later than `today` (YYYY-MM-DD) and no earlier than 1850, as
 * YYYY-MM-DD, or undefined.
 */
export function birthDateOf(year: number, month: number, day: number, today: string): string | undefined {
  if (year < 1850 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : DAYS[month - 1]!;
  if (day > max) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso <= today ? iso : undefined;
}

/**
 * Validates the 18 characters at `text[start..start+18)`: 17 ASCII digits and a digit or `X`/`x`.
 * `today` (YYYY-MM-DD) bounds the birth date.
 */
export function validateId18(text: string, start: number, today: string): IdInfo | IdFailure {
  const first = text.charCodeAt(start) - 48;
  if (!(first >= 1 && first <= 9)) return 'format';
  if (first === 9) return validateForeigner(text, start, today);
  const regionCode = text.slice(start, start + 6);
  if (!/^\d{6}$/.test(regionCode)) return 'format';
  const year = digitsAt(text, start + 6, 4);
  const month = digitsAt(text, start + 10, 2);
  const day = digitsAt(text, start + 12, 2);
  const seq = digitsAt(text, start + 14, 3);
  if (year < 0 || month < 0 || day < 0 || seq < 0) return 'format';
  const last = text.charCodeAt(start + 17);
  if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return 'format';
  if (!isKnownRegion(regionCode)) return 'region';
  const birthDate = birthDateOf(year, month, day, today);
  if (!birthDate) return 'date';
  if (!isValidIdChecksum(text, start)) return 'checksum';
  const kind: IdKind =
    regionCode === '810000' || regionCode === '820000'
      ? 'hk-macao-permit'
      : regionCode === '830000'
        ? 'taiwan-permit'
        : 'resident';
  const region =
    kind === 'hk-macao-permit'
      ? regionCode === '810000'
        ? '香港特别行政区'
        : '澳门特别行政区'
      : kind === 'taiwan-permit'
        ? '台湾地区'
        : (regionName(regionCode) ?? regionCode);
  return { kind, regionCode, region, birthDate, sex: seq % 2 === 1 ? 'male' : 'female' };
}

/**
 * The 2023 foreigners' permanent-residence ID: `9`, the accepting province's 2-digit code, the
 * 3-digit nationality code, the birth date (8), a sequence (3, odd for men) and a MOD 11-2 check.
 */
function validateForeigner(text: string, start: number, today: string): IdInfo | IdFailure {
  const province = digitsAt(text, start + 1, 2);
  const nationality = digitsAt(text, start + 3, 3);
  const year = digitsAt(text, start + 6, 4);
  const month = digitsAt(text, start + 10, 2);
  const day = digitsAt(text, start + 12, 2);
  const seq = digitsAt(text, start + 14, 3);
  if (province < 0 || nationality < 0 || year < 0 || month < 0 || day < 0 || seq < 0) return 'format';
  const last = text.charCodeAt(start + 17);
  if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return 'format';
  const regionCode = `${String(province).padStart(2, '0')}0000`;
  // The nationality is an ISO 3166-1 numeric code; China (156) and its regions are not in the list.
  if (!isKnownRegion(regionCode) || province >= 71 || !NATIONALITIES.has(nationality)) return 'region';
  const birthDate = birthDateOf(year, month, day, today);
  if (!birthDate) return 'date';
  if (!isValidIdChecksum(text, start)) return 'checksum';
  return {
    kind: 'foreigner',
    regionCode,
    region: regionName(regionCode) ?? regionCode,
    birthDate,
    sex: seq % 2 === 1 ? 'male' : 'female',
    nationality: String(nationality).padStart(3, '0'),
  };
}

/** Validates a legacy 15-digit ID at `text[start..start+15)`: region, 19YYMMDD, sequence; there is no check digit. */
export function validateId15(text: string, start: number, today: string): IdInfo | IdFailure {
  const regionCode = text.slice(start, start + 6);
  if (!/^[1-8]\d{5}$/.test(regionCode)) return 'format';
  const yy = digitsAt(text, start + 6, 2);
  const month = digitsAt(text, start + 8, 2);
  const day = digitsAt(text, start + 10, 2);
  const seq = digitsAt(text, start + 12, 3);
  if (yy < 0 || month < 0 || day < 0 || seq < 0) return 'format';
  if (!isKnownRegion(regionCode) || regionCode.endsWith('0000')) return 'region';
  const birthDate = birthDateOf(1900 + yy, month, day, today);
  if (!birthDate) return 'date';
  return {
    kind: 'legacy-15',
    regionCode,
    region: regionName(regionCode) ?? regionCode,
    birthDate,
    sex: seq % 2 === 1 ? 'male' : 'female',
  };
}

/** Whether `value` (18 or 15 characters, nothing else) is a valid identity number as of `today`. */
export function isValidId(value: string, today: string): boolean {
  if (value.length === 18) return typeof validateId18(value, 0, today) === 'object';
  if (value.length === 15) return typeof validateId15(value, 0, today) === 'object';
  return false;
}
