/**
 * @fileoverview What an inspection report may print of a finding. Reports are handed on, so personal
 * data is masked twice over: findings through the shared masking pass (`maskFindings`: a privacy
 * finding's `actual` by the rule's own mask, values it hides masked wherever another finding repeats
 * them, birth date and sex dropped from `data`), and every other string a report prints (page titles,
 * column names, URLs: page text an attacker or a careless editor controls) through the privacy rules'
 * redaction, so an ID number in a page title is masked as well. Reporters never print `data` wholesale.
 */
import { maskFindings } from '../mask-findings.js';
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

/** A finding's `actual` as a report shows it: the shared mask, then {@link maskText}. */
export function maskedActual(finding: Finding): string {
  return maskText(maskFindings([finding])[0]!.actual);
}

/**
 * The inspect document as it may be written out (`--format json`, a text report): its findings through
 * the shared masking pass over the whole document (a value one privacy finding hides is masked in every
 * finding that repeats it; an ID's birth date and sex dropped from `data`), and page titles and messages
 * through {@link maskText}. Other fields stay as they are.
 */
export function maskInspectDocument<D extends { readonly findings: readonly Finding[] }>(doc: D): D {
  return {
    ...doc,
    findings: maskFindings(doc.findings).map((f) => {
      const out: Record<string, unknown> = { ...f, message: maskText(f.message), actual: maskText(f.actual) };
      const title = (f as { title?: unknown }).title;
      if (typeof title === 'string') out.title = maskText(title);
      return out as unknown as Finding;
    }),
  };
}
