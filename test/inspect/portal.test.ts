import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InspectDocument } from '../../src/core/site.js';
import { byRule, path, runInspect } from '../helpers/inspect-run.js';
import { serveSite, type SiteServer } from '../helpers/site-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * A portal written in yet another way: tabs on the home page, list rows as table cells with the date
 * inside the link, a blank column whose page shows a side block of the latest news (not its own), a
 * duplicate pair of short (~100-character) stories, and a dead link to another site (a second local
 * server) in every page's footer.
 */
function portal(other: string) {
  const nav = [
    ['要闻动态', '/news/list.html'],
    ['通知公告', '/notice/list.html'],
    ['人事信息', '/hr/list.html'],
    ['咨询投诉', '/ask/list.html'],
  ];
  const page = (title: string, main: string, side = '') => `<!doctype html><html><head><title>${title}</title></head><body>
<div id="head"><h1>某某区人民政府</h1></div><ul id="navbar">${nav.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('')}</ul>
<table width="1000"><tr><td width="250" valign="top">${side}</td><td valign="top">${main}</td></tr></table>
<div id="bottom"><a href="${other}gone.html">上级政府网站</a> 某某区人民政府版权所有</div></body></html>`;
  const rows = (items: [string, string, string][]) =>
    `<table class="newslist">${items.map(([h, t, d]) => `<tr><td><a href="${h}"><span class="t">${t}</span><span class="d">${d}</span></a></td></tr>`).join('')}</table>`;
  const latest = `<div class="box"><div class="box-t">最新动态</div>${rows([
    ['/news/3.html', '区长主持召开防汛工作会', '2026-06-26'],
    ['/news/2.html', '区政府召开安全生产会议', '2026-06-22'],
  ])}</div>`;
  const story = '区政府召开安全生产专题会议，研究部署汛期安全生产工作。会议要求各街道各部门压紧压实安全生产责任，深入开展隐患排查整治，确保全区安全形势稳定。';
  const article = (title: string, date: string, body: string) =>
    page(title, `<div class="art"><div class="art-title">${title}</div><div class="art-info">发布日期：${date}</div><div id="content"><p>${body}</p></div></div>`);
  return {
    '/': page(
      '首页',
      `<div class="tabs"><ul class="tab-nav"><li>要闻动态</li><li>通知公告</li></ul>
<div class="tab-panel">${rows([
        ['/news/3.html', '区长主持召开防汛工作会', '2026-06-26'],
        ['/news/2.html', '区政府召开安全生产会议', '2026-06-22'],
      ])}<a class="more" href="/news/list.html">更多</a></div>
<div class="tab-panel">${rows([['/notice/1.html', '关于开展夏季消防检查的通知', '2025-11-20']])}<a class="more" href="/notice/list.html">更多</a></div></div>`,
    ),
    '/news/list.html': page('要闻动态', rows([
      ['/news/3.html', '区长主持召开防汛工作会', '2026-06-26'],
      ['/news/2.html', '区政府召开安全生产会议', '2026-06-22'],
      ['/news/1.html', '区政府召开安全生产会议', '2026-03-02'],
    ])),
    '/news/3.html': article('区长主持召开防汛工作会', '2026-06-26', '区长主持召开防汛工作会议，听取各街道汛前准备情况汇报，要求落实防汛责任制，加强重点部位巡查，做好抢险队伍和物资准备，确保安全度汛。'),
    '/news/2.html': article('区政府召开安全生产会议', '2026-06-22', `${story}（编辑：赵六）`),
    '/news/1.html': article('区政府召开安全生产会议', '2026-03-02', story.replace(/，/g, '、')),
    // 通知公告: 222 days old, stale.
    '/notice/list.html': page('通知公告', rows([['/notice/1.html', '关于开展夏季消防检查的通知', '2025-11-20']])),
    '/notice/1.html': article('关于开展夏季消防检查的通知', '2025-11-20', '各单位：为做好夏季消防安全工作，现就开展消防检查有关事项通知如下。'),
    // 人事信息: blank, though its page shows the latest news in the side column.
    '/hr/list.html': page('人事信息', '<div class="empty">暂无信息</div>', latest),
    // 咨询投诉: an answer that publishes the writer's ID number.
    '/ask/list.html': page('咨询投诉', `<table class="xjlist"><tr><th>主题</th><th>来信时间</th><th>回复时间</th></tr>
<tr><td><a href="/ask/1.html">咨询社保缴费</a></td><td>2026-06-10</td><td>2026-06-12</td></tr></table>`),
    '/ask/1.html': article('咨询社保缴费', '2026-06-12', '来信人：李某，身份证号码 110101199003074514。答复：已为您办理社保缴费补录。'),
  };
}

let server: SiteServer;
let other: SiteServer;
let doc: InspectDocument;

beforeAll(async () => {
  other = await serveSite({});
  server = await serveSite(portal(other.url));
  doc = (await runInspect([server.url, '--allow-private', '--date', '2026-06-30', '--format', 'json'])).doc!;
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('inspect: a portal of tabs, table rows and dates inside links', () => {
  it('finds the columns and judges them: fresh news, stale notices, a blank column despite its side block', () => {
    const cols = Object.fromEntries(doc.columns.map((c) => [path(c.url), c]));
    expect(cols['/news/list.html']).toMatchObject({ title: '要闻动态', kind: 'news', latest: '2026-06-26' });
    expect(cols['/notice/list.html']).toMatchObject({ kind: 'notice', latest: '2025-11-20' });
    expect(cols['/hr/list.html']).toMatchObject({ kind: 'personnel', latest: null });
    expect(byRule(doc, 'site/stale-column').map((f) => path(f.page))).toEqual(['/notice/list.html']);
    expect(byRule(doc, 'site/blank-column').map((f) => path(f.page))).toEqual(['/hr/list.html']);
    expect(byRule(doc, 'site/homepage-stale')).toEqual([]);
  });
  it('finds the short story published twice, the ID number, and the other site’s dead link once', () => {
    expect(byRule(doc, 'site/duplicate-article').map((f) => (f.data as { pages: string[] }).pages.map(path))).toEqual([['/news/1.html', '/news/2.html']]);
    expect(byRule(doc, 'privacy/cn-id-card').map((f) => path(f.page))).toEqual(['/ask/1.html']);
    const dead = byRule(doc, 'link/dead-link');
    expect(dead.map((f) => f.target!.src)).toEqual([`${other.url}gone.html`]);
    expect((dead[0]!.data as { pages: string[] }).pages).toHaveLength(doc.site.pages);
    expect(other.requests.filter((r) => r === '/gone.html').length).toBeLessThanOrEqual(2);
  });
});
