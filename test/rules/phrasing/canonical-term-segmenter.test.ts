import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';

/** phrasing/canonical-term's `any` terms (names of the state, campaigns) with the segmenter: which substitutions it takes. */
const node = createChecker({ preset: 'none', rules: { 'phrasing/canonical-term': 'error' } }, { segmenter: jiebaSegmenter });
const core = createChecker({ preset: 'none', rules: { 'phrasing/canonical-term': 'error' } });
const found = (text: string, checker = node) => checker.check(text, { date: '2024-06-01' }).map((f) => `${f.actual} → ${f.expected[0]}`);

describe('phrasing/canonical-term: any character in the interior of a campaign or state name', () => {
  it('takes a character the segmenter leaves outside the first word (全|流程 for 全过程)', () => {
    expect(found('发展全流程人民民主。')).toEqual(['全流程人民民主 → 全过程人民民主']);
    expect(found('发展全流程人民民主。', core)).toEqual(['全流程人民民主 → 全过程人民民主']);
  });
  it('takes no character that makes the first word another one: 党章学习教育 is a campaign of its own', () => {
    // A county Party committee's 2024 notice: 建立健全党章学习教育制度 (drew an error for 党纪学习教育).
    expect(found('针对党支部特点，建立健全党章学习教育制度。')).toEqual([]);
    expect(found('深入开展党纪学习教肓。')).toEqual(['党纪学习教肓 → 党纪学习教育']);
  });
});
