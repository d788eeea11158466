import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bmpSize, checkComplete, sniffFormat, xmpGps } from '../../src/node/image-container.js';
import { probeImage } from '../../src/node/image-probe.js';
import { BEIJING_GPS, bmp, bombPng, declaredPng, flat, jpeg, randomBytes, scene } from '../fixtures/images/make.js';

const HEADER = { maxPixels: 50_000_000 };

describe('sniffFormat', () => {
  it('names every format sharp writes by its magic number', async () => {
    for (const format of ['png', 'webp', 'gif', 'avif', 'tiff', 'jpeg'] as const) {
      expect(sniffFormat(await flat(16, 16, format))).toBe(format);
    }
    expect(sniffFormat(bmp(4, 4))).toBe('bmp');
    expect(sniffFormat(Buffer.from('\ufeff  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
  });
  it('recognises nothing in text, empty input or a lone magic byte', () => {
    expect(sniffFormat(Buffer.from('<html><body>not an image</body></html>'))).toBeUndefined();
    expect(sniffFormat(new Uint8Array(0))).toBeUndefined();
    expect(sniffFormat(Buffer.from([0xff, 0xd8]))).toBeUndefined();
  });
});

describe('checkComplete', () => {
  it('accepts whole files and rejects every cut of them', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp', 'avif'] as const) {
      const bytes = format === 'jpeg' ? await jpeg(300, 200) : await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })[format]().toBuffer();
      expect(checkComplete(format, bytes), format).toEqual({ complete: true });
      for (const keep of [0.999, 0.9, 0.5, 0.1]) {
        const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
        expect(checkComplete(format, cut).complete, `${format} cut at ${keep}`).toBe(false);
      }
    }
  });
  it('finds the EOI of a progressive JPEG and allows data after it (camera trailers, motion photos)', async () => {
    const progressive = await sharp(await jpeg(400, 300)).jpeg({ progressive: true }).toBuffer();
    expect(checkComplete('jpeg', progressive).complete).toBe(true);
    expect(checkComplete('jpeg', Buffer.concat([progressive, randomBytes(5000, 3)])).complete).toBe(true);
    expect(checkComplete('jpeg', progressive.subarray(0, progressive.length - 2)).complete).toBe(false);
  });
  it('does not take the EOI of an EXIF thumbnail before the scan for the end of the image', async () => {
    // A JPEG whose APP1 segment carries a thumbnail ending in FF D9, then the main image cut short.
    const main = await jpeg(300, 200);
    const thumbnail = Buffer.concat([Buffer.from('Exif\0\0'), Buffer.from([0xff, 0xd8, 0xff, 0xd9])]);
    const app1 = Buffer.alloc(4);
    app1.writeUInt16BE(0xffe1, 0);
    app1.writeUInt16BE(thumbnail.length + 2, 2);
    const withThumbnail = Buffer.concat([main.subarray(0, 2), app1, thumbnail, main.subarray(2)]);
    expect(checkComplete('jpeg', withThumbnail).complete).toBe(true);
    expect(checkComplete('jpeg', withThumbnail.subarray(0, withThumbnail.length - 500)).complete).toBe(false);
  });
  it('checks a BMP pixel array against the file length', () => {
    const whole = bmp(30, 20);
    expect(checkComplete('bmp', whole).complete).toBe(true);
    expect(checkComplete('bmp', whole.subarray(0, whole.length - 1)).complete).toBe(false);
    expect(bmpSize(whole)).toEqual({ width: 30, height: 20, bitsPerPixel: 24, compression: 0 });
  });
  it('checks TIFF strips against the file length', async () => {
    const tiff = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).tiff().toBuffer();
    expect(checkComplete('tiff', tiff).complete).toBe(true);
    expect(checkComplete('tiff', tiff.subarray(0, tiff.length >> 1)).complete).toBe(false);
  });
  it('never throws or loops on random bytes behind any magic number', () => {
    const magics: Record<string, number[]> = {
      jpeg: [0xff, 0xd8, 0xff],
      png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      gif: [...Buffer.from('GIF89a')],
      webp: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')],
      bmp: [0x42, 0x4d],
      tiff: [0x49, 0x49, 0x2a, 0],
      heif: [0, 0, 0, 0x18, ...Buffer.from('ftypheic')],
    };
    for (let seed = 1; seed <= 300; seed++) {
      for (const [format, magic] of Object.entries(magics)) {
        const bytes = Buffer.concat([Buffer.from(magic), randomBytes(seed * 7, seed)]);
        const result = checkComplete(format as Parameters<typeof checkComplete>[0], bytes);
        expect([true, false, undefined]).toContain(result.complete);
      }
    }
  });
});

describe('xmpGps', () => {
  it('reads XMP GPSCoordinate values in both forms and signs south and west', () => {
    expect(xmpGps('<rdf:Description exif:GPSLatitude="39,54.44N" exif:GPSLongitude="116,23.49E"/>')).toEqual({ latitude: 39 + 54.44 / 60, longitude: 116 + 23.49 / 60 });
    const south = xmpGps('<exif:GPSLatitude>33,52,4S</exif:GPSLatitude><exif:GPSLongitude>151,12,26W</exif:GPSLongitude>');
    expect(south?.latitude).toBeCloseTo(-(33 + 52 / 60 + 4 / 3600), 9);
    expect(south?.longitude).toBeCloseTo(-(151 + 12 / 60 + 26 / 3600), 9);
  });
  it('ignores a lone latitude, other tags and malformed values', () => {
    expect(xmpGps('<x exif:GPSLatitude="39,54.44N"/>')).toBeUndefined();
    expect(xmpGps('<x exif:GPSLatitude="north" exif:GPSLongitude="east"/>')).toBeUndefined();
    expect(xmpGps('<x exif:GPSAltitude="100/1"/>')).toBeUndefined();
  });
});

describe('probeImage (header only)', () => {
  it('reads size and format from the header', async () => {
    const facts = await probeImage(await jpeg(640, 480), HEADER);
    expect(facts).toMatchObject({ format: 'jpeg', width: 640, height: 480, displayWidth: 640, displayHeight: 480, reader: 'sharp', decoded: false });
    expect(facts.problem).toBeUndefined();
    expect(facts.gps).toBeUndefined();
  });
  it('swaps the displayed sides for EXIF orientation 6 (rotated 90°)', async () => {
    const facts = await probeImage(await jpeg(1200, 450, { orientation: 6 }), HEADER);
    expect(facts).toMatchObject({ width: 1200, height: 450, orientation: 6, displayWidth: 450, displayHeight: 1200 });
  });
  it('finds GPS in EXIF of JPEG, PNG, WebP and AVIF', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })[format]().withExif(BEIJING_GPS).toBuffer();
      const facts = await probeImage(bytes, HEADER);
      expect(facts.gps?.source, format).toBe('exif');
      expect(facts.gps?.latitude, format).toBeCloseTo(39 + 54 / 60 + 26.4 / 3600, 6);
      expect(facts.gps?.longitude, format).toBeCloseTo(116 + 23 / 60 + 29.4 / 3600, 6);
    }
  });
  it('finds GPS in XMP', async () => {
    const xmp = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,13.98N" exif:GPSLongitude="121,28.44E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } }).jpeg().withXmp(xmp).toBuffer();
    const facts = await probeImage(bytes, HEADER);
    expect(facts.gps).toMatchObject({ source: 'xmp' });
    expect(facts.gps?.latitude).toBeCloseTo(31 + 13.98 / 60, 9);
  });
  it('keeps EXIF without GPS free of a location', async () => {
    const facts = await probeImage(await jpeg(64, 48, { exif: { IFD0: { Make: 'x', Copyright: 'y' } } }), HEADER);
    expect(facts.gps).toBeUndefined();
  });
  it('reports a truncated JPEG although sharp reads its full size from the header', async () => {
    const whole = await jpeg(1200, 900);
    const facts = await probeImage(whole.subarray(0, whole.length * 0.6), HEADER);
    expect(facts).toMatchObject({ width: 1200, height: 900, problem: { kind: 'truncated' } });
  });
  it('reports a truncated PNG', async () => {
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    expect((await probeImage(whole.subarray(0, whole.length >> 1), HEADER)).problem?.kind).toBe('truncated');
  });
  it('reads an animation frame by frame: one frame\'s size, the frame count, and a cut last frame', async () => {
    const frames = await Promise.all(Array.from({ length: 5 }, (_, i) => sharp({ create: { width: 320, height: 240, channels: 3, background: { r: i * 50, g: 0, b: 0 } } }).png().toBuffer()));
    for (const format of ['gif', 'webp'] as const) {
      const animation = await sharp(frames, { join: { animated: true } })[format]().toBuffer();
      expect(await probeImage(animation, HEADER), format).toMatchObject({ format, width: 320, height: 240, pages: 5 });
      expect((await probeImage(animation.subarray(0, animation.length - 30), HEADER)).problem?.kind, format).toBe('truncated');
    }
  });
  it('reports empty, unknown and header-corrupt files', async () => {
    expect((await probeImage(new Uint8Array(0), HEADER)).problem?.kind).toBe('empty');
    expect((await probeImage(Buffer.from('<html>404 Not Found</html>'), HEADER)).problem?.kind).toBe('unknown-format');
    expect((await probeImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2]), HEADER)).problem?.kind).toBe('corrupt');
  });
  it('reads a BMP, which sharp cannot, from its header', async () => {
    const facts = await probeImage(bmp(800, 600), HEADER);
    expect(facts).toMatchObject({ format: 'bmp', width: 800, height: 600, reader: 'header' });
    expect(facts.problem).toBeUndefined();
    expect((await probeImage(bmp(800, 600).subarray(0, 4000), HEADER)).problem?.kind).toBe('truncated');
  });
  it('reads the declared size of a decompression bomb from its header and never decodes it', async () => {
    const bomb = await bombPng(20000);
    expect(bomb.length).toBeLessThan(1_000_000);
    const facts = await probeImage(bomb, { ...HEADER, decode: true });
    expect(facts).toMatchObject({ width: 20000, height: 20000, decoded: false });
    expect(facts.problem).toBeUndefined();
    const huge = await probeImage(declaredPng(100000, 100000), { ...HEADER, decode: true });
    expect(huge).toMatchObject({ width: 100000, height: 100000, decoded: false });
  });
});

describe('probeImage on SVG', () => {
  const svg = (attributes: string) => Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="10" height="10"/></svg>`);
  it('reads the declared size, and accepts an SVG without one', async () => {
    expect(await probeImage(svg('width="100" height="50"'), HEADER)).toMatchObject({ format: 'svg', width: 100, height: 50 });
    const bare = await probeImage(svg(''), HEADER);
    expect(bare.format).toBe('svg');
    expect(bare.problem).toBeUndefined();
  });
  it('reports an SVG cut off mid-way', async () => {
    const cut = svg('width="100" height="50"').subarray(0, 70);
    expect((await probeImage(cut, HEADER)).problem?.kind).toBe('corrupt');
  });
});

describe('probeImage (decode path)', () => {
  it('decodes good images of every format sharp writes without a problem', async () => {
    const photo = await scene(640, 480);
    for (const format of ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const) {
      const bytes = await sharp(photo)[format]().toBuffer();
      const facts = await probeImage(bytes, { ...HEADER, decode: true });
      expect(facts, format).toMatchObject({ decoded: true, width: 640, height: 480 });
      expect(facts.problem, format).toBeUndefined();
    }
    const progressive = await probeImage(await sharp(photo).jpeg({ progressive: true }).toBuffer(), { ...HEADER, decode: true });
    expect(progressive.problem).toBeUndefined();
  });
  it('reports corruption inside the entropy-coded data that the end marker cannot show', async () => {
    const whole = await jpeg(600, 400);
    // Keep the header and the EOI, and replace the middle of the scan by 0xFF bytes (invalid marker run).
    const broken = Buffer.from(whole);
    broken.fill(0xff, Math.floor(whole.length * 0.3), Math.floor(whole.length * 0.7));
    const header = await probeImage(broken, HEADER);
    expect(header.problem).toBeUndefined();
    const decoded = await probeImage(broken, { ...HEADER, decode: true });
    expect(decoded.problem?.kind).toMatch(/corrupt|truncated/);
  });
  it('measures sharpness: a blurred copy scores far lower than the original at about the same contrast', async () => {
    const original = await scene(1200, 800);
    const blurred = await sharp(original).blur(3).jpeg().toBuffer();
    const a = await probeImage(original, { ...HEADER, sharpness: true });
    const b = await probeImage(blurred, { ...HEADER, sharpness: true });
    expect(a.sharpnessWidth).toBe(1024);
    expect(b.sharpness!).toBeLessThan(a.sharpness! / 4);
    expect(b.contrast!).toBeGreaterThan(a.contrast! * 0.9);
    expect((await probeImage(await flat(1200, 800, 'png'), { ...HEADER, sharpness: true })).contrast).toBe(0);
  });
});

describe('probeImage on hostile input', () => {
  it('survives random bytes, random bytes behind magic numbers, and every prefix of a real file', async () => {
    const real = await jpeg(200, 150, { exif: BEIJING_GPS });
    const inputs: Buffer[] = [];
    for (let seed = 1; seed <= 60; seed++) inputs.push(randomBytes(seed * 37, seed));
    for (const magic of [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('GIF89a')], [0x49, 0x49, 0x2a, 0], [0x42, 0x4d]]) {
      for (let seed = 1; seed <= 20; seed++) inputs.push(Buffer.concat([Buffer.from(magic), randomBytes(seed * 53, seed + 1000)]));
    }
    for (let cut = 0; cut < real.length; cut += 97) inputs.push(real.subarray(0, cut));
    for (const input of inputs) {
      const facts = await probeImage(input, { ...HEADER, decode: true });
      expect(facts.bytes).toBe(input.length);
      expect(facts.problem !== undefined || facts.width !== undefined).toBe(true);
    }
  });
});
