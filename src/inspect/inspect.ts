import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseDom } from '../html/dom.js';
import { LineIndex } from '../core/positions.js';
import type { ColumnKind, InspectDocument, InspectFinding, SiteModel } from '../core/site.js';
import { decodeBytes, type NodeChecker } from '../node/index.js';
import { createImageCache } from '../node/image.js';
import { createLinkCache, type LinkResult } from '../node/links.js';
import { httpRequest, systemResolver } from '../node/links-http.js';
import type { PageChecker } from '../node/paths.js';
import { collectLinks } from '../rules/link/helpers/page.js';
import type { Finding, Location, RuleSetting, Severity } from '../types.js';
import { ATTACHMENT_PATH, crawlSite, sameSite, type CrawlProgress, type CrawlRecord } from './crawl.js';
import { buildSiteModel, type ColumnRegister, type SeenPage } from './model.js';
import { analyzePage, type PageFacts } from './page.js';

/**
 * `shenjiao inspect`: one site (a start URL, crawled; or a local mirror folder with its base URL) →
 * the site model → site rules, plus every page's text, image and link findings, each reported once for
 * the site (a footer dead link, a logo, a template phone number: one finding with `data.pages`).
 */

export interface InspectOptions {
  /** The inspection date, YYYY-MM-DD. */
  readonly date: string;
  /** The checker for page text and images (site rules are run here, not by it). */
  readonly checker: NodeChecker;
  /**
   * Where each page's text is checked instead of on this thread: a worker pool (`createCheckPool`) or
   * anything with its `check`. Images, links and the site model stay here (they share caches); pages
   * are read ahead so that every worker has one in hand. Findings are the same as without it.
   */
  readonly pages?: PageChecker;
  /** Settings of `site/*` rules (off, a severity, [severity, options]). */
  readonly siteRules?: Readonly<Record<string, RuleSetting>>;
  readonly register?: ColumnRegister;
  /** Page limit. Default 500. */
  readonly maxPages?: number;
  readonly allowPrivateNetwork?: boolean;
  /** Check links (dead links) and remote images over the network. Default true for a crawl; for a mirror, links leaving it are checked only when true. */
  readonly network?: boolean;
  /** Crawl tuning (tests and benchmarks): requests in flight, delay, retries, timeout. */
  readonly crawl?: {
    readonly concurrency?: number;
    readonly delayMs?: number;
    readonly retries?: number;
    readonly retryDelayMs?: number;
    readonly timeoutMs?: number;
    /** A host gate shared with other crawlers (queue mode). */
    readonly politely?: <T>(host: string, request: () => Promise<T>) => Promise<T>;
  };
  readonly onProgress?: (progress: CrawlProgress) => void;
  /** Extract and check the text of same-site attachments (PDF, Word, Excel, WPS). Default true. */
  readonly attachments?: boolean;
  /** Attachments read at most. Default 200. */
  readonly maxAttachments?: number;
}


export interface InspectResult {
  readonly document: InspectDocument;
  readonly model: SiteModel;
  /** Same-site attachments (URL and the page that links it), for the attachment extractor. */
  readonly attachments: readonly { readonly url: string; readonly parent: string }[];
  readonly stats: { readonly pages: number; readonly errors: number; readonly ms: number; readonly skipped: number };
}

interface LinkRef {
  readonly url: string;
  readonly range: readonly [number, number];
  readonly actual: string;
  readonly loc: Location;
}

interface PageRecord {
  readonly url: string;
  readonly facts: PageFacts;
  readonly findings: Finding[];
  readonly links: LinkRef[];
}

/** Links (a, area, img, iframe, frame) of a page with their source ranges, for the site-wide dead-link check. */
function linkRefs(html: string, base: string): LinkRef[] {
  const dom = parseDom(html, { withStartIndices: true, withEndIndices: true, decodeEntities: false, lowerCaseTags: true });
  const lines = new LineIndex(html);
  const out: LinkRef[] = [];
  for (const l of collectLinks(dom, html, base, new Set(['a', 'area', 'img', 'iframe', 'frame']))) {
    if (!l.url || (l.url.protocol !== 'http:' && l.url.protocol !== 'https:')) continue;
    const u = new URL(l.url.href);
    u.hash = '';
    out.push({ url: u.href, range: l.range, actual: html.slice(l.range[0], l.range[1]), loc: lines.location(l.range[0], l.range[1]) });
  }
  return out;
}

/** Reads one page: its facts for the model, its text and image findings, its links; returns the URLs to follow. */
async function readPage(
  checker: NodeChecker,
  url: string,
  html: string,
  date: string,
  images: { network: boolean; allowPrivateNetwork?: boolean; cache: ReturnType<typeof createImageCache>; siteRoot?: string; file?: string },
  pages?: PageChecker,
): Promise<PageRecord> {
  // Sent off first, so that the worker checks the text while this thread reads the page's facts.
  const text = pages?.check({ text: html, format: 'html' });
  const facts = analyzePage(html, url, date);
  let findings: Finding[] = [];
  try {
    if (text) {
      const r = await text;
      findings = [...r.findings];
    } else findings = [...checker.checkHtml(html)];
    findings.push(
      ...(await checker.checkImages(html, {
        page: images.file ?? url,
        cache: images.cache,
        ...(images.siteRoot ? { siteRoot: images.siteRoot, readRoot: images.siteRoot } : {}),
        ...(images.network ? { network: true, ...(images.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) } : {}),
      })),
    );
  } catch {
    // Bad content never throws in the checkers; a failure here must not stop the whole inspection.
  }
  // Keep what the model needs, not the whole page text (memory over a 2 000-page crawl).
  return { url, facts: { ...facts, mainText: facts.mainText.slice(0, 2000) }, findings, links: linkRefs(html, url) };
}

function followed(facts: PageFacts): string[] {
  return [...facts.links.map((l) => l.url), ...facts.pagination, ...(facts.refresh ? [facts.refresh] : [])];
}

/** A crawled record as the link checker's verdict, when the crawl already knows it. */
function verdict(r: CrawlRecord): LinkResult | undefined {
  const base = { url: r.url, redirects: r.finalUrl && !r.page ? [r.finalUrl] : [], attempts: 1 };
  if (r.page || (r.status >= 200 && r.status < 400 && !r.error)) return { ...base, status: 'ok', httpStatus: r.status || 200 };
  if (r.status === 404) return { ...base, status: 'not-found', httpStatus: 404 };
  if (r.status === 410) return { ...base, status: 'gone', httpStatus: 410 };
  if (r.status >= 500) return { ...base, status: 'server-error', httpStatus: r.status };
  if (r.status === 0 && r.error && r.error !== 'page-limit') {
    const kind = r.error as LinkResult['status'];
    return { ...base, status: kind === 'unsafe' ? 'unsafe' : kind, ...(kind === 'unsafe' ? { reason: 'private 0.0.0.0' } : {}) };
  }
  return undefined;
}

/** Groups findings that are the same across pages (a template's dead link, logo, phone number): one finding, `data.pages`. */
export function dedupeAcrossPages(findings: readonly InspectFinding[]): InspectFinding[] {
  const groups = new Map<string, { first: InspectFinding; pages: Set<string> }>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.target?.src ?? ''}\u0000${f.target ? '' : f.actual}\u0000${f.target ? '' : f.message}`;
    const g = groups.get(key);
    if (g) g.pages.add(f.page);
    else groups.set(key, { first: f, pages: new Set([f.page]) });
  }
  return [...groups.values()].map(({ first, pages }) =>
    pages.size > 1 || first.target ? Object.freeze({ ...first, data: Object.freeze({ ...(first.data ?? {}), pages: [...pages].sort() }) }) : first,
  );
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function summarize(findings: readonly Finding[], extra: Record<string, unknown>): InspectDocument['summary'] {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  const veto: Record<string, number> = {};
  const indicators: Record<string, { count: number; veto: boolean }> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    const d = f.data as { veto?: unknown; indicator?: unknown } | undefined;
    if (d?.veto === true) veto[f.ruleId] = (veto[f.ruleId] ?? 0) + 1;
    if (typeof d?.indicator === 'string') {
      const i = (indicators[d.indicator] ??= { count: 0, veto: false });
      i.count++;
      i.veto ||= d.veto === true;
    }
  }
  const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    total: findings.length,
    bySeverity,
    byRule: sortKeys(byRule),
    veto: sortKeys(veto),
    indicators: sortKeys(indicators),
    verdict: Object.keys(veto).length > 0 ? '不合格（单项否决）' : '未发现单项否决问题',
    ...extra,
  };
}

/** Sorts the document's findings: veto first, then severity, rule, page. */
function order(findings: InspectFinding[]): InspectFinding[] {
  const vetoOf = (f: Finding) => ((f.data as { veto?: unknown } | undefined)?.veto === true ? 0 : 1);
  return findings.sort(
    (a, b) =>
      vetoOf(a) - vetoOf(b) ||
      RANK[a.severity] - RANK[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.page < b.page ? -1 : a.page > b.page ? 1 : 0) ||
      a.range[0] - b.range[0],
  );
}

/** Page extensions a mirror folder holds (pages are judged by content, these are the names to open). */
export const MIRROR_PAGE = /\.(?:html?|shtml|xhtml|jhtml|jsp|asp|aspx|php|do|action)$/i;
const INDEX_FILES = ['index.html', 'index.htm', 'index.shtml', 'default.html', 'default.htm', 'index.jsp', 'index.php', 'index.asp'];

async function mirrorFiles(folder: string, out: string[] = []): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(folder, e.name);
    if (e.isDirectory()) await mirrorFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** An attachment's bytes from the mirror folder, or undefined. */
async function readMirrorFile(folder: string, start: URL, url: string): Promise<Buffer | undefined> {
  const root = new URL(start.href.endsWith('/') ? start.href : `${start.href}/`);
  const u = new URL(url);
  if (!u.pathname.startsWith(root.pathname)) return undefined;
  try {
    return await readFile(join(folder, ...decodeURIComponent(u.pathname.slice(root.pathname.length)).split('/')));
  } catch {
    return undefined;
  }
}

/** An attachment's bytes over HTTP (the request-safety layer; same-site redirects only), or undefined. */
async function fetchAttachment(url: string, start: URL, options: InspectOptions): Promise<Buffer | undefined> {
  const agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };
  try {
    let current = new URL(url);
    for (let hop = 0; hop <= 5; hop++) {
      const res = await httpRequest(current, 'GET', {
        timeoutMs: options.crawl?.timeoutMs ?? 15_000,
        resolver: systemResolver,
        userAgent: 'Mozilla/5.0 (compatible; shenjiao-inspect/0.1; +https://www.npmjs.com/package/shenjiao)',
        maxBodyBytes: 30 * 1024 * 1024,
        agents,
        ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
      });
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        current = new URL(Array.isArray(location) ? location[0]! : location, current);
        if (!sameSite(current, start)) return undefined;
        continue;
      }
      return res.status >= 200 && res.status < 300 && res.body && res.body.length > 0 ? res.body : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

/** Inspects a site: crawls `start`, or reads `folder` as the mirror of `start` (its base URL). */
export async function inspectSite(start: string, options: InspectOptions & { readonly folder?: string }): Promise<InspectResult> {
  const { checker, date } = options;
  const startUrl = new URL(start);
  startUrl.hash = '';
  const imageCache = createImageCache();
  const records = new Map<string, PageRecord>();
  let crawlRecords: ReadonlyMap<string, CrawlRecord>;
  let aliases: ReadonlyMap<string, string>;
  let attachments: { url: string; parent: string }[];
  let stats: InspectResult['stats'];
  const network = options.network ?? options.folder === undefined;

  if (options.folder === undefined) {
    const crawl = await crawlSite(startUrl.href, {
      maxPages: options.maxPages ?? 500,
      ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
      ...(options.crawl ?? {}),
      seeds: (options.register?.columns ?? []).map((c) => c.url),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onPage: async (page) => {
        const record = await readPage(checker, page.url, page.html, date, { network, cache: imageCache, ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) }, options.pages);
        records.set(page.url, record);
        return followed(record.facts);
      },
    });
    crawlRecords = crawl.records;
    aliases = crawl.aliases;
    attachments = [...crawl.attachments];
    stats = { pages: crawl.pages, errors: crawl.errors, ms: crawl.ms, skipped: crawl.skipped };
  } else {
    const began = Date.now();
    const folder = options.folder;
    const root = startUrl.href.endsWith('/') ? startUrl.href : `${startUrl.href}/`;
    const files = await mirrorFiles(folder);
    const limit = options.maxPages ?? 100_000;
    const recs = new Map<string, CrawlRecord>();
    const alias = new Map<string, string>();
    attachments = [];
    const toUrl = (file: string) => new URL(relative(folder, file).split(sep).map(encodeURIComponent).join('/'), root).href;
    let pages = 0;
    // Pages in flight: with a worker pool, enough to keep every worker busy; records still land in file order.
    const window = options.pages ? 8 : 1;
    const inFlight: { url: string; file: string; record: Promise<PageRecord> }[] = [];
    const land = async () => {
      const next = inFlight.shift()!;
      records.set(next.url, await next.record);
      options.onProgress?.({ fetched: records.size, queued: files.length - records.size, errors: 0, url: next.url });
    };
    for (const file of files) {
      const url = toUrl(file);
      if (ATTACHMENT_PATH.test(file)) {
        recs.set(url, { url, status: 200, depth: 0, resource: true });
        continue;
      }
      if (!MIRROR_PAGE.test(file) || pages >= limit) {
        recs.set(url, { url, status: 200, depth: 0, resource: true });
        continue;
      }
      const bytes = await readFile(file);
      if (!/^\s*(?:\uFEFF)?\s*(?:<!doctype html|<html|<head|<body|<meta|<!--|<div|<p|<a|<table)/i.test(bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF/, ''))) {
        recs.set(url, { url, status: 200, depth: 0, resource: true });
        continue;
      }
      const html = decodeBytes(bytes, { html: true }).text;
      pages++;
      recs.set(url, { url, status: 200, depth: 0, page: true });
      inFlight.push({ url, file, record: readPage(checker, url, html, date, { network, cache: imageCache, siteRoot: folder, file, ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) }, options.pages) });
      if (inFlight.length >= window) await land();
      // A folder URL is its index file.
      const name = file.slice(file.lastIndexOf(sep) + 1).toLowerCase();
      if (INDEX_FILES.includes(name)) alias.set(url.slice(0, url.length - encodeURIComponent(name).length), url);
    }
    while (inFlight.length > 0) await land();
    // The home page is the start URL: its index file's URL is the alias.
    if (alias.has(root)) {
      const index = alias.get(root)!;
      alias.delete(root);
      alias.set(index, root);
      const r = records.get(index);
      if (r) {
        records.delete(index);
        records.set(root, { ...r, url: root });
      }
      recs.set(root, { ...recs.get(index)!, url: root });
      recs.delete(index);
    }
    // Same-site links to files the mirror does not hold are dead (404), found without any request.
    const folderStat = (p: string) => {
      try {
        return statSync(p);
      } catch {
        return undefined;
      }
    };
    for (const r of records.values()) {
      for (const l of r.links) {
        const u = new URL(l.url);
        if (!sameSite(u, startUrl) || recs.has(u.href) || alias.has(u.href)) continue;
        const rel = decodeURIComponent(u.pathname.slice(new URL(root).pathname.length));
        if (!u.pathname.startsWith(new URL(root).pathname)) continue;
        const path = join(folder, ...rel.split('/'));
        const st = folderStat(path);
        const exists = st?.isFile() || (st?.isDirectory() && INDEX_FILES.some((n) => existsSync(join(path, n))));
        recs.set(u.href, { url: u.href, status: exists ? 200 : 404, depth: 1, parent: r.url });
      }
      for (const l of r.facts.links) if (ATTACHMENT_PATH.test(new URL(l.url).pathname) && sameSite(new URL(l.url), startUrl)) attachments.push({ url: l.url, parent: r.url });
    }
    crawlRecords = recs;
    aliases = alias;
    stats = { pages, errors: 0, ms: Date.now() - began, skipped: 0 };
  }

  const canon = (u: string) => aliases.get(u) ?? u;
  const pageTitle = (u: string) => records.get(u)?.facts.title;

  // Site model: pages with their facts, links canonicalised.
  const seen: SeenPage[] = [];
  for (const r of crawlRecords.values()) {
    if (aliases.has(r.url) && !records.has(r.url)) continue;
    const rec = records.get(r.url);
    const facts = rec
      ? {
          ...rec.facts,
          links: rec.facts.links.map((l) => ({ ...l, url: canon(l.url) })),
          pagination: rec.facts.pagination.map(canon),
          items: rec.facts.items.map((i) => ({ ...i, url: canon(i.url) })),
          allItems: rec.facts.allItems.map((i) => ({ ...i, url: canon(i.url) })),
        }
      : undefined;
    seen.push({
      url: r.url,
      status: r.status,
      ...(r.contentType ? { contentType: r.contentType } : {}),
      ...(r.parent ? { parent: r.parent } : {}),
      ...(facts?.title ? { title: facts.title } : {}),
      ...(facts ? { facts } : {}),
    });
  }
  const periods = (options.siteRules?.['site/stale-column'] as readonly [string, { periods?: Partial<Record<ColumnKind, number>> }] | undefined)?.[1]?.periods;
  const { model, columns } = buildSiteModel({
    url: canon(startUrl.href),
    date,
    pages: seen,
    ...(options.register ? { register: { ...options.register, columns: options.register.columns.map((c) => ({ ...c, url: canon(c.url) })) } } : {}),
    ...(periods ? { periods } : {}),
  });
  const siteFindings: InspectFinding[] = checker.checkSite(model).map((f) => {
    const page = f.page ?? model.url;
    const title = pageTitle(page);
    return { ...f, page, ...(title ? { title } : {}) };
  });

  // Page findings: text and images from each page, with the page's URL and title.
  const pageFindings: InspectFinding[] = [];
  for (const r of records.values()) {
    const title = r.facts.title;
    for (const f of r.findings) pageFindings.push({ ...f, page: r.url, ...(title ? { title } : {}) });
  }

  // Links: each distinct target judged once (crawl verdicts reused; the rest checked over the network).
  const cache = createLinkCache();
  const targets = new Map<string, { ref: LinkRef; page: string }[]>();
  for (const r of records.values()) {
    for (const l of r.links) {
      const key = canon(l.url);
      const list = targets.get(key);
      if (list) list.push({ ref: l, page: r.url });
      else targets.set(key, [{ ref: l, page: r.url }]);
    }
  }
  const toCheck: string[] = [];
  for (const url of targets.keys()) {
    const rec = crawlRecords.get(url);
    if (rec?.disallowed) continue;
    const known = rec ? verdict(rec) : undefined;
    if (known) {
      cache.set(url, Promise.resolve(known));
      if (known.status !== 'ok') toCheck.push(url);
    } else if (network) {
      // Same-site URLs never read (page limit, attachments, images) and other sites' links: asked once each.
      toCheck.push(url);
    }
  }
  const linkFindings: InspectFinding[] = [];
  if (toCheck.length > 0) {
    const synthetic = toCheck.map((u) => `<a href="${u.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">x</a>`).join('\n');
    const found = await checker.checkLinks(synthetic, {
      cache,
      soft404: true,
      ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
      ...(options.crawl?.timeoutMs ? { timeoutMs: options.crawl.timeoutMs } : {}),
    });
    for (const f of found) {
      const src = f.target?.src;
      if (!src) continue;
      const uses = targets.get(src);
      if (!uses || uses.length === 0) continue;
      const first = uses[0]!;
      const pages = [...new Set(uses.map((u) => u.page))].sort();
      const title = pageTitle(first.page);
      linkFindings.push(
        Object.freeze({
          ...f,
          range: first.ref.range,
          loc: first.ref.loc,
          actual: first.ref.actual,
          data: Object.freeze({ ...(f.data ?? {}), pages }),
          page: first.page,
          ...(title ? { title } : {}),
        }),
      );
    }
  }

  // Attachments: their text through the text rules; findings name the attachment and the page linking it.
  const attachmentFindings: InspectFinding[] = [];
  let attachmentErrors = 0;
  if (options.attachments !== false) {
    const seenAttachment = new Set<string>();
    for (const a of attachments.slice(0, options.maxAttachments ?? 200)) {
      if (seenAttachment.has(a.url)) continue;
      seenAttachment.add(a.url);
      const bytes = options.folder !== undefined ? await readMirrorFile(options.folder, startUrl, a.url) : await fetchAttachment(a.url, startUrl, options);
      if (!bytes) continue;
      try {
        const name = decodeURIComponent(new URL(a.url).pathname.split('/').pop() ?? a.url);
        const { findings: found } = await checker.checkAttachment(bytes, name);
        const title = pageTitle(a.parent);
        for (const f of found) attachmentFindings.push({ ...f, page: a.parent, attachment: a.url, ...(title ? { title } : {}) });
      } catch {
        attachmentErrors++;
      }
    }
  }

  // An image that does not load is a dead link and an unreadable image: reported once, as the link.
  const deadSources = new Set(linkFindings.filter((f) => f.ruleId === 'link/dead-link' && f.severity === 'error').map((f) => f.target!.src));
  const kept = pageFindings.filter((f) => !(f.ruleId === 'image/unreadable' && f.target && deadSources.has(f.target.src)));
  const findings = order([...siteFindings, ...dedupeAcrossPages(kept), ...linkFindings, ...attachmentFindings]);
  const homeTitle = pageTitle(model.url);
  const document: InspectDocument = {
    version: 1,
    site: { url: model.url, date, pages: stats.pages, ...(homeTitle ? { title: homeTitle } : {}) },
    columns,
    findings,
    summary: summarize(findings, { pages: stats.pages, errors: stats.errors, skipped: stats.skipped, attachments: attachments.length, attachmentErrors, ms: stats.ms }),
    attachments,
  };
  return { document, model, attachments, stats };
}
