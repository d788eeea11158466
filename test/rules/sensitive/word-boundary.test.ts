import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';

describe('word boundaries with real nodejieba segmentation', () => {
  const config = { preset: 'none' as const, rules: { 'sensitive/clothes': 'error' as const }, dictionaries: { sensitive: { clothes: ['和服'] } } };

  it('drops a short match that cuts across words, keeps a whole-word one', () => {
    const checker = createChecker(config, { segmenter: jiebaSegmenter });
    expect(jiebaSegmenter('我们和服务员交谈')).not.toContain('和服');
    expect(checker.check('我们和服务员交谈')).toEqual([]);
    expect(checker.check('她穿着和服').map((f) => f.actual)).toEqual(['和服']);
  });

  it('without a segmenter (browser core) the short match is kept', () => {
    expect(createChecker(config).check('我们和服务员交谈').map((f) => f.actual)).toEqual(['和服']);
  });

  it('a list may ask for word boundaries for every entry (rule option wordBoundary)', () => {
    const base = { preset: 'none' as const, dictionaries: { sensitive: { chess: ['国际象'] } } };
    expect(jiebaSegmenter('学习国际象棋')).toContain('国际象棋');
    const plain = createChecker({ ...base, rules: { 'sensitive/chess': 'error' } }, { segmenter: jiebaSegmenter });
    expect(plain.check('学习国际象棋').map((f) => f.actual)).toEqual(['国际象']);
    const bounded = createChecker({ ...base, rules: { 'sensitive/custom': ['error', { wordBoundary: true }] } }, { segmenter: jiebaSegmenter });
    expect(bounded.check('学习国际象棋')).toEqual([]);
  });
});
