import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';

const runtime = { segmenter: jiebaSegmenter };
const typos = (on: Record<string, 'error'>, text: string) =>
  createChecker({ preset: 'none', rules: { 'typo/common-typo': 'error', ...on } }, runtime)
    .check(text)
    .filter((f) => f.ruleId === 'typo/common-typo')
    .map((f) => f.actual);

describe('typo/common-typo defers to phrasing/canonical-term only when that rule is on', () => {
  it('reports a non-word outside political terms either way', () => {
    expect(typos({}, '学校的教肓工作')).toEqual(['教肓']);
    expect(typos({ 'phrasing/canonical-term': 'error' }, '学校的教肓工作')).toEqual(['教肓']);
  });
  it('leaves a slip inside a political term to canonical-term when it is on', () => {
    const checker = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'error', 'phrasing/canonical-term': 'error' } }, runtime);
    const findings = checker.check('深入开展党史学习教肓');
    expect(findings.map((f) => f.ruleId)).toEqual(['phrasing/canonical-term']);
  });
  it('reports that slip itself when canonical-term is off, so turning a rule off never hides a typo', () => {
    expect(typos({}, '深入开展党史学习教肓')).toEqual(['教肓']);
  });
});
