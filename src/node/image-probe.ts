import { imageSize } from 'image-size';
import type SharpModule from 'sharp';
import type { ImageFacts, ImageGps, ImageProblem } from '../facts/image.js';
import { findExifTiff, tiffGps } from './exif.js';
import { bmpSize, checkComplete, heifLargestSide, sniffFormat, xmpGps, type SniffedFormat } from './image-container.js';

/** How much work `probeImage` may do. */
export interface ProbeOptions {
  /** Decode the pixels (catches corruption inside the data; needed for `sharpness`). Default false: header only. */
  readonly decode?: boolean;
  /** Measure sharpness (implies decoding). */
  readonly sharpness?: boolean;
  /** Never decode an image with more pixels than this (decompression bombs). */
  readonly maxPixels: number;
  /** The file's full size when `bytes` holds only its beginning (a file too large to read whole). */
  readonly totalBytes?: number;
}

/** The largest side libvips accepts (`VIPS_MAX_COORD`). */
const VIPS_MAX_COORD = 10_000_000;

/** Sharpness is measured on a copy at most this wide, so the figure does not depend on the camera's resolution. */
const SHARPNESS_WIDTH = 1024;

/** libjpeg/libpng warnings about harmless irregularities (padding after a segment, odd SOS fields). */
const BENIGN_WARNING = /extraneous bytes before marker|invalid SOS parameters for sequential JPEG|iCCP|known incorrect sRGB profile|CRC error in ancillary/i;

/** Formats whose end `checkComplete` can verify, as sharp names them after `formatName`. */
const WALKABLE = new Set(['jpeg', 'png', 'gif', 'webp', 'tiff', 'heif', 'avif']);

/** Names of sharp's formats that differ from ours. */
function formatName(format: string | undefined, compression: string | undefined, sniffed: SniffedFormat | undefined): string | undefined {
  if (format === 'heif') return compression === 'av1' ? 'avif' : 'heif';
  if (format === 'magick' || format === undefined) return sniffed;
  return format;
}

/** The TIFF structure inside an EXIF block: sharp gives JPEG/WebP/AVIF EXIF with its `Exif\0\0` prefix. */
function tiffOfExif(exif: Buffer): Buffer {
  return exif.length >= 6 && exif.toString('latin1', 0, 6) === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** The GPS position of a TIFF structure, read by the bounded reader in `exif.ts` (no EXIF library sees hostile counts). */
function exifGps(tiff: Uint8Array | undefined): ImageGps | undefined {
  const gps = tiff ? tiffGps(tiff) : undefined;
  return gps ? { latitude: gps.latitude, longitude: gps.longitude, source: 'exif' } : undefined;
}

function problemOfDecodeError(error: unknown, format: string | undefined): ImageProblem {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const label = (format ?? '图片').toUpperCase();
  if (/Corrupt JPEG data/i.test(text)) return { kind: 'corrupt', detail: `${label} 图像数据已损坏，显示时会出现灰块或花屏` };
  if (/premature end|truncat|unexpected end|read error|not enough data|short read|end of file/i.test(text)) {
    return { kind: 'truncated', detail: `${label} 文件被截断，解码时数据提前结束` };
  }
  return { kind: 'corrupt', detail: `${label} 数据已损坏，无法解码（${text.slice(0, 80)}）` };
}

let sharpLoaded: Promise<typeof SharpModule> | undefined;

/**
 * sharp, loaded on the first image measured: loading it costs some 0.1 s and a native library, which a
 * process or check worker that meets no image (most text pages have none to read) need not pay.
 */
function loadSharp(): Promise<typeof SharpModule> {
  sharpLoaded ??= import('sharp').then((m) => m.default);
  return sharpLoaded;
}

/**
 * Measures an image. Header only by default: sharp reads the header (no pixel limit, so a bomb's
 * size is known without decoding it), the container is walked to its end marker, and EXIF/XMP are
 * searched for a GPS position. With `decode`, the pixels are decoded under `maxPixels`.
 * Never throws on content: whatever is wrong ends up in `problem`.
 */
export async function probeImage(input: Uint8Array, options: ProbeOptions): Promise<ImageFacts> {
  const sharp = await loadSharp();
  const bytes = options.totalBytes ?? input.length;
  const partial = options.totalBytes !== undefined && options.totalBytes > input.length;
  if (input.length === 0) {
    return { bytes, reader: 'none', decoded: false, problem: { kind: 'empty', detail: '文件为空（0 字节）' } };
  }
  const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const sniffed = sniffFormat(buffer);

  let format: string | undefined = sniffed;
  let width: number | undefined;
  let height: number | undefined;
  let orientation: number | undefined;
  let displayWidth: number | undefined;
  let displayHeight: number | undefined;
  let pages: number | undefined;
  let reader: ImageFacts['reader'] = 'none';
  let exif: Buffer | undefined;
  let xmp: Buffer | undefined;
  let sharpError: unknown;

  try {
    // libvips refuses sides past VIPS_MAX_COORD (10,000,000), but its HEIF loader first prints a
    // GLib-CRITICAL line to stderr for them: a library must not print, so such files skip sharp and
    // are measured from their header below.
    if ((sniffed === 'heif' || sniffed === 'avif') && heifLargestSide(buffer) > VIPS_MAX_COORD) throw new Error('HEIF/AVIF 图像尺寸超出范围');
    const md = await sharp(buffer, { limitInputPixels: false, failOn: 'none' }).metadata();
    format = formatName(md.format, md.compression, sniffed);
    width = md.width;
    height = md.pageHeight ?? md.height;
    pages = md.pages;
    orientation = md.orientation;
    exif = md.exif;
    xmp = md.xmp;
    reader = 'sharp';
  } catch (error) {
    sharpError = error;
  }

  if (reader === 'none' && sniffed !== undefined) {
    // Formats libvips was built without (BMP, HEVC-coded HEIC, ICO, PSD): read the header ourselves.
    const size = sniffed === 'bmp' ? bmpSize(buffer) : headerSize(buffer);
    if (size && size.width > 0 && size.height > 0) {
      width = size.width;
      height = size.height;
      orientation = 'orientation' in size ? size.orientation : undefined;
      reader = 'header';
    }
  }

  if (width !== undefined && height !== undefined) {
    const swap = orientation !== undefined && orientation >= 5 && orientation <= 8;
    displayWidth = swap ? height : width;
    displayHeight = swap ? width : height;
  }

  const facts = {
    bytes,
    ...(format !== undefined ? { format } : {}),
    ...(width !== undefined ? { width, height, displayWidth, displayHeight } : {}),
    ...(orientation !== undefined ? { orientation } : {}),
    ...(pages !== undefined && pages > 1 ? { pages } : {}),
    reader,
    decoded: false,
  } as { -readonly [K in keyof ImageFacts]: ImageFacts[K] };

  if (reader === 'none' && sniffed === 'svg') {
    // librsvg refuses an SVG without width, height and viewBox ("bad dimensions") that browsers draw at
    // 300×150; only XML that does not parse (a cut-off file) is broken.
    const message = sharpError instanceof Error ? sharpError.message : String(sharpError);
    const complete = checkComplete('svg', buffer);
    if (/XML parse error|not well-formed|premature end/i.test(message)) facts.problem = { kind: 'corrupt', detail: 'SVG 不是完整有效的 XML（文件可能被截断），浏览器无法显示' };
    else if (complete.complete === false) facts.problem = { kind: 'truncated', detail: complete.reason };
    return facts;
  }
  if (reader === 'none') {
    facts.problem =
      sniffed === undefined
        ? { kind: 'unknown-format', detail: '无法识别的图片格式（文件头不是 JPEG、PNG、GIF、WebP 等图片格式）' }
        : { kind: 'corrupt', detail: `${sniffed.toUpperCase()} 文件头已损坏，无法读取尺寸${sharpError instanceof Error ? `（${sharpError.message.replace(/\s+/g, ' ').trim().slice(0, 80)}）` : ''}` };
    return facts;
  }

  // A JPEG with stray bytes right after SOI escapes the magic-number sniff but not libjpeg: walk it
  // as the format sharp found.
  const container = sniffed ?? (format !== undefined && WALKABLE.has(format) ? (format as SniffedFormat) : undefined);
  if (!partial && container !== undefined) {
    const complete = checkComplete(container, buffer);
    if (complete.complete === false) facts.problem = { kind: 'truncated', detail: complete.reason };
  }

  // The EXIF block sharp found; else a TIFF file is its own EXIF structure, and a container read by
  // the header path (HEIF without a decoder) may hold one behind `Exif\0\0`.
  const gps = (exif ? exifGps(tiffOfExif(exif)) : undefined) ??
    (format === 'tiff' ? exifGps(buffer) : reader === 'header' ? exifGps(findExifTiff(buffer)) : undefined) ??
    (xmp ? xmpLocation(xmp) : undefined);
  if (gps) facts.gps = gps;

  const pixels = (width ?? 0) * (height ?? 0) * Math.max(1, pages ?? 1);
  const wantDecode = options.decode === true || options.sharpness === true;
  // SVG is drawn, not decoded; HEVC-coded HEIF has no decoder in the prebuilt libvips (its header reads fine).
  if (wantDecode && !partial && !facts.problem && reader === 'sharp' && pixels <= options.maxPixels && format !== 'svg' && format !== 'heif') {
    try {
      const decode = async (failOn: 'warning' | 'error') => {
        let pipeline = sharp(buffer, { failOn, limitInputPixels: options.maxPixels }).rotate();
        if (options.sharpness && displayWidth !== undefined && displayWidth > SHARPNESS_WIDTH) pipeline = pipeline.resize({ width: SHARPNESS_WIDTH });
        return pipeline.raw().toBuffer({ resolveWithObject: true });
      };
      // libjpeg reports damaged scan data only as a warning ("Corrupt JPEG data: premature end of data
      // segment") while browsers paint grey or garbage: decode strictly, but forgive the warnings that
      // leave the picture intact.
      const { data, info } = await decode('warning').catch((error: unknown) => {
        if (BENIGN_WARNING.test(error instanceof Error ? error.message : String(error))) return decode('error');
        throw error;
      });
      facts.decoded = true;
      if (options.sharpness) {
        const stats = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).stats();
        facts.sharpness = stats.sharpness;
        facts.sharpnessWidth = info.width;
        const colour = stats.channels.slice(0, Math.min(3, stats.channels.length));
        facts.contrast = colour.reduce((sum, c) => sum + c.stdev, 0) / Math.max(1, colour.length);
      }
    } catch (error) {
      facts.problem = problemOfDecodeError(error, format);
    }
  }
  return facts;
}

function headerSize(buffer: Buffer): { width: number; height: number; orientation?: number } | undefined {
  try {
    const size = imageSize(buffer);
    if (size.width === undefined || size.height === undefined) return undefined;
    return { width: size.width, height: size.height, ...(size.orientation !== undefined ? { orientation: size.orientation } : {}) };
  } catch {
    return undefined;
  }
}

function xmpLocation(xmp: Buffer): ImageGps | undefined {
  const found = xmpGps(xmp.toString('utf8'));
  return found ? { ...found, source: 'xmp' } : undefined;
}
