import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { chineseCount, chineseCountOf } from '../../../src/knowledge/anniversaries.js';

describe('anniversaries counted against the stated year (phrasing/canonical-term, dictionaries/phrasing/anniversaries.json)', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/canonical-term': 'error' } });
  const found = (text: string, date = '2025-12-01') => checker.check(text, { date }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`);
  it('reads Chinese counts and writes them back the same way', () => {
    expect([75, 103, 110, 100, 10, 80, 999].map((n) => chineseCount(chineseCountOf(n)))).toEqual([75, 103, 110, 100, 10, 80, 999]);
    expect([chineseCountOf(104), chineseCountOf(110), chineseCountOf(76), chineseCountOf(10)]).toEqual(['一百零四', '一百一十', '七十六', '十']);
    expect([chineseCount('两百'), chineseCount('一百零三'), chineseCount('十五'), chineseCount('百十')]).toEqual([200, 103, 15, Number.NaN]);
  });
  it('a count the stated year does not give is reported with the right one, in the same numerals', () => {
    expect(found('2025年是中国人民抗日战争暨世界反法西斯战争胜利79周年。')).toEqual(['79周年→80周年']);
    expect(found('今年是中国共产党成立一百零三周年。', '2025-07-01')).toEqual(['一百零三周年→一百零四周年']);
    expect(found('去年，全县隆重庆祝新中国成立76周年。', '2025-03-01')).toEqual(['76周年→75周年']);
  });
  it('nothing without a year before the count in its sentence, or when the count is right', () => {
    expect(found('新中国成立75周年之际，我县举办了展览。')).toEqual([]);
    expect(found('纪念毛泽东同志诞辰130周年座谈会于2023年12月26日举行。')).toEqual([]);
    expect(found('2019年以来，我县累计投入3亿元。新中国成立75周年之际，举办了展览。')).toEqual([]);
    expect(found('到2035年基本实现社会主义现代化，到新中国成立100周年时建成社会主义现代化强国。')).toEqual([]);
    expect(found('2024年10月1日，庆祝中华人民共和国成立75周年。')).toEqual([]);
    expect(found('2024年，县第一中学迎来建校80周年。')).toEqual([]);
  });
});
