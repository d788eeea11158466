import type { AnyRule } from '../../core/rule.js';
import type { Finding, Severity } from '../../types.js';
import { maskFindings } from '../mask.js';
import type { FileResult } from './json.js';

export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a SARIF artifact URI (forward slashes, percent-encoded). */
export function toUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join('/');
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The tool's driver: shenjiao and the descriptors of the rules `ruleIds` (in that order, which `ruleIndex` counts in). */
export function sarifDriver(ruleIds: readonly string[], options: { version: string; rules: readonly AnyRule[] }): Record<string, unknown> {
  const descriptors = new Map<string, AnyRule>();
  for (const rule of options.rules) descriptors.set(rule.id, rule);
  return {
    name: 'shenjiao',
    version: options.version,
    informationUri: 'https://www.npmjs.com/package/shenjiao',
    rules: ruleIds.map((id) => {
      const rule = descriptors.get(id);
      return {
        id,
        shortDescription: { text: rule?.meta.description ?? id },
        ...(rule ? { defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] }, help: { text: `${rule.meta.docs.wrong} → ${rule.meta.docs.right}（${rule.meta.docs.source}）` } } : {}),
      };
    }),
  };
}

/**
 * SARIF 2.1.0 for code-scanning viewers. Columns are UTF-16 code units (`columnKind`), which is what
 * our `loc` counts; `charOffset`/`charLength` carry the exact range as well.
 */
export function formatSarif(results: readonly FileResult[], options: { showPrivate: boolean; version: string; rules: readonly AnyRule[] }): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const ruleIds = [...used].sort();
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: sarifDriver(ruleIds, options) },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: toUri(r.path) } })),
        results: results.flatMap((r, index) =>
          maskFindings(r.findings, { showPrivate: options.showPrivate, ...(r.source !== undefined ? { source: r.source } : {}) }).map((f) => sarifResult(f, r.path, index, ruleIds.indexOf(f.ruleId))),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** One SARIF result for a finding (already masked) of the file at `path`, the `index`th artifact. */
export function sarifResult(f: Finding, path: string, index: number, ruleIndex: number): Record<string, unknown> {
  const expected = f.expected.length > 0 ? `（建议：${f.expected.join(' / ')}）` : '';
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${expected}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(path), index },
          region: {
            startLine: f.loc.start.line,
            startColumn: f.loc.start.column,
            endLine: f.loc.end.line,
            endColumn: f.loc.end.column,
            charOffset: f.range[0],
            charLength: f.range[1] - f.range[0],
          },
        },
      },
    ],
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: `改为“${f.fix.text}”` },
              artifactChanges: [
                {
                  artifactLocation: { uri: toUri(path) },
                  replacements: [{ deletedRegion: { charOffset: f.fix.range[0], charLength: f.fix.range[1] - f.fix.range[0] }, insertedContent: { text: f.fix.text } }],
                },
              ],
            },
          ],
        }
      : {}),
    properties: {
      actual: f.actual,
      expected: f.expected,
      ...(f.entryId ? { entryId: f.entryId } : {}),
      ...(f.source ? { source: f.source } : {}),
      ...(f.target ? { target: f.target } : {}),
    },
  };
}
