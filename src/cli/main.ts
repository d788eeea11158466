import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { atLeast } from '../core/findings.js';
import { ShenjiaoError } from '../errors.js';
import { createNodeChecker, decodeBytes, type FileResult, type PathCheckOptions, type TextInput } from '../node/index.js';
import { pageTasks } from '../node/paths.js';
import { createCheckPool, type CheckPool } from '../node/pool.js';
import { builtinRules } from '../rules/index.js';
import type { Config, Segmenter, Severity } from '../types.js';
import { jsonWriter, sarifWriter, textWriter, type ReportWriter } from './format/stream.js';
import { inspectMain } from './inspect.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `用法：shenjiao check [路径… | -] [选项]
      shenjiao inspect <起始网址 | 镜像文件夹> [选项]   检查整个网站（shenjiao inspect --help）
      shenjiao queue-worker --queue redis://主机:端口 [--jobs N]

检查文件（.txt .md .html .htm，附件 .pdf .doc .docx .xls .xlsx .wps .et，及图片）或文件夹（递归）；“-”从标准输入读取。
检查文件夹时，页面引用的图片只在该文件夹内读取；文件夹含首页（index.html 等）时视为站点根目录，
页面中的 /images/a.jpg 在其下查找。文件夹中有网页时，图片随引用它的网页检查，不再逐个单独检查。

选项：
  --format text|json|sarif        输出格式（默认 text）
  --fail-on error|warning|never   存在该级别及以上的问题时退出码为 1（默认 error）
  --config FILE                   JSON 配置文件（与 API 的 config 相同）
  --date YYYY-MM-DD               文章发布日期，用于时效性规则（默认取页面所载日期，否则今天）
  --encoding ENC                  指定文本文件编码（如 gbk），默认自动识别
  --stdin-format text|html|markdown  标准输入的格式（默认 text）
  --show-private                  输出中不遮盖个人信息
  --timing                        在标准错误输出各规则耗时
  --jobs N                        并行检查的线程数（默认：16 个文件以上用 CPU 核数，否则 1，即单线程）；
                                  queue-worker 中为同时处理的任务数（默认 4）
  --queue redis://主机:端口        分布式模式：检查任务交给 Redis 队列（BullMQ），由任意台机器上的
                                  shenjiao queue-worker 进程完成，结果按原顺序汇总输出
  --links                         联网检查 HTML 中的链接（死链、软 404、超时等）和远程图片，进度输出到标准错误
  --base-url URL                  页面的网址，用于解析相对链接；检查文件夹时为站点根网址
  --allow-private                 允许链接和图片检查访问内网和本机地址（默认拒绝）
  -h, --help                      显示帮助
  -v, --version                   显示版本

退出码：0 无问题（按 --fail-on），1 有问题，2 用法或输入错误。`;

/** Files from which `check` uses worker threads by default. */
const POOL_FROM = 16;

class UsageError extends Error {}

/** Where the command writes: process.stdout/stderr, or a capture in tests. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function loadConfig(path: string | undefined): Config | undefined {
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ShenjiaoError('invalid-config', `无法读取配置文件：${path}`, { path }, { cause });
  }
  let config: Config;
  try {
    config = JSON.parse(text) as Config;
  } catch (cause) {
    throw new ShenjiaoError('invalid-config', `配置文件不是有效的 JSON：${path}（${(cause as Error).message}）`, { path }, { cause });
  }
  return withSensitiveListFiles(config, dirname(resolve(path)));
}

/**
 * A sensitive list given as a file name (`"my-list": "words.txt"`, relative to the config file) is read
 * here: `.txt` stays text (one word a line under a `#` header; the core parses it), `.json` gives its
 * entries (`{ meta, entries }`) or its array.
 */
function withSensitiveListFiles(config: Config, base: string): Config {
  const lists = config.dictionaries?.sensitive as Record<string, unknown> | undefined;
  if (!lists || typeof lists !== 'object') return config;
  const loaded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(lists)) {
    if (typeof value !== 'string' || value.includes('\n') || !/\.(txt|json)$/i.test(value)) {
      loaded[name] = value;
      continue;
    }
    const file = resolve(base, value);
    let body: string;
    try {
      body = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new ShenjiaoError('invalid-config', `无法读取敏感词表文件：${value}`, { key: `dictionaries.sensitive.${name}` }, { cause });
    }
    if (/\.txt$/i.test(value)) {
      loaded[name] = body;
      continue;
    }
    try {
      const json = JSON.parse(body) as { entries?: unknown };
      loaded[name] = Array.isArray(json) ? json : json.entries;
    } catch (cause) {
      throw new ShenjiaoError('invalid-config', `敏感词表文件不是有效的 JSON：${value}`, { key: `dictionaries.sensitive.${name}` }, { cause });
    }
  }
  return { ...config, dictionaries: { ...config.dictionaries, sensitive: loaded as Record<string, string[]> } };
}

/**
 * The config of a thread that checks links but no text (the pool's workers check the text): no text rule
 * on, and of the user's config only what link checking reads, link/dead-link's setting and the allow-list.
 */
function linkChecking(config: Config | undefined): Config {
  const deadLink = config?.rules?.['link/dead-link'];
  return { preset: 'none', ...(deadLink !== undefined ? { rules: { 'link/dead-link': deadLink } } : {}), ...(config?.allow ? { allow: config.allow } : {}) };
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} 只能是 ${allowed.join('、')}，收到“${value}”`);
  return value as T;
}

/** `shenjiao queue-worker`: works on the queue until stopped (SIGINT, SIGTERM). */
async function queueWorker(values: { queue?: string | undefined; jobs?: string | undefined; 'lock-duration'?: string | undefined; 'host-interval'?: string | undefined }, io: { stdout: Output; stderr: Output }): Promise<number> {
  if (values.queue === undefined) throw new UsageError('queue-worker 需要 --queue redis://主机:端口');
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} 必须是正整数，收到“${value}”`);
    return n;
  };
  const concurrency = number('jobs', values.jobs);
  const lockDuration = number('lock-duration', values['lock-duration']);
  const hostInterval = number('host-interval', values['host-interval']);
  const { checkersByConfig, startQueueWorker } = await import('../node/queue.js');
  // One checker per config for both kinds of work in this process.
  const checkers = checkersByConfig();
  const worker = await startQueueWorker({
    redis: values.queue,
    checkers,
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(lockDuration !== undefined ? { lockDuration, stalledInterval: Math.max(500, Math.floor(lockDuration / 2)) } : {}),
    ...(hostInterval !== undefined ? { hostInterval } : {}),
    onChunk: (site, indices) => io.stdout.write(`done ${site} ${indices.join(',')}\n`),
    onCheck: (path) => io.stdout.write(`checked ${path}\n`),
  });
  // Inspections (`shenjiao inspect --queue`): crawled here, their pages checked by every worker process.
  const { startInspectWorker } = await import('../inspect/queue.js');
  const inspector = await startInspectWorker({
    redis: values.queue,
    checkers,
    ...(lockDuration !== undefined ? { lockDuration, stalledInterval: Math.max(500, Math.floor(lockDuration / 2)) } : {}),
    ...(hostInterval !== undefined ? { hostInterval } : {}),
    onInspect: (start) => io.stdout.write(`inspect ${start}\n`),
  });
  io.stderr.write(`shenjiao queue-worker ${process.pid} ready\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([worker.close(), inspector.close()]);
  return 0;
}

/** The `shenjiao` command. Returns the exit code: 0 clean, 1 findings at or above --fail-on, 2 usage or input error. */
export async function main(
  argv: readonly string[],
  io: { stdout: Output; stderr: Output } = { stdout: process.stdout, stderr: process.stderr },
  /** A segmenter to use in this thread instead of the default (jieba's, `src/node/segment.ts`). */
  early: { segmenter?: Segmenter } = {},
): Promise<number> {
  if (argv[0] === 'inspect') return inspectMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        date: { type: 'string' },
        encoding: { type: 'string' },
        'stdin-format': { type: 'string' },
        'show-private': { type: 'boolean', default: false },
        timing: { type: 'boolean', default: false },
        links: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        queue: { type: 'string' },
        'lock-duration': { type: 'string' },
        'host-interval': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`shenjiao: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    const [command, ...paths] = positionals;
    if (command === 'queue-worker') return await queueWorker(values, io);
    if (command !== 'check') throw new UsageError(command === undefined ? '缺少命令：shenjiao check [路径…] 或 shenjiao inspect <网址>' : `未知命令“${command}”`);
    if (paths.length === 0) throw new UsageError('缺少要检查的路径（用“-”读取标准输入）');
    const url = paths.find((p) => /^https?:\/\//i.test(p));
    if (url) throw new UsageError(`check 检查本地文件；检查网站请用 shenjiao inspect ${url}`);
    const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text');
    const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'never'] as const, 'error');
    const stdinFormat = oneOf('stdin-format', values['stdin-format'], ['text', 'html', 'markdown'] as const, 'text');
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date 必须是 YYYY-MM-DD，收到“${values.date}”`);

    let baseUrl: URL | undefined;
    if (values['base-url'] !== undefined) {
      try {
        baseUrl = new URL(values['base-url']);
      } catch {
        throw new UsageError(`--base-url 不是有效的网址：“${values['base-url']}”`);
      }
    }

    let jobs: number | undefined;
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs 必须是 1 到 256 的整数，收到“${values.jobs}”`);
    }
    const config = loadConfig(values.config);
    const inputs: (string | TextInput)[] = paths.filter((p) => p !== '-');
    if (paths.includes('-')) {
      const { text } = decodeBytes(await readStdin(), { ...(values.encoding ? { encoding: values.encoding } : {}), html: stdinFormat === 'html' });
      inputs.unshift({ path: '<stdin>', text, format: stdinFormat });
    }
    const tty = io.stderr.isTTY === true;
    const pathOptions: PathCheckOptions = {
      ...(values.encoding ? { encoding: values.encoding } : {}),
      ...(values.date ? { date: values.date } : {}),
      ...(baseUrl ? { baseUrl: baseUrl.href } : {}),
      ...(values.links ? { links: true, ...(values['allow-private'] ? { allowPrivateNetwork: true } : {}) } : {}),
      // JSON and SARIF show no excerpts: pages checked on workers or a queue come back masked, without their text.
      ...(format !== 'text' && !values['show-private'] ? { maskPrivate: true } : {}),
      onProgress: (p) => {
        if (tty && p.total > 1) io.stderr.write(`\r\u001b[K[${p.done}/${p.total}] ${p.path}`);
      },
      onLinkProgress: (_path, p) => {
        if (tty) io.stderr.write(`\r\u001b[K[链接 ${p.done}/${p.total}] ${p.url}`.slice(0, 200));
      },
    };
    // The files the run will check (walking folders is cheap next to checking them): decides the threads.
    const tasks = await pageTasks(inputs, pathOptions);
    // Worker threads each build their own checker and load their own dictionaries (a few hundred ms of CPU), which pays off over a
    // batch: by default from POOL_FROM files on; fewer are checked in this thread.
    const threads = Math.max(1, Math.min(jobs ?? (tasks.length >= POOL_FROM ? availableParallelism() : 1), tasks.length));

    let pool: CheckPool | undefined;
    let results: AsyncIterable<FileResult>;
    let timings: () => Promise<Record<string, number>>;
    if (values.queue !== undefined) {
      // Distributed: pages go to the Redis queue as JSON tasks, results come back in input order.
      const { checkSiteOnQueue } = await import('../node/queue.js');
      results = checkSiteOnQueue({ redis: values.queue }, { site: paths.join(' '), pages: tasks, ...(config ? { config } : {}) });
      timings = async () => ({});
    } else {
      // The workers start first: building their checkers is most of a pool's start-up.
      if (threads >= 2) pool = createCheckPool({ workers: threads, timing: values.timing, ...(config ? { config } : {}) });
      // The checker of this thread walks the inputs, checks links, and checks pages when no pool does. With a
      // pool it checks no text, so it is built without text rules (only link/dead-link's setting and the
      // allow-list, which link checking reads), and this thread never prepares the rules or loads the segmenter.
      const node = await createNodeChecker(pool ? linkChecking(config) : config, { timing: values.timing, ...(early.segmenter ? { segmenter: early.segmenter } : {}) });
      if (pool) {
        // A bad config stops the run before any output.
        await pool.ready().catch(async (error: unknown) => {
          await pool?.close();
          throw error;
        });
        const p = pool;
        timings = () => p.timings();
      } else {
        timings = async () => ({ ...node.timings() });
      }
      results = node.checkPaths(inputs, { ...pathOptions, ...(pool ? { pool, concurrency: 2 * threads } : {}) });
    }

    const showPrivate = values['show-private'];
    const color = format === 'text' && io.stdout.isTTY === true && !process.env.NO_COLOR;
    const report: ReportWriter =
      format === 'json'
        ? jsonWriter(io.stdout, { showPrivate })
        : format === 'sarif'
          ? sarifWriter(io.stdout, { showPrivate, version: VERSION, rules: builtinRules })
          : textWriter(io.stdout, { color, showPrivate });
    let failed = false;
    let failing = false;
    const threshold: Severity | undefined = failOn === 'never' ? undefined : failOn;
    try {
      for await (const r of results) {
        if (tty) io.stderr.write('\r\u001b[K');
        const links = (r as { links?: { urls: number; problems: number } }).links;
        if (links) io.stderr.write(`链接检查 ${r.path}：${links.urls} 个网址，${links.problems} 处问题\n`);
        if (r.error) failed = true;
        if (threshold && r.findings.some((f) => atLeast(f.severity, threshold))) failing = true;
        await report.file(r);
      }
      await report.end();
      if (values.timing) {
        const rows = Object.entries(await timings()).sort(([, a], [, b]) => b - a);
        const sum = rows.reduce((acc, [, ms]) => acc + ms, 0) || 1;
        io.stderr.write(`${'规则'.padEnd(32)} 耗时(ms)  占比\n`);
        for (const [id, ms] of rows) io.stderr.write(`${id.padEnd(34)} ${ms.toFixed(2).padStart(8)}  ${((100 * ms) / sum).toFixed(1)}%\n`);
      }
    } finally {
      await pool?.close();
    }
    if (failed) return 2;
    return failing ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shenjiao: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    if (error instanceof ShenjiaoError) {
      io.stderr.write(`shenjiao: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
