import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { findExifTiff, tiffGps } from '../../src/node/exif.js';
import { checkImage } from '../../src/node/image.js';
import { BEIJING_GPS, heic, jpegWithGpsCount, tiffWithGps } from '../fixtures/images/make.js';

const ctx = { core: createChecker() };
const tiffOf = (exif: Buffer) => exif.subarray(exif.indexOf('Exif\0\0', 0, 'latin1') + 6);

describe('the bounded EXIF GPS reader', () => {
  it('reads the position sharp writes, big- and little-endian TIFF', async () => {
    const { exif } = await sharp(await jpegWithGpsCount(3)).metadata();
    const gps = tiffGps(tiffOf(exif!))!;
    expect(gps.latitude).toBeCloseTo(39 + 54 / 60 + 26.4 / 3600, 6);
    expect(gps.longitude).toBeCloseTo(116 + 23 / 60 + 29.4 / 3600, 6);
    const south = tiffGps(tiffWithGps(4, 4, { lat: [33, 52, 4], latRef: 'S', lon: [151, 12, 26], lonRef: 'W' }))!;
    expect(south.latitude).toBeCloseTo(-(33 + 52 / 60 + 4 / 3600), 5);
    expect(south.longitude).toBeCloseTo(-(151 + 12 / 60 + 26 / 3600), 5);
  });

  it('a count of 33,554,431 latitude values reads the three the block holds, and no more', async () => {
    const bytes = await jpegWithGpsCount(33_554_431);
    expect(bytes.length).toBeLessThan(1024);
    const findings = await checkImage(ctx, bytes);
    expect(findings.find((f) => f.ruleId === 'image/exif-location')?.data).toMatchObject({ latitude: 39.907333, longitude: 116.3915 });
  });

  it('values that do not fit in the block, and pointers outside it, are no position', async () => {
    const { exif } = await sharp(await jpegWithGpsCount(3)).metadata();
    const tiff = Buffer.from(tiffOf(exif!));
    const le = tiff[0] === 0x49;
    // Every 4-byte field in turn set to 0xFFFFFFF0: offsets, counts and IFD sizes all point past the end.
    for (let at = 4; at + 4 <= tiff.length; at++) {
      const copy = Buffer.from(tiff);
      if (le) copy.writeUInt32LE(0xfffffff0, at);
      else copy.writeUInt32BE(0xfffffff0, at);
      const gps = tiffGps(copy);
      if (gps) expect(Number.isNaN(gps.latitude) || Math.abs(gps.latitude) < 1e10).toBe(true);
    }
    for (let cut = 0; cut < tiff.length; cut++) expect(() => tiffGps(tiff.subarray(0, cut))).not.toThrow();
  });

  it('finds an EXIF block behind `Exif\\0\\0` in a container it does not walk', async () => {
    const { exif } = await sharp(await jpegWithGpsCount(3)).metadata();
    const inside = Buffer.concat([heic(64, 64), Buffer.from('Exif\0\0junk'), exif!.subarray(exif!.indexOf('Exif\0\0', 0, 'latin1'))]);
    expect(tiffGps(findExifTiff(inside)!)?.latitude).toBeCloseTo(39.907333, 5);
    expect(findExifTiff(Buffer.from('Exif\0\0'.repeat(1000)))).toBeUndefined();
  });
});

describe('hostile EXIF in a process of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-exif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('eight tiny JPEGs each declaring 33,554,431 GPS values: peak memory of the whole process stays under 300 MB', async () => {
    // The reader before issue 17 allocated the declared array: +512 MB for one such image, and a page
    // checks eight at once. Peak RSS is the allocation measure (a fresh Node with sharp starts near 150 MB).
    const file = join(dir, 'hostile.jpg');
    writeFileSync(file, await jpegWithGpsCount(33_554_431));
    const script = `
      const { readFileSync } = await import('node:fs');
      const { checkImage } = await import(${JSON.stringify(new URL('../../src/node/image.ts', import.meta.url).href)});
      const { createChecker } = await import(${JSON.stringify(new URL('../../src/core/checker.ts', import.meta.url).href)});
      const bytes = readFileSync(${JSON.stringify(file)});
      const ctx = { core: createChecker() };
      const all = await Promise.all(Array.from({ length: 8 }, () => checkImage(ctx, bytes)));
      console.log(JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, located: all.every((f) => f.some((x) => x.ruleId === 'image/exif-location')) }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { maxRss: number; located: boolean };
    expect(result.located).toBe(true);
    expect(result.maxRss).toBeLessThan(300 * 1024 * 1024);
  }, 90_000);
});

describe('no library prints', () => {
  it('mutated HEIF, TIFF and JPEG metadata write nothing to the console or stderr', async () => {
    // exifr printed "Using BigInt because of type 64uint…" with console.warn on a HEIF whose iloc box
    // declares 8-byte offsets; the project no longer runs an EXIF library on uploads.
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const corpus = [heic(4032, 3024), tiffWithGps(8, 8, { lat: [1, 2, 3], latRef: 'N', lon: [4, 5, 6], lonRef: 'E' }), await jpegWithGpsCount(3)];
      let seed = 20261206;
      const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
      for (let i = 0; i < 900; i++) {
        const bytes = Buffer.from(corpus[i % corpus.length]!);
        for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        await checkImage(ctx, bytes);
      }
      for (const spy of [...spies, stderr]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, stderr]) spy.mockRestore();
    }
  }, 120_000);

  it('an AVIF whose ispe declares a side past libvips\' limit is judged from its header, and libvips prints nothing', async () => {
    // libvips' HEIF loader wrote "GLib-GObject-CRITICAL **: value "905969712" of type 'gint' is invalid
    // or out of range for property 'width'" straight to file descriptor 2 (found by the fuzz campaign):
    // only a process of its own can see that.
    const avif = Buffer.from(await sharp({ create: { width: 48, height: 32, channels: 3, background: '#888' } }).avif({ effort: 0 }).toBuffer());
    const ispe = avif.indexOf('ispe', 0, 'latin1');
    expect(ispe).toBeGreaterThan(0);
    avif.writeUInt32BE(905_969_712, ispe + 8);
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-avif-'));
    try {
      const file = join(dir, 'wide.avif');
      writeFileSync(file, avif);
      const script = `
        const { readFileSync } = await import('node:fs');
        const { checkImage } = await import(${JSON.stringify(new URL('../../src/node/image.ts', import.meta.url).href)});
        const { createChecker } = await import(${JSON.stringify(new URL('../../src/core/checker.ts', import.meta.url).href)});
        const findings = await checkImage({ core: createChecker() }, readFileSync(${JSON.stringify(file)}), { decode: true });
        process.stdout.write(JSON.stringify(findings.map((f) => f.ruleId)));
      `;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toContain('image/oversized');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('no source file imports an EXIF library', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const root = new URL('../../src', import.meta.url).pathname;
    for (const file of walk(root)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](?:exifr|exif-reader|exifreader)['"]/);
  });
});
