import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

ruleTester.run('phrasing/leader-title', {
  valid: [
    { code: '国务院总理李克强主持召开国务院常务会议', date: '2016-05-01' },
    { code: '2015年，国务院总理李克强主持召开国务院常务会议', date: '2026-01-01' },
    { code: '时任国务院总理李克强出席', date: '2024-06-01' },
    { code: '中共中央总书记、国家主席、中央军委主席习近平出席', date: '2024-06-01' },
    { code: '中共中央政治局常委、全国人大常委会委员长赵乐际主持', date: '2024-06-01' },
    { code: '1985年，习近平主席访问艾奥瓦州', date: '2025-01-27' },
    { code: '李强总理、赵乐际委员长、王沪宁主席、韩正副主席、丁薛祥副总理', date: '2024-06-01' },
    { code: '新一届国家领导人 习近平全票当选国家主席中央军委主席 赵乐际当选全国人大常委会委员长', date: '2023-03-10' },
    { code: '2008年3月，国务院总理温家宝主持召开国务院常务会议。', date: '2026-01-01' },
    { code: '2003年，国务院总理朱镕基作政府工作报告。', date: '2026-01-01' },
    { code: '时任国务院总理朱镕基在会上强调，要抓紧落实。', date: '2026-01-01' },
  ],
  invalid: [
    { code: '2008年3月，国务院总理朱镕基主持会议。', date: '2026-01-01', findings: [at('2008年3月，国务院总理朱镕基主持会议。', '朱镕基', { expected: ['温家宝'] })] },
    { code: '2019年3月，全国人大常委会委员长张德江主持会议。', date: '2026-01-01', findings: [at('2019年3月，全国人大常委会委员长张德江主持会议。', '张德江', { expected: ['栗战书'] })] },
    { code: '2010年，江泽民主席出席活动。', date: '2026-01-01', findings: [at('2010年，江泽民主席出席活动。', '江泽民', { expected: ['胡锦涛'] })] },
    { code: '国务院总理李克强主持召开国务院常务会议', date: '2024-06-01', findings: [at('国务院总理李克强主持召开国务院常务会议', '国务院总理', { expected: ['时任国务院总理'] })] },
    { code: '2024年3月，国务院总理李克强主持会议', date: '2026-01-01', findings: [at('2024年3月，国务院总理李克强主持会议', '李克强', { expected: ['李强'] })] },
    { code: '国家副主席李强会见外宾', date: '2024-06-01', findings: [at('国家副主席李强会见外宾', '国家副主席', { expected: ['国务院总理'] })] },
    { code: '李克强总理指出', date: '2024-06-01', findings: [at('李克强总理指出', '李克强总理', { expected: ['时任国务院总理李克强'] })] },
    { code: '全国人大常委会委员长栗战书出席', date: '2023-06-01', findings: [at('全国人大常委会委员长栗战书出席', '全国人大常委会委员长', { expected: ['时任全国人大常委会委员长'] })] },
    { code: '李强主席强调', date: '2024-06-01', findings: [at('李强主席强调', '李强主席', { expected: ['李强国务院总理'] })] },
  ],
});

const local = { dictionaries: { leaders: [{ id: 'du-jiahao', patterns: ['杜家毫'], expected: ['杜家毫'], source: '中共湖南省委（示例）', titles: [{ title: '湖南省委书记', validFrom: '2016-08-28', validTo: '2020-11-30' }] }] } };
ruleTester.run('phrasing/leader-title', {
  valid: [
    { code: '湖南省委书记杜家毫主持会议', config: local, date: '2018-03-01', name: 'local leader in office' },
    { code: '2019年，湖南省委书记杜家毫主持会议', config: local, date: '2024-03-01', name: 'local leader, stated year in office' },
  ],
  invalid: [
    {
      code: '湖南省委书记杜家毫主持会议',
      config: local,
      date: '2024-03-01',
      name: 'local leader after leaving office',
      findings: [at('湖南省委书记杜家毫主持会议', '湖南省委书记', { expected: ['时任湖南省委书记'], entryId: 'du-jiahao' })],
    },
  ],
});

describe('provincial secretaries and governors by date (dictionaries/phrasing/provincial-leaders.json)', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/leader-title': 'error', 'phrasing/leader-name': 'error' } });
  const found = (text: string, date = '2024-06-01') => checker.check(text, { date }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`);
  it('a dated passage names the holder of the day', () => {
    expect(found('2020年，广东省委书记李希主持召开省委常委会会议。')).toEqual([]);
    expect(found('2023年，广东省委书记李希在全省大会上讲话。')).toEqual(['李希→黄坤明']);
    expect(found('2019年，广东省省长朱小丹主持召开省政府常务会议。')).toEqual(['朱小丹→马兴瑞']);
  });
  it('a former holder introduced as such, or the month of the handover, is right', () => {
    expect(found('时任广东省委书记李希陪同考察。')).toEqual([]);
    expect(found('2022年10月，广东省委书记李希在全省领导干部会议上讲话。')).toEqual([]);
  });
  it('a name inside a longer name is not read on its own (王君正 is not 王君)', () => {
    expect(found('西藏自治区党委书记王君正到拉萨调研。')).toEqual([]);
  });
  it('outside the dates the list covers, a known person in a post the list does not record is not reported', () => {
    expect(found('2005年，浙江省委书记习近平到安吉调研。')).toEqual([]);
    expect(found('2025年，河南省委书记刘宁到郑州调研。', '2025-03-01')).toEqual([]);
    expect(found('2019年，河南省委书记刘宁到郑州调研。')).toEqual(['刘宁→王国生']);
    expect(found('前任北京市市长王安顺出席。')).toEqual([]);
  });
  it('a misspelt provincial leader next to the title, the near name whose title is written', () => {
    expect(found('四川省委书记王晓辉到成都调研。', '2023-05-10')).toEqual(['王晓辉→王晓晖']);
    expect(found('成都市委书记王晓峰到高新区调研。')).toEqual([]);
  });
});

describe('foreign heads of state and government by date (dictionaries/phrasing/foreign-leaders.json)', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/leader-title': 'error', 'phrasing/leader-name': 'error' } });
  const found = (text: string, date = '2024-06-01') => checker.check(text, { date }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`);
  it('a dated passage names the holder of the day; a returning president holds the title in both terms', () => {
    expect(found('2019年，美国总统拜登签署法案。')).toEqual(['拜登→特朗普']);
    expect(found('2018年，美国总统特朗普签署法案。')).toEqual([]);
    expect(found('美国总统特朗普宣布新的关税措施。', '2025-04-03')).toEqual([]);
    expect(found('2016年6月，英国首相约翰逊宣布公投结果。')).toEqual(['约翰逊→卡梅伦']);
  });
  it('former holders written as such, and holders named after the title word, are right', () => {
    expect(found('美国前总统特朗普在集会上发表演讲。')).toEqual([]);
    expect(found('时任美国总统奥巴马访华。')).toEqual([]);
    expect(found('2021年1月20日，拜登宣誓就任美国总统。')).toEqual([]);
  });
  it('a slip beside the title in a name of any length, the first character too', () => {
    expect(found('美国总统奥马巴出席会议。', '2015-12-01')).toEqual(['奥马巴→奥巴马']);
    expect(found('日本首相岸田文熊出席记者会。', '2023-05-21')).toEqual(['岸田文熊→岸田文雄']);
    expect(found('乌克兰总统泽连斯机发表讲话。', '2022-04-01')).toEqual(['泽连斯机→泽连斯基']);
    expect(found('巴西总统芦拉会见代表团。', '2023-05-10')).toEqual(['芦拉→卢拉']);
  });
  it('with the segmenter and its counts, a transliteration after a foreign title is read as a name however it is cut', () => {
    const node = createChecker({ preset: 'none', rules: { 'phrasing/leader-title': 'error', 'phrasing/leader-name': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
    expect(node.check('巴西总统芦拉在巴西利亚会见代表团。', { date: '2023-05-10' }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`)).toEqual(['芦拉→卢拉']);
    expect(node.check('村民奥巴马是当地的养殖户。', { date: '2024-06-01' })).toEqual([]);
  });
});

describe('a name that lost its last character before what follows a name', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/leader-title': 'error', 'phrasing/leader-name': 'error' } });
  it('is reported as the dropped character, so the fix keeps the verb (王晓 → 王晓晖, not 王晓主 → 王晓晖)', () => {
    for (const [text, fixed] of [
      ['四川省委书记王晓主持召开省委常委会会议。', '四川省委书记王晓晖主持召开省委常委会会议。'],
      ['日本首相岸田文出席记者会。', '日本首相岸田文雄出席记者会。'],
    ] as const) {
      const f = checker.check(text, { date: '2023-05-10' });
      expect(f.length, text).toBe(1);
      const fix = f[0] as (typeof f)[number];
      expect(text.slice(0, fix.range[0]) + fix.expected[0] + text.slice(fix.range[1])).toBe(fixed);
    }
  });
  it('a slip in the last character before other text stays a slip (王晓辉 → 王晓晖)', () => {
    expect(checker.check('四川省委书记王晓辉主持召开省委常委会会议。', { date: '2023-05-10' }).map((x) => `${x.actual}→${x.expected[0] ?? ''}`)).toEqual(['王晓辉→王晓晖']);
  });
});

describe('dates as government text writes them (issue 12, item 4)', () => {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/leader-title': 'error', 'phrasing/leader-name': 'error' } });
  const found = (text: string, date = '2024-06-01') => checker.check(text, { date }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`);
  it('a date right before the title outranks the publication day: the holder of that month, not of today', () => {
    expect(found('2012年3月，国家主席习近平出席活动并讲话。')).toEqual(['习近平→胡锦涛']);
    expect(found('2010年9月，国务院总理李克强出席论坛。')).toEqual(['李克强→温家宝']);
    // Right then, and the date governs: silent.
    expect(found('2010年3月，国家副主席习近平出席开学典礼。')).toEqual([]);
    expect(found('2023年4月，国务院总理李强在广东调研。')).toEqual([]);
    // A date far from the title dates something else in the sentence: the publication day still counts.
    expect(found('这项制度于2012年3月建立，多年来在国家主席习近平的关心下不断完善。')).toEqual([]);
  });
  it('years and months in Chinese digits', () => {
    expect(found('二〇〇五年四月，国务院总理朱镕基出席会议。')).toEqual(['朱镕基→温家宝']);
    expect(found('二〇一一年，国家主席习近平会见来宾。')).toEqual(['习近平→胡锦涛']);
    expect(found('二〇〇九年，国家主席胡锦涛出席大会。')).toEqual([]);
  });
  it('今年, 去年 and 前年 are read against the publication day; comparisons and other words are no dates', () => {
    expect(found('去年5月，国务院总理李强出席会议并讲话。', '2022-06-01')).toEqual(['李强→李克强']);
    expect(found('去年4月，国务院总理李强在广东调研。', '2024-06-01')).toEqual([]);
    expect(found('比去年增长5%，国务院总理李强对此表示肯定。', '2024-06-01')).toEqual([]);
    expect(found('过去年代的老同志们回忆，国务院总理李强强调了这一点。', '2024-06-01')).toEqual([]);
  });
  it('时任 with a stated date: the title was held then, by the name written', () => {
    expect(found('2014年，时任广东省委书记汪洋到清远调研。')).toEqual(['汪洋→胡春华']);
    expect(found('2019年，时任广东省委书记李希出席推进会。')).toEqual([]);
    expect(found('2015年，时任国务院副总理汪洋出席对话。')).toEqual([]);
  });
});
