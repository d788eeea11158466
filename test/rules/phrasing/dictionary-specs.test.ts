import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import type { Finding } from '../../../src/types.js';

/** Which rule runs each list's specs (prh: every entry carries specs that must pass). */
const LISTS: Record<string, string[]> = {
  'phrasing/protected-terms.json': ['phrasing/canonical-term'],
  'phrasing/canonical-terms.json': ['phrasing/canonical-term'],
  'phrasing/formulas.json': ['phrasing/formula'],
  'phrasing/sessions.json': ['phrasing/canonical-term'],
  'phrasing/leaders.json': ['phrasing/leader-name', 'phrasing/leader-title'],
  'phrasing/provincial-leaders.json': ['phrasing/leader-name', 'phrasing/leader-title'],
  'phrasing/foreign-leaders.json': ['phrasing/leader-name', 'phrasing/leader-title'],
  'phrasing/anniversaries.json': ['phrasing/canonical-term'],
  'phrasing/banned-terms.json': ['phrasing/banned-term'],
  'phrasing/outdated-terms.json': ['phrasing/outdated-term'],
  'phrasing/institutions.json': ['phrasing/institution-name'],
  'typo/common-typos.json': ['typo/common-typo'],
};

/** Applies each finding's first expected replacement, from the end backwards. */
function apply(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, f.range[0]) + (f.expected[0] ?? f.actual) + out.slice(f.range[1]);
  return out;
}

for (const [list, ruleIds] of Object.entries(LISTS)) {
  const dict = JSON.parse(readFileSync(new URL(`../../../dictionaries/${list}`, import.meta.url), 'utf8')) as {
    entries: { id: string; validFrom?: string; titles?: { validFrom: string }[]; specs?: { from: string; to: string }[] }[];
  };
  const checker = createChecker({ preset: 'none', rules: Object.fromEntries(ruleIds.map((r) => [r, 'error'])) });
  describe(`${list} specs`, () => {
    it('every entry has at least one spec', () => {
      for (const e of dict.entries) expect(e.specs?.length ?? 0, e.id).toBeGreaterThan(0);
    });
    for (const e of dict.entries) {
      for (const spec of e.specs ?? []) {
        it(`${e.id}: ${spec.from} → ${spec.to}`, () => {
          // Dated entries are judged on a day they apply; leaders' specs on a day their titles were held.
          const date = e.titles?.[0]?.validFrom ?? (e.validFrom && e.validFrom > '2024-06-01' ? e.validFrom : '2024-06-01');
          const findings = checker.check(spec.from, { date });
          if (spec.to === spec.from) expect(findings.map((f) => f.actual)).toEqual([]);
          else expect(apply(spec.from, findings)).toBe(spec.to);
        });
      }
    }
  });
}
