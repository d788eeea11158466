import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/inspect/crawl.js';
import { serveSite } from '../helpers/site-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function server(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

/** Follows every href of a page (the crawler's caller decides what a page links). */
const hrefs = (page: { url: string; html: string }) => [...page.html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]!, page.url).href);

describe('crawlSite', () => {
  it('keeps to the site, judges pages by content type and collects attachments', async () => {
    const other = await serveSite({ '/': '<html><body>other site</body></html>' });
    closers.push(() => other.close());
    const site = await serveSite({
      '/': `<html><body><a href="/a.shtml">a</a><a href="/b.jsp?id=1">b</a><a href="/c.php">c</a><a href="/d.pdf">d</a><a href="/download.jsp?id=7">e</a>
<a href="/img.html">f</a><a href="${other.url}">other</a><a href="/logo.png">logo</a><a href="mailto:x@y.z">mail</a></body></html>`,
      '/a.shtml': '<html><body>A</body></html>',
      '/b.jsp?id=1': '<html><body>B</body></html>',
      '/c.php': { type: 'application/xhtml+xml', body: '<html><body>C</body></html>' },
      '/download.jsp?id=7': { type: 'application/pdf', body: '%PDF-1.4' },
      '/img.html': { type: 'image/png', body: 'PNG' },
    });
    closers.push(() => site.close());
    const read: string[] = [];
    const r = await crawlSite(site.url, { allowPrivateNetwork: true, onPage: (p) => (read.push(new URL(p.url).pathname + new URL(p.url).search), hrefs(p)) });
    expect(read.sort()).toEqual(['/', '/a.shtml', '/b.jsp?id=1', '/c.php']);
    expect(r.attachments.map((a) => new URL(a.url).pathname + new URL(a.url).search).sort()).toEqual(['/d.pdf', '/download.jsp?id=7']);
    expect(site.requests).not.toContain('/d.pdf');
    expect(site.requests).not.toContain('/logo.png');
    expect(other.requests).toEqual([]);
  });

  it('obeys robots.txt (Disallow and Crawl-delay) and keeps to the concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const url = await server((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nDisallow: /private/\nCrawl-delay: 0.1\n');
        return;
      }
      starts.push(Date.now());
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(req.url === '/' ? `<html><body>${Array.from({ length: 8 }, (_, i) => `<a href="/p${i}.html">${i}</a>`).join('')}<a href="/private/x.html">x</a></body></html>` : `<html><body>page ${req.url}</body></html>`);
      }, 150);
    });
    const r = await crawlSite(url, { allowPrivateNetwork: true, concurrency: 2, onPage: hrefs });
    expect(r.pages).toBe(9);
    expect(r.robots).toEqual({ found: true, crawlDelay: 0.1 });
    expect(peak).toBeLessThanOrEqual(2);
    expect([...r.records.values()].find((x) => x.url.endsWith('/private/x.html'))?.disallowed).toBe(true);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(70);
  });

  it('retries 503s and dropped connections, gives up on a hanging page at the timeout, stops at the page limit', async () => {
    let flaky = 0;
    const url = await server((req, res) => {
      if (req.url === '/flaky.html' && flaky++ < 2) {
        res.writeHead(503);
        res.end();
        return;
      }
      if (req.url === '/hang.html') return; // never answers
      res.writeHead(req.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html' });
      res.end(req.url === '/' ? '<a href="/flaky.html">f</a><a href="/hang.html">h</a>' + Array.from({ length: 10 }, (_, i) => `<a href="/n${i}.html">n</a>`).join('') : `<html>ok ${req.url}</html>`);
    });
    const r = await crawlSite(url, { allowPrivateNetwork: true, retryDelayMs: 10, retries: 2, timeoutMs: 400, maxPages: 5, onPage: hrefs });
    expect(flaky).toBe(3);
    expect(r.records.get(`${url}flaky.html`)!.status).toBe(200);
    expect(r.records.get(`${url}hang.html`)).toMatchObject({ status: 0, error: 'timeout' });
    expect(r.pages).toBe(5);
    expect(r.skipped).toBeGreaterThan(0);
  });

  it('refuses loopback addresses unless allowed', async () => {
    const site = await serveSite({ '/': '<html>home</html>' });
    closers.push(() => site.close());
    const r = await crawlSite(site.url, { onPage: () => [] });
    expect(r.pages).toBe(0);
    expect(r.records.get(site.url)).toMatchObject({ status: 0, error: 'unsafe' });
    expect(site.requests).toEqual([]);
  });
});
