import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { parseHtml } from '../../src/document/html.js';
import { checkImages, type ImageContext, type PageImageOptions } from '../../src/node/image.js';
import type { Finding } from '../../src/types.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';
import { BEIJING_GPS, flat, jpeg } from '../fixtures/images/make.js';

/**
 * How a page's references lead to files: srcset and lazy loading, paths of every shape, sizes the
 * page declares, and the boundary no reference may cross. A local site under a temporary folder:
 *
 *   outside/secret.jpg            (GPS: reading it would show)
 *   site/images/{small,big,thumb,loading.gif,a,b.jpg,会场.jpg,会 场.jpg,scan.tif}
 *   site/images/escape.jpg        → symbolic link to outside/secret.jpg
 *   site/news/2024/page.html      (the page)
 */

const ctx: ImageContext = { core: createChecker() };
let dir: string;
let site: string;
let page: string;
const img = (name: string) => join(site, 'images', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenjiao-page-'));
  site = join(dir, 'site');
  mkdirSync(join(site, 'images'), { recursive: true });
  mkdirSync(join(site, 'news', '2024'), { recursive: true });
  mkdirSync(join(dir, 'outside'), { recursive: true });
  page = join(site, 'news', '2024', 'page.html');
  writeFileSync(join(dir, 'outside', 'secret.jpg'), await jpeg(1200, 800, { exif: BEIJING_GPS }));
  writeFileSync(img('small.jpg'), await jpeg(400, 300));
  writeFileSync(img('big.jpg'), await jpeg(1200, 800));
  writeFileSync(img('thumb.jpg'), await jpeg(250, 180));
  writeFileSync(img('loading.gif'), await flat(1, 1, 'gif'));
  writeFileSync(img('a,b.jpg'), await jpeg(250, 180));
  writeFileSync(img('会场.jpg'), await jpeg(250, 180));
  writeFileSync(img('会 场.jpg'), await jpeg(250, 180));
  writeFileSync(img('scan.tif'), await flat(1200, 800, 'tiff'));
  symlinkSync(join(dir, 'outside', 'secret.jpg'), img('escape.jpg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(html: string, options: PageImageOptions = { page, siteRoot: site }): Promise<Finding[]> {
  const findings = await checkImages(ctx, html, options);
  assertFindingInvariants(html, findings);
  // The file outside the site carries GPS: no reference may ever read it.
  expect(findings.filter((f) => f.ruleId === 'image/exif-location')).toEqual([]);
  return findings;
}
const rows = (findings: readonly Finding[]) =>
  findings.map((f) => [f.ruleId, f.target?.src.replace(site, '<site>') ?? '', (f.data as { kind?: string; width?: number }).kind ?? (f.data as { width?: number }).width ?? null]);

describe('srcset', () => {
  it('judges the widest readable candidate as the image shown, so a small fallback src beside a large srcset passes', async () => {
    expect(await run('<img src="../../images/small.jpg" srcset="../../images/small.jpg 400w, ../../images/big.jpg 1200w" sizes="100vw" alt="会场">')).toEqual([]);
    expect(await run('<img src="../../images/small.jpg" srcset="../../images/big.jpg 2x" alt="会场">')).toEqual([]);
  });
  it('reports a srcset-only image whose candidates are all small once, on the widest', async () => {
    expect(rows(await run('<img srcset="../../images/thumb.jpg 1x, ../../images/small.jpg 2x" alt="会场">'))).toEqual([['image/low-resolution', join('<site>', 'images', 'small.jpg'), 400]]);
  });
  it('keeps commas inside candidate URLs (WHATWG: a URL runs to whitespace)', async () => {
    expect(rows(await run('<img srcset="../../images/a,b.jpg 1x,../../images/missing,1.jpg 2x" alt="x">'))).toEqual([
      ['image/low-resolution', join('<site>', 'images', 'a,b.jpg'), 250],
      ['image/unreadable', join('<site>', 'images', 'missing,1.jpg'), 'not-found'],
    ]);
  });
  it('reports the most severe problem of a tag\'s files, and names the others in the note', async () => {
    // The TIFF alone is a warning (browsers cannot show it); the missing 2x candidate is an error.
    const [f, ...rest] = await run('<img src="../../images/scan.tif" srcset="../../images/gone.jpg 2x, ../../images/gone2.jpg 3x" alt="扫描件">');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'image/unreadable', severity: 'error', data: { kind: 'not-found' } });
    expect(f!.note).toContain('scan.tif');
    expect(f!.note).toContain('gone');
  });
  it('checks every <picture> source for readability, against the source tag', async () => {
    const html = '<picture><source srcset="../../images/gone.webp" type="image/webp"><img src="../../images/big.jpg" alt="会场"></picture>';
    const findings = await run(html);
    expect(rows(findings)).toEqual([['image/unreadable', join('<site>', 'images', 'gone.webp'), 'not-found']]);
    expect(findings[0]!.actual).toBe('<source srcset="../../images/gone.webp" type="image/webp">');
  });
});

describe('lazy loading', () => {
  it('judges the real image behind a placeholder src (data-src, data-original, data-srcset)', async () => {
    for (const attributes of ['data-src="../../images/thumb.jpg"', 'data-original="../../images/thumb.jpg"', 'data-srcset="../../images/thumb.jpg 1x"', 'data-lazy-src="../../images/thumb.jpg"']) {
      const html = `<img src="../../images/loading.gif" ${attributes} alt="会场">`;
      expect(rows(await run(html)), attributes).toEqual([['image/low-resolution', join('<site>', 'images', 'thumb.jpg'), 250]]);
    }
    // WeChat articles: no src at all, and a data: pixel as src.
    expect(rows(await run('<img data-src="../../images/thumb.jpg" alt="会场">'))).toHaveLength(1);
    expect(rows(await run('<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="../../images/big.jpg" alt="会场">'))).toEqual([]);
  });
  it('still reports a placeholder that is missing (a broken icon until the script runs)', async () => {
    expect(rows(await run('<img src="../../images/spinner.gif" data-src="../../images/big.jpg" alt="会场">'))).toEqual([['image/unreadable', join('<site>', 'images', 'spinner.gif'), 'not-found']]);
  });
});

describe('paths', () => {
  it('resolves relative, dot-dot, root-relative, backslash, query and fragment references in the site', async () => {
    for (const src of ['../../images/thumb.jpg', '/images/thumb.jpg', './../../images/thumb.jpg?v=3#top', '..\\..\\images\\thumb.jpg', '/news/../images/./thumb.jpg']) {
      expect(rows(await run(`<img src="${src}" alt="会场">`)), src).toEqual([['image/low-resolution', join('<site>', 'images', 'thumb.jpg'), 250]]);
    }
  });
  it('decodes Chinese file names written raw, percent-encoded as UTF-8, or as GB18030 (older servers)', async () => {
    for (const src of ['/images/会场.jpg', '/images/%E4%BC%9A%E5%9C%BA.jpg', '/images/%BB%E1%B3%A1.jpg', '/images/会 场.jpg', '/images/%E4%BC%9A%20%E5%9C%BA.jpg']) {
      expect(rows(await run(`<img src="${src}" alt="会场">`)), src).toHaveLength(1);
      expect((await run(`<img src="${src}" alt="会场">`))[0]!.ruleId, src).toBe('image/low-resolution');
    }
  });
  it('stops `..` at the site root as a web server does: the file outside is never read', async () => {
    // /news/2024/../../../outside/secret.jpg is /outside/secret.jpg on the server: not in the site.
    expect(rows(await run('<img src="../../../../outside/secret.jpg" alt="x">'))).toEqual([['image/unreadable', join('<site>', 'outside', 'secret.jpg'), 'not-found']]);
    expect(rows(await run('<img src="/../outside/secret.jpg" alt="x">'))).toEqual([['image/unreadable', join('<site>', 'outside', 'secret.jpg'), 'not-found']]);
    // Encoded dots and slashes do not escape either.
    expect(await run('<img src="/%2e%2e/outside/secret.jpg" alt="x">')).toHaveLength(1);
    expect(await run('<img src="/images%2F..%2F..%2Foutside%2Fsecret.jpg" alt="x">')).toEqual([]);
  });
  it('does not follow a symbolic link out of the site', async () => {
    expect(await run('<img src="/images/escape.jpg" alt="x">')).toEqual([]);
  });
  it('without a site root, reads only inside the page folder (or readRoot), and skips root-relative references', async () => {
    const folder = { page };
    expect(await run('<img src="../../images/thumb.jpg" alt="x"><img src="/images/thumb.jpg" alt="x">', folder)).toEqual([]);
    expect(await run('<img src="../../../outside/secret.jpg" alt="x">', folder)).toEqual([]);
    expect(rows(await run('<img src="../../images/thumb.jpg" alt="x">', { page, readRoot: site }))).toEqual([['image/low-resolution', join('<site>', 'images', 'thumb.jpg'), 250]]);
    expect(await run('<img src="../../../outside/secret.jpg" alt="x">', { page, readRoot: site })).toEqual([]);
  });
  it('reports files of the author\'s computer (pasted from Word or WPS) without reading them', async () => {
    for (const src of ['file:///C:/Users/ADMINI~1/AppData/Local/Temp/ksohtml/wps1.jpg', 'C:\\Users\\admin\\Desktop\\会议.jpg', '\\\\fileserver\\share\\a.jpg', `file://${join(dir, 'outside', 'secret.jpg')}`]) {
      const findings = await run(`<p><img src="${src}" alt="会议"></p>`);
      expect(findings.map((f) => [f.ruleId, f.severity, (f.data as { kind: string }).kind]), src).toEqual([['image/unreadable', 'error', 'local-file']]);
      expect(findings[0]!.message).toContain('上传到网站');
    }
  });
  it('skips remote images without network checks, and CSS background images always (decoration, in stylesheets)', async () => {
    expect(await run('<img src="https://www.example.gov.cn/a.jpg" alt="x"><img src="//cdn.example.gov.cn/b.jpg" alt="y">')).toEqual([]);
    expect(await run('<div style="background-image:url(/images/thumb.jpg)">标题</div><table background="/images/thumb.jpg"><tr><td>x</td></tr></table>')).toEqual([]);
  });
});

describe('declared sizes', () => {
  const shown = async (attributes: string) => {
    const [f] = await run(`<p><img src="/images/small.jpg" ${attributes} alt="会场"></p>`);
    return f && { severity: f.severity, ...(f.data as object) };
  };
  it('compares px sizes from attributes and inline style (style wins)', async () => {
    expect(await shown('width="800"')).toMatchObject({ severity: 'warning', shownWidth: 800, scale: 2 });
    expect(await shown('width="800px"')).toMatchObject({ shownWidth: 800 });
    expect(await shown('width="300" style="width: 900px"')).toMatchObject({ shownWidth: 900 });
    expect(await shown('style="height:600PX"')).toMatchObject({ shownHeight: 600, scale: 2 });
    expect(await shown('width="600"')).toBeUndefined();
  });
  it('treats %, em, vw, auto and calc() as unknown: the attribute they override no longer counts', async () => {
    for (const attributes of ['width="80%"', 'width="800" style="width:100%"', 'width="800" style="width: 50em"', 'width="800" style="width:auto"', 'width="800" style="width:calc(100% - 20px)"', 'height="600" style="height:50vw"']) {
      // Unknown display size: the absolute thresholds judge the 400 px photo (a warning, no scale).
      const f = await shown(attributes);
      expect(f, attributes).toMatchObject({ severity: 'warning', width: 400 });
      expect(f, attributes).not.toHaveProperty('scale');
    }
  });
  it('ignores an invalid style value, as CSS does, and keeps the attribute', async () => {
    expect(await shown('width="800" style="width: wide"')).toMatchObject({ shownWidth: 800 });
  });
});

describe('a page already parsed', () => {
  const html = '<div><p>会议现场<img src="/images/small.jpg" width="800" alt="会场"></p><img src="../../images/thumb.jpg" alt=""><img src="/images/none.jpg" alt="缺"></div>';
  it('gives the same findings from the parsed document as from the HTML alone', async () => {
    const alone = await run(html);
    expect(alone.length).toBeGreaterThanOrEqual(2);
    expect(await run(html, { page, siteRoot: site, document: parseHtml(html) })).toEqual(alone);
  });
  it('refuses a document parsed from other text, or not from HTML', async () => {
    await expect(checkImages(ctx, html, { page, siteRoot: site, document: parseHtml(`${html} `) })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(checkImages(ctx, html, { page, siteRoot: site, document: { ...parseHtml(html), kind: 'text' } })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('remote images (network on, 127.0.0.1 only)', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const small = await jpeg(250, 180);
    const big = await jpeg(1200, 800);
    server = createServer((request, response) => {
      const path = request.url ?? '/';
      if (path === '/moved.jpg') {
        response.writeHead(301, { location: '/small.jpg' });
        response.end();
      } else if (path === '/to-metadata.jpg') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
      } else if (path === '/loop.jpg') {
        response.writeHead(302, { location: '/loop.jpg' });
        response.end();
      } else if (path === '/small.jpg' || path === '/big.jpg') {
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        response.end(path === '/small.jpg' ? small : big);
      } else if (path === '/login.jpg') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<html><body>请登录</body></html>');
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const remote = (html: string, extra: PageImageOptions = {}) => checkImages(ctx, html, { page: `${origin}/news/1.html`, network: true, timeout: 3000, allowAddresses: ['127.0.0.1'], ...extra });
  const kinds = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.target?.src.replace(origin, ''), (f.data as { kind?: string }).kind ?? null]);

  it('follows redirects, and names an HTML page served where an image should be', async () => {
    const findings = await remote('<img src="/moved.jpg" alt="a"><img src="/big.jpg" alt="b"><img src="/login.jpg" alt="c"><img src="/loop.jpg" alt="d">');
    expect(kinds(findings)).toEqual([
      ['image/low-resolution', '/moved.jpg', null],
      ['image/unreadable', '/login.jpg', 'unknown-format'],
      ['image/unreadable', '/loop.jpg', 'fetch-failed'],
    ]);
    expect(findings[1]!.message).toContain('网页');
    expect(findings[2]!.message).toContain('重定向');
  });
  it('refuses loopback and metadata addresses unless allowed, on every hop', async () => {
    const refused = await checkImages(ctx, '<img src="/big.jpg" alt="a">', { page: `${origin}/`, network: true, timeout: 3000 });
    expect(kinds(refused)).toEqual([['image/unreadable', '/big.jpg', 'fetch-failed']]);
    expect(refused[0]!.message).toContain('本机回环地址');
    const hop = await remote('<img src="/to-metadata.jpg" alt="a">');
    expect(kinds(hop)).toEqual([['image/unreadable', '/to-metadata.jpg', 'fetch-failed']]);
    expect(hop[0]!.message).toMatch(/元数据|链路本地/);
  });
  it('resolves a scheme-relative reference of a remote page with the page\'s scheme', async () => {
    const findings = await remote(`<img src="//127.0.0.1:${new URL(origin).port}/small.jpg" alt="a">`);
    expect(kinds(findings)).toEqual([['image/low-resolution', '/small.jpg', null]]);
  });
});
