import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from '../phrasing/helpers.js';

/** Unlisted idiom typos: found through the idiom table and the confusion sets, not through common-typos.json. */
const slip = (code: string, actual: string, expected: string) => ({ code, output: code, findings: [at(code, actual, { expected: [expected] })] });

ruleTester.run('typo/common-typo', {
  valid: [
    '对顶风违纪行为一律严惩不贷，绝不姑息。',
    '一年四季，风调雨顺。',
    // Ordinary four-character stretches next to idioms and across word boundaries.
    '把年度工作有机结合起来，以只争朝夕的精神抓好落实。',
    '坚持实事求是，大公无私，不断开创新局面。',
    '会议选举产生了新一届领导班子，推进社会主义民主法治建设。',
  ],
  invalid: [
    slip('对顶风违纪行为一律严惩不怠。', '严惩不怠', '严惩不贷'),
    slip('他在大庭广从之下发表讲话。', '大庭广从', '大庭广众'),
    slip('两家终于破镜重园。', '破镜重园', '破镜重圆'),
    { name: 'two neighbours swapped', ...slip('群众迫不待及地赶来。', '迫不待及', '迫不及待') },
  ],
});

describe('idiom near misses with the segmenter and on adversarial input', () => {
  const plain = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning' } });
  const node = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning' } }, { segmenter: jiebaSegmenter });
  it('the segmenter keeps the finding when the slip is a window of its own', () => {
    expect(node.check('对顶风违纪行为一律严惩不怠。').map((f) => f.actual)).toEqual(['严惩不怠']);
  });
  it('a megabyte of ideographs is scanned without blowing up', () => {
    const text = '严惩不怠一年四季'.repeat(131072);
    const t0 = performance.now();
    const found = plain.check(text);
    expect(found.length).toBe(131072);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

ruleTester.run('typo/common-typo', {
  valid: ['二〇一二年十二月二十日', '一九九八年', '全年零事故，二〇二四年', '一万二千零五十年前'],
  invalid: [
    { name: 'a year written with 零', code: '县人民政府办公室\n二零一二年十二月二十日', output: '县人民政府办公室\n二〇一二年十二月二十日', findings: [at('县人民政府办公室\n二零一二年十二月二十日', '二零一二', { expected: ['二〇一二'] })] },
    { code: '二零零八年奥运会', output: '二〇〇八年奥运会', findings: [at('二零零八年奥运会', '二零零八', { expected: ['二〇〇八'] })] },
  ],
});
