import { extname } from 'node:path';
import { createChecker, type Checker, type CheckerRuntime } from '../checker.js';
import { createKernel } from '../core/checker.js';
import { deadLink } from '../rules/link/dead-link.js';
import type { CheckOptions, Config, Finding } from '../types.js';
import { ATTACHMENT_EXTENSIONS, AttachmentError, extractAttachmentText, type AttachmentKind, type AttachmentOptions } from './attachments.js';
import { decodeBytes, readText, type DecodedText } from './files.js';
import { checkImage as checkImageWith, checkImages as checkImagesWith, type ImageCheckOptions, type PageImageOptions } from './image.js';
import { checkPageLinks, type LinkCheckOptions } from './links.js';
import { checkPaths, checkText, formatOf, readBytes, IMAGE_EXTENSIONS, summarize, TEXT_EXTENSIONS, type FileResult, type PathCheckOptions, type PathResult, type Summary, type TextInput } from './paths.js';
import { jiebaSegmenter, loadSegmenter } from './segment.js';
import { jiebaWordFrequencies } from './words.js';
import type { WordFrequencies } from '../types.js';

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
  /**
   * Checks files, folders and text given directly, one result per file in input order (see
   * `checkPaths` in `./paths.ts`): what the CLI does, for a CMS or a service to do the same.
   */
  checkPaths(inputs: readonly (string | TextInput)[], options?: PathCheckOptions): AsyncGenerator<PathResult>;
}

/**
 * jieba's word counts, read on the first question: a checker whose rules never weigh words (typo/confusable-word
 * off, or no text checked) never reads the dictionary.
 */
const lazyJiebaWords: WordFrequencies = {
  frequency: (word) => jiebaWordFrequencies().frequency(word),
  get total() {
    return jiebaWordFrequencies().total;
  },
};

/**
 * Creates a checker with jieba segmentation (`jiebaSegmenter`: nodejieba's cuts, in TypeScript) and its word counts
 * injected, plus image, link and file checks.
 * Async so that later versions may load resources without changing the signature.
 */
export async function createNodeChecker(config?: Config, runtime: CheckerRuntime = {}): Promise<NodeChecker> {
  const core = createChecker(config, { segmenter: jiebaSegmenter, words: lazyJiebaWords, ...runtime });
  // Calling checkLinks is the opt-in to link/dead-link (off in the presets): its verdicts are judged by
  // a kernel where the rule is on unless the config sets it (a severity, or off), with the same allow-list.
  const deadLinkSetting = config?.rules?.['link/dead-link'];
  const links = createKernel(
    { rules: [deadLink] },
    { preset: 'all', ...(deadLinkSetting !== undefined ? { rules: { 'link/dead-link': deadLinkSetting } } : {}), ...(config?.allow ? { allow: config.allow } : {}) },
  );

  const images = { core };
  const checkImage = (image: Uint8Array | string, options: ImageCheckOptions = {}): Promise<Finding[]> => checkImageWith(images, image, options);
  const checkImages = (html: string, options: PageImageOptions = {}): Promise<Finding[]> => checkImagesWith(images, html, options);

  const checkAttachment: NodeChecker['checkAttachment'] = async (bytes, nameOrContentType, options = {}) => {
    const extracted = await extractAttachmentText(bytes, nameOrContentType, options);
    return { text: extracted.text, kind: extracted.kind, truncated: extracted.truncated, findings: core.check(extracted.text, options.date ? { date: options.date } : {}) };
  };

  const node: NodeChecker = {
    ...core,
    checkImage,
    checkImages,
    // Turning link/dead-link off turns the network check off.
    checkLinks: (html, options) => checkPageLinks(html, options, links),
    checkAttachment,
    async checkFile(path, options = {}) {
      const ext = extname(path).toLowerCase();
      if (IMAGE_EXTENSIONS.has(ext)) return checkImage(path);
      if (ATTACHMENT_EXTENSIONS.has(ext)) return (await checkAttachment(await readBytes(path), path, options.date ? { date: options.date } : {})).findings;
      const { encoding, ...rest } = options;
      const { text } = await node.readText(path, encoding ? { encoding } : {});
      return checkText(node, text, formatOf(path), { ...rest, page: path });
    },
    readText: (path, options = {}) => readText(path, { ...options, html: formatOf(path) === 'html' }),
    checkPaths: (inputs, options) => checkPaths(node, inputs, options),
  };
  return node;
}

export { decodeBytes, readText, jiebaSegmenter, loadSegmenter, ATTACHMENT_EXTENSIONS, AttachmentError, extractAttachmentText, IMAGE_EXTENSIONS, summarize, TEXT_EXTENSIONS };
export { checkPage } from './page.js';
export type { PageResult, PageTask } from './page.js';
export { createCheckPool } from './pool.js';
export type { CheckAllOptions, CheckPool, CheckPoolOptions } from './pool.js';
export { checkSiteOnQueue, startQueueWorker } from './queue.js';
export type { QueueConnection, QueuePage, QueueWorker, QueueWorkerOptions, SiteJob } from './queue.js';
export type { AttachmentFailure, AttachmentKind, AttachmentOptions, AttachmentText } from './attachments.js';
export type { DecodedText, FileResult, ImageCheckOptions, LinkCheckOptions, PageImageOptions, PathCheckOptions, PathResult, Summary, TextInput };
export type { LinkCache, LinkProgress, LinkResult, LinkStatus } from './links.js';
