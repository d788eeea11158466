import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, isValidCreditCode, isValidRegistrationNumber } from '../../src/privacy/checksum.js';

/** Reference Luhn: the check digit that makes the doubled-every-second-from-the-right sum a multiple of 10. */
function luhnDigit(payload: string): string {
  const digits = [...payload].reverse().map(Number);
  const sum = digits.reduce((s, d, i) => s + (i % 2 === 0 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d]! : d), 0);
  return String((10 - (sum % 10)) % 10);
}

/** Reference GB 32100-2015 check: weights 3^i mod 31, check = 31 - sum mod 31 (31 → 0). */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(body17[i]!) * (3 ** i % 31);
  return CHARS[(31 - (sum % 31)) % 31]!;
}

/** Reference ISO 7064 MOD 11,10 check digit for 14 digits. */
function mod1110Digit(body14: string): string {
  let p = 10;
  for (const ch of body14) {
    let s = (p % 11) + Number(ch);
    s %= 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

describe('Luhn', () => {
  it('accepts generated card numbers and rejects every single-digit change', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 18 }), (a) => {
        const payload = a.join('');
        const card = payload + luhnDigit(payload);
        expect(isLuhnValid(card)).toBe(true);
        const i = a.length % card.length;
        const changed = card.slice(0, i) + String((Number(card[i]) + 1) % 10) + card.slice(i + 1);
        expect(isLuhnValid(changed)).toBe(false);
      }),
    );
  });
  it('rejects non-digits and the empty string', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4111-1111-1111-1111')).toBe(false);
    expect(isLuhnValid('4111111111111111')).toBe(true);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts generated codes, with letters or all digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('11', '12', '13', '19', '51', '52', '53', '59', '91', '92', '93', 'Y1'),
        fc.constantFrom('110000', '110108', '440300', '330106'),
        fc.array(fc.constantFrom(...CHARS), { minLength: 9, maxLength: 9 }),
        (head, region, org) => {
          const body = head + region + org.join('');
          const code = body + creditCheck(body);
          expect(isValidCreditCode(code)).toBe(true);
          const wrong = body + CHARS[(CHARS.indexOf(creditCheck(body)) + 1) % 31];
          expect(isValidCreditCode(wrong)).toBe(false);
        },
      ),
    );
  });
  it('rejects letters outside the code set and wrong lengths', () => {
    const body = '91110108MA01ABCDE';
    expect(isValidCreditCode(body + creditCheck(body))).toBe(true);
    expect(isValidCreditCode(`91110108MA01ABCDI${creditCheck(body)}`)).toBe(false);
    expect(isValidCreditCode(body)).toBe(false);
  });
});

describe('15-digit business registration number (MOD 11,10)', () => {
  it('accepts generated numbers and rejects a changed check digit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }), (a) => {
        const body = a.join('');
        const reg = body + mod1110Digit(body);
        expect(isValidRegistrationNumber(reg)).toBe(true);
        expect(isValidRegistrationNumber(body + String((Number(mod1110Digit(body)) + 3) % 10))).toBe(false);
      }),
    );
  });
});
