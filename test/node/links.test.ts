import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPageLinks, retryAfterMs, type LinkCheckOptions, type LinkResult } from '../../src/node/links.js';
import { unsafeAddress, unsafeHostname } from '../../src/node/links-safety.js';
import { createNodeChecker } from '../../src/node/index.js';
import type { Finding } from '../../src/types.js';

// A real HTTP server on 127.0.0.1, started by the tests. Every URL the tests check resolves to it
// (through the injected resolver below) or is refused before any connection: no other address is
// ever contacted, and no real DNS resolver is asked.

let server: Server;
/** 16 MB of markup compressed to a few KB, made on first use: decompression must stop at maxBodyBytes. */
let bomb: Buffer | undefined;
let port = 0;
const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
const hostInFlight = new Map<string, number>();
const hostMax = new Map<string, number>();

const html = (title: string, body: string, charset = 'utf-8') =>
  `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}</title></head><body>${body}</body></html>`;

function send(res: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  const key = `${req.method} ${path}`;
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  const pathHits = (hits.get(path) ?? 0) + 1;
  hits.set(path, pathHits);
  const host = req.headers.host ?? '';
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  hostInFlight.set(host, (hostInFlight.get(host) ?? 0) + 1);
  hostMax.set(host, Math.max(hostMax.get(host) ?? 0, hostInFlight.get(host)!));
  res.on('close', () => {
    inFlight--;
    hostInFlight.set(host, hostInFlight.get(host)! - 1);
  });

  if (path === '/' || path === '/ok' || path === '/index.html') return send(res, 200, html('某某市人民政府', '<p>首页内容</p>'.repeat(50)));
  if (path === '/r1') return send(res, 301, '', { location: '/r2' });
  if (path === '/r2') return send(res, 302, '', { location: `http://127.0.0.1:${port}/ok` });
  if (path === '/loop-a') return send(res, 302, '', { location: '/loop-b' });
  if (path === '/loop-b') return send(res, 301, '', { location: '/loop-a' });
  if (path.startsWith('/chain/')) return send(res, 302, '', { location: `/chain/${Number(path.slice(7)) + 1}` });
  if (path === '/404') return send(res, 404, html('404', '未找到'));
  if (path === '/410') return send(res, 410, 'gone');
  if (path === '/400') return send(res, 400, 'bad');
  if (path === '/500') return send(res, 500, 'error');
  if (path === '/flaky-503') return pathHits <= 1 ? send(res, 503, 'busy', { 'retry-after': '1' }) : send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  if (path === '/flaky-429') return pathHits <= 1 ? send(res, 429, 'slow down', { 'retry-after': '1' }) : send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  if (path === '/429-long') return send(res, 429, 'slow down', { 'retry-after': '3600' });
  if (path === '/slow') {
    const t = setTimeout(() => send(res, 200, html('慢', '慢')), 5_000);
    res.on('close', () => clearTimeout(t));
    return;
  }
  if (path === '/delay') {
    const t = setTimeout(() => send(res, 200, html('正常', '<p>正文</p>'.repeat(50))), 30);
    res.on('close', () => clearTimeout(t));
    return;
  }
  if (path === '/soft-text') return send(res, 200, html('某某市人民政府', '<div class="err"><p>抱歉，您访问的页面不存在或已被删除！</p><a href="/">返回首页</a></div>'));
  if (path === '/soft-title') return send(res, 200, html('404 Not Found', '<h1>Not Found</h1>'));
  if (path === '/soft-gbk') {
    res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
    return void res.end(req.method === 'HEAD' ? undefined : iconv.encode(html('提示信息', '<p>对不起，该信息不存在！</p>', 'gbk'), 'gbk'));
  }
  if (path === '/soft-gzip') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    return void res.end(req.method === 'HEAD' ? undefined : gzipSync(html('提示', '<p>页面走丢了</p>')));
  }
  if (path === '/doc-404-title') return send(res, 200, html('关于印发某某办法的通知（某政发〔2024〕404号）', '<p>各区县人民政府：</p>'.repeat(200)));
  if (path === '/reply') return send(res, 200, html('留言回复', '<p>经核查，您反映的问题内容不存在违规情况。该许可信息已撤销的原因见附件。</p>'));
  if (path === '/expired-notice') return send(res, 200, html('关于报名的通知', '<p>本期报名信息已过期，请关注下期通知。</p>'));
  if (path === '/page-404') return send(res, 200, html('第404页', '<p>正文</p>'.repeat(50)));
  if (path === '/old/article.html') return send(res, 302, '', { location: '/index.html' });
  if (path === '/refresh-home') return send(res, 200, '<html><head><meta http-equiv="refresh" content="0;url=/"></head><body></body></html>');
  if (path === '/waf-412') return send(res, 412, '<script>$_ts=window["$_ts"];</script>');
  if (path === '/waf-403') return send(res, 403, html('安全验证', '<p>请完成安全验证后继续访问</p>'));
  if (path === '/jsl-521') return send(res, 521, '<script>document.cookie=("_"+"_jsl_clearance_s=1");location.href=location.pathname</script>');
  if (path === '/yunsuo-403') return send(res, 403, html('访问被拦截', '<p>您的访问被网站防火墙拦截</p>'), { server: 'yunsuo' });
  if (path === '/cf') return send(res, 503, html('Just a moment...', '...'), { server: 'cloudflare' });
  if (path === '/forbidden') return send(res, 403, 'Forbidden', { 'content-type': 'text/plain' });
  if (path === '/401') return send(res, 401, 'login', { 'www-authenticate': 'Basic realm="x"' });
  if (path === '/head-405') return req.method === 'HEAD' ? send(res, 405, '') : send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  if (path === '/head-404') return req.method === 'HEAD' ? send(res, 404, '') : send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  if (path === '/head-hangs') {
    if (req.method === 'HEAD') return; // never answers HEAD (a firewall that drops it)
    return send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  }
  if (path === '/head-ok-get-404') return req.method === 'HEAD' ? send(res, 200, '') : send(res, 404, html('404', '未找到'));
  if (path === '/reset') return void req.socket.destroy();
  if (path === '/reset-once') return pathHits <= 1 ? void req.socket.destroy() : send(res, 200, html('正常', '<p>正文</p>'.repeat(50)));
  if (path === '/to-private') return send(res, 302, '', { location: 'http://10.1.2.3/admin' });
  if (path === '/to-metadata') return send(res, 302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
  if (path === '/to-decimal-private') return send(res, 302, '', { location: 'http://167772161/admin' });
  if (path === '/to-mapped-metadata') return send(res, 301, '', { location: 'http://[::ffff:a9fe:a9fe]/latest/' });
  if (path === '/to-v6-loopback') return send(res, 302, '', { location: `http://[::1]:${port}/ok` });
  if (path === '/to-file') return send(res, 302, '', { location: 'file:///etc/passwd' });
  if (path === '/endless') {
    // A 200 page whose body never ends: the reader must stop at maxBodyBytes.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (req.method === 'HEAD') return void res.end();
    const chunk = '<p>正文</p>'.repeat(1000);
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return;
      if (!res.destroyed) res.once('drain', pump);
    };
    res.write('<html><head><title>正常</title></head><body>');
    return pump();
  }
  if (path === '/bomb') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    bomb ??= gzipSync(Buffer.alloc(16 * 1024 * 1024, '<p>页面不存在</p>'));
    return void res.end(req.method === 'HEAD' ? undefined : bomb);
  }
  if (path === '/file.pdf') return send(res, 200, '%PDF-1.4', { 'content-type': 'application/pdf' });
  return send(res, 404, 'not found');
}

/** Resolves only test names, to the local server; anything else fails like an unknown domain. */
const resolver = async (hostname: string) => {
  if (hostname.endsWith('.test') || hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 as const }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

// 1.5 s: well under the server's 5 s "slow" answer, well over a loaded CI machine's response time.
const base = (): LinkCheckOptions => ({ resolver, allowAddresses: ['127.0.0.1'], timeoutMs: 1_500, retryDelayMs: 20, retries: 2 });

beforeAll(async () => {
  server = createServer(route);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const page = (hrefs: readonly string[]) => html('测试页', hrefs.map((h, i) => `<a href="${h}">链接${i}</a>`).join('\n'));
const u = (path: string, host = '127.0.0.1') => `http://${host}:${port}${path}`;
const byHref = (findings: readonly Finding[]) => new Map(findings.map((f) => [f.actual, f]));

describe('checkLinks against a local server: every case classified', () => {
  const cases: [path: string, status: LinkResult['status'] | 'none', severity?: Finding['severity']][] = [
    ['/ok', 'none'],
    ['/r1', 'none'],
    ['/head-405', 'none'],
    ['/head-404', 'none'],
    ['/head-hangs', 'none'],
    ['/file.pdf', 'none'],
    ['/doc-404-title', 'none'],
    ['/page-404', 'none'],
    ['/expired-notice', 'none'],
    ['/reply', 'none'],
    ['/', 'none'],
    ['/reset-once', 'none'],
    ['/flaky-503', 'none'],
    ['/flaky-429', 'none'],
    ['/404', 'not-found', 'error'],
    ['/head-ok-get-404', 'not-found', 'error'],
    ['/410', 'gone', 'error'],
    ['/400', 'client-error', 'error'],
    ['/500', 'server-error', 'error'],
    ['/loop-a', 'redirect-loop', 'error'],
    ['/chain/0', 'too-many-redirects', 'error'],
    ['/slow', 'timeout', 'error'],
    ['/reset', 'connection', 'error'],
    ['/soft-text', 'soft-404', 'error'],
    ['/soft-title', 'soft-404', 'error'],
    ['/soft-gbk', 'soft-404', 'error'],
    ['/soft-gzip', 'soft-404', 'error'],
    ['/old/article.html', 'soft-404', 'error'],
    ['/refresh-home', 'soft-404', 'error'],
    ['/waf-412', 'blocked', 'info'],
    ['/waf-403', 'blocked', 'info'],
    ['/cf', 'blocked', 'info'],
    ['/jsl-521', 'blocked', 'info'],
    ['/yunsuo-403', 'blocked', 'info'],
    ['/forbidden', 'forbidden', 'info'],
    ['/401', 'auth-required', 'info'],
    ['/429-long', 'rate-limited', 'info'],
    ['/to-private', 'unsafe', 'warning'],
    ['/to-metadata', 'unsafe', 'warning'],
    ['/to-decimal-private', 'unsafe', 'warning'],
    ['/to-mapped-metadata', 'unsafe', 'warning'],
    ['/to-v6-loopback', 'unsafe', 'warning'],
    ['/to-file', 'unsupported-scheme', 'info'],
  ];
  let findings: Map<string, Finding>;
  let all: Finding[];
  let source: string;
  beforeAll(async () => {
    source = page(cases.map(([p]) => u(p)));
    all = await checkPageLinks(source, base());
    findings = byHref(all);
  }, 30_000);

  for (const [path, status, severity] of cases) {
    it(`${path} → ${status}`, () => {
      const f = findings.get(u(path));
      if (status === 'none') {
        expect(f, JSON.stringify(f?.data)).toBeUndefined();
        return;
      }
      expect(f?.data?.status, JSON.stringify(f?.data)).toBe(status);
      expect(f?.severity).toBe(severity);
      expect(f?.ruleId).toBe('link/dead-link');
      expect(source.slice(f!.range[0], f!.range[1])).toBe(f!.actual);
      expect(f?.target).toEqual({ kind: 'link', src: u(path) });
    });
  }

  it('follows the 301 → 302 chain and reports where redirects lead', async () => {
    const [f] = await checkPageLinks(page([u('/old/article.html')]), base());
    expect(f?.data).toMatchObject({ status: 'soft-404', reason: 'redirect-to-home', finalUrl: u('/index.html'), redirects: [u('/index.html')] });
  });

  it('retries 5xx with backoff, then gives up', () => {
    expect(hits.get('GET /500')).toBe(3); // HEAD 500 → GET 500, three rounds (retries: 2)
    expect(findings.get(u('/500'))?.data?.attempts).toBe(6);
  });

  it('honours Retry-After on 503 and 429, and gives up on a Retry-After beyond the limit', async () => {
    expect(hits.get('/flaky-503')).toBeGreaterThanOrEqual(2);
    expect(hits.get('HEAD /429-long')).toBe(1);
    const started = Date.now();
    hits.delete('/flaky-429');
    const again = await checkPageLinks(page([u('/flaky-429')]), base());
    expect(again).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // waited the second Retry-After asked for
  });

  it('a timeout is confirmed with GET before the link is called dead', () => {
    expect(findings.get(u('/slow'))?.data?.attempts).toBe(2);
  });

  it('never connects to a redirect target on a private or metadata address, however it is spelt', () => {
    expect(findings.get(u('/to-private'))?.data?.reason).toBe('private 10.1.2.3');
    expect(findings.get(u('/to-metadata'))?.data?.reason).toBe('metadata 169.254.169.254');
    expect(findings.get(u('/to-decimal-private'))?.data?.reason).toBe('private 10.0.0.1');
    expect(findings.get(u('/to-mapped-metadata'))?.data?.reason).toMatch(/^metadata /);
    expect(findings.get(u('/to-v6-loopback'))?.data?.reason).toBe('loopback ::1');
  });

  it('ranges, sorting and invariants', () => {
    const sorted = [...all].sort((a, b) => a.range[0] - b.range[0]);
    expect(all).toEqual(sorted);
    for (const f of all) expect(Object.isFrozen(f)).toBe(true);
  });
});

describe('checkLinks: what is checked, cache, limits, progress', () => {
  it('skips in-page anchors, mail, phone and script links; flags local files; reports other schemes as info', async () => {
    const src = page(['#top', 'mailto:a@b.c', 'tel:12345', 'javascript:void(0)', 'file:///C:/Users/a/通知.doc', 'C:\\Users\\a\\b.xls', 'ftp://ftp.example.test/a', 'http://exa mple.test:99999/']);
    const findings = await checkPageLinks(src, base());
    expect(findings.map((f) => [f.actual, f.data?.status, f.severity])).toEqual([
      ['file:///C:/Users/a/通知.doc', 'local-file', 'error'],
      ['C:\\Users\\a\\b.xls', 'local-file', 'error'],
      ['ftp://ftp.example.test/a', 'unsupported-scheme', 'info'],
      ['http://exa mple.test:99999/', 'invalid-url', 'error'],
    ]);
  });

  it('resolves relative links against baseUrl and skips them without one', async () => {
    const src = page(['../404', '/ok', 'sub/page.html?x=1']);
    expect(await checkPageLinks(src, base())).toEqual([]);
    const findings = await checkPageLinks(src, { ...base(), baseUrl: u('/dir/page.html', 'site.test') });
    expect(findings.map((f) => [f.actual, f.data?.status, f.target?.src])).toEqual([
      ['../404', 'not-found', u('/404', 'site.test')],
      ['sub/page.html?x=1', 'not-found', u('/dir/sub/page.html?x=1', 'site.test')],
    ]);
  });

  it('requests each URL once per run however often it appears, and shares a cache across pages', async () => {
    hits.delete('HEAD /410');
    hits.delete('GET /410');
    const cache = new Map();
    const src = page([u('/410'), u('/410#a'), u('/410')]);
    const first = await checkPageLinks(src, { ...base(), cache });
    expect(first.map((f) => f.data?.status)).toEqual(['gone', 'gone', 'gone']);
    expect(hits.get('HEAD /410')).toBe(1);
    expect(hits.get('GET /410')).toBe(1);
    await checkPageLinks(page([u('/410')]), { ...base(), cache });
    expect(hits.get('HEAD /410')).toBe(1);
  });

  it('keeps within the global and per-host concurrency limits', async () => {
    maxInFlight = 0;
    hostMax.clear();
    const hrefs = Array.from({ length: 200 }, (_, i) => `http://h${i % 5}.test:${port}/delay?n=${i}`);
    const progress: number[] = [];
    const findings = await checkPageLinks(page(hrefs), { ...base(), concurrency: 8, perHostConcurrency: 3, onProgress: (p) => progress.push(p.done) });
    expect(findings).toEqual([]);
    expect(maxInFlight).toBeLessThanOrEqual(8);
    expect(maxInFlight).toBeGreaterThan(1);
    for (const [host, max] of hostMax) if (host.startsWith('h')) expect(max, host).toBeLessThanOrEqual(3);
    expect(progress.length).toBe(200);
    expect(progress[progress.length - 1]).toBe(200);
  });

  it('checks images and frames too, and only the tags asked for', async () => {
    const src = html('t', `<img src="${u('/404')}" alt="图"><iframe src="${u('/410')}"></iframe><a href="${u('/400')}">a</a>`);
    expect((await checkPageLinks(src, base())).map((f) => f.data?.status)).toEqual(['not-found', 'gone', 'client-error']);
    expect((await checkPageLinks(src, { ...base(), tags: ['a'] })).map((f) => f.data?.status)).toEqual(['client-error']);
  });
});

describe('checkLinks: hostile servers', () => {
  it('stops reading an endless body and a decompression bomb at maxBodyBytes', async () => {
    const started = Date.now();
    const findings = await checkPageLinks(page([u('/endless'), u('/bomb')]), { ...base(), timeoutMs: 10_000, maxBodyBytes: 64 * 1024 });
    // Both answer 200 with long pages (not soft 404s); what matters is that neither read runs on.
    expect(findings).toEqual([]);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('a TLS request to a plain HTTP server fails as a TLS error', async () => {
    const [f] = await checkPageLinks(page([`https://127.0.0.1:${port}/ok`]), { ...base(), retries: 0 });
    expect(f?.data?.status).toBe('tls');
  });
});

describe('checkLinks: server-side request safety', () => {
  it('refuses loopback by default: the local server is never contacted', async () => {
    hits.delete('HEAD /ok');
    const spellings = [
      u('/ok'),
      `http://localhost:${port}/ok`,
      `http://[::1]:${port}/ok`,
      'http://2130706433/ok',
      'http://0x7f.1/ok',
      `http://0177.0.0.1:${port}/ok`,
      `http://127.1:${port}/ok`,
      `http://[::ffff:127.0.0.1]:${port}/ok`,
      `http://www.gov.cn@127.0.0.1:${port}/ok`,
      `http://LOCALHOST.:${port}/ok`,
    ];
    const findings = await checkPageLinks(page(spellings), { resolver });
    expect(findings.map((f) => f.data?.status)).toEqual(spellings.map(() => 'unsafe'));
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(hits.get('HEAD /ok')).toBeUndefined();
  });

  it('refuses a name that resolves to a private address, before connecting', async () => {
    const sneaky = async () => [{ address: '192.168.1.10', family: 4 as const }];
    const [f] = await checkPageLinks(page(['http://intranet.example.test/']), { resolver: sneaky });
    expect(f?.data).toMatchObject({ status: 'unsafe', reason: 'private 192.168.1.10' });
  });

  it('refuses a name with one private address among public ones', async () => {
    const mixed = async () => [{ address: '93.184.216.34', family: 4 as const }, { address: '127.0.0.1', family: 4 as const }];
    const [f] = await checkPageLinks(page(['http://rebind.example.test/']), { resolver: mixed });
    expect(f?.data?.status).toBe('unsafe');
  });

  it('allowPrivateNetwork opens everything (used here for loopback only)', async () => {
    expect(await checkPageLinks(page([u('/ok'), `http://localhost:${port}/ok`]), { resolver, allowPrivateNetwork: true })).toEqual([]);
  });

  it('a resolver that never answers times out within the deadline', async () => {
    const hanging = () => new Promise<never>(() => {});
    const started = Date.now();
    const [f] = await checkPageLinks(page(['http://hang.example.test/']), { resolver: hanging, timeoutMs: 300 });
    expect(f?.data?.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an unknown domain is dead (DNS), without retries', async () => {
    const [f] = await checkPageLinks(page(['http://no-such-host.invalid/']), base());
    expect(f?.data).toMatchObject({ status: 'dns', reason: 'ENOTFOUND' });
  });

  it('classifies special-purpose addresses', () => {
    const cases: [string, string | undefined][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.1', undefined],
      ['192.168.0.1', 'private'],
      ['169.254.169.254', 'metadata'],
      ['169.254.1.1', 'link-local'],
      ['100.64.0.1', 'shared'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['203.0.113.5', 'documentation'],
      ['8.8.8.8', undefined],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
      ['64:ff9b::a9fe:a9fe', 'metadata'],
      ['fd00:ec2::254', 'metadata'],
      ['fc00::1', 'private'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'documentation'],
      ['2400:3200::1', undefined],
      ['[::1]', 'loopback'],
      ['not-an-ip', 'reserved'],
    ];
    for (const [ip, reason] of cases) expect(unsafeAddress(ip), ip).toBe(reason);
    expect(unsafeHostname('LOCALHOST.')).toBe('loopback');
    expect(unsafeHostname('a.localhost')).toBe('loopback');
    expect(unsafeHostname('metadata.google.internal')).toBe('metadata');
    expect(unsafeHostname('www.gov.cn')).toBeUndefined();
  });
});

describe('Retry-After parsing (RFC 9110)', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('createNodeChecker().checkLinks', () => {
  it('does nothing when link/dead-link is off in the config', async () => {
    hits.delete('HEAD /404');
    const node = await createNodeChecker({ rules: { 'link/dead-link': 'off' } });
    expect(await node.checkLinks(page([u('/404')]), base())).toEqual([]);
    expect(hits.get('HEAD /404')).toBeUndefined();
  });

  it('delegates to the network link check and rejects a bad baseUrl with a typed error', async () => {
    const node = await createNodeChecker();
    expect((await node.checkLinks(page([u('/404')]), base())).map((f) => f.data?.status)).toEqual(['not-found']);
    await expect(node.checkLinks('<a href="x">x</a>', { baseUrl: 'not a url' })).rejects.toMatchObject({ code: 'invalid-config' });
  });
});
