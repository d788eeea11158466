/**
 * @fileoverview `shenjiao inspect --format xlsx`: the inspection as a workbook (exceljs): a 汇总 sheet
 * (site, verdict, the summary by indicator, veto items first), the 问题明细 sheet, one sheet per
 * indicator (column indicators with the 栏目 fields inspectors know from vendor reports), and the
 * 栏目更新情况 sheet. The same rows as the HTML report, so the same masking; text is always written as
 * text (a page title starting with `=` is never a formula).
 */
import type ExcelJS from 'exceljs';
import type { InspectDocument } from '../core/site.js';
import { buildInspectReport, type ColumnRow, type DetailRow, type ReportHistory } from '../report/model.js';

type Cell = string | number | null | { text: string; hyperlink: string };

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
const VETO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE8E8' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFC9CCD1' } },
  left: { style: 'thin', color: { argb: 'FFC9CCD1' } },
  bottom: { style: 'thin', color: { argb: 'FFC9CCD1' } },
  right: { style: 'thin', color: { argb: 'FFC9CCD1' } },
};

/** A hyperlink cell for an http(s) URL that masking left whole, else the text. */
function url(value: string): Cell {
  if (!value) return '';
  return /^https?:\/\/\S+$/i.test(value) && !value.includes('*') ? { text: value, hyperlink: value } : value;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 28) || '指标';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** Adds a table (header + rows) at the sheet's next row, with borders, a bold shaded header and wrapped text. */
function table(sheet: ExcelJS.Worksheet, header: readonly string[], rows: readonly (readonly Cell[])[], widths: readonly number[], veto?: (i: number) => boolean): void {
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  rows.forEach((values, i) => {
    const row = sheet.addRow(values.map((v) => (v === null ? '' : v)));
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
      if (typeof c.value === 'object' && c.value && 'hyperlink' in c.value) c.font = { color: { argb: 'FF0B57A4' }, underline: true };
      if (veto?.(i)) c.fill = VETO_FILL;
    });
  });
  widths.forEach((w, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, w);
  });
}

const DETAIL_HEADER = ['问题编号', '指标', '问题类型', '严重程度', '页面地址', '页面标题', '父页面', '问题描述', '原文', '建议', '其他页面', '规则', '链接/图片地址'] as const;
const DETAIL_WIDTHS = [11, 14, 16, 10, 42, 24, 36, 60, 22, 36, 36, 24, 42];

function detailCells(r: DetailRow): Cell[] {
  return [r.no, r.indicator, r.type, r.gravity, url(r.page), r.pageTitle, url(r.parent), r.description, r.actual, r.advice, r.pages.filter((p) => p !== r.page).join('\n'), r.ruleId, url(r.target)];
}

const COLUMN_HEADER = ['栏目名称', '栏目类别', '栏目地址', '父页面', '条目数', '最后更新日期', '未更新天数', '更新周期（天）', '状态'] as const;
const COLUMN_WIDTHS = [22, 12, 42, 36, 8, 14, 12, 14, 12];

function columnCells(c: ColumnRow): Cell[] {
  return [c.title, c.kind, url(c.url), url(c.parent), c.items, c.latest, c.days, c.threshold, c.status];
}

/**
 * The inspection as an .xlsx workbook: 汇总, 问题明细, one sheet per indicator, 栏目更新情况. With a
 * `history` (`openHistory(file).record(doc)`), detail rows say 新增/持续 and their `--ignore` key,
 * reviewed findings are left out, and a 已整改 sheet lists what the previous run found and this one did not.
 */
export async function writeInspectXlsx(doc: InspectDocument, options: { history?: ReportHistory } = {}): Promise<Buffer> {
  const report = buildInspectReport(doc, options.history ? { history: options.history } : {});
  const withHistory = report.history !== undefined;
  const detailHeader = withHistory ? [...DETAIL_HEADER, '变化', '忽略编号'] : [...DETAIL_HEADER];
  const detailWidths = withHistory ? [...DETAIL_WIDTHS, 8, 18] : DETAIL_WIDTHS;
  const detailRow = (r: DetailRow): Cell[] => (withHistory ? [...detailCells(r), r.change, r.key] : detailCells(r));
  // Loaded here, not with the module: exceljs takes some 0.3 s to load, which every other command would pay.
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  book.creator = 'shenjiao';
  book.title = `${report.site.title || report.site.url} 网站检查报告`;
  book.created = new Date(`${report.site.date}T00:00:00Z`);
  const taken = new Set<string>();

  const summary = book.addWorksheet(sheetName('汇总', taken), { views: [{ showGridLines: false }] });
  const title = summary.addRow([`${report.site.title || report.site.url}网站检查报告`]);
  title.font = { bold: true, size: 16, color: { argb: 'FFB3121B' } };
  summary.mergeCells(1, 1, 1, 8);
  const info: [string, Cell][] = [
    ['网站名称', report.site.title],
    ['首页网址', url(report.site.url)],
    ['监测时间点', report.site.date],
    ['检查页面数', report.site.pages],
    ['检查依据', '国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》'],
    ['检查结论', report.verdict],
    ['问题总数', report.counts.total],
    ['单项否决 / 扣分 / 预警 / 提示', `${report.counts.byGravity['单项否决']} / ${report.counts.byGravity['扣分']} / ${report.counts.byGravity['预警']} / ${report.counts.byGravity['提示']}`],
  ];
  if (report.history?.previous) {
    const h = report.history;
    info.push(['上次检查', h.previous], ['新增 / 已整改 / 仍存在 / 已复核忽略', `${h.new} / ${h.fixed.length} / ${h.persisting} / ${h.ignored}`]);
  }
  for (const [k, v] of info) {
    const row = summary.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    if (k === '检查结论' && report.vetoCount > 0) row.getCell(2).font = { bold: true, color: { argb: 'FFB3121B' } };
  }
  summary.addRow([]);
  table(
    summary,
    ['序号', '一级指标', '指标', '指标类型', '问题数', '其中否决项', '提示', '结论'],
    report.indicators.map((r, i) => [i + 1, r.group, r.name, r.vetoIndicator ? '单项否决' : '扣分', r.count, r.vetoCount, r.hints, r.verdict === '不合格' ? '不合格（单项否决）' : r.verdict]),
    [16, 14, 26, 10, 8, 10, 6, 20],
    (i) => (report.indicators[i]?.vetoCount ?? 0) > 0,
  );

  const details = book.addWorksheet(sheetName('问题明细', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  table(details, detailHeader, report.rows.map(detailRow), detailWidths, (i) => report.rows[i]?.gravity === '单项否决');
  if (report.rows.length) details.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: detailHeader.length } };

  const columnsByUrl = new Map(report.columns.map((c) => [c.url, c]));
  for (const indicator of report.indicators) {
    const rows = report.rows.filter((r) => r.indicator === indicator.name);
    if (rows.length === 0) continue;
    const sheet = book.addWorksheet(sheetName(indicator.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    if (indicator.name === '栏目不更新' || indicator.name === '空白栏目') {
      // The vendor layout (栏目类别, 栏目名称, 栏目url, 栏目更新时间, 更新间隔 …), from the column table.
      table(
        sheet,
        ['问题编号', '严重程度', ...COLUMN_HEADER, '问题描述'],
        rows.map((r) => {
          const c = columnsByUrl.get(r.page);
          return [r.no, r.gravity, ...(c ? columnCells(c) : ['', '', url(r.page), url(r.parent), null, null, null, null, '']), r.description];
        }),
        [11, 10, ...COLUMN_WIDTHS, 60],
        (i) => rows[i]?.gravity === '单项否决',
      );
    } else table(sheet, detailHeader, rows.map(detailRow), detailWidths, (i) => rows[i]?.gravity === '单项否决');
  }

  const columns = book.addWorksheet(sheetName('栏目更新情况', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  table(columns, COLUMN_HEADER, report.columns.map(columnCells), COLUMN_WIDTHS, (i) => report.columns[i]?.status === '超期未更新' || report.columns[i]?.status === '空白栏目');

  if (report.history?.previous) {
    const fixed = book.addWorksheet(sheetName('已整改', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    table(fixed, ['序号', '指标', '页面地址', '问题描述（上次检查）', '编号'], report.history.fixed.map((f, i) => [i + 1, f.indicator, url(f.page), f.description, f.key]), [6, 16, 42, 60, 18]);
  }

  return Buffer.from(await book.xlsx.writeBuffer());
}
