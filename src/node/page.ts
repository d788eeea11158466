import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ATTACHMENT_EXTENSIONS } from './attachments.js';
import { ShenjiaoError } from '../errors.js';
import { maskFindings } from '../mask-findings.js';
import type { Finding, InputFormat } from '../types.js';
import { decodeBytes } from './files.js';
import type { NodeChecker } from './index.js';
import { checkText, IMAGE_EXTENSIONS, TEXT_EXTENSIONS } from './paths.js';

/**
 * One page (or file) to check: a file by `path`, or `text` (or `bytes`) in `format`. Plain data, so
 * it crosses to a worker thread or a queue as it is.
 */
export interface PageTask {
  /** The file to read; with `text` or `bytes`, only the name the result carries. */
  readonly path?: string;
  /** The page's text, already decoded. */
  readonly text?: string;
  /** The page's bytes, decoded as a file would be (BOM, meta charset, UTF-8, GB18030). */
  readonly bytes?: Uint8Array;
  /** For `text` and `bytes` (default `text`); files go by their extension. */
  readonly format?: InputFormat;
  /** Decode with this encoding instead of detecting it (e.g. `gbk`). */
  readonly encoding?: string;
  /** Publication date, YYYY-MM-DD, for the dated rules. */
  readonly date?: string;
  /** The page's URL (`CheckOptions.url`): dark-link and external-link judgement read it. */
  readonly url?: string;
  /** Where the page's root-relative images resolve (a site export's root folder). */
  readonly siteRoot?: string;
  /** Images of the page are read only inside this folder. */
  readonly readRoot?: string;
  /** Fetch remote images too. */
  readonly network?: boolean;
  readonly allowPrivateNetwork?: boolean;
  /**
   * Check the images an HTML page shows (local ones beside `path`). Default: when the page is read
   * from `path`; pages given as `text` or `bytes` are checked as text only unless this is set.
   */
  readonly images?: boolean;
  /** Give the decoded text back in the result (text reports show excerpts; link checks read the HTML). */
  readonly keepSource?: boolean;
  /**
   * Mask personal data in the findings here, as `maskFindings` does with the page's text (the result then says
   * `masked`): a report that shows no excerpts needs neither the text back nor a second pass over it.
   */
  readonly mask?: boolean;
}

/** What checking one page gave. */
export interface PageResult {
  /** The task's path, or `<text>` for a task without one. */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The decoded text, when the task asked for it (`keepSource`); never for images. */
  readonly source?: string;
  /** Set when the file could not be checked at all (unreadable, undecodable); findings are then empty. */
  readonly error?: string;
  /** The findings are masked already (the task asked for `mask`). */
  readonly masked?: boolean;
}

/** The format a task is checked in: a file's extension, else the task's format, else text. */
export function formatOf(task: PageTask): InputFormat | 'image' | 'attachment' {
  if (task.text === undefined && task.bytes === undefined && task.path !== undefined) {
    const ext = extname(task.path).toLowerCase();
    if (IMAGE_EXTENSIONS.has(ext)) return 'image';
    if (ATTACHMENT_EXTENSIONS.has(ext)) return 'attachment';
    return TEXT_EXTENSIONS[ext] ?? 'text';
  }
  return task.format ?? 'text';
}

/**
 * Checks one page with a node checker: reads and decodes a file (or takes the given text), checks
 * it by format, and for HTML the images it shows. A file that cannot be read or decoded, or an
 * encoding that does not exist, gives a result with `error`; a bad config throws.
 */
export async function checkPage(node: NodeChecker, task: PageTask): Promise<PageResult> {
  const path = task.path ?? '<text>';
  const format = formatOf(task);
  /** The result of a checked page: masked here when the task asks, its text kept when it asks. */
  const done = (findings: readonly Finding[], text?: string): PageResult => ({
    path,
    findings: task.mask ? maskFindings(findings, text !== undefined ? { source: text } : {}) : findings,
    ...(task.mask ? { masked: true } : {}),
    ...(task.keepSource && text !== undefined ? { source: text } : {}),
  });
  try {
    if (format === 'image') return done(await node.checkImage(task.path as string));
    if (format === 'attachment') {
      const bytes = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
        throw new ShenjiaoError('invalid-input', `无法读取文件：${path}（${cause.code ?? cause.message}）`, { path });
      });
      const { text, findings } = await node.checkAttachment(bytes, path, task.date ? { date: task.date } : {});
      return done(findings, text);
    }
    const decode = { ...(task.encoding ? { encoding: task.encoding } : {}), html: format === 'html' };
    const text =
      task.text !== undefined ? task.text : task.bytes !== undefined ? decodeBytes(task.bytes, decode).text : (await node.readText(task.path as string, task.encoding ? { encoding: task.encoding } : {})).text;
    const findings = await checkText(node, text, format, {
      ...(task.date ? { date: task.date } : {}),
      ...(task.url ? { url: task.url } : {}),
      images: task.images ?? (task.text === undefined && task.bytes === undefined),
      ...(task.path !== undefined ? { page: task.path } : {}),
      ...(task.siteRoot !== undefined ? { siteRoot: task.siteRoot } : {}),
      ...(task.readRoot !== undefined ? { readRoot: task.readRoot } : {}),
      // Remote images are fetched only when network checks are on.
      ...(task.network ? { network: true, ...(task.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) } : {}),
    });
    return done(findings, text);
  } catch (error) {
    if (error instanceof ShenjiaoError && error.code !== 'invalid-config') return { path, findings: [], error: error.message };
    throw error;
  }
}
