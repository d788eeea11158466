import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/checker.js';
import { caseSeed, fileCase, imageCase, SHAPES, textCase } from '../scripts/fuzz/generators.js';
import { findingProblems } from '../scripts/fuzz/invariants.js';

/**
 * The harness behind `npm run fuzz` (the campaign itself is not part of `npm test`): a case is a pure
 * function of (seed, entry point, index), so a reported failure replays; the invariant check catches
 * a finding whose range, `actual` or `loc` disagree with the source.
 */
describe('fuzz harness', () => {
  it('draws the same case from the same seed, entry point and index, and different ones otherwise', () => {
    expect(textCase(20261206, 'html', 42)).toBe(textCase(20261206, 'html', 42));
    expect(textCase(20261206, 'html', 42)).not.toBe(textCase(20261206, 'html', 43));
    expect(caseSeed(1, 'text', 0)).not.toBe(caseSeed(1, 'markdown', 0));
    const encode = (t: string) => Buffer.from(t, 'utf8');
    expect(fileCase(7, 3, encode)).toEqual(fileCase(7, 3, encode));
    const corpus = [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5])];
    expect(imageCase(7, 3, corpus, corpus)).toEqual(imageCase(7, 3, corpus, corpus));
  });

  it('the invariant check passes real findings and names a broken one', () => {
    const source = '身份证号110101199003074514。';
    const findings = createChecker().check(source);
    expect(findings.length).toBeGreaterThan(0);
    expect(findingProblems(source, findings)).toEqual([]);
    const broken = [{ ...findings[0]!, actual: '篡改' }, { ...findings[0]!, range: [0, 999] as const }, { ...findings[0]!, loc: { start: { line: 9, column: 9 }, end: { line: 9, column: 9 } } }];
    expect(findingProblems(source, broken as never)).toHaveLength(3);
  });

  it('every shape family makes about the size asked', () => {
    for (const shape of SHAPES) {
      const n = shape.make(16_384).length;
      expect(n, shape.name).toBeGreaterThan(8_000);
      expect(n, shape.name).toBeLessThan(40_000);
    }
  });
});
