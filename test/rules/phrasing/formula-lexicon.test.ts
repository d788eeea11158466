import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lexiconRaw from '../../../dictionaries/phrasing/lexicon.json';
import seenRaw from '../../../dictionaries/phrasing/lexicon-variants-seen.json';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { lexiconVariantList, unitEdits } from '../../../src/rules/phrasing/formula.js';

/** Word-level edits of the lexicon's fixed terms (phrasing/formula with the segmenter and its word counts). */
const words = jiebaWordFrequencies();
const node = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } }, { segmenter: jiebaSegmenter, words });
const core = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } });
const lexicon = (lexiconRaw as unknown as { entries: Record<string, [number, string, string?]> }).entries;
const seen = (seenRaw as unknown as { entries: Record<string, string> }).entries;

const found = (text: string, checker = node) => checker.check(text, { date: '2024-06-01' }).map((f) => ({ actual: f.actual, expected: f.expected[0], severity: f.severity }));

describe('phrasing/formula: word-level edits of lexicon terms', () => {
  it.each([
    ['为全面建设现代化社会主义国家而团结奋斗。', '全面建设现代化社会主义国家', '全面建设社会主义现代化国家'],
    ['推动中华传统优秀文化创造性转化。', '中华传统优秀文化', '中华优秀传统文化'],
    ['携手构建人类共同命运体。', '人类共同命运体', '人类命运共同体'],
    ['坚持以结构性供给侧改革为主线。', '结构性供给侧改革', '供给侧结构性改革'],
    ['坚持和完善区域民族自治制度。', '区域民族自治制度', '民族区域自治制度'],
    ['我国发展不充分不平衡的问题仍然突出。', '发展不充分不平衡', '发展不平衡不充分'],
  ])('reports a swap of a term two Party documents or a list hold as an error: %s', (text, actual, expected) => {
    expect(found(text)).toEqual([{ actual, expected, severity: 'error' }]);
  });

  it('reports a dropped word, and a swap in a term only one Party document holds, as advice (a warning even with the rule at error)', () => {
    expect(found('要把铸牢中华民族意识作为主线。')).toEqual([{ actual: '铸牢中华民族意识', expected: '铸牢中华民族共同体意识', severity: 'warning' }]);
    expect(found('加快推进农村农业现代化。')).toEqual([{ actual: '农村农业现代化', expected: '农业农村现代化', severity: 'warning' }]);
  });

  it('says what was edited and where the term comes from', () => {
    const [f] = node.check('推动中华传统优秀文化创造性转化。');
    expect(f?.message).toContain('调换了两个词的次序');
    expect(f?.source).toContain('党的二十大报告');
  });

  it.each([
    '近年来该县持续加强生态建设，森林覆盖率稳步提高。',
    '各级党组织要加强党史教育，机关党委组织开展学习教育。',
    '管党治党必须从严治党，坚持全面从严治党。',
    '加快推进农业现代化和农村现代化，全面推进国防现代化和军队现代化。',
    '全面启动实施国家科技重大专项，推动军民融合深度发展。',
    '以改革创新精神全面推进党的建设新的伟大工程。',
    '坚持统筹发展和安全，安全和发展是一体之两翼。',
    '各族人民朝着民族复兴伟业阔步前进，加快建设全国统一大市场。',
    '推动中华优秀传统文化创造性转化，坚持和完善民族区域自治制度。',
    '我国发展不平衡不充分的问题仍然突出。',
  ])('stays silent on right text: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('takes the lexicon into account only with the segmenter and its word counts', () => {
    expect(found('推动中华传统优秀文化创造性转化。', core)).toEqual([]);
    const segmenterOnly = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } }, { segmenter: jiebaSegmenter });
    expect(found('推动中华传统优秀文化创造性转化。', segmenterOnly)).toEqual([]);
  });

  it('leaves a protected term to phrasing/canonical-term: one finding, not two', () => {
    const both = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error', 'phrasing/canonical-term': 'error' } }, { segmenter: jiebaSegmenter, words });
    const findings = both.check('用习近平新时代中国社会主义思想凝心铸魂。');
    expect(findings.map((f) => f.ruleId)).toEqual(['phrasing/canonical-term']);
  });

  it('makes no variant that is a lexicon term, a dictionary word, a string the sources write, or shorter than five characters', () => {
    const variants = lexiconVariantList(jiebaSegmenter, words);
    expect(variants.length).toBeGreaterThan(1000);
    for (const v of variants) {
      expect(v.text.length, v.text).toBeGreaterThanOrEqual(5);
      expect(lexicon[v.text], v.text).toBeUndefined();
      expect(words.frequency(v.text), v.text).toBe(0);
      expect(seen[v.text], v.text).toBeUndefined();
      expect(lexicon[v.term], v.term).toBeDefined();
    }
    // Two terms give 现代化体系 (现代化产业体系, 现代化基础设施体系): which was meant is unknown.
    expect(variants.some((v) => v.text === '现代化体系')).toBe(false);
  });

  it('records, in lexicon-variants-seen.json, only variants of lexicon terms', () => {
    const all = new Map(lexiconVariantList(jiebaSegmenter, words, false).map((v) => [v.text, v.term]));
    for (const [variant, term] of Object.entries(seen)) expect(all.get(variant), variant).toBe(term);
    expect(readFileSync(new URL('../../../dictionaries/phrasing/lexicon-variants-seen.json', import.meta.url), 'utf8')).toContain('scripts/build-lexicon-variants.ts');
  });
});

describe('unitEdits', () => {
  it('swaps neighbours and conjuncts, and drops inner units from the given length', () => {
    const edits = [...unitEdits(['国防', '和', '军队', '现代化'], 4)].map((e) => `${e.kind}:${e.text}`);
    expect(edits).toContain('swap:军队和国防现代化');
    expect(edits).toContain('swap:和国防军队现代化');
    expect(edits).toContain('drop:国防军队现代化');
    expect([...unitEdits(['生态', '文明', '建设'], 4)].map((e) => e.kind)).toEqual(['swap', 'swap']);
    expect([...unitEdits(['党史', '学习'], 3)]).toEqual([]);
  });
});
