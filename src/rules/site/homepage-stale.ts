import { defineSiteRule } from '../../core/site.js';
import { daysBetween, newest, SOURCE_19 } from './helpers/dates.js';

export interface HomepageStaleOptions {
  /** Days within which the home page must show a new item. Default 14 (19号: 监测时间点前2周内). */
  readonly threshold: number;
}

/**
 * 首页不更新 (19号 单项否决 V3): the home page shows no item dated within 14 days of the inspection date.
 * Undated items count as not updated. A home page that is only a navigation entry (no dated items of
 * its own) is judged by its columns' newest items, as the indicator says.
 */
export const homepageStale = defineSiteRule<HomepageStaleOptions>({
  id: 'site/homepage-stale',
  meta: {
    description: '首页在监测时间点前 14 天内没有新发布的信息（单项否决）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: { threshold: 14 },
    docs: { wrong: '首页最新信息为两个月前', right: '首页两周内有新发布的信息', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const threshold = options.threshold ?? 14;
    // Nothing of a site was read (an account-only model): nothing to judge.
    if (site.pages.length === 0 && site.homeItems.length === 0 && site.columns.length === 0) return;
    const own = site.homeItems.length > 0;
    const dates = own ? site.homeItems.map((i) => i.date) : site.columns.flatMap((c) => c.items.map((i) => i.date));
    const latest = newest(dates, site.date);
    const days = latest === null ? null : daysBetween(latest, site.date);
    if (days !== null && days <= threshold) return;
    report({
      page: site.url,
      message:
        latest === null
          ? `首页不更新：首页未找到带发布日期的信息（未注明发布时间的视为不更新），监测时间点前 ${threshold} 天内无更新，属单项否决指标。`
          : `首页不更新：首页最新信息发布于 ${latest}，距监测时间点 ${days} 天，超过 ${threshold} 天未更新，属单项否决指标。`,
      expected: [],
      source: SOURCE_19,
      note: '首页（或仅作导航的首页所链接的二级页面）应在监测时间点前 2 周内有新发布的信息。',
      data: { indicator: '首页不更新', veto: true, latest, days, threshold, basis: own ? 'home' : 'columns' },
    });
  },
});
