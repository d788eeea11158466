/**
 * @fileoverview What an inspection report may print of a finding. Reports are handed on, so personal
 * data is masked twice over: a privacy finding's `actual` by the rule's own mask, and every other
 * string a report prints (page titles, messages, column names, URLs: all of them page text an
 * attacker or a careless editor controls) through the privacy rules' redaction, so an ID number in a
 * page title is masked as well. `data` is never printed wholesale: reporters pick the fields they
 * show (a `birthDate` or `region` never reaches a report).
 *
 * One place to swap for the shared masking function when it lands.
 */
import { forDisplay } from '../cli/mask.js';
import { redact } from '../redact.js';
import type { Finding } from '../types.js';

const cache = new Map<string, string>();

/** Whether a string may hold a maskable value at all (a run of digits, an `@`, or a plate's province and letter). */
function mayHoldPersonalData(text: string): boolean {
  return /[0-9０-９]{5}|[@＠]|[\u4e00-\u9fff][A-Z][A-Z0-9]{4}/.test(text);
}

/** `text` with every personal value the privacy rules find masked (110101********1234, 138****5678 …). */
export function maskText(text: string): string {
  if (!text || !mayHoldPersonalData(text)) return text;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = redact(text);
  if (cache.size > 5000) cache.clear();
  cache.set(text, out);
  return out;
}

/** A finding's `actual` as a report shows it: the rule's own mask for privacy findings, then {@link maskText}. */
export function maskedActual(finding: Finding): string {
  return maskText(forDisplay(finding, false).actual);
}

/** `data` fields of privacy findings that say more about the person than the masked value does. */
const PERSONAL_DATA_FIELDS = new Set(['birthDate', 'sex', 'age', 'name']);

/**
 * The inspect document as it may be written out (`--format json`, a text report): privacy findings' `actual`
 * masked and their `data` without the birth date and sex an ID number gives away; titles and messages
 * through {@link maskText}. Other fields stay as they are.
 */
export function maskInspectDocument<D extends { readonly findings: readonly Finding[] }>(doc: D): D {
  return {
    ...doc,
    findings: doc.findings.map((f) => {
      const out: Record<string, unknown> = { ...f, message: maskText(f.message), actual: maskedActual(f) };
      const title = (f as { title?: unknown }).title;
      if (typeof title === 'string') out.title = maskText(title);
      if (f.data && f.ruleId.startsWith('privacy/')) out.data = Object.fromEntries(Object.entries(f.data).filter(([k]) => !PERSONAL_DATA_FIELDS.has(k)));
      return out as unknown as Finding;
    }),
  };
}
