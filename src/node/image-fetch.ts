import http from 'node:http';
import https from 'node:https';
import { httpRequest, RequestError, systemResolver, type RequestOptions, type Resolver } from './links-http.js';
import { UNSAFE_NAMES, type AddressPolicy } from './links-safety.js';

/**
 * Downloads remote images for the page checks. Requests go through the link checker's HTTP layer:
 * every hop's address is vetted after DNS resolution (no loopback, intranet or cloud-metadata
 * address unless allowed), so a page cannot make the checking server fetch its own internals.
 */

/** What a download gave: the bytes (maybe only the head of a huge file), or why there are none. */
export type Fetched =
  | { readonly bytes: Uint8Array; readonly totalBytes?: number; readonly contentType?: string }
  | { readonly problem: string };

export interface ImageFetcher {
  fetch(url: string): Promise<Fetched>;
  close(): void;
}

export interface FetcherOptions extends AddressPolicy {
  /** Milliseconds for the whole download, redirects included. */
  readonly timeout: number;
  /** Largest body read; a longer one is cut there and its head kept. */
  readonly readLimit: number;
  /** How much of a cut body to keep for the header. */
  readonly headBytes: number;
  /** DNS resolver (tests inject one; default the system's). */
  readonly resolver?: Resolver;
}

const MAX_REDIRECTS = 5;
const USER_AGENT = 'Mozilla/5.0 (compatible; shenjiao-imagecheck/0.1; +https://www.npmjs.com/package/shenjiao)';

export function createFetcher(options: FetcherOptions): ImageFetcher {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 8 }), https: new https.Agent({ keepAlive: true, maxSockets: 8 }) };
  const request = (timeoutMs: number): RequestOptions => ({
    timeoutMs,
    resolver: options.resolver ?? systemResolver,
    userAgent: USER_AGENT,
    maxBodyBytes: options.readLimit + 1,
    agents,
    ...(options.allowPrivateNetwork !== undefined ? { allowPrivateNetwork: options.allowPrivateNetwork } : {}),
    ...(options.allowAddresses !== undefined ? { allowAddresses: options.allowAddresses } : {}),
  });

  const fetchImage = async (href: string): Promise<Fetched> => {
    const deadline = Date.now() + options.timeout;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return { problem: '图片地址无效' };
    }
    for (let hop = 0; ; hop++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { problem: `下载图片超时（${options.timeout} 毫秒）` };
      let response;
      try {
        response = await httpRequest(url, 'GET', request(remaining));
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        if (error.kind === 'timeout') return { problem: `下载图片超时（${options.timeout} 毫秒）` };
        if (error.kind === 'unsafe' && error.unsafe) return { problem: `图片地址指向${UNSAFE_NAMES[error.unsafe.reason]}（${error.unsafe.address}），出于安全考虑未下载` };
        if (error.kind === 'dns') return { problem: `图片所在域名无法解析（${url.hostname}）` };
        return { problem: `下载图片失败（${error.message.slice(0, 80)}）` };
      }
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        if (hop >= MAX_REDIRECTS) return { problem: `图片地址重定向次数过多（超过 ${MAX_REDIRECTS} 次）` };
        try {
          url = new URL(Array.isArray(location) ? location[0]! : location, url);
        } catch {
          return { problem: '图片地址重定向到无效地址' };
        }
        continue;
      }
      if (response.status < 200 || response.status >= 300) return { problem: `图片地址无法访问（HTTP ${response.status}）` };
      const body = response.body ?? Buffer.alloc(0);
      const type = response.headers['content-type'];
      const contentType = typeof type === 'string' ? type.split(';')[0]!.trim().toLowerCase() : undefined;
      const typed = contentType ? { contentType } : {};
      if (body.length <= options.readLimit) return { bytes: body, ...typed };
      const declared = Number(response.headers['content-length'] ?? NaN);
      return { bytes: body.subarray(0, options.headBytes), totalBytes: Number.isFinite(declared) && declared > body.length ? declared : body.length, ...typed };
    }
  };

  return {
    fetch: fetchImage,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
