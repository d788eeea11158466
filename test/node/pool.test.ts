import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeChecker, type NodeChecker } from '../../src/node/index.js';
import { checkPage, type PageTask } from '../../src/node/page.js';
import { createCheckPool, type CheckPool } from '../../src/node/pool.js';

const id = '110101199003074514';
const dir = mkdtempSync(join(tmpdir(), 'shenjiao-pool-'));
const pages: PageTask[] = [];
for (let i = 0; i < 24; i++) {
  const path = join(dir, `p${String(i).padStart(2, '0')}.html`);
  const body = i % 3 === 0 ? `<p>第${i}页：要再接再励，身份证号${id}。</p>` : i % 3 === 1 ? `<p>第${i}页：安排布署工作，委员汇召开会议。</p>` : `<p>第${i}页：关于进一步做好政务公开工作的通知。</p>`;
  writeFileSync(path, `<!doctype html><html><head><title>第${i}页</title></head><body>${body}</body></html>`);
  pages.push({ path });
}
pages.push({ path: join(dir, 'missing.html') });
pages.push({ text: '请再接再励。', format: 'text', path: '<stdin>' });
pages.push({ bytes: new TextEncoder().encode('# 标题\n\n严惩不怠。'), format: 'markdown' });

describe('check pool (real worker threads)', () => {
  let pool: CheckPool;
  let node: NodeChecker;
  beforeAll(async () => {
    pool = createCheckPool({ workers: 2, timing: true });
    node = await createNodeChecker();
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it('gives the same results as checking in this thread, in input order', async () => {
    const expected = [];
    for (const task of pages) expected.push(await checkPage(node, task));
    const got = [];
    for await (const r of pool.checkAll(pages, { window: 5 })) got.push(r);
    expect(got).toEqual(expected);
    expect(got.map((r) => r.path)).toEqual(pages.map((t) => t.path ?? '<text>'));
    expect(got.find((r) => r.path.endsWith('missing.html'))?.error).toMatch(/无法读取文件/);
    expect(got[0]?.findings.map((f) => f.ruleId)).toContain('privacy/cn-id-card');
    expect(got.some((r) => r.findings.some((f) => f.entryId === 'suspect-word'))).toBe(true);
  }, 60_000);

  it('reads the input no further ahead than the window', async () => {
    let taken = 0;
    let maxAhead = 0;
    let yielded = 0;
    function* tasks() {
      for (const t of pages) {
        taken++;
        maxAhead = Math.max(maxAhead, taken - yielded);
        yield t;
      }
    }
    for await (const _ of pool.checkAll(tasks(), { window: 3 })) yielded++;
    expect(yielded).toBe(pages.length);
    expect(maxAhead).toBeLessThanOrEqual(4);
  }, 60_000);

  it('answers single checks, keeps the source on request, and sums timings over the workers', async () => {
    const r = await pool.check({ text: '<p>要再接再励</p>', format: 'html', keepSource: true });
    expect(r.source).toBe('<p>要再接再励</p>');
    expect(r.findings[0]?.ruleId).toBe('typo/common-typo');
    const timings = await pool.timings();
    expect(timings['typo/common-typo']).toBeGreaterThan(0);
  }, 60_000);

  it('a bad config rejects as a ShenjiaoError', async () => {
    const bad = createCheckPool({ workers: 1, config: { rules: { 'no/such-rule': 'error' } } as never });
    try {
      await expect(bad.ready()).rejects.toMatchObject({ name: 'ShenjiaoError', code: 'invalid-config' });
      await expect(bad.check({ text: '通知' })).rejects.toMatchObject({ code: 'invalid-config' });
    } finally {
      await bad.close();
    }
  }, 60_000);
});
