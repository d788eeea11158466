/**
 * Byte-level facts about image containers, read without decoding a pixel: the format by its magic
 * number, the dimensions where sharp cannot read the format, and whether the stream is complete
 * (its end marker present, no chunk or box cut off). Every parser here is bounded by the buffer:
 * each loop advances by at least one byte and never reads past `bytes.length`, so hostile input
 * ends in a result, never in a hang or an exception.
 */

/** Formats recognised by their magic number. */
export type SniffedFormat =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'heif'
  | 'avif'
  | 'svg'
  | 'ico'
  | 'psd'
  | 'jxl'
  | 'jp2';

/** The result of walking a container to its end. */
export type Completeness =
  | { readonly complete: true }
  | { readonly complete: false; readonly reason: string }
  | { readonly complete: undefined };

const COMPLETE: Completeness = { complete: true };
const UNKNOWN: Completeness = { complete: undefined };

function u16be(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
}
function u16le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32le(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + ((b[i + 3]! << 24) >>> 0);
}
function i32le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}
function ascii(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** ISO base media (HEIF, AVIF) brands that name an image, read from the `ftyp` box. */
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** Identifies an image format by its first bytes; `undefined` when none matches. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return 'png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 14 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const size = Math.min(u32be(b, 0), b.length);
    const brands = [ascii(b, 8, 4)];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, 4));
    if (brands.some((x) => AVIF_BRANDS.has(x))) return 'avif';
    if (brands.some((x) => HEIF_BRANDS.has(x))) return 'heif';
    if (brands.includes('jp2 ')) return 'jp2';
    return undefined;
  }
  if (b.length >= 12 && u32be(b, 0) === 0x0000000c && ascii(b, 4, 4) === 'jP  ') return 'jp2';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0x0a) return 'jxl';
  if (b.length >= 12 && u32be(b, 0) === 0x0000000c && ascii(b, 4, 4) === 'JXL ') return 'jxl';
  if (b.length >= 6 && u16le(b, 0) === 0 && (u16le(b, 2) === 1 || u16le(b, 2) === 2) && u16le(b, 4) > 0) return 'ico';
  if (b.length >= 4 && ascii(b, 0, 4) === '8BPS') return 'psd';
  if (looksLikeSvg(b)) return 'svg';
  return undefined;
}

function looksLikeSvg(b: Uint8Array): boolean {
  // An SVG is XML text: skip a BOM and whitespace, then expect `<`, and find `<svg` in the head.
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] !== 0x3c) return false;
  const head = ascii(b, i, 4096);
  return /<svg[\s>]/i.test(head);
}

/**
 * Width and height from a BMP header. The DIB header's own length names its kind: 12 is OS/2 1.x
 * `BITMAPCOREHEADER` (16-bit sides); 16 to 64 are OS/2 2.x and Windows `BITMAPINFOHEADER` (40) and its
 * V2–V5 successors (52, 56, 108, 124), which share the first fields (32-bit sides, a negative height
 * meaning top-down rows). Compression follows at offset 30 when the header is long enough to hold it.
 */
export function bmpSize(b: Uint8Array): { width: number; height: number; bitsPerPixel: number; compression: number } | undefined {
  if (b.length < 26) return undefined;
  const dib = u32le(b, 14);
  if (dib === 12) return { width: u16le(b, 18), height: u16le(b, 20), bitsPerPixel: u16le(b, 24), compression: 0 };
  if (dib < 16 || dib > 4096 || b.length < 30) return undefined;
  const compression = dib >= 20 && b.length >= 34 ? u32le(b, 30) : 0;
  return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)), bitsPerPixel: u16le(b, 28), compression };
}

/** Checks that a stream of the given format is complete. Formats with no cheap check give `complete: undefined`. */
export function checkComplete(format: SniffedFormat, bytes: Uint8Array): Completeness {
  switch (format) {
    case 'jpeg':
      return jpegComplete(bytes);
    case 'png':
      return pngComplete(bytes);
    case 'gif':
      return gifComplete(bytes);
    case 'webp':
      return riffComplete(bytes);
    case 'bmp':
      return bmpComplete(bytes);
    case 'heif':
    case 'avif':
      return isoBoxesComplete(bytes);
    case 'tiff':
      return tiffComplete(bytes);
    case 'ico':
      return icoComplete(bytes);
    case 'svg':
      return svgComplete(bytes);
    default:
      return UNKNOWN;
  }
}

/**
 * JPEG (ITU-T T.81): walk the marker segments to the first SOS, then require an EOI (FF D9) after it.
 * Inside entropy-coded data a 0xFF byte is always followed by 0x00 or a restart marker (T.81 B.1.1.5),
 * so the last FF D9 after the first SOS is an end marker. An EXIF thumbnail's own EOI lies inside the
 * APP1 segment, before the SOS, and does not count. Data after the EOI (camera trailers, motion-photo
 * video, MPF secondary images) is allowed. Stray bytes between segments are skipped up to the next
 * 0xFF, as libjpeg does ("extraneous bytes before marker", a warning browsers ignore).
 */
function jpegComplete(b: Uint8Array): Completeness {
  let pos = 2;
  let sos = -1;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) {
      pos++;
      continue;
    }
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0x00 || marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9) return { complete: false, reason: 'JPEG 在图像数据之前就已结束' };
    const length = u16be(b, pos + 2);
    if (length < 2) return { complete: false, reason: 'JPEG 段长度无效' };
    if (marker === 0xda) {
      sos = pos + 2 + length;
      break;
    }
    pos += 2 + length;
  }
  if (sos < 0 || sos > b.length) return { complete: false, reason: 'JPEG 文件被截断（缺少图像数据）' };
  const eoi = Buffer.from(b.buffer, b.byteOffset, b.byteLength).lastIndexOf(EOI);
  if (eoi >= sos) return COMPLETE;
  return { complete: false, reason: 'JPEG 文件被截断（缺少结束标记 EOI）' };
}

const EOI = Buffer.from([0xff, 0xd9]);

/** PNG (ISO/IEC 15948): walk the chunks from IHDR to IEND; a chunk that runs past the end is a cut. */
function pngComplete(b: Uint8Array): Completeness {
  let pos = 8;
  let first = true;
  let idat = false;
  while (pos + 12 <= b.length) {
    const length = u32be(b, pos);
    const type = ascii(b, pos + 4, 4);
    if (first && type !== 'IHDR') return { complete: false, reason: 'PNG 缺少 IHDR 头' };
    first = false;
    if (length > 0x7fffffff || pos + 12 + length > b.length) break;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') {
      return idat ? COMPLETE : { complete: false, reason: 'PNG 没有图像数据（IDAT）' };
    }
    pos += 12 + length;
  }
  return { complete: false, reason: 'PNG 文件被截断（缺少 IEND 结束块）' };
}

/** GIF (GIF89a spec): walk extension and image blocks with their sub-blocks to the trailer (0x3B). */
function gifComplete(b: Uint8Array): Completeness {
  if (b.length < 13) return { complete: false, reason: 'GIF 文件头不完整' };
  let pos = 13;
  const flags = b[10]!;
  if (flags & 0x80) pos += 3 * (1 << ((flags & 7) + 1));
  const skipSubBlocks = (p: number): number => {
    while (p < b.length) {
      const size = b[p]!;
      if (size === 0) return p + 1;
      p += size + 1;
    }
    return -1;
  };
  let frames = 0;
  while (pos < b.length) {
    const block = b[pos]!;
    if (block === 0x3b) return frames > 0 ? COMPLETE : { complete: false, reason: 'GIF 没有图像帧' };
    if (block === 0x21) {
      const next = skipSubBlocks(pos + 2);
      if (next < 0) break;
      pos = next;
    } else if (block === 0x2c) {
      if (pos + 10 > b.length) break;
      const local = b[pos + 9]!;
      pos += 10;
      if (local & 0x80) pos += 3 * (1 << ((local & 7) + 1));
      pos += 1; // LZW minimum code size
      const next = skipSubBlocks(pos);
      if (next < 0) break;
      pos = next;
      frames++;
    } else {
      return { complete: false, reason: 'GIF 数据块损坏' };
    }
  }
  // Every block ended before the data did: a missing trailer alone is harmless to browsers.
  if (pos >= b.length && frames > 0 && pos === b.length) return COMPLETE;
  return { complete: false, reason: 'GIF 文件被截断' };
}

/** WebP (RIFF): the RIFF size field must fit in the file. */
function riffComplete(b: Uint8Array): Completeness {
  const size = u32le(b, 4);
  return size + 8 <= b.length ? COMPLETE : { complete: false, reason: 'WebP 文件被截断（RIFF 长度超出文件）' };
}

/**
 * BMP: the pixel array the header announces must fit in the file. Uncompressed and bit-field rows are
 * padded to 4 bytes; compressed data (RLE, embedded JPEG/PNG) is as long as the header's image size
 * field says (0 there means unknown: only the offset is checked).
 */
function bmpComplete(b: Uint8Array): Completeness {
  const size = bmpSize(b);
  if (!size) return { complete: false, reason: 'BMP 文件头不完整' };
  const offset = u32le(b, 10);
  const dib = u32le(b, 14);
  let pixelBytes: number;
  if (size.compression === 0 || size.compression === 3 || size.compression === 6) {
    pixelBytes = Math.floor((size.bitsPerPixel * size.width + 31) / 32) * 4 * size.height;
  } else {
    pixelBytes = dib >= 24 && b.length >= 38 ? u32le(b, 34) : 0;
  }
  if (offset < 14 + dib && offset !== 0) return { complete: false, reason: 'BMP 像素数据偏移量无效' };
  return offset + pixelBytes <= b.length ? COMPLETE : { complete: false, reason: 'BMP 文件被截断（像素数据不完整）' };
}

/**
 * SVG: the root element must be closed. librsvg draws a cut-off file from what it has, but browsers
 * show an `<img>` whose XML does not parse as broken. Trailing comments, processing instructions and
 * whitespace are allowed after the root, as XML allows them.
 */
function svgComplete(b: Uint8Array): Completeness {
  let text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8').trimEnd();
  for (;;) {
    const close = text.endsWith('-->') ? text.lastIndexOf('<!--') : text.endsWith('?>') ? text.lastIndexOf('<?') : -1;
    if (close < 0) break;
    text = text.slice(0, close).trimEnd();
  }
  if (/<\/(?:[A-Za-z_][\w.-]*:)?svg\s*>$/.test(text.slice(-64))) return COMPLETE;
  // A root that closes itself, <svg … />, with no element after it.
  const root = /<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.exec(text);
  if (root && text.endsWith('/>') && text.lastIndexOf('<') === root.index) return COMPLETE;
  return { complete: false, reason: 'SVG 文件被截断（根元素 <svg> 没有结束），浏览器无法显示' };
}

/** ICO/CUR: every image the directory lists must lie inside the file. */
function icoComplete(b: Uint8Array): Completeness {
  const count = u16le(b, 4);
  if (6 + count * 16 > b.length) return { complete: false, reason: 'ICO 文件被截断（图标目录不完整）' };
  for (let k = 0; k < count; k++) {
    const entry = 6 + k * 16;
    const length = u32le(b, entry + 8);
    const offset = u32le(b, entry + 12);
    if (length === 0 || offset < 6 + count * 16) return { complete: false, reason: 'ICO 图标目录损坏' };
    if (offset + length > b.length) return { complete: false, reason: 'ICO 文件被截断（图标数据不完整）' };
  }
  return COMPLETE;
}

/** HEIF/AVIF (ISO/IEC 14496-12): top-level boxes must tile the file without running past its end. */
function isoBoxesComplete(b: Uint8Array): Completeness {
  let pos = 0;
  while (pos + 8 <= b.length) {
    let size = u32be(b, pos);
    if (size === 1) {
      if (pos + 16 > b.length) break;
      size = u32be(b, pos + 8) * 2 ** 32 + u32be(b, pos + 12);
    } else if (size === 0) {
      return COMPLETE;
    }
    if (size < 8) return { complete: false, reason: 'HEIF/AVIF 盒结构损坏' };
    if (pos + size > b.length) return { complete: false, reason: 'HEIF/AVIF 文件被截断' };
    pos += size;
  }
  return pos === b.length ? COMPLETE : { complete: false, reason: 'HEIF/AVIF 文件被截断' };
}

/**
 * The largest side any `ispe` (image spatial extents) property of a HEIF/AVIF file declares, found by
 * walking `meta` → `iprp` → `ipco` (ISO/IEC 23008-12, 6.5.3); 0 when there is none. Each level walks
 * its boxes by their sizes inside the parent, so the walk is bounded by the buffer.
 */
export function heifLargestSide(b: Uint8Array): number {
  const children = (start: number, end: number, type: string): [number, number][] => {
    const out: [number, number][] = [];
    let pos = start;
    while (pos + 8 <= end) {
      let size = u32be(b, pos);
      let header = 8;
      if (size === 1) {
        if (pos + 16 > end) break;
        size = u32be(b, pos + 8) * 2 ** 32 + u32be(b, pos + 12);
        header = 16;
      } else if (size === 0) size = end - pos;
      if (size < header || pos + size > end) break;
      if (ascii(b, pos + 4, 4) === type) out.push([pos + header, pos + size]);
      pos += size;
    }
    return out;
  };
  let largest = 0;
  for (const [metaStart, metaEnd] of children(0, b.length, 'meta')) {
    // `meta` is a full box: four bytes of version and flags before its children.
    for (const [iprpStart, iprpEnd] of children(metaStart + 4, metaEnd, 'iprp')) {
      for (const [ipcoStart, ipcoEnd] of children(iprpStart, iprpEnd, 'ipco')) {
        for (const [ispe, ispeEnd] of children(ipcoStart, ipcoEnd, 'ispe')) {
          if (ispe + 12 <= ispeEnd) largest = Math.max(largest, u32be(b, ispe + 4), u32be(b, ispe + 8));
        }
      }
    }
  }
  return largest;
}

/** Coordinates in XMP (`exif:GPSLatitude="39,54.44N"`, XMP spec part 2, "GPSCoordinate"), or undefined. */
export function xmpGps(xmp: string): { latitude: number; longitude: number } | undefined {
  const lat = readXmpCoordinate(xmp, 'GPSLatitude');
  const lon = readXmpCoordinate(xmp, 'GPSLongitude');
  if (lat === undefined || lon === undefined) return undefined;
  return { latitude: lat, longitude: lon };
}

function readXmpCoordinate(xmp: string, name: string): number | undefined {
  // Attribute form or element form; the value is "DDD,MM,SSk" or "DDD,MM.mmk" with k in NSEW (XMP
  // part 2). Some writers put decimal degrees before the letter ("31.233N"): read those too.
  const match = new RegExp(`exif:${name}(?:\\s*=\\s*["']([^"'<>]{1,40})["']|>([^<]{1,40})<)`).exec(xmp);
  const value = (match?.[1] ?? match?.[2])?.trim();
  if (!value) return undefined;
  const parts = /^(\d{1,3}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?\s?([NSEW])$/i.exec(value);
  if (!parts) return undefined;
  const deg = Number(parts[1]) + Number(parts[2] ?? 0) / 60 + Number(parts[3] ?? 0) / 3600;
  return /[SW]/i.test(parts[4]!) ? -deg : deg;
}

/** Bytes per value of the TIFF field types (TIFF 6.0 section 2; 13 is the IFD type of TIFF tech note 1). */
const TIFF_TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

/**
 * TIFF (TIFF 6.0, section 2): the first IFD, every value it stores outside itself, the link to the
 * next IFD, and the strips or tiles must all lie inside the file (libvips writes its IFD after the
 * pixels, so a cut file loses that first). Only IFD0 is walked; offsets are read as SHORT or LONG
 * as the field type says.
 */
function tiffComplete(b: Uint8Array): Completeness {
  const le = b[0] === 0x49;
  const r16 = (i: number): number => (le ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number): number => (le ? u32le(b, i) : u32be(b, i));
  if (b.length < 8) return { complete: false, reason: 'TIFF 文件头不完整' };
  const ifd = r32(4);
  if (ifd + 2 > b.length) return { complete: false, reason: 'TIFF 文件被截断（IFD 超出文件）' };
  const count = r16(ifd);
  if (ifd + 2 + count * 12 + 4 > b.length) return { complete: false, reason: 'TIFF 文件被截断（IFD 不完整）' };
  const values = (entry: number): number[] | undefined => {
    const type = r16(entry + 2);
    const n = r32(entry + 4);
    const size = type === 3 ? 2 : type === 4 ? 4 : 0;
    if (size === 0 || n > 1_000_000) return undefined;
    const at = n * size <= 4 ? entry + 8 : r32(entry + 8);
    if (at + n * size > b.length) return undefined;
    const out: number[] = [];
    for (let k = 0; k < n; k++) out.push(size === 2 ? r16(at + k * 2) : r32(at + k * 4));
    return out;
  };
  let offsets: number[] | undefined;
  let counts: number[] | undefined;
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    const tag = r16(entry);
    const size = TIFF_TYPE_SIZE[r16(entry + 2)];
    if (size !== undefined) {
      const length = size * r32(entry + 4);
      if (length > 4 && r32(entry + 8) + length > b.length) return { complete: false, reason: 'TIFF 文件被截断（标签数据超出文件）' };
    }
    if (tag === 273 || tag === 324) offsets = values(entry);
    else if (tag === 279 || tag === 325) counts = values(entry);
  }
  if (!offsets || !counts || offsets.length !== counts.length) return UNKNOWN;
  for (let k = 0; k < offsets.length; k++) {
    if (offsets[k]! + counts[k]! > b.length) return { complete: false, reason: 'TIFF 文件被截断（图像条带超出文件）' };
  }
  return COMPLETE;
}
