/**
 * @fileoverview `shenjiao inspect --format html`: one self-contained HTML file an inspector hands on.
 * No script, no external resource: a Content-Security-Policy forbids both, and every string from the
 * document is escaped (findings quote attacker-controlled page text) and masked (personal data).
 * Pure: returns the file's text.
 */
import type { InspectDocument } from '../core/site.js';
import { buildInspectReport, type ColumnRow, type DetailRow, type Gravity, type IndicatorRow, type InspectReport, type ReportHistory } from './model.js';

/** Options of {@link renderInspectHtml}. */
export interface InspectHtmlOptions {
  /** The report's title, after the site's name. Default 网站检查报告. */
  readonly title?: string;
  /** The day the report was made (YYYY-MM-DD). Default the inspection date. */
  readonly reportDate?: string;
  /** The tool's name and version for the footer. Default `shenjiao`. */
  readonly generator?: string;
  /**
   * The comparison with the previous run (`openHistory(file).record(doc)`): rows are marked 新增/持续 with
   * the key `--ignore` takes, fixed problems are listed, reviewed (ignored) findings left out and counted.
   */
  readonly history?: ReportHistory;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A link when `url` is http(s), else the escaped text: no `javascript:` or `data:` href ever. */
function link(url: string, text = url): string {
  if (!url) return '<span class="none">—</span>';
  if (!/^https?:\/\/[^\s]+$/i.test(url) || url.includes('*')) return `<span class="url">${escapeHtml(text)}</span>`;
  return `<a class="url" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

const GRAVITY_CLASS: Readonly<Record<Gravity, string>> = { 单项否决: 'veto', 扣分: 'deduct', 预警: 'warn', 提示: 'hint' };

function badge(gravity: Gravity): string {
  return `<span class="badge ${GRAVITY_CLASS[gravity]}">${gravity}</span>`;
}

function verdictCell(row: IndicatorRow): string {
  const cls = row.verdict === '不合格' ? 'veto' : row.verdict === '存在问题' ? 'deduct' : 'pass';
  const text = row.verdict === '不合格' ? '不合格（单项否决）' : row.verdict === '存在问题' ? (row.vetoIndicator ? '存在问题（未达否决标准）' : '存在问题') : '通过';
  return `<span class="badge ${cls}">${text}</span>`;
}

function indicatorTable(report: InspectReport): string {
  if (report.indicators.length === 0) return '<p class="empty">未发现问题。</p>';
  const rows = report.indicators
    .map(
      (r, i) => `<tr class="${r.vetoCount > 0 ? 'row-veto' : ''}" data-indicator="${escapeHtml(r.name)}">
<td class="num">${i + 1}</td><td>${escapeHtml(r.group)}</td><td class="name">${escapeHtml(r.name)}</td>
<td class="center">${r.vetoIndicator ? '单项否决' : '扣分'}</td>
<td class="num count">${r.count}</td><td class="num">${r.vetoCount}</td><td class="num">${r.hints}</td>
<td class="center verdict">${verdictCell(r)}</td></tr>`,
    )
    .join('\n');
  return `<table class="summary" id="indicators">
<thead><tr><th class="num">序号</th><th>一级指标</th><th>指标</th><th>指标类型</th><th class="num">问题数</th><th class="num">其中否决项</th><th class="num">提示</th><th>结论</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function detailCells(r: DetailRow): string {
  const where = [
    link(r.page),
    r.pageTitle ? `<div class="sub">${escapeHtml(r.pageTitle)}</div>` : '',
    r.attachment ? '<div class="sub">（附件）</div>' : '',
  ].join('');
  const others = r.pages.filter((p) => p !== r.page);
  const more = others.length
    ? `<details class="pages"><summary>另有 ${others.length} 个页面</summary><ol>${others.map((p) => `<li>${link(p)}</li>`).join('')}</ol></details>`
    : '';
  const actual = r.actual ? `<div class="actual">原文：<q>${escapeHtml(r.actual)}</q></div>` : '';
  const target = r.target ? `<div class="sub">${r.ruleId.startsWith('image/') ? '图片地址' : '链接地址'}：${link(r.target)}</div>` : '';
  const change = r.change ? `<div><span class="tag ${r.change === '新增' ? 'new' : 'old'}">${r.change}</span></div>` : '';
  const key = r.key ? `<div class="sub key" title="忽略编号（--ignore）">${escapeHtml(r.key)}</div>` : '';
  return `<td class="no">${escapeHtml(r.no)}${change}${key}</td>
<td class="type">${escapeHtml(r.type)}<div class="sub rule">${escapeHtml(r.ruleId)}</div></td>
<td class="page">${where}</td>
<td class="page">${r.parent ? link(r.parent) : '<span class="none">—</span>'}</td>
<td class="desc">${escapeHtml(r.description)}${actual}${target}${more}</td>
<td class="advice">${escapeHtml(r.advice)}</td>
<td class="center">${badge(r.gravity)}</td>`;
}

function detailTable(report: InspectReport): string {
  if (report.rows.length === 0) return '<p class="empty">未发现问题。</p>';
  const groups: { name: string; rows: DetailRow[] }[] = [];
  for (const r of report.rows) {
    const last = groups[groups.length - 1];
    if (last && last.name === r.indicator) last.rows.push(r);
    else groups.push({ name: r.indicator, rows: [r] });
  }
  const head = '<thead><tr><th>问题编号</th><th>问题类型</th><th>页面地址</th><th>父页面</th><th>问题描述</th><th>建议</th><th>严重程度</th></tr></thead>';
  const body = groups
    .map(
      (g) => `<tbody class="group">
<tr class="group-head"><th colspan="7">${escapeHtml(g.name)}<span class="group-count">（${g.rows.length} 项）</span></th></tr>
${g.rows.map((r) => `<tr class="finding ${GRAVITY_CLASS[r.gravity]}" data-rule="${escapeHtml(r.ruleId)}">${detailCells(r)}</tr>`).join('\n')}
</tbody>`,
    )
    .join('\n');
  return `<table class="details" id="details">
<colgroup><col class="c-no"><col class="c-type"><col class="c-page"><col class="c-parent"><col class="c-desc"><col class="c-advice"><col class="c-grav"></colgroup>
${head}
${body}
</table>`;
}

const STATUS_CLASS: Readonly<Record<ColumnRow['status'], string>> = { 正常: 'pass', 超期未更新: 'veto', 空白栏目: 'veto', 无日期: 'warn' };

function columnTable(report: InspectReport): string {
  if (report.columns.length === 0) return '<p class="empty">本次检查未识别到栏目。</p>';
  const order: Record<ColumnRow['status'], number> = { 空白栏目: 0, 超期未更新: 1, 无日期: 2, 正常: 3 };
  const rows = [...report.columns]
    .sort((a, b) => order[a.status] - order[b.status] || (b.days ?? -1) - (a.days ?? -1))
    .map(
      (c, i) => `<tr><td class="num">${i + 1}</td><td class="name">${escapeHtml(c.title)}</td><td>${escapeHtml(c.kind)}</td><td class="page">${link(c.url)}</td>
<td class="num">${c.items}</td><td class="center">${escapeHtml(c.latest || '—')}</td><td class="num">${c.days ?? '—'}</td><td class="num">${c.threshold ?? '—'}</td>
<td class="center"><span class="badge ${STATUS_CLASS[c.status]}">${c.status}</span>${c.staleSince ? `<div class="sub">自 ${escapeHtml(c.staleSince)} 起${c.staleDays !== null ? ` ${c.staleDays} 天` : ''}</div>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<table class="columns" id="columns">
<thead><tr><th class="num">序号</th><th>栏目名称</th><th>栏目类别</th><th>栏目地址</th><th class="num">条目数</th><th>最后更新日期</th><th class="num">未更新天数</th><th class="num">更新周期（天）</th><th>状态</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function historyBlock(report: InspectReport): string {
  const h = report.history;
  if (!h) return '';
  const line = h.previous
    ? `与上次检查（${escapeHtml(h.previous)}）相比：新增问题 <b>${h.new}</b> 个，已整改 <b>${h.fixed.length}</b> 个，仍存在 <b>${h.persisting}</b> 个，已复核忽略 <b>${h.ignored}</b> 个。`
    : `首次检查，已建立检查历史${h.ignored ? `；已复核忽略 <b>${h.ignored}</b> 个` : ''}。`;
  return `<p class="history" id="history">${line}</p>`;
}

function fixedTable(report: InspectReport): string {
  const fixed = report.history?.fixed ?? [];
  if (!report.history?.previous) return '';
  const body = fixed.length
    ? `<table class="fixed" id="fixed"><thead><tr><th class="num">序号</th><th>指标</th><th>页面地址</th><th>问题描述（上次检查）</th></tr></thead><tbody>
${fixed.map((f, i) => `<tr><td class="num">${i + 1}</td><td>${escapeHtml(f.indicator)}</td><td class="page">${link(f.page)}</td><td>${escapeHtml(f.description)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="empty">上次检查发现的问题均仍存在。</p>';
  return `<h2>五、已整改问题</h2>
${body}`;
}

const CSS = `
:root{--red:#b3121b;--ink:#1f2328;--line:#c9ccd1;--soft:#f5f6f8;--head:#eef1f5}
*{box-sizing:border-box}
body{margin:0;background:#e9ebee;color:var(--ink);font:14px/1.65 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
.paper{max-width:1180px;margin:24px auto;background:#fff;padding:48px 56px 40px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.masthead{text-align:center;border-bottom:3px solid var(--red);padding-bottom:14px;margin-bottom:6px}
.masthead .org{color:var(--red);font:700 30px/1.3 "FangSong","STFangsong","SimSun","Songti SC","Noto Serif CJK SC",serif;letter-spacing:.25em}
.masthead .no{margin-top:6px;color:#555;font-size:13px}
.rule2{border-top:1px solid var(--red);margin-bottom:22px}
h1{font:700 24px/1.4 "SimHei","Noto Sans CJK SC",sans-serif;text-align:center;margin:8px 0 18px}
h2{font:700 18px/1.4 "SimHei","Noto Sans CJK SC",sans-serif;margin:30px 0 12px;padding-left:10px;border-left:5px solid var(--red)}
table{width:100%;border-collapse:collapse;margin:6px 0 10px;font-size:13px}
th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:left}
thead th{background:var(--head);font-weight:700;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
td.center{text-align:center;white-space:nowrap}
table.info th{width:9em;background:var(--soft);font-weight:400;color:#444}
table.info td{width:auto}
.verdict-box{display:flex;align-items:center;gap:18px;border:2px solid var(--line);padding:14px 18px;margin:14px 0}
.verdict-box.fail{border-color:var(--red);background:#fff5f5}
.verdict-box.ok{border-color:#2e7d32;background:#f3faf3}
.verdict-box .big{font:700 22px/1.2 "SimHei","Noto Sans CJK SC",sans-serif;white-space:nowrap}
.verdict-box.fail .big{color:var(--red)}.verdict-box.ok .big{color:#2e7d32}
.stats{display:flex;gap:10px;margin:10px 0 4px}
.stat{flex:1;border:1px solid var(--line);padding:8px 10px;text-align:center;background:var(--soft)}
.stat b{display:block;font-size:22px}
.stat.veto b{color:var(--red)}.stat.deduct b{color:#c25e00}.stat.warn b{color:#8a6d00}.stat.hint b{color:#5f6b7a}
.badge{display:inline-block;padding:1px 8px;border-radius:3px;font-size:12px;white-space:nowrap;border:1px solid transparent}
.badge.veto{background:var(--red);color:#fff}
.badge.deduct{background:#fdebd8;color:#8a3b00;border-color:#f0b27a}
.badge.warn{background:#fff6cc;color:#6b5400;border-color:#e6cf66}
.badge.hint{background:#eef1f5;color:#4a5563;border-color:#cdd3db}
.badge.pass{background:#e6f4e7;color:#1b5e20;border-color:#9ccc9f}
tr.row-veto td{background:#fff5f5}
tr.row-veto td.name{color:var(--red);font-weight:700}
table.details col.c-no{width:6.5em}table.details col.c-type{width:9em}table.details col.c-page{width:18%}table.details col.c-parent{width:13%}
table.details col.c-advice{width:16%}table.details col.c-grav{width:6.5em}
tr.group-head th{background:#f3e9e9;color:#7a1017;font-size:14px;text-align:left}
.group-count{font-weight:400;color:#555;margin-left:4px}
td.no{white-space:nowrap;font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
.url{word-break:break-all;color:#0b57a4;text-decoration:none}
a.url:hover{text-decoration:underline}
.sub{color:#667;font-size:12px;margin-top:2px;word-break:break-all}
.rule{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:11px}
.actual{margin-top:4px;color:#444}.actual q{quotes:"“" "”";background:#fff3bf;padding:0 2px}
details.pages summary{cursor:pointer;color:#0b57a4;font-size:12px;margin-top:4px}
details.pages ol{margin:4px 0 0 18px;padding:0;font-size:12px}
.none{color:#999}
.tag{display:inline-block;margin-top:3px;padding:0 5px;font-size:11px;border-radius:2px;font-family:inherit}
.tag.new{background:#b3121b;color:#fff}.tag.old{background:#e3e6ea;color:#444}
.key{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:11px;color:#8a8f98}
.history{margin:8px 0 0;padding:8px 12px;background:var(--soft);border-left:3px solid #7a8699}
.empty{color:#2e7d32}
.note{color:#555;font-size:12px}
footer{margin-top:34px;border-top:1px solid var(--line);padding-top:10px;color:#666;font-size:12px;display:flex;justify-content:space-between}
@media print{body{background:#fff}.paper{box-shadow:none;margin:0;max-width:none;padding:0}thead{display:table-header-group}tr{break-inside:avoid}details.pages{display:block}}
`;

/**
 * Renders the inspect document as one self-contained HTML report: header, verdict, the summary by
 * indicator (veto items first, counts, pass/fail), the 问题明细表 grouped by indicator, and the column
 * freshness table. Personal data is masked and every string escaped.
 */
export function renderInspectHtml(doc: InspectDocument, options: InspectHtmlOptions = {}): string {
  const report = buildInspectReport(doc, options.history ? { history: options.history } : {});
  const title = options.title ?? '网站检查报告';
  const siteName = report.site.title || report.site.url;
  const g = report.counts.byGravity;
  const fail = report.vetoCount > 0;
  const vetoNames = report.indicators.filter((r) => r.vetoCount > 0).map((r) => r.name);
  const verdictText = fail
    ? `存在单项否决问题：${vetoNames.map((n) => `“${escapeHtml(n)}”`).join('、')}，按国办秘函〔2019〕19号判定为不合格。`
    : `未发现单项否决问题；共发现扣分项 ${g['扣分']} 个、预警 ${g['预警']} 个，请对照扣分指标人工评分。`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(options.generator ?? 'shenjiao')}">
<title>${escapeHtml(title)}｜${escapeHtml(siteName)}｜${escapeHtml(report.site.date)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="paper">
<header class="masthead"><div class="org">政府网站检查</div><div class="no">监测时间点：${escapeHtml(report.site.date)}</div></header>
<div class="rule2"></div>
<h1>${escapeHtml(siteName)}${escapeHtml(title)}</h1>
<table class="info" id="site">
<tr><th>网站名称</th><td>${escapeHtml(report.site.title || '—')}</td><th>首页网址</th><td>${link(report.site.url)}</td></tr>
<tr><th>监测时间点</th><td>${escapeHtml(report.site.date)}</td><th>检查页面数</th><td>${report.site.pages}</td></tr>
<tr><th>检查依据</th><td>国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》</td><th>检查方式</th><td>自动检查，需人工复核</td></tr>
<tr><th>报告日期</th><td>${escapeHtml(options.reportDate ?? report.site.date)}</td><th>识别栏目数</th><td>${report.columns.length}</td></tr>
</table>

<h2>一、检查结论</h2>
<div class="verdict-box ${fail ? 'fail' : 'ok'}" id="verdict"><div class="big">${fail ? '不合格' : '未发现单项否决问题'}</div><div>${verdictText}</div></div>
<div class="stats" id="counts">
<div class="stat veto"><b>${g['单项否决']}</b>单项否决</div>
<div class="stat deduct"><b>${g['扣分']}</b>扣分项</div>
<div class="stat warn"><b>${g['预警']}</b>预警</div>
<div class="stat hint"><b>${g['提示']}</b>提示</div>
<div class="stat"><b>${report.counts.total}</b>问题总数</div>
</div>
${historyBlock(report)}

<h2>二、指标汇总</h2>
${indicatorTable(report)}
<p class="note">单项否决指标出现否决情形即判定网站不合格；扣分指标的分值以检查所依据的评分表为准，本报告不代为计分。</p>

<h2>三、问题明细表</h2>
${detailTable(report)}

<h2>四、栏目更新情况</h2>
${columnTable(report)}
<p class="note">更新周期：动态要闻 14 天，通知公告、政策文件 6 个月，人事信息、规划计划 1 年；未标注日期的条目视为未更新。</p>
${fixedTable(report)}

<footer><span>本报告由 ${escapeHtml(options.generator ?? 'shenjiao 审校')} 自动生成，个人信息已作遮盖处理，检查结果须经人工复核。</span><span>${escapeHtml(report.site.date)}</span></footer>
</main>
</body>
</html>
`;
}
