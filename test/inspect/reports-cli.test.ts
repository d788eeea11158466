import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schoolSite } from '../fixtures/sites/school.js';
import { byRule, path, runInspect } from '../helpers/inspect-run.js';
import { serveSite, type SiteServer } from '../helpers/site-server.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const pdf = readFileSync(new URL('../fixtures/attachments/id-notice.pdf', import.meta.url));
const docx = readFileSync(new URL('../fixtures/attachments/id-notice.docx', import.meta.url));

/** The school site with a 通知公告 page linking a PDF and a DOCX that publish an ID number. */
function site(withAttachments: boolean) {
  const files = { ...schoolSite() } as Record<string, unknown>;
  const notice = files['/info/1012/2306.htm'] as string;
  if (withAttachments) files['/info/1012/2306.htm'] = notice.replace('</div></div></form>', '<p>附件：<a href="/uploads/mingdan.pdf">名单.pdf</a> <a href="/uploads/gongshi.docx">公示.docx</a></p></div></div></form>');
  files['/uploads/mingdan.pdf'] = { type: 'application/pdf', body: pdf };
  files['/uploads/gongshi.docx'] = { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: docx };
  return files as never;
}

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-reports-'));
let server: SiteServer;
beforeAll(async () => {
  server = await serveSite(site(true));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('inspect: attachments, reports and history from the command line', () => {
  it('extracts same-site attachments and reports their ID numbers with the attachment and the page that links it', async () => {
    const r = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json']);
    const ids = byRule(r.doc!, 'privacy/cn-id-card') as (ReturnType<typeof byRule>[number] & { attachment?: string })[];
    expect(ids.map((f) => path(f.attachment!)).sort()).toEqual(['/uploads/gongshi.docx', '/uploads/mingdan.pdf']);
    expect(ids.every((f) => path(f.page) === '/info/1012/2306.htm')).toBe(true);
    expect(ids.every((f) => !f.actual.includes('19900307'))).toBe(true);
    expect(r.doc!.attachments!.map((a) => path(a.url)).sort()).toEqual(['/uploads/gongshi.docx', '/uploads/mingdan.pdf']);
  });

  it('writes the HTML report and the workbook, with the history beside them', async () => {
    const html = join(dir, 'report.html');
    const r = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'html', '--out', html, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/i);
    expect(text).toContain('栏目更新情况');
    expect(text).toContain('校园动态');
    expect(text).not.toContain('110101199003074514');
    expect(existsSync(join(dir, 'shenjiao-history.sqlite'))).toBe(true);
    const xlsx = join(dir, 'report.xlsx');
    expect((await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'xlsx', '--out', xlsx, '--fail-on', 'never'])).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await runInspect([server.url, '--format', 'xlsx'])).code).toBe(2);
  });

  it('a re-scan says what is new, what was fixed, and leaves out what was reviewed', async () => {
    type Keyed = { key: string; ruleId: string; page: string };
    type WithHistory = { history: { previous: unknown; new: Keyed[]; persisting: Keyed[]; ignored: Keyed[]; fixed: { ruleId: string; page: string }[] } };
    const db = join(dir, 'history.sqlite');
    const first = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json', '--db', db]);
    const h1 = (first.doc as unknown as WithHistory).history;
    expect(h1.previous).toBeNull();
    expect(h1.new.length).toBe(first.doc!.findings.length);
    // The site takes its attachments down; the ID numbers are fixed, the rest persists.
    const port = server.port;
    await server.close();
    server = await serveSite(site(false), { port });
    const second = await runInspect([server.url, '--allow-private', '--date', '2026-07-01', '--format', 'json', '--db', db]);
    const h2 = (second.doc as unknown as WithHistory).history;
    expect(h2.fixed.map((f) => f.ruleId)).toContain('privacy/cn-id-card');
    const blank = h2.persisting.find((k) => k.ruleId === 'site/blank-column')!;
    expect(path(blank.page)).toBe('/xxgk.htm');
    // The blank column is reviewed: --ignore its key; the next run counts it as ignored, not new or persisting.
    const third = await runInspect([server.url, '--allow-private', '--date', '2026-07-02', '--format', 'json', '--db', db, '--ignore', blank.key]);
    const h3 = (third.doc as unknown as WithHistory).history;
    expect(h3.ignored.map((k) => k.key)).toEqual([blank.key]);
    expect([...h3.new, ...h3.persisting].some((k) => k.ruleId === 'site/blank-column')).toBe(false);
    const text = await runInspect([server.url, '--allow-private', '--date', '2026-07-03', '--db', db, '--fail-on', 'never']);
    expect(text.stdout).toMatch(/已复核忽略 1 个/);
  });
});

