import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { rules } from '../../src/rules/privacy/index.js';

/** The README table shows each rule's docs example: the wrong one must fire, the right one must not (beyond info). */
describe('privacy rules: documented examples', () => {
  const checker = createChecker({ preset: 'recommended' });
  for (const rule of rules) {
    it(rule.id, () => {
      const wrong = checker.check(rule.meta.docs.wrong).filter((f) => f.ruleId === rule.id);
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.every((f) => f.data?.masked === false)).toBe(true);
      const right = checker.check(rule.meta.docs.right).filter((f) => f.ruleId.startsWith('privacy/') && f.data?.masked !== true);
      expect(right).toEqual([]);
    });
  }
});
