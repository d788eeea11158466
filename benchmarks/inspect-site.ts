/**
 * The generated site the inspect benchmark crawls: a county portal of `PAGES` pages (home, 40 columns
 * of two list pages each, articles), TRS-style markup with ~6 KB of chrome per page, served on
 * 127.0.0.1 with `LATENCY_MS` per response. Run in a process of its own by inspect.bench.ts (so the
 * server's work is not counted as the crawler's); prints the origin on its first line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGES = Number(process.env.PAGES ?? 2000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 5);
const COLUMNS = 40;
const NAMES = ['工作动态', '通知公告', '政策文件', '人事信息', '规划计划', '乡镇动态', '部门动态', '政策解读', '公示公告', '图片新闻'];
const SENTENCE = ['县政府召开常务会议研究部署重点工作', '各乡镇各部门要压紧压实责任', '持续推进乡村振兴和农村人居环境整治', '加强安全生产隐患排查整治', '做好防汛抗旱和应急值守工作', '优化营商环境提升政务服务效能', '抓好民生实事项目建设', '推进生态环境保护和污染防治'];

const perColumn = Math.max(1, Math.ceil((PAGES - 1 - 2 * COLUMNS) / COLUMNS));
const chrome = (title: string, main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_某某县人民政府</title></head><body>
<div class="header"><div class="logo"><a href="/">某某县人民政府</a></div><div class="search"><form action="/search.jsp"><input name="q"></form></div></div>
<div class="nav"><ul>${Array.from({ length: COLUMNS }, (_, c) => `<li><a href="/c${c}/">${NAMES[c % NAMES.length]}${Math.floor(c / NAMES.length) || ''}</a></li>`).join('')}</ul></div>
<div class="main">${main}</div>
<div class="footer">${'<p>主办：某某县人民政府办公室 承办：某某县大数据中心 地址：某某县人民路1号 网站标识码：1234000001 某ICP备12345678号 公安备案号 12345678901234</p>'.repeat(8)}<a href="/sitemap.html">网站地图</a></div></body></html>`;

const date = (c: number, i: number) => {
  const d = new Date(Date.UTC(2026, 5, 28) - (c * 3 + i * 5) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const article = (c: number, i: number) =>
  chrome(
    `文章${c}-${i}`,
    `<div class="article"><h1>关于第${c}栏目第${i}项工作的情况通报</h1><div class="info">发布时间：${date(c, i)} 来源：县政府办</div><div class="TRS_Editor">${Array.from(
      { length: 12 },
      (_, k) => `<p>${SENTENCE[(c + i + k) % SENTENCE.length]}，第${c}栏目第${i}篇第${k}段，编号${(c * 997 + i * 31 + k) % 10007}。</p>`,
    ).join('')}</div></div>`,
  );
const list = (c: number, page: number) => {
  const half = Math.ceil(perColumn / 2);
  const items = Array.from({ length: page === 0 ? half : perColumn - half }, (_, k) => page * half + k);
  return chrome(
    NAMES[c % NAMES.length]!,
    `<ul class="list">${items.map((i) => `<li><a href="/c${c}/t${i}.html" title="第${i}篇">关于第${c}栏目第${i}项工作的情况通报</a><span>${date(c, i)}</span></li>`).join('')}</ul>
<div class="page"><script>createPageHTML(2, ${page}, "index", "html");</script></div>`,
  );
};
const home = chrome(
  '首页',
  Array.from({ length: 8 }, (_, c) => `<div class="block"><div class="title"><h3>${NAMES[c]}</h3><a class="more" href="/c${c}/">更多&gt;&gt;</a></div><ul class="list">${[0, 1, 2].map((i) => `<li><a href="/c${c}/t${i}.html">关于第${c}栏目第${i}项工作的情况通报</a><span>${date(c, i)}</span></li>`).join('')}</ul></div>`).join(''),
);

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  let body: string | undefined;
  if (url === '/' || url === '/index.html') body = home;
  else {
    const m = /^\/c(\d+)\/(?:(index_1\.html)|t(\d+)\.html)?$/.exec(url);
    if (m && Number(m[1]) < COLUMNS) {
      const c = Number(m[1]);
      if (m[3] !== undefined) body = Number(m[3]) < perColumn ? article(c, Number(m[3])) : undefined;
      else body = list(c, m[2] ? 1 : 0);
    }
  }
  setTimeout(() => {
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><title>404</title></html>');
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    }
  }, LATENCY_MS);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ ${1 + 2 * COLUMNS + perColumn * COLUMNS}`);
});
