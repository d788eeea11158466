/**
 * Link checks. Two scenarios, both on this machine only (no traffic leaves 127.0.0.1):
 *
 * 1. `checkLinks` on a 1000-link page against a local HTTP server with 10 ms latency per response:
 *    900 pages on ten host names (all resolved to 127.0.0.1 by an injected resolver), 40 × 404,
 *    30 redirect chains, 20 soft 404s, 10 loops. Reported: wall time, requests, the most requests
 *    in flight at once overall and per host as the server saw them (must stay within the limits),
 *    and whether every link was classified as built. Compared with the same checker one request at
 *    a time, and with a bare `fetch` GET of every URL in one unbounded Promise.all (no limits, no
 *    soft-404 or loop classification: a floor, not an equivalent).
 * 2. `checkHtml` with the static link rules on a large portal page (2 000 links, 400 CSS rules,
 *    nested menus, a hidden dark-link block), per run and per MB.
 *
 * Run: npm run bench -- links
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChecker } from '../src/checker.js';
import { checkPageLinks } from '../src/node/links.js';

const LATENCY_MS = 10;
let inFlight = 0;
let maxInFlight = 0;
const perHost = new Map<string, number>();
const perHostMax = new Map<string, number>();
let requests = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  requests++;
  const host = req.headers.host ?? '';
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  perHost.set(host, (perHost.get(host) ?? 0) + 1);
  perHostMax.set(host, Math.max(perHostMax.get(host) ?? 0, perHost.get(host)!));
  res.on('close', () => {
    inFlight--;
    perHost.set(host, perHost.get(host)! - 1);
  });
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const reply = (status: number, body: string, headers: Record<string, string> = {}): void => {
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    }, LATENCY_MS);
  };
  if (path.startsWith('/page/')) return reply(200, `<html><head><title>第${path.slice(6)}页</title></head><body>${'<p>正文内容</p>'.repeat(60)}</body></html>`);
  if (path.startsWith('/gone/')) return reply(404, 'not found');
  if (path.startsWith('/moved/')) return reply(301, '', { location: path.replace('/moved/', '/page/') });
  if (path.startsWith('/soft/')) return reply(200, '<html><head><title>提示</title></head><body><p>对不起，您访问的页面不存在！</p></body></html>');
  if (path.startsWith('/loop/')) return reply(302, '', { location: path.endsWith('a') ? path.slice(0, -1) + 'b' : path.slice(0, -1) + 'a' });
  if (path === '/') return reply(200, '<html><body>home</body></html>');
  return reply(404, 'not found');
}

const server = createServer(handle);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
const resolver = async (hostname: string) => {
  if (hostname.endsWith('.test')) return [{ address: '127.0.0.1', family: 4 as const }];
  throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
};

interface Built {
  readonly href: string;
  readonly expect: string;
}
const links: Built[] = [];
for (let i = 0; i < 1000; i++) {
  const host = `h${i % 10}.test:${port}`;
  if (i % 100 < 4) links.push({ href: `http://${host}/gone/${i}`, expect: 'not-found' });
  else if (i % 100 < 7) links.push({ href: `http://${host}/moved/${i}`, expect: 'ok' });
  else if (i % 100 < 9) links.push({ href: `http://${host}/soft/${i}`, expect: 'soft-404' });
  else if (i % 100 < 10) links.push({ href: `http://${host}/loop/${i}a`, expect: 'redirect-loop' });
  else links.push({ href: `http://${host}/page/${i}`, expect: 'ok' });
}
const page = `<!DOCTYPE html><html><body>${links.map((l, i) => `<a href="${l.href}">链接${i}</a>`).join('\n')}</body></html>`;

async function runChecker(concurrency: number, perHostLimit: number) {
  inFlight = 0;
  maxInFlight = 0;
  perHostMax.clear();
  requests = 0;
  const t0 = performance.now();
  const findings = await checkPageLinks(page, { resolver, allowAddresses: ['127.0.0.1'], concurrency, perHostConcurrency: perHostLimit });
  const ms = performance.now() - t0;
  const got = new Map(findings.map((f) => [f.actual, String((f.data as { status: string }).status)]));
  const wrong = links.filter((l) => (got.get(l.href) ?? 'ok') !== l.expect);
  if (wrong.length > 0) console.log('misclassified:', wrong.slice(0, 5).map((l) => `${l.href} expected ${l.expect}, got ${got.get(l.href) ?? 'ok'}`));
  const correct = wrong.length === 0;
  return { ms, requests, maxInFlight, maxPerHost: Math.max(...perHostMax.values()), correct, findings: findings.length };
}

async function runFetchFloor() {
  requests = 0;
  maxInFlight = 0;
  const t0 = performance.now();
  // Same paths on 127.0.0.1 (fetch cannot be given a resolver): statuses only, redirects followed by undici.
  const statuses = await Promise.all(
    links.map(async (l) => {
      const url = l.href.replace(/h\d\.test/, '127.0.0.1');
      try {
        const r = await fetch(url, { redirect: 'follow' });
        await r.arrayBuffer();
        return r.status;
      } catch {
        return 0;
      }
    }),
  );
  return { ms: performance.now() - t0, requests, maxInFlight, failed: statuses.filter((s) => s !== 200).length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`checkLinks: 1000 links, 10 hosts, ${LATENCY_MS} ms per response, medians of 3 (peers interleaved)`);
const ours: Awaited<ReturnType<typeof runChecker>>[] = [];
const serial: Awaited<ReturnType<typeof runChecker>>[] = [];
const floor: Awaited<ReturnType<typeof runFetchFloor>>[] = [];
for (let round = 0; round < 3; round++) {
  ours.push(await runChecker(16, 4));
  floor.push(await runFetchFloor());
}
serial.push(await runChecker(1, 1)); // slow: once is enough
const m = median(ours.map((r) => r.ms));
const row = (name: string, ms: number, extra: string) => console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${(ms / m).toFixed(2).padStart(6)}×  ${extra}`);
const o = ours[0]!;
row('shenjiao checkLinks (16 global, 4 per host)', m, `${o.requests} requests, max in flight ${Math.max(...ours.map((r) => r.maxInFlight))} (limit 16), per host ${Math.max(...ours.map((r) => r.maxPerHost))} (limit 4), ${o.findings} findings, all classified right: ${ours.every((r) => r.correct)}`);
row('shenjiao checkLinks (1 at a time)', serial[0]!.ms, `${serial[0]!.requests} requests, max in flight ${serial[0]!.maxInFlight}, all classified right: ${serial[0]!.correct}`);
row('fetch GET, unbounded Promise.all (floor)', median(floor.map((r) => r.ms)), `${floor[0]!.requests} requests, max in flight ${Math.max(...floor.map((r) => r.maxInFlight))} (no limit), ${floor[0]!.failed} non-200; no soft-404/loop verdicts`);

// Scenario 2: static rules on a large portal page.
const rules: string[] = [];
for (let i = 0; i < 400; i++) rules.push(`.m${i} .sub{display:none}.m${i}:hover .sub{display:block}.c${i}{color:#333;font-size:14px}`);
const menus: string[] = [];
for (let i = 0; i < 400; i++) {
  menus.push(`<li class="m${i}"><a href="/col/${i}/">栏目${i}</a><div class="sub"><a href="https://www.gov.cn/${i}">国务院</a><a href="http://www.xinhuanet.com/${i}">新华网</a><a href="/col/${i}/a.html">子栏目</a></div></li>`);
}
const news: string[] = [];
for (let i = 0; i < 800; i++) news.push(`<li class="c${i % 400}"><a href="/art/2026/${i}.html">关于做好第${i}项重点工作的通知</a><span>2026-11-${String((i % 28) + 1).padStart(2, '0')}</span></li>`);
const portal = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市人民政府</title><style>${rules.join('\n')}</style><script src="/js/wblj.js"></script></head><body><ul class="nav">${menus.join('')}</ul><ul class="news">${news.join('')}</ul><div style="position:absolute;left:-9999px"><a href="http://x1.example/">澳门新葡京</a><a href="http://x2.example/">百家乐</a></div></body></html>`;
const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error', 'link/external-no-notice': 'warning' } });
checker.checkHtml(portal);
const times: number[] = [];
let found = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  found = checker.checkHtml(portal).length;
  times.push(performance.now() - t0);
}
const mb = Buffer.byteLength(portal) / 1e6;
console.log(`\ncheckHtml, link/dark-link + link/external-no-notice: portal page ${mb.toFixed(2)} MB, ${menus.length * 4 + news.length + 2} links, ${rules.length * 3} CSS rules`);
console.log(`median ${median(times).toFixed(1)} ms (${(mb / (median(times) / 1000)).toFixed(2)} MB/s), findings ${found} (the 2 hidden links)`);

server.closeAllConnections();
server.close();
