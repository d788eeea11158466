/**
 * `shenjiao inspect` on a generated 2 000-page county portal served from a separate process on
 * 127.0.0.1 (5 ms per response; nothing leaves this machine):
 *
 * 1. crawl: the crawler and the page analysis the site model needs (robots.txt, per-host gate of 4
 *    requests, FIFO, page facts) — pages/s and peak memory;
 * 2. inspect: the whole inspection (crawl, every text rule on every page, images, the site-wide link
 *    check and the site rules) — pages/s and peak memory.
 *
 * Peak memory is sampled every 20 ms (RSS and V8 heap used). Run: npm run bench -- inspect
 * (PAGES=500 for a shorter run).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { crawlSite } from '../src/inspect/crawl.js';
import { inspectSite } from '../src/inspect/inspect.js';
import { analyzePage } from '../src/inspect/page.js';
import { createCheckPool, createNodeChecker } from '../src/node/index.js';

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./inspect-site.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
const [origin, total] = await new Promise<[string, number]>((resolve) => {
  child.stdout!.once('data', (d: Buffer) => {
    const [u, n] = d.toString().trim().split(' ');
    resolve([u!, Number(n)]);
  });
});

function sampler() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      const m = process.memoryUsage();
      return { rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed), baseRss: base.rss };
    },
  };
}
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rows: string[][] = [];

try {
  {
    const s = sampler();
    const t = performance.now();
    const r = await crawlSite(origin, {
      allowPrivateNetwork: true,
      maxPages: total + 10,
      onPage: (p) => {
        const f = analyzePage(p.html, p.url, '2026-06-30');
        return [...f.links.map((l) => l.url), ...f.pagination];
      },
    });
    const ms = performance.now() - t;
    const m = s.stop();
    rows.push(['crawl + page facts', String(r.pages), (ms / 1000).toFixed(1), (r.pages / (ms / 1000)).toFixed(0), mb(m.rss), mb(m.heap)]);
  }
  {
    const checker = await createNodeChecker();
    checker.checkHtml('<p>预热分词词典。</p>');
    const s = sampler();
    const t = performance.now();
    const r = await inspectSite(origin, { date: '2026-06-30', checker, allowPrivateNetwork: true, maxPages: total + 10 });
    const ms = performance.now() - t;
    const m = s.stop();
    rows.push(['inspect (all rules)', String(r.stats.pages), (ms / 1000).toFixed(1), (r.stats.pages / (ms / 1000)).toFixed(1), mb(m.rss), mb(m.heap)]);
    console.log(`columns ${r.document.columns.length}, findings ${r.document.findings.length}, dead links ${r.document.findings.filter((f) => f.ruleId === 'link/dead-link').length}`);
  }
  {
    // Page text on a pool of worker threads (what `shenjiao inspect` does from 100 pages on); the
    // workers load while the crawl starts, as in the CLI, so their start-up is inside the time.
    const checker = await createNodeChecker();
    const s = sampler();
    const t = performance.now();
    const pool = createCheckPool({ workers: 2 });
    const r = await inspectSite(origin, { date: '2026-06-30', checker, pages: pool, allowPrivateNetwork: true, maxPages: total + 10 });
    const ms = performance.now() - t;
    await pool.close();
    const m = s.stop();
    rows.push(['inspect, 2 workers', String(r.stats.pages), (ms / 1000).toFixed(1), (r.stats.pages / (ms / 1000)).toFixed(1), mb(m.rss), mb(m.heap)]);
  }
} finally {
  child.kill();
}
const head = ['scenario', 'pages', 'seconds', 'pages/s', 'peak RSS', 'peak heap'];
console.log(`generated site: ${total} pages, 5 ms per response, 4 requests in flight`);
console.log([head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(9))).join(' ')).join('\n'));
