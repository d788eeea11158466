import http from 'node:http';
import https from 'node:https';
import { parseDom, parseSource } from '../html/dom.js';
import { createKernel, type Checker } from '../core/checker.js';
import { ShenjiaoError } from '../errors.js';
import { factsDocument } from '../facts/attach.js';
import { attachLinks, type CheckedLink, type LinkResult, type LinkStatus } from '../facts/link.js';
import { deadLink } from '../rules/link/dead-link.js';
import { collectLinks } from '../rules/link/helpers/page.js';
import { textContent } from '../rules/link/helpers/hiding.js';
import type { Finding } from '../types.js';
import { decodeBytes } from './files.js';
import { httpRequest, RequestError, systemResolver, type HttpResponse, type RequestOptions, type Resolver } from './links-http.js';
import type { AddressPolicy } from './links-safety.js';

export type { LinkResult, LinkStatus };

/** Progress of a run, reported after each URL. */
export interface LinkProgress {
  readonly done: number;
  readonly total: number;
  readonly url: string;
  readonly status: LinkStatus;
}

/** Per-run cache: URL → verdict. Share one across pages so each URL is fetched once per run. */
export type LinkCache = Map<string, Promise<LinkResult>>;

/** Creates an empty per-run cache for `checkLinks`. */
export function createLinkCache(): LinkCache {
  return new Map();
}

/** Options of `checkLinks`. */
export interface LinkCheckOptions extends AddressPolicy {
  /** The page's own URL; relative links resolve against it. Without it only absolute links are checked. */
  readonly baseUrl?: string;
  /** Milliseconds a URL may take to answer, per request. Default 15 000: the inspection indicators count a page not open after 15 s as unreachable. */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up. Default 10. */
  readonly maxRedirects?: number;
  /** Retries after a 5xx, a 429 or a dropped connection. Default 2. */
  readonly retries?: number;
  /** First backoff delay in ms, doubled at each retry. Default 500. */
  readonly retryDelayMs?: number;
  /** The longest `Retry-After` honoured, in ms; beyond it the URL is reported as rate-limited. Default 30 000. */
  readonly maxRetryAfterMs?: number;
  /** Requests in flight at once over the whole run. Default 16. */
  readonly concurrency?: number;
  /** Requests in flight at once to one host. Default 4. */
  readonly perHostConcurrency?: number;
  /** Detect "soft 404s": 200 pages that say the page does not exist, or redirects to the home page. Default true. */
  readonly soft404?: boolean;
  /** Elements whose links are checked. Default a, area, img, iframe. */
  readonly tags?: readonly string[];
  /** Shared per-run cache (see `createLinkCache`); default: one cache per call. */
  readonly cache?: LinkCache;
  /** Called after each distinct URL is settled. */
  readonly onProgress?: (progress: LinkProgress) => void;
  /** DNS resolution (default: the system resolver). Tests inject one so no real resolver is asked. */
  readonly resolver?: Resolver;
  readonly userAgent?: string;
  /** Bytes of a body read for soft-404 and bot-protection checks. Default 256 KiB. */
  readonly maxBodyBytes?: number;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  maxRedirects: 10,
  retries: 2,
  retryDelayMs: 500,
  maxRetryAfterMs: 30_000,
  concurrency: 16,
  perHostConcurrency: 4,
  maxBodyBytes: 256 * 1024,
  userAgent: 'Mozilla/5.0 (compatible; shenjiao-linkcheck/0.1; +https://www.npmjs.com/package/shenjiao)',
} as const;

/** A counting semaphore. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Bot protection (WAF, JS challenges) seen in government hosting: 瑞数 answers 412 with a `$_ts`
 * challenge, 加速乐 521 with a `__jsl_clearance` cookie script, Cloudflare 403/503 "Just a moment",
 * 安全狗/云锁/创宇盾/宝塔 pages saying 安全验证, 访问被拦截. Such a page cannot be verified by a robot.
 */
const WAF_BODY =
  /\$_ts\s*=|__jsl_clearance|Just a moment|Attention Required|cf-browser-verification|challenge-platform|captcha|安全验证|人机验证|滑动验证|访问验证|访问被拦截|访问已被拦截|请求被拦截|访问被阻断|已被阻断|网站防火墙|安全狗|云锁|创宇盾|知道创宇|加速乐|宝塔防火墙|yunsuo_session|safedog|WAF/i;

function isBotBlock(res: HttpResponse): boolean {
  if (res.status === 412 || res.status === 521) return true;
  const server = String(res.headers.server ?? '').toLowerCase();
  if (res.headers['cf-mitigated'] !== undefined) return true;
  if ((res.status === 403 || res.status === 503 || res.status === 429) && /cloudflare|yunsuo|safedog|waf|jiasule|anyu|wangsu-waf/.test(server)) return true;
  if (res.status >= 400 && res.body && WAF_BODY.test(res.body.subarray(0, 65536).toString('latin1') + bodyText(res))) return true;
  return false;
}

function charsetOf(res: HttpResponse): string | undefined {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(String(res.headers['content-type'] ?? ''));
  return m ? m[1] : undefined;
}

const bodyCache = new WeakMap<HttpResponse, string>();

/** The body as text (charset from the header, the meta tag, or detection). */
function bodyText(res: HttpResponse): string {
  let text = bodyCache.get(res);
  if (text !== undefined) return text;
  if (!res.body || res.body.length === 0) text = '';
  else {
    const charset = charsetOf(res);
    try {
      text = decodeBytes(res.body, { html: true, ...(charset ? { encoding: charset } : {}) }).text;
    } catch {
      text = decodeBytes(res.body, { html: true }).text;
    }
  }
  bodyCache.set(res, text);
  return text;
}

/** Phrases of "page not found" pages that answer 200 (soft 404s) on Chinese sites. */
const SOFT_404_TEXT =
  /页面不存在|网页不存在|页面未找到|找不到(?:您要访问的|你要访问的|该|此)?(?:页面|网页)|(?:页面|网页|文章)已(?:被)?(?:删除|撤下|下线)|(?:该|此|您访问的|你访问的|所访问的|请求的)(?:页面|网页|信息|文章|内容|栏目|稿件)(?:不存在|已被删除|已删除|找不到)|页面(?:走丢了|丢失了|去火星了)|404\s*(?:not\s*found|错误|页面)|not\s*found/i;

/**
 * Titles of error pages: "404", "404 Not Found", "404 - 某某网站", "页面不存在". A bare number inside a
 * title ("第404页", "某政发〔2024〕404号") is not one.
 */
const SOFT_404_TITLE =
  /^\s*(?:error\s*)?404(?!\d)|(?<![\d〔［[第])404\s*(?:not\s*found|error|错误|页面|[-–—|:：])|页面不存在|网页不存在|页面未找到|找不到(?:页面|网页)|not\s*found|页面已删除|(?:信息|文章|内容)(?:不存在|已删除)|出错了|错误提示/i;

/** Paths that are a site's home page. */
const HOME_PATH = /^\/(?:(?:index|default|home|main)\.(?:s?html?|jsp|php|aspx?|do))?$/i;

/** Why a 200 response is a soft 404, or undefined. */
function soft404(original: URL, res: HttpResponse, redirected: boolean): string | undefined {
  if (redirected && HOME_PATH.test(res.url.pathname) && !HOME_PATH.test(original.pathname) && res.url.search === '') return 'redirect-to-home';
  const type = String(res.headers['content-type'] ?? 'text/html').toLowerCase();
  if (!res.body || !/html|xml|text\/plain/.test(type)) return undefined;
  const html = bodyText(res);
  const dom = parseDom(html.length > 300_000 ? html.slice(0, 300_000) : html);
  let title = '';
  let refresh: string | undefined;
  const stack = [...dom.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      if (n.name === 'title') title = textContent(n, html, 300);
      if (n.name === 'meta' && (n.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') refresh = n.attribs.content;
      if (n.type === 'tag') stack.push(...n.children);
    } else if (n.type === 'root') stack.push(...(n as unknown as { children: never[] }).children);
  }
  if (refresh) {
    const m = /url\s*=\s*['"]?([^'";]+)/i.exec(refresh);
    if (m) {
      try {
        const to = new URL(m[1]!.trim(), res.url);
        if (HOME_PATH.test(to.pathname) && !HOME_PATH.test(original.pathname)) return 'refresh-to-home';
      } catch {
        // not a URL: ignore
      }
    }
  }
  if (title && SOFT_404_TITLE.test(title)) return `title: ${title.slice(0, 60)}`;
  const body = dom.children.find((c) => c.type === 'tag' && c.name === 'html') ?? dom;
  const text = textContent(body as never, html, 6000).replace(title, '');
  const m = SOFT_404_TEXT.exec(text.slice(0, 3000));
  if (m && (text.length < 3000 || (title !== '' && SOFT_404_TITLE.test(title)))) return `text: ${m[0]}`;
  return undefined;
}

interface RunContext {
  readonly options: Required<Pick<LinkCheckOptions, 'timeoutMs' | 'maxRedirects' | 'retries' | 'retryDelayMs' | 'maxRetryAfterMs' | 'soft404'>>;
  readonly request: RequestOptions;
  readonly global: Semaphore;
  readonly hosts: Map<string, Semaphore>;
  readonly perHost: number;
}

/** One request under the global and per-host limits. */
async function limited(ctx: RunContext, url: URL, method: 'HEAD' | 'GET'): Promise<HttpResponse> {
  const host = url.host.toLowerCase();
  let sem = ctx.hosts.get(host);
  if (!sem) ctx.hosts.set(host, (sem = new Semaphore(ctx.perHost)));
  await sem.acquire();
  await ctx.global.acquire();
  try {
    return await httpRequest(url, method, ctx.request);
  } finally {
    ctx.global.release();
    sem.release();
  }
}

interface Followed {
  readonly response?: HttpResponse;
  readonly error?: RequestError;
  readonly chain: readonly URL[];
  readonly problem?: 'redirect-loop' | 'too-many-redirects';
  readonly requests: number;
}

/** Requests `url`, following redirects (every hop vetted again), detecting loops. */
async function follow(ctx: RunContext, url: URL, method: 'HEAD' | 'GET'): Promise<Followed> {
  const chain: URL[] = [url];
  const seen = new Set<string>([url.href]);
  let current = url;
  let requests = 0;
  for (;;) {
    let res: HttpResponse;
    try {
      requests++;
      res = await limited(ctx, current, method);
    } catch (error) {
      if (error instanceof RequestError) return { error, chain, requests };
      throw error;
    }
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      let next: URL;
      try {
        next = new URL(Array.isArray(location) ? location[0]! : location, current);
      } catch {
        return { response: res, chain, requests };
      }
      next.hash = '';
      if (seen.has(next.href)) return { response: res, chain: [...chain, next], problem: 'redirect-loop', requests };
      if (chain.length > ctx.options.maxRedirects) return { response: res, chain, problem: 'too-many-redirects', requests };
      seen.add(next.href);
      chain.push(next);
      current = next;
      continue;
    }
    return { response: res, chain, requests };
  }
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

/** The status of a final 4xx/5xx response: bot protection first, then by code. */
function errorStatus(r: HttpResponse): LinkStatus {
  if (isBotBlock(r)) return 'blocked';
  if (r.status === 404) return 'not-found';
  if (r.status === 410) return 'gone';
  if (r.status === 401 || r.status === 407) return 'auth-required';
  if (r.status === 403) return 'forbidden';
  return r.status >= 500 ? 'server-error' : 'client-error';
}

/** Checks one URL: HEAD, then GET where HEAD is refused or the page must be read; retries with backoff. */
async function checkUrl(ctx: RunContext, url: URL): Promise<LinkResult> {
  let attempts = 0;
  for (let retry = 0; ; retry++) {
    let f = await follow(ctx, url, 'HEAD');
    attempts += f.requests;
    // Many servers mishandle HEAD (405, 501, 403, even 404 or 500): ask again with GET before judging.
    if (f.response && !f.problem && f.response.status >= 400 && f.response.status !== 429) {
      f = await follow(ctx, url, 'GET');
      attempts += f.requests;
    } else if (f.error && (f.error.kind === 'connection' || f.error.kind === 'timeout')) {
      // Some firewalls drop or stall HEAD while GET works; the browser's GET decides.
      f = await follow(ctx, url, 'GET');
      attempts += f.requests;
    }
    const res = f.response;
    const redirects = f.chain.slice(1).map((u) => u.href);
    const base = { url: url.href, redirects, attempts, ...(redirects.length > 0 ? { finalUrl: redirects[redirects.length - 1] } : {}) };
    if (f.problem) return { ...base, status: f.problem, ...(res ? { httpStatus: res.status } : {}) };
    if (f.error) {
      const e = f.error;
      if (e.kind === 'unsafe') return { ...base, status: 'unsafe', reason: `${e.unsafe!.reason} ${e.unsafe!.address}` };
      if (e.kind === 'unsupported-scheme') return { ...base, status: 'unsupported-scheme', reason: e.message };
      const retryable = e.kind === 'connection' || (e.kind === 'dns' && e.code !== undefined && RETRY_CODES.has(e.code));
      if (retryable && retry < ctx.options.retries) {
        await sleep(ctx.options.retryDelayMs * 2 ** retry);
        continue;
      }
      return { ...base, status: e.kind, ...(e.code ? { reason: e.code } : {}) };
    }
    const r = res!;
    if (RETRY_STATUS.has(r.status) && !isBotBlock(r)) {
      const after = retryAfterMs(r.headers['retry-after']);
      if (after !== undefined && after > ctx.options.maxRetryAfterMs) {
        return { ...base, status: r.status === 429 ? 'rate-limited' : 'server-error', httpStatus: r.status, reason: `Retry-After ${Math.round(after / 1000)} s` };
      }
      if (retry < ctx.options.retries) {
        await sleep(Math.max(after ?? 0, ctx.options.retryDelayMs * 2 ** retry));
        continue;
      }
      return { ...base, status: r.status === 429 ? 'rate-limited' : 'server-error', httpStatus: r.status };
    }
    if (r.status >= 400) return { ...base, status: errorStatus(r), httpStatus: r.status };
    if (r.status >= 200 && r.status < 300 && ctx.options.soft404) {
      const redirected = f.chain.length > 1;
      let evidence = soft404(url, r, redirected);
      const type = String(r.headers['content-type'] ?? '').toLowerCase();
      if (!evidence && !r.body && (type === '' || /html/.test(type))) {
        // HEAD said "an HTML page": read it to see whether it is a "page not found" page.
        const final = f.chain[f.chain.length - 1]!;
        try {
          attempts++;
          const g = await limited(ctx, final, 'GET');
          // A browser sends GET: when GET fails where HEAD passed, GET is the truth.
          if (g.status >= 400 && g.status !== 429 && g.status !== 503) return { ...base, status: errorStatus(g), httpStatus: g.status };
          if (g.status >= 200 && g.status < 300) evidence = soft404(url, g, redirected);
        } catch {
          // The HEAD answered; a failed second look does not make the link dead.
        }
      }
      if (evidence) return { ...base, status: 'soft-404', httpStatus: r.status, reason: evidence };
    }
    return { ...base, status: 'ok', httpStatus: r.status };
  }
}

/** Schemes that are not navigations to check (mail, phone, scripts, in-page anchors). */
const SKIPPED_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'javascript:', 'data:', 'about:', 'blob:', 'weixin:', 'callto:']);

/**
 * Checks the links of an HTML page over the network and reports `link/dead-link` findings: dead links
 * (`error`), links to non-public addresses (`warning`, never requested) and links a robot cannot
 * verify (`info`: bot protection, rate limits, logins). Ranges point at each link's URL in `html`.
 * The verdicts are facts on a document that `checker` (default: one with `link/dead-link` alone)
 * judges, so its config (severity, off, options, allow-list) applies.
 */
export async function checkPageLinks(html: string, options: LinkCheckOptions = {}, checker?: Checker): Promise<Finding[]> {
  const core = checker ?? createKernel({ rules: [deadLink] }, { preset: 'all' });
  if (!core.rules.includes('link/dead-link')) return [];
  return core.checkDocument(attachLinks(factsDocument(html), await checkLinkFacts(html, options)));
}

/**
 * Requests every link of an HTML page (the adapter half of `checkPageLinks`). Each distinct URL is
 * requested once per run (see `LinkCheckOptions.cache`); a link repeated on the page gets one verdict
 * per place.
 */
export async function checkLinkFacts(html: string, options: LinkCheckOptions = {}): Promise<CheckedLink[]> {
  if (typeof html !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
  let base: URL | undefined;
  if (options.baseUrl !== undefined) {
    try {
      base = new URL(options.baseUrl);
    } catch {
      throw new ShenjiaoError('invalid-config', `baseUrl 不是有效的网址：${options.baseUrl}`, { key: 'baseUrl' });
    }
  }
  const positive = (name: string, v: number | undefined, fallback: number, min = 1) => {
    const value = v ?? fallback;
    if (!Number.isFinite(value) || value < min) throw new ShenjiaoError('invalid-config', `${name} 必须是不小于 ${min} 的数`, { key: name });
    return value;
  };
  const timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULTS.timeoutMs);
  const concurrency = Math.floor(positive('concurrency', options.concurrency, DEFAULTS.concurrency));
  const perHost = Math.floor(positive('perHostConcurrency', options.perHostConcurrency, DEFAULTS.perHostConcurrency));
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: perHost }),
    https: new https.Agent({ keepAlive: true, maxSockets: perHost }),
  };
  const ctx: RunContext = {
    options: {
      timeoutMs,
      maxRedirects: positive('maxRedirects', options.maxRedirects, DEFAULTS.maxRedirects, 0),
      retries: positive('retries', options.retries, DEFAULTS.retries, 0),
      retryDelayMs: positive('retryDelayMs', options.retryDelayMs, DEFAULTS.retryDelayMs, 0),
      maxRetryAfterMs: positive('maxRetryAfterMs', options.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs, 0),
      soft404: options.soft404 ?? true,
    },
    request: {
      timeoutMs,
      resolver: options.resolver ?? systemResolver,
      userAgent: options.userAgent ?? DEFAULTS.userAgent,
      maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, DEFAULTS.maxBodyBytes),
      agents,
      ...(options.allowPrivateNetwork !== undefined ? { allowPrivateNetwork: options.allowPrivateNetwork } : {}),
      ...(options.allowAddresses !== undefined ? { allowAddresses: options.allowAddresses } : {}),
    },
    global: new Semaphore(concurrency),
    hosts: new Map(),
    perHost,
  };
  const cache = options.cache ?? createLinkCache();
  const dom = parseSource(html);
  const links = collectLinks(dom, html, base?.href, new Set(options.tags ?? ['a', 'area', 'img', 'iframe']));

  type Job = { readonly range: readonly [number, number]; readonly result: Promise<LinkResult>; readonly target: string };
  const jobs: Job[] = [];
  const fixed = (url: string, status: LinkStatus, reason?: string): Promise<LinkResult> =>
    Promise.resolve({ url, status, redirects: [], attempts: 0, ...(reason ? { reason } : {}) });
  const distinct = new Set<string>();
  let done = 0;
  const pending: Promise<LinkResult>[] = [];
  for (const link of links) {
    const href = link.href;
    if (href === '' || href.startsWith('#')) continue;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
    if (scheme && SKIPPED_SCHEMES.has(scheme + ':')) continue;
    if (scheme === 'file' || /^[a-zA-Z]:[\\/]/.test(href) || href.startsWith('\\\\')) {
      jobs.push({ range: link.range, result: fixed(href, 'local-file'), target: href });
      continue;
    }
    if (!scheme && !base && !href.startsWith('//')) continue; // relative link, page address unknown
    const url = link.url;
    if (!url || url.hostname === 'page.invalid') {
      if (!url) jobs.push({ range: link.range, result: fixed(href, 'invalid-url'), target: href });
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      jobs.push({ range: link.range, result: fixed(url.href, 'unsupported-scheme', url.protocol), target: url.href });
      continue;
    }
    const key = new URL(url.href);
    key.hash = '';
    let result = cache.get(key.href);
    if (!result) {
      result = checkUrl(ctx, key).catch((error: unknown) => ({
        url: key.href,
        status: 'connection' as const,
        redirects: [],
        attempts: 1,
        reason: (error as Error).message,
      }));
      cache.set(key.href, result);
    }
    if (!distinct.has(key.href)) {
      distinct.add(key.href);
      pending.push(
        result.then((r) => {
          done++;
          options.onProgress?.({ done, total: distinct.size, url: key.href, status: r.status });
          return r;
        }),
      );
    }
    jobs.push({ range: link.range, result, target: key.href });
  }

  try {
    await Promise.all(pending);
    return await Promise.all(jobs.map(async (job) => ({ range: job.range, target: job.target, result: await job.result, timeoutMs })));
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
