import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { createKernel } from '../../src/core/checker.js';
import { defineRule, type AnyRule } from '../../src/core/rule.js';
import { defineSiteRule, type SiteModel } from '../../src/core/site.js';
import { ShenjiaoError } from '../../src/errors.js';
import type { Config } from '../../src/types.js';

/** The invalid-config error `build` throws, or a failure. */
function configError(build: () => unknown): ShenjiaoError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ShenjiaoError);
    expect((error as ShenjiaoError).code).toBe('invalid-config');
    return error as ShenjiaoError;
  }
  throw new Error('expected invalid-config');
}

/** Flags every occurrence of `word`, optionally deferring to `typo/probe-b`. */
function probe(id: `typo/${string}`, word: string, defer = false): AnyRule {
  return defineRule<{ n: number }, unknown>({
    id,
    meta: {
      description: '测试规则',
      defaultSeverity: 'warning',
      recommended: false,
      fixable: false,
      defaultOptions: { n: 1 },
      ...(defer ? { defersTo: ['typo/probe-b' as const] } : {}),
      docs: { wrong: word, right: '', source: 'test' },
    },
    check(context) {
      for (let i = context.source.indexOf(word); i !== -1; i = context.source.indexOf(word, i + 1)) {
        context.report({ range: [i, i + word.length], message: word, ...(defer ? { deferTo: 'typo/probe-b' as const } : {}) });
      }
    },
  });
}

describe('rule options are validated against the rule schema (invalid-config)', () => {
  it('refuses an unknown key, naming the rule and the key', () => {
    const e = configError(() => createChecker({ rules: { 'privacy/travel-permit': ['error', { uncertian: 'off' }] } }));
    expect(e.details.key).toBe('rules.privacy/travel-permit.uncertian');
  });
  it('refuses a value outside the declared set or of the wrong type', () => {
    configError(() => createChecker({ rules: { 'privacy/travel-permit': ['error', { uncertain: 'maybe' }] } }));
    configError(() => createChecker({ rules: { 'image/oversized': ['warning', { maxPixels: 'big' }] } as Config['rules'] }));
    configError(() => createChecker({ rules: { 'link/dark-link': ['error', { siteHosts: 'a.gov.cn' }] } as Config['rules'] }));
  });
  it('checks the options of a rule that is off too', () => {
    configError(() => createChecker({ rules: { 'privacy/cn-mobile': ['off' as 'error', { mask: 'off' }] } }));
  });
  it('derives the schema from defaultOptions when a rule declares none', () => {
    configError(() => createKernel({ rules: [probe('typo/probe-a', 'x')] }, { rules: { 'typo/probe-a': ['error', { n: 'one' }] } } as Config));
    configError(() => createKernel({ rules: [probe('typo/probe-a', 'x')] }, { rules: { 'typo/probe-a': ['error', { m: 1 }] } }));
    expect(createKernel({ rules: [probe('typo/probe-a', 'x')] }, { rules: { 'typo/probe-a': ['error', { n: 2 }] } }).rules).toEqual(['typo/probe-a']);
  });
  it('accepts every documented option', () => {
    expect(() =>
      createChecker({
        rules: {
          'privacy/cn-id-card': ['error', { masked: 'off', legacy: false }],
          'link/external-no-notice': ['warning', { allowHosts: ['weibo.com'], fragments: true, baseUrl: 'http://a.gov.cn/' }],
          'sensitive/gambling': ['error', { wordBoundary: true }],
        },
      }),
    ).not.toThrow();
  });
});

describe('defers to: the kernel drops a deferring report only where the other rule spoke', () => {
  const rules = [probe('typo/probe-a', '错', true), probe('typo/probe-b', '错字')];
  it('drops it when the other rule reported on an overlapping stretch', () => {
    const k = createKernel({ rules }, { preset: 'none', rules: { 'typo/probe-a': 'error', 'typo/probe-b': 'error' } });
    expect(k.check('错字').map((f) => f.ruleId)).toEqual(['typo/probe-b']);
  });
  it('keeps it when the other rule is on but silent on its stretch, so no finding is lost between the two', () => {
    const k = createKernel({ rules }, { preset: 'none', rules: { 'typo/probe-a': 'error', 'typo/probe-b': 'error' } });
    expect(k.check('错了。错字').map((f) => [f.ruleId, f.range[0]])).toEqual([
      ['typo/probe-a', 0],
      ['typo/probe-b', 3],
    ]);
  });
  it('keeps it when the other rule is off or absent', () => {
    const off = createKernel({ rules }, { preset: 'none', rules: { 'typo/probe-a': 'error' } });
    expect(off.check('错字').map((f) => f.ruleId)).toEqual(['typo/probe-a']);
    const absent = createKernel({ rules: [rules[0]!] }, { preset: 'none', rules: { 'typo/probe-a': 'error' } });
    expect(absent.check('错字').map((f) => f.ruleId)).toEqual(['typo/probe-a']);
  });
  it('weighs two readings of the same stretch: the deferring one is kept only when it outweighs the other on every measure', () => {
    /** Reports 错字 at [0, 2), offering `offer`, with the given weight, deferring or not. */
    const reading = (id: `typo/${string}`, offer: string, weight: number[] | undefined, defer: boolean) =>
      defineRule({
        ...probe(id, '错字', defer),
        check: (c) => c.report({ range: [0, 2], message: offer, expected: [offer], ...(weight ? { weight } : {}), ...(defer ? { deferTo: 'typo/probe-b' as const } : {}) }),
      });
    const run = (a: number[] | undefined, b: number[] | undefined, range: [number, number] = [0, 2]) => {
      const other = defineRule({ ...probe('typo/probe-b', '错字'), check: (c) => c.report({ range, message: 'b', expected: ['b'], ...(b ? { weight: b } : {}) }) });
      const k = createKernel({ rules: [reading('typo/probe-a', 'a', a, true), other] }, { preset: 'none', rules: { 'typo/probe-a': 'info', 'typo/probe-b': 'warning' } });
      return k.check('错字。').map((f) => f.expected[0]);
    };
    expect(run([231, 6555], [3, 1417])).toEqual(['a']);
    // Heavier on one measure only (the documents and jieba disagree), lighter, or unweighed: it gives way.
    expect(run([311, 2851], [24, 13853])).toEqual(['b']);
    expect(run([3, 1417], [231, 6555])).toEqual(['b']);
    expect(run([231, 6555], undefined)).toEqual(['b']);
    expect(run(undefined, [3, 1417])).toEqual(['b']);
    // Another stretch (overlapping, not the same) is another reading: no weighing.
    expect(run([231, 6555], [3, 1417], [1, 3])).toEqual(['b']);
  });
  it('refuses a deferral the rule did not declare', () => {
    const sneaky = defineRule({ ...probe('typo/probe-c', '错'), check: (c) => c.report({ range: [0, 1], message: 'x', deferTo: 'typo/probe-b' }) });
    expect(() => createKernel({ rules: [sneaky] }, { preset: 'none', rules: { 'typo/probe-c': 'error' } }).check('错')).toThrow(/defersTo/);
  });
});

describe('per-check store (RuleContext.memo)', () => {
  it('gives the rules of one check the same value, and each check a fresh one', () => {
    const key = {};
    const seen: object[] = [];
    const memoRule = (id: `typo/${string}`) =>
      defineRule({
        ...probe(id, 'x'),
        check(context) {
          seen.push(context.memo.get(key, () => ({ check: seen.length })));
        },
      });
    const k = createKernel({ rules: [memoRule('typo/memo-a'), memoRule('typo/memo-b')] }, { preset: 'all' });
    k.check('一');
    k.check('二');
    expect(seen).toHaveLength(4);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBe(seen[3]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});

describe('per-checker store (RuleSetup.shared)', () => {
  it('gives the rules of one checker the same value and each checker its own', () => {
    const built: object[] = [];
    const sharing = (id: `typo/${string}`) =>
      defineRule<Record<string, unknown>, object>({
        ...probe(id, 'x'),
        prepare: ({ shared }) => shared('test/book', () => {
          const book = {};
          built.push(book);
          return book;
        }),
      });
    const rules = [sharing('typo/share-a'), sharing('typo/share-b')];
    createKernel({ rules }, { preset: 'all' });
    createKernel({ rules }, { preset: 'all' });
    expect(built.length).toBe(2);
  });
});

describe('CheckOptions.url: the page URL is a per-call fact', () => {
  it('reaches the rules of each call, and a malformed one is refused', () => {
    const seen: (string | undefined)[] = [];
    const rule = defineRule({ ...probe('typo/url', 'x'), check: (c) => void seen.push(c.url) });
    const k = createKernel({ rules: [rule] }, { preset: 'all' });
    k.check('a', { url: 'http://a.gov.cn/1.html' });
    k.check('a', { url: 'http://a.gov.cn/2.html' });
    k.check('a');
    expect(seen).toEqual(['http://a.gov.cn/1.html', 'http://a.gov.cn/2.html', undefined]);
    configError(() => k.check('a', { url: 'not a url' }));
  });
});

describe('site scope: checkSite runs site rules with the same config handling', () => {
  const site: SiteModel = { url: 'http://a.gov.cn/', date: '2026-12-01', pages: [], homeItems: [], columns: [], articles: [], messages: [] };
  const stale = defineSiteRule<{ days: number }>({
    id: 'site/probe-stale',
    meta: { description: '测试站点规则', defaultSeverity: 'error', recommended: true, fixable: false, defaultOptions: { days: 14 }, docs: { wrong: 'x', right: 'y', source: 'test' } },
    check(context) {
      context.report({ page: 'http://a.gov.cn/b/', message: `b ${context.options.days}`, data: { days: context.options.days } });
      context.report({ page: 'http://a.gov.cn/a/', message: 'a', data: {} });
    },
  });
  const kernel = (config?: Config) => createKernel({ rules: [], siteRules: [stale] }, config);

  it('reports whole-site findings: range [0, 0], loc 1:1, page set, sorted by page', () => {
    const findings = kernel().checkSite(site);
    expect(findings.map((f) => [f.page, f.ruleId, f.severity, f.range, f.loc.start, f.actual])).toEqual([
      ['http://a.gov.cn/a/', 'site/probe-stale', 'error', [0, 0], { line: 1, column: 1 }, ''],
      ['http://a.gov.cn/b/', 'site/probe-stale', 'error', [0, 0], { line: 1, column: 1 }, ''],
    ]);
    expect(findings.every((f) => Object.isFrozen(f))).toBe(true);
    expect(kernel().rules).toEqual(['site/probe-stale']);
  });
  it('applies severity, off, options and the allow-list', () => {
    expect(kernel({ rules: { 'site/probe-stale': 'warning' } }).checkSite(site).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(kernel({ rules: { 'site/probe-stale': ['off' as 'error', {}] } }).checkSite(site)).toEqual([]);
    expect(kernel({ rules: { 'site/probe-stale': ['error', { days: 30 }] } }).checkSite(site)[1]!.data).toEqual({ days: 30 });
    expect(kernel({ allow: ['http://a.gov.cn/a/'] }).checkSite(site).map((f) => f.page)).toEqual(['http://a.gov.cn/b/']);
    configError(() => kernel({ rules: { 'site/probe-stale': ['error', { dayz: 30 }] } }));
  });
  it('knows site rule ids for the config, and the default checker has the built-in site rules', () => {
    configError(() => kernel({ rules: { 'site/no-such': 'error' } }));
    expect(createChecker().checkSite(site)).toEqual([]);
  });
});
