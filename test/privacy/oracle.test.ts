/**
 * A popular npm validator (id-validator, mc-zone/IDValidator) as a second oracle for the ID
 * validator: on numbers whose address code both tables list, the two must agree on the check
 * character and the calendar; where they differ, the tests below pin down which one is right
 * and why (its table is a single stale edition that falls back to "未知地区" for any code of a
 * known province, it has no upper bound on the birth date, and it knows no residence permits and
 * no foreigners' IDs).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateId18 } from '../../src/knowledge/id-card.js';
import { withIdCheck } from './reference.js';

interface IdValidator {
  isValid(id: string): boolean;
  getInfo(id: string): false | { addrCode: string; addr: string; birth: string; sex: number };
}
const require = createRequire(import.meta.url);
const IDValidator = require('id-validator') as new (table?: Record<string, string>) => IdValidator;
const GB2260 = require('id-validator/src/GB2260') as Record<string, string>;
const theirs = new IDValidator(GB2260);

const TODAY = '2026-11-23';
const ours = (id: string): boolean => typeof validateId18(id, 0, TODAY) === 'object';

const table = JSON.parse(readFileSync(new URL('../../dictionaries/privacy/regions.json', import.meta.url), 'utf8')) as { entries: Record<string, unknown> };
// County-level codes both tables list (their table also lists provinces and prefectures).
const SHARED = Object.keys(table.entries).filter((c) => !c.endsWith('00') && c in GB2260 && c[0] !== '9');

describe('id-validator as an oracle', () => {
  it('shares thousands of county codes with our table', () => {
    expect(SHARED.length).toBeGreaterThan(2500);
  });

  it('agrees on check character and calendar wherever both tables know the address code (property)', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const id = fc
      .tuple(
        fc.constantFrom(...SHARED),
        fc.integer({ min: 1900, max: 2026 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        digits(3),
        fc.oneof(fc.constant('right'), fc.constantFrom(...'0123456789X')),
      )
      .map(([region, y, m, d, seq, last]) => {
        const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
        return last === 'right' ? withIdCheck(body) : body + last;
      })
      // Its calendar only bounds the month to 1–12 and the day to 1–31, with no upper bound on the
      // year: such dates (30 February, 31 April, next year) are tested below, not sampled here.
      .filter((s) => {
        const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
        const real = new Date(Date.UTC(y, m - 1, d));
        const isReal = real.getUTCFullYear() === y && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
        const outOfRange = m < 1 || m > 12 || d < 1 || d > 31;
        return (isReal || outOfRange) && s.slice(6, 14) <= TODAY.replace(/-/g, '');
      });
    fc.assert(
      fc.property(id, (s) => {
        expect(ours(s)).toBe(theirs.isValid(s));
      }),
      { numRuns: 5000 },
    );
  });

  describe('where it is wrong', () => {
    it('accepts a made-up county in a real prefecture (it falls back to 未知地区); we do not', () => {
      const id = withIdCheck('11019919900307451');
      expect(theirs.isValid(id)).toBe(true);
      expect(theirs.getInfo(id)).toMatchObject({ addr: expect.stringContaining('未知地区') });
      expect(validateId18(id, 0, TODAY)).toBe('region');
    });

    it('accepts a birth date in the future; we do not', () => {
      const id = withIdCheck('11010120300101451');
      expect(theirs.isValid(id)).toBe(true);
      expect(validateId18(id, 0, TODAY)).toBe('date');
    });

    it('accepts days a month does not have (30 February, 31 April, 29 February 1900); we do not', () => {
      for (const date of ['19900230', '19900431', '19000229', '20230229']) {
        const id = withIdCheck(`110101${date}000`);
        expect(theirs.isValid(id), date).toBe(true);
        expect(validateId18(id, 0, TODAY), date).toBe('date');
      }
    });

    it('does not know codes created after its edition: it cannot name 和康县 (2024) or 临平区 (2021); we can', () => {
      for (const [body, name] of [
        ['65322819990101002', '和康县'],
        ['33011319900307451', '临平区'],
      ] as const) {
        const id = withIdCheck(body);
        const info = theirs.getInfo(id);
        expect(info && info.addr).toContain('未知地区');
        expect(validateId18(id, 0, TODAY)).toMatchObject({ region: expect.stringContaining(name) });
      }
    });

    it('rejects the residence permits of Hong Kong, Macao and Taiwan residents and the 2023 foreigners’ ID; we accept them', () => {
      for (const body of ['81000019920415123', '82000019920415121', '83000019920415124', '91184019850203001']) {
        const id = withIdCheck(body);
        expect(theirs.isValid(id)).toBe(false);
        expect(ours(id)).toBe(true);
      }
    });
  });
});
