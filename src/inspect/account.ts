import type { InspectDocument, InspectFinding, SiteAccount } from '../core/site.js';
import type { NodeChecker } from '../node/index.js';
import type { RuleSetting } from '../types.js';
import { fullDates } from './dates.js';
import { dedupeAcrossPages } from './inspect.js';

/**
 * A new-media account's exported post list (issue 15 item 7): JSON (an array of posts, an account
 * `{ name, posts, menu }`, or an array of accounts) or CSV with a header row. Field names in English
 * or Chinese: title/标题, date/time/publishTime/发布时间, url/link/链接, body/content/正文, account/账号.
 */

export interface AccountPost {
  readonly title?: string;
  readonly date: string | null;
  readonly url?: string;
  readonly body?: string;
}

export interface AccountExport {
  readonly name: string;
  readonly posts: readonly AccountPost[];
  readonly menu: readonly { readonly name: string; readonly url?: string }[];
}

const FIELDS = {
  title: ['title', '标题', '文章标题', '题目'],
  date: ['date', 'time', 'publishtime', 'publish_time', 'published', 'pubdate', 'createtime', 'create_time', 'update_time', '发布时间', '发布日期', '推送时间', '时间', '日期'],
  url: ['url', 'link', 'href', '链接', '网址', '原文链接', '文章链接'],
  body: ['body', 'content', 'text', 'digest', '正文', '内容', '摘要'],
  account: ['account', 'name', 'accountname', '账号', '账号名称', '公众号', '名称'],
} as const;

function pick(record: Readonly<Record<string, unknown>>, names: readonly string[]): unknown {
  for (const [k, v] of Object.entries(record)) if (names.includes(k.toLowerCase().replace(/\s+/g, ''))) return v;
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A publish time as YYYY-MM-DD: a date string in any CMS form, or a Unix time (s or ms). */
export function postDate(v: unknown): string | null {
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{10}(?:\d{3})?$/.test(v.trim()))) {
    const n = Number(v);
    const ms = n > 1e12 ? n : n * 1000;
    // Publish times are Beijing time (UTC+8).
    return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  }
  const s = str(v);
  return s ? (fullDates(s)[0] ?? null) : null;
}

function toPost(record: Readonly<Record<string, unknown>>): AccountPost {
  const title = str(pick(record, FIELDS.title));
  const url = str(pick(record, FIELDS.url));
  const body = str(pick(record, FIELDS.body));
  return { date: postDate(pick(record, FIELDS.date)), ...(title ? { title } : {}), ...(url ? { url } : {}), ...(body ? { body } : {}) };
}

/** RFC 4180 CSV: quoted fields with commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** Reads an export (the file's text and name). Throws a plain Error with a zh-CN message on a bad file. */
export function readAccountExport(text: string, fileName: string): AccountExport[] {
  const fallbackName = fileName.replace(/^.*[\\/]/, '').replace(/\.(?:json|csv)$/i, '');
  if (/\.csv$/i.test(fileName)) {
    const [header, ...rows] = parseCsv(text);
    if (!header) throw new Error('CSV 文件为空');
    const byAccount = new Map<string, AccountPost[]>();
    for (const r of rows) {
      const record = Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? '']));
      const name = str(pick(record, FIELDS.account)) ?? fallbackName;
      const list = byAccount.get(name) ?? [];
      list.push(toPost(record));
      byAccount.set(name, list);
    }
    return [...byAccount].map(([name, posts]) => ({ name, posts, menu: [] }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`不是有效的 JSON：${(error as Error).message}`);
  }
  const account = (o: Readonly<Record<string, unknown>>): AccountExport => {
    const posts = Array.isArray(o.posts) ? o.posts : Array.isArray(o.articles) ? o.articles : Array.isArray(o.items) ? o.items : [];
    const menu = Array.isArray(o.menu) ? o.menu : Array.isArray(o.menus) ? o.menus : [];
    return {
      name: str(pick(o, FIELDS.account)) ?? fallbackName,
      posts: posts.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null).map(toPost),
      menu: menu
        .filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null)
        .map((m) => ({ name: str(m.name) ?? str(m.title) ?? '', ...(str(m.url) ? { url: str(m.url)! } : {}) })),
    };
  };
  if (Array.isArray(json)) {
    if (json.every((x) => typeof x === 'object' && x !== null && Array.isArray((x as { posts?: unknown }).posts))) return json.map((x) => account(x as Record<string, unknown>));
    return [{ name: fallbackName, posts: json.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null).map(toPost), menu: [] }];
  }
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>;
    if (Array.isArray(o.accounts)) return o.accounts.map((a) => account(a as Record<string, unknown>));
    return [account(o)];
  }
  throw new Error('应为帖子数组或 { name, posts } 对象');
}

/** Inspects accounts: `site/account-stale` per account, every text rule on each post's title and body, menu links when `network`. */
export async function inspectAccounts(
  accounts: readonly AccountExport[],
  options: { readonly date: string; readonly checker: NodeChecker; readonly siteRules?: Readonly<Record<string, RuleSetting>>; readonly network?: boolean; readonly allowPrivateNetwork?: boolean },
): Promise<InspectDocument> {
  const { checker, date } = options;
  const siteAccounts: SiteAccount[] = accounts.map((a) => ({ name: a.name, posts: a.posts.map((p) => ({ date: p.date, ...(p.title ? { title: p.title } : {}), ...(p.url ? { url: p.url } : {}) })) }));
  const id = accounts.length === 1 ? accounts[0]!.name : accounts.map((a) => a.name).join('、');
  const model = { url: `account:${id}`, date, pages: [], homeItems: [], columns: [], articles: [], messages: [], accounts: siteAccounts };
  const findings: InspectFinding[] = checker.checkSite(model).filter((f) => f.ruleId === 'site/account-stale').map((f) => ({ ...f, page: f.page ?? model.url }));
  const pageFindings: InspectFinding[] = [];
  for (const a of accounts) {
    a.posts.forEach((p, i) => {
      const page = p.url ?? `account:${a.name}#${i + 1}`;
      const title = p.title ?? '';
      const source = [p.title, p.body].filter(Boolean).join('\n');
      if (!source) return;
      const html = /<\/?(?:p|div|span|section|br|img|a)\b/i.test(source);
      const found = html ? checker.checkHtml(source, p.date ? { date: p.date } : {}) : checker.check(source, p.date ? { date: p.date } : {});
      for (const f of found) pageFindings.push({ ...f, page, ...(title ? { title } : {}) });
    });
    if (options.network) {
      const links = a.menu.filter((m) => m.url && /^https?:/i.test(m.url));
      if (links.length > 0) {
        const html = links.map((m) => `<a href="${m.url!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">${m.name}</a>`).join('\n');
        for (const f of await checker.checkLinks(html, options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {})) {
          pageFindings.push({ ...f, page: `account:${a.name}#menu`, title: `${a.name} 菜单` });
        }
      }
    }
  }
  findings.push(...dedupeAcrossPages(pageFindings));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  const veto: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    if ((f.data as { veto?: unknown } | undefined)?.veto === true) veto[f.ruleId] = (veto[f.ruleId] ?? 0) + 1;
  }
  const posts = accounts.reduce((n, a) => n + a.posts.length, 0);
  return {
    version: 1,
    site: { url: model.url, date, pages: posts, title: id },
    columns: [],
    findings,
    summary: {
      total: findings.length,
      bySeverity,
      byRule,
      veto,
      verdict: Object.keys(veto).length > 0 ? '不合格（单项否决）' : '未发现单项否决问题',
      accounts: accounts.map((a) => ({ name: a.name, posts: a.posts.length, latest: a.posts.map((p) => p.date).filter((d): d is string => !!d && d <= date).sort().pop() ?? null })),
    },
  };
}
