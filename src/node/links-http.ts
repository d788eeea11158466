import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { refusal, unsafeHostname, type AddressPolicy, type UnsafeReason } from './links-safety.js';

/** One resolved address. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name; injectable so tests never query a real resolver. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (getaddrinfo), all addresses. */
export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Why a request produced no response. */
export type RequestErrorKind = 'timeout' | 'dns' | 'connection' | 'tls' | 'unsafe' | 'unsupported-scheme';

/** A request that failed before a response; `code` is the system error code when there was one. */
export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly code?: string,
    readonly unsafe?: { readonly reason: UnsafeReason; readonly address: string },
  ) {
    super(message);
  }
}

/** A response: status, headers and (for GET) up to `maxBodyBytes` of the decoded body. */
export interface HttpResponse {
  readonly url: URL;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body?: Buffer;
}

export interface RequestOptions extends AddressPolicy {
  readonly timeoutMs: number;
  readonly resolver: Resolver;
  readonly userAgent: string;
  readonly maxBodyBytes: number;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
}

/** TLS failures (certificates, handshakes; EPROTO is what a non-TLS server answering on the port gives). */
const TLS_CODES = /^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|EPROTO$)/;

/** Resolves and vets the address of `url`'s host; throws `RequestError('unsafe' | 'dns')`. */
async function vettedAddress(url: URL, options: RequestOptions): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = isIP(host);
  if (literal) {
    const reason = refusal(host, options);
    if (reason) throw new RequestError('unsafe', `refused ${host}`, undefined, { reason, address: host });
    return { address: host, family: literal === 6 ? 6 : 4 };
  }
  const named = unsafeHostname(host);
  if (named && !options.allowPrivateNetwork && !options.allowAddresses?.length) {
    throw new RequestError('unsafe', `refused ${host}`, undefined, { reason: named, address: host });
  }
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await options.resolver(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RequestError('dns', `cannot resolve ${host}`, code);
  }
  if (addresses.length === 0) throw new RequestError('dns', `no address for ${host}`, 'ENOTFOUND');
  // Every address must be acceptable: a public name with one private record is refused whole.
  for (const a of addresses) {
    const reason = refusal(a.address, options);
    if (reason) throw new RequestError('unsafe', `refused ${host} (${a.address})`, undefined, { reason, address: a.address });
  }
  return addresses.find((a) => a.family === 4) ?? addresses[0]!;
}

/**
 * One HTTP request, no redirect following. The connection goes to the vetted address (the lookup
 * handed to `http.request` returns it without asking DNS again). The whole exchange, body included,
 * must finish within `timeoutMs`.
 */
export async function httpRequest(url: URL, method: 'HEAD' | 'GET', options: RequestOptions): Promise<HttpResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RequestError('unsupported-scheme', url.protocol);
  const started = Date.now();
  // DNS counts against the same deadline: getaddrinfo has no timeout of its own.
  let dnsTimer: ReturnType<typeof setTimeout> | undefined;
  const target = await Promise.race([
    vettedAddress(url, options),
    new Promise<never>((_, reject) => {
      dnsTimer = setTimeout(() => reject(new RequestError('timeout', `no address within ${options.timeoutMs} ms`)), options.timeoutMs);
    }),
  ]).finally(() => clearTimeout(dnsTimer));
  const remaining = Math.max(1, options.timeoutMs - (Date.now() - started));
  const fixedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const secure = url.protocol === 'https:';
  const client = secure ? https : http;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, value?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const req = client.request(
      {
        protocol: url.protocol,
        host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || (secure ? 443 : 80),
        path: url.pathname + url.search,
        method,
        lookup: fixedLookup,
        agent: secure ? options.agents.https : options.agents.http,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          'accept-language': 'zh-CN,zh;q=0.9',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const base = { url, status: res.statusCode ?? 0, headers: res.headers };
        if (method === 'HEAD' || (base.status >= 300 && base.status < 400)) {
          res.resume();
          finish(undefined, base);
          return;
        }
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        const stream =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? res.pipe(zlib.createGunzip())
            : encoding === 'deflate'
              ? res.pipe(zlib.createInflate())
              : encoding === 'br'
                ? res.pipe(zlib.createBrotliDecompress())
                : res;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => finish(undefined, { ...base, body: Buffer.concat(chunks) });
        stream.on('data', (chunk: Buffer) => {
          if (size >= options.maxBodyBytes) return;
          chunks.push(chunk.subarray(0, options.maxBodyBytes - size));
          size += chunk.length;
          if (size >= options.maxBodyBytes) {
            done();
            res.destroy();
          }
        });
        stream.on('end', done);
        // A body cut short or badly compressed still tells us what we need: keep what arrived.
        stream.on('error', done);
        res.on('error', done);
        res.on('aborted', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(new RequestError('timeout', `no response within ${options.timeoutMs} ms`));
    }, remaining);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (TLS_CODES.test(code)) finish(new RequestError('tls', error.message, code));
      else finish(new RequestError('connection', error.message, code || 'ECONNRESET'));
    });
    req.end();
  });
}
