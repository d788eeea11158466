import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createChecker, type Checker, type CheckerRuntime } from '../core/checker.js';
import { sortAndDedupe } from '../core/findings.js';
import type { CheckOptions, Config, Finding, InputFormat } from '../types.js';
import { ShenjiaoError } from '../errors.js';
import { ATTACHMENT_EXTENSIONS, AttachmentError, extractAttachmentText, type AttachmentKind, type AttachmentOptions, type AttachmentText } from './attachments.js';
import { decodeBytes, readText, type DecodedText } from './files.js';
import { checkImage as checkImageWith, checkImages as checkImagesWith, type ImageCheckOptions, type PageImageOptions } from './image.js';
import { checkPageLinks, type LinkCheckOptions } from './links.js';
import { IMAGE_EXTENSIONS, TEXT_EXTENSIONS } from './extensions.js';
import { jiebaSegmenter, loadSegmenter } from './segment.js';

/** Options of `checkFile`. */
export interface FileCheckOptions extends CheckOptions, Pick<PageImageOptions, 'siteRoot' | 'readRoot'> {
  /** Decode text files with this encoding instead of detecting it (e.g. `gbk`). */
  readonly encoding?: string;
}

/** The core checker plus what needs Node: word segmentation, files, images and links. */
export interface NodeChecker extends Checker {
  /** Checks an image given as bytes or a path; whole-image findings have range [0, 0]. */
  checkImage(image: Uint8Array | string, options?: ImageCheckOptions): Promise<Finding[]>;
  /** Checks the images an HTML page shows (local files relative to `page`; remote ones only with `network`); findings point at the `<img>` tags. */
  checkImages(html: string, options?: PageImageOptions): Promise<Finding[]>;
  /** Checks the links of an HTML page over the network (opt-in: only called when asked). */
  checkLinks(html: string, options?: LinkCheckOptions): Promise<Finding[]>;
  /**
   * Checks an attachment (PDF, DOC/DOCX, XLS/XLSX, WPS) given as bytes with its name, URL or content
   * type: its extracted text goes through the text rules; finding ranges index `text`. Rejects with an
   * `AttachmentError` for an unreadable file.
   */
  checkAttachment(bytes: Uint8Array, nameOrContentType: string, options?: CheckOptions & AttachmentOptions): Promise<{ text: string; kind: AttachmentKind; truncated: boolean; findings: Finding[] }>;
  /** Checks a file by its extension: text, Markdown, HTML, an attachment (PDF, Word, Excel, WPS) or an image. */
  checkFile(path: string, options?: FileCheckOptions): Promise<Finding[]>;
  /** Reads and decodes a text file the way `checkFile` does (BOM, meta charset, UTF-8, GB18030). */
  readText(path: string, options?: { encoding?: string }): Promise<DecodedText>;
}

/**
 * Creates a checker with nodejieba segmentation injected, plus image, link and file checks.
 * Async so that later versions may load resources without changing the signature.
 */
export async function createNodeChecker(config?: Config, runtime: CheckerRuntime = {}): Promise<NodeChecker> {
  const core = createChecker(config, { segmenter: jiebaSegmenter, ...runtime });

  const images = { core, ...(config ? { config } : {}) };
  const checkImage = (image: Uint8Array | string, options: ImageCheckOptions = {}): Promise<Finding[]> => checkImageWith(images, image, options);
  const checkImages = (html: string, options: PageImageOptions = {}): Promise<Finding[]> => checkImagesWith(images, html, options);

  const checkAttachment: NodeChecker['checkAttachment'] = async (bytes, nameOrContentType, options = {}) => {
    const extracted = await extractAttachmentText(bytes, nameOrContentType, options);
    return { text: extracted.text, kind: extracted.kind, truncated: extracted.truncated, findings: core.check(extracted.text, options.date ? { date: options.date } : {}) };
  };

  const checkFile = async (path: string, options: FileCheckOptions = {}): Promise<Finding[]> => {
    const ext = extname(path).toLowerCase();
    if (IMAGE_EXTENSIONS.has(ext)) return checkImage(path);
    if (ATTACHMENT_EXTENSIONS.has(ext)) return (await checkAttachment(await readBytes(path), path, options.date ? { date: options.date } : {})).findings;
    const format = TEXT_EXTENSIONS[ext] ?? 'text';
    const { text } = await readText(path, { ...(options.encoding ? { encoding: options.encoding } : {}), html: format === 'html' });
    const checkOptions: CheckOptions = options.date ? { date: options.date } : {};
    if (format === 'html') {
      const roots = { ...(options.siteRoot !== undefined ? { siteRoot: options.siteRoot } : {}), ...(options.readRoot !== undefined ? { readRoot: options.readRoot } : {}) };
      return sortAndDedupe([...core.checkHtml(text, checkOptions), ...(await checkImages(text, { page: path, ...roots }))]);
    }
    if (format === 'markdown') return core.checkMarkdown(text, checkOptions);
    return core.check(text, checkOptions);
  };

  return {
    ...core,
    checkImage,
    checkImages,
    // The network check reports under link/dead-link; turning that rule off turns the check off.
    checkLinks: async (html, options) => (config?.rules?.['link/dead-link'] === 'off' ? [] : checkPageLinks(html, options)),
    checkAttachment,
    checkFile,
    readText: (path, options = {}) => readText(path, { ...options, html: TEXT_EXTENSIONS[extname(path).toLowerCase()] === 'html' }),
  };
}

/** Reads a file's bytes; a missing or unreadable file throws `invalid-input` with the path. */
async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new ShenjiaoError('invalid-input', `无法读取文件：${path}（${(cause as NodeJS.ErrnoException).code ?? String(cause)}）`, { path }, { cause });
  }
}

export { decodeBytes, readText, jiebaSegmenter, loadSegmenter, IMAGE_EXTENSIONS, TEXT_EXTENSIONS, ATTACHMENT_EXTENSIONS, AttachmentError, extractAttachmentText };
export { checkPage } from './page.js';
export type { PageResult, PageTask } from './page.js';
export { createCheckPool } from './pool.js';
export type { CheckAllOptions, CheckPool, CheckPoolOptions } from './pool.js';
export { checkSiteOnQueue, startQueueWorker } from './queue.js';
export type { QueueConnection, QueuePage, QueueWorker, QueueWorkerOptions, SiteJob } from './queue.js';
export type { AttachmentFailure, AttachmentKind, AttachmentOptions, AttachmentText } from './attachments.js';
export type { DecodedText, ImageCheckOptions, LinkCheckOptions, PageImageOptions };
export type { LinkCache, LinkProgress, LinkResult, LinkStatus } from './links.js';
