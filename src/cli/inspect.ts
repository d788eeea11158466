import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { atLeast } from '../core/findings.js';
import type { ColumnKind, InspectDocument } from '../core/site.js';
import { ShenjiaoError } from '../errors.js';
import { inspectAccounts, readAccountExport } from '../inspect/account.js';
import type { CrawlProgress } from '../inspect/crawl.js';
import { inspectSite, MIRROR_PAGE } from '../inspect/inspect.js';
import type { ColumnRegister, RegisterEntry } from '../inspect/model.js';
import { createCheckPool, createNodeChecker, type CheckPool } from '../node/index.js';
import { defaultHistoryPath, describeRunDiff, openHistory, type RunDiff } from '../node/history.js';
import { writeInspectXlsx } from '../node/report-xlsx.js';
import { renderInspectHtml } from '../report/html.js';
import { maskInspectDocument } from '../report/mask.js';
import type { Config, RuleSetting } from '../types.js';
import { forDisplay } from './mask.js';

export const INSPECT_HELP = `用法：shenjiao inspect <起始网址 | 镜像文件夹> [选项]
      shenjiao inspect --account posts.json|posts.csv [选项]

按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）检查整个网站：抓取同一站点的网页（遵守 robots.txt，
限制并发与频率，单个请求 15 秒超时），识别栏目及其更新日期，检查首页和栏目更新、空白栏目、重复发布、
互动留言答复、死链、图片，以及每个页面的文字（表述、错别字、敏感词、个人信息）。同一死链、图片问题全站只报告一次。

选项：
  --base-url URL           镜像文件夹对应的网站地址（检查文件夹时必填）
  --date YYYY-MM-DD        监测时间点（默认今天）
  --format text|json|html|xlsx  输出格式（默认 text；html 为可直接交付的单文件报告，xlsx 须与 --out 同用）
  --out FILE               写入文件而不是标准输出
  --max-pages N            最多抓取的网页数（默认 500）
  --columns FILE           栏目台账 JSON：[{ "name", "url", "kind", "period" }] 或 { "columns": [...], "only": true }
  --db FILE                历史记录数据库（SQLite；默认在 --out 报告旁的 shenjiao-history.sqlite），
                           报告标出新增、已整改、已复核忽略的问题和栏目未更新的天数
  --no-db                  不读写历史记录
  --ignore KEY             把报告中编号为 KEY 的问题标记为已复核（可多次给出；内容改变前不再报告）
  --attachments / --no-attachments  抽取站内附件（PDF、Word、Excel、WPS）文字并检查（抓取网站时默认开启）
  --config FILE            JSON 配置文件（与 check 相同；site/* 规则的级别和选项也在这里设置）
  --fail-on error|warning|never  存在该级别及以上的问题时退出码为 1（默认 error）
  --allow-private          允许访问本机和内网地址（默认拒绝）
  --links / --no-links     检查外部链接（抓取网站时默认检查；检查镜像文件夹时默认只检查站内链接）
  --account FILE           检查政务新媒体账号导出的发布列表（标题、发布时间、链接或正文、菜单）
  --show-private           输出中不遮盖个人信息
  --queue redis://主机:端口  分布式检查：把本站作为一个检查任务交给队列（BullMQ/Redis），由任意台机器上的
                           shenjiao queue-worker 抓取（同一网站的请求在所有进程间限速），页面文字分发给所有
                           worker 检查；报告和历史记录仍在本机写出。只用于网址，不用于镜像文件夹
  --jobs N                 检查页面文字的线程数（默认：4 核及以上且 --max-pages 或镜像页面数达到 100 时为核数减 1，否则 1，
                           即在本线程检查）
  -h, --help               显示帮助

栏目类别（kind）：news（动态、要闻，14 天）、notice（通知公告，183 天）、policy（政策文件，183 天）、
personnel（人事，365 天）、planning（规划计划，365 天）、interaction（互动交流）、other。

退出码：0 无问题（按 --fail-on），1 有问题，2 用法或输入错误。`;

class UsageError extends Error {}

/**
 * Pages from which a site is checked on worker threads by default (a mirror holding that many, or a
 * crawl allowed that many): each thread builds its own checker and dictionaries, which a small site
 * does not pay back.
 */
const POOL_FROM = 100;

/** The page files of a mirror folder, counted up to `limit`. */
function mirrorPages(folder: string, limit: number): number {
  let n = 0;
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (MIRROR_PAGE.test(name) && ++n >= limit) break;
  }
  return n;
}

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const KINDS = new Set<ColumnKind>(['news', 'notice', 'policy', 'personnel', 'planning', 'interaction', 'other']);

function readRegister(path: string, base: string | undefined): ColumnRegister {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ShenjiaoError('invalid-config', `无法读取栏目台账：${path}（${(cause as Error).message}）`, { path }, { cause });
  }
  const list = Array.isArray(json) ? json : (json as { columns?: unknown }).columns;
  if (!Array.isArray(list)) throw new ShenjiaoError('invalid-config', `栏目台账应为数组或 { "columns": [...] }：${path}`, { path });
  const columns: RegisterEntry[] = list.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    const name = e.name ?? e['名称'] ?? e.title;
    const url = e.url ?? e['URL'] ?? e['栏目URL'];
    if (typeof name !== 'string' || typeof url !== 'string') throw new ShenjiaoError('invalid-config', `栏目台账第 ${i + 1} 项缺少 name 或 url`, { path });
    let abs: string;
    try {
      abs = new URL(url, base).href;
    } catch {
      throw new ShenjiaoError('invalid-config', `栏目台账第 ${i + 1} 项的 url 无效：${url}`, { path });
    }
    const kind = e.kind ?? e['类别'];
    if (kind !== undefined && !KINDS.has(kind as ColumnKind)) throw new ShenjiaoError('invalid-config', `栏目台账第 ${i + 1} 项的 kind 无效：${String(kind)}`, { path });
    const period = e.period ?? e['更新期限'];
    if (period !== undefined && (typeof period !== 'number' || !(period > 0))) throw new ShenjiaoError('invalid-config', `栏目台账第 ${i + 1} 项的 period 应为正数（天）`, { path });
    return { name, url: abs, ...(kind ? { kind: kind as ColumnKind } : {}), ...(period ? { period: period as number } : {}) };
  });
  return { columns, ...((json as { only?: unknown }).only === true ? { only: true } : {}) };
}

function readConfig(path: string | undefined): { config?: Config; site: Record<string, RuleSetting> } {
  if (!path) return { site: {} };
  let config: Config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8')) as Config;
  } catch (cause) {
    throw new ShenjiaoError('invalid-config', `无法读取配置文件：${path}（${(cause as Error).message}）`, { path }, { cause });
  }
  const site: Record<string, RuleSetting> = {};
  // The kernel runs site rules with the rest (checkSite); their settings are also read here for the periods shown.
  for (const [id, setting] of Object.entries(config.rules ?? {})) if (id.startsWith('site/')) site[id] = setting;
  return { config, site };
}

/** Progress on stderr: a redrawn line on a terminal, a plain line every 10 s otherwise. */
function progressReporter(stderr: Output, maxPages: number): { update(p: CrawlProgress): void; done(): void } {
  const tty = stderr.isTTY === true;
  let last: CrawlProgress | undefined;
  let drawn = 0;
  const line = (p: CrawlProgress) => `已抓取 ${p.fetched} 页 · 队列 ${p.queued} · 错误 ${p.errors}`;
  const timer = tty
    ? undefined
    : setInterval(() => {
        if (last) stderr.write(`抓取进度：${line(last)}\n`);
      }, 10_000);
  timer?.unref();
  return {
    update(p) {
      last = p;
      if (!tty) return;
      const now = Date.now();
      if (now - drawn < 100) return;
      drawn = now;
      const width = 20;
      const filled = Math.min(width, Math.round((p.fetched / Math.max(1, Math.min(maxPages, p.fetched + p.queued))) * width));
      stderr.write(`\r\u001b[K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${line(p)}  ${p.url.slice(0, 60)}`);
    },
    done() {
      if (timer) clearInterval(timer);
      if (tty) stderr.write('\r\u001b[K');
    },
  };
}

const KIND_NAMES: Readonly<Record<string, string>> = { news: '动态要闻', notice: '通知公告', policy: '政策文件', personnel: '人事', planning: '规划计划', interaction: '互动交流', other: '其他' };

function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** The inspect report for people: verdict, columns, findings grouped by indicator (veto first). */
export function formatInspectText(doc: InspectDocument, options: { color: boolean; showPrivate: boolean }): string {
  const c = options.color;
  const out: string[] = [];
  const s = doc.summary;
  out.push(`${paint(c, '1', '网站检查')} ${doc.site.title ? `${doc.site.title} ` : ''}${doc.site.url}`);
  out.push(`监测时间点 ${doc.site.date} · 检查页面 ${doc.site.pages} 个 · 栏目 ${doc.columns.length} 个 · 问题 ${s.total} 个（错误 ${s.bySeverity.error}，警告 ${s.bySeverity.warning}，提示 ${s.bySeverity.info}）`);
  const vetoes = Object.entries(s.veto);
  out.push(vetoes.length > 0 ? paint(c, '31', `结论：不合格（单项否决：${vetoes.map(([id, n]) => `${id} ${n}`).join('，')}）`) : paint(c, '32', '结论：未发现单项否决问题'));
  if (doc.columns.length > 0) {
    out.push('', paint(c, '1', '栏目更新情况'));
    for (const col of doc.columns) {
      const stale = col.threshold !== undefined && (col.days === null || col.days === undefined || col.days > col.threshold);
      const state = col.items === 0 && col.latest === null ? '空白/无日期' : stale ? '未按期更新' : col.threshold !== undefined ? '正常' : '—';
      const days = col.days === null || col.days === undefined ? '—' : `${col.days} 天`;
      out.push(
        `  ${paint(c, stale ? '33' : '2', state.padEnd(6, '　'))} ${col.title}（${KIND_NAMES[col.kind] ?? col.kind}${col.threshold ? `，周期 ${col.threshold} 天` : ''}） 最新 ${col.latest ?? '—'}（${days}） 条目 ${col.items}  ${col.url}`,
      );
    }
  }
  if (doc.findings.length > 0) {
    out.push('', paint(c, '1', '问题明细'));
    let group = '';
    for (const raw of doc.findings) {
      const f = forDisplay(raw, options.showPrivate) as typeof raw & { page?: string; title?: string };
      const d = (f.data ?? {}) as { indicator?: string; veto?: boolean; pages?: string[] };
      const heading = d.indicator ? `${d.veto ? '【单项否决】' : ''}${d.indicator}` : f.ruleId.split('/')[0]!;
      if (heading !== group) {
        group = heading;
        out.push(`  ${paint(c, '1', heading)}`);
      }
      const sev = paint(c, f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36', f.severity.padEnd(7));
      const where = f.page ? `${f.page}${f.range[1] > f.range[0] ? `:${f.loc.start.line}:${f.loc.start.column}` : ''}` : '';
      out.push(`    ${sev} ${f.message}  ${paint(c, '2', f.ruleId)}`);
      const actual = f.actual && f.range[1] > f.range[0] ? ` “${f.actual.slice(0, 60)}”` : '';
      out.push(`            ${paint(c, '4', where)}${f.title ? `（${f.title}）` : ''}${actual}`);
      if (d.pages && d.pages.length > 1) out.push(`            共 ${d.pages.length} 个页面：${d.pages.slice(0, 5).join('、')}${d.pages.length > 5 ? ' …' : ''}`);
    }
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

const keyed = (k: { key: string; finding: { ruleId: string; page?: string } }) => ({ key: k.key, ruleId: k.finding.ruleId, page: k.finding.page ?? '' });

/** The `--format json` document, private values masked unless asked; with a history, what is new, fixed and ignored. */
export function formatInspectJson(doc: InspectDocument, showPrivate: boolean, diff?: RunDiff): string {
  const shown = showPrivate ? doc : maskInspectDocument(doc);
  const history = diff
    ? {
        history: {
          run: diff.run,
          previous: diff.previous,
          new: diff.new.map(keyed),
          persisting: diff.persisting.map(keyed),
          ignored: diff.ignored.map(keyed),
          fixed: diff.fixed.map((f) => ({ key: f.key, ruleId: f.ruleId, page: f.page })),
          staleSince: diff.staleSince,
        },
      }
    : {};
  return `${JSON.stringify({ ...shown, ...history }, null, 2)}\n`;
}

function today(): string {
  // The inspection date in Beijing time.
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `shenjiao inspect …`. Returns the exit code. */
export async function inspectMain(argv: readonly string[], io: { stdout: Output; stderr: Output }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        'base-url': { type: 'string' },
        date: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'max-pages': { type: 'string' },
        columns: { type: 'string' },
        db: { type: 'string' },
        'no-db': { type: 'boolean', default: false },
        ignore: { type: 'string', multiple: true },
        attachments: { type: 'boolean' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        links: { type: 'boolean' },
        account: { type: 'string' },
        'show-private': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        queue: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`shenjiao inspect: ${(error as Error).message}\n\n${INSPECT_HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${INSPECT_HELP}\n`);
    return 0;
  }
  try {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'html', 'xlsx'].includes(format)) throw new UsageError(`--format 只能是 text、json、html、xlsx，收到“${format}”`);
    const failOn = values['fail-on'] ?? 'error';
    if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on 只能是 error、warning、never，收到“${failOn}”`);
    if (format === 'xlsx' && values.out === undefined) throw new UsageError('--format xlsx 须与 --out FILE 同用（工作簿是二进制文件）');
    // History: beside the report by default, or the file given; --no-db turns it off.
    // With negation on, parseArgs reads `--no-db` as `db: false` (the `no-db` entry only covers older Node).
    const db = values.db as string | boolean | undefined;
    const dbFile = values['no-db'] || db === false ? undefined : typeof db === 'string' ? db : values.out !== undefined ? defaultHistoryPath(values.out) : undefined;
    if ((values.ignore ?? []).length > 0 && dbFile === undefined) throw new UsageError('--ignore 需要历史记录（--db FILE 或 --out FILE）');
    const date = values.date ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date 必须是 YYYY-MM-DD，收到“${date}”`);
    let maxPages: number | undefined;
    if (values['max-pages'] !== undefined) {
      maxPages = Number(values['max-pages']);
      if (!Number.isInteger(maxPages) || maxPages < 1) throw new UsageError(`--max-pages 必须是正整数，收到“${values['max-pages']}”`);
    }
    let jobs: number | undefined;
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs 必须是 1 到 256 的整数，收到“${values.jobs}”`);
    }
    const { config, site } = readConfig(values.config);
    const checker = await createNodeChecker(config);
    const showPrivate = values['show-private'];

    let doc: InspectDocument;
    if (values.account !== undefined) {
      if (positionals.length > 0) throw new UsageError('--account 与网址或文件夹不能同时给出');
      let text: string;
      try {
        text = readFileSync(values.account, 'utf8');
      } catch (cause) {
        throw new ShenjiaoError('invalid-input', `无法读取账号导出文件：${values.account}（${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}）`, { path: values.account });
      }
      let accounts;
      try {
        accounts = readAccountExport(text, values.account);
      } catch (error) {
        throw new ShenjiaoError('invalid-input', `账号导出文件格式错误：${values.account}（${(error as Error).message}）`, { path: values.account });
      }
      doc = await inspectAccounts(accounts, { date, checker, siteRules: site, network: values.links === true, allowPrivateNetwork: values['allow-private'] });
    } else {
      if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? '缺少起始网址或镜像文件夹' : '只能检查一个网站：给出一个起始网址或一个文件夹');
      const target = positionals[0]!;
      const isFolder = existsSync(target) && statSync(target).isDirectory();
      let start: string;
      if (isFolder) {
        if (values['base-url'] === undefined) throw new UsageError('检查镜像文件夹时须用 --base-url 给出网站地址');
        start = values['base-url'];
      } else {
        if (!/^https?:\/\//i.test(target)) throw new UsageError(existsSync(target) ? `“${target}”不是文件夹：inspect 检查整个网站（起始网址或镜像文件夹）；单个文件请用 shenjiao check` : `“${target}”既不是 http(s) 网址也不是文件夹`);
        start = target;
      }
      try {
        start = new URL(start).href;
      } catch {
        throw new UsageError(`不是有效的网址：“${start}”`);
      }
      const register = values.columns !== undefined ? readRegister(values.columns, start) : undefined;
      if (values.queue !== undefined) {
        if (isFolder) throw new UsageError('--queue 只用于网址：镜像文件夹只在本机检查');
        const { inspectOnQueue } = await import('../inspect/queue.js');
        const progress = progressReporter(io.stderr, maxPages ?? 500);
        let outcome;
        try {
          outcome = await inspectOnQueue(
            { redis: values.queue },
            {
              start,
              date,
              ...(config ? { config } : {}),
              siteRules: site,
              ...(register ? { register } : {}),
              ...(maxPages !== undefined ? { maxPages } : {}),
              ...(values['allow-private'] ? { allowPrivateNetwork: true } : {}),
              ...(values.links !== undefined ? { network: values.links } : {}),
              ...(values.attachments !== undefined ? { attachments: values.attachments } : {}),
            },
            { onProgress: (p) => progress.update(p) },
          );
        } finally {
          progress.done();
        }
        const s = outcome.stats;
        io.stderr.write(`抓取完成（${outcome.worker}）：${s.pages} 个页面，${(s.ms / 1000).toFixed(1)} 秒${s.errors ? `，${s.errors} 个请求失败` : ''}${s.skipped ? `，${s.skipped} 个页面超出 --max-pages 未抓取` : ''}${outcome.attachments ? `，附件 ${outcome.attachments} 个` : ''}\n`);
        if (s.pages === 0) throw new ShenjiaoError('invalid-input', `无法读取起始页面：${start}${outcome.homeStatus !== undefined ? `（HTTP ${outcome.homeStatus}）` : ''}`);
        doc = outcome.document;
      } else {
        // Page text is checked on worker threads; this thread keeps the crawl and each page's facts, images and
        // links (~2 ms a page). On two cores the pool does not pay (benchmarks/README.md, inspect: 147 pages/s
        // alone, 136 with 2 workers): by default it takes the cores but one, from four cores and POOL_FROM pages on.
        const cores = availableParallelism();
        const threads = jobs ?? (cores >= 4 && (isFolder ? mirrorPages(target, POOL_FROM) : (maxPages ?? 500)) >= POOL_FROM ? cores - 1 : 1);
        // The workers load while the crawl starts (the config was already accepted by this thread's checker).
        const pool: CheckPool | undefined = threads >= 2 ? createCheckPool({ workers: threads, ...(config ? { config } : {}) }) : undefined;
        const progress = progressReporter(io.stderr, maxPages ?? 500);
        try {
          const result = await inspectSite(start, {
            date,
            checker,
            ...(pool ? { pages: pool } : {}),
            siteRules: site,
            ...(register ? { register } : {}),
            ...(maxPages !== undefined ? { maxPages } : {}),
            ...(values['allow-private'] ? { allowPrivateNetwork: true } : {}),
            ...(values.links !== undefined ? { network: values.links } : {}),
            ...(isFolder ? { folder: target } : {}),
            ...(values.attachments !== undefined ? { attachments: values.attachments } : {}),
            onProgress: (p) => progress.update(p),
          });
          doc = result.document;
          progress.done();
          const s = result.stats;
          io.stderr.write(`${isFolder ? '读取' : '抓取'}完成：${s.pages} 个页面，${(s.ms / 1000).toFixed(1)} 秒${s.errors ? `，${s.errors} 个请求失败` : ''}${s.skipped ? `，${s.skipped} 个页面超出 --max-pages 未抓取` : ''}${result.attachments.length ? `，附件 ${result.attachments.length} 个` : ''}\n`);
          if (s.pages === 0) {
            const home = result.model.pages.find((p) => p.url === result.model.url);
            throw new ShenjiaoError('invalid-input', `无法读取起始页面：${start}${home ? `（HTTP ${home.status}）` : ''}${!values['allow-private'] && /^(?:https?:\/\/)(?:127\.|10\.|192\.168\.|localhost)/.test(start) ? '；本机和内网地址需加 --allow-private' : ''}`);
          }
        } finally {
          progress.done();
          await pool?.close();
        }
      }
    }

    let diff: RunDiff | undefined;
    if (dbFile !== undefined) {
      const history = openHistory(dbFile);
      try {
        for (const key of values.ignore ?? []) history.ignore(key, { note: 'shenjiao inspect --ignore' });
        diff = history.record(doc);
      } finally {
        history.close();
      }
    }

    const color = format === 'text' && values.out === undefined && io.stdout.isTTY === true && !process.env.NO_COLOR;
    let output: string | Buffer;
    if (format === 'json') output = formatInspectJson(doc, showPrivate, diff);
    else if (format === 'html') output = renderInspectHtml(showPrivate ? doc : maskInspectDocument(doc), { generator: 'shenjiao inspect', ...(diff ? { history: diff } : {}) });
    else if (format === 'xlsx') output = await writeInspectXlsx(showPrivate ? doc : maskInspectDocument(doc), diff ? { history: diff } : {});
    else output = formatInspectText(doc, { color, showPrivate }) + (diff ? `${describeRunDiff(diff).join('\n')}\n` : '');
    if (values.out !== undefined) {
      writeFileSync(values.out, output);
      io.stderr.write(`报告已写入 ${values.out}${dbFile ? `；历史记录 ${dbFile}` : ''}\n`);
    } else io.stdout.write(output as string);
    if (failOn === 'never') return 0;
    return doc.findings.some((f) => atLeast(f.severity, failOn as 'error' | 'warning')) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shenjiao inspect: ${error.message}\n\n${INSPECT_HELP}\n`);
      return 2;
    }
    if (error instanceof ShenjiaoError) {
      io.stderr.write(`shenjiao inspect: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
