import { readFileSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { AnyNode, Element } from 'domhandler';
import type { Checker } from '../core/checker.js';
import type { Document } from '../document/document.js';
import { parseHtml, startTagEnd } from '../document/html.js';
import { ShenjiaoError } from '../errors.js';
import { factsDocument } from '../facts/attach.js';
import { attachImages, STANDALONE, type AttachedImage, type ImageFacts, type ImageUse } from '../facts/image.js';
import { attribute, declaredSize, imageElements, LAZY_SRC, LAZY_SRCSET, srcsetCandidates, type SrcsetCandidate } from '../html/images.js';
import { oversizedDefaults } from '../rules/image/oversized.js';
import type { Finding } from '../types.js';
import { createFetcher, type ImageFetcher } from './image-fetch.js';
import { probeImage } from './image-probe.js';
import { pageBase, resolveReference, type Resolved } from './image-resolve.js';

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
  /**
   * The site's root folder, for a local page inside it: `/images/a.jpg` resolves there and `..` stops
   * there, as on the web server; no file outside it is read. Without it, root-relative references are
   * skipped and only files inside `readRoot` are read.
   */
  readonly siteRoot?: string;
  /** The folder outside which no file is read. Default: `siteRoot`, else the page's own folder. */
  readonly readRoot?: string;
  /** Fetch remote images (http/https). Default false: remote images are skipped. */
  readonly network?: boolean;
  /** Milliseconds allowed per remote image, redirects included. Default 10000. */
  readonly timeout?: number;
  /** How many images are read at once. Default 8. */
  readonly concurrency?: number;
  /** Decode the pixels too (see `ImageCheckOptions.decode`). */
  readonly decode?: boolean;
  /** Let remote images come from loopback, intranet or link-local addresses. Default false (refused after DNS resolution). */
  readonly allowPrivateNetwork?: boolean;
  /** Non-public addresses allowed all the same, e.g. ['127.0.0.1'] for a local test server. */
  readonly allowAddresses?: readonly string[];
  /** Shared per-run cache (see `createImageCache`): an image shown on many pages is read once. */
  readonly cache?: ImageCache;
  /**
   * The page as `parseHtml(html)` gave it, when the caller has it already (it checked the page's text
   * with `checkDocument`): spares a second parse. Its `source` must be `html`.
   */
  readonly document?: Document;
}

/** Per-run cache of what was read about each image reference (resolved src → facts). */
export type ImageCache = Map<string, Promise<ImageFacts>>;

/** Creates an empty per-run image cache for `checkImages`. */
export function createImageCache(): ImageCache {
  return new Map();
}

/** Files larger than this are not read whole: their head suffices for the header and the size finding. */
const READ_LIMIT = 64 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

/** What the image checks need from the checker they extend: its rules and their resolved options. */
export interface ImageContext {
  readonly core: Checker;
}

/**
 * What to measure, as the checker's rules want it: with image/blurry on, every image is decoded to
 * measure its sharpness (the decode path's cost); nothing larger than image/oversized's `maxPixels`
 * (its default when the rule is off) is decoded.
 */
function probeOptions(context: ImageContext, decode: boolean | undefined) {
  const sharpness = context.core.rules.includes('image/blurry');
  const maxPixels = context.core.ruleOptions('image/oversized')?.maxPixels;
  return { decode: decode === true, sharpness, maxPixels: typeof maxPixels === 'number' ? maxPixels : oversizedDefaults.maxPixels };
}

/** A document of `source` that carries the measured images for the image rules to judge (see `factsDocument`). */
function imageDocument(source: string, images: readonly AttachedImage[]): Document {
  return attachImages(factsDocument(source), images);
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

/** Runs `task` over `items` with at most `limit` in flight. */
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

type Readable = Exclude<Resolved, { kind: 'skip' }>;

/** One reference of one element: which file, and whether it may be the image the element shows. */
interface Reference {
  readonly resolved: Readable;
  /**
   * The element's main image candidates (its `src`, lazy-load source and srcset candidates) compete
   * to be judged as what the page shows; a placeholder `src` beside a lazy-load source does not.
   */
  readonly candidate: boolean;
}

/** Every element that shows an image, with its references in the order they were written. */
interface Shown {
  readonly range: readonly [number, number];
  readonly main: ImageUse;
  readonly references: readonly Reference[];
}

/** The largest srcset candidate first: by width descriptor, then density; the order written breaks ties. */
function largestFirst(candidates: readonly SrcsetCandidate[]): SrcsetCandidate[] {
  return [...candidates].sort((a, b) => (b.width ?? 0) - (a.width ?? 0) || (b.density ?? 1) - (a.density ?? 1));
}

function firstAttribute(el: Element, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = attribute(el, name);
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * Checks the images an HTML page shows: every `<img>` (its `src`, lazy-load `data-src` and the like,
 * and `srcset` candidates), `<picture><source srcset>`, `<input type="image">`. Local references
 * resolve against `options.page` and never read outside the site root; remote ones are fetched only
 * with `network: true`. Findings carry the tag's range in `html` and the resolved reference as
 * `target.src`. Alternative text is judged by the core's `image/missing-alt`, which `checkHtml` runs;
 * this adds what needs the image bytes. CSS background images are not checked: they are decoration
 * by definition (no alternative text, no article content) and live mostly in stylesheets.
 */
export async function checkImages(context: ImageContext, html: string, options: PageImageOptions = {}): Promise<Finding[]> {
  if (typeof html !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
  const given = options.document;
  if (given !== undefined && (given.kind !== 'html' || given.source !== html)) throw new ShenjiaoError('invalid-input', 'checkImages 的 document 须是同一页面 parseHtml 的结果');
  const dom = (given ?? parseHtml(html)).dom;
  if (!dom) return [];
  const probe = probeOptions(context, options.decode);
  const baseElement = findElement(dom, 'base', (el) => el.attribs.href !== undefined);
  const base = pageBase(options, baseElement ? attribute(baseElement, 'href') : undefined);

  const shownImages: Shown[] = [];
  for (const image of imageElements(dom)) {
    const el = image.element;
    if (el.startIndex === null || image.tag === 'area') continue;
    const range = [el.startIndex, startTagEnd(html, el)] as const;
    const size = declaredSize(el);
    const alt = attribute(el, 'alt');
    const decorative = alt !== undefined && alt.trim() === '';
    const content = !image.link && !image.furniture && !image.hidden && !decorative;
    const main: ImageUse = {
      onPage: true,
      absoluteThresholds: content,
      ...(size.width !== undefined ? { shownWidth: size.width } : {}),
      ...(size.height !== undefined ? { shownHeight: size.height } : {}),
    };
    const references: Reference[] = [];
    const seen = new Set<string>();
    const add = (reference: string | undefined, candidate: boolean): void => {
      if (reference === undefined) return;
      const resolved = resolveReference(reference, base, options);
      if (resolved.kind === 'skip' || seen.has(resolved.src)) return;
      seen.add(resolved.src);
      references.push({ resolved, candidate });
    };
    if (image.tag === 'source') {
      // A <picture> source offers files for its <img>: each is checked, none is the <img> itself.
      for (const c of largestFirst(srcsetCandidates(attribute(el, 'srcset') ?? ''))) add(c.url, false);
    } else {
      const src = attribute(el, 'src');
      const lazy = firstAttribute(el, LAZY_SRC);
      const lazySet = firstAttribute(el, LAZY_SRCSET);
      const placeholder = (lazy !== undefined || lazySet !== undefined) && src !== undefined;
      add(lazy, true);
      add(src, !placeholder);
      for (const set of [lazySet, attribute(el, 'srcset')]) {
        if (set !== undefined) for (const c of largestFirst(srcsetCandidates(set))) add(c.url, true);
      }
    }
    if (references.length > 0) shownImages.push({ range, main, references });
  }

  const facts: ImageCache = options.cache ?? new Map();
  const fetcher = options.network
    ? createFetcher({
        timeout: options.timeout ?? 10_000,
        readLimit: READ_LIMIT,
        headBytes: HEAD_BYTES,
        ...(options.allowPrivateNetwork !== undefined ? { allowPrivateNetwork: options.allowPrivateNetwork } : {}),
        ...(options.allowAddresses !== undefined ? { allowAddresses: options.allowAddresses } : {}),
      })
    : undefined;
  const load = (resolved: Readable): Promise<ImageFacts> => {
    let pending = facts.get(resolved.src);
    if (!pending) {
      pending = measure(resolved, probe, fetcher);
      facts.set(resolved.src, pending);
    }
    return pending;
  };
  try {
    const unique = [...new Map(shownImages.flatMap((s) => s.references.map((r) => [r.resolved.src, r.resolved] as const))).values()];
    await bounded(unique, options.concurrency ?? 8, async (resolved) => {
      await load(resolved);
    });
  } finally {
    fetcher?.close();
  }

  const attached: AttachedImage[] = [];
  for (const s of shownImages) {
    const measured = await Promise.all(s.references.map((r) => load(r.resolved)));
    // The page shows the widest readable candidate (a browser picks by screen; a small fallback `src`
    // beside a large srcset is not what readers see): it alone meets the size checks.
    let main = -1;
    measured.forEach((f, i) => {
      if (!s.references[i]!.candidate || f.problem || f.displayWidth === undefined) return;
      if (main < 0 || f.displayWidth > measured[main]!.displayWidth!) main = i;
    });
    s.references.forEach((r, i) => {
      attached.push({ facts: measured[i]!, use: i === main ? s.main : OTHER_CANDIDATE, range: s.range, src: r.resolved.src });
    });
  }
  return context.core.checkDocument(imageDocument(html, attached));
}

/** A file offered beside the main image (srcset candidate, picture source, placeholder): only readability, format and metadata count. */
const OTHER_CANDIDATE: ImageUse = { onPage: true, absoluteThresholds: false };

/** Reads and measures one resolved reference; never throws on content. */
async function measure(resolved: Readable, probe: ReturnType<typeof probeOptions>, fetcher: ImageFetcher | undefined): Promise<ImageFacts> {
  if (resolved.kind === 'data') return probeImage(resolved.bytes, probe);
  if (resolved.kind === 'local-machine') {
    return { bytes: 0, reader: 'none', decoded: false, problem: { kind: 'local-file', detail: '图片地址指向编辑者电脑上的本地文件（常见于从 Word、WPS 复制粘贴），网站访问者无法加载' } };
  }
  if (resolved.kind === 'file') {
    try {
      const { bytes, totalBytes } = await readImageFile(resolved.path);
      return await probeImage(bytes, { ...probe, ...(totalBytes !== undefined ? { totalBytes } : {}) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { bytes: 0, reader: 'none', decoded: false, problem: { kind: 'not-found', detail: code === 'ENOENT' || code === 'ENOTDIR' ? '图片文件不存在' : `图片文件无法读取（${code ?? String(error)}）` } };
    }
  }
  const fetched = fetcher ? await fetcher.fetch(resolved.url) : { problem: '未启用联网检查' };
  if ('problem' in fetched) return { bytes: 0, reader: 'none', decoded: false, problem: { kind: 'fetch-failed', detail: fetched.problem } };
  const facts = await probeImage(fetched.bytes, { ...probe, ...(fetched.totalBytes !== undefined ? { totalBytes: fetched.totalBytes } : {}) });
  // A login page or a "not found" page served with status 200 where the image should be.
  if (facts.problem?.kind === 'unknown-format' && fetched.contentType !== undefined && /^text\/|html|json|xml/.test(fetched.contentType) && !/svg/.test(fetched.contentType)) {
    return { ...facts, problem: { kind: 'unknown-format', detail: `图片地址返回的是${/html/.test(fetched.contentType) ? '网页' : '文本'}（${fetched.contentType}）而不是图片，可能是登录页或错误页` } };
  }
  return facts;
}
