/**
 * The site model and the site-rule contract (issue 14 gives it its place in the kernel, issue 15 fills it).
 *
 * Adapters (the crawler, a mirror folder reader, an account export reader) gather the facts below into a
 * `SiteModel`; pure site rules (`src/rules/site/<name>.ts`) judge it and report once for the whole site.
 * Nothing here does I/O; dates are `YYYY-MM-DD` strings and the inspection date is given, never read
 * from a clock.
 */
import type { RuleMeta } from './rule.js';
import type { Severity } from '../types.js';

/** What a column is for, from its name (or the user's column register): decides its update period. */
export type ColumnKind =
  | 'news' // 动态、要闻、工作动态、图片新闻
  | 'notice' // 通知公告
  | 'policy' // 政策文件、政策解读
  | 'personnel' // 人事信息
  | 'planning' // 规划计划
  | 'interaction' // 互动交流、留言、信箱
  | 'other';

/** One dated entry on a list page. */
export interface SiteItem {
  readonly url: string;
  readonly title: string;
  /** YYYY-MM-DD as printed on the list (or the article), null when none could be read. */
  readonly date: string | null;
}

/** A column (栏目): a list page, its pagination, and the items found on it. */
export interface SiteColumn {
  /** The list page's URL (the first page). */
  readonly url: string;
  /** The column's name, as the site shows it. */
  readonly title: string;
  readonly kind: ColumnKind;
  readonly items: readonly SiteItem[];
  /** The newest item date, or null. */
  readonly latest: string | null;
  /** The list shows only a placeholder (暂无信息, 正在建设中 …). */
  readonly placeholder?: boolean;
  /** The update period in days given by the user's column register; overrides the kind's default. */
  readonly period?: number;
  /** The page that links the column (home page or navigation), for the 父页面 column of the report. */
  readonly parent?: string;
}

/** An article page's body as the duplicate check needs it. */
export interface SiteArticle {
  readonly url: string;
  readonly title: string;
  /** Visible main text, without navigation and footer chrome. */
  readonly text: string;
  /** The page says it is reposted (转载, 来源：新华社 …) from another publisher. */
  readonly reposted?: boolean;
  readonly date?: string | null;
}

/** A citizen message on an interaction (互动) list. */
export interface SiteMessage {
  /** The list page it was read from. */
  readonly page: string;
  readonly column: string;
  readonly title?: string;
  /** YYYY-MM-DD the message was left (留言时间). */
  readonly asked: string;
  /** YYYY-MM-DD of the reply (答复时间), null when the list shows none. */
  readonly answered: string | null;
  /** As the list shows it: 已回复/已办结 → answered, 未回复/办理中 → pending. */
  readonly status?: 'answered' | 'pending' | 'unknown';
}

/** A page fetched or read during the inspection. */
export interface SitePage {
  readonly url: string;
  readonly title?: string;
  /** HTTP status, 0 for a network failure. */
  readonly status: number;
  readonly contentType?: string;
  /** The page that linked it first. */
  readonly parent?: string;
}

/** A new-media account's export (issue 15 item 7). */
export interface SiteAccount {
  readonly name: string;
  readonly posts: readonly { readonly title?: string; readonly date: string | null; readonly url?: string }[];
}

/** Everything site rules judge. */
export interface SiteModel {
  /** The site's start URL (home page). */
  readonly url: string;
  /** The inspection date, YYYY-MM-DD. */
  readonly date: string;
  readonly pages: readonly SitePage[];
  /** Items the home page itself shows with dates (its news blocks). */
  readonly homeItems: readonly SiteItem[];
  readonly columns: readonly SiteColumn[];
  readonly articles: readonly SiteArticle[];
  readonly messages: readonly SiteMessage[];
  readonly accounts?: readonly SiteAccount[];
}

/** One problem a site rule reports; the kernel adds `ruleId`, severity (from config), range [0,0] and loc 1:1. */
export interface SiteReport {
  /** The URL the finding is about (home page, list page, …). */
  readonly page: string;
  readonly message: string;
  readonly expected?: readonly string[];
  readonly note?: string;
  readonly source?: string;
  /** Per DESIGN.md's table; every site finding's data also says `indicator` and `veto` (单项否决 or not). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Overrides `meta.defaultSeverity` for this finding; the user's setting wins over both. */
  readonly severity?: Severity;
  /** Keeps `severity` whatever the user set (see `Report.advisory`). */
  readonly advisory?: boolean;
  /** A stable id of what fired (a column register entry …); allow-lists may name it. */
  readonly entryId?: string;
}

/** What a site rule sees: the whole site's model and its resolved options. */
export interface SiteRuleContext<Options = Record<string, unknown>> {
  readonly site: SiteModel;
  readonly options: Options;
  report(report: SiteReport): void;
}

/** A rule over the whole site: `{ id: 'site/<name>', meta, check }`, pure and synchronous. */
export interface SiteRule<Options = Record<string, unknown>> {
  readonly id: `site/${string}`;
  readonly meta: RuleMeta;
  check(context: SiteRuleContext<Options>): void;
}

/** Identity helper that types a site rule module. */
export function defineSiteRule<Options = Record<string, unknown>>(rule: SiteRule<Options>): SiteRule<Options> {
  return rule;
}

/** A site rule of any options, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design
export type AnySiteRule = SiteRule<any>;

/** A column as the inspect JSON document lists it (DESIGN.md § Site inspection). */
export interface InspectColumn {
  readonly url: string;
  readonly title: string;
  readonly kind: ColumnKind;
  /** Dated items found. */
  readonly items: number;
  readonly latest: string | null;
  /** Days between `latest` and the inspection date; null when no item is dated. */
  readonly days?: number | null;
  /** The update period it is judged by, in days. */
  readonly threshold?: number;
  readonly parent?: string;
}

/** A finding in the inspect document: the core's Finding with the page it is on (and that page's title). */
export type InspectFinding = import('../types.js').Finding & {
  readonly page: string;
  /** The page's `<title>`, for page findings. */
  readonly title?: string;
  /** For findings in an attachment: the attachment's URL; `page` is then the page that links it. */
  readonly attachment?: string;
};

/** A same-site attachment (PDF, DOC/DOCX, XLS/XLSX, WPS …) and the page that links it first. */
export interface InspectAttachment {
  readonly url: string;
  readonly parent: string;
}

/**
 * The `shenjiao inspect --format json` document (DESIGN.md): what every inspect reporter (text, json,
 * html, xlsx) and the history database take as input. Findings are the core's `Finding` plus `page`
 * (and, for page findings, the page `title`; for attachments, `attachment` and the linking `parent`).
 */
export interface InspectDocument {
  readonly version: 1;
  readonly site: { readonly url: string; readonly date: string; readonly pages: number; readonly title?: string };
  readonly columns: readonly InspectColumn[];
  readonly findings: readonly import('../types.js').Finding[];
  readonly summary: {
    readonly total: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
    readonly byRule: Readonly<Record<string, number>>;
    /** Indicators failed outright (单项否决): rule id → count. */
    readonly veto: Readonly<Record<string, number>>;
    readonly [field: string]: unknown;
  };
  /** Attachments found (for the attachment extractor); their findings name `attachment` and `page`. */
  readonly attachments?: readonly InspectAttachment[];
}
