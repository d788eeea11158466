import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const c = (code: string, actual: string, expected: string, date = '2024-06-01') => ({ code, date, findings: [at(code, actual, { expected: [expected] })] });

ruleTester.run('phrasing/formula', {
  valid: [
    '加强党史教育，筑牢信仰之基，建好党史教育基地。',
    { code: '深入开展党史教育活动，激发爱国热情。', date: '2019-06-01' },
    '推进生态文明建设，加强生态建设和精神文明建设，开展文明生态村创建。',
    '统筹山水林田湖草系统治理，推进山水林田湖草沙一体化保护和山水林田湖草沙冰保护。',
    '坚持党的政治建设、思想建设、组织建设、作风建设、纪律建设。',
    '统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设和党的建设。',
    '做到三个结合，明确三个全面覆盖的工作要求。',
    '深入学习习近平新时代中国特色社会主义经济思想，以新时代中国特色社会主义思想为指导。',
    '毛泽东思想概论和邓小平理论研究，中国特色社会主义理论体系。',
    { code: '坚定道路自信、理论自信、制度自信，增强“三个自信”。', date: '2015-06-01' },
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。',
    '全面建成小康社会，全面小康社会，全面建设社会主义现代化国家。',
    '全党同志要牢记“两个务必”，更要牢记“三个务必”。',
  ],
  invalid: [
    c('深入开展党史教育活动，推动学史明理。', '党史教育活动', '党史学习教育', '2021-05-10'),
    c('加快推进文明生态建设，守护绿水青山。', '文明生态建设', '生态文明建设'),
    c('坚持山水田林湖草沙一体化保护和系统治理。', '山水田林湖草沙', '山水林田湖草沙'),
    c('坚持山水林田草沙一体化保护。', '山水林田草沙', '山水林田湖草沙'),
    c('坚持以毛泽东理论为指导。', '毛泽东理论', '毛泽东思想'),
    c('坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义为指导。', '习近平新时代中国特色社会主义', '习近平新时代中国特色社会主义思想'),
    c('习近平同志新时代中国特色社会主义思想是行动指南。', '习近平同志新时代中国特色社会主义思想', '习近平新时代中国特色社会主义思想'),
    c('推进国家治理能力和治理体系现代化。', '国家治理能力和治理体系现代化', '国家治理体系和治理能力现代化'),
    c('坚决做到“两个拥护”。', '两个拥护', '两个维护'),
    c('扎实开展“不忘初心、牢记使命”教育活动。', '“不忘初心、牢记使命”教育活动', '“不忘初心、牢记使命”主题教育', '2019-09-01'),
    c('协调推进“三个全面”战略布局。', '三个全面', '四个全面'),
    c('统筹推进政治建设、经济建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。', '政治建设、经济建设、文化建设、社会建设、生态文明建设', '经济建设、政治建设、文化建设、社会建设、生态文明建设'),
  ],
});

describe('phrasing/formula with nodejieba', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } }, { segmenter: jiebaSegmenter });
  it('finds the edit where the segmenter agrees on the word boundaries', () => {
    expect(checker.check('持续深化全面治党从严，以党的自我革命引领社会革命。').map((f) => f.expected[0])).toEqual(['全面从严治党']);
    expect(checker.check('走中国特色主义社会道路。').map((f) => f.expected[0])).toEqual(['中国特色社会主义']);
  });
  it('stays silent on the generic phrase and on correct formulas', () => {
    expect(checker.check('加强党史教育，坚持总体国家安全观，推进生态文明建设。')).toEqual([]);
  });
});

describe('phrasing/formula against the lexicon, with no segmenter', () => {
  const core = createChecker({ preset: 'none', rules: { 'phrasing/formula': 'error' } });
  it('reads a lexicon term written across the end of a listed formula\'s variant as that term (全面建成社会主义现代化强国 is no 全面建成小康社会 with 小康 dropped)', () => {
    expect(core.check('到本世纪中叶全面建成社会主义现代化强国。', { date: '2024-06-01' })).toEqual([]);
    expect(core.check('全面建成社会主义现代化强国，全面推进中华民族伟大复兴。', { date: '2024-06-01' })).toEqual([]);
    // The variant standing alone is still the error it was.
    expect(core.check('要如期全面建成社会，决胜脱贫攻坚。', { date: '2024-06-01' }).map((f) => f.expected[0])).toEqual(['全面建成小康社会']);
  });
});
