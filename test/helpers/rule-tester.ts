import { describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckerRuntime } from '../../src/checker.js';
import { schemaOf, validateOptions } from '../../src/core/options.js';
import { LineIndex } from '../../src/core/positions.js';
import { builtinRules } from '../../src/rules/index.js';
import type { CheckOptions, Config, Finding, InputFormat, RuleSetting } from '../../src/types.js';

/** A case that must yield no finding of the rule under test. */
export type ValidCase = string | { code: string; format?: InputFormat; options?: Record<string, unknown>; config?: Config; date?: string; name?: string };

/** What an expected finding must match; wording is not asserted (ESLint's messageId lesson). */
export interface ExpectedFinding {
  range: readonly [number, number];
  actual: string;
  expected?: readonly string[];
  entryId?: string;
  ruleId?: string;
  severity?: Finding['severity'];
  data?: Record<string, unknown>;
}

/** A case that must yield exactly the listed findings of the rule under test. */
export interface InvalidCase {
  code: string;
  findings: ExpectedFinding[];
  format?: InputFormat;
  options?: Record<string, unknown>;
  config?: Config;
  date?: string;
  name?: string;
  /** The text after applying every `fix`, when the rule offers fixes. */
  output?: string;
}

/**
 * Asserts the invariants every finding keeps, whatever the rule: `actual`, `loc` and `fix` agree with
 * `range`, the finding is frozen and survives JSON. Checked by hand and asserted once, so inputs with
 * tens of thousands of findings stay cheap to test.
 */
export function assertFindingInvariants(source: string, findings: readonly Finding[]): void {
  const lines = new LineIndex(source);
  const problems: string[] = [];
  for (const f of findings) {
    const where = `${f.ruleId} [${f.range[0]}, ${f.range[1]})`;
    if (!(Number.isInteger(f.range[0]) && f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= source.length)) problems.push(`${where}: range out of bounds`);
    else if (source.slice(f.range[0], f.range[1]) !== f.actual) problems.push(`${where}: actual ${JSON.stringify(f.actual)} is not the source slice`);
    const loc = lines.location(f.range[0], f.range[1]);
    if (JSON.stringify(loc) !== JSON.stringify(f.loc)) problems.push(`${where}: loc ${JSON.stringify(f.loc)} should be ${JSON.stringify(loc)}`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${where}: empty message`);
    if (!Object.isFrozen(f)) problems.push(`${where}: not frozen`);
    if (JSON.stringify(JSON.parse(JSON.stringify(f))) !== JSON.stringify(f)) problems.push(`${where}: not JSON-serialisable`);
    if (f.fix && !(f.fix.range[0] <= f.fix.range[1] && f.fix.range[1] <= source.length)) problems.push(`${where}: fix out of bounds`);
    if (problems.length >= 10) break;
  }
  expect(problems).toEqual([]);
}

/** Applies non-overlapping fixes from the end backwards. */
export function applyFixes(source: string, findings: readonly Finding[]): string {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => b.range[0] - a.range[0]);
  let out = source;
  let limit = Infinity;
  for (const fix of fixes) {
    if (fix.range[1] > limit) continue;
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
    limit = fix.range[0];
  }
  return out;
}

function checkerFor(ruleId: string, c: { options?: Record<string, unknown>; config?: Config }, runtime?: CheckerRuntime): Checker {
  const setting: RuleSetting = c.options ? ['error', c.options] : 'error';
  const base = c.config ?? {};
  // Only the rule under test is on, whatever the preset says, so other rules cannot mask or add findings.
  return createChecker({ ...base, preset: 'none', rules: { ...(base.rules ?? {}), [ruleId]: (base.rules?.[ruleId] as RuleSetting | undefined) ?? setting } }, runtime);
}

function run(checker: Checker, code: string, format: InputFormat = 'text', date?: string): Finding[] {
  const options: CheckOptions = date ? { date } : {};
  if (format === 'html') return checker.checkHtml(code, options);
  if (format === 'markdown') return checker.checkMarkdown(code, options);
  return checker.check(code, options);
}

/**
 * Runs a rule against valid and invalid cases (textlint-tester / ESLint RuleTester style). Asserts the
 * exact count, each finding's range, actual and (when given) expected/entryId/data, the invariants,
 * fix output, that no case is listed twice, and that checking twice gives equal results.
 */
export const ruleTester = {
  run(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[]; invalidOptions?: Record<string, unknown>[] }, runtime?: CheckerRuntime): void {
    const seen = new Set<string>();
    const key = (c: unknown) => JSON.stringify(c);
    for (const c of [...cases.valid, ...cases.invalid]) {
      const k = key(typeof c === 'string' ? { code: c } : { ...c, findings: undefined, output: undefined });
      if (seen.has(k)) throw new Error(`duplicate test case for ${ruleId}: ${k}`);
      seen.add(k);
    }
    describe(ruleId, () => {
      const rule = [...builtinRules, ...(runtime?.rules ?? [])].find((r) => r.id === ruleId);
      describe('options', () => {
        // Every case's options are validated by createChecker; here the defaults and refused options.
        if (rule) it('its defaults fit its option schema', () => validateOptions(rule.id, schemaOf(rule.meta), rule.meta.defaultOptions ?? {}));
        for (const options of cases.invalidOptions ?? []) {
          it(`refuses ${JSON.stringify(options)} (invalid-config)`, () => {
            expect(() => checkerFor(ruleId, { options }, runtime)).toThrow(expect.objectContaining({ code: 'invalid-config' }));
          });
        }
      });
      describe('valid', () => {
        for (const raw of cases.valid) {
          const c = typeof raw === 'string' ? { code: raw } : raw;
          it(c.name ?? c.code.slice(0, 60), () => {
            const checker = checkerFor(ruleId, c, runtime);
            const findings = run(checker, c.code, c.format, c.date).filter((f) => f.ruleId.startsWith(ruleId));
            expect(findings.map((f) => `${f.range[0]}-${f.range[1]} ${f.actual}`)).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid) {
          it(c.name ?? c.code.slice(0, 60), () => {
            const checker = checkerFor(ruleId, c, runtime);
            const findings = run(checker, c.code, c.format, c.date).filter((f) => f.ruleId.startsWith(ruleId));
            assertFindingInvariants(c.code, findings);
            expect(findings.map((f) => ({ range: [...f.range], actual: f.actual }))).toEqual(c.findings.map((e) => ({ range: [...e.range], actual: e.actual })));
            c.findings.forEach((e, i) => {
              const f = findings[i] as Finding;
              if (e.expected) expect(f.expected).toEqual(e.expected);
              if (e.entryId) expect(f.entryId).toBe(e.entryId);
              if (e.ruleId) expect(f.ruleId).toBe(e.ruleId);
              if (e.severity) expect(f.severity).toBe(e.severity);
              if (e.data) expect(f.data).toMatchObject(e.data);
            });
            if (c.output !== undefined) expect(applyFixes(c.code, findings)).toBe(c.output);
            expect(run(checker, c.code, c.format, c.date)).toEqual(run(checker, c.code, c.format, c.date));
          });
        }
      });
    });
  },
};
