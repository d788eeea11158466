/**
 * @fileoverview redact(): the checked text with every privacy leak masked, for a CMS that wants
 * to offer the masked text rather than only a list of findings. Pure and synchronous.
 */
import { createChecker, type Checker } from './checker.js';
import { rules as privacyRules } from './rules/privacy/index.js';
import type { Finding, InputFormat, RuleSetting, Severity } from './types.js';
import { DEFAULT_MASKS, maskEmail, type MaskSpec } from './knowledge/mask.js';

/** Options of {@link redact}. */
export interface RedactOptions {
  /** How much of each kind of value to keep, per rule id; the defaults are in `DEFAULT_MASKS`. */
  readonly masks?: Readonly<Partial<Record<string, MaskSpec>>>;
  /** The mask character. Default `*`. */
  readonly char?: string;
  /** Only findings at this severity or above are masked. Default `info` (every leak). */
  readonly minSeverity?: Severity;
  /** When findings are not given: how to read `text`. Default `text`. */
  readonly format?: InputFormat;
  /** When findings are not given: the check date (YYYY-MM-DD) that bounds ID birth dates. */
  readonly date?: string;
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

let privacyChecker: Checker | undefined;

/** A checker with the privacy rules only, each at its default severity and options. */
function checker(): Checker {
  if (!privacyChecker) {
    const rules: Record<string, RuleSetting> = {};
    for (const rule of privacyRules) rules[rule.id] = rule.meta.defaultSeverity;
    privacyChecker = createChecker({ preset: 'none', rules });
  }
  return privacyChecker;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/**
 * Masks the letters and digits of `actual` outside markup (`<…>` and `&…;`), keeping the first
 * `keepStart` and the last `keepEnd` of them.
 */
function maskSource(actual: string, spec: MaskSpec, char: string): string {
  const visible: number[] = [];
  let inTag = false;
  let inEntity = false;
  for (let i = 0; i < actual.length; i++) {
    const c = actual[i]!;
    if (inTag) {
      if (c === '>') inTag = false;
      continue;
    }
    if (inEntity) {
      if (c === ';') inEntity = false;
      continue;
    }
    if (c === '<') inTag = true;
    else if (c === '&' && /^&#?[0-9A-Za-z]{1,10};/.test(actual.slice(i, i + 13))) inEntity = true;
    else if (isAlnum(actual.charCodeAt(i))) visible.push(i);
  }
  const keepStart = Math.min(spec.keepStart, visible.length);
  const keepEnd = Math.min(spec.keepEnd, visible.length - keepStart);
  const hidden = new Set(visible.slice(keepStart, visible.length - keepEnd));
  let out = '';
  for (let i = 0; i < actual.length; i++) out += hidden.has(i) ? char : actual[i];
  return out;
}

/** The masked form of one finding's `actual`. */
function masked(f: Finding, options: RedactOptions): string {
  const char = options.char ?? '*';
  const custom = options.masks?.[f.ruleId];
  const redacted = f.data?.redacted;
  const plain = !/[<&]/.test(f.actual);
  if (!custom && char === '*' && plain && typeof redacted === 'string') return redacted;
  if (f.ruleId === 'privacy/email' && plain) return maskEmail(f.actual, custom?.keepStart ?? 1, char);
  let spec = custom ?? DEFAULT_MASKS[f.ruleId] ?? { keepStart: 0, keepEnd: 0 };
  if (!custom && f.ruleId === 'privacy/cn-landline') {
    // Keep the country prefix and the area code.
    const area = typeof f.data?.areaCode === 'string' ? f.data.areaCode : '';
    const digits = f.actual.replace(/<[^>]*>/g, '').replace(/[^0-9]/g, '');
    const at = digits.indexOf(area.replace(/^0/, ''));
    spec = { keepStart: at < 0 ? 0 : at + area.replace(/^0/, '').length, keepEnd: 2 };
  }
  if (f.ruleId === 'privacy/cn-mobile') {
    // The spec counts from the national number: a +86 / 0086 prefix is kept as well.
    const digits = f.actual.replace(/<[^>]*>|&#?[0-9A-Za-z]{1,10};/g, '').replace(/[^0-9\uff10-\uff19]/g, '').length;
    spec = { keepStart: spec.keepStart + Math.max(0, digits - 11), keepEnd: spec.keepEnd };
  }
  if (f.ruleId === 'privacy/license-plate' && !custom) {
    // The province character is not a letter or digit; keep the office letter and the last one.
    spec = { keepStart: 1, keepEnd: 1 };
  }
  return maskSource(f.actual, spec, char);
}

/**
 * Returns `text` with every privacy leak masked: an ID keeps its region and last four
 * (110101********1234), a mobile its first three and last four (138****5678), a card its first
 * and last four, a mailbox its first character and domain (z***@qq.com), and so on (see
 * `DEFAULT_MASKS`; `options.masks` overrides per rule id).
 *
 * `findings` are those of a check of this very `text` (ranges into it; HTML findings work on the
 * HTML source, and markup inside a value is kept). Without them, `text` is checked with the
 * privacy rules at their defaults. Findings of other rules, already-masked values
 * (`data.masked: true`) and findings below `options.minSeverity` are left alone.
 */
export function redact(text: string, findings?: readonly Finding[], options: RedactOptions = {}): string {
  const list = findings ?? (options.format === 'html' ? checker().checkHtml(text, options.date ? { date: options.date } : {}) : options.format === 'markdown' ? checker().checkMarkdown(text, options.date ? { date: options.date } : {}) : checker().check(text, options.date ? { date: options.date } : {}));
  const min = RANK[options.minSeverity ?? 'info'];
  const chosen = list
    .filter((f) => f.ruleId.startsWith('privacy/') && f.data?.masked !== true && RANK[f.severity] >= min)
    .filter((f) => f.range[0] >= 0 && f.range[1] <= text.length && text.slice(f.range[0], f.range[1]) === f.actual)
    .slice()
    .sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  let out = '';
  let at = 0;
  for (const f of chosen) {
    if (f.range[0] < at) continue; // overlaps a longer value already masked
    out += text.slice(at, f.range[0]) + masked(f, options);
    at = f.range[1];
  }
  return out + text.slice(at);
}
