import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trsSite } from '../fixtures/sites/trs.js';
import { runInspect, stable } from '../helpers/inspect-run.js';
import { startWorker, stopWorker, type WorkerProcess } from '../helpers/queue-worker.js';
import { startRedis } from '../helpers/redis.js';
import { serveSite, type SiteServer } from '../helpers/site-server.js';


describe('shenjiao inspect --queue on a real redis-server with worker processes', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let server: SiteServer;
  let a: WorkerProcess;
  let b: WorkerProcess;

  beforeAll(async () => {
    redis = await startRedis();
    server = await serveSite(trsSite());
    a = startWorker(redis.url, ['--host-interval', '1']);
    b = startWorker(redis.url, ['--host-interval', '1']);
    await Promise.all([a.ready, b.ready]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a && stopWorker(a, 'SIGKILL'), b && stopWorker(b)]);
    await server?.close();
    await redis?.stop();
  }, 60_000);

  it('a worker killed mid-inspection loses no page, and the report is the one a local run gives', async () => {
    const args = [server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json', '--no-db', '--fail-on', 'never'];
    const local = await runInspect([...args, '--jobs', '1']);
    expect(local.code).toBe(0);
    expect(local.doc!.site.pages).toBeGreaterThan(20);

    let killed = false;
    const watch = setInterval(() => {
      // SIGKILL, no goodbye, once this worker has checked some pages (it may also hold the inspection).
      if (!killed && a.checked.length >= 4) {
        killed = true;
        a.child.kill('SIGKILL');
      }
    }, 5);
    let queued;
    try {
      queued = await runInspect([...args, '--queue', redis.url]);
    } finally {
      clearInterval(watch);
    }
    expect(queued.code, queued.stderr).toBe(0);
    expect(killed).toBe(true);
    expect(a.child.signalCode).toBe('SIGKILL');
    // Both processes took part in the page checks; the inspection was run by one of them (again by b if a held it).
    expect(a.checked.length).toBeGreaterThan(0);
    expect(b.checked.length).toBeGreaterThan(0);
    expect(a.inspected.length + b.inspected.length).toBeGreaterThanOrEqual(1);
    expect(queued.doc!.site.pages).toBe(local.doc!.site.pages);
    expect(stable(queued.doc!)).toEqual(stable(local.doc!));
    expect(queued.doc!.findings.length).toBeGreaterThan(0);
  }, 240_000);

  it('refuses a mirror folder: it stays on its machine', async () => {
    const r = await runInspect(['examples/site', '--base-url', 'https://www.example.gov.cn/', '--queue', redis.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--queue');
  });
});
