import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { checkImage, type ImageContext } from '../../src/node/image.js';
import type { Finding } from '../../src/types.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';
import { BEIJING_GPS, bmpVariant, declaredPng, flat, heic, ico, jpeg, jpegWithThumbnail, randomBytes, scene, tiffWithGps } from '../fixtures/images/make.js';

/**
 * The formats and variants that real sites and phones produce, made with sharp in the test (by hand
 * where sharp cannot write them), each judged on the header path and the decode path: a good file
 * gives exactly the expected findings, and the same file cut short is unreadable and nothing else.
 */

const ctx: ImageContext = { core: createChecker() };
const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}:${f.severity}`);

async function judge(bytes: Uint8Array, decode = false): Promise<string[]> {
  const findings = await checkImage(ctx, bytes, { decode });
  assertFindingInvariants('', findings);
  return brief(findings);
}

const photo = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 30 } } });

interface Case {
  readonly name: string;
  readonly make: () => Promise<Buffer>;
  /** Findings of the whole file. */
  readonly expected?: readonly string[];
  /** Whether the decode path runs (formats libvips cannot decode stay on the header). */
  readonly decodable?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'baseline JPEG', make: () => photo().jpeg().toBuffer() },
  { name: 'progressive JPEG', make: () => photo().jpeg({ progressive: true }).toBuffer() },
  { name: 'CMYK JPEG (print workflows)', make: () => photo().toColourspace('cmyk').jpeg().toBuffer() },
  { name: 'JPEG with 4:4:4 chroma and restart-free mozjpeg tables', make: () => photo().jpeg({ chromaSubsampling: '4:4:4', mozjpeg: true }).toBuffer() },
  { name: '16-bit PNG', make: () => photo().toColourspace('rgb16').png().toBuffer() },
  { name: 'interlaced (Adam7) PNG', make: () => photo().png({ progressive: true }).toBuffer() },
  { name: 'palette PNG', make: () => photo().png({ palette: true, colours: 64, effort: 1, dither: 0 }).toBuffer() },
  { name: 'PNG with alpha', make: () => sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer() },
  { name: 'lossy WebP', make: () => photo().webp().toBuffer() },
  { name: 'lossless WebP', make: () => photo().webp({ lossless: true }).toBuffer() },
  { name: 'AVIF', make: () => photo().avif({ effort: 0 }).toBuffer() },
  { name: 'TIFF (LZW)', make: () => photo().tiff({ compression: 'lzw' }).toBuffer() },
  { name: 'tiled JPEG-in-TIFF', make: () => photo().tiff({ compression: 'jpeg', tile: true }).toBuffer() },
  { name: 'GIF', make: () => photo().gif({ effort: 1, dither: 0 }).toBuffer() },
  {
    name: 'animated GIF (one frame judged)',
    make: async () => sharp(await frames(320, 240, 6), { join: { animated: true } }).gif().toBuffer(),
    expected: ['image/low-resolution:warning'],
  },
  {
    name: 'animated WebP (one frame judged)',
    make: async () => sharp(await frames(800, 600, 6), { join: { animated: true } }).webp().toBuffer(),
  },
  { name: 'BMP, BITMAPINFOHEADER', make: async () => bmpVariant(800, 600), decodable: false },
  { name: 'BMP, top-down (negative height)', make: async () => bmpVariant(800, 600, { topDown: true }), decodable: false },
  { name: 'BMP, OS/2 BITMAPCOREHEADER, 8-bit palette', make: async () => bmpVariant(800, 600, { header: 'core', bits: 8 }), decodable: false },
  { name: 'BMP, OS/2 2.x header', make: async () => bmpVariant(800, 600, { header: 'os2' }), decodable: false },
  { name: 'BMP, V4 header', make: async () => bmpVariant(800, 600, { header: 'v4', bits: 8 }), decodable: false },
  { name: 'BMP, V5 header, top-down', make: async () => bmpVariant(800, 600, { header: 'v5', topDown: true }), decodable: false },
  { name: 'BMP, RLE8', make: async () => bmpVariant(800, 600, { rle8: true }), decodable: false },
  { name: 'HEIC (HEVC: header only)', make: async () => heic(4032, 3024), decodable: false },
  { name: 'ICO with 16 and 256 px PNG icons (an icon is small by nature)', make: async () => ico([{ png: await flat(16, 16, 'png'), side: 16 }, { png: await flat(48, 48, 'png'), side: 48 }]), decodable: false },
];

function frames(width: number, height: number, n: number): Promise<Buffer[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => sharp({ create: { width, height, channels: 3, background: { r: 40 * i, g: 90, b: 160 } } }).png().toBuffer()));
}

describe('real-world formats: whole files pass, cut files are unreadable', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const bytes = await c.make();
      const expected = c.expected ?? [];
      expect(await judge(bytes), 'header path').toEqual(expected);
      if (c.decodable !== false) expect(await judge(bytes, true), 'decode path').toEqual(expected);
      // Cut anywhere from a few bytes short to half way: the end marker, chunk or box is gone.
      for (const keep of [bytes.length - 3, Math.floor(bytes.length * 0.9), Math.floor(bytes.length * 0.5)]) {
        expect(await judge(bytes.subarray(0, keep)), `cut to ${keep} of ${bytes.length}`).toEqual(['image/unreadable:error']);
      }
    });
  }
});

describe('JPEG end-of-stream subtleties', () => {
  it('passes data after the EOI (camera trailers, a second JPEG as in MPF and motion photos)', async () => {
    const main = await jpeg(800, 600);
    const trailer = Buffer.concat([main, randomBytes(4096, 11), await jpeg(320, 240)]);
    expect(await judge(trailer)).toEqual([]);
    expect(await judge(trailer, true)).toEqual([]);
  });
  it('fails a main image cut short when only the EXIF thumbnail has an EOI', async () => {
    const { bytes, mainStart } = await jpegWithThumbnail(800, 600);
    expect(await judge(bytes)).toEqual([]);
    for (const keep of [mainStart + 400, Math.floor((mainStart + bytes.length) / 2), bytes.length - 2]) {
      expect(await judge(bytes.subarray(0, keep)), `cut to ${keep}`).toEqual(['image/unreadable:error']);
    }
    // Cut inside the EXIF block itself, before the main image began.
    expect(await judge(bytes.subarray(0, mainStart - 100))).toEqual(['image/unreadable:error']);
  });
  it('passes stray bytes between segments (libjpeg: "extraneous bytes before marker"), and still finds the cut', async () => {
    const whole = await jpeg(800, 600);
    const dqt = whole.indexOf(Buffer.from([0xff, 0xdb]));
    const stray = Buffer.concat([whole.subarray(0, dqt), Buffer.from([0x00, 0x0d, 0x0a]), whole.subarray(dqt)]);
    expect(await judge(stray)).toEqual([]);
    expect(await judge(stray, true)).toEqual([]);
    expect(await judge(stray.subarray(0, stray.length - 500))).toEqual(['image/unreadable:error']);
  });
});

describe('EXIF orientation gives the displayed size', () => {
  for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`orientation ${orientation}`, async () => {
      // 1200×450 stored: upright it is wide enough; turned a quarter (5–8) it is 450 wide.
      const findings = await checkImage(ctx, await jpeg(1200, 450, { orientation }));
      if (orientation >= 5) {
        expect(brief(findings)).toEqual(['image/low-resolution:warning']);
        expect(findings[0]!.data).toMatchObject({ width: 450, height: 1200 });
      } else {
        expect(findings).toEqual([]);
      }
    });
  }
});

describe('SVG is vector: no resolution or pixel finding', () => {
  const svg = (attributes: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><circle cx="8" cy="8" r="6"/></svg>\n`);
  it('with a small declared size, a huge one, percentages, or none', async () => {
    for (const attributes of ['width="16" height="16"', 'width="100000" height="100000"', 'width="100%" height="100%" viewBox="0 0 16 16"', 'viewBox="0 0 16 16"', '']) {
      expect(await judge(svg(attributes)), attributes).toEqual([]);
      expect(await judge(svg(attributes), true), attributes).toEqual([]);
    }
  });
  it('but a cut-off SVG is unreadable', async () => {
    const bytes = svg('width="16" height="16"');
    expect(await judge(bytes.subarray(0, bytes.length - 12))).toEqual(['image/unreadable:error']);
  });
});

describe('location metadata', () => {
  const XMP = (lat: string, lon: string) =>
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="${lat}" exif:GPSLongitude="${lon}"/></rdf:RDF></x:xmpmeta>`;
  const located = async (bytes: Buffer) => {
    const findings = await checkImage(ctx, bytes);
    expect(brief(findings)).toEqual(['image/exif-location:warning']);
    return findings[0]!.data as { latitude: number; longitude: number; metadata: string };
  };

  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    it(`GPS EXIF in ${format}`, async () => {
      const data = await located(await sharp(await flat(800, 600, 'png'))[format]().withExif(BEIJING_GPS).toBuffer());
      expect(data).toMatchObject({ latitude: 39.907333, longitude: 116.3915, metadata: 'exif' });
    });
  }
  for (const format of ['jpeg', 'png', 'webp', 'tiff'] as const) {
    it(`GPS XMP in ${format}`, async () => {
      const data = await located(await sharp(await flat(800, 600, 'png'))[format]().withXmp(XMP('31,13.98N', '121,28.44E')).toBuffer());
      expect(data).toMatchObject({ latitude: 31.233, longitude: 121.474, metadata: 'xmp' });
    });
  }
  it('GPS IFD of a TIFF (scanners, cameras), south and west signed', async () => {
    const data = await located(tiffWithGps(800, 600, { lat: [33, 52, 4], latRef: 'S', lon: [151, 12, 26], lonRef: 'W' }));
    expect(data.latitude).toBeCloseTo(-(33 + 52 / 60 + 4 / 3600), 5);
    expect(data.longitude).toBeCloseTo(-(151 + 12 / 60 + 26 / 3600), 5);
  });
  it('XMP with decimal degrees before the letter', async () => {
    expect(await located(await photo().jpeg().withXmp(XMP('31.2330N', '121.4740E')).toBuffer())).toMatchObject({ latitude: 31.233, longitude: 121.474 });
  });
  it('0°,0° (a receiver without a fix), empty rationals and EXIF without GPS are no location', async () => {
    const zero = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' } };
    const empty = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/0 0/0 0/0', GPSLongitudeRef: 'E', GPSLongitude: '0/0 0/0 0/0' } };
    for (const exif of [zero, empty, { IFD0: { Make: 'camera', Copyright: '某县融媒体中心' } }]) {
      expect(await judge(await photo().jpeg().withExif(exif).toBuffer())).toEqual([]);
    }
    expect(await judge(await photo().png().withXmp(XMP('0,0.0N', '0,0.0E')).toBuffer())).toEqual([]);
  });
});

describe('sizes that must not be decoded', () => {
  it('a declared-huge PNG and a real 20000×20000 PNG bomb: oversized, never decoded', async () => {
    for (const bytes of [declaredPng(100_000, 100_000), declaredPng(30_000, 30_000)]) {
      expect(await judge(bytes, true)).toEqual(['image/oversized:error']);
    }
  });
  it('a large real photo over the byte limit is a warning, not a bomb', async () => {
    const big = await scene(3000, 2000).then((b) => sharp(b).png({ compressionLevel: 0 }).toBuffer());
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const findings = await checkImage(ctx, big);
    expect(brief(findings)).toEqual(['image/oversized:warning']);
    expect(findings[0]!.data).toMatchObject({ bomb: false, bytes: big.length });
  });
});

describe('what no parser recognises', () => {
  it('zero bytes, random bytes, text and a lone magic number are unreadable with the reason', async () => {
    const kind = async (bytes: Uint8Array) => ((await checkImage(ctx, bytes))[0]?.data as { kind?: string } | undefined)?.kind;
    expect(await kind(new Uint8Array(0))).toBe('empty');
    expect(await kind(randomBytes(10_000, 7))).toBe('unknown-format');
    expect(await kind(Buffer.from('<!DOCTYPE html><html><head><title>404</title></head></html>'))).toBe('unknown-format');
    expect(await kind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatch(/corrupt|truncated/);
    expect(await kind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatch(/corrupt|truncated/);
  });
});
