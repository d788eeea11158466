/**
 * @fileoverview The inspection report as rows: the indicator summary (veto items first), the
 * 问题明细表 and the column freshness table, built once from an `InspectDocument` and rendered by the
 * HTML and xlsx reporters. Pure; every string here is already masked (see `mask.ts`) but not escaped.
 */
import type { ColumnKind, InspectColumn, InspectDocument } from '../core/site.js';
import type { Finding, Severity } from '../types.js';
import { maskFindings } from '../mask-findings.js';
import { maskText } from './mask.js';

/** A finding as the inspect document carries it (DESIGN.md § Site inspection). */
export type InspectFinding = Finding & {
  /** The URL of the page the finding is on or about. */
  readonly page?: string;
  /** The page's title. */
  readonly title?: string;
  /** For a finding inside an attachment: the attachment's URL (the page linking it is `parent`, or `page`). */
  readonly attachment?: string;
  /** The page that links the page or attachment (父页面); for attachment findings `page` may say it instead. */
  readonly parent?: string;
};

/** How grave a row is, in the words inspectors use (INSPECTION.md § d.2). */
export type Gravity = '单项否决' | '扣分' | '预警' | '提示';

/** One indicator of the inspection: a 19号 indicator for site findings, a content class for page findings. */
export interface IndicatorDef {
  readonly name: string;
  /** 一级指标. */
  readonly group: string;
  /** A veto indicator (单项否决) of 19号: its findings can fail the site outright. */
  readonly vetoIndicator: boolean;
  /** 问题编号 prefix (开普云's LM/KB/LJ … style). */
  readonly code: string;
  /** What to do about it, when the finding gives no replacement. */
  readonly advice: string;
  /** Order in the report (§a order: veto items, then deductions, then content). */
  readonly order: number;
}

const KNOWN: readonly Omit<IndicatorDef, 'order'>[] = [
  { name: '站点无法访问', group: '单项否决', vetoIndicator: true, code: 'KF', advice: '排查服务器与网络故障，保障网站持续稳定访问。' },
  { name: '首页不更新', group: '单项否决', vetoIndicator: true, code: 'SY', advice: '首页应在两周内发布新信息；首页仅为导航入口的，各二级页面须及时更新。' },
  { name: '栏目不更新', group: '单项否决', vetoIndicator: true, code: 'LM', advice: '按栏目更新周期及时更新；确无内容可更新的栏目应整合或关停。' },
  { name: '空白栏目', group: '单项否决', vetoIndicator: true, code: 'KB', advice: '补充栏目内容，或撤销、归并空白栏目。' },
  { name: '互动回应差', group: '单项否决', vetoIndicator: true, code: 'ZW', advice: '在规定时限内答复留言并公开答复内容。' },
  { name: '内容不更新', group: '单项否决', vetoIndicator: true, code: 'XMT', advice: '政务新媒体应在两周内发布新内容；无力维护的账号应关停注销。' },
  { name: '严重表述错误', group: '单项否决', vetoIndicator: true, code: 'BS', advice: '立即核实更正，并按程序报告。' },
  { name: '有害信息', group: '单项否决', vetoIndicator: true, code: 'YH', advice: '立即删除有害信息或链接，排查网站安全漏洞。' },
  { name: '弄虚作假（疑似旧稿重发）', group: '单项否决', vetoIndicator: true, code: 'CF', advice: '核实是否以旧稿重发；确属重复的应删除重复稿件。' },
  { name: '重复发布', group: '信息发布', vetoIndicator: false, code: 'CF', advice: '删除重复发布的稿件，保留一个网址。' },
  { name: '个人信息泄露', group: '信息发布', vetoIndicator: false, code: 'YS', advice: '立即对个人信息作遮盖处理（如身份证号保留前6位和后4位），附件一并处理。' },
  { name: '表述错误', group: '信息发布', vetoIndicator: false, code: 'BS', advice: '按规范表述修改。' },
  { name: '错别字', group: '信息发布', vetoIndicator: false, code: 'CZ', advice: '更正错别字。' },
  { name: '敏感信息', group: '信息发布', vetoIndicator: false, code: 'MG', advice: '人工复核，确属不当内容的删除。' },
  { name: '链接可用性', group: '功能设计', vetoIndicator: false, code: 'LJ', advice: '修复或删除不可用链接（含图片、附件链接）。' },
  { name: '外链与暗链', group: '安全防护', vetoIndicator: false, code: 'AL', advice: '核实链接目标，删除不明外链和隐藏链接；链接外部网站应有提示。' },
  { name: '图片', group: '信息发布', vetoIndicator: false, code: 'TP', advice: '更换清晰、大小适当的图片，清除照片中的位置信息，补充替代文字。' },
];

const BY_NAME = new Map(KNOWN.map((d, i) => [d.name, { ...d, order: i }] as const));

/** The indicator a rule's findings belong to when the finding does not say. */
function defaultIndicator(ruleId: string): string {
  const [category, name = ''] = ruleId.split('/');
  switch (category) {
    case 'privacy':
      return '个人信息泄露';
    case 'phrasing':
      return '表述错误';
    case 'typo':
      return '错别字';
    case 'sensitive':
      return '敏感信息';
    case 'image':
      return '图片';
    case 'link':
      return name === 'dead-link' ? '链接可用性' : '外链与暗链';
    case 'site':
      return (
        {
          'homepage-stale': '首页不更新',
          'stale-column': '栏目不更新',
          'blank-column': '空白栏目',
          'unanswered-message': '互动回应差',
          'account-stale': '内容不更新',
          'duplicate-article': '重复发布',
        } as Record<string, string>
      )[name] ?? name;
    default:
      return ruleId;
  }
}

/** The indicator a finding is counted under: `data.indicator` when the rule gives one, else by its rule. */
export function indicatorOf(finding: Finding): IndicatorDef {
  const given = finding.data?.indicator;
  const name = typeof given === 'string' && given.trim() ? given.trim() : defaultIndicator(finding.ruleId);
  const known = BY_NAME.get(name);
  if (known) return known;
  const veto = finding.data?.veto === true;
  return { name: maskText(name), group: veto ? '单项否决' : '其他', vetoIndicator: veto, code: 'QT', advice: '人工复核并整改。', order: KNOWN.length };
}

/** Whether the finding is a veto (单项否决) case: the rule says so in `data.veto`. */
export function isVeto(finding: Finding): boolean {
  return finding.data?.veto === true;
}

/** 单项否决 / 扣分 / 预警 / 提示 for a finding. */
export function gravityOf(finding: Finding): Gravity {
  if (isVeto(finding)) return '单项否决';
  if (finding.severity === 'info' || finding.data?.masked === true) return '提示';
  if (finding.ruleId.startsWith('site/') || finding.severity === 'error') return '扣分';
  return '预警';
}

const GRAVITY_RANK: Readonly<Record<Gravity, number>> = { 单项否决: 0, 扣分: 1, 预警: 2, 提示: 3 };

const PRIVACY_TYPES: Readonly<Record<string, string>> = {
  'privacy/cn-id-card': '泄露身份证号码',
  'privacy/cn-mobile': '泄露手机号码',
  'privacy/cn-landline': '泄露固定电话',
  'privacy/bank-card': '泄露银行卡号',
  'privacy/email': '泄露电子邮箱',
  'privacy/cn-passport': '泄露护照号码',
  'privacy/travel-permit': '泄露通行证号码',
  'privacy/license-plate': '泄露车牌号码',
};

const RULE_TYPES: Readonly<Record<string, string>> = {
  'link/dead-link': '链接不可用',
  'link/dark-link': '疑似暗链',
  'link/external-no-notice': '外链无提示',
  'image/exif-location': '照片含拍摄位置',
  'image/oversized': '图片过大',
  'image/low-resolution': '图片分辨率低',
  'image/blurry': '图片模糊',
  'image/missing-alt': '图片缺少替代文字',
  'image/unreadable': '图片无法读取',
};

/** 问题类型: what kind of problem, in a few words. */
function problemType(finding: Finding, indicator: IndicatorDef): string {
  if (PRIVACY_TYPES[finding.ruleId]) return finding.data?.masked === true ? '个人信息已遮盖' : PRIVACY_TYPES[finding.ruleId]!;
  if (RULE_TYPES[finding.ruleId]) return RULE_TYPES[finding.ruleId]!;
  if (finding.ruleId.startsWith('sensitive/')) return '敏感词';
  if (finding.ruleId.startsWith('phrasing/leader')) return '领导人姓名职务表述';
  return indicator.name;
}

/** One row of the 问题明细表. */
export interface DetailRow {
  /** 问题编号: indicator code and a sequence number, e.g. `LM-001`. */
  readonly no: string;
  readonly indicator: string;
  readonly group: string;
  /** 问题类型. */
  readonly type: string;
  readonly gravity: Gravity;
  readonly ruleId: string;
  /** 页面地址: the page (or the attachment) the problem is on. */
  readonly page: string;
  readonly pageTitle: string;
  /** The attachment's URL when the problem is inside one. */
  readonly attachment: string;
  /** 父页面: the page linking it (for an attachment or a column), else ''. */
  readonly parent: string;
  /** 问题描述. */
  readonly description: string;
  /** The offending text, masked ('' for site findings). */
  readonly actual: string;
  /** 建议. */
  readonly advice: string;
  /** For link and image findings: the link or image address (masked), else ''. */
  readonly target: string;
  /** Other pages showing the same problem (a dead link's pages, a duplicate's URLs). */
  readonly pages: readonly string[];
  /** The finding's key in the inspection history (for `--ignore`), '' without a history. */
  readonly key: string;
  /** Compared with the previous run: 新增 (new) or 持续 (seen before), '' without a history or on a first run. */
  readonly change: '新增' | '持续' | '';
}

/** One row of the indicator summary. */
export interface IndicatorRow {
  readonly name: string;
  readonly group: string;
  readonly vetoIndicator: boolean;
  /** Findings counted (hints excluded). */
  readonly count: number;
  /** Of them, veto cases. */
  readonly vetoCount: number;
  readonly hints: number;
  /** 单项否决 (failed), 扣分/预警 (problems), 通过 (none). */
  readonly verdict: '不合格' | '存在问题' | '通过';
}

/** One row of the column freshness table. */
export interface ColumnRow {
  readonly title: string;
  readonly kind: string;
  readonly url: string;
  readonly parent: string;
  readonly items: number;
  readonly latest: string;
  readonly days: number | null;
  readonly threshold: number | null;
  /** 正常 / 超期未更新 / 空白栏目 / 无日期. */
  readonly status: '正常' | '超期未更新' | '空白栏目' | '无日期';
  /** From the history: the day the column became overdue, '' when unknown or not stale. */
  readonly staleSince: string;
  /** Days since `staleSince`, null when unknown. */
  readonly staleDays: number | null;
}

/** What the inspection history says about this run (`History.record`'s result fits). */
export interface ReportHistory {
  readonly previous: { readonly date: string } | null;
  readonly new: readonly { readonly key: string; readonly finding: Finding }[];
  readonly persisting: readonly { readonly key: string; readonly finding: Finding }[];
  /** Reviewed and unchanged: left out of the report's tables, counted in its summary. */
  readonly ignored: readonly { readonly key: string; readonly finding: Finding }[];
  readonly fixed: readonly { readonly key: string; readonly ruleId: string; readonly page: string; readonly indicator: string; readonly message: string }[];
  readonly staleSince: readonly { readonly url: string; readonly staleSince: string; readonly days: number }[];
}

/** Options of {@link buildInspectReport}. */
export interface InspectReportOptions {
  /** The comparison with the previous run, from the history database. */
  readonly history?: ReportHistory;
}

/** The comparison with the previous run as the report prints it. */
export interface HistorySummary {
  readonly previous: string | null;
  readonly new: number;
  readonly persisting: number;
  readonly ignored: number;
  readonly fixed: readonly { readonly key: string; readonly indicator: string; readonly page: string; readonly description: string }[];
}

/** Everything a reporter prints. */
export interface InspectReport {
  readonly site: { readonly url: string; readonly title: string; readonly date: string; readonly pages: number };
  /** 不合格 when any finding is a veto, else 合格 (the deduction score is not computed: 19号 values are unconfirmed). */
  readonly verdict: '不合格' | '未发现单项否决问题';
  readonly vetoCount: number;
  readonly counts: { readonly total: number; readonly byGravity: Readonly<Record<Gravity, number>> };
  readonly indicators: readonly IndicatorRow[];
  readonly rows: readonly DetailRow[];
  readonly columns: readonly ColumnRow[];
  /** Present when a history was given. */
  readonly history?: HistorySummary;
}

export const KIND_NAMES: Readonly<Record<ColumnKind, string>> = {
  news: '动态要闻',
  notice: '通知公告',
  policy: '政策文件',
  personnel: '人事信息',
  planning: '规划计划',
  interaction: '互动交流',
  other: '其他',
};

/** Default update periods by kind (DESIGN.md): used when the document does not give a column's threshold. */
const DEFAULT_PERIOD: Readonly<Partial<Record<ColumnKind, number>>> = { news: 14, notice: 183, policy: 183, personnel: 365, planning: 365 };

/** Whole days from `from` to `to` (YYYY-MM-DD), or null when either is not a date. */
export function daysBetween(from: string | null | undefined, to: string): number | null {
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The pages listed in `data.pages` (strings only). */
function pagesOf(finding: Finding): string[] {
  const pages = finding.data?.pages;
  return Array.isArray(pages) ? pages.filter((p): p is string => typeof p === 'string') : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The column row for a column of the document. */
function columnRow(column: InspectColumn, date: string, flagged: ReadonlyMap<string, 'stale' | 'blank'>, stale?: { staleSince: string; days: number }): ColumnRow {
  const days = column.days !== undefined ? column.days : daysBetween(column.latest, date);
  const threshold = column.threshold ?? DEFAULT_PERIOD[column.kind] ?? null;
  const flag = flagged.get(column.url);
  const status: ColumnRow['status'] =
    flag === 'blank' || column.items === 0
      ? '空白栏目'
      : flag === 'stale' || (days !== null && threshold !== null && days > threshold)
        ? '超期未更新'
        : column.latest === null
          ? '无日期'
          : '正常';
  return {
    title: maskText(column.title),
    kind: KIND_NAMES[column.kind] ?? String(column.kind),
    url: maskText(column.url),
    parent: maskText(column.parent ?? ''),
    items: column.items,
    latest: column.latest ?? '',
    days,
    threshold,
    status,
    staleSince: status === '超期未更新' || status === '空白栏目' ? (stale?.staleSince ?? '') : '',
    staleDays: status === '超期未更新' || status === '空白栏目' ? (stale?.days ?? null) : null,
  };
}

/** Builds the report's rows from an inspect document. */
export function buildInspectReport(doc: InspectDocument, options: InspectReportOptions = {}): InspectReport {
  const history = options.history;
  const keys = new Map<Finding, { key: string; change: DetailRow['change'] }>();
  const ignored = new Set<Finding>();
  if (history) {
    for (const k of history.new) keys.set(k.finding, { key: k.key, change: history.previous ? '新增' : '' });
    for (const k of history.persisting) keys.set(k.finding, { key: k.key, change: '持续' });
    for (const k of history.ignored) ignored.add(k.finding);
  }
  const findings = (doc.findings as readonly InspectFinding[]).filter((f) => !ignored.has(f));
  // The shared masking pass over the whole document: a value one privacy finding hides is masked in every
  // finding that repeats it. `shown` is what is printed; `f` stays the document's object (history keys).
  const masked = maskFindings(findings);
  const entries = findings.map((f, i) => ({ f, shown: masked[i]!, ind: indicatorOf(f), gravity: gravityOf(f) }));
  entries.sort(
    (a, b) =>
      Number(isVeto(b.f)) - Number(isVeto(a.f)) ||
      Number(b.ind.vetoIndicator) - Number(a.ind.vetoIndicator) ||
      a.ind.order - b.ind.order ||
      (a.ind.name < b.ind.name ? -1 : a.ind.name > b.ind.name ? 1 : 0) ||
      GRAVITY_RANK[a.gravity] - GRAVITY_RANK[b.gravity] ||
      (str(a.f.attachment ?? a.f.page) < str(b.f.attachment ?? b.f.page) ? -1 : str(a.f.attachment ?? a.f.page) > str(b.f.attachment ?? b.f.page) ? 1 : 0) ||
      a.f.range[0] - b.f.range[0],
  );
  const seq = new Map<string, number>();
  const rows: DetailRow[] = entries.map(({ f, shown, ind, gravity }) => {
    const n = (seq.get(ind.code) ?? 0) + 1;
    seq.set(ind.code, n);
    const expected = shown.expected.length ? `建议改为：${shown.expected.map((e) => `“${maskText(e)}”`).join('或')}` : '';
    const pages = pagesOf(f).map(maskText);
    const page = str(f.attachment) || str(f.page) || pages[0] || '';
    return {
      no: `${ind.code}-${String(n).padStart(3, '0')}`,
      indicator: ind.name,
      group: ind.group,
      type: problemType(f, ind),
      gravity,
      ruleId: f.ruleId,
      page: maskText(page),
      pageTitle: maskText(str(f.title)),
      attachment: maskText(str(f.attachment)),
      // An attachment finding names the linking page as `parent`, or (the inspect crawler's way) as `page`.
      parent: maskText(str(f.parent) || (f.attachment && f.page !== f.attachment ? str(f.page) : '') || str(f.data?.parent)),
      description: maskText(shown.message),
      actual: maskText(shown.actual),
      advice: expected || ind.advice,
      pages,
      target: maskText(f.target?.src ?? ''),
      key: keys.get(f)?.key ?? '',
      change: keys.get(f)?.change ?? '',
    };
  });

  const indicators = new Map<string, { def: IndicatorDef; count: number; vetoCount: number; hints: number }>();
  // The site's own veto indicators are listed even when clean ("未发现"), when the document has a site model.
  if (doc.columns.length > 0) for (const name of ['首页不更新', '栏目不更新', '空白栏目', '互动回应差']) indicators.set(name, { def: BY_NAME.get(name)!, count: 0, vetoCount: 0, hints: 0 });
  for (const { f, ind, gravity } of entries) {
    let row = indicators.get(ind.name);
    if (!row) indicators.set(ind.name, (row = { def: ind, count: 0, vetoCount: 0, hints: 0 }));
    if (gravity === '提示') row.hints++;
    else row.count++;
    if (isVeto(f)) row.vetoCount++;
  }
  const indicatorRows: IndicatorRow[] = [...indicators.values()]
    .sort((a, b) => Number(b.vetoCount > 0) - Number(a.vetoCount > 0) || Number(b.def.vetoIndicator) - Number(a.def.vetoIndicator) || a.def.order - b.def.order || (a.def.name < b.def.name ? -1 : 1))
    .map(({ def, count, vetoCount, hints }) => ({
      name: def.name,
      group: def.group,
      vetoIndicator: def.vetoIndicator,
      count,
      vetoCount,
      hints,
      verdict: vetoCount > 0 ? '不合格' : count > 0 ? '存在问题' : '通过',
    }));

  const flagged = new Map<string, 'stale' | 'blank'>();
  for (const f of findings) {
    if (!f.page) continue;
    if (f.ruleId === 'site/blank-column') flagged.set(f.page, 'blank');
    else if (f.ruleId === 'site/stale-column' && !flagged.has(f.page)) flagged.set(f.page, 'stale');
  }
  const staleness = new Map((history?.staleSince ?? []).map((c) => [c.url, c]));
  const columns = doc.columns.map((c) => columnRow(c, doc.site.date, flagged, staleness.get(c.url)));

  const byGravity: Record<Gravity, number> = { 单项否决: 0, 扣分: 0, 预警: 0, 提示: 0 };
  for (const r of rows) byGravity[r.gravity]++;
  const vetoCount = byGravity['单项否决'];
  return {
    site: { url: maskText(doc.site.url), title: maskText(doc.site.title ?? ''), date: doc.site.date, pages: doc.site.pages },
    verdict: vetoCount > 0 ? '不合格' : '未发现单项否决问题',
    vetoCount,
    counts: { total: rows.length, byGravity },
    indicators: indicatorRows,
    rows,
    columns,
    ...(history
      ? {
          history: {
            previous: history.previous?.date ?? null,
            new: history.previous ? history.new.length : 0,
            persisting: history.persisting.length,
            ignored: history.ignored.length,
            fixed: history.fixed.map((f) => ({ key: f.key, indicator: maskText(f.indicator), page: maskText(f.page), description: maskText(f.message) })),
          },
        }
      : {}),
  };
}

/** Severity names in Chinese, for reporters. */
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };
