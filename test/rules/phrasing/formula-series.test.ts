import { describe, expect, it } from 'vitest';
import seriesRaw from '../../../dictionaries/phrasing/series.json';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { enumerations, keepsFrame, seriesKey } from '../../../src/rules/phrasing/helpers/series.js';

/** phrasing/formula on the fixed series of the authoritative texts (dictionaries/phrasing/series.json), one member changed. */
const node = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } }, { segmenter: jiebaSegmenter });
const core = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } });
const entries = (seriesRaw as unknown as { entries: Record<string, [number, string, string, string]> }).entries;

const found = (text: string, checker = node) => checker.check(text, { date: '2025-06-01' }).map((f) => ({ actual: f.actual, expected: f.expected[0], severity: f.severity }));

describe('series: members listed with 、', () => {
  it('cuts the first and last members to the inner members’ length, and finds every series of a line', () => {
    const text = '坚定道路自信、理论自信、制度自信、文化自信，增强政治意识、大局意识、核心意识、看齐意识。一、二';
    expect(enumerations(text).map((e) => seriesKey(text, e))).toEqual(['道路自信、理论自信、制度自信、文化自信', '政治意识、大局意识、核心意识、看齐意识']);
  });
  it('takes no run whose inner members differ in length, and no two-member list', () => {
    expect(enumerations('教育、科学技术、人才、文化')).toEqual([]);
    expect(enumerations('人民至上、生命至上')).toEqual([]);
  });
  it('keeps the frame the members share, or half the member where they share nothing', () => {
    const four = ['道路自信', '理论自信', '制度自信', '文化自信'];
    expect(keepsFrame(four, '文化自信', '民族自信')).toBe(true);
    expect(keepsFrame(four, '文化自信', '文化自觉')).toBe(false);
    expect(keepsFrame(four, '文化自信', '理论自信')).toBe(false);
    const law = ['科学立法', '严格执法', '公正司法', '全民守法'];
    expect(keepsFrame(law, '公正司法', '公平司法')).toBe(true);
    expect(keepsFrame(law, '公正司法', '依法办事')).toBe(false);
  });
  it('holds only series of three or more members of one length that two or more documents write, with their sources', () => {
    const keys = Object.keys(entries);
    expect(keys.length).toBeGreaterThan(150);
    for (const [key, [documents, where, open]] of Object.entries(entries)) {
      const members = key.split('、');
      expect(members.length, key).toBeGreaterThanOrEqual(3);
      expect(new Set(members.map((m) => m.length)).size, key).toBe(1);
      expect(documents, key).toBeGreaterThanOrEqual(2);
      expect(where, key).not.toBe('');
      for (const p of open ? open.split(' ').map(Number) : []) expect(p, key).toBeLessThan(members.length);
    }
    expect(entries['道路自信、理论自信、制度自信、文化自信']?.[1]).toContain('cpc-20th-congress-report-2022');
  });
});

describe('phrasing/formula: a fixed series with one member changed', () => {
  it.each([
    ['我们要坚定道路自信、理论自信、制度自信、民族自信，奋力谱写新篇章。', '民族自信', '文化自信'],
    ['全体党员要增强政治意识、大局意识、核心意识、忧患意识，坚决做到“两个维护”。', '忧患意识', '看齐意识'],
    ['在幼有所育、学有所教、劳有所得、病有所依、老有所养、住有所居、弱有所扶上持续用力。', '病有所依', '病有所医'],
    ['一体推进不敢腐、不能腐、不愿腐。', '不愿腐', '不想腐'],
  ])('reports the member as advice, with the series as written: %s', (text, actual, expected) => {
    expect(found(text)).toEqual([{ actual, expected, severity: 'warning' }]);
  });

  it('at a place the sources fill with another member, only a slip by sound or shape (法制化 for 法治化)', () => {
    expect(found('着力打造市场化、法制化、国际化一流营商环境。')).toEqual([{ actual: '法制化', expected: '法治化', severity: 'warning' }]);
    expect(found('推动会展项目市场化、国际化、专业化发展。')).toEqual([]);
  });

  it('says which series the authoritative texts write, and where', () => {
    const [f] = node.check('增强政治意识、大局意识、核心意识、忧患意识。', { date: '2025-06-01' });
    expect(f?.message).toContain('政治意识、大局意识、核心意识、看齐意识');
    expect(f?.source).toContain('党的十九大报告');
  });

  it('works without a segmenter too, where no ideograph stands beyond a changed first or last member', () => {
    expect(found('坚定道路自信、理论自信、制度自信、民族自信。', core)).toEqual([{ actual: '民族自信', expected: '文化自信', severity: 'warning' }]);
  });

  it.each([
    '坚定道路自信、理论自信、制度自信、文化自信，增强政治意识、大局意识、核心意识、看齐意识。',
    '加快建设教育强国、科技强国、文化强国。',
    '保障城区供水、供气、供电安全。',
    '坚定道路自信、理论自信、制度自信、文化自信、历史自信。',
    '增强忧患意识、责任意识、担当意识。',
    '富强、民主、文明、和谐、美丽。',
  ])('stays silent on right text: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
