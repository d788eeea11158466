import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ShenjiaoError } from '../../../src/errors.js';
import { assertFindingInvariants } from '../../helpers/rule-tester.js';

const summary = (source: string, findings: ReturnType<ReturnType<typeof createChecker>['check']>) => {
  assertFindingInvariants(source, findings);
  return findings.map((f) => `${f.ruleId} ${f.range[0]}-${f.range[1]} ${f.actual} ${f.entryId ?? ''}`);
};

describe('sensitive/custom (users’ own lists)', () => {
  it('reports a new list under sensitive/<list>, words and entries alike, with variants folded', () => {
    const checker = createChecker({
      preset: 'none',
      rules: { 'sensitive/my-list': 'warning' },
      dictionaries: { sensitive: { 'my-list': ['暗号', { id: 'slang', patterns: ['黑话'], expected: ['白话'], source: '本单位审校规范' }] as unknown as string[] } },
    });
    expect(checker.rules).toEqual(['sensitive/my-list']);
    const text = '这是暗号和黑 话';
    const findings = checker.check(text);
    expect(summary(text, findings)).toEqual(['sensitive/my-list 2-4 暗号 my-list-1', 'sensitive/my-list 5-8 黑 话 slang']);
    expect(findings[1]?.expected).toEqual(['白话']);
    expect(findings[1]?.severity).toBe('warning');
    expect(findings[0]?.data).toEqual({ category: 'my-list', list: 'my-list' });
  });

  it('is on in the recommended preset once a list is configured; sensitive/custom switches all user lists', () => {
    const config = { dictionaries: { sensitive: { a: ['甲词'], b: ['乙词'] } } };
    expect(createChecker(config).check('甲词乙词').map((f) => f.ruleId)).toEqual(['sensitive/a', 'sensitive/b']);
    expect(createChecker({ ...config, rules: { 'sensitive/custom': 'off' } }).check('甲词乙词')).toEqual([]);
    expect(createChecker({ ...config, rules: { 'sensitive/b': 'off' } }).check('甲词乙词').map((f) => f.ruleId)).toEqual(['sensitive/a']);
  });

  it('adds words given under a built-in list name to that list', () => {
    const checker = createChecker({ preset: 'none', rules: { 'sensitive/gambling': 'error' }, dictionaries: { sensitive: { gambling: ['某某娱乐城'] } } });
    expect(checker.check('某某娱乐城真人百家乐').map((f) => `${f.ruleId} ${f.actual}`)).toEqual(['sensitive/gambling 某某娱乐城', 'sensitive/gambling 真人百家乐']);
  });

  it('reads one-word-a-line text lists with a # header', () => {
    const list = '# id: local\n# title: 本地词表\n# source: 某市网信办 2024\n# retrieved: 2024-05-01\n\n词甲\r\n词乙\n# a comment\n词丙\n';
    const checker = createChecker({ dictionaries: { sensitive: { local: list as unknown as string[] } } });
    const findings = checker.check('词丙和词甲');
    expect(findings.map((f) => [f.actual, f.source])).toEqual([
      ['词丙', '某市网信办 2024'],
      ['词甲', '某市网信办 2024'],
    ]);
  });

  it('loads a 100k-word list and still finds every word', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `词${String.fromCharCode(0x4e00 + (i % 20000))}${String.fromCharCode(0x4e00 + Math.floor(i / 20000))}`);
    const checker = createChecker({ preset: 'none', rules: { 'sensitive/big': 'error' }, dictionaries: { sensitive: { big: words } } });
    const text = `${words[0]}，${words[99_999]}`;
    expect(checker.check(text).map((f) => f.actual)).toEqual([words[0], words[99_999]]);
  });

  it('honours per-entry exceptions, context and the global allow-list', () => {
    const checker = createChecker({
      dictionaries: {
        sensitive: {
          words: [
            { id: 'pass', patterns: ['通行'], expected: [], source: 's', exceptions: ['通行证'] },
            { id: 'top', patterns: ['顶'], expected: [], source: 's', context: { after: ['级货'] } },
          ],
        },
      },
      allow: ['允许通行'],
    });
    expect(checker.check('通行证；允许通行；禁止通行；顶级货；顶层').map((f) => `${f.range[0]} ${f.actual} ${f.entryId}`)).toEqual(['11 通行 pass', '14 顶 top']);
    expect(createChecker({ dictionaries: { sensitive: { words: [{ id: 'pass', patterns: ['通行'], expected: [], source: 's' }] } }, allow: ['pass'] }).check('通行')).toEqual([]);
  });

  it('checks word boundaries with an injected segmenter, and works without one', () => {
    const config = { dictionaries: { sensitive: { short: ['白粉'] } } };
    // A toy segmenter standing in for nodejieba: "白粉墙" is one word (a whitewashed wall).
    const segmenter = (text: string) => text.split(/(白粉墙|白粉)/).filter((w) => w !== '');
    expect(createChecker(config, { segmenter }).check('刷白粉墙，贩卖白粉').map((f) => f.range[0])).toEqual([7]);
    expect(createChecker(config).check('刷白粉墙，贩卖白粉').map((f) => f.range[0])).toEqual([1, 7]);
  });

  it('rejects bad lists with typed errors', () => {
    expect(() => createChecker({ dictionaries: { sensitive: { 'Bad Name': ['x词'] } } })).toThrow(ShenjiaoError);
    expect(() => createChecker({ dictionaries: { sensitive: { one: ['赌'] } } })).toThrow(/context/);
    expect(() => createChecker({ dictionaries: { sensitive: { empty: ['  '] } } })).toThrow(ShenjiaoError);
    expect(() => createChecker({ dictionaries: { sensitive: { obj: 5 as unknown as string[] } } })).toThrow(ShenjiaoError);
  });

  it('never throws on adversarial content', () => {
    const checker = createChecker({ preset: 'all', dictionaries: { sensitive: { x: ['测试词', '😀词'] } } });
    const big = '赌'.repeat(1 << 20) + '\ud800' + '测 * 试 词'.repeat(1000) + '\udc00😀词';
    const findings = checker.check(big);
    expect(findings.length).toBe(1001);
    assertFindingInvariants(big, findings.slice(0, 3));
  });
});

describe('hostile input', () => {
  it('stays linear when one line holds 100k exception matches and 100k candidate matches', () => {
    const checker = createChecker({ preset: 'none', rules: { 'sensitive/fraud-invoice': 'error', 'sensitive/gambling': 'error' } });
    const line = '税务机关代开发票'.repeat(50_000) + '非法出售发票'.repeat(50_000) + '真人百家乐'.repeat(50_000);
    const findings = checker.check(line);
    expect(findings.length).toBe(50_000);
    expect(findings.every((f) => f.actual === '真人百家乐')).toBe(true);
  }, 20_000); // the timeout is the guard: a quadratic exception check would take minutes here
});
