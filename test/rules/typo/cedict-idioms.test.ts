import { describe, expect, it } from 'vitest';
import idiomsRaw from '../../../dictionaries/typo/idioms.json';
import cedictIdiomsRaw from '../../../dictionaries/typo/cedict-idioms.json';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';

/**
 * The idiom check of typo/common-typo reads CC-CEDICT's idioms beside jieba's (dictionaries/typo/cedict-idioms.json,
 * built by scripts/build-cedict-idioms.ts): jieba's part-of-speech tags leave out idioms official text uses most
 * (精益求精, 集思广益, 众志成城), so a slip in them went unseen.
 */
const table = cedictIdiomsRaw as unknown as { meta: { source: string; license: string }; entries: { idioms: string; confusion: Record<string, string>; legit: string } };
const base = (idiomsRaw as unknown as { entries: { idioms: string } }).entries.idioms;
const fours = (s: string) => Array.from({ length: s.length / 4 }, (_, i) => s.slice(i * 4, i * 4 + 4));
const checker = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
const idiomFindings = (text: string) => checker.check(text).filter((f) => f.entryId === 'idiom-near-miss').map((f) => [f.actual, f.expected[0]]);

describe('the CC-CEDICT idiom table (dictionaries/typo/cedict-idioms.json)', () => {
  it('names its sources and licence (a derived word list of CC-CEDICT, CC BY-SA 4.0)', () => {
    expect(table.meta.source).toContain('CC-CEDICT');
    expect(table.meta.source).toContain('pycorrector');
    expect(table.meta.license).toContain('CC BY-SA 4.0');
  });

  it('holds four-character idioms typo/idioms.json lacks, each once', () => {
    const idioms = fours(table.entries.idioms);
    expect(idioms.length).toBeGreaterThan(2000);
    expect(new Set(idioms).size).toBe(idioms.length);
    const have = new Set(fours(base));
    for (const w of idioms) expect(have.has(w), w).toBe(false);
    for (const w of ['精益求精', '集思广益', '众志成城', '不遗余力', '美轮美奂']) expect(idioms, w).toContain(w);
  });
});

describe('typo/common-typo reads the idioms of both tables (nodejieba and its counts)', () => {
  it('flags a one-character slip in an idiom only CC-CEDICT holds, with the idiom first', () => {
    expect(idiomFindings('广大工匠精亦求精，打造一流产品。')).toEqual([['精亦求精', '精益求精']]);
  });

  it('takes a slip only the published look-alike pairs explain with the segmenter, where the written character stands alone', () => {
    expect(idiomFindings('党员干部要严以律已，廉洁奉公。')).toEqual([['严以律已', '严以律己']]);
    // 好 → 子 is a published pair (子 is a part of 好), but 求子 is a word: 求子心切 is no slip of 求好心切.
    expect(idiomFindings('代孕广告吸引着求子心切的家庭。')).toEqual([]);
    const core = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning' } });
    expect(core.check('党员干部要严以律已，廉洁奉公。').filter((f) => f.entryId === 'idiom-near-miss')).toEqual([]);
  });

  it('leaves the idioms written right, and the words one slip from one, alone', () => {
    for (const text of ['广大工匠精益求精。', '大家集思广益，建言献策。', '全县上下众志成城。', '把两个部门合二为一。', '坚决防止执法犯法。']) expect(idiomFindings(text), text).toEqual([]);
  });
});

describe('two middle characters of an idiom swapped', () => {
  it('are no slip where the segmenter reads the window as two words of two characters (先后|来到 in a report of a 2025 视察, for 先来后到)', () => {
    expect(idiomFindings('视察组先后来到白山市实验小学、长白山人参研究院。')).toEqual([]);
  });
});
