/**
 * Bad content never throws or hangs: every privacy rule at once on megabyte inputs shaped to make
 * a backtracking pattern blow up, and on broken UTF-16. The vitest timeout is the hang guard.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { redact } from '../../src/redact.js';
import { rules } from '../../src/rules/privacy/index.js';
import type { RuleSetting } from '../../src/types.js';

const settings: Record<string, RuleSetting> = {};
for (const rule of rules) settings[rule.id] = ['info', {}];
const checker = createChecker({ preset: 'none', rules: settings });

const MB = 1 << 20;
const INPUTS: [string, string][] = [
  ['digits', '7'.repeat(MB)],
  ['digits and spaces', '12 '.repeat(MB / 3)],
  ['digits and dashes', '0571-'.repeat(MB / 5)],
  ['four-digit groups', '6222 '.repeat(MB / 5)],
  ['mask characters', `138${'*'.repeat(MB)}5678`],
  ['x and digits', '1x'.repeat(MB / 2)],
  ['mailbox characters', `${'a.'.repeat(MB / 2)}@`],
  ['at signs', 'a@b.'.repeat(MB / 4)],
  ['plus signs', '+86'.repeat(MB / 3)],
  ['plates', '京A1'.repeat(MB / 3)],
  ['capitals and digits', 'E1'.repeat(MB / 2)],
  ['full-width digits', '１'.repeat(MB)],
  ['one line of URL', `https://example.com/${'9'.repeat(MB)}`],
  ['mobiles joined by slashes', '13812345678/'.repeat(MB / 12)],
  ['spaced dashes', '0571 - '.repeat(MB / 7)],
  ['dashed ID groups', '110101-19900307-'.repeat(MB / 16)],
  ['counter labels', '浏览量1381234567'.repeat(MB / 13)],
];

describe('privacy rules on adversarial input', () => {
  for (const [name, text] of INPUTS) {
    it(`${name} (1 MB) completes`, () => {
      const findings = checker.check(text);
      for (const f of findings) expect(text.slice(f.range[0], f.range[1])).toBe(f.actual);
      expect(redact(text, findings).length).toBeGreaterThan(0);
    });
  }

  it('lone surrogates around and inside values', () => {
    const text = '\ud800身份证号110101199003074514\udc00手机\ud83d13812345678\ud83d';
    const findings = checker.check(text).filter((f) => f.severity !== 'info' || f.data?.masked === false);
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([
      ['privacy/cn-id-card', '110101199003074514'],
      ['privacy/cn-mobile', '13812345678'],
    ]);
    expect(redact(text)).toBe('\ud800身份证号110101********4514\udc00手机\ud83d138****5678\ud83d');
  });

  it('empty and whitespace-only input', () => {
    expect(checker.check('')).toEqual([]);
    expect(checker.check(' \n\r\n\t')).toEqual([]);
    expect(redact('')).toBe('');
  });
});
