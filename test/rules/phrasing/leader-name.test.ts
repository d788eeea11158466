import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/core/checker.js';
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
  ],
  invalid: [
    c('国务院总理李克墙出席开幕式', '李克墙', '李克强', '2016-05-01'),
    c('国务院总理李克出席开幕式', '李克', '李克强', '2017-03-09'),
    c('国务院副总理丁学祥出席会议', '丁学祥', '丁薛祥'),
    c('全国人大常委会委员长赵乐基主持会议', '赵乐基', '赵乐际'),
    c('赵乐基委员长指出', '赵乐基', '赵乐际'),
    c('习进平同志强调', '习进平', '习近平'),
    c('习近平、李强、赵乐际、王护宁、蔡奇出席', '王护宁', '王沪宁'),
    c('国务院总理温家室指出', '温家室', '温家宝', '2010-12-30'),
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
