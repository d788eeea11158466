import govDomains from '../../dictionaries/link/gov-domains.json';

/** Government host suffixes (dictionaries/link/gov-domains.json), lower-case, Punycode for IDNs. */
export const GOV_SUFFIXES: readonly string[] = govDomains.entries.flatMap((e) => e.patterns.map((p) => p.toLowerCase()));

/** Is `host` (as `URL.hostname` gives it) a government host: one of the suffixes or below one? */
export function isGovHost(host: string, suffixes: readonly string[] = GOV_SUFFIXES): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return suffixes.some((s) => h === s || h.endsWith('.' + s));
}

/** Is `host` the same as, or below, one of `sites` (`example.gov.cn` covers `www.example.gov.cn`)? */
export function isSameSite(host: string, sites: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return sites.some((s) => {
    const site = s.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    return site.length > 0 && (h === site || h.endsWith('.' + site));
  });
}

/** Schemes that navigate to another page (and so can be dark links, dead links or external links). */
export function isWebUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Placeholder base for relative links on pages whose own address is unknown. */
export const UNKNOWN_BASE = 'http://page.invalid/';

/**
 * Resolves an `href` as written (entities already decoded) against `base`. Browsers strip leading and
 * trailing C0 controls and spaces and drop tabs and newlines inside (WHATWG URL); `URL` does the same.
 * Returns undefined for what a browser could not follow.
 */
export function resolveHref(href: string, base: string = UNKNOWN_BASE): URL | undefined {
  if (href.length > 8192) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** The hostname of an absolute http(s) URL that leaves `sites`, or undefined (relative, same site, other scheme). */
export function externalHost(url: URL | undefined, sites: readonly string[]): string | undefined {
  if (!url || !isWebUrl(url)) return undefined;
  const host = url.hostname.toLowerCase();
  if (host === 'page.invalid' || host === '') return undefined;
  if (isSameSite(host, sites)) return undefined;
  return host;
}
