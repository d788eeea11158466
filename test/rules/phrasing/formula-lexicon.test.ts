import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lexiconRaw from '../../../dictionaries/phrasing/lexicon.json';
import seenRaw from '../../../dictionaries/phrasing/lexicon-variants-seen.json';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { lexiconReplaceSlots, lexiconVariantList, synonymous, unitEdits } from '../../../src/rules/phrasing/formula.js';

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

  it('reports a character dropped inside a word of a term a list names or two Party documents use, as advice (供给侧结构改革)', () => {
    expect(found('深化供给侧结构改革，扩大有效需求。')).toEqual([{ actual: '深化供给侧结构改革', expected: '深化供给侧结构性改革', severity: 'warning' }]);
    const drops = lexiconVariantList(jiebaSegmenter, words).filter((v) => v.char);
    expect(drops.length).toBeGreaterThan(500);
    for (const v of drops) {
      // Never the first or last character, never a numeral, always one character of the term.
      expect(v.text.length).toBe(v.term.length - 1);
      expect(v.text[0]).toBe(v.term[0]);
      expect(v.text.at(-1)).toBe(v.term.at(-1));
      expect([...v.term].some((c, k) => /[〇零一二三四五六七八九十百千万亿两0-9]/.test(c) && v.term.slice(0, k) + v.term.slice(k + 1) === v.text)).toBe(false);
      // Written in no source, no term and no dictionary word.
      expect(seen[v.text]).toBeUndefined();
      expect(lexicon[v.text]).toBeUndefined();
    }
    // A term only one Party document holds takes no character drop: 现代产业体系 is the older term, not a slip of 现代化产业体系.
    expect(found('加快建设现代产业体系。')).toEqual([]);
    // Nor does a character of a word of two (党的二十大 beside 党的二十二大 would be a numeral anyway).
    expect(found('深入学习贯彻党的二十大精神。')).toEqual([]);
  });

  it('reports the word after the head dropped only as a hint when the rest is a term of its own as widely written (建设|文化强国)', () => {
    // 建设文化强国 is 习近平文化思想's own wording; the lexicon's 文化强国 stands in as many documents as 建设社会主义文化强国.
    const [f, ...rest] = node.check('坚定文化自信，加快建设文化强国。', { date: '2024-06-01' });
    expect(rest).toEqual([]);
    expect({ actual: f?.actual, expected: f?.expected[0], severity: f?.severity }).toEqual({ actual: '建设文化强国', expected: '建设社会主义文化强国', severity: 'info' });
    expect(f?.note).toContain('若不是漏字，请忽略');
    // A word dropped further in stays advice: 中国特色社会主义 is the name.
    expect(found('坚持和发展中国社会主义。')).toEqual([{ actual: '发展中国社会主义', expected: '发展中国特色社会主义', severity: 'warning' }]);
  });

  it('reports a swap into a CC-CEDICT headword only as a hint (社会经济 "socio-economic")', () => {
    // A 2016 county news item: 随着社会经济发展转入新常态 drew an error for 经济社会发展.
    expect(found('随着社会经济发展转入新常态，我县国土资源管理工作面临新形势。')).toEqual([{ actual: '社会经济发展', expected: '经济社会发展', severity: 'info' }]);
    expect(found('我国发展不充分不平衡的问题仍然突出。')).toEqual([{ actual: '发展不充分不平衡', expected: '发展不平衡不充分', severity: 'error' }]);
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
    // A national term made a county's or the army's own (国 → 县, 军) is no slip of 人才强国战略.
    '深入实施人才强县战略，全面实施新时代人才强军战略。',
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

  it('records, in lexicon-variants-seen.json, only variants of lexicon terms (swaps, drops, a word replaced at a place the rule checks)', () => {
    const all = new Map(lexiconVariantList(jiebaSegmenter, words, false).map((v) => [v.text, v.term]));
    const slots = lexiconReplaceSlots(jiebaSegmenter, words, false);
    const replaced = (v: string, term: string) => slots.some((s) => s.term === term && v.length === term.length && v !== term && v.startsWith(s.left) && v.endsWith(s.right));
    for (const [variant, term] of Object.entries(seen)) expect(all.get(variant) === term || replaced(variant, term), variant).toBe(true);
    expect(readFileSync(new URL('../../../dictionaries/phrasing/lexicon-variants-seen.json', import.meta.url), 'utf8')).toContain('scripts/build-lexicon-variants.ts');
  });
});

describe('phrasing/formula: a word of a lexicon term replaced', () => {
  it.each([
    ['推动构建人类命运联合体。', '人类命运联合体', '人类命运共同体'],
    ['坚持整体国家安全观，统筹发展和安全。', '整体国家安全观', '总体国家安全观'],
    ['完整准确全面贯彻新发展思想。', '新发展思想', '新发展理念'],
    ['全县深入开展党史学习活动。', '党史学习活动', '党史学习教育'],
    ['全市上下全面实施乡村复兴战略。', '乡村复兴战略', '乡村振兴战略'],
    ['坚持和完善中国共产党领导的多党合作和政治协调制度。', '多党合作和政治协调制度', '多党合作和政治协商制度'],
  ])('reports a word replaced by one of the same length that shares a character in its place or fills its slot in a sibling term, as advice: %s', (text, actual, expected) => {
    expect(found(text)).toEqual([{ actual, expected, severity: 'warning' }]);
  });

  it.each([
    ['全党要坚持中国风味社会主义理论体系。', '中国风味社会主义理论体系', '中国特色社会主义理论体系', '风味', '特色'],
    ['坚定不移推进党风廉政建设和反腐败战斗。', '党风廉政建设和反腐败战斗', '党风廉政建设和反腐败斗争', '战斗', '斗争'],
  ])('reports a word replaced by its synonym (synonyms.json) that shares no character with it, at a place that takes no other word: %s', (text, actual, expected, word, unit) => {
    expect(synonymous(word, unit)).toBe(true);
    expect(found(text)).toEqual([{ actual, expected, severity: 'warning' }]);
  });

  it.each([
    // 文化 is no synonym of 斗争, and the place takes no word of any kind.
    ['坚定不移推进党风廉政建设和反腐败文化。', '文化', '斗争', false],
    // The sources write 国家安全力量 (力量 and 能力 are synonyms): the place is open.
    ['提升国家安全力量，筑牢安全屏障。', '力量', '能力', true],
  ])('stays silent on a word that is no synonym at a closed place, and on a synonym at a place the sources fill: %s', (text, word, unit, synonyms) => {
    expect(synonymous(word, unit)).toBe(synonyms);
    expect(found(text)).toEqual([]);
  });

  it('says which word was replaced and where the term comes from', () => {
    const [f] = node.check('推动构建人类命运联合体。');
    expect(f?.message).toContain('“联合体”应为“共同体”');
    expect(f?.source).toContain('党的二十大报告');
  });

  it.each([
    '各级党组织要加强党史教育，团委开展学习活动。',
    '维护国家安全，他的发展思想很超前。',
    '近年来，发展理念和发展思想不断更新。',
    '推动构建人类命运共同体，坚持总体国家安全观，贯彻新发展理念。',
    '深入学习贯彻党的二十大精神，全面推进党的建设。',
    '坚持和完善农村基本经营制度，健全国家安全体制。',
    '开展军史学习教育，深化科研院所改革。',
    '新时代党和国家事业取得历史性成就。',
    '体系更趋完善，民生保障更加有力。',
  ])('stays silent on right text: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('checks the terms one Party document and eight documents hold for related replacements only: no sibling, no word of any kind', () => {
    // 新型城镇化战略, 现代化产业体系, 宜居宜业和美乡村: newer than the 2017 Party Constitution, held by the 20th Congress report and the work reports.
    expect(found('深入实施新型城镇化策略。')).toEqual([{ actual: '新型城镇化策略', expected: '新型城镇化战略', severity: 'warning' }]);
    expect(found('要加快建设现代化产业系统。')).toEqual([{ actual: '建设现代化产业系统', expected: '建设现代化产业体系', severity: 'warning' }]);
    expect(found('建设宜居宜业和美乡镇。')).toEqual([{ actual: '建设宜居宜业和美乡镇', expected: '建设宜居宜业和美乡村', severity: 'warning' }]);
    // The places the work reports fill freely: a sibling's word (治理 beside 保障) is no slip in such a term.
    expect(found('健全社会治理体系，完善社会保障体系。')).toEqual([]);
    expect(found('着力扩大重点地区就业。')).toEqual([]);
  });

  it('checks no head word of a term the lists do not name, no word after a particle or before a conjunction, and no place the sources fill otherwise', () => {
    const slots = lexiconReplaceSlots(jiebaSegmenter, words);
    const places = new Set(slots.map((s) => `${s.left}[${s.unit}]${s.right}`));
    expect(places).toContain('人类命运[共同体]');
    expect(places).toContain('[总体]国家安全观');
    expect(places).not.toContain('[党史]学习教育');
    expect(places).not.toContain('基本[经济]制度');
    // 677 places from the terms two Party documents or a list hold, 405 more from those one Party document and
    // eight documents in all hold (related replacements only): a bound, so that a change to the lexicon that opens
    // every phrase is seen.
    expect(slots.length).toBeLessThan(1200);
  });
});

describe('phrasing/formula: a word of a fixed lexicon term replaced by any word of its kind', () => {
  it.each([
    ['推进国家治理体系和治理水平现代化。', '国家治理体系和治理水平现代化', '国家治理体系和治理能力现代化', '水平'],
    ['坚持铸牢中华民族共同体观念。', '铸牢中华民族共同体观念', '铸牢中华民族共同体意识', '观念'],
    ['坚持和完善民族地区自治制度。', '民族地区自治制度', '民族区域自治制度', '地区'],
    ['推动京津冀合作发展。', '京津冀合作发展', '京津冀协同发展', '合作'],
    // A listed term's last word after a word of one character (稳中求进工作总|基调).
    ['坚持稳中求进工作总要求。', '稳中求进工作总要求', '稳中求进工作总基调', '要求'],
  ])('reports a word replaced by a common content word sharing no character with it, in a term two Party documents or a list hold, as a hint (info) with a note: %s', (text, actual, expected, word) => {
    const findings = node.check(text, { date: '2024-06-01' });
    expect(findings.map((f) => ({ actual: f.actual, expected: f.expected[0], severity: f.severity }))).toEqual([{ actual, expected, severity: 'info' }]);
    expect(findings[0]?.note).toContain(`“${word}”`);
    expect(findings[0]?.note).toContain('不共字');
  });

  it('gives such a word no warning where the writer meant another phrase (2023–2026 official news)', () => {
    for (const text of ['会议强调，要弘扬伟大抗战精神，充分用好纪念活动激发的强大正能量。', '党纪学习教育是确保党的先进性和纯洁性得以保持的重要基石。']) {
      expect(node.check(text, { date: '2025-09-23' }).filter((f) => f.severity !== 'info')).toEqual([]);
    }
  });

  it.each([
    // A place the sources fill with another word (人与自然和谐发展) takes any word; a related one is still a slip.
    '促进人与自然和谐发展。',
    // The word after a one-character word (以|人民|为中心) or a head after a term of its own (乡村振兴|人才, 全社会|创新).
    '坚持以项目为中心，营造全社会创新氛围，实施乡村振兴人才计划。',
    // Generic phrases with the substitutes.
    '提高基层治理水平，加深理解，各方平等协商。',
    '健全基层群众自治机制，深化京津冀交流合作。',
  ])('stays silent on right text: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('takes a related substitute the segmenter glues to a neighbour of the term inside the span, never any word of its kind so glued', () => {
    // 中华|优良传统|文化: 优良 shares 优 with 优秀.
    expect(found('传承中华优良传统文化。')).toEqual([{ actual: '中华优良传统文化', expected: '中华优秀传统文化', severity: 'warning' }]);
    // 网络信息|安全 beside 网络信息体系, 基层人民|自治制度 beside 基层群众自治制度: unrelated words glued into a compound.
    expect(found('保障网络信息安全，健全基层人民自治制度。')).toEqual([]);
  });

  it('takes any word only at a place of a name: not where the term without the word is a term or word of its own, nor beside a one-character word', () => {
    const slots = lexiconReplaceSlots(jiebaSegmenter, words);
    const any = (place: string) => slots.find((s) => `${s.left}[${s.unit}]${s.right}` === place)?.anyWord;
    expect(any('国家治理体系和治理[能力]现代化')).toBe(true);
    expect(any('铸牢中华民族共同体[意识]')).toBe(true);
    expect(any('乡村振兴[战略]')).toBe(false);
    // 人与自然和谐发展 is written in the sources: the place takes other words (lexicon-variants-seen.json's substitutes).
    expect(any('人与自然和谐[共生]')).toBe(false);
    expect(Object.keys((seenRaw as unknown as { substitutes: Record<string, string> }).substitutes)).toContain('人与自然和谐发展');
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
