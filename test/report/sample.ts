/**
 * A realistic inspect document of a county portal, as `shenjiao inspect --format json` prints it: site
 * findings from the site rules (with `data.indicator` and `data.veto`), page findings from the real
 * checker with `page` and `title`, an ID number found in a PDF attachment, a dead link reported once
 * for the site, and attacker-controlled page text trying to inject markup.
 */
import { createChecker } from '../../src/index.js';
import type { InspectDocument } from '../../src/core/site.js';
import type { Finding } from '../../src/types.js';

export const SITE = 'http://www.example-county.gov.cn/';
export const ID_NUMBER = '11010519491231002X';
export const MOBILE = '13812345678';
export const INJECTED = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

const checker = createChecker();

function siteFinding(ruleId: Finding['ruleId'], page: string, message: string, data: Record<string, unknown>, severity: Finding['severity'] = 'error'): Finding {
  return {
    ruleId,
    severity,
    message,
    range: [0, 0],
    loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    actual: '',
    expected: [],
    data,
    page,
  } as Finding;
}

function onPage(findings: readonly Finding[], extra: Record<string, unknown>): Finding[] {
  return findings.map((f) => ({ ...f, ...extra }) as Finding);
}

/** Page findings of the real checker on `text`, carrying `page` and the page `title`. */
export function pageFindings(text: string, extra: Record<string, unknown>): Finding[] {
  return onPage(checker.check(text, { date: '2025-06-20' }), extra);
}

export function sampleDocument(): InspectDocument {
  const privacy = pageFindings(`招聘拟录用人员公示：王某，身份证号码${ID_NUMBER}，联系电话${MOBILE}。`, {
    page: `${SITE}zwgk/rsxx/202505/P020250501.pdf`,
    title: '2025年公开招聘拟录用人员公示',
    attachment: `${SITE}zwgk/rsxx/202505/P020250501.pdf`,
    parent: `${SITE}zwgk/rsxx/202505/t20250501_1.html`,
  });
  const typo = pageFindings('全县上下要认真贯彻落实，按步就班推进各项工作。', {
    page: `${SITE}xwzx/gzdt/202506/t20250610_2.html`,
    title: `工作动态 ${INJECTED}`,
  });
  const injected: Finding = {
    ...siteFinding('site/blank-column', `${SITE}hdjl/zxft/`, `空白栏目：“在线访谈${INJECTED}”没有任何信息。`, {
      indicator: '空白栏目',
      veto: false,
      column: `在线访谈${INJECTED}`,
      kind: 'interaction',
      count: 1,
      parent: SITE,
    }),
  };
  const findings: Finding[] = [
    siteFinding('site/stale-column', `${SITE}xwzx/bmdt/`, '栏目不更新：“部门动态”最新信息日期为 2025-04-01，距监测时间点 80 天，超过更新周期 14 天。', {
      indicator: '栏目不更新',
      veto: false,
      column: '部门动态',
      latest: '2025-04-01',
      days: 80,
      threshold: 14,
    }),
    siteFinding('site/homepage-stale', SITE, '首页不更新：首页最新信息日期为 2025-05-20，距监测时间点 31 天，超过 14 天。属单项否决。', {
      indicator: '首页不更新',
      veto: true,
      latest: '2025-05-20',
      days: 31,
      threshold: 14,
    }),
    injected,
    siteFinding('site/unanswered-message', `${SITE}hdjl/zxts/`, '互动回应差：“县长信箱”有 2 条留言超过 15 个工作日未答复。应在规定时限内答复并公开。', {
      indicator: '互动回应差',
      veto: false,
      column: '县长信箱',
      count: 2,
      oldest: '2025-05-06',
      days: 45,
    }, 'warning'),
    siteFinding('site/duplicate-article', `${SITE}xwzx/gzdt/202506/t20250601_1.html`, '重复发布：同一稿件“我县召开安全生产工作会议”以 2 个网址发布（正文相似度 97%）。', {
      indicator: '重复发布',
      veto: false,
      pages: [`${SITE}xwzx/gzdt/202506/t20250601_1.html`, `${SITE}xwzx/bmdt/202506/t20250602_3.html`],
      similarity: 0.97,
    }, 'warning'),
    {
      ...siteFinding('link/dead-link', `${SITE}index.html`, '链接不可用：http://www.example-county.gov.cn/old/zcwj.html 返回 404。', { status: 404, pages: [`${SITE}index.html`, `${SITE}zwgk/`, `${SITE}xwzx/`] }),
      target: { kind: 'link', src: `${SITE}old/zcwj.html` },
      title: '某某县人民政府',
    } as Finding,
    ...privacy,
    ...typo,
  ];
  return {
    version: 1,
    site: { url: SITE, date: '2025-06-20', pages: 512, title: '某某县人民政府' },
    columns: [
      { url: `${SITE}xwzx/gzdt/`, title: '工作动态', kind: 'news', items: 120, latest: '2025-06-18', days: 2, threshold: 14, parent: SITE },
      { url: `${SITE}xwzx/bmdt/`, title: '部门动态', kind: 'news', items: 48, latest: '2025-04-01', days: 80, threshold: 14, parent: SITE },
      { url: `${SITE}zwgk/tzgg/`, title: '通知公告', kind: 'notice', items: 36, latest: '2025-03-02', days: 110, threshold: 183, parent: SITE },
      { url: `${SITE}zwgk/zcwj/`, title: '政策文件', kind: 'policy', items: 20, latest: '2025-02-11' },
      { url: `${SITE}hdjl/zxft/`, title: `在线访谈${INJECTED}`, kind: 'interaction', items: 0, latest: null, days: null, parent: SITE },
      { url: `${SITE}zwgk/ghjh/`, title: '规划计划', kind: 'planning', items: 3, latest: null },
    ],
    findings,
    summary: { total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {}, veto: { 'site/homepage-stale': 1 } },
  };
}
