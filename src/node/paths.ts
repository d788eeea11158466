import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { sortAndDedupe } from '../core/findings.js';
import { parseHtml } from '../document/html.js';
import { ShenjiaoError } from '../errors.js';
import type { CheckOptions, Finding, InputFormat, Severity } from '../types.js';
import { ATTACHMENT_EXTENSIONS } from './attachments.js';
import { createLinkCache, type LinkProgress } from './links.js';
import type { NodeChecker } from './index.js';
import type { PageResult, PageTask } from './page.js';

/** Extensions `checkFile` reads as text, by input format. */
export const TEXT_EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
};

/** Extensions `checkFile` treats as images. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.bmp', '.tif', '.tiff', '.heic', '.heif', '.avif', '.svg']);

/** Folders never descended into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

/** Index pages that mark a folder as a site's root. */
const INDEX_PAGES = ['index.html', 'index.htm', 'index.shtml', 'default.html', 'default.htm'];

/** Where a page's images resolve: the site root (`/images/a.jpg`) and the folder outside which nothing is read. */
export interface ImageRoots {
  readonly siteRoot?: string;
  readonly readRoot?: string;
}

/** One checked file and its findings, as the reporters receive them. */
export interface FileResult {
  /** The path as given (relative stays relative), or the name of text given directly (`<stdin>`). */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The source text, for reporters that show context; absent for images. */
  readonly source?: string;
  /** Set when the file could not be checked at all (unreadable, undecodable). */
  readonly error?: string;
  /** The findings are masked already (`PathCheckOptions.maskPrivate`): reporters show them as they are. */
  readonly masked?: boolean;
}

/** A result of `checkPaths`: the file's findings, its page URL and, with `links`, what the link check saw. */
export interface PathResult extends FileResult {
  /** The page's URL (from `baseUrl`), passed to the checks as `CheckOptions.url`. */
  readonly url?: string;
  /** With `links`: distinct URLs requested for this page and the link findings among `findings`. */
  readonly links?: { readonly urls: number; readonly problems: number };
}

/** Text to check that is not a file (standard input, an editor buffer). */
export interface TextInput {
  readonly path: string;
  readonly text: string;
  readonly format: InputFormat;
}

/** Options of `checkPaths`. */
export interface PathCheckOptions {
  /** Decode text files with this encoding instead of detecting it (e.g. `gbk`). */
  readonly encoding?: string;
  /** The publication date every file is judged as of, YYYY-MM-DD (default: each page's own). */
  readonly date?: string;
  /** The URL of a file named directly, or of the root of a folder named: each page's URL is derived from it. */
  readonly baseUrl?: string;
  /** Check links over the network (`checkLinks`) and fetch remote images. Default false. */
  readonly links?: boolean;
  /** Let link and image requests reach loopback and intranet addresses. Default false. */
  readonly allowPrivateNetwork?: boolean;
  /** Files checked at once. Default 4 (with a pool: twice its workers, so none waits). */
  readonly concurrency?: number;
  /** Check pages on this worker pool (`createCheckPool`) instead of on this thread; results stay in input order. */
  readonly pool?: PageChecker;
  /**
   * For a report that shows findings without excerpts (JSON, SARIF): pages checked off this thread (a pool, the
   * tasks of `pageTasks` on a queue) come back with their findings masked (`masked`) and without their text,
   * so neither the text crosses back nor is it read twice. Ignored with `links` (link checks read the page).
   */
  readonly maskPrivate?: boolean;
  /** Called as each file is done, in input order. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly path: string }) => void;
  /** Called after each URL a page's link check settles. */
  readonly onLinkProgress?: (path: string, progress: LinkProgress) => void;
}

/** Counts for a run's summary. */
export interface Summary {
  readonly files: number;
  readonly findings: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Findings per rule id, sorted by id. */
  readonly rules: Readonly<Record<string, number>>;
  /** Files that could not be checked. */
  readonly failedFiles: number;
}

/** Counts findings by severity and by rule. */
export function summarize(results: readonly FileResult[]): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules: Record<string, number> = {};
  let findings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
      findings++;
    }
  }
  const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { files: results.length, findings, ...counts, rules: sorted, failedFiles: results.filter((r) => r.error).length };
}

/** The input format of a path, by its extension (text when unknown). */
export function formatOf(path: string): InputFormat {
  return TEXT_EXTENSIONS[extname(path).toLowerCase()] ?? 'text';
}

/** Reads a file's bytes; a missing or unreadable file throws `invalid-input` with the path. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new ShenjiaoError('invalid-input', `无法读取文件：${path}（${(cause as NodeJS.ErrnoException).code ?? String(cause)}）`, { path }, { cause });
  }
}

/** Files under `path` that shenjiao can check, sorted; a file given directly is taken whatever its extension. */
async function collect(path: string, out: string[]): Promise<void> {
  const info = await stat(path).catch((cause: NodeJS.ErrnoException) => {
    throw new ShenjiaoError('invalid-input', `找不到文件或文件夹：${path}（${cause.code ?? cause.message}）`, { path });
  });
  if (!info.isDirectory()) {
    out.push(path);
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const child = join(path, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await collect(child, out);
    } else if (e.isFile()) {
      const ext = extname(e.name).toLowerCase();
      if (TEXT_EXTENSIONS[ext] !== undefined || IMAGE_EXTENSIONS.has(ext) || ATTACHMENT_EXTENSIONS.has(ext)) out.push(child);
    }
  }
}

/**
 * How the files found below a folder are checked. Pages' images may be read anywhere inside the
 * folder; the folder is also the site root (`/images/a.jpg` resolves inside it) when it holds an index
 * page, as a site export does: a folder of a site's subsection would make root-relative references
 * look missing. Where the folder holds pages, image files are checked through the pages that show
 * them (with their declared size and role: a 16 px icon is not a low-resolution article image), not
 * each on its own; a folder of images only is checked image by image.
 */
async function folderRoots(folder: string, found: readonly string[]): Promise<{ files: string[]; roots: ImageRoots }> {
  const hasPages = found.some((f) => TEXT_EXTENSIONS[extname(f).toLowerCase()] === 'html');
  const files = hasPages ? found.filter((f) => !IMAGE_EXTENSIONS.has(extname(f).toLowerCase())) : [...found];
  const names = new Set((await readdir(folder)).map((n) => n.toLowerCase()));
  const isSite = INDEX_PAGES.some((n) => names.has(n));
  return { files, roots: isSite ? { siteRoot: folder, readRoot: folder } : { readRoot: folder } };
}

/** One unit of work: a file (with its image roots) or text given directly, and its page URL. */
interface Job {
  readonly path: string;
  readonly text?: TextInput;
  readonly roots?: ImageRoots;
  readonly url?: string;
}

/** The files below `inputs`, in input order, each with its image roots and page URL. */
async function plan(inputs: readonly (string | TextInput)[], baseUrl: URL | undefined): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const input of inputs) {
    if (typeof input !== 'string') {
      jobs.push({ path: input.path, text: input, ...(baseUrl ? { url: baseUrl.href } : {}) });
      continue;
    }
    const files: string[] = [];
    await collect(input, files);
    const folder = files.length > 0 && files[0] !== input ? await folderRoots(input, files) : undefined;
    for (const file of folder ? folder.files : files) {
      let url: string | undefined;
      if (baseUrl) {
        // --base-url itself for a file named directly, joined with the path below a folder.
        const rel = relative(input, file).split(sep).join('/');
        url = rel === '' ? baseUrl.href : new URL(rel, baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`).href;
      }
      jobs.push({ path: file, ...(folder ? { roots: folder.roots } : {}), ...(url !== undefined ? { url } : {}) });
    }
  }
  return jobs;
}

/** Options of `checkText`: the per-call facts and, for HTML, where its images are. */
export interface TextCheckOptions extends CheckOptions, ImageRoots {
  /** The page's location for its images: a file path or an http(s) URL. */
  readonly page?: string;
  /** Fetch remote images too. */
  readonly network?: boolean;
  readonly allowPrivateNetwork?: boolean;
  /** Check an HTML page's images (default: when `page` is given). */
  readonly images?: boolean;
}

/** Checks text of a known format; an HTML page's images are checked with it (through `checkImages`). */
export async function checkText(node: NodeChecker, text: string, format: InputFormat, options: TextCheckOptions = {}): Promise<Finding[]> {
  const checkOptions: CheckOptions = { ...(options.date ? { date: options.date } : {}), ...(options.url ? { url: options.url } : {}) };
  if (format === 'markdown') return node.checkMarkdown(text, checkOptions);
  if (format === 'text') return node.check(text, checkOptions);
  // Parsed once, for the text rules and the image checks alike.
  const document = parseHtml(text);
  const images = !(options.images ?? options.page !== undefined)
    ? []
    : await node.checkImages(text, {
        document,
        ...(options.page !== undefined ? { page: options.page } : {}),
        ...(options.siteRoot !== undefined ? { siteRoot: options.siteRoot } : {}),
        ...(options.readRoot !== undefined ? { readRoot: options.readRoot } : {}),
        // Remote images are fetched only when network checks are on.
        ...(options.network ? { network: true, ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) } : {}),
      });
  return sortAndDedupe([...node.checkDocument(document, checkOptions), ...images]);
}

/** Checks one job; a file that cannot be read or decoded becomes a result with `error`. */
async function checkJob(node: NodeChecker, job: Job, options: PathCheckOptions): Promise<PathResult> {
  const { path } = job;
  const url = job.url !== undefined ? { url: job.url } : {};
  try {
    if (job.text) return { path, findings: await checkText(node, job.text.text, job.text.format, { ...url, ...(options.date ? { date: options.date } : {}) }), source: job.text.text, ...url };
    const ext = extname(path).toLowerCase();
    if (IMAGE_EXTENSIONS.has(ext)) return { path, findings: await node.checkImage(path), ...url };
    if (ATTACHMENT_EXTENSIONS.has(ext)) {
      // A PDF, Word, Excel or WPS file: its extracted text goes through the text rules.
      const { text, findings } = await node.checkAttachment(await readBytes(path), path, options.date ? { date: options.date } : {});
      return { path, findings, source: text, ...url };
    }
    const format = formatOf(path);
    const { text } = await node.readText(path, options.encoding ? { encoding: options.encoding } : {});
    const findings = await checkText(node, text, format, {
      ...url,
      ...(options.date ? { date: options.date } : {}),
      page: path,
      ...job.roots,
      ...(options.links ? { network: true, ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) } : {}),
    });
    return { path, findings, source: text, ...url };
  } catch (error) {
    if (error instanceof ShenjiaoError && error.code !== 'invalid-config') return { path, findings: [], error: error.message, ...url };
    throw error;
  }
}

/** What `checkPaths` needs of a worker pool (`createCheckPool`): one page checked off this thread. */
export interface PageChecker {
  check(task: PageTask): Promise<PageResult>;
}

/** A job as the `PageTask` that `checkPage` (on a worker thread or a queue worker) runs. */
function taskOf(job: Job, options: PathCheckOptions): PageTask {
  const common = {
    ...(job.url !== undefined ? { url: job.url } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(options.maskPrivate && !options.links ? { mask: true } : { keepSource: true }),
  } as const;
  return job.text
    ? { path: job.path, text: job.text.text, format: job.text.format, images: false, ...common }
    : {
        path: job.path,
        ...common,
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(job.roots ?? {}),
        ...(options.links ? { network: true, ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) } : {}),
      };
}

/**
 * The pages `checkPaths` would check, in its order, as plain JSON-able tasks: what a caller sends to a
 * worker pool or a queue (`checkSiteOnQueue`). Throws `invalid-input` for a path that does not exist.
 */
export async function pageTasks(inputs: readonly (string | TextInput)[], options: PathCheckOptions = {}): Promise<PageTask[]> {
  return (await plan(inputs, parseBaseUrl(options.baseUrl))).map((job) => taskOf(job, options));
}

function parseBaseUrl(baseUrl: string | undefined): URL | undefined {
  if (baseUrl === undefined) return undefined;
  if (!URL.canParse(baseUrl)) throw new ShenjiaoError('invalid-config', `baseUrl 不是有效的网址：${baseUrl}`, { key: 'baseUrl' });
  return new URL(baseUrl);
}

/** Checks one job on a worker pool: the same task `checkJob` runs here, as a `PageTask`. */
async function checkJobOnPool(pool: PageChecker, job: Job, options: PathCheckOptions): Promise<PathResult> {
  const url = job.url !== undefined ? { url: job.url } : {};
  const r = await pool.check(taskOf(job, options));
  return {
    path: job.path,
    findings: r.findings,
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.masked ? { masked: true } : {}),
    ...url,
  };
}

/**
 * Checks files, folders (recursively, as a site when they hold an index page) and text given directly,
 * yielding one result per file in input order (folders in name order), whatever order the work ends
 * in. Each page is checked with its URL (from `baseUrl`) as `CheckOptions.url`. With `links`, each
 * page's links are then checked over the network, page after page with one cache for the run, and a
 * remote image that does not load is reported once, as the dead link. The seam a CLI, a CMS hook or a
 * worker pool drives; `summarize` counts the results.
 *
 * Throws `ShenjiaoError` (`invalid-input`) for a path that does not exist, before anything is checked.
 */
export async function* checkPaths(node: NodeChecker, inputs: readonly (string | TextInput)[], options: PathCheckOptions = {}): AsyncGenerator<PathResult> {
  const jobs = await plan(inputs, parseBaseUrl(options.baseUrl));
  const limit = Math.max(1, options.concurrency ?? 4);
  const cache = options.links ? createLinkCache() : undefined;
  // At most `limit` results are in flight or waiting to be taken, so memory stays bounded.
  const running = new Map<number, Promise<PathResult>>();
  let next = 0;
  for (let i = 0; i < jobs.length; i++) {
    while (next < jobs.length && running.size < limit) {
      const pending = options.pool ? checkJobOnPool(options.pool, jobs[next]!, options) : checkJob(node, jobs[next]!, options);
      pending.catch(() => undefined); // rethrown when its turn comes
      running.set(next++, pending);
    }
    let result = await running.get(i)!;
    running.delete(i);
    options.onProgress?.({ done: i + 1, total: jobs.length, path: result.path });
    if (cache && result.source !== undefined && !result.error && (jobs[i]!.text?.format ?? formatOf(result.path)) === 'html') {
      result = await withLinks(node, result, cache, options);
    }
    yield result;
  }
}

/** Adds a page's link findings to its result. */
async function withLinks(node: NodeChecker, result: PathResult, cache: ReturnType<typeof createLinkCache>, options: PathCheckOptions): Promise<PathResult> {
  let urls = 0;
  const linkFindings = await node.checkLinks(result.source!, {
    cache,
    ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
    ...(result.url !== undefined ? { baseUrl: result.url } : {}),
    onProgress: (p) => {
      urls = p.total;
      options.onLinkProgress?.(result.path, p);
    },
  });
  // A remote image that does not load is a dead link and an unreadable image: report it once, as the link.
  const deadSources = new Set(linkFindings.filter((f) => f.ruleId === 'link/dead-link' && f.target).map((f) => f.target!.src));
  const kept = result.findings.filter((f) => !(f.ruleId === 'image/unreadable' && f.target && deadSources.has(f.target.src)));
  return { ...result, findings: sortAndDedupe([...kept, ...linkFindings]), links: { urls, problems: linkFindings.length } };
}
