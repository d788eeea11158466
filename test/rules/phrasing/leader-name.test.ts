import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ShenjiaoError } from '../../../src/errors.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const local = { dictionaries: { leaders: [{ id: 'du-jiahao', patterns: ['杜家毫'], expected: ['杜家毫'], source: '中共湖南省委（示例）', titles: [{ title: '湖南省委书记', validFrom: '2016-08-28', validTo: '2020-11-30' }] }] } };
const c = (code: string, actual: string, expected: string, date = '2024-05-01') => ({ code, date, findings: [at(code, actual, { expected: [expected] })] });

ruleTester.run('phrasing/leader-name', {
  valid: [
    '国务院总理李强主持召开国务院常务会议。',
    '习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希等出席会议。',
    '新加坡总理黄循财会见中国客人，印度总理莫迪出席。',
    '李熙同志任县委书记。',
    '各位同志，大家好！',
    '通伦当选连任老挝国家主席 李强致电祝贺',
    { code: '湖南省委书记杜家毫主持会议', config: local, date: '2018-03-01' },
    '副县长丁学祥主持召开县政府常务会议，张国庆出席。',
    '丁学祥主持召开县政府常务会议。',
    '李克勤演唱会在香港举行。',
    { code: '国务院总理李克强主持召开国务院常务会议', date: '2016-05-01' },
    '中央军委副主席张又侠、张升民出席。',
    '张国庆同志强调，要统筹发展和安全。刘国忠指出，要做好防汛工作。',
    '县委书记蔡琪主持会议。会上，蔡琪同志指出，要抓好落实。',
    '副县长李熙强调，要狠抓落实。',
    { code: '李熙同志指出，要狠抓落实。', date: '2015-01-01' },
    '蔡奇同志指出，要坚持不懈用党的创新理论凝心铸魂。',
    '市委书记李强主持召开市委常委会会议，市委书记尹丽讲话。',
    { code: '上海市委书记陈吉宁会见外宾，湖南省委书记沈晓明出席。', date: '2024-06-01' },
  ],
  invalid: [
    c('北京市委书记尹丽主持召开会议。', '尹丽', '尹力'),
    c('湖南省委书记杜家豪主持会议。', '杜家豪', '杜家毫', '2018-03-01'),
    c('蔡琪同志指出，要把学习贯彻党的二十大精神作为首要政治任务。', '蔡琪', '蔡奇', '2023-02-01'),
    c('丁学祥强调，要统筹发展和安全。', '丁学祥', '丁薛祥', '2023-06-01'),
    c('会上，王护宁同志指出，人民政协要坚持团结和民主两大主题。', '王护宁', '王沪宁'),
    c('国务院总理李克墙出席开幕式', '李克墙', '李克强', '2016-05-01'),
    c('国务院总理李克出席开幕式', '李克', '李克强', '2017-03-09'),
    c('国务院副总理丁学祥出席会议', '丁学祥', '丁薛祥'),
    c('全国人大常委会委员长赵乐基主持会议', '赵乐基', '赵乐际'),
    c('赵乐基委员长指出', '赵乐基', '赵乐际'),
    c('习进平同志强调', '习进平', '习近平'),
    c('习近平、李强、赵乐际、王护宁、蔡奇出席', '王护宁', '王沪宁'),
    c('国务院总理温家室指出', '温家室', '温家宝', '2010-12-30'),
    c('温家室主持召开国务院常务会议 决定实施天然林资源保护二期工程', '温家室', '温家宝', '2010-12-30'),
    c('国家副主席刁近平抵达罗安达', '刁近平', '习近平', '2010-11-20'),
    c('行政长官感谢国家主席习平近的重要批示', '习平近', '习近平', '2018-05-15'),
    c('习近平、李克、张德江、俞正声出席', '李克', '李克强', '2017-03-09'),
    c('中央军委副主席张又夏出席', '张又夏', '张又侠'),
    { code: '国务院总理李墙', date: '2024-05-01', name: 'a two-character name at the very end of the text', findings: [at('国务院总理李墙', '李墙', { expected: ['李强'] })] },
    { code: '习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李西', date: '2024-05-01', name: 'the last name of a list at the very end', findings: [at('习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李西', '李西', { expected: ['李希'] })] },
    { code: '湖南省委书记杜家豪主持会议', config: local, date: '2018-03-01', findings: [at('湖南省委书记杜家豪主持会议', '杜家豪', { expected: ['杜家毫'], entryId: 'du-jiahao' })] },
    { code: '会上，省委书记杜家亳讲话', config: local, date: '2018-03-01', findings: [at('会上，省委书记杜家亳讲话', '杜家亳', { expected: ['杜家毫'] })] },
  ],
});

describe('phrasing/leader-name local leaders config', () => {
  it('rejects a local leader without dated titles with a typed error naming the field', () => {
    const bad = { dictionaries: { leaders: [{ id: 'x', patterns: ['张三'], expected: ['张三'], source: '某市', titles: [{ title: '市长', validFrom: '2020' }] }] } };
    let error: unknown;
    try {
      createChecker({ preset: 'none', rules: { 'phrasing/leader-name': 'error' }, ...bad });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShenjiaoError);
    expect((error as ShenjiaoError).code).toBe('invalid-dictionary');
    expect((error as ShenjiaoError).details).toMatchObject({ entryId: 'x', field: 'titles' });
  });
});

describe('same-syllable and look-alike slips of any leader in the lists (issue 12, item 4)', async () => {
  const { jiebaSegmenter } = await import('../../../src/node/segment.js');
  const { jiebaWordFrequencies } = await import('../../../src/node/words.js');
  const rules = { 'phrasing/leader-name': 'error', 'phrasing/leader-title': 'error' } as const;
  const node = createChecker({ preset: 'none', rules }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  const core = createChecker({ preset: 'none', rules });
  const found = (checker: typeof core, text: string, date = '2024-06-01') => checker.check(text, { date }).map((f) => `${f.actual}→${f.expected[0] ?? ''}`);
  it('beside a title the leader held, a same-syllable or published look-alike character, with or without the segmenter', () => {
    for (const checker of [node, core]) {
      expect(found(checker, '河南省委书记娄阳生深入基层调研。')).toEqual(['娄阳生→楼阳生']);
      expect(found(checker, '国务委员湛贻琴出席会议并讲话。')).toEqual(['湛贻琴→谌贻琴']);
      expect(found(checker, '国务院副总理刘廷东出席全国教育工作会议。', '2016-06-01')).toEqual(['刘廷东→刘延东']);
    }
    // A dropped last character before 讲话 stays what it was: 赵克 for 赵克志, not 赵克讲.
    expect(found(node, '时任河北省委书记赵克讲话。', '2016-06-01')).toEqual(['赵克→赵克志']);
  });
  it('no title: followed by what a speaker does, a national leader in office on the day, with the segmenter and its counts', () => {
    expect(found(node, '胡纯华同志指出，要巩固拓展脱贫攻坚成果。', '2021-06-01')).toEqual(['胡纯华→胡春华']);
    expect(found(node, '张国青同志主持会议，部署安全生产工作。')).toEqual(['张国青→张国清']);
    expect(found(node, '韩政同志指出，要推动高质量发展。', '2023-06-01')).toEqual(['韩政→韩正']);
    // Without the segmenter's word counts nothing vouches for the written name: silent.
    expect(found(core, '胡纯华同志指出，要巩固拓展脱贫攻坚成果。', '2021-06-01')).toEqual([]);
  });
  it('no title: a warning, not an error, whatever the rule\'s severity (a citizen may bear the name), with a note saying so', () => {
    const [weak] = node.check('会上，王小红同志强调，要抓好安全生产工作。', { date: '2024-06-01' });
    expect(weak).toMatchObject({ actual: '王小红', expected: ['王小洪'], severity: 'warning' });
    expect(weak?.note).toMatch(/没有职务/);
    // Beside a title the leader held, the slip is an error as before.
    expect(node.check('国务委员湛贻琴出席会议并讲话。', { date: '2024-06-01' }).map((f) => f.severity)).toEqual(['error']);
  });
  it('silent on citizens and local cadres whose names sound like a leader\'s', () => {
    // A counted word of the segmenter's dictionary is a name people bear (张国庆), not a slip for 张国清.
    expect(found(node, '张国庆同志主持召开村民代表会议。')).toEqual([]);
    // The document gives the name a local post: the county's own 王小红, not 王小洪.
    expect(found(node, '县长王小红主持会议。王小红同志强调，要抓好安全生产。')).toEqual([]);
    // Not a leader's context at all, or not in office on the day.
    expect(found(node, '社区居民蔡琦主动报名参加垃圾分类志愿服务。')).toEqual([]);
    expect(found(node, '志愿者何立锋介绍，今年已组织助老活动十余次。')).toEqual([]);
    expect(found(node, '胡纯华同志指出，要巩固拓展脱贫攻坚成果。', '2024-06-01')).toEqual([]);
    // A two-character name is as common among citizens: only the top posts (王涌 for 王勇, a former state councillor).
    expect(found(node, '王涌同志强调，要抓好安全生产。', '2020-06-01')).toEqual([]);
  });
});
