import type { InspectDocument, InspectFinding } from '../../src/core/site.js';
import { main } from '../../src/cli/main.js';

/** Runs `shenjiao inspect …` in-process; returns the exit code, stdout, stderr and (for JSON) the document. */
export async function runInspect(args: readonly string[], options: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string; doc?: InspectDocument }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['inspect', ...args], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty === true },
  });
  let doc: InspectDocument | undefined;
  if (args.includes('json') && stdout.trim().startsWith('{')) doc = JSON.parse(stdout) as InspectDocument;
  return { code, stdout, stderr, ...(doc ? { doc } : {}) };
}

export const byRule = (doc: InspectDocument, id: string) => doc.findings.filter((f) => f.ruleId === id) as InspectFinding[];

/** The path of a URL (tests compare paths: the server's port changes). */
export const path = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** The document without what differs from run to run (the time taken), to compare two runs. */
export function stable(doc: InspectDocument): unknown {
  const { ms: _ms, ...summary } = doc.summary as InspectDocument['summary'] & { ms?: number };
  return { ...doc, summary };
}
