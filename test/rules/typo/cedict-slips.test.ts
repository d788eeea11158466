import { describe, expect, it } from 'vitest';
import cedictRaw from '../../../dictionaries/typo/cedict-slips.json';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';

/**
 * typo/confusable-word's eighth round: CC-CEDICT as a second dictionary (dictionaries/typo/cedict-slips.json,
 * built by scripts/build-cedict-slips.ts) tells a slip jieba's dictionary holds as a word (时侯, 耽心, 彷佛) from
 * a rare word of its own (铭牌, 受权), which jieba's counts alone cannot.
 */
const table = cedictRaw as unknown as { meta: { source: string; license: string }; entries: Record<string, string>; words: string };
const words = jiebaWordFrequencies();
const checker = createChecker({ preset: 'none', rules: { 'typo/confusable-word': 'warning' } }, { segmenter: jiebaSegmenter, words });
const findings = (text: string) => checker.check(text).map((f) => ({ actual: f.actual, expected: f.expected[0], severity: f.severity, entryId: f.entryId }));

describe('the CC-CEDICT table (dictionaries/typo/cedict-slips.json)', () => {
  it('names its source and licence (a derived word list of CC-CEDICT, CC BY-SA 4.0)', () => {
    expect(table.meta.source).toContain('CC-CEDICT');
    expect(table.meta.license).toContain('CC BY-SA 4.0');
  });

  it('pairs each written word with a word one character away and the evidence (e, v, a)', () => {
    const attested = new Set(table.words.split(' '));
    expect(Object.keys(table.entries).length).toBeGreaterThan(300);
    for (const [written, value] of Object.entries(table.entries)) {
      const [word, evidence] = value.split(' ') as [string, string];
      expect(['e', 'v', 'a'], written).toContain(evidence);
      expect(word.length, written).toBe(written.length);
      expect([...written].filter((c, i) => c !== word[i]).length, written).toBe(1);
      expect(attested.has(written), written).toBe(false);
    }
  });

  it('holds the slips, with their corrections, and not the words CC-CEDICT lists as words of their own', () => {
    expect(table.entries['时侯']).toBe('时候 a');
    expect(table.entries['不言而谕']).toBe('不言而喻 a');
    expect(table.entries['耽心']).toBe('担心 v');
    expect(table.entries['图象']).toBe('图像 v');
    expect(table.entries['彷佛']).toBe('仿佛 e');
    for (const w of ['铭牌', '学力', '出镜', '受权', '黏土', '覆膜', '版块', '帐篷', '账户', '瞭望', '设区', '既要', '实绩', '开园', '时艰']) expect(table.entries[w], w).toBeUndefined();
    const attested = new Set(table.words.split(' '));
    for (const w of ['铭牌', '学力', '出镜', '受权']) expect(attested.has(w), w).toBe(true);
  });
});

describe('typo/confusable-word with the CC-CEDICT table (nodejieba and its counts)', () => {
  it('flags a slip jieba holds as a word, with the word meant first', () => {
    expect(findings('群众遇到困难的时侯，党员干部要第一时间出现在他们身边。')).toEqual([{ actual: '时侯', expected: '时候', severity: 'info', entryId: 'cedict-slip/absent' }]);
    expect(findings('市政府召开民营企业家坐谈会。')).toEqual([{ actual: '坐谈会', expected: '座谈会', severity: 'info', entryId: 'cedict-slip/absent' }]);
    expect(findings('不少群众耽心补贴发放不及时。')).toEqual([{ actual: '耽心', expected: '担心', severity: 'info', entryId: 'cedict-slip/variant' }]);
    // A variant is no name: a list of common nouns does not hide it.
    expect(findings('以旧换新活动覆盖家电、家俱等多个品类。')).toEqual([{ actual: '家俱', expected: '家具', severity: 'info', entryId: 'cedict-slip/variant' }]);
    // An erroneous variant far rarer than the word it stands for is a sure slip.
    expect(findings('彷佛回到了从前。')).toEqual([{ actual: '彷佛', expected: '仿佛', severity: 'warning', entryId: 'cedict-slip/erroneous' }]);
  });

  it('says what the second dictionary says, and what to write', () => {
    const [f] = checker.check('对弄虚作假取得的资质依法撤消。');
    expect(f?.message).toContain('CC-CEDICT');
    expect(f?.message).toContain('“撤销”');
    expect(f?.note).toContain('两部词典互证');
  });

  it('leaves alone rare words CC-CEDICT lists as words of their own, which the counts alone would question', () => {
    for (const text of ['新购置的消防车铭牌信息已录入系统。', '新华社受权发布中共中央办公厅、国务院办公厅印发的意见。', '具有同等学力的人员可以报考。', '区长出镜录制短视频。', '网站新闻版块每日更新。', '大棚覆膜种植技术已在全县推广。']) {
      expect(findings(text), text).toEqual([]);
    }
  });

  it('finds nothing without a segmenter (the table is read only for the tokens the segmenter cuts)', () => {
    const core = createChecker({ preset: 'none', rules: { 'typo/confusable-word': 'warning' } });
    expect(core.check('群众遇到困难的时侯，不少群众耽心补贴发放不及时。')).toEqual([]);
  });
});
