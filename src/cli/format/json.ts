import type { Finding, Severity } from '../../types.js';
import { maskFindings } from '../mask.js';

/** One checked file and its findings, as the reporters receive them. */
export interface FileResult {
  /** The path as given on the command line (relative stays relative), or `<stdin>`. */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The source text, for reporters that show context; absent for images. */
  readonly source?: string;
  /** Set when the file could not be checked at all (unreadable, undecodable). */
  readonly error?: string;
}

/** Counts for the summary block. */
export interface Summary {
  readonly files: number;
  readonly findings: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Findings per rule id, sorted by id. */
  readonly rules: Readonly<Record<string, number>>;
  /** Files that could not be checked. */
  readonly failedFiles: number;
}

/** Counts findings by severity and by rule. */
export function summarize(results: readonly FileResult[]): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules: Record<string, number> = {};
  let findings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
      findings++;
    }
  }
  const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { files: results.length, findings, ...counts, rules: sorted, failedFiles: results.filter((r) => r.error).length };
}

/** The `--format json` document (DESIGN.md): `{ version: 1, files: [{ path, findings }], summary }`. */
export function formatJson(results: readonly FileResult[], options: { showPrivate: boolean }): string {
  const doc = {
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      findings: maskFindings(r.findings, { showPrivate: options.showPrivate, ...(r.source !== undefined ? { source: r.source } : {}) }),
      ...(r.error ? { error: r.error } : {}),
    })),
    summary: summarize(results),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
