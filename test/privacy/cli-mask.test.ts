import { describe, expect, it } from 'vitest';
import { forDisplay, maskLine } from '../../src/cli/mask.js';
import { createChecker } from '../../src/checker.js';

const checker = createChecker({ preset: 'recommended' });

describe('CLI masking of privacy findings', () => {
  it('shows each rule’s own mask (area code kept, passport series kept)', () => {
    const text = '家庭电话0571-87654321，护照号码E12345678，手机13812345678';
    const shown = checker.check(text).map((f) => forDisplay(f, false).actual);
    expect(shown).toEqual(['0571-******21', 'E*****678', '138****5678']);
  });
  it('masks the caret line the same way, and shows everything with --show-private', () => {
    const text = '手机13812345678，家庭电话0571-87654321';
    const findings = checker.check(text);
    expect(maskLine(text, 0, findings, false)).toBe('手机138****5678，家庭电话0571-******21');
    expect(maskLine(text, 0, findings, true)).toBe(text);
    expect(findings.map((f) => forDisplay(f, true).actual)).toEqual(['13812345678', '0571-87654321']);
  });
  it('never prints the digits of an ID', () => {
    const text = '身份证号110101199003074514';
    const [f] = checker.check(text);
    expect(forDisplay(f!, false).actual).toBe('110101********4514');
  });
});
