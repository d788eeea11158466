import { readFileSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyNode, Element } from 'domhandler';
import { parseSetting } from '../core/config.js';
import type { Checker } from '../core/checker.js';
import type { Document } from '../document/document.js';
import { parseHtml, startTagEnd } from '../document/html.js';
import { ShenjiaoError } from '../errors.js';
import { attachImages, STANDALONE, type AttachedImage, type ImageFacts, type ImageUse } from '../rules/image/facts.js';
import { attribute, declaredSize, imageElements, srcsetUrls } from '../rules/image/html-images.js';
import { oversizedDefaults } from '../rules/image/oversized.js';
import type { Config, Finding } from '../types.js';
import { probeImage } from './image-probe.js';

/** Options of `checkImage`. */
export interface ImageCheckOptions {
  /** The reference to report as `target.src` (a path or URL); default the path given, or `<bytes>`. */
  readonly src?: string;
  /** Decode the pixels too (finds corruption inside the data; slower). Default false: header, end marker and metadata only. */
  readonly decode?: boolean;
}

/** Options of `checkImages`: how to find the images an HTML page references. */
export interface PageImageOptions {
  /** The page's own location: a file path (images resolve relative to its folder) or an http(s) URL. */
  readonly page?: string;
  /** Where root-relative references (`/images/a.jpg`) of a local page resolve: the site's root folder. */
  readonly siteRoot?: string;
  /** Fetch remote images (http/https). Default false: remote images are skipped. */
  readonly network?: boolean;
  /** Milliseconds allowed per remote image. Default 10000. */
  readonly timeout?: number;
  /** How many images are read at once. Default 8. */
  readonly concurrency?: number;
  /** Decode the pixels too (see `ImageCheckOptions.decode`). */
  readonly decode?: boolean;
}

/** Files larger than this are not read whole: their head suffices for the header and the size finding. */
const READ_LIMIT = 64 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

/** What the image checks need from the checker they extend. */
export interface ImageContext {
  readonly core: Checker;
  readonly config?: Config;
}

function maxPixelsOf(config: Config | undefined): number {
  const setting = config?.rules?.['image/oversized'];
  if (setting === undefined) return oversizedDefaults.maxPixels;
  const value = parseSetting('image/oversized', setting).options.maxPixels;
  return typeof value === 'number' && value > 0 ? value : oversizedDefaults.maxPixels;
}

/** With image/blurry on, every image is decoded to measure its sharpness (the decode path's cost). */
function probeOptions(context: ImageContext, decode: boolean | undefined) {
  const sharpness = context.core.rules.includes('image/blurry');
  return { decode: decode === true, sharpness, maxPixels: maxPixelsOf(context.config) };
}

/**
 * A document of `source` with no text segments and no tree, carrying the measured images: the text
 * and HTML-structure rules find nothing in it, the image rules judge the attached facts.
 */
function imageDocument(source: string, images: readonly AttachedImage[]): Document {
  return attachImages({ kind: 'text', source, segments: [] }, images);
}

/**
 * Files up to this size are read synchronously. The libuv pool (4 threads by default) runs both fs
 * calls and sharp's work: an async read is four pool jobs queued behind image work, which halves the
 * throughput of checking many images, while reading a small file on the main thread takes microseconds.
 */
const SYNC_READ_LIMIT = 4 * 1024 * 1024;

/** Reads a file, or only its head when it is too large to hold (its true size is kept). */
async function readImageFile(path: string): Promise<{ bytes: Uint8Array; totalBytes?: number }> {
  const info = statSync(path);
  if (!info.isFile()) throw Object.assign(new Error('不是文件'), { code: 'EISDIR' });
  if (info.size <= SYNC_READ_LIMIT) return { bytes: readFileSync(path) };
  if (info.size <= READ_LIMIT) return { bytes: await readFile(path) };
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return { bytes: head.subarray(0, bytesRead), totalBytes: info.size };
  } finally {
    await handle.close();
  }
}

/**
 * Checks one image, given as bytes or a file path. Findings cover the whole file: range [0, 0],
 * `target: { kind: 'image', src }`. A missing path throws `invalid-input`; bad bytes give findings.
 */
export async function checkImage(context: ImageContext, image: Uint8Array | string, options: ImageCheckOptions = {}): Promise<Finding[]> {
  let bytes: Uint8Array;
  let totalBytes: number | undefined;
  let src = options.src;
  if (typeof image === 'string') {
    try {
      ({ bytes, totalBytes } = await readImageFile(image));
    } catch (cause) {
      throw new ShenjiaoError('invalid-input', `无法读取文件：${image}（${(cause as NodeJS.ErrnoException).code ?? String(cause)}）`, { path: image }, { cause });
    }
    src ??= image;
  } else if (image instanceof Uint8Array) {
    bytes = image;
  } else {
    throw new ShenjiaoError('invalid-input', 'checkImage 需要 Uint8Array（Buffer）或文件路径');
  }
  const facts = await probeImage(bytes, { ...probeOptions(context, options.decode), ...(totalBytes !== undefined ? { totalBytes } : {}) });
  return context.core.checkDocument(imageDocument('', [{ facts, use: STANDALONE, range: [0, 0], src: src ?? '<bytes>' }]));
}

/** A reference resolved to something we can read. */
type Resolved =
  | { readonly kind: 'file'; readonly path: string; readonly src: string }
  | { readonly kind: 'url'; readonly url: string; readonly src: string }
  | { readonly kind: 'data'; readonly bytes: Uint8Array; readonly src: string }
  | { readonly kind: 'skip' };

const SKIP: Resolved = { kind: 'skip' };

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

/**
 * The URL the page's references resolve against: the page itself (an http(s) URL, or a file path as a
 * file: URL), moved by a `<base href>` when the page has one (HTML: "document base URL").
 */
function pageBase(page: string | undefined, baseHref: string | undefined): URL | undefined {
  if (page === undefined) return undefined;
  let base: URL;
  try {
    base = /^https?:\/\//i.test(page) ? new URL(page) : pathToFileURL(resolvePath(page));
  } catch {
    return undefined;
  }
  if (baseHref !== undefined && baseHref.trim() !== '') {
    try {
      const moved = new URL(baseHref.trim(), base);
      if (moved.protocol === 'http:' || moved.protocol === 'https:' || moved.protocol === base.protocol) base = moved;
    } catch {
      // A malformed <base href> is ignored, as browsers do.
    }
  }
  return base;
}

function resolveReference(reference: string, base: URL | undefined, options: PageImageOptions): Resolved {
  const ref = reference.trim();
  if (ref === '' || ref.startsWith('#') || /^(?:javascript|about|blob|cid):/i.test(ref)) return SKIP;
  if (/^data:/i.test(ref)) {
    const bytes = decodeDataUrl(ref);
    const label = `${ref.slice(0, Math.min(ref.indexOf(',') + 1 || 40, 40))}…`;
    return bytes ? { kind: 'data', bytes, src: label } : SKIP;
  }
  let url: URL;
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) url = new URL(ref, base ?? 'http://invalid/');
    else if (base === undefined) return SKIP;
    else if (base.protocol === 'file:' && ref.startsWith('/')) {
      // Root-relative on a local copy of a site: only the caller knows where the site's root is.
      if (options.siteRoot === undefined) return SKIP;
      url = new URL(ref.slice(1), pathToFileURL(`${resolvePath(options.siteRoot)}/`));
    } else url = new URL(ref, base);
  } catch {
    return SKIP;
  }
  if (url.protocol === 'file:') {
    // A remote page cannot show a file from this machine.
    if (base?.protocol !== 'file:') return SKIP;
    url.search = '';
    url.hash = '';
    try {
      const path = fileURLToPath(url);
      // Report the file as the CLI reports pages: relative to the working folder when inside it.
      const shown = relative(process.cwd(), path);
      return { kind: 'file', path, src: shown.startsWith('..') || isAbsolute(shown) ? path : shown };
    } catch {
      return SKIP;
    }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === 'invalid') return SKIP;
    return options.network ? { kind: 'url', url: url.href, src: url.href } : SKIP;
  }
  return SKIP;
}

/** The first element named `name` that passes `test`, in document order (iterative). */
function findElement(root: AnyNode, name: string, test: (el: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' && (node as Element).name === name && test(node as Element)) return node as Element;
    const children = (node as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** Runs `tasks` with at most `limit` in flight. */
async function bounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Fetches a remote image with a timeout, reading at most READ_LIMIT bytes. */
async function fetchImage(url: string, timeout: number): Promise<{ bytes: Uint8Array; totalBytes?: number } | { problem: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout), redirect: 'follow', headers: { accept: 'image/*,*/*;q=0.5' } });
    if (!response.ok) {
      await response.body?.cancel();
      return { problem: `图片地址无法访问（HTTP ${response.status}）` };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const reader = response.body?.getReader();
    if (!reader) return { bytes: new Uint8Array(0) };
    const chunks: Uint8Array[] = [];
    let size = 0;
    let cut = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
      if (size > READ_LIMIT) {
        cut = true;
        await reader.cancel();
        break;
      }
    }
    const bytes = Buffer.concat(chunks);
    if (cut) return { bytes: bytes.subarray(0, HEAD_BYTES), totalBytes: Number.isFinite(declared) && declared > size ? declared : size };
    return { bytes };
  } catch (error) {
    const name = (error as Error).name;
    return { problem: name === 'TimeoutError' || name === 'AbortError' ? `下载图片超时（${timeout} 毫秒）` : `下载图片失败（${(error as Error).message.slice(0, 80)}）` };
  }
}

/**
 * Checks the images an HTML page shows: every `<img>` (its `src`, lazy-load `data-src`, and `srcset`
 * candidates), `<input type="image">`. Local references resolve against `options.page`; remote ones
 * are fetched only with `network: true`. Findings carry the `<img>` tag's range in `html` and the
 * resolved reference as `target.src`. Alternative text is judged by the core's `image/missing-alt`,
 * which `checkHtml` runs; this adds what needs the image bytes.
 */
export async function checkImages(context: ImageContext, html: string, options: PageImageOptions = {}): Promise<Finding[]> {
  if (typeof html !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
  const dom = parseHtml(html).dom;
  if (!dom) return [];
  const probe = probeOptions(context, options.decode);
  const timeout = options.timeout ?? 10_000;
  const baseElement = findElement(dom, 'base', (el) => el.attribs.href !== undefined);
  const base = pageBase(options.page, baseElement ? attribute(baseElement, 'href') : undefined);

  type Use = { range: readonly [number, number]; use: ImageUse; resolved: Exclude<Resolved, { kind: 'skip' }> };
  const uses: Use[] = [];
  for (const image of imageElements(dom)) {
    const el = image.element;
    if (el.startIndex === null || image.tag === 'area') continue;
    const range = [el.startIndex, startTagEnd(html, el)] as const;
    const shown = declaredSize(el);
    const alt = attribute(el, 'alt');
    const decorative = alt !== undefined && alt.trim() === '';
    const content = !image.link && !image.furniture && !image.hidden && !decorative;
    const main: ImageUse = {
      onPage: true,
      absoluteThresholds: content,
      ...(shown.width !== undefined ? { shownWidth: shown.width } : {}),
      ...(shown.height !== undefined ? { shownHeight: shown.height } : {}),
    };
    const seen = new Set<string>();
    const add = (reference: string | undefined, use: ImageUse): void => {
      if (reference === undefined) return;
      const resolved = resolveReference(reference, base, options);
      if (resolved.kind === 'skip' || seen.has(resolved.src)) return;
      seen.add(resolved.src);
      uses.push({ range, use, resolved });
    };
    if (image.tag === 'source') {
      for (const candidate of srcsetUrls(attribute(el, 'srcset') ?? '')) add(candidate, { onPage: true, absoluteThresholds: false });
      continue;
    }
    const lazy = attribute(el, 'data-src') ?? attribute(el, 'data-original') ?? attribute(el, 'data-lazy-src');
    const src = attribute(el, 'src');
    const primary = lazy !== undefined && lazy.trim() !== '' && (src === undefined || src.trim() === '' || /^data:/i.test(src.trim())) ? lazy : src;
    add(primary, main);
    const srcset = attribute(el, 'srcset');
    if (srcset !== undefined) for (const candidate of srcsetUrls(srcset)) add(candidate, { onPage: true, absoluteThresholds: false });
  }

  const facts = new Map<string, Promise<ImageFacts>>();
  const load = (resolved: Use['resolved']): Promise<ImageFacts> => {
    let pending = facts.get(resolved.src);
    if (!pending) {
      pending = (async (): Promise<ImageFacts> => {
        if (resolved.kind === 'data') return probeImage(resolved.bytes, probe);
        if (resolved.kind === 'file') {
          try {
            const { bytes, totalBytes } = await readImageFile(resolved.path);
            return probeImage(bytes, { ...probe, ...(totalBytes !== undefined ? { totalBytes } : {}) });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            return { bytes: 0, reader: 'none', decoded: false, problem: { kind: 'not-found', detail: code === 'ENOENT' ? '图片文件不存在' : `图片文件无法读取（${code ?? String(error)}）` } };
          }
        }
        const fetched = await fetchImage(resolved.url, timeout);
        if ('problem' in fetched) return { bytes: 0, reader: 'none', decoded: false, problem: { kind: 'fetch-failed', detail: fetched.problem } };
        return probeImage(fetched.bytes, { ...probe, ...(fetched.totalBytes !== undefined ? { totalBytes: fetched.totalBytes } : {}) });
      })();
      facts.set(resolved.src, pending);
    }
    return pending;
  };

  const unique = [...new Map(uses.map((u) => [u.resolved.src, u.resolved])).values()];
  await bounded(unique, options.concurrency ?? 8, async (resolved) => {
    await load(resolved);
  });
  const attached: AttachedImage[] = [];
  for (const u of uses) attached.push({ facts: await load(u.resolved), use: u.use, range: u.range, src: u.resolved.src });
  return context.core.checkDocument(imageDocument(html, attached));
}
