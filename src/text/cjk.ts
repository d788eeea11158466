/**
 * The one CJK ideograph class every check uses: CJK Unified Ideographs (U+4E00–U+9FFF), Extension A
 * (U+3400–U+4DBF) and the Compatibility Ideographs (U+F900–U+FAFF), all in the BMP. Astral
 * ideographs (Extension B and later) are surrogate pairs; no pattern or dictionary uses them.
 */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** A UTF-16 surrogate code unit: half of an astral character (an astral ideograph, an emoji). */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
