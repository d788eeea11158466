import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import robotsParser from 'robots-parser';
import { decodeBytes } from '../node/files.js';
import { httpRequest, RequestError, systemResolver, type HttpResponse, type RequestOptions, type Resolver } from '../node/links-http.js';

/**
 * A polite crawler of one site. Same site only (the start URL's host, with or without `www.`);
 * robots.txt read with `robots-parser` (Disallow, Allow, wildcards, Crawl-delay for our user agent);
 * a bounded number of requests in flight to the host and a delay between request starts; a 15 s
 * deadline per request (the inspection indicators' rule); retries with backoff after dropped
 * connections, 5xx and 429; a page limit. Every request goes through the link checker's HTTP layer,
 * so each hop's address is vetted after DNS resolution (no loopback, intranet or cloud-metadata
 * address unless `allowPrivateNetwork`). Pages are recognised by Content-Type, not by extension
 * (.shtml .jhtml .jsp .asp .php and query URLs are pages when the server says text/html); other
 * same-site resources linked from pages (PDF, Word, Excel, WPS) are collected as attachments.
 *
 * Why not crawlee's BasicCrawler: its request queue and autoscaled pool would sit beside, not
 * replace, the request-safety layer (each hop vetted, the connection pinned to the vetted address),
 * it keeps its queue on disk by default, has no Crawl-delay, and brings ~135 packages for what is here
 * a FIFO queue and a per-host gate.
 */

export interface CrawlOptions {
  /** Page limit: HTML pages read. Default 500. */
  readonly maxPages?: number;
  /** Requests in flight at once to the site. Default 4. */
  readonly concurrency?: number;
  /** Milliseconds between request starts to the site; robots.txt's Crawl-delay raises it (capped at 10 s). Default 0. */
  readonly delayMs?: number;
  /** Per request, body included. Default 15 000. */
  readonly timeoutMs?: number;
  /** Retries after a dropped connection, a 5xx or a 429. Default 2. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly allowPrivateNetwork?: boolean;
  readonly resolver?: Resolver;
  readonly userAgent?: string;
  /** Largest page body read. Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * A gate every request to the site also passes (after this crawler's own spacing): the queue's
   * host gate, shared by crawlers on other processes and machines (`hostGate` in `node/queue.ts`).
   */
  readonly politely?: <T>(host: string, request: () => Promise<T>) => Promise<T>;
  /** More URLs to read besides those found by links (a column register's list pages). */
  readonly seeds?: readonly string[];
  /** Called for each HTML page read; returns the URLs it links (the crawler keeps the same-site ones). */
  readonly onPage: (page: CrawledHtml) => readonly string[] | Promise<readonly string[]>;
  readonly onProgress?: (progress: CrawlProgress) => void;
}

export interface CrawledHtml {
  readonly url: string;
  readonly html: string;
  readonly parent?: string;
  readonly depth: number;
}

export interface CrawlProgress {
  readonly fetched: number;
  readonly queued: number;
  readonly errors: number;
  readonly url: string;
}

/** What became of one same-site URL. */
export interface CrawlRecord {
  readonly url: string;
  /** HTTP status, 0 for no response. */
  readonly status: number;
  readonly contentType?: string;
  readonly parent?: string;
  readonly depth: number;
  /** The request error kind when there was no response (timeout, dns, connection, unsafe …). */
  readonly error?: string;
  /** Where a redirect led (same site), or the URL of an identical page read before (an alias). */
  readonly finalUrl?: string;
  /** robots.txt disallows it: not requested. */
  readonly disallowed?: boolean;
  /** A non-HTML resource (attachment). */
  readonly resource?: boolean;
  /** An HTML page whose body was handed to `onPage`. */
  readonly page?: boolean;
}

export interface CrawlResult {
  readonly start: string;
  readonly records: ReadonlyMap<string, CrawlRecord>;
  /** Same-site attachments (PDF, DOC/DOCX, XLS/XLSX, WPS …): URL and the page that links it first. */
  readonly attachments: readonly { readonly url: string; readonly parent: string }[];
  /** URL → the URL of the same page read first (`/` and `/index.html`, redirects). */
  readonly aliases: ReadonlyMap<string, string>;
  readonly pages: number;
  readonly errors: number;
  readonly ms: number;
  /** Pages found but not read because of the page limit. */
  readonly skipped: number;
  readonly robots: { readonly found: boolean; readonly crawlDelay?: number };
}

const USER_AGENT = 'Mozilla/5.0 (compatible; shenjiao-inspect/0.1; +https://www.npmjs.com/package/shenjiao)';
const ROBOT_NAME = 'shenjiao-inspect';

/** Paths that are never pages: images, styles, scripts, media, fonts. */
const NOT_PAGE = /\.(?:jpe?g|png|gif|webp|bmp|svg|ico|tiff?|css|js|mjs|map|json|xml|mp3|mp4|avi|mov|wmv|flv|swf|woff2?|ttf|eot|otf|exe|apk|dmg|iso)$/i;
/** Paths of attachments: collected, not read here (their text is extracted by the reports' extractor). */
export const ATTACHMENT_PATH = /\.(?:pdf|docx?|xlsx?|wps|et|dps|pptx?|ofd|zip|rar|7z|txt|csv|rtf)$/i;
const ATTACHMENT_TYPE = /application\/(?:pdf|msword|vnd\.ms-|vnd\.openxmlformats|vnd\.ms-excel|wps|kswps|zip|x-rar|octet-stream)|officedocument/i;

function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** Whether `url` is on the same site as `start` (same host, with or without www., any port of it only when equal). */
export function sameSite(url: URL, start: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && siteKey(url.hostname) === siteKey(start.hostname) && url.port === start.port;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Crawls the site of `start`. Never throws for the site's behaviour; a refused start URL gives a record with `error`. */
export async function crawlSite(start: string, options: CrawlOptions): Promise<CrawlResult> {
  const began = Date.now();
  const startUrl = new URL(start);
  startUrl.hash = '';
  const maxPages = options.maxPages ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const userAgent = options.userAgent ?? USER_AGENT;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: concurrency }), https: new https.Agent({ keepAlive: true, maxSockets: concurrency }) };
  const request: RequestOptions = {
    timeoutMs,
    resolver: options.resolver ?? systemResolver,
    userAgent,
    maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    agents,
    ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
  };

  // Per-host gate: at most `concurrency` in flight, request starts spaced by the delay.
  let delay = options.delayMs ?? 0;
  let nextStart = 0;
  const gate = async (): Promise<void> => {
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + delay;
    if (at > now) await sleep(at - now);
  };

  const fetchOnce = async (url: URL): Promise<HttpResponse> => {
    await gate();
    const politely = options.politely;
    return politely ? politely(url.host, () => httpRequest(url, 'GET', request)) : httpRequest(url, 'GET', request);
  };

  /** GET with retries (dropped connections, 5xx, 429). */
  const fetchRetrying = async (url: URL): Promise<HttpResponse> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetchOnce(url);
        if ((res.status >= 500 || res.status === 429) && attempt < retries) {
          await sleep(retryDelayMs * 2 ** attempt);
          continue;
        }
        return res;
      } catch (error) {
        const retryable = error instanceof RequestError && (error.kind === 'connection' || error.kind === 'timeout');
        if (!retryable || attempt >= retries) throw error;
        await sleep(retryDelayMs * 2 ** attempt);
      }
    }
  };

  // robots.txt
  let robots: ReturnType<typeof robotsParser> | undefined;
  let robotsFound = false;
  let crawlDelay: number | undefined;
  try {
    const robotsUrl = new URL('/robots.txt', startUrl);
    const res = await fetchRetrying(robotsUrl);
    if (res.status >= 200 && res.status < 300 && res.body) {
      robots = robotsParser(robotsUrl.href, res.body.toString('utf8'));
      robotsFound = true;
      crawlDelay = robots.getCrawlDelay(ROBOT_NAME);
      if (crawlDelay !== undefined && Number.isFinite(crawlDelay)) delay = Math.max(delay, Math.min(crawlDelay, 10) * 1000);
    } else if (res.status === 401 || res.status === 403) {
      // RFC 9309 §2.3.1.3 lets an unreachable robots.txt mean "allow all"; 401/403 is read as such too.
    }
  } catch {
    // No robots.txt reachable: crawl as allowed. A refused start address shows on the start page below.
  }
  const allowed = (url: URL): boolean => !robots || robots.isAllowed(url.href, ROBOT_NAME) !== false;

  const records = new Map<string, CrawlRecord>();
  const aliases = new Map<string, string>();
  const bodies = new Map<string, string>();
  const attachments: { url: string; parent: string }[] = [];
  const queue: { url: string; parent?: string; depth: number }[] = [];
  const queued = new Set<string>();
  let pages = 0;
  let errors = 0;
  let skipped = 0;

  const enqueue = (href: string, parent: string | undefined, depth: number) => {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return;
    }
    url.hash = '';
    if (!sameSite(url, startUrl) || queued.has(url.href)) return;
    queued.add(url.href);
    if (NOT_PAGE.test(url.pathname)) return;
    if (ATTACHMENT_PATH.test(url.pathname)) {
      attachments.push({ url: url.href, parent: parent ?? url.href });
      records.set(url.href, { url: url.href, status: 0, depth, resource: true, ...(parent ? { parent } : {}) });
      return;
    }
    if (!allowed(url)) {
      records.set(url.href, { url: url.href, status: 0, depth, disallowed: true, ...(parent ? { parent } : {}) });
      return;
    }
    queue.push({ url: url.href, depth, ...(parent ? { parent } : {}) });
  };

  const progress = (url: string) => options.onProgress?.({ fetched: pages, queued: queue.length, errors, url });

  const visit = async (job: { url: string; parent?: string; depth: number }): Promise<void> => {
    const base = { depth: job.depth, ...(job.parent ? { parent: job.parent } : {}) };
    let current = new URL(job.url);
    let res: HttpResponse | undefined;
    // Redirects: followed on the same site only, each hop checked against robots.txt.
    for (let hop = 0; hop <= 5; hop++) {
      try {
        res = await fetchRetrying(current);
      } catch (error) {
        errors++;
        const kind = error instanceof RequestError ? error.kind : 'connection';
        records.set(job.url, { url: job.url, status: 0, error: kind, ...base });
        progress(job.url);
        return;
      }
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        let next: URL;
        try {
          next = new URL(Array.isArray(location) ? location[0]! : location, current);
        } catch {
          break;
        }
        next.hash = '';
        if (!sameSite(next, startUrl) || !allowed(next)) {
          records.set(job.url, { url: job.url, status: res.status, finalUrl: next.href, ...base });
          return;
        }
        const known = aliases.get(next.href) ?? (records.get(next.href)?.page ? next.href : undefined);
        if (known) {
          aliases.set(job.url, known);
          records.set(job.url, { url: job.url, status: res.status, finalUrl: known, ...base });
          return;
        }
        current = next;
        continue;
      }
      break;
    }
    if (!res) return;
    const contentType = String(res.headers['content-type'] ?? '').toLowerCase();
    const finalUrl = current.href !== job.url ? { finalUrl: current.href } : {};
    if (res.status >= 400 || res.status < 200 || res.status >= 300) {
      if (res.status >= 400) errors++;
      records.set(job.url, { url: job.url, status: res.status, contentType, ...finalUrl, ...base });
      progress(job.url);
      return;
    }
    const body = res.body ?? Buffer.alloc(0);
    const sniffHtml = contentType === '' && /^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)/i.test(body.subarray(0, 512).toString('latin1'));
    const isHtml = /text\/html|application\/xhtml\+xml/.test(contentType) || sniffHtml;
    if (!isHtml) {
      const resource = ATTACHMENT_TYPE.test(contentType);
      if (resource) attachments.push({ url: job.url, parent: job.parent ?? job.url });
      records.set(job.url, { url: job.url, status: res.status, contentType, resource: true, ...finalUrl, ...base });
      return;
    }
    // The same page under two addresses (`/` and `/index.html`, a redirect's target): read once.
    const hash = createHash('sha1').update(body).digest('hex');
    const same = bodies.get(hash);
    if (same !== undefined) {
      aliases.set(job.url, same);
      records.set(job.url, { url: job.url, status: res.status, contentType, finalUrl: same, ...base });
      return;
    }
    if (pages >= maxPages) {
      skipped++;
      records.set(job.url, { url: job.url, status: res.status, contentType, ...base, error: 'page-limit' });
      return;
    }
    bodies.set(hash, job.url);
    if (current.href !== job.url) aliases.set(current.href, job.url);
    pages++;
    records.set(job.url, { url: job.url, status: res.status, contentType, page: true, ...finalUrl, ...base });
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
    let html: string;
    try {
      html = decodeBytes(body, { html: true, ...(charset ? { encoding: charset } : {}) }).text;
    } catch {
      html = decodeBytes(body, { html: true }).text;
    }
    const links = await options.onPage({ url: job.url, html, depth: job.depth, ...(job.parent ? { parent: job.parent } : {}) });
    for (const l of links) enqueue(l, job.url, job.depth + 1);
    progress(job.url);
  };

  enqueue(startUrl.href, undefined, 0);
  for (const s of options.seeds ?? []) enqueue(s, startUrl.href, 1);

  try {
    // Workers take jobs in FIFO order (breadth first); the loop ends when the queue is empty and idle.
    let active = 0;
    await new Promise<void>((resolveAll, rejectAll) => {
      const pump = () => {
        while (active < concurrency && queue.length > 0) {
          if (pages >= maxPages) {
            skipped += queue.length;
            for (const j of queue.splice(0)) records.set(j.url, { url: j.url, status: 0, depth: j.depth, error: 'page-limit', ...(j.parent ? { parent: j.parent } : {}) });
            break;
          }
          const job = queue.shift()!;
          active++;
          visit(job)
            .then(() => {
              active--;
              pump();
            })
            .catch((error: unknown) => rejectAll(error));
        }
        if (active === 0 && queue.length === 0) resolveAll();
      };
      pump();
    });
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
  return {
    start: startUrl.href,
    records,
    attachments,
    aliases,
    pages,
    errors,
    skipped,
    ms: Date.now() - began,
    robots: { found: robotsFound, ...(crawlDelay !== undefined ? { crawlDelay } : {}) },
  };
}
