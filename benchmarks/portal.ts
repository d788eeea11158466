/**
 * Generated government-portal pages for the whole-job benchmark: a page of about 8 KB with a portal's
 * chrome (navigation, breadcrumb, footer with the site code and record numbers) around an article
 * assembled from the real official texts of `test/fixtures/clean/`, one slip in every fifth page.
 * Deterministic: the same index gives the same page on every machine.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './corpus.js';

const clean = fileURLToPath(new URL('../test/fixtures/clean/', import.meta.url));

/** Paragraphs of the clean corpus (simplified texts only), without their source headers. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(clean).sort()) {
    for (const line of readFileSync(join(clean, f), 'utf8').split('\n')) {
      const t = line.trim();
      if (t.length >= 40 && !t.startsWith('#') && !/[們國會這為與從時]/.test(t)) out.push(t);
    }
  }
  return out;
}

const NAV = ['首页', '政务公开', '政务服务', '互动交流', '走进本区', '政策文件', '通知公告', '部门动态'];
const SLIPS = ['要再接再励，', '安排布署', '严惩不怠', '委员汇'];

/**
 * Paragraphs of `pool` made afresh: three to six sentences drawn at random from all of the pool's, so that
 * no two pages share a paragraph (the clean corpus has 191 paragraphs: pages that draw them whole repeat one
 * another's text, which real sites do only in their chrome, column lists and reposts).
 */
function freshParagraph(sentences: readonly string[], random: () => number): string {
  const n = 3 + Math.floor(random() * 4);
  let p = '';
  for (let k = 0; k < n; k++) p += sentences[Math.floor(random() * sentences.length)] as string;
  return p;
}

const sentencesOf = new WeakMap<readonly string[], string[]>();

/**
 * The page of index `i` (UTF-8 about 8 KB). Its article is paragraphs of the clean corpus drawn whole, which
 * repeat from page to page, or, with `unique`, paragraphs made afresh from the corpus's sentences, which do not.
 */
export function portalPage(i: number, pool = paragraphs(), unique = false): string {
  const random = createRandom(0x5eed + i);
  let sentences = sentencesOf.get(pool);
  if (!sentences) sentencesOf.set(pool, (sentences = pool.flatMap((p) => p.match(/[^。！？；]+[。！？；]?/g) ?? [])));
  const body: string[] = [];
  let size = 0;
  while (size < 1900) {
    let p = unique ? freshParagraph(sentences, random) : (pool[Math.floor(random() * pool.length)] as string);
    if (size === 0 && i % 5 === 0) p = `${SLIPS[(i / 5) % SLIPS.length]}${p}`;
    body.push(`<p style="text-indent:2em">${p}</p>`);
    size += p.length;
  }
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>第${i}号通知 - 某某区人民政府</title>
<meta name="SiteName" content="某某区人民政府"><meta name="PubDate" content="2024-05-${day} 09:30">
<link rel="stylesheet" href="/css/main.css"></head>
<body><div class="header"><img src="/images/logo.png" alt="某某区人民政府" width="420" height="80"></div>
<ul class="nav">${NAV.map((n, k) => `<li><a href="/col${k}/index.html">${n}</a></li>`).join('')}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col6/index.html">通知公告</a></div>
<div class="article"><h1>关于做好第${i}批重点工作的通知</h1><div class="info">发布时间：2024-05-${day} 来源：区政府办公室</div>
${body.join('\n')}
</div>
<div class="footer"><p>主办：某某区人民政府办公室 网站标识码：3301000001 <a href="https://beian.miit.gov.cn/">浙ICP备05001234号</a></p>
<p>地址：某某区人民路1号 邮编：310000</p></div></body></html>
`;
}

/** Writes pages 0 … n-1 into `dir` as p00000.html … (with `unique`, articles no two pages share); returns their paths. */
export function writePortal(dir: string, n: number, unique = false): string[] {
  mkdirSync(dir, { recursive: true });
  const pool = paragraphs();
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `p${String(i).padStart(5, '0')}.html`);
    writeFileSync(path, portalPage(i, pool, unique));
    paths.push(path);
  }
  return paths;
}
