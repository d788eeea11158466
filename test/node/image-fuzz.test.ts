import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { checkImage, checkImages, type ImageContext } from '../../src/node/image.js';
import type { Finding } from '../../src/types.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';
import { BEIJING_GPS, bmpVariant, flat, heic, ico, jpeg, jpegWithThumbnail, randomBytes } from '../fixtures/images/make.js';
import { rng } from '../../scripts/fuzz/generators.js';

/**
 * Fuzzing with a fixed seed: random bytes, random bytes behind every magic number, every kind of
 * real file cut at random points, overwritten at random bytes and spliced. Each case must end in
 * findings of the image rules (never a throw, a hang or an unhandled rejection); a file cut short
 * must be unreadable. A failing case names its seed and index, so it replays.
 */

const SEED = 20240601;
const ctx: ImageContext = { core: createChecker() };
const RULES = new Set(['image/unreadable', 'image/low-resolution', 'image/exif-location', 'image/oversized']);
const KINDS = new Set(['empty', 'unknown-format', 'truncated', 'corrupt', 'unsupported']);


const MAGICS: readonly number[][] = [
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [...Buffer.from('GIF89a')],
  [...Buffer.from('RIFF'), 0x40, 0, 0, 0, ...Buffer.from('WEBP')],
  [0x42, 0x4d],
  [0x49, 0x49, 0x2a, 0],
  [0x4d, 0x4d, 0, 0x2a],
  [0, 0, 0, 0x18, ...Buffer.from('ftypheic')],
  [0, 0, 0, 0x1c, ...Buffer.from('ftypavif')],
  [0, 0, 1, 0, 1, 0],
  [...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">')],
];

/** Runs `work`, failing with `label` if it has not settled in 20 s (a hang, not a slow case). */
async function settled<T>(label: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${label}`)), 20_000);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function typed(label: string, findings: readonly Finding[]): void {
  assertFindingInvariants('', findings);
  for (const f of findings) {
    expect(RULES.has(f.ruleId), `${label}: ${f.ruleId}`).toBe(true);
    if (f.ruleId === 'image/unreadable') expect(KINDS.has((f.data as { kind: string }).kind), `${label}: ${JSON.stringify(f.data)}`).toBe(true);
  }
}

const unreadable = (findings: readonly Finding[]) => findings.some((f) => f.ruleId === 'image/unreadable');

describe('fuzz: bytes', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let corpus: { name: string; bytes: Buffer; cutsFail: boolean }[];

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    const frames = await Promise.all([0, 1, 2].map((i) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 80 * i, g: 10, b: 10 } } }).png().toBuffer()));
    const noise = sharp({ create: { width: 96, height: 64, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
    corpus = [
      { name: 'jpeg+gps', bytes: await jpeg(96, 64, { exif: BEIJING_GPS }), cutsFail: true },
      { name: 'jpeg progressive', bytes: await noise.clone().jpeg({ progressive: true }).toBuffer(), cutsFail: true },
      { name: 'jpeg+thumbnail', bytes: (await jpegWithThumbnail(96, 64)).bytes, cutsFail: true },
      { name: 'png', bytes: await noise.clone().png().toBuffer(), cutsFail: true },
      { name: 'png interlaced', bytes: await noise.clone().png({ progressive: true }).withExif(BEIJING_GPS).toBuffer(), cutsFail: true },
      // A GIF cut between two frames still shows the frames before the cut: not asserted.
      { name: 'gif animated', bytes: await sharp(frames, { join: { animated: true } }).gif().toBuffer(), cutsFail: false },
      { name: 'webp', bytes: await noise.clone().webp().withExif(BEIJING_GPS).toBuffer(), cutsFail: true },
      { name: 'avif', bytes: await noise.clone().avif({ effort: 0 }).toBuffer(), cutsFail: true },
      { name: 'tiff', bytes: await noise.clone().tiff().toBuffer(), cutsFail: true },
      { name: 'bmp', bytes: bmpVariant(96, 64, { bits: 8 }), cutsFail: true },
      { name: 'heic', bytes: heic(4032, 3024), cutsFail: true },
      { name: 'ico', bytes: ico([{ png: await flat(16, 16, 'png'), side: 16 }]), cutsFail: true },
      { name: 'svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64"><rect width="9" height="9"/><text x="1" y="9">审校</text></svg>'), cutsFail: true },
    ];
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
  });

  it(`random and damaged bytes on the header path (seed ${SEED}, 3000 cases)`, async () => {
    const random = rng(SEED);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let cuts = 0;
    for (let i = 0; i < 3000; i++) {
      const mode = i % 6;
      let bytes: Buffer;
      let mustFail = false;
      let label: string;
      if (mode === 0) {
        bytes = randomBytes(Math.floor(random() * 20_000), SEED + i);
        label = `random ${bytes.length}`;
        mustFail = true;
      } else if (mode === 1) {
        bytes = Buffer.concat([Buffer.from(pick(MAGICS)), randomBytes(Math.floor(random() * 5000), SEED + i)]);
        label = `magic+random ${bytes.length}`;
      } else if (mode === 2 || mode === 3) {
        const real = pick(corpus);
        const keep = Math.floor(random() * real.bytes.length);
        bytes = real.bytes.subarray(0, keep);
        label = `${real.name} cut to ${keep}/${real.bytes.length}`;
        mustFail = real.cutsFail;
        cuts++;
      } else if (mode === 4) {
        const real = pick(corpus);
        bytes = Buffer.from(real.bytes);
        const n = 1 + Math.floor(random() * 16);
        for (let k = 0; k < n; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        label = `${real.name} with ${n} bytes overwritten`;
      } else {
        const real = pick(corpus);
        const a = Math.floor(random() * real.bytes.length);
        const b = Math.floor(random() * real.bytes.length);
        const [from, to] = a < b ? [a, b] : [b, a];
        // Splice: drop a stretch, or repeat it.
        bytes = random() < 0.5 ? Buffer.concat([real.bytes.subarray(0, from), real.bytes.subarray(to)]) : Buffer.concat([real.bytes.subarray(0, to), real.bytes.subarray(from)]);
        label = `${real.name} spliced ${from}..${to}`;
      }
      const where = `case ${i} (seed ${SEED}): ${label}`;
      const findings = await settled(where, checkImage(ctx, bytes));
      typed(where, findings);
      if (mustFail) expect(unreadable(findings), where).toBe(true);
    }
    expect(cuts).toBeGreaterThan(900);
    expect(rejections).toEqual([]);
  }, 300_000);

  it(`damaged bytes on the decode path (seed ${SEED + 1}, 300 cases)`, async () => {
    const random = rng(SEED + 1);
    for (let i = 0; i < 300; i++) {
      const real = corpus[i % corpus.length]!;
      const bytes = Buffer.from(real.bytes);
      if (i % 2 === 0) {
        const n = 1 + Math.floor(random() * 32);
        for (let k = 0; k < n; k++) bytes[Math.floor(bytes.length * (0.2 + 0.8 * random()))] = Math.floor(random() * 256);
      }
      const keep = i % 2 === 0 ? bytes.length : Math.floor(random() * bytes.length);
      const where = `case ${i} (seed ${SEED + 1}): ${real.name} ${i % 2 === 0 ? 'overwritten' : `cut to ${keep}`}`;
      const findings = await settled(where, checkImage(ctx, bytes.subarray(0, keep), { decode: true }));
      typed(where, findings);
      if (i % 2 === 1 && real.cutsFail) expect(unreadable(findings), where).toBe(true);
    }
    expect(rejections).toEqual([]);
  }, 300_000);
});

describe('fuzz: pages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shenjiao-fuzz-'));
    mkdirSync(join(dir, 'site', 'a'), { recursive: true });
    writeFileSync(join(dir, 'site', 'a', 'x.jpg'), await jpeg(96, 64));
    // The one file outside the site carries GPS: reading it would show as image/exif-location.
    writeFileSync(join(dir, 'outside.jpg'), await jpeg(96, 64, { exif: BEIJING_GPS }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`random references, srcsets and sizes never throw or leave the site (seed ${SEED + 2}, 600 pages)`, async () => {
    const random = rng(SEED + 2);
    const pieces = ['x.jpg', '../x.jpg', '../../outside.jpg', '/a/x.jpg', '%2e%2e/%2e%2e/outside.jpg', '..%2F..%2Foutside.jpg', 'a%00.jpg', '%E4%BC', '%BB%E1', '?', '#', ',', ' ', '1x', '800w', '2.5x', '(', ')', 'data:image/png;base64,iVBOR', 'data:,', 'file:///etc/passwd', 'C:\\a.jpg', '\\\\srv\\a.jpg', '//', 'http://[::1', 'javascript:', '\u0000', '\ud800', '会场.jpg', '&amp;', '&#x2F;'];
    const draw = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const page = join(dir, 'site', 'a', 'index.html');
    for (let i = 0; i < 600; i++) {
      const html = `<img src="${draw(1 + (i % 4))}" srcset="${draw(i % 7)}" data-src="${draw(i % 3)}" width="${draw(1)}" style="width:${draw(1)}" alt="x"><picture><source srcset="${draw(3)}"><img src="${draw(2)}"></picture>`;
      const where = `page ${i} (seed ${SEED + 2}): ${html}`;
      const findings = await settled(where, checkImages(ctx, html, { page, siteRoot: join(dir, 'site') }));
      assertFindingInvariants(html, findings);
      // Nothing outside the site is ever read.
      expect(findings.filter((f) => f.ruleId === 'image/exif-location'), where).toEqual([]);
      for (const f of findings) {
        const src = f.target?.src ?? '';
        if ((f.data as { kind?: string }).kind !== 'local-file' && !src.startsWith('data:')) expect(src === join(dir, 'site') || src.startsWith(join(dir, 'site', sep)), `${where} → ${src}`).toBe(true);
      }
    }
  }, 120_000);
});
