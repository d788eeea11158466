/**
 * @fileoverview Check-character algorithms of the identifiers that privacy rules validate or must
 * tell apart: GB 11643-1999 (ISO 7064 MOD 11-2), Luhn (ISO/IEC 7812-1), GB 32100-2015 (unified
 * social credit code) and GB/T 17710 MOD 11,10 (15-digit business registration numbers).
 * Every function reads char codes and allocates nothing; none throws.
 */

/** Weights 2^(17-i) mod 11 of GB 11643-1999 for the 17 body digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each remainder 0..10 of the weighted sum. */
const ID_CHECK = '10X98765432';

/**
 * The GB 11643-1999 check character (`0`–`9` or `X`) of the 17 digits at `text[start..start+17)`,
 * or `''` when one of them is not an ASCII digit.
 */
export function idCheckChar(text: string, start = 0): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = text.charCodeAt(start + i) - 48;
    if (!(d >= 0 && d <= 9)) return '';
    sum += d * ID_WEIGHTS[i]!;
  }
  return ID_CHECK[sum % 11]!;
}

/** Whether the 18 characters at `text[start..start+18)` carry a valid GB 11643-1999 check character (`x` accepted). */
export function isValidIdChecksum(text: string, start = 0): boolean {
  const want = idCheckChar(text, start);
  if (want === '') return false;
  const got = text.charCodeAt(start + 17);
  return want === 'X' ? got === 88 || got === 120 : got === want.charCodeAt(0);
}

/** Luhn (ISO/IEC 7812-1) over the ASCII digits of `digits`; false when any other character occurs or it is empty. */
export function isLuhnValid(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = n - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The 31 characters of GB 32100-2015, in value order (no I, O, Z, S, V). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997 organization-code weights for its 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Value of each ASCII code in GB 32100's character set, -1 outside it. */
const CREDIT_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CHARS.length; i++) CREDIT_VALUES[CREDIT_CHARS.charCodeAt(i)] = i;

function creditValue(code: number): number {
  // '0'-'9' and upper-case letters only; lower case is folded by the caller if wanted.
  return code < 128 ? CREDIT_VALUES[code]! : -1;
}

/**
 * Whether `code` (18 characters, upper case) is a unified social credit code whose GB 32100-2015
 * check character (MOD 31) is right. The embedded organization code (characters 9–17) is checked
 * with its own GB 11714 check character too when `strict` is set.
 */
export function isValidCreditCode(code: string, strict = false): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = creditValue(code.charCodeAt(i));
    if (v < 0) return false;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  if (CREDIT_CHARS[check] !== code[17]) return false;
  if (!strict) return true;
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code.charCodeAt(8 + i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return false;
    orgSum += v * ORG_WEIGHTS[i]!;
  }
  const orgCheck = 11 - (orgSum % 11);
  const want = orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck);
  return code[16] === want;
}

/**
 * Whether 15 digits are a business registration number (工商注册号, GB/T 17710-1999 hybrid
 * MOD 11,10 over the first 14 digits, as SAIC prescribed in 2006).
 */
export function isValidRegistrationNumber(digits: string): boolean {
  if (digits.length !== 15) return false;
  let p = 10;
  for (let i = 0; i < 15; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return false;
    let s = (p % 11) + d;
    if (i === 14) return s % 10 === 1;
    s %= 10;
    if (s === 0) s = 10;
    p = s * 2;
  }
  return false;
}
