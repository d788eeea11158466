import { isIP } from 'node:net';

/**
 * Server-side request safety for link checks. A pre-publish hook checks links that users wrote, so a
 * link (or a redirect) may point at the checking machine itself, the intranet, or a cloud metadata
 * service. Addresses are judged after DNS resolution, on every hop, and the connection then uses the
 * very address that was judged (no second lookup, so DNS rebinding cannot swap it).
 */

export { UNSAFE_NAMES, type UnsafeReason } from '../facts/link.js';
import type { UnsafeReason } from '../facts/link.js';

/** IPv4 ranges that are not the public Internet (IANA IPv4 Special-Purpose Address Registry, RFC 6890). */
const V4_RANGES: readonly [string, number, UnsafeReason][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.169.254', 32, 'metadata'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4ToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

function v4Reason(ip: string): UnsafeReason | undefined {
  const n = v4ToInt(ip);
  for (const [base, bits, reason] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0) return reason;
  }
  return undefined;
}

/** Expands an IPv6 address to eight 16-bit groups (an embedded dotted IPv4 tail included). */
function v6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    s = s.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const parts = s.split('::');
  if (parts.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(parts[0]!);
  const tail = parts.length === 2 ? parse(parts[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (parts.length === 1 ? fill !== 0 : fill < 0) return undefined;
  const groups = [...head, ...new Array<number>(parts.length === 2 ? fill : 0).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : undefined;
}

/** Special-purpose IPv6 ranges (IANA IPv6 Special-Purpose Address Registry); mapped IPv4 is judged as IPv4. */
function v6Reason(ip: string): UnsafeReason | undefined {
  const g = v6Groups(ip);
  if (!g) return 'reserved';
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judge the IPv4 inside.
  const embedded = (g[6]! >>> 8) + '.' + (g[6]! & 0xff) + '.' + (g[7]! >>> 8) + '.' + (g[7]! & 0xff);
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return v4Reason(embedded) ?? undefined;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Reason(embedded) ?? undefined;
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return 'metadata';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved';
  return undefined;
}

/** Why `address` (an IP literal) may not be requested, or undefined for a public address. */
export function unsafeAddress(address: string): UnsafeReason | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const kind = isIP(bare);
  if (kind === 4) return v4Reason(bare);
  if (kind === 6) return v6Reason(bare);
  return 'reserved';
}

/** Host names that always mean this machine or a metadata service, refused before any lookup. */
export function unsafeHostname(hostname: string): UnsafeReason | undefined {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback';
  if (h === 'metadata.google.internal' || h === 'metadata' || h === 'instance-data' || h.endsWith('.internal')) return 'metadata';
  return undefined;
}

/** What the checker may connect to, beyond the public Internet. */
export interface AddressPolicy {
  /** Allow every non-public address (loopback, private, link-local, metadata). Default false. */
  readonly allowPrivateNetwork?: boolean;
  /** Addresses allowed even though not public, e.g. ['127.0.0.1'] for a local test server. */
  readonly allowAddresses?: readonly string[];
}

/** The reason to refuse `address` under `policy`, or undefined to allow it. */
export function refusal(address: string, policy: AddressPolicy): UnsafeReason | undefined {
  if (policy.allowPrivateNetwork) return undefined;
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (policy.allowAddresses?.includes(bare)) return undefined;
  return unsafeAddress(bare);
}
