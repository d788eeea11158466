import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';

// Issue 13, part 2: official warnings, reports and verdicts that quote the slogans they fight are at
// most `info`; an advertisement (contact details, a host, a price, a call to act) stays an error even
// when it borrows a warning word. The sentences follow the shapes of the issue and of the real texts in
// test/fixtures/clean-sensitive/ (网信办 closing "…"类 accounts, 下架, 均属违法, 诱饵 …).
const checker = createChecker();
const sensitive = (text: string) => checker.check(text).filter((f) => f.ruleId.startsWith('sensitive/'));

const WARNINGS = [
  '谨防“首充送”“注册送彩金”等网络赌博陷阱',
  '清理“约炮平台”类引流账号300余个',
  '“代开发票”“办证刻章”广告均属违法',
  '网信办依法关闭“视频裸聊”“同城约炮”类账号1200个',
  '下架“六合彩资料”类应用程序45款',
  '提示：网上出售“仿真枪出售”一类信息属于违法',
  '打掉“午夜福利视频”传播团伙',
  '“首存送”“注册送彩金”，这些都是赌博网站的诱饵',
  '法院以传播淫秽物品牟利罪判处在群内发布“午夜福利视频”的被告人',
  '警方破获利用“真人百家乐”开设赌场案',
  '市场监管部门提醒：“代孕包成功”“包生男孩”等宣传都是骗局',
];

const ADVERTISEMENTS = [
  '警惕！“澳门新葡京”首存送100%，联系QQ 12345678',
  '警方提醒：“首存送”活动请访问 www.xpj.top 立即注册',
  '谨防错过：“代孕包成功”“包生男孩”，咨询热线13812345678',
  '曝光价：“同城约炮”仅需99元/次',
  '澳门新葡京 首存送100%',
  '关于“2025新澳天天开好彩大全”的深入数据解答解释落实的通知',
];

describe('official warnings that quote spam are not spam (issue 13)', () => {
  for (const text of WARNINGS) {
    it(`info: ${text}`, () => {
      const found = sensitive(text);
      expect(found.length, text).toBeGreaterThan(0);
      expect(found.map((f) => f.severity)).toEqual(found.map(() => 'info'));
      for (const f of found) expect(f.data?.quoted).toBe(true);
    });
  }
  for (const text of ADVERTISEMENTS) {
    it(`error: ${text}`, () => {
      expect(sensitive(text).some((f) => f.severity === 'error'), text).toBe(true);
    });
  }
  it('a sentence-level frame needs a word of reporting or judging, not a generic call to be careful', () => {
    // The "释义落实" spam template opens with 保持警惕 in another clause.
    expect(sensitive('我们必须保持警惕，全面释义并落实“新澳门一肖一特一中”的真正内涵').map((f) => f.severity)).toEqual(['error']);
  });
});
