import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the references of a page lead, and which files of this machine they may read. A page is
 * content written by others (a CMS pre-publish hook checks what an editor pasted), so a reference
 * must not read arbitrary files: nothing outside the site root (or, without one, the page's folder)
 * is opened, symbolic links included.
 */

/** How references resolve for one page. */
export interface PageResolution {
  /** The page's location, or `undefined` when the caller gave none (only absolute URLs then resolve). */
  readonly page?: string;
  /** The site's root folder: `/a.jpg` resolves there and `..` stops there, as on a web server. */
  readonly siteRoot?: string;
  /** The folder outside which no file is read (default: `siteRoot`, else the page's own folder). */
  readonly readRoot?: string;
  /** Whether http(s) images are fetched. */
  readonly network?: boolean;
}

/** A reference resolved to something to read, or a verdict reached without reading. */
export type Resolved =
  | { readonly kind: 'file'; readonly path: string; readonly src: string }
  | { readonly kind: 'url'; readonly url: string; readonly src: string }
  | { readonly kind: 'data'; readonly bytes: Uint8Array; readonly src: string }
  /** A path on the author's own computer (`file:///C:/Users/…`, `D:\…`): no visitor can load it. */
  | { readonly kind: 'local-machine'; readonly src: string }
  | { readonly kind: 'skip' };

const SKIP: Resolved = { kind: 'skip' };

/** The host of the virtual URL a local site is resolved under: `.invalid` never names a real host (RFC 2606). */
const SITE_HOST = 'site.invalid';

/** How a page's references resolve. */
export interface PageBase {
  /** The URL relative references resolve against. */
  readonly url: URL;
  /**
   * `remote`: an http(s) page. `site`: a local page inside `siteRoot`, resolved under a virtual
   * `http://site.invalid/` origin so that `/` and `..` behave as on the web server. `folder`: a local
   * page without a site root: relative references only, read inside `root`.
   */
  readonly mode: 'remote' | 'site' | 'folder';
  /** The folder that no read may leave, for local pages: as given, and with symbolic links followed. */
  readonly root?: { readonly path: string; readonly real: string };
  /** `siteRoot` resolved, in `site` mode. */
  readonly siteRoot?: string;
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path` (symbolic links followed), or `path` itself when it does not exist. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function rootOf(path: string): { path: string; real: string } {
  return { path, real: real(path) };
}

function moved(base: URL, baseHref: string | undefined): URL {
  if (baseHref === undefined || baseHref.trim() === '') return base;
  try {
    const next = new URL(baseHref.trim(), base);
    if (next.protocol === 'http:' || next.protocol === 'https:' || next.protocol === base.protocol) return next;
  } catch {
    // A malformed <base href> is ignored, as browsers do.
  }
  return base;
}

/**
 * The base of a page: its own location moved by a `<base href>` (HTML "document base URL").
 * `undefined` without a page: then only absolute http(s) URLs and data: URLs resolve.
 */
export function pageBase(options: PageResolution, baseHref: string | undefined): PageBase | undefined {
  const page = options.page;
  if (page === undefined) return undefined;
  if (/^https?:\/\//i.test(page)) {
    try {
      return { url: moved(new URL(page), baseHref), mode: 'remote' };
    } catch {
      return undefined;
    }
  }
  const pagePath = resolvePath(page);
  if (options.siteRoot !== undefined) {
    const siteRoot = resolvePath(options.siteRoot);
    if (inside(pagePath, siteRoot)) {
      const path = relative(siteRoot, pagePath).split(sep).map(encodeURIComponent).join('/');
      const url = moved(new URL(path, `http://${SITE_HOST}/`), baseHref);
      return { url, mode: 'site', root: rootOf(resolvePath(options.readRoot ?? siteRoot)), siteRoot };
    }
  }
  const root = resolvePath(options.readRoot ?? options.siteRoot ?? dirname(pagePath));
  return { url: moved(pathToFileURL(pagePath), baseHref), mode: 'folder', root: rootOf(root) };
}

/** Decodes a `data:` URL (RFC 2397); `undefined` when it is not an image or is malformed. */
function decodeDataUrl(url: string): Uint8Array | undefined {
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const header = url.slice(5, comma).toLowerCase();
  if (!header.startsWith('image/')) return undefined;
  const payload = url.slice(comma + 1);
  try {
    return header.endsWith(';base64') ? Buffer.from(payload.replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
  } catch {
    return undefined;
  }
}

/** A path as the CLI reports pages: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** A local file to read, if it stays inside `root` (lexically and once symbolic links are followed). */
function localFile(path: string, root: { path: string; real: string }): Resolved {
  if (!inside(path, root.path) || !inside(real(path), root.real)) return SKIP;
  return { kind: 'file', path, src: shown(path) };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * One percent-encoded path segment as a file name: UTF-8, or GB18030 for the escapes that older
 * Chinese servers and editors wrote (`%BB%E1%B3%A1.jpg` is 会场.jpg). `undefined` when it would name
 * another folder (an encoded slash or NUL) or decodes in neither.
 */
function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(segment.slice(i + 1, i + 3))) {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(segment[i]!, 'utf8'));
    }
  }
  const raw = Uint8Array.from(bytes);
  let name: string;
  try {
    name = UTF8.decode(raw);
  } catch {
    try {
      name = GB18030.decode(raw);
    } catch {
      return undefined;
    }
  }
  return /[/\\\0]/.test(name) ? undefined : name;
}

/** The decoded path segments of a URL path (already free of `.` and `..`). */
function segments(pathname: string): string[] | undefined {
  const out: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '') continue;
    const name = decodeSegment(part);
    if (name === undefined || name === '.' || name === '..') return undefined;
    out.push(name);
  }
  return out;
}

/** Resolves one image reference of a page. */
export function resolveReference(reference: string, base: PageBase | undefined, options: PageResolution): Resolved {
  const ref = reference.trim();
  if (ref === '' || ref.startsWith('#') || /^(?:javascript|about|blob|cid|mailto):/i.test(ref)) return SKIP;
  if (/^data:/i.test(ref)) {
    const bytes = decodeDataUrl(ref);
    const label = `${ref.slice(0, Math.min(ref.indexOf(',') + 1 || 40, 40))}…`;
    return bytes ? { kind: 'data', bytes, src: label } : SKIP;
  }
  // Word and WPS paste images as files of the author's machine; the published page shows them broken.
  if (/^file:/i.test(ref) || /^[a-z]:[\\/]/i.test(ref) || /^\\\\[^\\]/.test(ref)) {
    return { kind: 'local-machine', src: ref.length > 120 ? `${ref.slice(0, 120)}…` : ref };
  }
  let url: URL;
  try {
    if (ref.startsWith('//')) {
      // Scheme-relative: the page's scheme online; a local copy of a site stands for an https one.
      url = new URL(ref, base?.mode === 'remote' ? base.url : 'https://invalid/');
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      url = new URL(ref);
    } else if (base === undefined) {
      return SKIP;
    } else {
      url = new URL(ref, base.url);
    }
  } catch {
    return SKIP;
  }
  if (base?.mode === 'site' && url.protocol === 'http:' && url.hostname === SITE_HOST) {
    // The URL parser has already removed `.` and `..` segments, stopping at the root as servers do.
    const parts = segments(url.pathname);
    return parts === undefined ? SKIP : localFile(resolvePath(base.siteRoot!, ...parts), base.root!);
  }
  if (url.protocol === 'file:') {
    // Only a local page's relative references get here; a root-relative one needs a site root.
    if (base?.mode !== 'folder' || ref.startsWith('/') || ref.startsWith('\\')) return SKIP;
    const parts = segments(url.pathname);
    if (parts === undefined || url.hostname !== '') return SKIP;
    return localFile(resolvePath(sep, ...parts), base.root!);
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === 'invalid' || url.hostname === SITE_HOST) return SKIP;
    url.hash = '';
    return options.network ? { kind: 'url', url: url.href, src: url.href } : SKIP;
  }
  return SKIP;
}
