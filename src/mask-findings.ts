/**
 * @fileoverview Masking for display, applied once to findings by every reporter (text, JSON, SARIF,
 * and any report built from the JSON document). What a mask hides must not come back anywhere else:
 * not in `data` (an ID's birth date and sex are its hidden digits), not in another rule's `actual`,
 * `message`, `expected` or `data`, and not in a quoted source line. Masking follows what is personal,
 * found by the privacy detectors over the source whether or not their rules are on, not which
 * findings happen to be reported.
 */
import { createChecker, type Checker } from './checker.js';
import { rules as privacyRules } from './rules/privacy/index.js';
import type { Finding, RuleSetting } from './types.js';

/** A personal value in the source and its masked form (same length, so lines stay aligned). */
export interface PersonalSpan {
  readonly start: number;
  readonly end: number;
  /** The value as written. */
  readonly value: string;
  /** The value masked, character for character. */
  readonly masked: string;
}

/** Options of {@link maskFindings}. */
export interface MaskOptions {
  /** Show personal data in clear (the CLI's `--show-private`). */
  readonly showPrivate?: boolean;
  /** The checked source: personal values in it are masked wherever another finding repeats them. */
  readonly source?: string;
  /** Spans already found with {@link personalSpans} for this source (saves a second pass). */
  readonly spans?: readonly PersonalSpan[];
}

/**
 * `data` fields computed from the digits a rule's mask hides: an ID's birth date (digits 7–14) and
 * sex (digit 17). Dropped from display unless private data is shown.
 */
const HIDDEN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'privacy/cn-id-card': ['birthDate', 'sex'],
};

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/**
 * A length-preserving mask of `value`: the rule's own `redacted` form when it lines up, else every
 * letter and digit but the first few and the last four (six and four for an ID, the first character of
 * a mailbox's local part only).
 */
export function maskAligned(value: string, ruleId = '', redacted?: string): string {
  if (typeof redacted === 'string' && redacted.length === value.length) return redacted;
  const at = value.indexOf('@');
  if (at > 0) return value[0] + value.slice(1, at).replace(/[^.]/g, '*') + value.slice(at);
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) if (isAlnum(value.charCodeAt(i))) positions.push(i);
  const n = positions.length;
  const head = ruleId === 'privacy/cn-id-card' ? 6 : n >= 11 ? 3 : n >= 6 ? 2 : 1;
  const tail = n >= 11 ? 4 : n >= 6 ? 2 : 0;
  const hidden = new Set(positions.slice(head, Math.max(head, n - tail)));
  let out = '';
  for (let i = 0; i < value.length; i++) out += hidden.has(i) ? '*' : value[i];
  return out;
}

let detector: Checker | undefined;

/** The privacy rules alone, at their defaults: what is personal, whatever the user's config says. */
function privacyDetector(): Checker {
  if (!detector) {
    const rules: Record<string, RuleSetting> = {};
    for (const rule of privacyRules) rules[rule.id] = rule.meta.defaultSeverity;
    detector = createChecker({ preset: 'none', rules });
  }
  return detector;
}

/** Is this a report of a value the author already masked (`138****6621`)? Those are shown as written. */
function alreadyMasked(f: Finding): boolean {
  return f.data?.masked === true;
}

/**
 * The personal values of `source`: those the given privacy findings name, and those the privacy
 * detectors find themselves (so a rule turned off still masks). Already-masked values are not personal.
 */
export function personalSpans(source: string, findings: readonly Finding[] = []): PersonalSpan[] {
  const spans: PersonalSpan[] = [];
  const add = (f: Finding) => {
    if (!f.ruleId.startsWith('privacy/') || alreadyMasked(f) || f.range[1] <= f.range[0]) return;
    const value = source.slice(f.range[0], f.range[1]);
    if (value !== f.actual) return;
    spans.push({ start: f.range[0], end: f.range[1], value, masked: maskAligned(value, f.ruleId, f.data?.redacted as string | undefined) });
  };
  for (const f of findings) add(f);
  let detected: readonly Finding[] = [];
  try {
    detected = privacyDetector().check(source);
  } catch {
    detected = [];
  }
  for (const f of detected) if (!spans.some((s) => s.start === f.range[0] && s.end === f.range[1])) add(f);
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** `text` (starting at source offset `offset`) with every personal span in it masked. */
export function maskSourceText(text: string, offset: number, spans: readonly PersonalSpan[]): string {
  let out = text;
  for (const s of spans) {
    const from = Math.max(s.start - offset, 0);
    const to = Math.min(s.end - offset, text.length);
    if (from >= to) continue;
    out = out.slice(0, from) + s.masked.slice(from - (s.start - offset), to - (s.start - offset)) + out.slice(to);
  }
  return out;
}

/** Replaces every personal value quoted in `text` (a message, a suggestion, a `data` string) by its mask. */
function maskQuoted(text: string, spans: readonly PersonalSpan[]): string {
  let out = text;
  for (const s of spans) if (s.value.length >= 4 && out.includes(s.value)) out = out.split(s.value).join(s.masked);
  return out;
}

function maskData(value: unknown, spans: readonly PersonalSpan[], depth = 0): unknown {
  if (typeof value === 'string') return maskQuoted(value, spans);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskData(v, spans, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskData(v, spans, depth + 1)]));
}

/** One finding as reporters show it; `spans` from {@link personalSpans} of its source. */
export function maskFinding(f: Finding, spans: readonly PersonalSpan[], source?: string): Finding {
  const privacy = f.ruleId.startsWith('privacy/');
  if (privacy && alreadyMasked(f)) return f;
  const hidden = HIDDEN_FIELDS[f.ruleId];
  let data = f.data;
  if (data && hidden) data = Object.fromEntries(Object.entries(data).filter(([k]) => !hidden.includes(k)));
  if (data) data = maskData(data, spans) as Record<string, unknown>;
  const own = privacy ? maskAligned(f.actual, f.ruleId, f.data?.redacted as string | undefined) : undefined;
  const actual =
    own ?? (source !== undefined && source.slice(f.range[0], f.range[1]) === f.actual ? maskSourceText(f.actual, f.range[0], spans) : maskQuoted(f.actual, spans));
  return {
    ...f,
    actual,
    message: maskQuoted(f.message, spans),
    expected: f.expected.map((e) => maskQuoted(e, spans)),
    ...(f.note !== undefined ? { note: maskQuoted(f.note, spans) } : {}),
    ...(f.fix ? { fix: { range: f.fix.range, text: maskQuoted(f.fix.text, spans) } } : {}),
    ...(data !== undefined ? { data } : {}),
  };
}

/**
 * Findings as every reporter shows them: personal data masked in `actual`, `message`, `expected`,
 * `note`, `fix` and `data` of every finding (not only the privacy rules'), fields derived from hidden
 * digits dropped, already-masked values as written; unchanged with `showPrivate`.
 */
export function maskFindings(findings: readonly Finding[], options: MaskOptions = {}): Finding[] {
  // Nothing to show, nothing to mask: the privacy detectors need not read the source.
  if (options.showPrivate || findings.length === 0) return [...findings];
  const spans = options.spans ?? (options.source !== undefined ? personalSpans(options.source, findings) : findings.flatMap((f) => (f.ruleId.startsWith('privacy/') && !alreadyMasked(f) ? [{ start: f.range[0], end: f.range[1], value: f.actual, masked: maskAligned(f.actual, f.ruleId, f.data?.redacted as string | undefined) }] : [])));
  return findings.map((f) => maskFinding(f, spans, options.source));
}
