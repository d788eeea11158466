import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { defineRule } from '../../src/core/rule.js';
import { ShenjiaoError } from '../../src/errors.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';

const body = '11010119900307451';
function withCheck(b: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(b[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return b + (c === 10 ? 'X' : String(c));
}
const id = withCheck(body);

/** A test rule that flags every "错字" and reports under a second id for "别字". */
const probe = defineRule<{ word: string }, { count: number }>({
  id: 'typo/probe-test',
  ids: () => ['typo/probe-test-other'],
  meta: {
    description: '测试规则',
    defaultSeverity: 'warning',
    recommended: false,
    fixable: true,
    defaultOptions: { word: '错字' },
    docs: { wrong: '错字', right: '正字', source: '测试' },
  },
  prepare: () => ({ count: 0 }),
  check(context) {
    for (const segment of context.document.segments) {
      const n = context.normalized(segment);
      for (const [word, ruleId] of [[context.options.word, 'typo/probe-test'], ['别字', 'typo/probe-test-other']] as const) {
        for (let i = n.text.indexOf(word); i !== -1; i = n.text.indexOf(word, i + 1)) {
          const range = n.toSource(i, i + word.length);
          context.report({ range, message: '测试', expected: ['正字'], fix: { range, text: '正字' }, entryId: 'probe', ruleId });
          context.report({ range, message: '重复', ruleId });
        }
      }
    }
  },
});

describe('createChecker', () => {
  it('runs the recommended preset by default', () => {
    const findings = createChecker().check(`身份证号${id}`);
    expect(findings.map((f) => f.ruleId)).toEqual(['privacy/cn-id-card']);
    assertFindingInvariants(`身份证号${id}`, findings);
  });

  it('turns rules off and overrides severity', () => {
    expect(createChecker({ rules: { 'privacy/cn-id-card': 'off' } }).check(id)).toEqual([]);
    expect(createChecker({ rules: { 'privacy/cn-id-card': 'warning' } }).check(id)[0]?.severity).toBe('warning');
    expect(createChecker({ preset: 'none' }).check(id)).toEqual([]);
  });

  it('throws typed errors for bad config', () => {
    const bad: unknown[] = [
      'x',
      { preset: 'strict' },
      { rules: { 'privacy/cn-id-card': 'fatal' } },
      { rules: { 'privacy/cn-id-card': ['error', 3] } },
      { rules: { 'privacy/no-such-rule': 'error' } },
      { allow: 'word' },
      { allow: [''] },
      { unknown: true },
      { dictionaries: [] },
    ];
    for (const config of bad) {
      expect(() => createChecker(config as never), JSON.stringify(config)).toThrow(ShenjiaoError);
      try {
        createChecker(config as never);
      } catch (error) {
        expect((error as ShenjiaoError).code).toBe('invalid-config');
      }
    }
    expect(() => createChecker().check('x', { date: '2024/01/01' })).toThrow(ShenjiaoError);
  });

  it('refuses non-string content with a typed error rather than a crash', () => {
    expect(() => createChecker().check(42 as never)).toThrow(ShenjiaoError);
  });

  it('fills ruleId, severity, loc and actual; sorts, dedupes and freezes', () => {
    const checker = createChecker({ preset: 'none', rules: { 'typo/probe-test': 'error', 'typo/probe-test-other': 'info' } }, { rules: [probe] });
    const text = '第一行别字\r\n第二行错字和错字';
    const findings = checker.check(text);
    expect(findings.map((f) => [f.ruleId, f.severity, f.actual, f.range[0], f.loc.start.line, f.loc.start.column])).toEqual([
      ['typo/probe-test-other', 'info', '别字', 3, 1, 4],
      ['typo/probe-test', 'error', '错字', 10, 2, 4],
      ['typo/probe-test', 'error', '错字', 13, 2, 7],
    ]);
    assertFindingInvariants(text, findings);
    expect(checker.rules).toEqual(['typo/probe-test', 'typo/probe-test-other']);
  });

  it('applies a rule setting per reported id', () => {
    const checker = createChecker({ preset: 'none', rules: { 'typo/probe-test': 'warning', 'typo/probe-test-other': 'off' } }, { rules: [probe] });
    expect(checker.check('错字别字').map((f) => f.ruleId)).toEqual(['typo/probe-test']);
  });

  it('passes rule options over the defaults', () => {
    const checker = createChecker({ preset: 'none', rules: { 'typo/probe-test': ['error', { word: '另字' }] } }, { rules: [probe] });
    expect(checker.check('错字另字').map((f) => f.actual)).toEqual(['另字']);
  });

  it('drops findings inside allowed phrases or with allowed entry ids', () => {
    const config = { preset: 'none' as const, rules: { 'typo/probe-test': 'error' as const } };
    const checker = (allow: string[]) => createChecker({ ...config, allow }, { rules: [probe] });
    expect(checker(['错字表']).check('错字表里的错字').map((f) => f.range[0])).toEqual([5]);
    expect(checker(['probe']).check('错字')).toEqual([]);
    expect(checker([id]).check('错字')).toHaveLength(1);
  });

  it('gives HTML ranges into the HTML source', () => {
    const html = `<p title="x">身份证号：<span>${id.slice(0, 6)}</span>${id.slice(6)}</p>`;
    const [f] = createChecker().checkHtml(html);
    expect(f?.actual).toBe(`${id.slice(0, 6)}</span>${id.slice(6)}`);
    assertFindingInvariants(html, [f!]);
  });

  it('gives the same findings for a whole document as for its paragraphs checked one by one (invariance)', () => {
    const paragraphs = [`甲${id}。`, '无问题的段落。', `乙：${withCheck('44030019851231002')}，丙`, '𠮷'.repeat(3) + id];
    const checker = createChecker();
    const whole = checker.check(paragraphs.join('\n'));
    let offset = 0;
    const pieces = paragraphs.flatMap((p) => {
      const shifted = checker.check(p).map((f) => [f.ruleId, f.range[0] + offset, f.range[1] + offset, f.actual]);
      offset += p.length + 1;
      return shifted;
    });
    expect(whole.map((f) => [f.ruleId, f.range[0], f.range[1], f.actual])).toEqual(pieces);
  });
});
