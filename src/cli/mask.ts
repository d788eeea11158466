import type { Finding } from '../types.js';
import { maskAligned, maskFinding, maskFindings, maskSourceText, personalSpans, type PersonalSpan } from '../mask-findings.js';

export { maskFindings, personalSpans, maskSourceText, type PersonalSpan };

/**
 * Masks personal data for display (see `maskAligned` in src/mask-findings.ts): every digit and
 * letter but the first few and the last four; six and four for ID numbers; a mailbox keeps the first
 * character of its local part. The masked text lines up with the original.
 */
export function maskValue(value: string, ruleId = ''): string {
  return maskAligned(value, ruleId);
}

/** Whether a finding's `actual` is personal data that reporters mask by default. */
export function isPrivate(finding: Finding): boolean {
  return finding.ruleId.startsWith('privacy/');
}

/** One finding as a reporter shows it, without its source (reporters with a source use `maskFindings`). */
export function forDisplay(finding: Finding, showPrivate: boolean): Finding {
  if (showPrivate) return finding;
  return maskFindings([finding])[0]!;
}

/** A line of the source with every private range of `findings` in it masked (for the caret view). */
export function maskLine(line: string, lineStart: number, findings: readonly Finding[], showPrivate: boolean): string {
  if (showPrivate) return line;
  const spans: PersonalSpan[] = findings
    .filter((f) => isPrivate(f) && f.data?.masked !== true)
    .map((f) => ({ start: f.range[0], end: f.range[1], value: f.actual, masked: maskFinding(f, []).actual }));
  return maskSourceText(line, lineStart, spans);
}
