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

interface Scenario {
  readonly name: string;
  readonly items: readonly unknown[];
  readonly task: (item: never) => Promise<unknown>;
}

/**
 * Runs every scenario once per round, alternately, so a busy machine slows all of them alike, and
 * keeps each scenario's best round (images per second).
 */
async function measure(scenarios: readonly Scenario[], rounds: number): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (const s of scenarios) await pool(s.items.slice(0, 10), CONCURRENCY, s.task as (item: unknown) => Promise<unknown>); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const s of scenarios) {
      const t0 = performance.now();
      await pool(s.items, CONCURRENCY, s.task as (item: unknown) => Promise<unknown>);
      best.set(s.name, Math.max(best.get(s.name) ?? 0, s.items.length / ((performance.now() - t0) / 1000)));
    }
  }
  return best;
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

// The decode paths take about 100× longer per image: they run on a sixth of the corpus.
const some = images.slice(0, Math.ceil(images.length / 6));
const scenarios: Scenario[] = [
  { name: 'shenjiao checkImage, header path (bytes)', items: images, task: (b: Buffer) => node.checkImage(b) },
  { name: 'shenjiao checkImage, header path (files)', items: paths, task: (p: string) => node.checkImage(p) },
  { name: 'shenjiao checkImage, decode path (bytes)', items: some, task: (b: Buffer) => node.checkImage(b, { decode: true }) },
  { name: 'shenjiao checkImage, decode + blur (bytes)', items: some, task: (b: Buffer) => blurNode.checkImage(b) },
  { name: 'peer: sharp metadata() only', items: images, task: (b: Buffer) => sharp(b, { limitInputPixels: false }).metadata() },
  { name: 'peer: image-size only (pure JS)', items: images, task: async (b: Buffer) => imageSize(b) },
  { name: 'peer: exifr.gps only', items: images, task: (b: Buffer) => exifr.gps(b).catch(() => undefined) },
  { name: 'peer: sharp full decode (raw)', items: some, task: (b: Buffer) => sharp(b).raw().toBuffer() },
];
const best = await measure(scenarios, Number(process.env.ROUNDS ?? 5));
const rows = scenarios.map((s) => ({ name: s.name, perSecond: best.get(s.name)! }));

const bomb = await bombPng(20000);
const t0 = performance.now();
const bombFindings = await node.checkImage(bomb, { decode: true });
const bombMs = performance.now() - t0;
rmSync(dir, { recursive: true, force: true });

const header = rows[0]!.perSecond;
console.log(`best of ${process.env.ROUNDS ?? 5} alternating rounds; corpus: ${images.length} images (decode rows: ${some.length}), ${megabytes.toFixed(1)} MB (JPEG 60%, PNG 20%, WebP 20%; 600–1500 px wide); concurrency ${CONCURRENCY}; sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`);
console.log('| scenario | images/s | vs shenjiao header path |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / header).toFixed(2)}× |`);
console.log(`20000×20000 PNG bomb (${(bomb.length / 1024).toFixed(0)} KB): ${bombMs.toFixed(1)} ms, ${bombFindings.map((f) => `${f.ruleId} (${f.severity})`).join(', ')}, never decoded`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
