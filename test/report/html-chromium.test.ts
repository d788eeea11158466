/**
 * The HTML inspection report opened in a real headless Chromium (Debian's, installed by
 * scripts/test-setup.sh): what an inspector sees, not what the string contains.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInspectHtml } from '../../src/report/html.js';
import { hasChromium, launchChromium, CHROMIUM } from '../helpers/chromium.js';
import { recordTwoRuns } from './history-sample.js';
import { ID_NUMBER, MOBILE, sampleDocument } from './sample.js';

describe('the HTML report in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-report-'));
  const file = join(dir, 'report.html');
  const historyFile = join(dir, 'report-history.html');
  const doc = sampleDocument();
  const errors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium()) throw new Error(`${CHROMIUM} is missing: run scripts/test-setup.sh`);
    writeFileSync(file, renderInspectHtml(doc));
    const second = recordTwoRuns(dir);
    writeFileSync(historyFile, renderInspectHtml(second.doc, { history: second.diff }));
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(path = file) {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path).href);
    return { page, requests };
  }

  it('shows the summary with the veto row first, its counts and the verdict', async () => {
    const { page } = await open();
    expect(await page.title()).toContain('某某县人民政府');
    const rows = page.locator('#indicators tbody tr');
    expect(await rows.count()).toBe(8);
    const first = rows.first();
    await expect.poll(() => first.locator('td.name').innerText()).toBe('首页不更新');
    expect(await first.locator('td.verdict').innerText()).toContain('不合格');
    expect(await first.locator('td.name').evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(td).color)).toBe('rgb(179, 18, 27)');
    expect(await page.locator('#verdict .big').innerText()).toBe('不合格');
    const counts = await page.locator('#counts .stat').allInnerTexts();
    expect(counts.map((t) => t.replace(/\s+/g, ''))).toEqual(['1单项否决', '6扣分项', '2预警', '0提示', '9问题总数']);
    await page.close();
  });

  it('shows one 问题明细表 row per finding with the attachment, its parent page and masked data', async () => {
    const { page } = await open();
    const findings = page.locator('#details tr.finding');
    expect(await findings.count()).toBe(doc.findings.length);
    expect(await findings.first().locator('td.no').innerText()).toBe('SY-001');
    const headers = await page.locator('#details thead th').allInnerTexts();
    expect(headers).toEqual(['问题编号', '问题类型', '页面地址', '父页面', '问题描述', '建议', '严重程度']);
    const id = page.locator('#details tr[data-rule="privacy/cn-id-card"]');
    const cells = await id.locator('td').allInnerTexts();
    expect(cells[1]).toContain('泄露身份证号码');
    expect(cells[2]).toContain('P020250501.pdf');
    expect(cells[3]).toContain('t20250501_1.html');
    expect(cells[4]).toContain('110105********002X');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
    // The dead link is one row, with its other pages folded away.
    const dead = page.locator('#details tr[data-rule="link/dead-link"]');
    expect(await dead.count()).toBe(1);
    expect(await dead.locator('details.pages summary').innerText()).toBe('另有 2 个页面');
    expect(await dead.locator('td.desc a').first().getAttribute('href')).toBe('http://www.example-county.gov.cn/old/zcwj.html');
    await page.close();
  });

  it('runs no injected script and shows the injected text as text', async () => {
    const { page, requests } = await open();
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img, iframe').count()).toBe(0);
    expect(await page.locator('#columns').innerText()).toContain('在线访谈<script>window.__pwned=1</script>');
    // Self-contained: nothing but the file itself is loaded.
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the columns, stale and blank ones first, with working links', async () => {
    const { page } = await open();
    const rows = await page.locator('#columns tbody tr').allInnerTexts();
    expect(rows).toHaveLength(6);
    expect(rows[0]).toContain('空白栏目');
    expect(rows[1]).toContain('部门动态');
    expect(rows[1]).toContain('超期未更新');
    const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h).toMatch(/^http:\/\/www\.example-county\.gov\.cn\//);
    await page.close();
  });

  it('with the history: the comparison line, new rows tagged with their keys, the fixed list', async () => {
    const { page } = await open(historyFile);
    expect(await page.locator('#history').innerText()).toBe('与上次检查（2025-03-20）相比：新增问题 1 个，已整改 1 个，仍存在 8 个，已复核忽略 1 个。');
    const fresh = page.locator('#details tr.finding', { has: page.locator('.tag.new') });
    expect(await fresh.count()).toBe(1);
    expect(await fresh.getAttribute('data-rule')).toBe('privacy/cn-mobile');
    expect(await fresh.locator('td.no .key').innerText()).toMatch(/^[0-9a-f]{16}$/);
    expect(await fresh.innerText()).toContain('139****5678');
    expect(await page.locator('#details tr[data-rule^="typo/"]').count()).toBe(0);
    expect(await page.locator('#fixed tbody tr').allInnerTexts()).toEqual([expect.stringContaining('old/ldjs.html')]);
    await page.setViewportSize({ width: 1280, height: 900 });
    if (process.env.SHENJIAO_SCREENSHOT) await page.screenshot({ path: process.env.SHENJIAO_SCREENSHOT, fullPage: true });
    await page.close();
  });
});
