import { decodeHTML } from 'entities';

/**
 * Character reference candidates: numeric with or without `;`, named up to 32 characters. Which prefix a
 * named candidate really is (legacy names like `&not` need no `;`) is left to `entities`. Bounded
 * quantifiers keep the scan linear.
 */
export const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{0,31};?)/g;

/**
 * Decodes one candidate the way the HTML tokenizer does and says how many source units it consumed:
 * `&notanentity;` in text is `¬` plus `anentity;`. In attribute values a reference without `;` that is
 * followed by an alphanumeric or `=` stays literal (HTML § 13.2.5.73).
 */
export function decodeReference(candidate: string, next: string, inAttribute: boolean): { text: string; length: number } | null {
  const result = decodeHTML(candidate);
  if (result === candidate) return null;
  // The decoded character(s) come first; the undecoded tail of the candidate follows unchanged.
  for (let j = 1; j <= Math.min(2, result.length); j++) {
    const rest = result.slice(j);
    if (!candidate.endsWith(rest)) continue;
    const length = candidate.length - rest.length;
    const consumed = candidate.slice(0, length);
    if (inAttribute && !consumed.endsWith(';') && /[A-Za-z0-9=]/.test(rest[0] ?? next)) return null;
    return { text: result.slice(0, j), length };
  }
  return null;
}

/** CJK scripts, punctuation and full-width forms: where browsers drop a line break instead of showing a space. */
export function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xd800 && c <= 0xdfff);
}
