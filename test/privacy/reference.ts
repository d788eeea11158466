/**
 * @fileoverview Reference implementations for the privacy tests, written from the standards and
 * independently of src/: tests compute check characters with these, never paste them.
 */

/** GB 11643-1999 §6.2 (ISO 7064 MOD 11-2): (12 − Σ a_i·2^(17−i) mod 11) mod 11, 10 written X. */
export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** The 17 digits with their check character appended. */
export function withIdCheck(body17: string): string {
  return body17 + idCheckChar(body17);
}

/** The 17 digits with a check character that is certainly wrong. */
export function withWrongIdCheck(body17: string): string {
  return body17 + (idCheckChar(body17) === '0' ? '1' : '0');
}

/** Luhn (ISO/IEC 7812-1): the digit that makes the doubled-every-second-from-the-right sum a multiple of 10. */
export function luhnDigit(payload: string): string {
  let sum = 0;
  [...payload].reverse().forEach((c, i) => {
    const d = Number(c);
    sum += i % 2 === 0 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d]! : d;
  });
  return String((10 - (sum % 10)) % 10);
}

/** The payload with its Luhn digit appended. */
export function withLuhn(payload: string): string {
  return payload + luhnDigit(payload);
}

/** The payload with a Luhn digit that is certainly wrong. */
export function withWrongLuhn(payload: string): string {
  return payload + String((Number(luhnDigit(payload)) + 5) % 10);
}

/** The 31 characters of GB 32100-2015 in value order. */
export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 check character: weights 3^i mod 31, check = (31 − Σ mod 31) mod 31. */
export function creditCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body17[i]!) * (3 ** i % 31);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** ISO 7064 hybrid MOD 11,10 check digit of 14 digits (15-digit business registration numbers). */
export function mod1110Digit(body14: string): string {
  let p = 10;
  for (const ch of body14) {
    let s = ((p % 11) + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}
