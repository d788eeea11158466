/**
 * Static reading of inline scripts, never executing them: the string literals a script holds, decoded
 * the way `document.write` would see them (JS escapes, `atob`, `unescape`, `decodeURIComponent`,
 * `String.fromCharCode`), so markup that a script writes can be parsed like any other markup.
 *
 * The scanner is a single forward pass with no backtracking regular expressions over the script.
 */

/** How a piece of script text was decoded. */
export type ScriptEncoding = 'literal' | 'escapes' | 'atob' | 'unescape' | 'uri' | 'char-codes' | 'packed';

/** A decoded string and the range of the script source it came from (offsets into the script text). */
export interface ScriptString {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly encoding: ScriptEncoding;
}

/** Caps on one script: characters read and strings kept. */
const MAX_SCRIPT = 1_000_000;
const MAX_STRINGS = 50_000;

/**
 * Every string literal of `code` in order, decoded. A literal that is the single argument of `atob`,
 * `unescape`, `decodeURIComponent` or `decodeURI` is decoded through it (nested calls too, so
 * `decodeURIComponent(escape(atob('…')))` yields the UTF-8 text); `String.fromCharCode(60, 97, …)`
 * with numeric arguments yields its characters.
 */
export function scriptStrings(code: string, depth = 0): ScriptString[] {
  const src = code.length > MAX_SCRIPT ? code.slice(0, MAX_SCRIPT) : code;
  const out: ScriptString[] = [];
  const n = src.length;
  const mentions = { atob: src.includes('atob'), unescape: /unescape|decodeURI/.test(src) };
  let i = 0;
  while (i < n && out.length < MAX_STRINGS) {
    const c = src.charCodeAt(i);
    if (c === 0x2f /* / */) {
      const next = src.charCodeAt(i + 1);
      if (next === 0x2f) {
        const nl = src.indexOf('\n', i + 2);
        i = nl === -1 ? n : nl + 1;
        continue;
      }
      if (next === 0x2a) {
        const end = src.indexOf('*/', i + 2);
        i = end === -1 ? n : end + 2;
        continue;
      }
      i++;
      continue;
    }
    if (c === 0x22 || c === 0x27 || c === 0x60 /* ` */) {
      const [raw, end, escaped] = readLiteral(src, i);
      const calls = enclosingCalls(src, i, end);
      let text = raw;
      let encoding: ScriptEncoding = escaped ? 'escapes' : 'literal';
      let start = i;
      let stop = end;
      for (const call of calls.names) {
        const decoded = applyDecoder(call, text);
        if (decoded === undefined) break;
        text = decoded;
        encoding = call === 'atob' ? 'atob' : call === 'unescape' ? 'unescape' : call === 'escape' ? encoding : 'uri';
      }
      if (calls.names.length > 0) {
        start = calls.start;
        stop = calls.end;
      } else {
        // Held in a variable and decoded later (`var s = '%3Ca…'; document.write(unescape(s))`):
        // decode what is plainly encoded markup, and keep it only if markup comes out.
        const speculative = speculativeDecode(text, mentions);
        if (speculative) [text, encoding] = speculative;
      }
      out.push({ text, start, end: stop, encoding });
      i = Math.max(end, stop);
      continue;
    }
    if (c === 0x65 /* e */ && depth < 2 && src.startsWith('eval(', i) && PACKER.test(src.slice(i, i + 60))) {
      const packed = unpack(src, i);
      if (packed) {
        for (const inner of scriptStrings(packed.code, depth + 1)) out.push({ text: inner.text, start: i, end: packed.end, encoding: 'packed' });
        i = packed.end;
        continue;
      }
    }
    if (c === 0x66 /* f */ && src.startsWith('fromCharCode', i)) {
      const parsed = readCharCodes(src, i + 'fromCharCode'.length);
      if (parsed) {
        out.push({ text: parsed.text, start: i, end: parsed.end, encoding: 'char-codes' });
        i = parsed.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The opening of Dean Edwards' packer, `eval(function(p,a,c,k,e,d){…`, the usual wrapper of injected scripts. */
const PACKER = /^eval\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)/;

/**
 * Unpacks a packer call statically: the payload's words are base-`a` indexes into the keyword list
 * (`'…'.split('|')`), which is all the packer's own decoder does. Returns the code and where the call ends.
 */
function unpack(src: string, at: number): { code: string; end: number } | undefined {
  const open = src.indexOf('}(', at);
  if (open === -1 || open - at > 2000) return undefined;
  let i = open + 2;
  while (/\s/.test(src[i] ?? '')) i++;
  if (src[i] !== "'" && src[i] !== '"') return undefined;
  const [payload, afterPayload] = readLiteral(src, i);
  const args = /^\s*,\s*(\d{1,3})\s*,\s*(\d{1,7})\s*,\s*/.exec(src.slice(afterPayload, afterPayload + 40));
  if (!args) return undefined;
  const radix = Number(args[1]);
  const count = Number(args[2]);
  const kStart = afterPayload + args[0].length;
  if ((src[kStart] !== "'" && src[kStart] !== '"') || radix < 2 || radix > 95) return undefined;
  const [keywordText, afterKeywords] = readLiteral(src, kStart);
  const keywords = keywordText.split('|');
  const close = src.indexOf('))', afterKeywords);
  const end = close === -1 ? afterKeywords : close + 2;
  const encode = (n: number): string => {
    const digit = n % radix;
    const head = n < radix ? '' : encode(Math.floor(n / radix));
    return head + (digit > 35 ? String.fromCharCode(digit + 29) : digit.toString(36));
  };
  const table = new Map<string, string>();
  for (let n = Math.min(count, keywords.length, 100_000) - 1; n >= 0; n--) {
    const word = keywords[n];
    if (word) table.set(encode(n), word);
  }
  // Words are runs of \w: a linear scan, no backtracking.
  const code = payload.replace(/\b\w+\b/g, (w) => table.get(w) ?? w);
  return { code, end };
}

/** The code inside every packer call of `code` (one level deep, at most 20 calls), unpacked statically. */
export function unpackedCode(code: string): string[] {
  const src = code.length > MAX_SCRIPT ? code.slice(0, MAX_SCRIPT) : code;
  const out: string[] = [];
  let from = 0;
  while (out.length < 20) {
    const at = src.indexOf('eval(', from);
    if (at === -1) break;
    from = at + 5;
    if (!PACKER.test(src.slice(at, at + 60))) continue;
    const packed = unpack(src, at);
    if (!packed) continue;
    out.push(packed.code);
    from = Math.max(from, packed.end);
  }
  return out;
}

/** Reads a JS string literal at `start`; returns [decoded, end (exclusive), had escapes]. */
function readLiteral(src: string, start: number): [string, number, boolean] {
  const quote = src.charCodeAt(start);
  let i = start + 1;
  let out = '';
  let escaped = false;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === quote) return [out, i + 1, escaped];
    if (c === 0x0a && quote !== 0x60) return [out, i, escaped]; // unterminated
    if (quote === 0x60 && c === 0x24 /* $ */ && src.charCodeAt(i + 1) === 0x7b) {
      // `${…}`: the expression is not a string; skip it to the matching brace.
      let depth = 0;
      while (i < n) {
        const p = src.charCodeAt(i);
        if (p === 0x7b) depth++;
        else if (p === 0x7d && --depth === 0) break;
        i++;
      }
      i++;
      continue;
    }
    if (c === 0x5c /* \ */) {
      escaped = true;
      const e = src[i + 1];
      switch (e) {
        case 'n':
          out += '\n';
          i += 2;
          continue;
        case 't':
          out += '\t';
          i += 2;
          continue;
        case 'r':
          out += '\r';
          i += 2;
          continue;
        case 'b':
          out += '\b';
          i += 2;
          continue;
        case 'f':
          out += '\f';
          i += 2;
          continue;
        case 'v':
          out += '\v';
          i += 2;
          continue;
        case '0':
          out += '\0';
          i += 2;
          continue;
        case 'x': {
          const hex = src.slice(i + 2, i + 4);
          if (/^[0-9a-fA-F]{2}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            continue;
          }
          break;
        }
        case 'u': {
          if (src[i + 2] === '{') {
            const close = src.indexOf('}', i + 3);
            const hex = close === -1 ? '' : src.slice(i + 3, close);
            if (/^[0-9a-fA-F]{1,6}$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) {
              out += String.fromCodePoint(parseInt(hex, 16));
              i = close + 1;
              continue;
            }
            break;
          }
          const hex = src.slice(i + 2, i + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          break;
        }
        case '\r':
          i += src[i + 2] === '\n' ? 3 : 2;
          continue;
        case '\n':
          i += 2;
          continue;
        case undefined:
          return [out, n, escaped];
        default:
          out += e;
          i += 2;
          continue;
      }
      out += e ?? '';
      i += 2;
      continue;
    }
    out += src[i];
    i++;
  }
  return [out, n, escaped];
}

const DECODERS = ['atob', 'unescape', 'decodeURIComponent', 'decodeURI', 'escape'] as const;
type Decoder = (typeof DECODERS)[number];

/**
 * The decoder calls that wrap the literal src[start, end) as their only argument, innermost first:
 * for `decodeURIComponent(escape(atob("…")))` this is ['atob', 'escape', 'decodeURIComponent'].
 */
function enclosingCalls(src: string, start: number, end: number): { names: Decoder[]; start: number; end: number } {
  const names: Decoder[] = [];
  let left = start;
  let right = end;
  for (let depth = 0; depth < 8; depth++) {
    let l = left - 1;
    while (l >= 0 && /\s/.test(src[l]!)) l--;
    if (src[l] !== '(') break;
    let r = right;
    while (r < src.length && /\s/.test(src[r]!)) r++;
    if (src[r] !== ')') break;
    let k = l - 1;
    while (k >= 0 && /\s/.test(src[k]!)) k--;
    const nameEnd = k + 1;
    while (k >= 0 && /[A-Za-z_$]/.test(src[k]!)) k--;
    const name = src.slice(k + 1, nameEnd);
    if (!(DECODERS as readonly string[]).includes(name)) break;
    names.push(name as Decoder);
    left = k + 1;
    right = r + 1;
  }
  return { names, start: left, end: right };
}

function applyDecoder(name: Decoder, text: string): string | undefined {
  switch (name) {
    case 'atob':
      return decodeBase64(text);
    case 'unescape':
      return unescapePercent(text);
    case 'escape':
      // `escape` re-encodes Latin-1 so that decodeURIComponent can read UTF-8 bytes: keep the bytes as
      // %XX so the next decoder sees them.
      return [...text].map((ch) => {
        const code = ch.charCodeAt(0);
        return code < 0x100 && !/[A-Za-z0-9@*_+\-./]/.test(ch) ? '%' + code.toString(16).padStart(2, '0').toUpperCase() : ch;
      }).join('');
    case 'decodeURIComponent':
    case 'decodeURI':
      try {
        return decodeURIComponent(text);
      } catch {
        return undefined;
      }
  }
}

/** Decodes a literal that is encoded markup, when the script calls the matching decoder somewhere. */
function speculativeDecode(text: string, mentions: { atob: boolean; unescape: boolean }): [string, ScriptEncoding] | undefined {
  if (mentions.unescape && /%3c/i.test(text)) {
    const decoded = /%u[0-9a-f]{4}/i.test(text) ? unescapePercent(text) : safeDecodeUri(text) ?? unescapePercent(text);
    if (decoded.includes('<')) return [decoded, 'unescape'];
  }
  if (mentions.atob && text.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    const decoded = decodeBase64(text);
    if (decoded !== undefined && decoded.includes('<')) return [decoded, 'atob'];
  }
  return undefined;
}

function safeDecodeUri(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** `atob` on a base64 string; the bytes are read as UTF-8 when valid, else as Latin-1 (what atob gives). */
export function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  let binary: string;
  try {
    binary = globalThis.atob(clean);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return binary;
  }
}

/** The legacy `unescape`: `%XX` and `%uXXXX`. */
export function unescapePercent(text: string): string {
  return text.replace(/%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})/g, (_m, u: string | undefined, b: string | undefined) =>
    String.fromCharCode(parseInt((u ?? b)!, 16)),
  );
}

/** Reads `(60, 97, 0x20 …)` after `fromCharCode`; undefined unless every argument is a number. */
function readCharCodes(src: string, from: number): { text: string; end: number } | undefined {
  let i = from;
  while (i < src.length && /\s/.test(src[i]!)) i++;
  if (src[i] !== '(') return undefined;
  const close = src.indexOf(')', i);
  if (close === -1 || close - i > 200_000) return undefined;
  const args = src.slice(i + 1, close).split(',').map((s) => s.trim());
  let text = '';
  for (const arg of args) {
    if (!/^(?:0x[0-9a-fA-F]{1,4}|\d{1,5})$/.test(arg)) return undefined;
    const code = Number(arg);
    if (code > 0xffff) return undefined;
    text += String.fromCharCode(code);
  }
  return { text, end: close + 1 };
}

/**
 * The markup a script would write: its decoded strings joined in order, with a map from each piece's
 * offset in the joined text back to the script range it came from.
 */
export interface ScriptMarkup {
  readonly text: string;
  readonly pieces: readonly { readonly offset: number; readonly string: ScriptString }[];
}

/** Joins {@link scriptStrings} of `code` into one text; the pieces stay addressable. */
export function scriptMarkup(code: string): ScriptMarkup {
  let text = '';
  const pieces: { offset: number; string: ScriptString }[] = [];
  for (const s of scriptStrings(code)) {
    pieces.push({ offset: text.length, string: s });
    text += s.text;
  }
  return { text, pieces };
}

/** The piece holding joined-text offset `at`. */
export function pieceAt(markup: ScriptMarkup, at: number): ScriptString | undefined {
  let lo = 0;
  let hi = markup.pieces.length - 1;
  let found: ScriptString | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = markup.pieces[mid]!;
    if (p.offset <= at) {
      found = p.string;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Ids that a script hides on load: `document.getElementById('x').style.display = 'none'`,
 * `…style.visibility = 'hidden'`, jQuery `$('#x').hide()` and `$('#x').css('display', 'none')`.
 * The patterns are anchored on fixed words with bounded, non-nested quantifiers (no backtracking blow-up).
 */
export function idsHiddenByScript(code: string): Set<string> {
  const src = code.length > MAX_SCRIPT ? code.slice(0, MAX_SCRIPT) : code;
  const ids = new Set<string>();
  const byId =
    /getElementById\(\s*["']([^"'\\\n]{1,100})["']\s*\)\s*\.\s*style\s*\.\s*(display|visibility)\s*=\s*["'](none|hidden)["']/g;
  for (const m of src.matchAll(byId)) ids.add(m[1]!);
  const setAttr =
    /getElementById\(\s*["']([^"'\\\n]{1,100})["']\s*\)\s*\.\s*style\s*\.\s*cssText\s*=\s*["'][^"'\n]{0,200}?(?:display\s*:\s*none|visibility\s*:\s*hidden)/g;
  for (const m of src.matchAll(setAttr)) ids.add(m[1]!);
  const jq = /\$\(\s*["']#([A-Za-z0-9_-]{1,100})["']\s*\)\s*\.\s*(?:hide\(\s*\)|css\(\s*["'](?:display|visibility)["']\s*,\s*["'](?:none|hidden)["']\s*\))/g;
  for (const m of src.matchAll(jq)) ids.add(m[1]!);
  return ids;
}

/**
 * The script-source range that a stretch `[start, end)` of the joined markup was decoded from, as
 * narrow as the encoding lets it be told: exact for plain literals and JS escapes, to the
 * four-character group for `atob`, proportional inside the literal otherwise. Several links written
 * by one string so get ranges of their own.
 */
export function sourceRangeOf(code: string, markup: ScriptMarkup, start: number, end: number): { start: number; end: number; encoding: ScriptEncoding } | undefined {
  let lo = 0;
  let hi = markup.pieces.length - 1;
  let piece: ScriptMarkup['pieces'][number] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = markup.pieces[mid]!;
    if (p.offset <= start) {
      piece = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!piece) return undefined;
  const s = piece.string;
  const whole = { start: s.start, end: s.end, encoding: s.encoding };
  const rel0 = start - piece.offset;
  const rel1 = Math.max(rel0, Math.min(end, piece.offset + s.text.length) - piece.offset);
  // The literal the piece was read from: the first quote at or after the piece's start.
  let q = s.start;
  while (q < s.end && code[q] !== '"' && code[q] !== "'" && code[q] !== '`') q++;
  if (q >= s.end) return whole;
  const [, litEnd] = readLiteral(code, q);
  const body0 = q + 1;
  const body1 = Math.max(body0, Math.min(litEnd - 1, s.end));
  const clamp = (a: number, b: number) => (a >= body0 && b <= body1 && a <= b ? { start: a, end: Math.max(a + 1, b), encoding: s.encoding } : whole);
  if (s.encoding === 'literal' || s.encoding === 'escapes') {
    // Walk the literal, counting decoded characters.
    let decoded = 0;
    let a = -1;
    let b = -1;
    for (let i = body0; i < body1; ) {
      if (decoded === rel0 && a < 0) a = i;
      if (decoded === rel1 && b < 0) b = i;
      if (code[i] === '\\') {
        const next = code[i + 1];
        if (next === 'u' && code[i + 2] === '{') {
          const close = code.indexOf('}', i + 3);
          const cp = close === -1 ? NaN : parseInt(code.slice(i + 3, close), 16);
          i = close === -1 ? i + 2 : close + 1;
          decoded += Number.isFinite(cp) && cp > 0xffff ? 2 : 1;
        } else if (next === 'u') {
          i += 6;
          decoded++;
        } else if (next === 'x') {
          i += 4;
          decoded++;
        } else if (next === '\n') {
          i += 2;
        } else if (next === '\r') {
          i += code[i + 2] === '\n' ? 3 : 2;
        } else {
          i += 2;
          decoded++;
        }
      } else {
        i++;
        decoded++;
      }
    }
    if (a < 0 && decoded === rel0) a = body1;
    if (b < 0) b = body1;
    return a < 0 ? whole : clamp(a, b);
  }
  if (s.encoding === 'atob' || (s.encoding === 'uri' && /\batob\s*\(/.test(code.slice(s.start, q)))) {
    // Four base64 characters make three bytes; the text is UTF-8 when it was decoded further.
    const wide = /[^\x00-\xff]/.test(s.text);
    const bytes = (n: number) => (wide ? new TextEncoder().encode(s.text.slice(0, n)).length : n);
    const b0 = bytes(rel0);
    const b1 = bytes(rel1);
    return clamp(body0 + Math.floor(b0 / 3) * 4, Math.min(body1, body0 + Math.ceil(b1 / 3) * 4));
  }
  const total = Math.max(1, s.text.length);
  const span = body1 - body0;
  return clamp(body0 + Math.floor((rel0 / total) * span), body0 + Math.ceil((rel1 / total) * span));
}
