import { summarize, type FileResult } from '../../node/paths.js';
import { maskFindings } from '../mask.js';

export { summarize, type FileResult };
export type { Summary } from '../../node/paths.js';

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
