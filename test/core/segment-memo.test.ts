import { describe, expect, it } from 'vitest';
import { ShenjiaoError } from '../../src/errors.js';
import { createChecker } from '../../src/checker.js';
import { jiebaSegmenter } from '../../src/node/segment.js';

describe('the kernel cuts each text once per check, and keeps the cuts of texts that come back', () => {
  // A page repeats text (the title in <title> and <h1>, a footer line twice): each is cut once.
  const article =
    '<title>某某区人民政府关于做好安全生产工作的通知</title><h1>某某区人民政府关于做好安全生产工作的通知</h1><p>全市上下要再接再励，认真安排布署安全生产工作，坚持以人民为中心的发展思想，推进国家治理体系和治理能力现代化。</p><p>会议强调，要严惩不怠，深入开展党史学习教育。</p><p>李军对市政协为全市经济社会高质量发展作出的贡献,特别是给予市政府工作的支持表示感谢。</p>';

  it('hands every rule and every repeat the same words, and the findings do not change', () => {
    const calls = new Map<string, number>();
    const counting = (text: string) => {
      calls.set(text, (calls.get(text) ?? 0) + 1);
      return jiebaSegmenter(text);
    };
    const checked = createChecker({ preset: 'all' }, { segmenter: counting }).checkHtml(article);
    expect(calls.size).toBeGreaterThan(0);
    expect(Math.max(...calls.values())).toBe(1);
    // A second check cuts again: a text is kept only once it comes back in a later check (TextRecall).
    const checker = createChecker({ preset: 'all' }, { segmenter: counting });
    calls.clear();
    const first = checker.checkHtml(article);
    checker.checkHtml(article);
    expect(Math.max(...calls.values())).toBe(2);
    // From the third on, the texts that came back are read back, not cut; only the shortest are cut each time.
    expect(checker.checkHtml(article)).toEqual(first);
    const long = [...calls].filter(([t]) => t.length >= 4);
    expect(long.length).toBeGreaterThan(3);
    expect(long.every(([, n]) => n === 2)).toBe(true);
    // A checker that keeps nothing cuts every text in every check, to the same findings.
    const forgetful = createChecker({ preset: 'all' }, { segmenter: counting, recallChars: 0 });
    calls.clear();
    for (let k = 0; k < 3; k++) expect(forgetful.checkHtml(article)).toEqual(first);
    expect(Math.min(...calls.values())).toBe(3);
    // The same findings as a segmenter that is not memoised by anyone (rules that cut repeatedly).
    const plain = createChecker({ preset: 'all' }, { segmenter: jiebaSegmenter }).checkHtml(article);
    expect(checked).toEqual(plain);
    expect(checked.map((f) => f.ruleId)).toContain('typo/common-typo');
  });
});

describe('runtime.recallChars', () => {
  it('takes a non-negative integer; anything else is a typed error, not a store that never fills or never empties', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createChecker({}, { segmenter: jiebaSegmenter, recallChars: bad })).toThrow(ShenjiaoError);
    }
    // A budget smaller than any text keeps nothing, check after check.
    const tiny = createChecker({}, { segmenter: jiebaSegmenter, recallChars: 1 });
    for (let k = 0; k < 3; k++) expect(tiny.check('全市上下要再接再励，认真安排布署安全生产工作。').map((f) => f.actual)).toEqual(['再接再励', '布署']);
  });
});
