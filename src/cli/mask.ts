import type { Finding } from '../types.js';

/**
 * Masks personal data for display: in an e-mail address all of the local part but its first
 * character; otherwise every digit and letter but the first few and the last four (three and four for
 * numbers of 11 or more, as 138****5678; six and four for ID numbers, as 110101********1234).
 * Punctuation and markup between the characters stay, so the masked text lines up with the original.
 */
export function maskValue(value: string, ruleId = ''): string {
  const at = value.indexOf('@');
  if (at > 0) return value[0] + value.slice(1, at).replace(/[^.@]/g, '*') + value.slice(at);
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) if (/[0-9A-Za-z]/.test(value[i] as string)) positions.push(i);
  const n = positions.length;
  const head = ruleId === 'privacy/cn-id-card' ? 6 : n >= 11 ? 3 : n >= 6 ? 2 : 1;
  const tail = n >= 11 ? 4 : n >= 6 ? 2 : 0;
  const hidden = new Set(positions.slice(head, Math.max(head, n - tail)));
  let out = '';
  for (let i = 0; i < value.length; i++) out += hidden.has(i) ? '*' : value[i];
  return out;
}

/**
 * The masked form of `value` (all or part of `finding.actual`): the rule's own `data.redacted` when it
 * covers exactly this value (it keeps what the rule chose to keep, e.g. a landline's area code), else
 * the generic mask above.
 */
function maskFinding(finding: Finding, value: string): string {
  const redacted = finding.data?.redacted;
  if (typeof redacted === 'string' && value === finding.actual && redacted.length === value.length) return redacted;
  return maskValue(value, finding.ruleId);
}

/** Whether a finding's `actual` is personal data that reporters mask by default. */
export function isPrivate(finding: Finding): boolean {
  return finding.ruleId.startsWith('privacy/');
}

/** The finding as a reporter shows it: `actual` masked for privacy findings unless `showPrivate`. */
export function forDisplay(finding: Finding, showPrivate: boolean): Finding {
  if (showPrivate || !isPrivate(finding)) return finding;
  return { ...finding, actual: maskFinding(finding, finding.actual) };
}

/** A line of the source with every private range in it masked (for the caret view). */
export function maskLine(line: string, lineStart: number, findings: readonly Finding[], showPrivate: boolean): string {
  if (showPrivate) return line;
  let out = line;
  for (const f of findings) {
    if (!isPrivate(f)) continue;
    const s = Math.max(f.range[0] - lineStart, 0);
    const e = Math.min(f.range[1] - lineStart, line.length);
    if (s >= e) continue;
    out = out.slice(0, s) + maskFinding(f, out.slice(s, e)) + out.slice(e);
  }
  return out;
}
