import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectSite } from '../../src/inspect/inspect.js';
import { createCheckPool, createNodeChecker, type CheckPool } from '../../src/node/index.js';
import type { PageTask } from '../../src/node/page.js';
import { runInspect, stable } from '../helpers/inspect-run.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const site = fileURLToPath(new URL('../../examples/site/', import.meta.url));
const base = 'https://www.example.gov.cn/';


describe('inspect checks page text on a worker pool', () => {
  let pool: CheckPool;
  beforeAll(async () => {
    pool = createCheckPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
  });

  it('sends every page to the pool and reports what the one-thread run reports, in the same order', async () => {
    const checker = await createNodeChecker();
    const alone = await inspectSite(base, { date: '2026-06-30', checker, folder: site, network: false });
    const sent: PageTask[] = [];
    const pages = { check: (task: PageTask) => (sent.push(task), pool.check(task)) };
    const pooled = await inspectSite(base, { date: '2026-06-30', checker, folder: site, network: false, pages });
    expect(sent.length).toBe(alone.stats.pages);
    expect(sent.every((t) => t.format === 'html' && typeof t.text === 'string')).toBe(true);
    expect(alone.document.findings.length).toBeGreaterThan(0);
    expect(stable(pooled.document)).toEqual(stable(alone.document));
  });

  it('a page whose check fails on the pool costs that page its text findings, not the inspection', async () => {
    const checker = await createNodeChecker();
    let n = 0;
    const pages = { check: (task: PageTask) => (++n === 3 ? Promise.reject(new Error('worker lost')) : pool.check(task)) };
    const result = await inspectSite(base, { date: '2026-06-30', checker, folder: site, network: false, pages });
    expect(result.stats.pages).toBeGreaterThan(3);
    expect(result.document.findings.length).toBeGreaterThan(0);
  });
});

describe('shenjiao inspect --jobs', () => {
  it('gives the same JSON document with 1 and 2 threads', async () => {
    const args = [site, '--base-url', base, '--date', '2026-06-30', '--format', 'json', '--no-db', '--fail-on', 'never'];
    const one = await runInspect([...args, '--jobs', '1']);
    const two = await runInspect([...args, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(stable(two.doc!)).toEqual(stable(one.doc!));
  });

  it('--no-db writes no history beside the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-nodb-'));
    try {
      const r = await runInspect([site, '--base-url', base, '--date', '2026-06-30', '--format', 'json', '--out', join(dir, 'r.json'), '--no-db', '--fail-on', 'never', '--jobs', '1']);
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, 'r.json'))).toBe(true);
      expect(existsSync(join(dir, 'shenjiao-history.sqlite'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a --jobs that is not a positive integer', async () => {
    const r = await runInspect([site, '--base-url', base, '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });
});
