/**
 * The GPS position in an EXIF block, read with every count bounded by the bytes present. EXIF is a
 * TIFF structure (TIFF 6.0 section 2, EXIF 2.32 section 4.6): a header, IFD0, and the GPS IFD that
 * IFD0's tag 0x8825 points to; GPSLatitudeRef (1), GPSLatitude (2), GPSLongitudeRef (3) and
 * GPSLongitude (4) live there. A general EXIF library reads every tag and allocates the array a
 * field's count declares before checking that the bytes exist: a 563-byte JPEG declaring 33,554,431
 * latitude values cost 1.5 s and 512 MB. Here only the two IFDs are visited, at most three values of
 * a coordinate are read, and a value that does not fit in the block is no value. Nothing here throws
 * on content, allocates more than a few numbers, or prints.
 */

/** GPS IFD pointer in IFD0 (EXIF 2.32, 4.6.3). */
const GPS_IFD = 0x8825;
/** RATIONAL and SRATIONAL: two 32-bit integers. */
const RATIONAL = 5;
const SRATIONAL = 10;
const ASCII = 2;

export interface ExifGps {
  readonly latitude: number;
  readonly longitude: number;
}

/** A bounded reader of one TIFF structure. */
class Tiff {
  private readonly le: boolean;
  constructor(private readonly b: Uint8Array) {
    this.le = b[0] === 0x49;
  }

  static valid(b: Uint8Array): boolean {
    return b.length >= 8 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a));
  }

  fits(at: number, length: number): boolean {
    return Number.isSafeInteger(at) && at >= 0 && length >= 0 && at + length <= this.b.length;
  }

  u16(at: number): number {
    const b = this.b;
    return this.le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
  }

  u32(at: number): number {
    const b = this.b;
    return this.le ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000 : b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
  }

  i32(at: number): number {
    return this.u32(at) | 0;
  }

  /**
   * The entries of the IFD at `at` as (tag → entry offset). The count is clamped to the entries that
   * fit in the block, so a count of 65,535 in a 100-byte block costs what the block holds.
   */
  entries(at: number): Map<number, number> {
    const out = new Map<number, number>();
    if (!this.fits(at, 2)) return out;
    const declared = this.u16(at);
    const fit = Math.floor((this.b.length - at - 2) / 12);
    const n = Math.min(declared, fit);
    for (let k = 0; k < n; k++) {
      const entry = at + 2 + k * 12;
      const tag = this.u16(entry);
      if (!out.has(tag)) out.set(tag, entry);
    }
    return out;
  }

  /** Where an entry's values start: in the entry itself when they fit in four bytes, else at its offset. */
  private valuesAt(entry: number, bytes: number): number {
    return bytes <= 4 ? entry + 8 : this.u32(entry + 8);
  }

  /** The first character of an ASCII entry (a GPS reference, `N`/`S`/`E`/`W`), or undefined. */
  char(entry: number | undefined): string | undefined {
    if (entry === undefined || this.u16(entry + 2) !== ASCII) return undefined;
    const count = this.u32(entry + 4);
    if (count < 1) return undefined;
    const at = this.valuesAt(entry, Math.min(count, 0x7fffffff));
    return this.fits(at, 1) ? String.fromCharCode(this.b[at]!) : undefined;
  }

  /**
   * Up to `max` rational values of an entry, only when all of them lie in the block. The declared count
   * decides where the values are stored (inline or at an offset) but never how much is read.
   */
  rationals(entry: number | undefined, max: number): number[] | undefined {
    if (entry === undefined) return undefined;
    const type = this.u16(entry + 2);
    if (type !== RATIONAL && type !== SRATIONAL) return undefined;
    const count = this.u32(entry + 4);
    if (count < 1) return undefined;
    const n = Math.min(count, max);
    const at = this.valuesAt(entry, count * 8);
    if (!this.fits(at, n * 8)) return undefined;
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const num = type === RATIONAL ? this.u32(at + k * 8) : this.i32(at + k * 8);
      const den = type === RATIONAL ? this.u32(at + k * 8 + 4) : this.i32(at + k * 8 + 4);
      out.push(num / den);
    }
    return out;
  }
}

/** Degrees from up to three values (degrees, minutes, seconds) and a reference letter; NaN for 0/0. */
function degrees(values: readonly number[], ref: string | undefined, negative: string): number {
  const [d = 0, m = 0, s = 0] = values;
  const value = d + m / 60 + s / 3600;
  return ref !== undefined && ref.toUpperCase() === negative ? -value : value;
}

/**
 * The GPS position in a TIFF structure (an EXIF block without its `Exif\0\0` prefix, or a TIFF
 * file), or undefined. Reads the header, IFD0 and the GPS IFD, nothing else.
 */
export function tiffGps(block: Uint8Array): ExifGps | undefined {
  if (!Tiff.valid(block)) return undefined;
  const t = new Tiff(block);
  const ifd0 = t.entries(t.u32(4));
  const pointer = ifd0.get(GPS_IFD);
  if (pointer === undefined) return undefined;
  const type = t.u16(pointer + 2);
  // The pointer is a LONG (4) or, in some writers, the IFD type (13).
  if (type !== 4 && type !== 13) return undefined;
  const gps = t.entries(t.u32(pointer + 8));
  const lat = t.rationals(gps.get(2), 3);
  const lon = t.rationals(gps.get(4), 3);
  if (!lat || !lon) return undefined;
  return { latitude: degrees(lat, t.char(gps.get(1)), 'S'), longitude: degrees(lon, t.char(gps.get(3)), 'W') };
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/**
 * The TIFF structure of an EXIF block inside a container this module does not walk (HEIF items, PSD
 * resources): the first `Exif\0\0` followed by a TIFF header. One `indexOf` per candidate, each
 * starting past the last: linear in the buffer.
 */
export function findExifTiff(bytes: Uint8Array): Uint8Array | undefined {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(EXIF_HEADER); at !== -1; at = buffer.indexOf(EXIF_HEADER, at + 1)) {
    const tiff = buffer.subarray(at + EXIF_HEADER.length);
    if (Tiff.valid(tiff)) return tiff;
  }
  return undefined;
}
