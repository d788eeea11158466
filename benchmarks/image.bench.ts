import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { createNodeChecker } from '../src/node/index.js';
import { BEIJING_GPS, bombPng } from '../test/fixtures/images/make.js';

/**
 * Images per second for `checkImage` on the header path (default) and the decode path, beside the
 * floors set by the libraries it stands on: sharp's metadata() alone, image-size alone (pure JS
 * header parse), exifr's GPS read, and a full sharp decode. The corpus is made here, deterministic:
 * photo-like JPEGs (some with GPS EXIF), flat PNG graphics and WebP, at article sizes.
 */

const COUNT = Number(process.env.IMAGES ?? 300);
const CONCURRENCY = 8;

async function corpus(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < COUNT; i++) {
    const width = 600 + ((i * 37) % 900);
    const height = 400 + ((i * 53) % 600);
    const kind = i % 5;
    if (kind < 3) {
      let image = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120 + (i % 20), sigma: 25 } } }).jpeg({ quality: 80 });
      if (i % 4 === 0) image = image.withExif(BEIJING_GPS);
      out.push(await image.toBuffer());
    } else if (kind === 3) {
      out.push(await sharp({ create: { width, height, channels: 3, background: { r: i % 255, g: 120, b: 200 } } }).png().toBuffer());
    } else {
      out.push(await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 20 } } }).webp({ quality: 75 }).toBuffer());
    }
  }
  return out;
}

async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

async function rate(name: string, items: readonly unknown[], task: (item: never) => Promise<unknown>, rounds = 3): Promise<{ name: string; perSecond: number }> {
  await pool(items.slice(0, 20), CONCURRENCY, task as (item: unknown) => Promise<unknown>); // warm-up
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await pool(items, CONCURRENCY, task as (item: unknown) => Promise<unknown>);
    best = Math.max(best, items.length / ((performance.now() - t0) / 1000));
  }
  return { name, perSecond: best };
}

const images = await corpus();
const megabytes = images.reduce((s, b) => s + b.length, 0) / 1024 / 1024;
const dir = mkdtempSync(join(tmpdir(), 'shenjiao-image-bench-'));
const paths = images.map((b, i) => {
  const path = join(dir, `${i}.img`);
  writeFileSync(path, b);
  return path;
});
const node = await createNodeChecker();
const blurNode = await createNodeChecker({ rules: { 'image/blurry': 'info' } });

const rows = [
  await rate('shenjiao checkImage, header path (bytes)', images, (b: Buffer) => node.checkImage(b)),
  await rate('shenjiao checkImage, header path (files)', paths, (p: string) => node.checkImage(p)),
  await rate('shenjiao checkImage, decode path (bytes)', images, (b: Buffer) => node.checkImage(b, { decode: true }), 1),
  await rate('shenjiao checkImage, decode + blur (bytes)', images, (b: Buffer) => blurNode.checkImage(b), 1),
  await rate('peer: sharp metadata() only', images, (b: Buffer) => sharp(b, { limitInputPixels: false }).metadata()),
  await rate('peer: image-size only (pure JS)', images, async (b: Buffer) => imageSize(b)),
  await rate('peer: exifr.gps only', images, (b: Buffer) => exifr.gps(b).catch(() => undefined)),
  await rate('peer: sharp full decode (raw)', images, (b: Buffer) => sharp(b).raw().toBuffer(), 1),
];

const bomb = await bombPng(20000);
const t0 = performance.now();
const bombFindings = await node.checkImage(bomb, { decode: true });
const bombMs = performance.now() - t0;
rmSync(dir, { recursive: true, force: true });

const header = rows[0]!.perSecond;
console.log(`corpus: ${images.length} images, ${megabytes.toFixed(1)} MB (JPEG 60%, PNG 20%, WebP 20%; 600–1500 px wide); concurrency ${CONCURRENCY}; sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`);
console.log('| scenario | images/s | vs shenjiao header path |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / header).toFixed(2)}× |`);
console.log(`20000×20000 PNG bomb (${(bomb.length / 1024).toFixed(0)} KB): ${bombMs.toFixed(1)} ms, ${bombFindings.map((f) => `${f.ruleId} (${f.severity})`).join(', ')}, never decoded`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
