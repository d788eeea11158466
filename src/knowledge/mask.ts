/**
 * @fileoverview Masking of personal data: keep a few leading and trailing letters or digits,
 * replace the rest by a mask character, and leave separators (spaces, dashes, `@`, the dot of
 * a plate) where they were, so `138-1234-5678` becomes `138-****-5678`.
 */

/** How much of a value to keep, counted in letters, digits and CJK characters (not separators). */
export interface MaskSpec {
  readonly keepStart: number;
  readonly keepEnd: number;
}

/** The default masks per rule: enough to recognise a value, not enough to use it. */
export const DEFAULT_MASKS: Readonly<Record<string, MaskSpec>> = {
  // Region kept (6), birth date and sequence hidden, last 4 kept: 110101********1234.
  'privacy/cn-id-card': { keepStart: 6, keepEnd: 4 },
  // First 3 and last 4: 138****5678.
  'privacy/cn-mobile': { keepStart: 3, keepEnd: 4 },
  // Area code (3–4) and the last 2 of the number: 0571-******34 is handled by maskLandline.
  'privacy/cn-landline': { keepStart: 0, keepEnd: 2 },
  // First 4 and last 4: 6222 **** **** 1234.
  'privacy/bank-card': { keepStart: 4, keepEnd: 4 },
  // First character of the mailbox: z***@example.com is handled by maskEmail.
  'privacy/email': { keepStart: 1, keepEnd: 0 },
  // Series letter and the last 3: E*****678.
  'privacy/cn-passport': { keepStart: 1, keepEnd: 3 },
  'privacy/travel-permit': { keepStart: 1, keepEnd: 3 },
  // Province and issuing letter, last character: 京A****5.
  'privacy/license-plate': { keepStart: 2, keepEnd: 1 },
};

function isMaskable(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/**
 * Masks `value`: letters and digits (ASCII or full-width) past the first `keepStart` and before
 * the last `keepEnd` become `char`; every other character stays. The number of characters is kept.
 */
export function maskValue(value: string, spec: MaskSpec, char = '*'): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isMaskable(value.charCodeAt(i))) total++;
  const keepStart = Math.min(spec.keepStart, total);
  const keepEnd = Math.min(spec.keepEnd, total - keepStart);
  let out = '';
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isMaskable(c)) {
      out += value[i];
      continue;
    }
    out += seen < keepStart || seen >= total - keepEnd ? value[i] : char;
    seen++;
  }
  return out;
}

/**
 * A mobile number, with or without a country prefix (+86, 0086, 86-): the spec counts from the
 * start of the 11-digit national number, so `+86 138 1234 5678` keeps `+86 138` and `5678`.
 */
export function maskMobile(value: string, spec: MaskSpec, char = '*'): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isMaskable(value.charCodeAt(i))) total++;
  const prefix = Math.max(0, total - 11);
  return maskValue(value, { keepStart: prefix + spec.keepStart, keepEnd: spec.keepEnd }, char);
}

/** A mailbox: the first `keep` characters of the local part, the rest masked, the domain kept. */
export function maskEmail(value: string, keep = 1, char = '*'): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskValue(value, { keepStart: keep, keepEnd: 0 }, char);
  const local = value.slice(0, at);
  const shown = Math.min(keep, local.length - 1);
  return local.slice(0, shown) + char.repeat(Math.max(3, local.length - shown)) + value.slice(at);
}

/**
 * A landline: the area code and any `+86`/`0086` prefix stay, the subscriber number is masked
 * but for its last `keepEnd` digits, an extension is kept.
 */
export function maskLandline(value: string, areaEnd: number, localEnd: number, keepEnd = 2, char = '*'): string {
  const head = value.slice(0, areaEnd);
  const local = value.slice(areaEnd, localEnd);
  return head + maskValue(local, { keepStart: 0, keepEnd }, char) + value.slice(localEnd);
}

/** A license plate: the province character is not a letter or digit, so it is kept through keepStart counting from the letter. */
export function maskPlate(value: string, spec: MaskSpec, char = '*'): string {
  // The first character is the province (CJK); keep it and apply the spec to the rest minus one kept letter.
  return value[0] + maskValue(value.slice(1), { keepStart: Math.max(0, spec.keepStart - 1), keepEnd: spec.keepEnd }, char);
}
