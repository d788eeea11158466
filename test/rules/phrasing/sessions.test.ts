import { describe, expect, it } from 'vitest';
import { chineseNumber, chineseOrdinal, checkSessions, sessionBook } from '../../../src/knowledge/sessions.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const c = (code: string, actual: string, expected: string[], entryId: string, date?: string) => ({ code, ...(date ? { date } : {}), findings: [at(code, actual, { expected, entryId })] });

describe('Chinese ordinals', () => {
  it('reads and writes 1–99 the way session ordinals are written', () => {
    for (const [s, n] of [['五', 5], ['十', 10], ['十九', 19], ['二十', 20], ['二十一', 21], ['九十九', 99]] as const) {
      expect(chineseNumber(s)).toBe(n);
      expect(chineseOrdinal(n)).toBe(s);
    }
    for (const s of ['', '零', '十十', '一二三', '百']) expect(chineseNumber(s)).toBeNaN();
  });
});

ruleTester.run('phrasing/canonical-term', {
  valid: [
    '会议传达学习了党的十九届五中全会精神。',
    '党的二十届三中全会审议通过了《决定》。',
    '中国共产党第十九届中央委员会第七次全体会议于2022年10月在北京举行。',
    '2020年10月召开的党的十九届五中全会审议通过了“十四五”规划建议。',
    '2024年7月，党的二十届三中全会在北京召开。',
    '十三届中央委员会举行了九次全体会议，十三届九中全会于1992年10月举行。',
    '中共湖北省委十一届九次全体会议在武汉举行。',
    '中共某市委十三届十二次全会召开。',
    '十四届全国人大二次会议、全国政协十四届二次会议于2024年3月召开。',
    '第十四届全国人民代表大会第五次会议将于2027年3月召开。',
    '十四届全国人大常委会第十九次会议表决通过了有关决定。',
    '全国政协十四届常委会第十次会议在京开幕。',
    '2019年3月召开的十三届全国人大二次会议通过了外商投资法。',
    '2024年，我们认真贯彻党的十九届六中全会精神和十三届全国人大五次会议精神。',
    '县十八届人大三次会议、政协十一届三次会议胜利闭幕。',
    '2022年10月召开的党的二十大，描绘了全面建设社会主义现代化国家的宏伟蓝图。',
    '自2012年11月党的十八大以来，全面从严治党取得历史性成就。',
    '社会各界人士、新闻界、学界代表出席。',
    '佛教所说的十界。',
    '党的十九大、十九届四中全会和十三届全国人大一次会议，中国共产党第十九次全国代表大会。',
    '县第十三次党代会，共青团第十九次全国代表大会，全国人大常委会第十三次会议。',
    '中共湖北省委十一大精神，省十二次党代会。',
  ],
  invalid: [
    c('学习贯彻党的十九大四中全会精神。', '十九大', ['十九届'], 'session-counter'),
    c('十三次全国人大一次会议在京召开。', '十三次', ['十三届'], 'session-counter'),
    c('中国共产党第十九届全国代表大会胜利召开。', '十九届', ['十九次'], 'session-counter'),
    c('政协第十四次全国委员会第二次会议', '十四次', ['十四届'], 'session-counter'),
    c('会议传达学习了党的十九界五中全会精神。', '十九界', ['十九届'], 'session-ordinal'),
    c('第十四界全国人民代表大会第二次会议', '十四界', ['十四届'], 'session-ordinal'),
    c('县十八界人大三次会议开幕', '十八界', ['十八届'], 'session-ordinal'),
    c('深入学习贯彻十九届八中全会精神', '十九届八中全会', [], 'cpc-19'),
    c('十八届八中全会', '十八届八中全会', [], 'cpc-18'),
    c('二十届九中全会', '二十届九中全会', [], 'cpc-20'),
    c('十四届全国人大六次会议', '十四届全国人大六次会议', [], 'npc'),
    c('2024年3月5日，十三届全国人大二次会议在京开幕。', '十三届全国人大二次会议', ['十四届全国人大二次会议'], 'npc'),
    c('2025年3月4日，全国政协十四届二次会议开幕。', '全国政协十四届二次会议', ['全国政协十四届三次会议'], 'cppcc'),
    c('2021年11月召开的党的十八届六中全会', '十八届六中全会', ['十九届六中全会'], 'cpc-18'),
    c('2023年3月召开的党的二十大', '党的二十大', [], 'cpc-20'),
    c('2017年10月胜利召开的党的十八大', '党的十八大', ['党的十九大'], 'cpc-18'),
  ],
});

describe('session checks stay linear on hostile input', () => {
  it('a megabyte of ordinals, 界 and dates is checked within the test timeout and each error is found', () => {
    const book = sessionBook();
    const text = '2024年3月5日，十三届全国人大二次会议；十九界'.repeat(40_000);
    expect(checkSessions(text, book).length).toBe(40_000);
    expect(checkSessions('十九界五中全会'.repeat(100_000), book).length).toBe(100_000);
    expect(checkSessions('十'.repeat(1_000_000) + '界', book).length).toBe(0);
  });
});
