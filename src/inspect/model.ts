import type { ColumnKind, InspectColumn, SiteArticle, SiteColumn, SiteItem, SiteMessage, SiteModel, SitePage } from '../core/site.js';
import { columnPeriod, DEFAULT_PERIODS } from '../rules/site/stale-column.js';
import { daysBetween, newest } from '../rules/site/helpers/dates.js';
import type { PageFacts } from './page.js';

/** A page as the crawler or the mirror reader saw it. */
export interface SeenPage extends SitePage {
  /** Facts of an HTML page that was read. */
  readonly facts?: PageFacts;
}

/** One entry of the user's column register (栏目台账), `--columns register.json`. */
export interface RegisterEntry {
  readonly name: string;
  readonly url: string;
  readonly kind?: ColumnKind;
  /** Update period in days. */
  readonly period?: number;
}

/** A register file: an array of entries, or `{ columns: [...], only?: true }` (only: judge these columns alone). */
export interface ColumnRegister {
  readonly columns: readonly RegisterEntry[];
  /** Judge the registered columns only, not those found from the site's structure. */
  readonly only?: boolean;
}

const KINDS: readonly [RegExp, ColumnKind][] = [
  [/互动|留言|信箱|咨询|问政|来信|投诉|建言|诉求|热线|回应|答复|信访/, 'interaction'],
  [/通知|公告|公示|通告|告示/, 'notice'],
  [/政策|文件|法规|规章|规范性|解读|制度/, 'policy'],
  [/人事|任免|招聘|招考|录用|干部/, 'personnel'],
  [/规划|计划/, 'planning'],
  [/动态|要闻|新闻|资讯|快讯|简讯|进展|图片|视频|头条|工作信息|政务信息|部门信息|乡镇信息|校园|今日/, 'news'],
];

/** What a column is for, from its name: 动态/要闻 → news, 通知公告 → notice, 政策文件 → policy … */
export function columnKind(name: string): ColumnKind {
  for (const [re, kind] of KINDS) if (re.test(name)) return kind;
  return 'other';
}

/** A link text that names a column (short, and of a known kind or a typical column word). */
const COLUMN_WORD = /动态|要闻|新闻|资讯|通知|公告|公示|政策|文件|解读|人事|规划|计划|互动|留言|信箱|咨询|信息|公开|工作|专题|服务|办事|概况|简介|领导|机构|财政|统计|数据|建议|提案|征集|访谈|党建|教学|科研|招生|就业/;

const HOME_SUFFIX = /(?:index|default|home|main)\.(?:s?html?|jsp|php|aspx?|do)$/i;

function clean(name: string): string {
  return name
    .replace(/[+＋]?\s*更多\s*[>»›+＋]*|more\s*[>»›+]*/gi, '')
    .replace(/^[\s·•>»›+＋]+|[\s·•>»›:：+＋]+$/g, '')
    .trim();
}

interface Candidate {
  url: string;
  title: string;
  score: number;
  parent: string;
}

/** Builds the site model from the pages read (rules judge it) and the `columns` of the inspect JSON. */
export function buildSiteModel(input: {
  readonly url: string;
  readonly date: string;
  readonly pages: readonly SeenPage[];
  readonly register?: ColumnRegister;
  readonly periods?: Readonly<Partial<Record<ColumnKind, number>>>;
}): { model: SiteModel; columns: InspectColumn[] } {
  const { date } = input;
  const byUrl = new Map<string, SeenPage>();
  for (const p of input.pages) byUrl.set(p.url, p);
  const home = byUrl.get(input.url) ?? input.pages.find((p) => p.facts);
  const homeUrl = home?.url ?? input.url;

  // Column entries: home navigation and blocks (更多 → the block's heading), then navigation and 更多
  // links of other pages (a section's side menu names its sub-columns).
  const candidates = new Map<string, Candidate>();
  const offer = (url: string, title: string, score: number, parent: string) => {
    const t = clean(title);
    if (t.length < 2 || t.length > 20 || url === homeUrl || itemUrls.has(url)) return;
    const c = candidates.get(url);
    if (!c || score > c.score) candidates.set(url, { url, title: t, score, parent: c && c.score >= score ? c.parent : parent });
  };
  const offerFrom = (page: SeenPage, isHome: boolean) => {
    for (const l of page.facts!.links) {
      if (l.pagination) continue;
      if (l.more) {
        if (l.heading) offer(l.url, l.heading, isHome ? 4 : 2, page.url);
      } else if (l.region === 'nav' || l.region === 'side') {
        if (l.text.length <= 12) offer(l.url, l.text, isHome ? 3 : 1, page.url);
      } else if (l.region === 'main' && l.text.length <= 10 && COLUMN_WORD.test(l.text)) offer(l.url, l.text, isHome ? 2 : 1, page.url);
      // A block heading that is itself the link to the column.
      else if (l.region === 'main' && l.heading && clean(l.heading) === clean(l.text)) offer(l.url, l.text, isHome ? 3 : 1, page.url);
    }
  };
  // A URL listed as a dated item anywhere is an article, not a column (a title such as 端午节放假通知
  // names a kind of column too).
  const itemUrls = new Set<string>();
  for (const p of input.pages) for (const i of p.facts?.allItems ?? []) itemUrls.add(i.url);
  if (home?.facts) offerFrom(home, true);
  for (const p of input.pages) if (p.facts && p !== home) offerFrom(p, false);
  for (const r of input.register?.columns ?? []) candidates.set(r.url, { url: r.url, title: r.name, score: 10, parent: candidates.get(r.url)?.parent ?? homeUrl });

  // Pagination: a page reached by a pagination link belongs to the column of the page that links it.
  const pagesOf = (entry: string, entries: ReadonlySet<string>): SeenPage[] => {
    const out: SeenPage[] = [];
    const seen = new Set([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      const p = byUrl.get(queue.shift()!);
      if (!p?.facts) continue;
      out.push(p);
      for (const next of p.facts.pagination) {
        if (seen.has(next) || entries.has(next) || next === homeUrl) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return out;
  };

  const registered = new Map((input.register?.columns ?? []).map((r) => [r.url, r]));
  const entries = new Set(candidates.keys());
  const columnPages = new Set<string>();
  const columns: (SiteColumn & { pages: readonly string[] })[] = [];
  const itemDates = new Map<string, string>();
  for (const c of [...candidates.values()].sort((a, b) => b.score - a.score || (a.url < b.url ? -1 : 1))) {
    const reg = registered.get(c.url);
    if (input.register?.only && !reg) continue;
    const entry = byUrl.get(c.url);
    const pages = pagesOf(c.url, entries);
    const facts = entry?.facts;
    const kind = reg?.kind ?? columnKind(c.title);
    if (!facts) {
      // A registered column whose list page cannot be read (404, refused) is reported as blank.
      if (reg && entry) columns.push({ url: c.url, title: c.title, kind, items: [], latest: null, parent: c.parent, ...(reg.period ? { period: reg.period } : {}), pages: [] });
      continue;
    }
    const channel = facts.links.filter((l) => l.more && l.region === 'main').length >= 2;
    const seenItem = new Set<string>();
    const items: SiteItem[] = [];
    for (const p of pages) {
      for (const i of channel && p === entry ? p.facts!.allItems : p.facts!.items) {
        if (seenItem.has(i.url)) continue;
        seenItem.add(i.url);
        items.push(i);
      }
    }
    if (items.length === 0 && facts.undatedItems.length > 0) items.push(...facts.undatedItems);
    const placeholder = facts.placeholder && items.length === 0;
    const articleLike = items.length < 3 && facts.body.length > 400;
    const looksBlank = items.length === 0 && (placeholder || (kind !== 'other' && facts.date === null && facts.mainText.length < 300));
    if (!reg && (articleLike || (items.length === 0 && !looksBlank))) continue;
    // An entry that is itself another column's pagination page is not a column of its own.
    if (!reg && columnPages.has(c.url)) continue;
    for (const p of pages) columnPages.add(p.url);
    for (const i of items) if (i.date && !itemDates.has(i.url)) itemDates.set(i.url, i.date);
    const latest = newest(
      items.map((i) => i.date),
      date,
    );
    columns.push({
      url: c.url,
      title: c.title,
      kind,
      items,
      latest,
      parent: c.parent,
      ...(placeholder ? { placeholder: true } : {}),
      ...(reg?.period ? { period: reg.period } : {}),
      pages: pages.map((p) => p.url),
    });
  }
  columns.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  // A list page that says 暂无信息 yet shows a block of items all listed by other columns (a side block
  // of the latest news) is blank: those items are not its own.
  for (const [i, c] of columns.entries()) {
    const facts = byUrl.get(c.url)?.facts;
    if (!facts?.placeholderText || c.items.length === 0) continue;
    const elsewhere = new Set(columns.filter((o) => o !== c).flatMap((o) => o.items.map((x) => x.url)));
    if (c.items.every((x) => elsewhere.has(x.url))) columns[i] = { ...c, items: [], latest: null, placeholder: true };
  }

  const columnOf = new Map<string, SiteColumn>();
  for (const c of columns) for (const p of c.pages) if (!columnOf.has(p)) columnOf.set(p, c);

  const articles: SiteArticle[] = [];
  const messages: SiteMessage[] = [];
  for (const p of input.pages) {
    const f = p.facts;
    if (!f) continue;
    const column = columnOf.get(p.url);
    for (const m of f.messages) {
      messages.push({ page: column?.url ?? p.url, column: column?.title ?? (f.crumb || f.title || p.url), asked: m.asked, answered: m.answered, ...(m.status ? { status: m.status } : {}), ...(m.title ? { title: m.title } : {}) });
    }
    if (column || p === home || f.items.length >= 3) continue;
    if (f.body.length < 60) continue;
    articles.push({ url: p.url, title: f.heading ?? f.title, text: f.body, ...(f.reposted ? { reposted: true } : {}), date: f.date ?? itemDates.get(p.url) ?? null });
  }

  const homeItems: SiteItem[] = [];
  const seenHome = new Set<string>();
  for (const i of home?.facts?.allItems ?? []) {
    if (seenHome.has(i.url)) continue;
    seenHome.add(i.url);
    homeItems.push(i);
  }

  const siteColumns: SiteColumn[] = columns.map(({ pages: _pages, ...c }) => c);
  const model: SiteModel = {
    url: homeUrl,
    date,
    pages: input.pages.map(({ facts: _facts, ...p }) => p),
    homeItems,
    columns: siteColumns,
    articles,
    messages,
  };
  const periods = { ...DEFAULT_PERIODS, ...(input.periods ?? {}) };
  const inspectColumns: InspectColumn[] = siteColumns.map((c) => {
    const threshold = columnPeriod(c, periods);
    return {
      url: c.url,
      title: c.title,
      kind: c.kind,
      items: c.items.filter((i) => i.date).length,
      latest: c.latest,
      days: c.latest ? daysBetween(c.latest, date) : null,
      ...(threshold !== undefined ? { threshold } : {}),
      ...(c.parent ? { parent: c.parent } : {}),
    };
  });
  return { model, columns: inspectColumns };
}

/** Whether `url` is the home page of `start` (the same path, or an index file in it). */
export function isHomeUrl(url: string, start: string): boolean {
  const a = new URL(url);
  const b = new URL(start);
  if (a.host !== b.host) return false;
  const strip = (p: string) => p.replace(HOME_SUFFIX, '');
  return strip(a.pathname) === strip(b.pathname) && a.search === b.search;
}
