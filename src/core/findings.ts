import type { Finding } from '../types.js';

/** Orders findings by range start, then range end, then rule id (a stable, total order for equal keys). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Orders site findings by page, then rule id, then message (a stable, total order for a site report). */
export function compareSiteFindings(a: Finding, b: Finding): number {
  const key = (f: Finding) => [f.page ?? '', f.ruleId, f.message] as const;
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/**
 * Sorts findings and drops repeats of the same rule on the same range in one pass after the sort
 * (O(n log n) in all; textlint's pairwise dedupe is quadratic). The first of equal findings is kept.
 */
export function sortAndDedupe(findings: Finding[]): Finding[] {
  findings.sort(compareFindings);
  const out: Finding[] = [];
  let last: Finding | undefined;
  for (const f of findings) {
    if (last && last.ruleId === f.ruleId && last.range[0] === f.range[0] && last.range[1] === f.range[1]) continue;
    out.push(f);
    last = f;
  }
  return out;
}

const RANK = { error: 2, warning: 1, info: 0 } as const;

/** Whether `severity` is at `threshold` or above (error > warning > info). */
export function atLeast(severity: Finding['severity'], threshold: Finding['severity']): boolean {
  return RANK[severity] >= RANK[threshold];
}
