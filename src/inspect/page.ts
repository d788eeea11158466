import type { AnyNode, Element } from 'domhandler';
import { parseDom } from '../html/dom.js';
import { fullDates, headingYear, rowDate } from './dates.js';

/**
 * What one fetched page tells the site model: its title, links (with the region they sit in), the
 * dated item list it shows, pagination, a placeholder (暂无信息), interaction messages, the article
 * body. Pure: HTML and URL in, facts out. Heuristics follow the templates Chinese government CMSs
 * print (TRS WCM, Hanweb, WordPress themes, school sites): rows are `li`/`tr`/`div`/`dd` with a link
 * and a date; navigation, header, footer and side blocks are told apart by tag and class names.
 */

export type Region = 'nav' | 'header' | 'footer' | 'side' | 'main';

export interface PageLinkFact {
  /** Absolute URL, fragment removed. */
  readonly url: string;
  readonly text: string;
  readonly region: Region;
  /** A 更多/more link of a home-page block. */
  readonly more: boolean;
  /** The heading of the block the link sits in (for 更多 links: the column's name). */
  readonly heading?: string;
  readonly pagination: boolean;
}

export interface PageItemFact {
  readonly url: string;
  readonly title: string;
  readonly date: string | null;
}

export interface PageMessageFact {
  readonly title?: string;
  readonly asked: string;
  readonly answered: string | null;
  readonly status?: 'answered' | 'pending' | 'unknown';
}

export interface PageFacts {
  readonly url: string;
  readonly title: string;
  /** The page's headline (its first main-region h1, else h2), without the site name of `<title>`. */
  readonly heading?: string;
  readonly links: readonly PageLinkFact[];
  /** The main dated list (the largest group of dated rows outside navigation and side blocks). */
  readonly items: readonly PageItemFact[];
  /** Every dated row outside navigation/header/footer (a home page's blocks). */
  readonly allItems: readonly PageItemFact[];
  /** The largest undated list of links in the main region (≥3 rows), for lists that print no dates. */
  readonly undatedItems: readonly PageItemFact[];
  /** Pagination URLs (下一页, page numbers, TRS createPageHTML). */
  readonly pagination: readonly string[];
  /** The main region says 暂无信息 / 正在建设中 / 共0条 … and shows no dated list. */
  readonly placeholder: boolean;
  /** The main region says 暂无信息 … (whatever else it shows: a block of another column's items). */
  readonly placeholderText?: boolean;
  readonly messages: readonly PageMessageFact[];
  /** Visible text of the main region (navigation, header, footer, side blocks removed). */
  readonly mainText: string;
  /** The article body when the page has a content container (TRS_Editor, .article, .entry-content …), else mainText. */
  readonly body: string;
  /** The article's own date (发布时间：…, PubDate meta), or null. */
  readonly date: string | null;
  /** The page marks itself as a repost (转载, 来源：新华社 …). */
  readonly reposted: boolean;
  /** Breadcrumb's last part (当前位置：首页 > 政务公开 > 通知公告). */
  readonly crumb?: string;
  /** A `<meta http-equiv=refresh>` target. */
  readonly refresh?: string;
}

/** Class and id tokens of page chrome (whole tokens: `entry-header` or `nav-links` are not chrome). */
const SUFFIX = '(?:[-_]?(?:box|wrap|wrapper|bar|con|cont|main|inner|area|bg|top|list|\\d+))?';
const NAV_CLASS = new RegExp(`^(?:main[-_]?|top[-_]?|sub[-_]?|site[-_]?|left[-_]?|g[-_]?|primary[-_]?)?(?:nav|navs|navbar|navigation|menu|menus|daohang|dh|lanmu)${SUFFIX}$`, 'i');
const HEADER_CLASS = new RegExp(`^(?:site[-_]?|g[-_]?|page[-_]?)?(?:header|head|hd|top|topbar|banner|masthead|logo)${SUFFIX}$`, 'i');
const FOOTER_CLASS = new RegExp(`^(?:site[-_]?|g[-_]?|page[-_]?)?(?:foot|footer|ft|bottom|copyright|banquan|copy|colophon)${SUFFIX}$`, 'i');
const SIDE_CLASS = new RegExp(`^(?:side|sidebar|aside|widget-area|secondary|hot|hots|rank|ranking|related|xgwz|xgxx|xglj|tuijian|recommend|friendlink|friend-link|yqlj|links)${SUFFIX}$`, 'i');
const CRUMB_CLASS = /crumb|position|location|weizhi|dqwz|curr?pos|mianbao|(?:^|[-_\s])path(?:[-_\s]|$)/i;
const PAGER_CLASS = /^(?:page|pages|pager|pagination|paging|fenye|turn-?page|pagebar|page-?list|page-?numbers|nav-links|p_pages|pagenav|page_?nav)\d*$/i;
const CONTENT_CLASS =
  /^(?:trs_editor|trs_ueditor|article|article[-_]?(?:con|content|body|text|box)|content|contents|detail|details|detail[-_]?(?:con|content|body|text)|zoom|con_?text|news_?(?:text|content|con|body)|newstext|entry-content|post-content|wenzhang|xxgk_content|main-?text|art_?con\w*|bt_content|text|zw|zhengwen|view|v_news_content|wp_articlecontent)$/i;
const HEADING_CLASS = /^(?:[a-z]+[-_])?(?:tit|title|titles|hd|head|header|bt|lmmc|name|caption|tab|tabs|bt_title|column-title)(?:[-_]?\w{0,6})?$/i;

const MORE_TEXT = /^(?:[+＋]?\s*更多\s*(?:[>»›+＋]+|\.{3}|…)?|more\s*(?:[>»›+]+)?|[>»›]{2,}|[+＋]|查看更多)$/i;
const PAGER_TEXT = /^(?:下一页|下页|尾页|末页|上一页|上页|首页|前页|后页|\d{1,4}|[<>«»‹›]{1,2}|next|prev(?:ious)?|last|first|›|»)$/i;
const PLACEHOLDER = /暂无(?:信息|数据|内容|记录|相关信息|文章|新闻)|没有(?:相关)?(?:信息|数据|记录|内容)|(?:正在|栏目|页面)?建设中|信息(?:正在)?整理中|敬请期待|共\s*0\s*条|无相关(?:信息|数据|记录)|没有找到(?:相关)?(?:信息|记录)|没有符合(?:您|你)?(?:的)?(?:搜索)?条件|未找到(?:相关)?(?:内容|文章|信息)|no (?:posts|entries|items) found|nothing found/i;

const ATTACHMENT = /\.(?:pdf|docx?|xlsx?|wps|et|dps|pptx?|ofd|zip|rar|7z|txt|csv)$/i;

/** The central publishers whose articles government sites repost (转载). */
const REPOST = /转载|转自|来源[:：]\s*(?:新华社|新华网|人民日报|人民网|央视|中央广播电视总台|中国政府网|国务院|求是|光明日报|经济日报|中国日报|学习强国|中新社|中国新闻网)/;

const BLOCK_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'dl', 'p', 'div', 'td', 'article', 'section', 'span', 'h2', 'h3', 'h4', 'tbody', 'table', 'ul']);

function isEl(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

function* walk(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < 200_000) {
    const n = stack.pop()!;
    seen++;
    if (isEl(n)) yield n;
    const children = (n as { children?: AnyNode[] }).children;
    if (children && !(isEl(n) && (n.name === 'script' || n.name === 'style' || n.name === 'noscript' || n.name === 'template'))) {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

const textCache = new WeakMap<AnyNode, string>();
/** Per node, its text before whitespace is collapsed, built from its children's: see `rawText`. */
const rawCache = new WeakMap<AnyNode, string>();

const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

/**
 * A node's text as `text` gathers it (a space before each block element and <br>), uncollapsed, built
 * bottom-up from its children's and cached per node: asking it of every element of a page costs one
 * pass over the tree, where walking each element's subtree anew cost the page's size times its depth
 * (a hostile page of thousands of nested blocks took seconds).
 */
function rawText(node: AnyNode): string {
  const hit = rawCache.get(node);
  if (hit !== undefined) return hit;
  const stack: { n: AnyNode; ready: boolean }[] = [{ n: node, ready: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const n = top.n;
    if (rawCache.has(n)) continue;
    if (n.type === 'text') {
      rawCache.set(n, (n as unknown as { data: string }).data);
      continue;
    }
    if (isEl(n) && HIDDEN.has(n.name)) {
      rawCache.set(n, '');
      continue;
    }
    const children = (n as { children?: AnyNode[] }).children ?? [];
    if (!top.ready) {
      stack.push({ n, ready: true });
      for (let i = children.length - 1; i >= 0; i--) if (!rawCache.has(children[i]!)) stack.push({ n: children[i]!, ready: false });
      continue;
    }
    let out = isEl(n) && (BLOCK_TAGS.has(n.name) || n.name === 'br') ? ' ' : '';
    for (const c of children) out += rawCache.get(c) ?? '';
    rawCache.set(n, out);
  }
  return rawCache.get(node) ?? '';
}

/** Visible text of a node, whitespace collapsed; scripts and styles skipped. */
function text(node: AnyNode, skip?: (el: Element) => boolean): string {
  if (!skip) {
    const hit = textCache.get(node);
    if (hit !== undefined) return hit;
    const out = rawText(node).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    textCache.set(node, out);
    return out;
  }
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data);
      continue;
    }
    if (isEl(n)) {
      if (n.name === 'script' || n.name === 'style' || n.name === 'noscript' || n.name === 'template') continue;
      if (skip && n !== node && skip(n)) continue;
      if (BLOCK_TAGS.has(n.name) || n.name === 'br') parts.push(' ');
    }
    const children = (n as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const out = parts.join('').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!skip) textCache.set(node, out);
  return out;
}

/** Text with line breaks kept at block boundaries (for 来源/编辑 lines in article bodies). */
function blockText(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data.replace(/[\s\u00a0\u3000]+/g, ' '));
      continue;
    }
    if (isEl(n)) {
      if (n.name === 'script' || n.name === 'style' || n.name === 'noscript' || n.name === 'template') continue;
      if (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li' || n.name === 'tr' || /^h\d$/.test(n.name)) parts.push('\n');
    }
    const children = (n as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

function classOf(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

function hasToken(el: Element, re: RegExp): boolean {
  const cls = classOf(el);
  if (cls === ' ') return false;
  for (const t of cls.split(/\s+/)) if (t !== '' && re.test(t)) return true;
  return false;
}

/** Inside an article or the main element: a `<header>` there is the article's own. */
function inContent(el: Element): boolean {
  for (let n: AnyNode | null = el.parent; n; n = n.parent) if (isEl(n) && (n.name === 'article' || n.name === 'main')) return true;
  return false;
}

/** The region an element sits in, from its nearest telling ancestor. */
function regionOf(el: Element, cache: Map<Element, Region>): Region {
  const chain: Element[] = [];
  let region: Region | undefined;
  for (let n: AnyNode | null = el; n; n = n.parent) {
    if (!isEl(n)) continue;
    const hit = cache.get(n);
    if (hit) {
      region = hit;
      break;
    }
    chain.push(n);
    const name = n.name;
    const cls = classOf(n);
    if ((name === 'nav' && !hasToken(n, PAGER_CLASS)) || hasToken(n, NAV_CLASS) || CRUMB_CLASS.test(cls)) region = 'nav';
    else if ((name === 'footer' && !inContent(n)) || hasToken(n, FOOTER_CLASS)) region = 'footer';
    else if ((name === 'header' && !inContent(n)) || hasToken(n, HEADER_CLASS)) region = 'header';
    else if (name === 'aside' || hasToken(n, SIDE_CLASS)) region = 'side';
    if (region) break;
  }
  const result = region ?? 'main';
  for (const c of chain) cache.set(c, result);
  return result;
}

function inPager(el: Element): boolean {
  for (let n: AnyNode | null = el.parent, depth = 0; n && depth < 4; n = n.parent, depth++) if (isEl(n) && hasToken(n, PAGER_CLASS)) return true;
  return false;
}

function resolve(href: string | undefined, base: URL): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^(?:javascript|mailto|tel|sms|data|about|weixin):/i.test(h)) return undefined;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

const headings = new WeakMap<Element, string | null>();

/** The first heading-like descendant of `n` (h1–h6, or a title/hd class), cleaned; cached per element. */
function headingOf(n: Element): string | undefined {
  const hit = headings.get(n);
  if (hit !== undefined) return hit ?? undefined;
  let found: string | null = null;
  for (const c of walk(n)) {
    if (c === n || c.name === 'a') continue;
    if (/^h[1-6]$/.test(c.name) || hasToken(c, HEADING_CLASS)) {
      const t = text(c, (x) => x.name === 'a' && MORE_TEXT.test(text(x)))
        .replace(/[+＋]?\s*更多\s*[>»›+＋]*|more\s*[>»›+]*/gi, '')
        .trim();
      if (t.length >= 2 && t.length <= 16) {
        found = t;
        break;
      }
    }
  }
  headings.set(n, found);
  return found ?? undefined;
}

/** Tabs: a heading element of several short parts (<li>要闻</li><li>公告</li>); their texts, else undefined. */
function tabsOf(n: Element): { element: Element; names: string[] } | undefined {
  for (const c of walk(n)) {
    if (c === n || !(/^h[1-6]$/.test(c.name) || hasToken(c, HEADING_CLASS))) continue;
    const parts = c.children.filter((x): x is Element => isEl(x) && text(x).length > 0 && !MORE_TEXT.test(text(x)) && !(x.name === 'a' && hasToken(x, /^more$/i)));
    if (parts.length >= 2 && parts.every((x) => text(x).length <= 16)) return { element: c, names: parts.map((x) => text(x)) };
    return undefined;
  }
  return undefined;
}

/** The heading of the block around `el` (for a 更多 link: the column's name; in a tabbed block, its tab's). */
function blockHeading(el: Element): string | undefined {
  let n: AnyNode | null = el.parent;
  let child: Element = el;
  for (let depth = 0; n && depth < 4; child = n as Element, n = n.parent, depth++) {
    if (!isEl(n)) continue;
    const tabs = tabsOf(n);
    if (tabs) {
      // The panel holding `el` among its like siblings gives the tab's index.
      const panels = n.children.filter((x): x is Element => isEl(x) && x.name === child.name && (x.attribs.class ?? '') === (child.attribs.class ?? '') && !walkHas(x, tabs.element));
      const index = panels.indexOf(child);
      if (index >= 0 && index < tabs.names.length) return tabs.names[index];
      continue;
    }
    const h = headingOf(n);
    if (h) return h;
  }
  return undefined;
}

function walkHas(root: Element, target: Element): boolean {
  for (let n: AnyNode | null = target; n; n = n.parent) if (n === root) return true;
  return false;
}

const anchorCount = new WeakMap<Element, number>();

/** Anchors with a title-like text (4+ characters) below `n`; cached per element. */
function titledAnchors(n: Element): number {
  const hit = anchorCount.get(n);
  if (hit !== undefined) return hit;
  let count = 0;
  for (const c of walk(n)) if (c.name === 'a' && text(c).length >= 4) count++;
  anchorCount.set(n, count);
  return count;
}

const DATASTORE = /<script\b[^>]*type\s*=\s*["']?text\/xml["']?[^>]*>([\s\S]*?)<\/script>/gi;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

const linkCount = new WeakMap<Element, number>();

/** Distinct URLs that anchors with a title-like text (4+ characters) point to, below `el`. */
function itemLinks(el: Element, base: URL): number {
  const hit = linkCount.get(el);
  if (hit !== undefined) return hit;
  const urls = new Set<string>();
  for (const c of walk(el)) {
    if (c.name !== 'a' || text(c).length < 4) continue;
    urls.add(resolve(c.attribs.href, base) ?? '');
    if (urls.size > 1) break;
  }
  linkCount.set(el, urls.size);
  return urls.size;
}

/** Levels a list row's container is looked for above the row. */
const CLIMB = 16;

const TRS_PAGER = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]/;

/** Reads one page. `today` is the inspection date (for month-day dates without a year). */
export function analyzePage(source: string, pageUrl: string, today: string): PageFacts {
  // Hanweb (大汉) lists keep their rows in <script type="text/xml"><datastore><record><![CDATA[<li>…]]>,
  // which the page's script writes out: read them as the browser shows them.
  const html = source.includes('<record') ? source.replace(DATASTORE, (all, inner: string) => (/<record/i.test(inner) ? `<div class="datastore">${[...inner.matchAll(CDATA)].map((m) => m[1]).join('\n')}</div>` : all)) : source;
  const dom = parseDom(html, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  let base = new URL(pageUrl);
  let title = '';
  let refresh: string | undefined;
  let metaDate: string | null = null;
  const all = [...walk(dom)];
  for (const el of all) {
    if (el.name === 'base' && el.attribs.href) {
      try {
        base = new URL(el.attribs.href, base);
      } catch {
        // ignore a bad <base>
      }
    } else if (el.name === 'title' && !title) title = text(el);
    else if (el.name === 'meta') {
      const name = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
      if ((el.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
        const m = /url\s*=\s*['"]?([^'";]+)/i.exec(el.attribs.content ?? '');
        if (m) refresh = resolve(m[1], base);
      }
      if (/^(?:pubdate|publishdate|firstpublishedtime|article:published_time|dc\.date|maketime)$/.test(name)) metaDate ??= fullDates(el.attribs.content ?? '')[0] ?? null;
    }
  }
  const regions = new Map<Element, Region>();
  const body = all.find((e) => e.name === 'body') ?? dom;

  // Year headings (2024年) in document order, for month-day dates below them.
  const years: { at: number; year: number }[] = [];
  for (const el of all) {
    if (el.children.length > 3 || !/^(?:h[1-6]|caption|th|dt|strong|b|span|div|p|li|em)$/.test(el.name)) continue;
    const t = text(el);
    if (t.length > 8) continue;
    const y = headingYear(t);
    if (y !== undefined && el.startIndex !== null) years.push({ at: el.startIndex, year: y });
  }
  const yearAt = (at: number | null): number | undefined => {
    let y: number | undefined;
    if (at === null) return undefined;
    for (const h of years) if (h.at < at) y = h.year;
    return y;
  };

  const links: PageLinkFact[] = [];
  const pagination = new Set<string>();
  type Row = { item: PageItemFact; container: Element | null; region: Region };
  const rows: Row[] = [];
  const undated = new Map<Element, PageItemFact[]>();
  for (const el of all) {
    if (el.name !== 'a' && el.name !== 'area') continue;
    const url = resolve(el.attribs.href, base);
    if (!url) continue;
    const anchor = text(el) || (el.attribs.title ?? '').trim();
    const region = regionOf(el, regions);
    const more = MORE_TEXT.test(anchor) || /(?:^|[-_\s])more(?:[-_\s]|$)/i.test(el.attribs.class ?? '');
    const isPager = (PAGER_TEXT.test(anchor) && inPager(el)) || /^(?:下一页|下页|尾页|末页)$/.test(anchor);
    if (isPager) pagination.add(url);
    const heading = more || region === 'main' ? blockHeading(el) : undefined;
    links.push({ url, text: anchor, region, more, pagination: isPager, ...(heading ? { heading } : {}) });
    if (isPager || more || region === 'nav' || region === 'header' || region === 'footer') continue;
    const itemTitle = (el.attribs.title ?? '').trim().length > anchor.length ? el.attribs.title!.trim() : anchor;
    if (itemTitle.length < 4 || /^[\d\s年月日\-/.:[\]()（）【】]+$/.test(itemTitle) || ATTACHMENT.test(new URL(url).pathname)) continue;
    // The row: climb while the ancestor holds this one link (two at most: a category tag and the title).
    let row: Element = el;
    let date: string | null = null;
    for (let n: AnyNode | null = el.parent, depth = 0; n && isEl(n) && n !== body && depth < 4; n = n.parent, depth++) {
      if (titledAnchors(n) > 2 || text(n).length > 300) break;
      row = n;
      date = rowDate(text(n), { today, exclude: anchor, ...(yearAt(n.startIndex) !== undefined ? { year: yearAt(n.startIndex)! } : {}) });
      if (date) break;
    }
    let title = itemTitle;
    if (!date) {
      // The date printed inside the link: <a><span>标题</span><em>2024-05-06</em></a> or "标题 [05-06]".
      const inner = [...walk(el)].find((c) => c !== el && text(c).length <= 24 && /^[\s[(（【]*\d/.test(text(c)) && rowDate(text(c), { today }) !== null);
      const tail = /(?:\s|^)[[(（【]?((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{2}-\d{2})[\])）】]?\s*$/.exec(anchor);
      const shown = inner ? text(inner) : tail ? tail[0] : undefined;
      if (shown) {
        date = rowDate(shown, { today, ...(yearAt(el.startIndex) !== undefined ? { year: yearAt(el.startIndex)! } : {}) });
        if (date && title.endsWith(shown.trim())) title = title.slice(0, title.length - shown.trim().length).trim();
      }
    }
    const item = { url, title, date };
    // The list the row belongs to: climb on while the ancestor holds this item alone (a post's header
    // inside its <article>, a cell inside its row), so that rows of one list share one container.
    // At most CLIMB levels: a row's wrappers are a few deep, and each level asked walks its subtree (a hostile
    // page nesting one link thousands deep made this the page's size times its depth).
    let top: Element = row;
    for (let up = 0; up < CLIMB && top.parent && isEl(top.parent) && top.parent !== body && !/^(?:ul|ol|tbody|table|dl)$/.test(top.parent.name) && itemLinks(top.parent, base) <= 1; up++) top = top.parent;
    if (date) rows.push({ item, container: row === el ? null : (top.parent as Element | null), region });
    else if (region === 'main' && row !== el && row.parent && isEl(row.parent)) {
      const list = undated.get(row.parent);
      if (list) list.push(item);
      else undated.set(row.parent, [item]);
    }
  }
  // TRS WCM pagination: createPageHTML(pages, current, "index", "html") writes index_1.html …
  for (const el of all) {
    if (el.name !== 'script') continue;
    const m = TRS_PAGER.exec(el.children.map((c) => (c as unknown as { data?: string }).data ?? '').join(''));
    if (!m) continue;
    const pages = Math.min(Number(m[1]), 1000);
    for (let i = 1; i < pages; i++) {
      const u = resolve(`${m[3]}_${i}.${m[4]}`, base);
      if (u) pagination.add(u);
    }
  }

  const allItems = rows.filter((r) => r.region === 'main' || r.region === 'side').map((r) => r.item);
  // Rows of sibling containers of one kind (a list split under year headings) are one list.
  const ids = new Map<AnyNode, number>();
  const idOf = (n: AnyNode | null) => (n ? (ids.get(n) ?? (ids.set(n, ids.size), ids.size - 1)) : -1);
  const groups = new Map<string, PageItemFact[]>();
  for (const r of rows) {
    if (r.region !== 'main') continue;
    const key = r.container ? `${idOf(r.container.parent)}|${r.container.name}|${r.container.attribs.class ?? ''}` : 'none';
    const list = groups.get(key);
    if (list) list.push(r.item);
    else groups.set(key, [r.item]);
  }
  let items: PageItemFact[] = [];
  for (const list of groups.values()) if (list.length > items.length) items = list;
  items = [...new Map(items.map((i) => [i.url, i] as const)).values()];
  let undatedItems: PageItemFact[] = [];
  for (const list of undated.values()) if (list.length >= 3 && list.length > undatedItems.length) undatedItems = list;

  const skipChrome = (e: Element) => regionOf(e, regions) !== 'main';
  const mainText = text(body, skipChrome);
  let crumb: string | undefined;
  for (const el of all) {
    if (!CRUMB_CLASS.test(classOf(el))) continue;
    const parts = text(el)
      .split(/\s*(?:>|»|›|→|\/|＞|-)\s*/)
      .map((s) => s.replace(/^(?:当前位置|您的位置|你的位置|您现在的位置|现在的位置|所在位置)\s*[:：]?\s*/, '').trim())
      .filter(Boolean);
    const last = parts[parts.length - 1];
    if (last && last.length <= 16 && last !== '正文') crumb = last;
    else if (parts.length >= 2 && parts[parts.length - 2]!.length <= 16) crumb = parts[parts.length - 2];
    break;
  }

  // Article body: the content container with the most text.
  let bodyText = '';
  for (const el of all) {
    if (!hasToken(el, CONTENT_CLASS) || regionOf(el, regions) !== 'main') continue;
    const t = blockText(el);
    if (t.length > bodyText.length) bodyText = t;
  }
  if (bodyText === '') bodyText = mainText;
  const labelled = /(?:发布时间|发布日期|发文日期|成文日期|时间|日期)\s*[:：]\s*([^\n]{6,40})/.exec(mainText);
  const time = items.length === 0 ? all.find((e) => e.name === 'time' && e.attribs.datetime && regionOf(e, regions) === 'main') : undefined;
  const date = metaDate ?? (labelled ? (fullDates(labelled[1]!)[0] ?? null) : null) ?? (time ? (fullDates(time.attribs.datetime!)[0] ?? null) : null);

  const headline = (tag: string) => all.find((e) => e.name === tag && regionOf(e, regions) === 'main' && text(e).length >= 4);
  const h = headline('h1') ?? headline('h2');
  const heading = h ? text(h).slice(0, 120) : undefined;
  const mainForPlaceholder = mainText.length < 2000 ? mainText : '';
  return {
    url: pageUrl,
    title,
    ...(heading ? { heading } : {}),
    links,
    items,
    allItems,
    undatedItems,
    pagination: [...pagination].filter((u) => u !== pageUrl),
    placeholder: PLACEHOLDER.test(mainForPlaceholder) && items.length === 0,
    placeholderText: PLACEHOLDER.test(mainForPlaceholder),
    messages: readMessages(all, today),
    mainText,
    body: bodyText,
    date,
    reposted: REPOST.test(mainText),
    ...(crumb ? { crumb } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

const ASKED = /(?:留言|提问|来信|咨询|提交|写信|发表|投诉|诉求)(?:时间|日期)/;
const ANSWERED = /(?:答复|回复|办结|处理|回应)(?:时间|日期)/;
const STATUS = /状态/;
const DONE = /已(?:回复|答复|办结|处理|反馈|回应)|办结|已公开/;
const OPEN = /未(?:回复|答复|办结|处理|反馈)|待(?:回复|答复|处理|办理)|(?:办理|处理|受理)中|正在办理|尚未/;

function statusOf(t: string): 'answered' | 'pending' | 'unknown' {
  if (OPEN.test(t)) return 'pending';
  if (DONE.test(t)) return 'answered';
  return 'unknown';
}

/** Messages on an interaction list: a table with 留言时间 / 答复时间 / 状态 columns, or rows labelled 留言时间：… */
function readMessages(all: readonly Element[], today: string): PageMessageFact[] {
  const out: PageMessageFact[] = [];
  for (const table of all) {
    if (table.name !== 'table') continue;
    const trs = [...walk(table)].filter((e) => e.name === 'tr');
    const header = trs.findIndex((tr) => ASKED.test(text(tr)));
    if (header < 0) continue;
    const cells = (tr: Element) => [...walk(tr)].filter((e) => (e.name === 'td' || e.name === 'th') && e.parent === tr).map((e) => text(e));
    const head = cells(trs[header]!);
    const ai = head.findIndex((h) => ASKED.test(h));
    const ri = head.findIndex((h) => ANSWERED.test(h));
    const si = head.findIndex((h) => STATUS.test(h));
    const ti = head.findIndex((h) => /标题|主题|事项|内容/.test(h));
    if (ai < 0 || (ri < 0 && si < 0)) continue;
    for (const tr of trs.slice(header + 1)) {
      const c = cells(tr);
      const asked = c[ai] ? rowDate(c[ai]!, { today }) : null;
      if (!asked) continue;
      const answered = ri >= 0 && c[ri] ? rowDate(c[ri]!, { today }) : null;
      const status = si >= 0 && c[si] !== undefined ? statusOf(c[si]!) : answered ? 'answered' : 'unknown';
      out.push({ asked, answered, status, ...(ti >= 0 && c[ti] ? { title: c[ti] } : {}) });
    }
  }
  if (out.length > 0) return out;
  // Labelled rows: "留言时间：2024-05-06 … 答复时间：2024-05-09" or "状态：未回复".
  for (const el of all) {
    if (!/^(?:li|dl|div|tr|article|section)$/.test(el.name)) continue;
    const t = text(el);
    if (t.length > 400 || !ASKED.test(t)) continue;
    // Innermost row only: skip when a child element also holds a 留言时间 label.
    if ([...walk(el)].some((c) => c !== el && /^(?:li|dl|div|tr|article|section)$/.test(c.name) && ASKED.test(text(c)))) continue;
    const askedM = new RegExp(`${ASKED.source}\\s*[:：]?\\s*([^：:]{6,24})`).exec(t);
    const asked = askedM ? rowDate(askedM[1]!, { today }) : null;
    if (!asked) continue;
    const ansM = new RegExp(`${ANSWERED.source}\\s*[:：]?\\s*([^：:]{0,24})`).exec(t);
    const answered = ansM ? rowDate(ansM[1]!, { today }) : null;
    const statusM = /(?:状态|办理状态|回复状态)\s*[:：]?\s*(\S{2,6})/.exec(t);
    const status = statusM ? statusOf(statusM[1]!) : answered ? 'answered' : statusOf(t);
    out.push({ asked, answered, status });
  }
  return out;
}
