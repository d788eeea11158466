/**
 * Link facts: what became of each link of a page, as the network check (`shenjiao/node`'s
 * `checkLinks`) found it. The adapter requests the URLs and attaches the verdicts to a document; the
 * pure rule `link/dead-link` judges them, so config, severities and allow-lists apply as to any rule.
 */
import { factSlot } from './attach.js';

/** Why an address may not be requested. */
export type UnsafeReason =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'shared'
  | 'reserved'
  | 'documentation';

/** zh-CN names of the reasons, for messages. */
export const UNSAFE_NAMES: Readonly<Record<UnsafeReason, string>> = {
  loopback: '本机回环地址',
  private: '内网（私有）地址',
  'link-local': '链路本地地址',
  metadata: '云服务器元数据地址',
  unspecified: '未指定地址',
  multicast: '组播地址',
  shared: '运营商共享地址',
  reserved: '保留地址',
  documentation: '文档示例地址',
};

/** What became of one URL. */
export type LinkStatus =
  | 'ok'
  | 'not-found'
  | 'gone'
  | 'client-error'
  | 'server-error'
  | 'timeout'
  | 'dns'
  | 'connection'
  | 'tls'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'soft-404'
  | 'blocked'
  | 'rate-limited'
  | 'auth-required'
  | 'forbidden'
  | 'unsafe'
  | 'unsupported-scheme'
  | 'invalid-url'
  | 'local-file';

/** The verdict on one URL; `data` of a `link/dead-link` finding. */
export interface LinkResult {
  /** The URL checked (resolved, fragment removed). */
  readonly url: string;
  readonly status: LinkStatus;
  /** The last HTTP status seen, when there was a response. */
  readonly httpStatus?: number;
  /** Where redirects led, when they did. */
  readonly finalUrl?: string;
  /** The redirect chain after the first URL. */
  readonly redirects: readonly string[];
  /** Requests made for this URL, retries and HEAD→GET fallbacks included. */
  readonly attempts: number;
  /** Extra detail: the system error code, the soft-404 evidence, the refused address's kind. */
  readonly reason?: string;
}

/** One link of a page and its verdict, as attached to the document checked. */
export interface CheckedLink {
  /** The link's URL in the page source (the attribute value). */
  readonly range: readonly [number, number];
  /** The URL checked (resolved), reported as `target.src`. */
  readonly target: string;
  readonly result: LinkResult;
  /** The per-request time limit the check ran with, in milliseconds (for the timeout message). */
  readonly timeoutMs: number;
}

const links = factSlot<CheckedLink>();

/** Attaches checked links to a document (returns the document). */
export const attachLinks = links.attach;

/** The checked links attached to a document; none for ordinary checks. */
export const attachedLinks = links.attached;
