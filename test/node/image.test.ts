import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { ShenjiaoError } from '../../src/errors.js';
import { checkImage, checkImages, type ImageContext } from '../../src/node/image.js';
import type { Config, Finding } from '../../src/types.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';
import { BEIJING_GPS, bmp, bombPng, declaredPng, flat, heic, jpeg, randomBytes, scene } from '../fixtures/images/make.js';

const context = (config?: Config): ImageContext => ({ core: createChecker(config), ...(config ? { config } : {}) });
const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}:${f.severity}`);

describe('checkImage on real bytes', () => {
  const ctx = context();

  it('passes a good 1200×800 photo', async () => {
    expect(await checkImage(ctx, await jpeg(1200, 800))).toEqual([]);
  });
  it('reports a small image as low-resolution and nothing else, as a whole-file finding', async () => {
    const findings = await checkImage(ctx, await jpeg(250, 180), { src: 'upload/1.jpg' });
    expect(brief(findings)).toEqual(['image/low-resolution:error']);
    expect(findings[0]).toMatchObject({ range: [0, 0], actual: '', loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, target: { kind: 'image', src: 'upload/1.jpg' }, data: { width: 250, height: 180, format: 'jpeg' } });
    assertFindingInvariants('', findings);
  });
  it('judges a rotated photo (EXIF orientation 6) by its displayed size', async () => {
    const findings = await checkImage(ctx, await jpeg(1200, 450, { orientation: 6 }));
    expect(brief(findings)).toEqual(['image/low-resolution:warning']);
    expect(findings[0]!.data).toMatchObject({ width: 450, height: 1200 });
  });
  it('reports GPS EXIF with the coordinates, and not EXIF without GPS', async () => {
    const withGps = await checkImage(ctx, await jpeg(1200, 800, { exif: BEIJING_GPS }));
    expect(brief(withGps)).toEqual(['image/exif-location:warning']);
    expect(withGps[0]!.data).toMatchObject({ latitude: 39.907333, longitude: 116.3915 });
    expect(await checkImage(ctx, await jpeg(1200, 800, { exif: { IFD0: { Make: 'camera', Copyright: '某市融媒体中心' } } }))).toEqual([]);
  });
  it('reports a truncated JPEG and a truncated PNG as unreadable, only', async () => {
    const photo = await jpeg(1200, 900);
    expect(brief(await checkImage(ctx, photo.subarray(0, photo.length * 0.7)))).toEqual(['image/unreadable:error']);
    const small = await jpeg(200, 100);
    expect(brief(await checkImage(ctx, small.subarray(0, small.length - 10)))).toEqual(['image/unreadable:error']);
    const png = await sharp(await jpeg(800, 600)).png().toBuffer();
    expect(brief(await checkImage(ctx, png.subarray(0, png.length - 12)))).toEqual(['image/unreadable:error']);
  });
  it('reports an empty file and random bytes as unreadable', async () => {
    const [empty] = await checkImage(ctx, new Uint8Array(0));
    expect(empty).toMatchObject({ ruleId: 'image/unreadable', data: { kind: 'empty' } });
    const [noise] = await checkImage(ctx, randomBytes(4096, 42));
    expect(noise).toMatchObject({ ruleId: 'image/unreadable', data: { kind: 'unknown-format' } });
  });
  it('never crashes or hangs on random or truncated bytes (header and decode paths)', async () => {
    const real = await jpeg(320, 240, { exif: BEIJING_GPS });
    const png = await flat(320, 240, 'png');
    const inputs = [
      ...Array.from({ length: 80 }, (_, i) => randomBytes(1 + i * 61, i + 1)),
      ...Array.from({ length: 40 }, (_, i) => real.subarray(0, Math.floor((real.length * i) / 40))),
      ...Array.from({ length: 20 }, (_, i) => png.subarray(0, Math.floor((png.length * i) / 20))),
    ];
    for (const input of inputs) {
      for (const decode of [false, true]) {
        const findings = await checkImage(ctx, input, { decode });
        assertFindingInvariants('', findings);
        for (const f of findings) expect(f.ruleId).toMatch(/^image\//);
      }
    }
  });
  it('reports a declared-huge PNG and a real 20000×20000 bomb as oversized without decoding them', async () => {
    const declared = await checkImage(ctx, declaredPng(100000, 100000), { decode: true });
    expect(brief(declared)).toEqual(['image/oversized:error']);
    expect(declared[0]!.data).toMatchObject({ pixels: 1e10, bomb: true });
    const bomb = await checkImage(ctx, await bombPng(20000), { decode: true });
    expect(brief(bomb)).toEqual(['image/oversized:error']);
  });
  it('reports bytes over the configured limit as oversized (warning)', async () => {
    const photo = await jpeg(1200, 800, { quality: 95 });
    const findings = await checkImage(context({ rules: { 'image/oversized': ['warning', { maxBytes: 100_000 }] } }), photo);
    expect(brief(findings)).toEqual(['image/oversized:warning']);
    expect(findings[0]!.data).toMatchObject({ bytes: photo.length, maxBytes: 100_000, bomb: false });
  });
  it('reads a BMP (which sharp cannot) from its header', async () => {
    expect(await checkImage(ctx, bmp(800, 600))).toEqual([]);
    const small = await checkImage(ctx, bmp(200, 100));
    expect(brief(small)).toEqual(['image/low-resolution:error']);
    expect(small[0]!.data).toMatchObject({ format: 'bmp', width: 200, height: 100 });
  });
  it('reads a HEIC (HEVC, which the prebuilt libvips cannot decode) from its header', async () => {
    const photo = heic(4032, 3024);
    expect(await checkImage(ctx, photo)).toEqual([]);
    expect(await checkImage(ctx, photo, { decode: true })).toEqual([]);
    const [cut] = await checkImage(ctx, photo.subarray(0, photo.length - 10));
    expect(cut).toMatchObject({ ruleId: 'image/unreadable', data: { kind: 'truncated', format: 'heif' } });
  });
  it('finds corrupt scan data only on the decode path', async () => {
    const broken = Buffer.from(await jpeg(800, 600));
    broken.fill(0, Math.floor(broken.length * 0.4), Math.floor(broken.length * 0.6));
    expect(await checkImage(ctx, broken)).toEqual([]);
    const decoded = await checkImage(ctx, broken, { decode: true });
    expect(brief(decoded)).toEqual(['image/unreadable:error']);
    expect(decoded[0]!.data).toMatchObject({ kind: 'corrupt' });
  });
  it('measures blur when image/blurry is on, and leaves sharp photos and flat graphics alone', async () => {
    const photo = await scene(1200, 800);
    const soft = await sharp(photo).blur(3).jpeg().toBuffer();
    expect(await checkImage(ctx, soft)).toEqual([]);
    const blur = context({ rules: { 'image/blurry': 'info' } });
    const findings = await checkImage(blur, soft);
    expect(brief(findings)).toEqual(['image/blurry:info']);
    expect(await checkImage(blur, photo)).toEqual([]);
    expect(await checkImage(blur, await flat(1200, 800, 'png'))).toEqual([]);
  });
  it('follows the config: a rule turned off reports nothing', async () => {
    expect(await checkImage(context({ rules: { 'image/low-resolution': 'off' } }), await jpeg(250, 180))).toEqual([]);
  });

  describe('from a path', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'shenjiao-image-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the file and names it in target.src', async () => {
      const path = join(dir, 'small.jpg');
      writeFileSync(path, await jpeg(250, 180));
      const [f] = await checkImage(ctx, path);
      expect(f).toMatchObject({ ruleId: 'image/low-resolution', target: { kind: 'image', src: path } });
    });
    it('reads only the head of a file too large to hold, and reports its true size', async () => {
      const path = join(dir, 'huge.jpg');
      writeFileSync(path, await jpeg(1200, 800));
      truncateSync(path, 80 * 1024 * 1024); // sparse: the file system stores no zeros
      const findings = await checkImage(ctx, path);
      expect(findings.map((f) => f.ruleId)).toEqual(['image/oversized']);
      expect(findings[0]!.data).toMatchObject({ bytes: 80 * 1024 * 1024, bomb: false });
    });
    it('throws invalid-input for a missing file or a folder', async () => {
      await expect(checkImage(ctx, join(dir, 'nope.jpg'))).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(checkImage(ctx, dir)).rejects.toBeInstanceOf(ShenjiaoError);
    });
  });
});

describe('checkImages on an HTML page', () => {
  let dir: string;
  let page: string;
  const ctx = context();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shenjiao-page-'));
    page = join(dir, 'news', 'index.html');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'news', 'img'), { recursive: true });
    mkdirSync(join(dir, 'static'), { recursive: true });
    writeFileSync(join(dir, 'news', 'img', 'small.jpg'), await jpeg(400, 300));
    writeFileSync(join(dir, 'news', 'img', 'big.jpg'), await jpeg(1200, 800));
    writeFileSync(join(dir, 'news', 'img', 'gps.jpg'), await jpeg(1200, 800, { exif: BEIJING_GPS }));
    writeFileSync(join(dir, 'news', 'img', 'thumb.jpg'), await jpeg(200, 150));
    writeFileSync(join(dir, 'news', 'img', 'icon.png'), await flat(32, 32, 'png'));
    writeFileSync(join(dir, 'news', 'img', 'scan.tif'), await flat(1200, 800, 'tiff'));
    writeFileSync(join(dir, 'news', 'img', 'phone.heic'), heic(4032, 3024));
    writeFileSync(join(dir, 'news', 'img', '会场.jpg'), await jpeg(280, 200));
    const cut = await jpeg(1200, 800);
    writeFileSync(join(dir, 'news', 'img', 'cut.jpg'), cut.subarray(0, cut.length >> 1));
    writeFileSync(join(dir, 'static', 'logo.jpg'), await jpeg(250, 180));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const tagOf = (html: string, f: Finding) => html.slice(f.range[0], f.range[1]);

  it('reports each image against its own <img> tag with the resolved path', async () => {
    const html = [
      '<p>正文</p>',
      '<p><img src="img/small.jpg" width="800" alt="会场"></p>',
      '<p><img src="img/big.jpg" style="width: 900px" alt="会场全景"></p>',
      '<p><img src="img/gps.jpg" alt="现场"></p>',
      '<p><img src="img/missing.png" alt="缺图"></p>',
      '<p><img src="./img/cut.jpg?v=2#x" alt="残图"></p>',
    ].join('\n');
    const findings = await checkImages(ctx, html, { page });
    assertFindingInvariants(html, findings);
    expect(findings.map((f) => [f.ruleId, tagOf(html, f), f.target?.src])).toEqual([
      ['image/low-resolution', '<img src="img/small.jpg" width="800" alt="会场">', join(dir, 'news', 'img', 'small.jpg')],
      ['image/exif-location', '<img src="img/gps.jpg" alt="现场">', join(dir, 'news', 'img', 'gps.jpg')],
      ['image/unreadable', '<img src="img/missing.png" alt="缺图">', join(dir, 'news', 'img', 'missing.png')],
      ['image/unreadable', '<img src="./img/cut.jpg?v=2#x" alt="残图">', join(dir, 'news', 'img', 'cut.jpg')],
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', data: { width: 400, shownWidth: 800, scale: 2 }, loc: { start: { line: 2, column: 4 } } });
    expect(findings[2]).toMatchObject({ data: { kind: 'not-found' } });
  });
  it('leaves linked thumbnails, icons and decorative images to their declared use', async () => {
    const html = '<a href="a.html"><img src="img/thumb.jpg" alt="新闻标题"></a><img src="img/icon.png" alt="打印"><img src="img/thumb.jpg" alt="">';
    expect(await checkImages(ctx, html, { page })).toEqual([]);
    expect(brief(await checkImages(ctx, '<p><img src="img/thumb.jpg" alt="会场"></p>', { page }))).toEqual(['image/low-resolution:error']);
  });
  it('checks srcset candidates, lazy-load data-src and data: URLs', async () => {
    const truncatedPng = (await flat(300, 300, 'png')).subarray(0, 40).toString('base64');
    const html = [
      '<img src="img/big.jpg" srcset="img/big.jpg 1x, img/cut.jpg 2x" alt="a">',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="img/missing.jpg" alt="b">',
      `<img src="data:image/png;base64,${truncatedPng}" alt="c">`,
    ].join('\n');
    const findings = await checkImages(ctx, html, { page });
    expect(findings.map((f) => [f.ruleId, f.loc.start.line, f.target?.src.replace(dir, '<dir>')])).toEqual([
      ['image/unreadable', 1, join('<dir>', 'news', 'img', 'cut.jpg')],
      ['image/unreadable', 2, join('<dir>', 'news', 'img', 'missing.jpg')],
      ['image/unreadable', 3, 'data:image/png;base64,…'],
    ]);
  });
  it('checks <picture> sources against their own tag, and Chinese and percent-encoded file names', async () => {
    const html = '<picture><source srcset="img/cut.jpg 2x" type="image/jpeg"><img src="img/big.jpg" alt="a"></picture><img src="img/会场.jpg" alt="b"><img src="img/%E4%BC%9A%E5%9C%BA.jpg" alt="c">';
    const findings = await checkImages(ctx, html, { page });
    expect(findings.map((f) => [f.ruleId, tagOf(html, f)])).toEqual([
      ['image/unreadable', '<source srcset="img/cut.jpg 2x" type="image/jpeg">'],
      ['image/low-resolution', '<img src="img/会场.jpg" alt="b">'],
      ['image/low-resolution', '<img src="img/%E4%BC%9A%E5%9C%BA.jpg" alt="c">'],
    ]);
    expect(findings[1]!.target?.src).toBe(join(dir, 'news', 'img', '会场.jpg'));
  });
  it('warns about TIFF and HEIC on a page (Chrome, Edge and Firefox cannot show them)', async () => {
    const [tiff] = await checkImages(ctx, '<img src="img/scan.tif" alt="扫描件">', { page });
    expect(tiff).toMatchObject({ ruleId: 'image/unreadable', severity: 'warning', data: { kind: 'browser-unsupported', format: 'tiff' } });
    const [photo] = await checkImages(ctx, '<img src="img/phone.heic" alt="手机原图">', { page });
    expect(photo).toMatchObject({ ruleId: 'image/unreadable', severity: 'warning', data: { kind: 'browser-unsupported', format: 'heif' } });
  });
  it('resolves root-relative references only against a given site root', async () => {
    const html = '<img src="/static/logo.jpg" alt="标志">';
    expect(await checkImages(ctx, html, { page })).toEqual([]);
    const [f] = await checkImages(ctx, html, { page, siteRoot: dir });
    expect(f).toMatchObject({ ruleId: 'image/low-resolution', target: { src: join(dir, 'static', 'logo.jpg') } });
  });
  it('resolves against <base href>', async () => {
    const html = '<head><base href="../news/img/"></head><body><img src="small.jpg" width="800" alt="a"></body>';
    const [f] = await checkImages(ctx, html, { page: join(dir, 'static', 'page.html'), siteRoot: dir });
    expect(f).toMatchObject({ ruleId: 'image/low-resolution', target: { src: join(dir, 'news', 'img', 'small.jpg') } });
  });
  it('skips remote images unless network checks are on, and references it cannot read', async () => {
    const html = '<img src="http://127.0.0.1:9/a.jpg" alt="a"><img src="javascript:void(0)"><img src="" alt="x"><img src="#top" alt="y">';
    expect(await checkImages(ctx, html, { page })).toEqual([]);
    expect(await checkImages(ctx, '<img src="img/missing.png" alt="a">')).toEqual([]);
    // A file: URL names a file of the author's machine: no visitor can load it, and it is never read.
    const local = `<img src="file://${join(dir, 'news', 'img', 'small.jpg')}" width="900" alt="a">`;
    for (const where of [{ page: 'https://www.example.gov.cn/', network: true }, { page }]) {
      const findings = await checkImages(ctx, local, where);
      expect(findings.map((f) => [f.ruleId, (f.data as { kind: string }).kind, (f.data as { bytes: number }).bytes])).toEqual([['image/unreadable', 'local-file', 0]]);
    }
  });
  it('handles thousands of references and a megabyte srcset', async () => {
    const html = `${'<img src="img/missing.png" alt="x">'.repeat(5000)}<img srcset="${' , '.repeat(300_000)}img/cut.jpg 2x" alt="y">`;
    const findings = await checkImages(ctx, html, { page });
    expect(findings).toHaveLength(5001);
    expect(new Set(findings.map((f) => f.target?.src)).size).toBe(2);
  });
  it('survives malformed markup', async () => {
    const html = '<img src="img/small.jpg" width="800"<p><img src=img/missing.png alt=x><img src="img/gps.jpg';
    const findings = await checkImages(ctx, html, { page });
    assertFindingInvariants(html, findings);
  });
});

describe('checkImages with network checks (127.0.0.1 only)', () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    const small = await jpeg(250, 180);
    const good = await jpeg(1200, 800);
    server = createServer((request, response) => {
      const path = request.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      // Only the bounded-concurrency case counts requests in flight (an aborted slow request may linger).
      const counted = path.startsWith('/many/');
      if (counted) inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const send = (status: number, body: Buffer | string, type = 'image/jpeg') => {
        if (counted) inFlight--;
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      };
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (name === 'slow.jpg') setTimeout(() => send(200, good), 1500);
      else if (path.startsWith('/many/')) setTimeout(() => send(200, good), 40);
      else if (name === 'small.jpg') send(200, small);
      else if (name === 'good.jpg') send(200, good);
      else if (name === 'page.jpg') send(200, '<html>登录</html>', 'text/html');
      else send(404, 'not found', 'text/plain');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches remote images relative to the page URL and reports what is wrong', async () => {
    const html = '<img src="small.jpg" alt="a"><img src="/good.jpg" alt="b"><img src="gone.jpg" alt="c"><img src="page.jpg" alt="d"><img src="slow.jpg" alt="e">';
    const findings = await checkImages(context(), html, { page: `${base}/news/`, network: true, timeout: 500, allowAddresses: ['127.0.0.1'] });
    expect(findings.map((f) => [f.ruleId, f.target?.src, (f.data as { kind?: string }).kind ?? null])).toEqual([
      ['image/low-resolution', `${base}/news/small.jpg`, null],
      ['image/unreadable', `${base}/news/gone.jpg`, 'fetch-failed'],
      ['image/unreadable', `${base}/news/page.jpg`, 'unknown-format'],
      ['image/unreadable', `${base}/news/slow.jpg`, 'fetch-failed'],
    ]);
    expect(hits.get('/good.jpg')).toBe(1);
    expect(findings[1]!.message).toContain('404');
    expect(findings[3]!.message).toContain('超时');
  });
  it('reads absolute URLs, fetches each image once, and keeps the number in flight bounded', async () => {
    const html = [`<img src="${base}/small.jpg" alt="a">`, `<img src="${base}/small.jpg" alt="b">`, ...Array.from({ length: 12 }, (_, i) => `<img src="${base}/many/${i}.jpg" alt="m">`)].join('');
    hits.clear();
    maxInFlight = 0;
    const findings = await checkImages(context(), html, { network: true, concurrency: 3, allowAddresses: ['127.0.0.1'] });
    expect(brief(findings)).toEqual(['image/low-resolution:error', 'image/low-resolution:error']);
    expect(hits.get('/small.jpg')).toBe(1);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });
});
