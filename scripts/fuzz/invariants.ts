import { LineIndex } from '../../src/core/positions.js';
import type { Finding } from '../../src/types.js';

/** The invariants every finding keeps: range in bounds, `actual` is the source slice, `loc` agrees. */
export function findingProblems(source: string, findings: readonly Finding[]): string[] {
  const lines = new LineIndex(source);
  const problems: string[] = [];
  for (const f of findings) {
    const where = `${f.ruleId} [${f.range[0]}, ${f.range[1]})`;
    if (!(Number.isInteger(f.range[0]) && Number.isInteger(f.range[1]) && f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= source.length)) {
      problems.push(`${where}: range out of bounds (${source.length})`);
      continue;
    }
    if (source.slice(f.range[0], f.range[1]) !== f.actual) problems.push(`${where}: actual ${JSON.stringify(f.actual.slice(0, 40))} is not the source slice`);
    if (JSON.stringify(lines.location(f.range[0], f.range[1])) !== JSON.stringify(f.loc)) problems.push(`${where}: loc ${JSON.stringify(f.loc)} disagrees with the range`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${where}: empty message`);
    if (f.fix && !(f.fix.range[0] >= 0 && f.fix.range[0] <= f.fix.range[1] && f.fix.range[1] <= source.length)) problems.push(`${where}: fix out of bounds`);
    if (problems.length >= 5) break;
  }
  return problems;
}
