import { describe, expect, it } from 'vitest';
import type { SiteArticle, SiteColumn, SiteModel } from '../../src/core/site.js';
import { runSiteRules } from '../../src/inspect/site-runner.js';
import { daysBetween, monthsBefore, workingDaysBetween } from '../../src/rules/site/helpers/dates.js';
import { hamming, normalizeBody, shingles, simhash } from '../../src/rules/site/helpers/simhash.js';

const DATE = '2026-06-30';

function model(parts: Partial<SiteModel>): SiteModel {
  return { url: 'http://gov.test/', date: DATE, pages: [], homeItems: [], columns: [], articles: [], messages: [], ...parts };
}

function column(title: string, kind: SiteColumn['kind'], dates: (string | null)[], extra: Partial<SiteColumn> = {}): SiteColumn {
  const items = dates.map((date, i) => ({ url: `http://gov.test/${encodeURIComponent(title)}/${i}.html`, title: `${title}${i}`, date }));
  const latest = dates.filter((d): d is string => !!d).sort().pop() ?? null;
  return { url: `http://gov.test/${encodeURIComponent(title)}/`, title, kind, items, latest, ...extra };
}

const only = (id: string, site: SiteModel, settings = {}) => runSiteRules(site, settings).filter((f) => f.ruleId === id);

describe('dates', () => {
  it('counts days, working days and calendar months', () => {
    expect(daysBetween('2026-06-16', DATE)).toBe(14);
    expect(workingDaysBetween('2026-06-26', '2026-07-03')).toBe(5); // Fri → next Fri
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
  });
});

describe('site/homepage-stale', () => {
  it('passes at 14 days and fails at 15, with the veto in data', () => {
    expect(only('site/homepage-stale', model({ homeItems: [{ url: 'u', title: 't', date: '2026-06-16' }] }))).toEqual([]);
    const [f] = only('site/homepage-stale', model({ homeItems: [{ url: 'u', title: 't', date: '2026-06-15' }, { url: 'v', title: 't', date: null }] }));
    expect(f).toMatchObject({ severity: 'error', page: 'http://gov.test/', range: [0, 0], data: { latest: '2026-06-15', days: 15, threshold: 14, veto: true, indicator: '首页不更新' } });
  });
  it('counts undated and future-dated items as not updated; a navigation-only home page is judged by its columns', () => {
    expect(only('site/homepage-stale', model({ homeItems: [{ url: 'u', title: 't', date: null }, { url: 'w', title: 'x', date: '2027-01-01' }] }))[0]?.data).toMatchObject({ latest: null });
    expect(only('site/homepage-stale', model({ columns: [column('工作动态', 'news', ['2026-06-29'])] }))).toEqual([]);
  });
  it('takes a threshold option and can be turned off', () => {
    const site = model({ homeItems: [{ url: 'u', title: 't', date: '2026-06-20' }] });
    expect(only('site/homepage-stale', site, { 'site/homepage-stale': ['error', { threshold: 7 }] })).toHaveLength(1);
    expect(only('site/homepage-stale', model({ pages: [{ url: 'http://gov.test/', status: 200 }] }))).toHaveLength(1);
    expect(only('site/homepage-stale', model({ pages: [{ url: 'http://gov.test/', status: 200 }] }), { 'site/homepage-stale': 'off' })).toEqual([]);
  });
});

describe('site/stale-column', () => {
  it('applies each kind its period and leaves fresh and unjudged columns alone', () => {
    const site = model({
      columns: [
        column('工作动态', 'news', ['2026-06-10', '2026-05-01']), // 20 d > 14
        column('部门动态', 'news', ['2026-06-20']), // fresh
        column('通知公告', 'notice', ['2026-01-01']), // 180 d ≤ 183
        column('政策文件', 'policy', ['2025-12-01']), // 211 d
        column('人事信息', 'personnel', ['2025-08-01']), // 333 d ≤ 365
        column('规划计划', 'planning', ['2025-06-01']), // 394 d
        column('机构概况', 'other', ['2020-01-01']),
        column('图片新闻', 'news', [null, null]), // undated = not updated
      ],
    });
    const found = only('site/stale-column', site);
    expect(found.map((f) => f.data!.column).sort()).toEqual(['图片新闻', '工作动态', '政策文件', '规划计划']);
    const policy = found.find((f) => f.data!.column === '政策文件')!;
    expect(policy).toMatchObject({ severity: 'warning', page: site.columns[3]!.url, data: { latest: '2025-12-01', days: 211, threshold: 183, veto: false } });
  });
  it('a register period overrides the kind; blank columns are left to site/blank-column', () => {
    const site = model({ columns: [column('统计数据', 'other', ['2026-03-01'], { period: 90 }), column('空', 'news', [])] });
    expect(only('site/stale-column', site).map((f) => f.data!.column)).toEqual(['统计数据']);
  });
  it('five stale news/notice/policy columns make the veto', () => {
    const cols = ['一', '二', '三', '四', '五'].map((n) => column(`${n}动态`, 'news', ['2026-01-01']));
    const found = only('site/stale-column', model({ columns: cols }));
    expect(found).toHaveLength(5);
    expect(found.every((f) => f.data!.veto === true && f.severity === 'error')).toBe(true);
    expect(only('site/stale-column', model({ columns: cols.slice(0, 4) })).every((f) => f.data!.veto === false)).toBe(true);
  });
  it('periods are configurable', () => {
    const site = model({ columns: [column('工作动态', 'news', ['2026-06-10'])] });
    expect(only('site/stale-column', site, { 'site/stale-column': ['warning', { periods: { news: 30 } }] })).toEqual([]);
  });
});

describe('site/blank-column', () => {
  it('reports empty and placeholder-only columns, and the veto at five', () => {
    const site = model({ columns: [column('规划计划', 'planning', []), column('人事信息', 'personnel', [], { placeholder: true }), column('动态', 'news', ['2026-06-29'])] });
    const found = only('site/blank-column', site);
    expect(found.map((f) => f.data!.column)).toEqual(['规划计划', '人事信息']);
    expect(found[1]!.message).toContain('占位');
    expect(found[0]!.data).toMatchObject({ veto: false, indicator: '空白栏目' });
    const five = model({ columns: ['a', 'b', 'c', 'd', 'e'].map((n) => column(n, 'other', [])) });
    expect(only('site/blank-column', five).every((f) => f.data!.veto && f.severity === 'error')).toBe(true);
  });
});

const STORY =
  '6月12日，县人民政府召开常务会议，研究部署安全生产、防汛抗旱和乡村振兴重点工作。会议指出，当前正值主汛期，各乡镇、各部门要坚持人民至上、生命至上，' +
  '压紧压实防汛责任，加强隐患排查，做好应急物资储备和值班值守工作。会议强调，要抓好高标准农田建设和粮食生产，落实耕地保护责任，' +
  '持续推进农村人居环境整治提升，确保各项任务按期完成。会议还研究了其他事项，要求各责任单位按照职责分工抓好落实，及时报送工作进展情况。';
const OTHER =
  '为进一步优化营商环境，县市场监督管理局近日开展“局长走流程”活动，局领导以普通办事群众身份，体验企业开办、食品经营许可等事项的办理流程。' +
  '活动中发现材料重复提交、线上线下标准不一致等问题六项，已当场交办整改。下一步，该局将持续推进“一网通办”，压缩办理时限，提升群众满意度。' +
  '同时建立问题台账，实行销号管理，确保整改到位，切实让企业和群众办事更加便捷高效。';
const TEMPLATE = '\n打印本页 关闭窗口\n主办单位：某某县人民政府办公室 承办单位：某某县大数据中心 地址：某某县人民路1号 邮编：000000 网站标识码：1234567890 ICP备案号：某ICP备12345678号\n';

function article(url: string, text: string, extra: Partial<SiteArticle> = {}): SiteArticle {
  return { url, title: url, text, ...extra };
}

describe('site/duplicate-article', () => {
  it('the SimHash of a story with a 来源/编辑 line and changed punctuation stays close; unrelated stories are far', () => {
    const a = simhash(shingles(normalizeBody(STORY)));
    const b = simhash(shingles(normalizeBody(`${STORY.replace(/，/g, ',').replace(/。/g, '.')}\n（来源：县政府办 编辑：王五）\n责任编辑：李四`)));
    const c = simhash(shingles(normalizeBody(OTHER)));
    expect(hamming(a, b)).toBeLessThanOrEqual(3);
    expect(hamming(a, c)).toBeGreaterThan(16);
  });
  it('finds the pair despite an added source line and punctuation edits, reports it once with sorted pages', () => {
    const site = model({
      articles: [
        article('http://gov.test/b/2.html', `${STORY}\n来源：县政府办\n编辑：王五${TEMPLATE}`, { date: '2026-06-20' }),
        article('http://gov.test/a/1.html', `${STORY.replace(/，/g, ', ')}${TEMPLATE}`, { date: '2026-06-12' }),
        article('http://gov.test/c/3.html', `${OTHER}${TEMPLATE}`),
      ],
    });
    const found = only('site/duplicate-article', site);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ page: 'http://gov.test/a/1.html', data: { pages: ['http://gov.test/a/1.html', 'http://gov.test/b/2.html'], redated: true, veto: false } });
    expect(found[0]!.data!.similarity).toBeGreaterThanOrEqual(0.8);
  });
  it('is not triggered by a shared template, reposts marked 转载, or short notices', () => {
    const filler = (n: number) => `${'第'.repeat(1)}${n}号通知：${OTHER.slice(n * 7, n * 7 + 40)}`;
    const templated = model({ articles: [1, 2, 3, 4, 5].map((n) => article(`http://gov.test/t/${n}.html`, `${filler(n)}${TEMPLATE}${TEMPLATE}`)) });
    expect(only('site/duplicate-article', templated)).toEqual([]);
    const reposted = model({ articles: [article('http://gov.test/a.html', STORY), article('http://gov.test/b.html', STORY, { reposted: true })] });
    expect(only('site/duplicate-article', reposted)).toEqual([]);
    const short = '关于端午节放假安排的通知：6月19日至21日放假，共3天。';
    expect(only('site/duplicate-article', model({ articles: [article('http://gov.test/x.html', short), article('http://gov.test/y.html', short)] }))).toEqual([]);
  });
  it('different stories with the same template and opening stay apart', () => {
    const site = model({ articles: [article('http://gov.test/1.html', `${STORY}${TEMPLATE}`), article('http://gov.test/2.html', `${STORY.slice(0, 60)}${OTHER}${TEMPLATE}`)] });
    expect(only('site/duplicate-article', site)).toEqual([]);
  });
});

describe('site/unanswered-message', () => {
  const msg = (asked: string, answered: string | null, status?: 'answered' | 'pending') => ({ page: 'http://gov.test/hd/', column: '书记信箱', asked, answered, ...(status ? { status } : {}) });
  it('reports open messages past the working-day limit per column, the veto beyond three months', () => {
    const site = model({ messages: [msg('2026-06-25', null), msg('2026-05-01', null, 'pending'), msg('2026-03-10', null), msg('2026-03-01', '2026-03-05'), msg('2026-04-01', null, 'answered')] });
    const [f, ...rest] = only('site/unanswered-message', site);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', page: 'http://gov.test/hd/', data: { column: '书记信箱', count: 2, pending: 2, oldest: '2026-03-10', veto: true } });
  });
  it('a late reply is a deduction, not the veto; messages older than a year are not judged', () => {
    const site = model({ messages: [msg('2026-05-01', '2026-06-20'), msg('2025-01-01', null)] });
    const [f] = only('site/unanswered-message', site);
    expect(f).toMatchObject({ severity: 'warning', data: { late: 1, pending: 0, veto: false } });
    expect(only('site/unanswered-message', site, { 'site/unanswered-message': ['warning', { workingDays: 60 }] })).toEqual([]);
  });
});

describe('site/account-stale', () => {
  it('reports an account with no post in 14 days as the veto', () => {
    const site = model({
      accounts: [
        { name: '某某发布', posts: [{ title: 'a', date: '2026-06-01', url: 'https://mp.test/a' }, { title: 'b', date: '2026-05-01' }] },
        { name: '活跃号', posts: [{ date: '2026-06-29' }] },
      ],
    });
    const found = only('site/account-stale', site);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', page: 'https://mp.test/a', data: { account: '某某发布', latest: '2026-06-01', days: 29, veto: true } });
  });
});
