import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeInspectXlsx } from '../../src/node/report-xlsx.js';
import { ID_NUMBER, MOBILE, sampleDocument } from './sample.js';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

function texts(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
    out.push(cells);
  });
  return out;
}

describe('writeInspectXlsx', () => {
  it('writes a summary sheet, the 问题明细 sheet, one sheet per indicator and the column sheet', async () => {
    const doc = sampleDocument();
    const book = await read(await writeInspectXlsx(doc));
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '问题明细', '首页不更新', '栏目不更新', '空白栏目', '互动回应差', '重复发布', '个人信息泄露', '错别字', '链接可用性', '栏目更新情况']);

    const summary = texts(book.getWorksheet('汇总')!);
    expect(summary[0]![0]).toBe('某某县人民政府网站检查报告');
    expect(summary.find((r) => r[0] === '检查结论')![1]).toBe('不合格');
    const header = summary.findIndex((r) => r[0] === '序号');
    expect(summary[header + 1]!.slice(2, 8)).toEqual(['首页不更新', '单项否决', '1', '1', '0', '不合格（单项否决）']);

    const details = texts(book.getWorksheet('问题明细')!);
    expect(details[0]).toEqual(['问题编号', '指标', '问题类型', '严重程度', '页面地址', '页面标题', '父页面', '问题描述', '原文', '建议', '其他页面', '规则', '链接/图片地址']);
    expect(details.find((r) => r[11] === 'link/dead-link')![12]).toBe('http://www.example-county.gov.cn/old/zcwj.html');
    expect(details).toHaveLength(doc.findings.length + 1);
    expect(details[1]!.slice(0, 4)).toEqual(['SY-001', '首页不更新', '首页不更新', '单项否决']);

    const stale = texts(book.getWorksheet('栏目不更新')!);
    expect(stale[1]!.slice(0, 3)).toEqual(['LM-001', '扣分', '部门动态']);
    expect(stale[1]).toContain('2025-04-01');
    expect(stale[1]).toContain('80');

    const privacy = texts(book.getWorksheet('个人信息泄露')!);
    expect(privacy).toHaveLength(3);
    expect(privacy[1]![8]).toBe('110105********002X');
    const columns = texts(book.getWorksheet('栏目更新情况')!);
    expect(columns).toHaveLength(doc.columns.length + 1);
  });

  it('links pages, and never writes an unmasked ID, a birth date or a formula', async () => {
    const doc = sampleDocument();
    const evil = { ...doc, findings: doc.findings.map((f, i) => (i === 0 ? { ...f, title: '=HYPERLINK("http://evil.example/","点我")' } : f)) };
    const buffer = await writeInspectXlsx(evil);
    const book = await read(buffer);
    const all: string[] = [];
    let formulas = 0;
    let links = 0;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          all.push(c.text);
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
          if (c.type === ExcelJS.ValueType.Hyperlink) links++;
        }),
      ),
    );
    const text = all.join('\n');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain('1949-12-31');
    expect(text).toContain('=HYPERLINK("http://evil.example/","点我")');
    expect(formulas).toBe(0);
    expect(links).toBeGreaterThan(10);
    // The raw bytes (shared strings inside the zip) hold no ID either: unzip and look.
    const zip = await import('jszip');
    const files = await zip.default.loadAsync(buffer);
    const names = Object.values(files.files).filter((f) => !f.dir);
    expect(names.length).toBeGreaterThan(5);
    for (const f of names) expect(await f.async('string')).not.toContain(ID_NUMBER);
  });
});

describe('writeInspectXlsx with the history', () => {
  it('adds 变化 and 忽略编号 columns, the comparison in 汇总 and a 已整改 sheet', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { recordTwoRuns } = await import('./history-sample.js');
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-xlsx-history-'));
    try {
      const { doc, diff } = recordTwoRuns(dir);
      const book = await read(await writeInspectXlsx(doc, { history: diff }));
      expect(book.worksheets.map((s) => s.name).at(-1)).toBe('已整改');
      const summary = texts(book.getWorksheet('汇总')!);
      expect(summary.find((r) => r[0] === '新增 / 已整改 / 仍存在 / 已复核忽略')![1]).toBe('1 / 1 / 8 / 1');
      const details = texts(book.getWorksheet('问题明细')!);
      expect(details[0]!.slice(-2)).toEqual(['变化', '忽略编号']);
      expect(details).toHaveLength(doc.findings.length); // header + all but the ignored one
      const fresh = details.filter((r) => r.at(-2) === '新增');
      expect(fresh.map((r) => r[11])).toEqual(['privacy/cn-mobile']);
      expect(fresh[0]!.at(-1)).toBe(diff.new[0]!.key);
      expect(texts(book.getWorksheet('已整改')!)[1]).toContain('http://www.example-county.gov.cn/old/ldjs.html');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
