import { describe, expect, it } from 'vitest';
import { rowDate } from '../../src/inspect/dates.js';
import { columnKind } from '../../src/inspect/model.js';
import { analyzePage } from '../../src/inspect/page.js';

const TODAY = '2026-06-30';

describe('dates as Chinese CMSs print them', () => {
  it.each([
    ['2024-05-06', '2024-05-06'],
    ['2024/5/6', '2024-05-06'],
    ['2024.05.06', '2024-05-06'],
    ['2024年5月6日', '2024-05-06'],
    ['2024年05月06日 星期一', '2024-05-06'],
    ['二〇二四年五月六日', '2024-05-06'],
    ['发布时间：2024-05-06 10:30:00', '2024-05-06'],
    ['关于2023年工作的报告 2024-05-06', '2024-05-06'],
    ['[06-20]', '2026-06-20'],
    ['(06-20)', '2026-06-20'],
    ['06-20', '2026-06-20'],
    ['7月1日', '2025-07-01'],
  ])('%s → %s', (text, date) => {
    expect(rowDate(text, { today: TODAY })).toBe(date);
  });
  it('takes the year from a heading, and reads no date into numbers that are not dates', () => {
    expect(rowDate('[05-06]', { today: TODAY, year: 2024 })).toBe('2024-05-06');
    for (const text of ['第12-13期', '10:30', '2024-13-01', '1.5', '共3-5人']) expect(rowDate(text, { today: TODAY })).toBeNull();
  });
  it('ignores a date inside the title when the row prints its own', () => {
    expect(rowDate('2023年5月6日会议纪要 2024-01-02', { today: TODAY, exclude: '2023年5月6日会议纪要' })).toBe('2024-01-02');
  });
});

describe('column kinds from names', () => {
  it.each([
    ['工作动态', 'news'],
    ['要闻', 'news'],
    ['图片新闻', 'news'],
    ['通知公告', 'notice'],
    ['公示公告', 'notice'],
    ['政策文件', 'policy'],
    ['政策解读', 'policy'],
    ['人事信息', 'personnel'],
    ['规划计划', 'planning'],
    ['领导信箱', 'interaction'],
    ['在线咨询', 'interaction'],
    ['机构概况', 'other'],
  ])('%s → %s', (name, kind) => {
    expect(columnKind(name)).toBe(kind);
  });
});

describe('page analysis', () => {
  it('takes the main list, not navigation, footer or a side block of hot items', () => {
    const html = `<html><head><title>通知公告_某某县</title></head><body>
<div class="nav"><a href="/a/">工作动态</a><a href="/b/">通知公告</a></div>
<div class="sidebar"><h3>热点</h3><ul><li><a href="/x/1.html">最新热点新闻一则</a><span>2026-06-29</span></li></ul></div>
<div class="list"><ul>
<li><a href="/b/1.html">关于开展安全检查的通知</a><span>2025-10-01</span></li>
<li><a href="/b/2.html">关于调整办公时间的通知</a><span>2025-09-01</span></li></ul>
<div class="page"><a href="/b/index_1.html">下一页</a></div></div>
<div class="footer"><a href="/map.html">网站地图</a> 2026-01-01</div></body></html>`;
    const f = analyzePage(html, 'http://gov.test/b/', TODAY);
    expect(f.items.map((i) => [i.url, i.date])).toEqual([
      ['http://gov.test/b/1.html', '2025-10-01'],
      ['http://gov.test/b/2.html', '2025-09-01'],
    ]);
    expect(f.pagination).toEqual(['http://gov.test/b/index_1.html']);
    expect(f.links.find((l) => l.text === '工作动态')!.region).toBe('nav');
    expect(f.links.find((l) => l.text === '网站地图')!.region).toBe('footer');
    expect(f.placeholder).toBe(false);
  });
  it('sees placeholders and interaction tables', () => {
    expect(analyzePage('<body><div class="list">暂无信息</div></body>', 'http://gov.test/c/', TODAY).placeholder).toBe(true);
    const table = analyzePage(
      `<body><table><tr><th>标题</th><th>提问时间</th><th>回复状态</th></tr>
<tr><td>咨询一</td><td>2026-05-01</td><td>已回复</td></tr><tr><td>咨询二</td><td>2026-05-02</td><td>待回复</td></tr></table></body>`,
      'http://gov.test/hd/',
      TODAY,
    );
    expect(table.messages).toEqual([
      { asked: '2026-05-01', answered: null, status: 'answered', title: '咨询一' },
      { asked: '2026-05-02', answered: null, status: 'pending', title: '咨询二' },
    ]);
  });
  it('reads an article: its body, headline, date and repost mark', () => {
    const f = analyzePage(
      `<html><head><title>标题_某某县</title><meta name="PubDate" content="2026-03-04 09:00"></head><body><div class="header">某某县人民政府</div>
<div class="detail"><h1>国务院关于某事的通知</h1><p>来源：新华社</p><div class="TRS_Editor"><p>第一段。</p><p>第二段。</p></div></div></body></html>`,
      'http://gov.test/a/1.html',
      TODAY,
    );
    expect(f).toMatchObject({ heading: '国务院关于某事的通知', date: '2026-03-04', reposted: true });
    expect(f.body).toContain('第一段。\n第二段。');
  });
});

describe('list rows of other templates', () => {
  it('reads the date printed inside the link, and rows of a table', () => {
    const f = analyzePage(
      `<body><div class="list"><ul><li><a href="/n/1.html"><span>县政府召开常务会议</span><em>2026-06-20</em></a></li>
<li><a href="/n/2.html">县长调研防汛工作 [06-18]</a></li><li><a href="/n/3.html">关于2026年5月6日会议的通知</a></li></ul></div>
<table class="tab"><tr><td><a href="/t/1.html">政策文件标题一</a></td><td>2025-01-02</td></tr><tr><td><a href="/t/2.html">政策文件标题二</a></td><td>2025-01-01</td></tr>
<tr><td><a href="/t/3.html">政策文件标题三</a></td><td>2024-12-30</td></tr><tr><td><a href="/t/4.html">政策文件标题四</a></td><td>2024-12-01</td></tr></table></body>`,
      'http://gov.test/',
      TODAY,
    );
    expect(f.allItems.slice(0, 2)).toEqual([
      { url: 'http://gov.test/n/1.html', title: '县政府召开常务会议', date: '2026-06-20' },
      { url: 'http://gov.test/n/2.html', title: '县长调研防汛工作', date: '2026-06-18' },
    ]);
    // A date that is part of the title is not the item's date.
    expect(f.allItems.find((i) => i.url.endsWith('/n/3.html'))).toBeUndefined();
    expect(f.items.map((i) => i.date)).toEqual(['2025-01-02', '2025-01-01', '2024-12-30', '2024-12-01']);
  });
});

describe('analyzePage on hostile nesting (issue 17: a crawled page is attacker-controlled)', () => {
  it('parses with the depth cap: a link nested 8,000 deep is still read, and 4× the depth costs far less than 16× the work', () => {
    const page = (n: number) => `<body>${'<div>'.repeat(n)}<a href="/x.html">正文链接</a></body>`;
    const deep = analyzePage(page(8_000), 'http://gov.test/', TODAY);
    expect(deep.links.some((l) => l.url === 'http://gov.test/x.html')).toBe(true);
    // The least of five runs: a collection or another process's turn only ever adds time to one.
    const cpu = (n: number) => {
      const html = page(n);
      analyzePage(html, 'http://gov.test/', TODAY); // warm
      let least = Infinity;
      for (let run = 0; run < 5; run++) {
        const start = process.cpuUsage();
        analyzePage(html, 'http://gov.test/', TODAY);
        const used = process.cpuUsage(start);
        least = Math.min(least, used.user + used.system);
      }
      return least;
    };
    // Quadratic parsing (htmlparser2's unshift stack) would cost ~16× here; capped, it stays near 4×.
    // Quadratic parsing (htmlparser2's unshift stack) would cost ~16× here; capped, and with each element's text
    // built bottom-up and a row's container looked for a bounded number of levels up, it stays near 4× (measured
    // 3.6–4.4× alone, up to 6.7× beside the rest of the suite).
    expect(cpu(24_000) / cpu(6_000)).toBeLessThan(9);
  });
});
