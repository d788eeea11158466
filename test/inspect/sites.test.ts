import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectDocument } from '../../src/core/site.js';
import { hanwebSite } from '../fixtures/sites/hanweb.js';
import { schoolSite } from '../fixtures/sites/school.js';
import { trsSite } from '../fixtures/sites/trs.js';
import { wordpressSite } from '../fixtures/sites/wordpress.js';
import { byRule, path, runInspect } from '../helpers/inspect-run.js';
import { serveSite, type SiteFiles, type SiteServer } from '../helpers/site-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const servers: SiteServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function inspect(files: SiteFiles, extra: string[] = [], tty = false): Promise<{ doc: InspectDocument; server: SiteServer; stderr: string; code: number }> {
  const server = await serveSite(files);
  servers.push(server);
  const r = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json', ...extra], { tty });
  return { doc: r.doc!, server, stderr: r.stderr, code: r.code };
}

const columns = (doc: InspectDocument) => Object.fromEntries(doc.columns.map((c) => [path(c.url), c]));
const pages = (doc: InspectDocument, id: string) => byRule(doc, id).map((f) => path(f.page)).sort();

describe('inspect: a Hanweb (大汉) bureau site', () => {
  it('reads rows kept in <script type="text/xml"> datastores, [06-28] dates on the home page, labelled messages', async () => {
    const { doc, server } = await inspect(hanwebSite());
    const cols = columns(doc);
    expect(Object.keys(cols).sort()).toEqual(['/col/col1002/index.html', '/col/col1003/index.html', '/col/col1004/index.html', '/col/col1005/index.html', '/col/col1006/index.html', '/col/col1007/index.html']);
    expect(cols['/col/col1002/index.html']).toMatchObject({ title: '部门动态', kind: 'news', latest: '2026-06-28', items: 4 });
    expect(cols['/col/col1004/index.html']).toMatchObject({ title: '政策解读', kind: 'policy' });
    expect(cols['/col/col1007/index.html']!.kind).toBe('interaction');
    expect(pages(doc, 'site/stale-column')).toEqual(['/col/col1003/index.html', '/col/col1005/index.html']);
    expect(pages(doc, 'site/blank-column')).toEqual(['/col/col1006/index.html']);
    expect(byRule(doc, 'site/homepage-stale')).toEqual([]);
    // Two identical one-line holiday notices are short notices, not a duplicate.
    expect(byRule(doc, 'site/duplicate-article')).toEqual([]);
    const [msg] = byRule(doc, 'site/unanswered-message');
    expect(msg!.data).toMatchObject({ pending: 1, oldest: '2026-05-10', veto: false });
    expect(msg!.severity).toBe('warning');
    // `/` redirects to /index.html: one home page; the dead footer link once.
    expect(doc.site.url).toBe(server.url);
    const dead = byRule(doc, 'link/dead-link');
    expect(dead.map((f) => path(f.target!.src))).toEqual(['/col/col9999/index.html']);
    expect((dead[0]!.data as { pages: string[] }).pages.length).toBe(doc.site.pages);
    // robots.txt: /module/ is never requested.
    expect(server.requests.some((r) => r.startsWith('/module/'))).toBe(false);
  });
});

describe('inspect: a neglected WordPress county site', () => {
  it('takes query URLs as pages by content type, and judges the home page stale (veto)', async () => {
    const { doc, stderr } = await inspect(wordpressSite());
    const cols = columns(doc);
    expect(Object.keys(cols).sort()).toEqual(['/?cat=2', '/?cat=3', '/?cat=4']);
    // Page 2 (/?cat=2&paged=2) belongs to 新闻动态.
    expect(cols['/?cat=2']).toMatchObject({ title: '新闻动态', kind: 'news', latest: '2026-05-01', items: 7 });
    expect(cols['/?cat=3']).toMatchObject({ kind: 'notice', latest: '2026-02-01' });
    const [home] = byRule(doc, 'site/homepage-stale');
    expect(home!.data).toMatchObject({ latest: '2026-05-01', days: 60, veto: true });
    expect(doc.summary.veto).toMatchObject({ 'site/homepage-stale': 1 });
    expect(pages(doc, 'site/stale-column')).toEqual(['/?cat=2']);
    expect(pages(doc, 'site/blank-column')).toEqual(['/?cat=4']);
    const [dup] = byRule(doc, 'site/duplicate-article');
    expect((dup!.data as { pages: string[] }).pages.map(path)).toEqual(['/?p=12', '/?p=90']);
    expect(dup!.data).toMatchObject({ dates: ['2026-04-02', '2026-04-25'], redated: true });
    // The missing PDF in the footer: one dead link for the site, and an attachment for the extractor.
    const dead = byRule(doc, 'link/dead-link');
    expect(dead.map((f) => path(f.target!.src))).toEqual(['/wp-content/uploads/2019/03/banshi-zhinan.pdf']);
    expect(doc.attachments!.map((a) => path(a.url))).toEqual(['/wp-content/uploads/2019/03/banshi-zhinan.pdf']);
    expect(stderr).toContain('附件 1 个');
  });
});

describe('inspect: a school site (VSB templates)', () => {
  it('reads every date style, a .jsp column, pagination behind 下页, and a column 建设中', async () => {
    const { doc } = await inspect(schoolSite());
    const cols = columns(doc);
    expect(cols['/xwzx/xxxw.htm']).toMatchObject({ title: '学校新闻', kind: 'news', latest: '2026-06-18', items: 5 });
    expect(cols['/xwzx/tzgg.htm']).toMatchObject({ title: '通知公告', kind: 'notice', latest: '2026-05-20' });
    expect(cols['/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=1013']).toMatchObject({ title: '校园动态', kind: 'news', latest: '2026-05-06' });
    expect(cols['/zsjy.htm']).toMatchObject({ kind: 'other', latest: '2025-09-01' });
    expect(cols['/rszp.htm']).toMatchObject({ kind: 'personnel', latest: '2025-03-01' });
    expect(pages(doc, 'site/stale-column')).toEqual(['/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=1013', '/rszp.htm']);
    expect(pages(doc, 'site/blank-column')).toEqual(['/xxgk.htm']);
    expect(byRule(doc, 'site/homepage-stale')).toEqual([]);
    expect(byRule(doc, 'link/dead-link').map((f) => path(f.target!.src))).toEqual(['/info/friendlink.htm']);
  });

  it('a column register overrides names, kinds and periods', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-register-'));
    try {
      const file = join(dir, 'register.json');
      writeFileSync(file, JSON.stringify([{ name: '招生就业信息', url: '/zsjy.htm', kind: 'notice', period: 90 }, { name: '校园动态', url: '/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=1013', period: 60 }]));
      const { doc } = await inspect(schoolSite(), ['--columns', file]);
      expect(columns(doc)['/zsjy.htm']).toMatchObject({ title: '招生就业信息', kind: 'notice', threshold: 90 });
      expect(pages(doc, 'site/stale-column')).toEqual(['/rszp.htm', '/zsjy.htm']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inspect: a local mirror folder with --base-url', () => {
  it('reads the mirror as the site at that URL, without a network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-mirror-'));
    try {
      for (const [p, r] of Object.entries(trsSite())) {
        if (p === '/' || typeof r !== 'string') continue;
        const file = join(dir, ...(p.endsWith('/') ? `${p}index.html` : p).split('/').filter(Boolean));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, r);
      }
      const r = await runInspect([dir, '--base-url', 'https://www.example.gov.cn/', '--date', '2026-06-30', '--format', 'json']);
      const doc = r.doc!;
      expect(doc.site.url).toBe('https://www.example.gov.cn/');
      expect(pages(doc, 'site/stale-column')).toEqual(['/xxgk/zcwj/index.html', '/zwdt/xzdt/index.html']);
      expect(pages(doc, 'site/blank-column')).toEqual(['/xxgk/rsxx/index.html']);
      expect(byRule(doc, 'site/duplicate-article')).toHaveLength(1);
      const sitemap = byRule(doc, 'link/dead-link').filter((f) => f.target!.src.endsWith('/wzdt/sitemap.html'));
      expect(sitemap).toHaveLength(1);
      expect((sitemap[0]!.data as { pages: string[] }).pages.length).toBe(doc.site.pages);
      expect(path(byRule(doc, 'privacy/cn-id-card')[0]!.page)).toBe('/zmhd/202605/t20260508_3003.html');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inspect: the command line', () => {
  it('refuses a loopback start URL without --allow-private, with exit 2', async () => {
    const server = await serveSite(schoolSite());
    servers.push(server);
    const r = await runInspect([server.url, '--date', '2026-06-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--allow-private');
    expect(server.requests).toEqual([]);
  });

  it('exits 2 with a clear message for bad usage and input, before any request', async () => {
    const xlsx = await runInspect(['http://example.test/', '--format', 'xlsx']);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('--out');
    expect((await runInspect(['http://example.test/', '--ignore', 'abcdef'])).code).toBe(2);
    expect((await runInspect(['not-a-url-or-folder'])).code).toBe(2);
    expect((await runInspect([tmpdir()])).stderr).toContain('--base-url');
    expect((await runInspect(['http://example.test/', '--format', 'pdf'])).code).toBe(2);
  });

  it('draws a progress line on a terminal, and prints the text report', async () => {
    const server = await serveSite(schoolSite());
    servers.push(server);
    const r = await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--fail-on', 'never'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\u001b\[K\[[█░]+\] 已抓取 \d+ 页 · 队列 \d+ · 错误 \d+/);
    expect(r.stdout).toContain('栏目更新情况');
    expect(r.stdout).toContain('校园动态');
    expect(r.stdout).toContain('问题明细');
  });
});
