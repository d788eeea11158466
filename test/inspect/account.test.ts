import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCsv, postDate, readAccountExport } from '../../src/inspect/account.js';
import { byRule, runInspect } from '../helpers/inspect-run.js';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-account-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('new-media account exports', () => {
  it('reads CSV with quoted fields and Chinese headers, and Unix or CMS publish times', () => {
    expect(parseCsv('a,"b,""c""\n d",e\r\n1,2,3\n')).toEqual([
      ['a', 'b,"c"\n d', 'e'],
      ['1', '2', '3'],
    ]);
    expect(postDate(1782000000)).toBe('2026-06-21');
    expect(postDate('2026年6月1日 10:00')).toBe('2026-06-01');
    const [a] = readAccountExport('标题,发布时间,链接,正文\n第一篇,2026-06-01,https://mp.test/1,正文内容\n', '某某发布.csv');
    expect(a).toEqual({ name: '某某发布', posts: [{ title: '第一篇', date: '2026-06-01', url: 'https://mp.test/1', body: '正文内容' }], menu: [] });
  });

  it('inspect --account: the account is stale (veto) and every post body goes through the text rules', async () => {
    const file = join(dir, 'posts.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: '某某县发布',
        posts: [
          { title: '低保公示', publishTime: '2026-06-01 09:00', url: 'https://mp.test/s/1', content: '经审核，拟同意张某某（身份证号110101199003074514）享受最低生活保障。' },
          { title: '防汛提示', publishTime: '2026-05-20', url: 'https://mp.test/s/2', content: '请广大群众注意防汛安全。' },
        ],
        menu: [{ name: '办事指南', url: 'https://mp.test/menu' }],
      }),
    );
    const r = await runInspect(['--account', file, '--date', '2026-06-30', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = r.doc!;
    const [stale] = byRule(doc, 'site/account-stale');
    expect(stale).toMatchObject({ severity: 'error', page: 'https://mp.test/s/1', data: { account: '某某县发布', latest: '2026-06-01', days: 29, veto: true } });
    const [id] = byRule(doc, 'privacy/cn-id-card');
    expect(id).toMatchObject({ page: 'https://mp.test/s/1', title: '低保公示', actual: '110101********4514' });
    expect(doc.summary.veto).toEqual({ 'site/account-stale': 1 });
  });

  it('a fresh account passes; a bad file is an input error', async () => {
    const file = join(dir, 'fresh.csv');
    writeFileSync(file, 'title,date\n今日推送,2026-06-29\n');
    const r = await runInspect(['--account', file, '--date', '2026-06-30', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(byRule(r.doc!, 'site/account-stale')).toEqual([]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect((await runInspect(['--account', bad])).code).toBe(2);
    expect((await runInspect(['--account', join(dir, 'missing.json')])).code).toBe(2);
  });
});
