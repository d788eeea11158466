import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, isValidCreditCode, isValidRegistrationNumber } from '../../src/knowledge/checksum.js';
import { CREDIT_CHARS, creditCheckChar, luhnDigit, mod1110Digit } from './reference.js';

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
        fc.array(fc.constantFrom(...CREDIT_CHARS), { minLength: 9, maxLength: 9 }),
        (head, region, org) => {
          const body = head + region + org.join('');
          const code = body + creditCheckChar(body);
          expect(isValidCreditCode(code)).toBe(true);
          const wrong = body + CREDIT_CHARS[(CREDIT_CHARS.indexOf(creditCheckChar(body)) + 1) % 31];
          expect(isValidCreditCode(wrong)).toBe(false);
        },
      ),
    );
  });
  it('rejects letters outside the code set and wrong lengths', () => {
    const body = '91110108MA01ABCDE';
    expect(isValidCreditCode(body + creditCheckChar(body))).toBe(true);
    expect(isValidCreditCode(`91110108MA01ABCDI${creditCheckChar(body)}`)).toBe(false);
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
