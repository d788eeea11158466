import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatJson, type FileResult } from '../../src/cli/format/json.js';
import { formatSarif } from '../../src/cli/format/sarif.js';
import { formatText } from '../../src/cli/format/text.js';
import { createChecker } from '../../src/checker.js';
import { maskFindings } from '../../src/mask-findings.js';
import { rules as privacyRules } from '../../src/rules/privacy/index.js';
import { builtinRules as allRules } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';

// One line per privacy rule (each rule's documented example with other digits: the examples themselves
// are printed in SARIF's rule help), plus a sensitive word on the same
// lines so that other rules' findings quote them.
const LINES = [
  '申请人：张三，身份证号11010519491231002X，澳门新葡京',
  '联系人：李四，手机13987654321，澳门新葡京',
  '反映人王五，家庭电话0571-86543210，澳门新葡京',
  '补贴已发放至6222028765432109874，澳门新葡京',
  '护照号码：E98765432，澳门新葡京',
  '来信人邮箱：zhangsan1984@163.com，澳门新葡京',
  '车主张三（车牌号粤B67890），澳门新葡京',
  '往来港澳通行证号码：C87654321，澳门新葡京',
];
const SOURCE = LINES.join('\n') + '\n';
const checker = createChecker({ preset: 'all' });
const findings = checker.check(SOURCE);
const privacy = findings.filter((f) => f.ruleId.startsWith('privacy/') && f.data?.masked !== true);

/** The characters a finding's own mask hides, as runs of at least three: what must never be printed. */
function hiddenRuns(f: Finding): string[] {
  const masked = maskFindings([f])[0]!.actual;
  const runs: string[] = [];
  let run = '';
  for (let i = 0; i < f.actual.length; i++) {
    if (masked[i] === '*' && f.actual[i] !== '*') run += f.actual[i];
    else {
      if (run.length >= 3) runs.push(run);
      run = '';
    }
  }
  if (run.length >= 3) runs.push(run);
  return runs;
}

const results: FileResult[] = [{ path: 'a.txt', findings, source: SOURCE }];
const outputs: Record<string, string> = {
  text: formatText(results, { color: false, showPrivate: false }),
  json: formatJson(results, { showPrivate: false }),
  // The results (the rule descriptors quote each rule's documented example, which is no one's data).
  sarif: JSON.stringify(JSON.parse(formatSarif(results, { showPrivate: false, version: '0.0.0', rules: allRules })).runs[0].results),
};

describe('nothing re-reveals what the reporters mask (issue 13)', () => {
  it('the corpus exercises every privacy rule', () => {
    expect(new Set(privacy.map((f) => f.ruleId))).toEqual(new Set(privacyRules.map((r) => r.id)));
  });

  for (const [format, out] of Object.entries(outputs)) {
    it(`${format}: no hidden digits of any privacy finding, nor an ID's birth date`, () => {
      for (const f of privacy) {
        expect(out, `${format} ${f.ruleId}`).not.toContain(f.actual);
        for (const run of hiddenRuns(f)) expect(out, `${format} ${f.ruleId} ${run}`).not.toContain(run);
      }
      expect(out).not.toContain('1949-12-31');
      expect(out).not.toContain('19491231');
    });
  }

  it('every string in every finding’s data (all rules) is free of hidden digits; derived fields are dropped', () => {
    const shown = maskFindings(findings, { source: SOURCE });
    const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
    for (const f of shown) {
      const text = JSON.stringify(f);
      for (const p of privacy) for (const run of hiddenRuns(p)) expect(text, `${f.ruleId} ${run}`).not.toContain(run);
      for (const s of strings(f.data)) expect(s).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    const id = shown.find((f) => f.ruleId === 'privacy/cn-id-card')!;
    expect(id.data).not.toHaveProperty('birthDate');
    expect(id.data).not.toHaveProperty('sex');
    expect(id.data?.region).toBe('北京市朝阳区');
  });

  it('--show-private shows everything, the derived fields included', () => {
    const out = formatJson(results, { showPrivate: true });
    expect(out).toContain('11010519491231002X');
    expect(out).toContain('1949-12-31');
  });

  it('an already-masked value is shown as written', () => {
    const text = '联系电话138****6621，身份证号110105********002X，手机1381234****';
    const found = checker.check(text).filter((f) => f.ruleId.startsWith('privacy/'));
    expect(found.length).toBeGreaterThan(0);
    for (const f of maskFindings(found, { source: text })) expect(text).toContain(f.actual);
    expect(maskFindings(found, { source: text }).map((f) => f.actual)).toEqual(found.map((f) => f.actual));
  });

  it('with privacy/cn-mobile off, the quoted line of another finding still masks the mobile number', () => {
    const off = createChecker({ preset: 'recommended', rules: { 'privacy/cn-mobile': 'off' } });
    const source = '联系电话13812345678，澳门新葡京娱乐\n';
    const found = off.check(source);
    expect(found.some((f) => f.ruleId === 'privacy/cn-mobile')).toBe(false);
    expect(found.some((f) => f.ruleId === 'sensitive/gambling')).toBe(true);
    const r: FileResult[] = [{ path: 'b.txt', findings: found, source }];
    for (const out of [formatText(r, { color: false, showPrivate: false }), formatJson(r, { showPrivate: false }), formatSarif(r, { showPrivate: false, version: '0', rules: allRules })]) {
      expect(out).not.toContain('13812345678');
      expect(out).not.toContain('1234');
    }
    expect(formatText(r, { color: false, showPrivate: false })).toContain('138****5678');
    // A finding whose own span covers the number masks it in `actual` too.
    const wide: Finding = { ...found[0]!, ruleId: 'typo/common-typo', range: [4, 15], actual: source.slice(4, 15), message: `“${source.slice(4, 15)}”` };
    const [shown] = maskFindings([wide], { source });
    expect(shown!.actual).toBe('138****5678');
    expect(shown!.message).toBe('“138****5678”');
  });

  it('the command line: the issue’s example prints no birth date', () => {
    let out = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/bin.ts', 'check', '-', '--format', 'json'], { input: '身份证号11010519491231002X\n', encoding: 'utf8', cwd: new URL('../../', import.meta.url).pathname });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout); // exit 1: an error was found
    }
    expect(out).not.toContain('1949');
    expect(out).toContain('110105********002X');
  }, 60_000);
});
