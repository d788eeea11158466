import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { idiomTable, shapeSlipTable, suspectTable } from '../../../src/rules/typo/helpers/builtin.js';
import { SuspectWords } from '../../../src/rules/typo/helpers/suspect-words.js';

/**
 * Shape slips into very common words (typo/common-typo's non-word check with typo/shape-slips.json, issue 12):
 * look-alikes computed from character structure and stroke order, read only into a word jieba counts at least
 * a thousand times, with strong evidence. None of the sentences below is in a held-out set.
 */
const checker = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning' } }, { segmenter: jiebaSegmenter });
const slips = (text: string) => checker.check(text).filter((f) => f.entryId === 'suspect-word').map((f) => ({ actual: text.slice(f.range[0], f.range[1]), expected: f.expected[0], severity: f.severity, note: f.note ?? '' }));
const withShapes = new SuspectWords(suspectTable.entries, idiomTable.entries.confusion, {}, shapeSlipTable.entries);
const withoutShapes = new SuspectWords(suspectTable.entries, idiomTable.entries.confusion);
const read = (words: SuspectWords, text: string) => words.find(text, jiebaSegmenter, true).map((s) => `${text.slice(s.start, s.end)}→${s.word}`);

describe('typo/common-typo: shape slips into very common words', () => {
  it('finds a slip only the computed shape table offers, with the right word and a note on the evidence', () => {
    // 服条: 条 and 务 share 夂 on top; no listed confusion set pairs them.
    const text = '全面提高政务服条水平。';
    expect(read(withoutShapes, text)).toEqual([]);
    expect(read(withShapes, text)).toEqual(['服条→服务']);
    const [f] = slips(text);
    expect(f).toMatchObject({ actual: '服条', expected: '服务', severity: 'info' });
    expect(f?.note).toContain('字形相近');
  });

  it('is sure (the rule severity) only for a rare written character and a large gain', () => {
    // 逋 is outside the 3 500 common characters: OCR and handwriting put such characters for common ones.
    expect(slips('交逋运输部门要加强节日运力保障。')).toMatchObject([{ actual: '交逋', expected: '交通', severity: 'warning' }]);
    expect(read(withoutShapes, '交逋运输部门要加强节日运力保障。')).toEqual([]);
  });

  it('leaves real words made of look-alike characters alone', () => {
    for (const text of [
      '对表现突出的单位予以表彰，窗口人员不得刁难群众。',
      '未来五年，全市将重点建设物流网络末端配送站点。',
      '市经信局走访冶金企业，了解冶炼环节的节能改造情况。',
      '暑期将至，各地要加强防溺水安全教育。',
      '春节假期办事大厅休息，网上服务平台照常受理。',
    ]) expect(slips(text), text).toEqual([]);
  });

  it('does not read a word the fold rewrote (什么 folds to 什幺) as a slip of itself', () => {
    expect(slips('中国无论发展到什么程度，永远不称霸，永远不搞扩张。')).toEqual([]);
  });

  it('reads a shape slip only into a very common word (jieba count of about a thousand or more)', () => {
    // 应急 (jieba 605) is below the floor: 应怠 is left to the listed confusion sets.
    expect(read(withShapes, '各地要完善应怠预案，提前做好防汛准备。')).toEqual([]);
  });
});

describe('typo/common-typo: a shape hint gives way to typo/confusable-word', () => {
  const both = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning', 'typo/confusable-word': 'warning' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  it('keeps the other rule’s reading of the same stretch (犬会: 全会 by sound, not 不会 by shape)', () => {
    const text = '认真学习贯彻市委四届八次犬会精神。';
    // Alone, the shape table offers a hint.
    expect(slips(text)).toMatchObject([{ actual: '犬会', severity: 'info' }]);
    const found = both.check(text).map((f) => `${f.ruleId} ${text.slice(f.range[0], f.range[1])}→${f.expected[0]}`);
    expect(found).toEqual(['typo/confusable-word 犬会→全会']);
  });
  it('a sure shape slip still speaks for itself', () => {
    const text = '交逋运输部门要加强节日运力保障。';
    expect(both.check(text).map((f) => `${f.ruleId} ${text.slice(f.range[0], f.range[1])}→${f.expected[0]}`)).toEqual(['typo/common-typo 交逋→交通']);
  });
});
