import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { foldSyllable, LexiconMatcher, likeness, shapeTable } from '../../../src/text/near-miss.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';
import { measure, readPassages } from './recall-measure.js';

const lexicon = JSON.parse(readFileSync(new URL('../../../dictionaries/phrasing/lexicon.json', import.meta.url), 'utf8')) as {
  sources: Record<string, string>;
  entries: Record<string, [number, string, string?]>;
};

describe('dictionaries/phrasing/lexicon.json', () => {
  const terms = Object.keys(lexicon.entries);
  it('holds thousands of terms, each with documents or a list entry as its source', () => {
    expect(terms.length).toBeGreaterThan(3000);
    for (const t of terms) {
      const [docs, where] = lexicon.entries[t] as [number, string];
      if (docs > 0) for (const id of where.split(' ')) expect(lexicon.sources[id], `${t}: ${id}`).toBeTruthy();
      else expect(where, t).toMatch(/\S{6,}/);
    }
  });
  it('has the fixed formulas of the Party congress reports', () => {
    for (const t of ['生态文明建设', '全面从严治党', '新时代', '供给侧结构性改革', '粤港澳大湾区', '民族区域自治制度', '党风廉政建设', '营商环境']) expect(terms, t).toContain(t);
  });
});

describe('pinyin folds and likeness', () => {
  it('folds the sounds regional speech merges', () => {
    expect(foldSyllable('zheng')).toBe(foldSyllable('zen'));
    expect(foldSyllable('xing')).toBe(foldSyllable('xin'));
    expect(foldSyllable('lan')).toBe(foldSyllable('nang'));
    expect(foldSyllable('huang')).toBe(foldSyllable('fang'));
    expect(foldSyllable('shi')).not.toBe(foldSyllable('xi'));
  });
  it('tells homophones, tone-only pairs, regional pairs and look-alikes apart', () => {
    const shapes = new Map([['治', new Set(['冶'])]]);
    expect(likeness('代', '带', shapes)).toBe('homophone');
    expect(likeness('放', '方', shapes)).toBe('tone');
    expect(likeness('兴', '新', shapes)).toBe('regional');
    expect(likeness('治', '冶', shapes)).toBe('lookalike');
    expect(likeness('治', '花', shapes)).toBeNull();
  });
  it('names the strongest table that links a look-alike pair, read both ways', () => {
    const tables = { listed: new Map([['治', new Set(['冶'])]]), published: { 伏: '代' }, computed: { 刷: '制', 冶: '治' } };
    expect(shapeTable('治', '冶', tables)).toBe('listed');
    expect(shapeTable('代', '伏', tables)).toBe('published');
    expect(shapeTable('伏', '代', tables)).toBe('published');
    expect(shapeTable('制', '刷', tables)).toBe('computed');
    expect(shapeTable('制', '花', tables)).toBeNull();
    expect(likeness('制', '刷', tables)).toBe('lookalike');
  });
});

describe('look-alikes only a published or computed table gives: the stronger guards', () => {
  const words = jiebaWordFrequencies();
  const tables = { listed: new Map<string, Set<string>>(), published: { 浮: '深', 净: '深', 二: '一', 均: '地' }, computed: {} };
  const matcher = new LexiconMatcher([{ text: '全面深化改革' }, { text: '一期工程建设' }, { text: '标准地' }], tables);
  const find = (text: string) => matcher.find(text, jiebaSegmenter, words).map((m) => `${text.slice(m.start, m.end)} ${m.term.text} ${m.shape}`);
  it('a written character that makes no word is a slip', () => {
    expect(find('坚定不移全面浮化改革。')).toEqual(['全面浮化改革 全面深化改革 published']);
  });
  it('not where the written character forms a dictionary word inside the span (全面净化 is a word of its own)', () => {
    expect(find('坚定不移全面净化改革。')).toEqual([]);
  });
  it('not between two numerals: another count, not a slip', () => {
    expect(find('推进二期工程建设。')).toEqual([]);
  });
  it('not at a term\'s edge, where the character runs into the sentence', () => {
    expect(find('城乡低保标准均超过全国平均水平。')).toEqual([]);
  });
  it('not without the segmenter and its word counts', () => {
    expect(matcher.find('坚定不移全面浮化改革。')).toEqual([]);
    expect(matcher.find('坚定不移全面浮化改革。', jiebaSegmenter)).toEqual([]);
  });
});

describe('phrasing/term-near-miss with the published and computed look-alike tables (nodejieba and its word counts)', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  it('a published look-alike (SIGHAN-7 / pycorrector) in a lexicon term: an error with the term, the range and the table', () => {
    const text = '增强文化目信，建设文化强国。';
    const [f, ...rest] = checker.check(text);
    expect(rest).toEqual([]);
    expect(f?.range).toEqual([2, 6]);
    expect(f?.actual).toBe('文化目信');
    expect(f?.expected).toEqual(['文化自信']);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('形近');
    expect(f?.data).toEqual({ likeness: 'lookalike', shape: 'published' });
    expect(f?.source).toContain('typo/lookalikes.json');
    expect(f?.source).toContain('SIGHAN');
  });
  it('a look-alike only the computed structural table gives: a warning, even when the rule is set to error', () => {
    const text = '坚持和完善人民代表大会刷度，保证人民当家作主。';
    const [f, ...rest] = checker.check(text);
    expect(rest).toEqual([]);
    expect(f?.actual).toBe('人民代表大会刷度');
    expect(f?.expected).toEqual(['人民代表大会制度']);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('字形结构相近');
    expect(f?.data).toEqual({ likeness: 'lookalike', shape: 'computed' });
    expect(f?.source).toContain('typo/shape-similar.json');
  });
  it('right strings a published look-alike away from a term stay silent', () => {
    for (const text of ['全面净化党内政治生态。', '南水北调中线二期工程正式通水。', '城乡低保标准均超过全国平均水平。', '推动县城基础设施和公共服务向村镇延伸。', '北京卫戍区官兵参加义务植树。', '坚持源头治理，避免末端治理成本过高。'])
      expect(checker.check(text), text).toEqual([]);
  });
  it('without a segmenter the published and computed tables are not used', () => {
    const core = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } });
    expect(core.check('增强文化目信，坚持和完善人民代表大会刷度。')).toEqual([]);
  });
});

const segmenter = { segmenter: jiebaSegmenter };
ruleTester.run(
  'phrasing/term-near-miss',
  {
    valid: [
      '中国特色社会主义进入新时代，我国社会主要矛盾已经转化。',
      { code: '全面从严治军，建设世界一流军队。', name: 'a dictionary word one character away from a term is right as written' },
      { code: '以牟利为目的的代孕。', name: 'a particle at the edge of a three-character term is grammar' },
      { code: '东北朝鲜族群众的的确确过上了好日子。', name: 'near-miss traps of the held-out judging' },
      { code: '推进高水平对外开放，稳外贸稳外资。' },
      { code: '必将为各国企业在华发展提供更多机遇。', name: 'no term opens with a suffix cut off the word before it (化发展 of 集群化发展; State Council report 2022)' },
    ],
    invalid: [
      { code: '中国特色社会主义进入新时带。', findings: [at('中国特色社会主义进入新时带。', '新时带', { expected: ['新时代'] })] },
      { code: '推进高水平对外开方，稳外贸稳外资。', name: 'tone only', findings: [at('推进高水平对外开方，稳外贸稳外资。', '高水平对外开方', { expected: ['高水平对外开放'] })] },
      { code: '坚持人与自然和谐共声。', findings: [at('坚持人与自然和谐共声。', '人与自然和谐共声', { expected: ['人与自然和谐共生'] })] },
      {
        code: '大力发展新兴产业和未来产叶。',
        findings: [at('大力发展新兴产业和未来产叶。', '新兴产业和未来产叶', { expected: ['新兴产业和未来产业'] })],
      },
    ],
  },
  segmenter,
);

ruleTester.run('phrasing/term-near-miss', {
  valid: [{ code: '中国特色社会主义进入新时带。', name: 'without a segmenter, a short term or a change at its edge is not judged' }],
  invalid: [{ code: '实施乡村振心战略。', name: 'an interior change in a longer term', findings: [at('实施乡村振心战略。', '乡村振心战略', { expected: ['乡村振兴战略'] })] }],
});

/**
 * The near-miss held-out set, written before the detector was built and never tuned on (baseline with
 * every phrasing and typo rule: 9.5 % core, 23.8 % with nodejieba; with the detector: 40.5 % and 85.7 %).
 */
describe('recall on test/fixtures/phrasing-errors/nearmiss-own.json', () => {
  const passages = readPassages('nearmiss-own.json');
  for (const [name, seg, floor] of [
    ['core (no segmenter)', undefined, 0.4],
    ['with nodejieba', jiebaSegmenter, 0.85],
  ] as const) {
    it(`${name}: finds at least ${floor * 100} %, with the term first`, () => {
      const { recall, expectedRate, missed } = measure(passages, seg);
      expect(recall, missed.join('; ')).toBeGreaterThanOrEqual(floor);
      expect(expectedRate).toBeGreaterThanOrEqual(floor);
    });
  }
});

describe('every lexicon term written as the lexicon writes it', () => {
  const terms = Object.keys(lexicon.entries);
  const core = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } });
  const node = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  it('is no near miss of a term, with or without the segmenter (the text fold turns 著 into 着 and 么 into 幺: 显著提升, 什么样的)', () => {
    const flagged: string[] = [];
    for (const t of terms) {
      const text = `${t}。`;
      for (const [mode, checker] of [['core', core], ['node', node]] as const) for (const f of checker.check(text, { date: '2026-06-01' })) flagged.push(`${mode} ${t}: ${f.actual} → ${f.expected[0]}`);
    }
    expect(flagged).toEqual([]);
  }, 60_000);
});

describe('a written word the paragraph writes again elsewhere', () => {
  const node = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  it('is the writer’s own: a hint (info) with a note, not an error (a 2024 county meeting on the 整治 campaign)', () => {
    const [f, ...rest] = node.check('坚决扛牢整治责任，切实把整治群众身边不正之风和腐败问题作为大事。', { date: '2024-05-21' });
    expect(rest).toEqual([]);
    expect({ actual: f?.actual, severity: f?.severity }).toEqual({ actual: '整治责任', severity: 'info' });
    expect(f?.note).toContain('“整治”');
  });
  it('stays an error where the paragraph writes the word nowhere else', () => {
    expect(node.check('坚决扛牢整治责任。', { date: '2024-05-21' }).map((f) => `${f.actual} ${f.severity}`)).toEqual(['整治责任 error']);
  });
});

describe('a listed look-alike that shares no sound', () => {
  const node = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  it('is no slip where the written character makes a dictionary word inside the span (注入审批服务动能, a 2024 county notice, for 服务功能)', () => {
    expect(node.check('为打造更具吸引力、竞争力的营商环境注入审批服务动能。', { date: '2024-06-01' })).toEqual([]);
  });
  it('is no slip at the edge of a three-character term where the segmenter leaves it a word of its own (“养老钱”“看病钱”, a 2024 procuratorate briefing, for 养老金)', () => {
    expect(node.check('以提供“养老服务”为名，骗取老年人的“养老钱”“看病钱”。', { date: '2024-06-01' })).toEqual([]);
  });
  it('still is where it makes none (民族区域自冶制度)', () => {
    expect(node.check('坚持和完善民族区域自冶制度。', { date: '2024-06-01' }).map((f) => f.expected[0])).toEqual(['民族区域自治制度']);
  });
});
