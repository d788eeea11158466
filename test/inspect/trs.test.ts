import { vi } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trsSite } from '../fixtures/sites/trs.js';
import { byRule, path, runInspect } from '../helpers/inspect-run.js';
import { serveSite, type SiteServer } from '../helpers/site-server.js';
import type { InspectDocument } from '../../src/core/site.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let server: SiteServer;
let doc: InspectDocument;
let code: number;
let stderr: string;

beforeAll(async () => {
  server = await serveSite(trsSite());
  const r = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json']);
  ({ code, stderr } = r);
  doc = r.doc!;
}, 60_000);
afterAll(() => server.close());

describe('inspect: a TRS WCM county portal over HTTP', () => {
  it('prints the JSON document of DESIGN.md and exits 1 on errors', () => {
    expect(code).toBe(1);
    expect(doc.version).toBe(1);
    expect(doc.site).toMatchObject({ url: server.url, date: '2026-06-30' });
    expect(doc.site.pages).toBeGreaterThanOrEqual(30);
    expect(stderr).toContain('抓取完成');
  });

  it('finds the columns from navigation, home blocks and the section menu, with kinds and newest dates', () => {
    const cols = Object.fromEntries(doc.columns.map((c) => [path(c.url), c]));
    expect(cols['/zwdt/gzdt/']).toMatchObject({ title: '工作动态', kind: 'news', latest: '2026-06-25', threshold: 14 });
    // Page 2 (written by createPageHTML) belongs to the column: its items are counted.
    expect(cols['/zwdt/gzdt/']!.items).toBe(9);
    expect(cols['/zwdt/xzdt/']).toMatchObject({ title: '乡镇动态', kind: 'news', latest: '2026-05-01', days: 60 });
    expect(cols['/xxgk/tzgg/']).toMatchObject({ title: '通知公告', kind: 'notice', latest: '2026-03-15', threshold: 183 });
    expect(cols['/xxgk/zcwj/']).toMatchObject({ kind: 'policy', latest: '2025-10-09' });
    expect(cols['/xxgk/rsxx/']).toMatchObject({ title: '人事信息', kind: 'personnel', items: 0, latest: null });
    expect(cols['/xxgk/ghjh/']).toMatchObject({ kind: 'planning', latest: '2025-12-01', threshold: 365 });
    expect(cols['/zwdt/gzdt/index_1.html']).toBeUndefined();
    expect(cols['/lxwm/']).toBeUndefined();
  });

  it('reports exactly the stale and blank columns, and the home page as fresh', () => {
    expect(byRule(doc, 'site/stale-column').map((f) => path(f.page)).sort()).toEqual(['/xxgk/zcwj/', '/zwdt/xzdt/']);
    expect(byRule(doc, 'site/blank-column').map((f) => path(f.page))).toEqual(['/xxgk/rsxx/']);
    expect(byRule(doc, 'site/homepage-stale')).toEqual([]);
  });

  it('finds the story published again under a new date, not the two reposts of a 新华社 document', () => {
    const dup = byRule(doc, 'site/duplicate-article');
    expect(dup).toHaveLength(1);
    expect((dup[0]!.data as { pages: string[] }).pages.map(path)).toEqual(['/zwdt/gzdt/202606/t20260620_1999.html', '/zwdt/xzdt/202605/t20260501_2008.html']);
    expect(dup[0]!.data).toMatchObject({ redated: true, veto: false });
  });

  it('reports the message left open since February as the veto', () => {
    const [f, ...rest] = byRule(doc, 'site/unanswered-message');
    expect(rest).toEqual([]);
    expect(path(f!.page)).toBe('/zmhd/');
    expect(f!.data).toMatchObject({ column: '政民互动', pending: 1, oldest: '2026-02-10', veto: true, indicator: '互动回应差' });
    expect(doc.summary.veto).toEqual({ 'site/unanswered-message': 1 });
  });

  it('reports the footer dead link once for the site, with every page that shows it', () => {
    const dead = byRule(doc, 'link/dead-link');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.target!.src).toBe(`${server.url}wzdt/sitemap.html`);
    expect(dead[0]!.actual).toBe('/wzdt/sitemap.html');
    expect((dead[0]!.data as { pages: string[] }).pages).toHaveLength(doc.site.pages);
    // The broken logo image: once, not once per page.
    expect(byRule(doc, 'image/unreadable')).toHaveLength(1);
  });

  it('finds the published ID number with its page URL and title, masked in the output', () => {
    const [id] = byRule(doc, 'privacy/cn-id-card');
    expect(path(id!.page)).toBe('/zmhd/202605/t20260508_3003.html');
    expect(id!.title).toContain('关于低保申请进度的咨询');
    expect(id!.actual).toBe('110101********4514');
  });

  it('keeps robots.txt: the disallowed /admin/ is neither crawled nor link-checked', () => {
    expect(server.requests).toContain('/robots.txt');
    expect(server.requests.some((r) => r.startsWith('/admin'))).toBe(false);
    // `/` and `/index.html` are one page.
    expect(doc.findings.every((f) => !(f as { page?: string }).page?.endsWith('/index.html'))).toBe(true);
  });
});
