import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createNodeChecker } from '../../src/node/index.js';
import { checkPage, type PageResult } from '../../src/node/page.js';
import { checkSiteOnQueue } from '../../src/node/queue.js';
import { startWorker, stopWorker as stop, type WorkerProcess } from '../helpers/queue-worker.js';
import { startRedis } from '../helpers/redis.js';

describe('queue mode on a real redis-server with worker processes', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: WorkerProcess;
  let b: WorkerProcess;
  let http: Server;
  const hits: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-queue-'));
  const paths: string[] = [];
  for (let i = 0; i < 120; i++) {
    const path = join(dir, `p${String(i).padStart(3, '0')}.html`);
    const body = i % 4 === 0 ? '要再接再励，安排布署工作。' : i % 4 === 1 ? '由村民委员汇主任提出。' : '关于进一步做好政务公开工作的通知。';
    writeFileSync(path, `<!doctype html><html><head><title>第${i}页</title></head><body><p>第${i}页：${body}</p></body></html>`);
    paths.push(path);
  }

  beforeAll(async () => {
    redis = await startRedis();
    a = startWorker(redis.url, ['--host-interval', '300']);
    b = startWorker(redis.url, ['--host-interval', '300']);
    await Promise.all([a.ready, b.ready]);
    http = createServer((req, res) => {
      hits.push(Date.now());
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><body><p>页面${req.url}：严惩不怠。</p></body></html>`);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a && stop(a, 'SIGKILL'), b && stop(b)]);
    http?.close();
    await redis?.stop();
  }, 60_000);

  it('a worker killed mid-run loses no page, and the report has each page once, as checked in one process', async () => {
    const node = await createNodeChecker();
    const expected: PageResult[] = [];
    for (const path of paths) expected.push(await checkPage(node, { path }));

    let killed = false;
    const watch = setInterval(() => {
      // Kill one worker once it has finished some pages and holds more: SIGKILL, no goodbye.
      if (!killed && a.done.length >= 6) {
        killed = true;
        a.child.kill('SIGKILL');
      }
    }, 5);
    const got: PageResult[] = [];
    try {
      for await (const r of checkSiteOnQueue({ redis: redis.url }, { site: 'folder', pages: paths.map((path) => ({ path })), chunk: 2 })) got.push(r);
    } finally {
      clearInterval(watch);
    }
    expect(killed).toBe(true);
    expect(a.child.signalCode).toBe('SIGKILL');
    // Both processes took part, and the survivor finished what the killed one left.
    expect(a.done.length).toBeGreaterThan(0);
    expect(a.done.length).toBeLessThan(paths.length);
    expect(new Set([...a.done, ...b.done]).size).toBe(paths.length);
    expect(got.map((r) => r.path)).toEqual(paths);
    expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(got.filter((r) => r.findings.length > 0).length).toBeGreaterThan(30);
  }, 180_000);

  it('pages fetched over HTTP keep the per-host interval across workers', async () => {
    const c = startWorker(redis.url, ['--host-interval', '300']);
    try {
      await c.ready;
      const address = http.address() as { port: number };
      const urls = Array.from({ length: 6 }, (_, i) => `http://127.0.0.1:${address.port}/p${i}.html`);
      hits.length = 0;
      const got: PageResult[] = [];
      for await (const r of checkSiteOnQueue({ redis: redis.url }, { site: 'web', pages: urls.map((url) => ({ url })), chunk: 1 })) got.push(r);
      expect(got.map((r) => r.path)).toEqual(urls);
      expect(got.every((r) => r.findings.some((f) => f.ruleId === 'typo/common-typo'))).toBe(true);
      // A job retaken from a worker that looked stalled may fetch again, still in its slot; the report has each page once.
      expect(hits.length).toBeGreaterThanOrEqual(6);
      const sorted = [...hits].sort((x, y) => x - y);
      for (let i = 1; i < sorted.length; i++) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(300);
    } finally {
      await stop(c);
    }
  }, 120_000);

  it('`check --format json --queue` prints the document one thread prints, personal data masked on the workers', async () => {
    const c = startWorker(redis.url);
    try {
      await c.ready;
      const folder = mkdtempSync(join(tmpdir(), 'shenjiao-queue-mask-'));
      writeFileSync(join(folder, 'a.html'), '<html><body><p>留言人身份证号110101199003074514，电话13812345678。要再接再励。</p></body></html>');
      writeFileSync(join(folder, 'b.txt'), '委员汇召开会议，联系电话13912345678，身份证110101199003074514。');
      const sink = () => {
        let text = '';
        return { stream: { write: (x: string) => ((text += x), true), isTTY: false }, text: () => text };
      };
      const one = sink();
      const queued = sink();
      await main(['check', '--format', 'json', '--fail-on', 'never', '--jobs', '1', folder], { stdout: one.stream, stderr: sink().stream });
      await main(['check', '--format', 'json', '--fail-on', 'never', '--queue', redis.url, folder], { stdout: queued.stream, stderr: sink().stream });
      expect(queued.text()).toBe(one.text());
      expect(one.text()).toMatch(/privacy\/cn-id-card/);
      expect(one.text()).not.toMatch(/110101199003074514|13812345678|13912345678/);
    } finally {
      await stop(c);
    }
  }, 120_000);
});
