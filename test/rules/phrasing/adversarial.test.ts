import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { rules as phrasing } from '../../../src/rules/phrasing/index.js';
import { rules as typo } from '../../../src/rules/typo/index.js';

const ids = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
const checker = createChecker({ preset: 'none', rules: ids }, { segmenter: jiebaSegmenter });

/** Every finding keeps its invariants; the test timeout is the hang guard (no timing assertions). */
function check(text: string) {
  const found = checker.check(text, { date: '2024-06-01' });
  for (const f of found) expect(text.slice(f.range[0], f.range[1])).toBe(f.actual);
  return found;
}

describe('phrasing and typo rules on adversarial input', () => {
  it('a one-megabyte line of political text with errors sprinkled in', () => {
    const unit = '深入开展党史学习教肓，增强“四个意识”、坚定“四个自信”，国务院总理李克强出席，的的确确，';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const found = check(text);
    expect(found.filter((f) => f.actual === '党史学习教肓').length).toBe(Math.ceil(1_000_000 / unit.length));
  });
  it('a megabyte of one repeated character, of 、 lists, of brackets and of dates (a stray ） or 】 read back to the line start: quadratic)', () => {
    for (const text of ['的'.repeat(1_000_000), '习近平、'.repeat(200_000), '（《“【'.repeat(250_000), '2015年'.repeat(200_000) + '国务院总理李克强', '两个'.repeat(500_000), '）a'.repeat(500_000), '】a'.repeat(500_000)]) check(text);
  });
  it('a megabyte line of retired institution names, Taiwan organs and China beside Hong Kong: the dated checks read bounded windows back (the 《…》 look-back read to the line start for every hit: quadratic, minutes)', () => {
    expect(check('国土资源部'.repeat(200_000)).length).toBe(200_000);
    expect(check('县农业局，'.repeat(200_000)).length).toBe(200_000);
    check('台湾外交部'.repeat(200_000));
    check('中国和香港'.repeat(200_000));
  });
  it('megabytes of member lists, formula names and session ordinals', () => {
    const values = '富强、民主、文明、和谐、自由、平等、公平、法治、爱国、敬业、诚信、友善，';
    expect(check(values.repeat(15_000)).filter((f) => f.actual === '公平').length).toBe(15_000);
    check('民主、'.repeat(300_000));
    check('创新、协调、绿色、开放、共赢的新发展理念'.repeat(50_000));
    check('新发展理念'.repeat(200_000));
    check('稳增长“六稳”'.repeat(150_000));
    check('十九届八中全会、2024年3月5日，十三届全国人大二次会议；十九界'.repeat(20_000));
  });
  it('a third of a megabyte of one formula, slipped or cut, with the segmenter and its counts: the overlap and deferral checks read windows, not every hit (were quadratic: 24–67 s)', async () => {
    const { jiebaWordFrequencies } = await import('../../../src/node/words.js');
    const node = createChecker({ preset: 'none', rules: ids }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
    // Every copy a word-replaced term (deferring to canonical-term), a listed formula's variant under a longer term, a campaign's word replaced.
    for (const [unit, each] of [['人类命运联合体', 1], ['全面建成社会主义', 0], ['党史学习活动', 1]] as const) {
      const text = unit.repeat(Math.ceil(300_000 / unit.length));
      const found = node.check(text, { date: '2024-06-01' });
      for (const f of found) expect(text.slice(f.range[0], f.range[1])).toBe(f.actual);
      expect(found.filter((f) => f.ruleId === 'phrasing/formula').length, unit).toBe(each * Math.ceil(300_000 / unit.length));
    }
  }, 30_000);
  it('lone surrogates, astral characters and control characters next to terms', () => {
    const found = check('\ud800党史学习教肓\udfff𠀀中华人民共合国\u0000\u200b两个维户\ud83d');
    expect(found.map((f) => f.actual)).toEqual(['党史学习教肓', '中华人民共合国', '两个维户']);
  });
  it('terms split by zero-width and spaces are still found and mapped back to the source', () => {
    const text = '中华人民\u200b共合国 和 党史 学习教肓';
    const found = check(text);
    expect(found.map((f) => f.actual)).toEqual(['中华人民\u200b共合国', '党史 学习教肓']);
  });
  it('HTML input: findings point into the HTML source', () => {
    const html = '<p>深入开展<b>党史学习</b>教肓，<a title="中华人民共合国">链接</a></p>';
    const found = checker.checkHtml(html, { date: '2024-06-01' });
    for (const f of found) expect(html.slice(f.range[0], f.range[1])).toBe(f.actual);
    expect(found.map((f) => f.ruleId)).toContain('phrasing/canonical-term');
  });
});
