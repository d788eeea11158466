import { describe, expect, it } from 'vitest';
import { renderInspectHtml, escapeHtml } from '../../src/report/html.js';
import { buildInspectReport } from '../../src/report/model.js';
import { ID_NUMBER, INJECTED, MOBILE, sampleDocument } from './sample.js';

describe('buildInspectReport', () => {
  const report = buildInspectReport(sampleDocument());

  it('puts the veto indicator first, then the other veto indicators, then deductions', () => {
    expect(report.indicators[0]).toMatchObject({ name: '首页不更新', vetoCount: 1, verdict: '不合格' });
    expect(report.indicators.slice(1, 4).map((r) => r.name)).toEqual(['栏目不更新', '空白栏目', '互动回应差']);
    expect(report.indicators.find((r) => r.name === '个人信息泄露')).toMatchObject({ count: 2, vetoIndicator: false, verdict: '存在问题' });
    expect(report.verdict).toBe('不合格');
  });

  it('has one 问题明细表 row per finding, numbered per indicator, the veto row first', () => {
    const doc = sampleDocument();
    expect(report.rows).toHaveLength(doc.findings.length);
    expect(report.rows[0]).toMatchObject({ no: 'SY-001', gravity: '单项否决', indicator: '首页不更新' });
    const id = report.rows.find((r) => r.ruleId === 'privacy/cn-id-card')!;
    expect(id.page).toMatch(/\.pdf$/);
    expect(id.parent).toMatch(/t20250501_1\.html$/);
    expect(id.actual).toBe('110105********002X');
    // The inspect crawler's way: `page` is the linking page, `attachment` the file.
    const crawled = buildInspectReport({ ...doc, findings: doc.findings.filter((f) => f.ruleId === 'privacy/cn-id-card').map((f) => ({ ...f, page: 'http://a.gov.cn/list.html', attachment: 'http://a.gov.cn/f.xls', parent: undefined })) });
    expect(crawled.rows[0]).toMatchObject({ page: 'http://a.gov.cn/f.xls', parent: 'http://a.gov.cn/list.html', attachment: 'http://a.gov.cn/f.xls' });
    const dead = report.rows.find((r) => r.ruleId === 'link/dead-link')!;
    expect(dead.pages).toHaveLength(3);
  });

  it('judges columns: blank, stale by threshold or finding, undated, fresh', () => {
    const status = Object.fromEntries(report.columns.map((c) => [c.title.slice(0, 4), c.status]));
    expect(status).toEqual({ 工作动态: '正常', 部门动态: '超期未更新', 通知公告: '正常', 政策文件: '正常', 在线访谈: '空白栏目', 规划计划: '无日期' });
    // A column without days/threshold gets them from its date and kind.
    expect(report.columns.find((c) => c.title === '政策文件')).toMatchObject({ days: 129, threshold: 183 });
  });
});

describe('renderInspectHtml', () => {
  const html = renderInspectHtml(sampleDocument());

  it('never prints an unmasked ID number, mobile number or the rule data behind them', () => {
    expect(html).not.toContain(ID_NUMBER);
    expect(html).not.toContain('19491231');
    expect(html).not.toContain('1949-12-31'); // data.birthDate
    expect(html).not.toContain(MOBILE);
    expect(html).toContain('110105********002X');
    expect(html).toContain('138****5678');
  });

  it('masks personal data in page text the report quotes (a page title)', () => {
    const doc = sampleDocument();
    const withTitle = { ...doc, findings: doc.findings.map((f) => ({ ...f, title: `公示 ${ID_NUMBER}` })) };
    const out = renderInspectHtml(withTitle);
    expect(out).not.toContain(ID_NUMBER);
    expect(out).toContain('110105********002X');
  });

  it('escapes attacker-controlled text and forbids scripts by policy', () => {
    expect(html).not.toContain(INJECTED);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(escapeHtml('<script>window.__pwned=1</script>'));
    expect(html).toContain("default-src 'none'");
  });

  it('links only http(s) URLs', () => {
    const doc = sampleDocument();
    const out = renderInspectHtml({ ...doc, site: { ...doc.site, url: 'javascript:alert(1)' } });
    expect(out).not.toMatch(/href="javascript:/i);
    for (const m of out.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
  });

  it('renders an empty inspection as passed', () => {
    const out = renderInspectHtml({ version: 1, site: { url: 'https://a.gov.cn/', date: '2025-01-01', pages: 1 }, columns: [], findings: [], summary: { total: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {}, veto: {} } });
    expect(out).toContain('未发现单项否决问题');
    expect(out).toContain('未发现问题');
  });
});

describe('renderInspectHtml with the history', () => {
  it('marks rows new or persisting with their keys, lists fixed problems, leaves reviewed findings out', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { recordTwoRuns } = await import('./history-sample.js');
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-report-history-'));
    try {
      const { doc, diff } = recordTwoRuns(dir);
      const report = buildInspectReport(doc, { history: diff });
      expect(report.history).toMatchObject({ previous: '2025-03-20', new: 1, persisting: doc.findings.length - 2, ignored: 1 });
      expect(report.history!.fixed.map((f) => f.page)).toEqual(['http://www.example-county.gov.cn/old/ldjs.html']);
      expect(report.rows).toHaveLength(doc.findings.length - 1);
      expect(report.rows.some((r) => r.ruleId.startsWith('typo/'))).toBe(false);
      expect(report.rows.every((r) => /^[0-9a-f]{16}$/.test(r.key))).toBe(true);
      expect(report.rows.filter((r) => r.change === '新增').map((r) => r.ruleId)).toEqual(['privacy/cn-mobile']);
      expect(report.rows.filter((r) => r.change === '持续')).toHaveLength(doc.findings.length - 2);
      const html = renderInspectHtml(doc, { history: diff });
      expect(html).toContain('与上次检查（2025-03-20）相比');
      expect(html).toContain('五、已整改问题');
      expect(html).toContain(report.rows[0]!.key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('maskInspectDocument', () => {
  it('masks what a JSON or text report writes and drops the birth date an ID number gives away', async () => {
    const { maskInspectDocument } = await import('../../src/report/mask.js');
    const doc = sampleDocument();
    const json = JSON.stringify(maskInspectDocument(doc));
    expect(json).not.toContain(ID_NUMBER);
    expect(json).not.toContain(MOBILE);
    expect(json).not.toContain('1949-12-31');
    expect(json).toContain('110105********002X');
    const id = maskInspectDocument(doc).findings.find((f) => f.ruleId === 'privacy/cn-id-card')!;
    expect(id.data).toMatchObject({ region: '北京市朝阳区', redacted: '110105********002X' });
    expect(id.data).not.toHaveProperty('birthDate');
    // Not a privacy finding: untouched but for masking its strings.
    const stale = maskInspectDocument(doc).findings.find((f) => f.ruleId === 'site/stale-column')!;
    expect(stale).toEqual(doc.findings.find((f) => f.ruleId === 'site/stale-column'));
  });
});

describe('masking across findings', () => {
  it('masks a value a privacy finding hides wherever another finding repeats it', async () => {
    const { pageFindings } = await import('./sample.js');
    // A mistyped ID (bad checksum): found with its label, but not recognisable on its own.
    const bad = '110101199003071237';
    const privacy = pageFindings(`身份证号码：${bad}`, { page: 'http://a.gov.cn/1.html' });
    expect(privacy.map((f) => f.ruleId)).toContain('privacy/cn-id-card');
    const other = { ...sampleDocument().findings.find((f) => f.ruleId === 'site/stale-column')!, message: `栏目里的稿件引用了号码 ${bad}。` };
    const doc = { ...sampleDocument(), findings: [...privacy, other] };
    const html = renderInspectHtml(doc);
    expect(html).not.toContain(bad);
    expect(html).toContain('110101********1237');
  });
});
