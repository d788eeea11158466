import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { assertFindingInvariants } from '../../helpers/rule-tester.js';

/**
 * Bulletins, court reports and anti-fraud notices quote or warn against the very spam the lists
 * target. Such mentions stay visible as `info` (so an editor can confirm them) and never count as a
 * problem; the same words injected without a frame stay errors.
 */
const checker = createChecker();
const summary = (text: string) => {
  const findings = checker.check(text).filter((f) => f.ruleId.startsWith('sensitive/'));
  assertFindingInvariants(text, findings);
  return findings.map((f) => `${f.actual}:${f.severity}`);
};

describe('reported speech (quoted or warned-against mentions)', () => {
  it('downgrades quoted spam framed as a report to info', () => {
    expect(summary('网页中有“官方娱乐平台”“棋牌彩票电子”“首次充值即可得最高6888”等字样。')).toEqual(['官方娱乐平台:info', '棋牌彩票电子:info', '首次充值即可得:info']);
    expect(summary('網頁中有「官方娛樂平台」等字樣')).toEqual(['官方娛樂平台:info']);
    expect(summary('严厉打击“代孕包成功”“包生男孩”等虚假宣传')).toEqual(['代孕包成功:info', '包生男孩:info']);
    expect(summary('不法分子以“刷单日结”为噱头诱骗群众')).toEqual(['刷单日结:info']);
    expect(summary('网页出现"真人百家乐"字样')).toEqual(['真人百家乐:info']);
  });

  it('downgrades spam named after a warning or crackdown verb in the same clause', () => {
    expect(summary('谨防黑户贷款诈骗')).toEqual(['黑户贷款:info']);
    expect(summary('警方提醒：不要相信刷单日结的兼职广告')).toEqual(['刷单日结:info']);
  });

  it('downgrades crimes narrated by courts, police and health workers to info', () => {
    expect(summary('被告人王某多次向吸毒人员出售冰毒共计5克。')).toEqual(['出售冰毒:info']);
    expect(summary('被告人李某向他人出售枪支2支，被判处有期徒刑五年。')).toEqual(['出售枪支:info']);
    expect(summary('网上所谓代办毕业证均为诈骗，请勿上当。')).toEqual(['代办毕业证:info']);
    expect(summary('有人在网上代办毕业证均为诈骗')).toEqual(['代办毕业证:info']);
    expect(summary('异性传播病例当中，非婚非商业传播（即一夜情、婚前婚外、多性伴）所占比例高于商业性传播。')).toEqual(['一夜情:info']);
  });

  it('leaves legal lotteries, schools and narration of filming alone', () => {
    expect(summary('购买竞彩足球投注需理性，未成年人不得购买彩票。')).toEqual([]);
    expect(summary('学校为毕业生办理毕业证和学位证。')).toEqual([]);
    expect(summary('在多家酒店安装摄像头。偷拍视频后，通过网络渠道发布不雅视频截图。')).toEqual([]);
    expect(summary('在一些色情网站上，有专门的偷拍视频板块。')).toEqual([]);
  });

  it('keeps solicitations errors', () => {
    expect(summary('出售冰毒，QQ 123456，货到付款。')).toEqual(['出售冰毒:error']);
    expect(summary('气枪出售，微信同号，量大从优。')).toEqual(['气枪出售:error']);
    expect(summary('代办毕业证，联系电话')).toEqual(['代办毕业证:error']);
    expect(summary('同城约炮，一夜情交友，加微信。')).toEqual(['同城约炮:error', '一夜情:error']);
    expect(summary('酒店偷拍视频在线观看')).toEqual(['偷拍视频:error']);
  });

  it('keeps injected spam an error: no frame, a frame in another clause, or an unframed quotation', () => {
    expect(summary('欢迎来到“真人百家乐”')).toEqual(['真人百家乐:error']);
    expect(summary('“首存送”活动，充值即送')).toEqual(['首存送:error']);
    expect(summary('全面释义落实“新澳门一肖一特一中”')).toEqual(['一肖一特:error']);
    expect(summary('关于“2025新澳天天开好彩大全”的深入数据解答解释落实的通知')).toEqual(['新澳天天开:error', '解答解释落实:error']);
    expect(summary('我们必须保持警惕，全面释义并落实“新澳门一肖一特一中”的真正内涵')).toEqual(['一肖一特:error']);
    // Spam appended to a page title: the title's own "举报" does not warn against it.
    expect(summary('江苏省互联网违法和有害不良信息举报-安信13娱乐平台')).toEqual(['娱乐平台:error']);
  });

  it('keeps a quoted mention advice when the user raises the list to error', () => {
    const strict = createChecker({ rules: { 'sensitive/gambling': 'error' } });
    const [f] = strict.check('网页中有“官方娱乐平台”等字样');
    expect(f?.severity).toBe('info');
    expect(f?.data).toEqual({ category: 'gambling', list: 'gambling', quoted: true });
    expect(f?.message).toContain('引述');
  });

  it('reports every match of a user list whatever the frame, unless the list asks for it', () => {
    const words = { sensitive: { local: ['暗号词'] } };
    expect(createChecker({ dictionaries: words }).check('网页中有“暗号词”等字样').map((f) => f.severity)).toEqual(['error']);
    const framed = createChecker({ dictionaries: words, rules: { 'sensitive/custom': ['error', { reportedSpeech: true }] } });
    expect(framed.check('网页中有“暗号词”等字样').map((f) => f.severity)).toEqual(['info']);
  });

  it('stays linear on hostile quoting, with frames bounded in reach', () => {
    const text = '“真人百家乐”'.repeat(20_000) + '等字样' + '警惕'.repeat(20_000) + '真人百家乐'.repeat(20_000);
    const findings = checker.check(text);
    expect(findings.length).toBe(40_000);
    // A frame reaches twelve quoted items back and a warning sixteen characters forward.
    expect([0, 19_999, 20_000, 39_999].map((i) => findings[i]?.severity)).toEqual(['error', 'info', 'info', 'error']);
  }, 20_000);
});
