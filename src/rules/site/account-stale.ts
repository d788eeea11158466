import { defineSiteRule } from '../../core/site.js';
import { daysBetween, newest, SOURCE_19 } from './helpers/dates.js';

export interface AccountStaleOptions {
  /** Days within which an account must post. Default 14 (监测时间点前2周内无更新 = 单项否决). */
  readonly threshold: number;
}

/** 政务新媒体 内容不更新 (19号, veto): no post within 14 days before the inspection date. */
export const accountStale = defineSiteRule<AccountStaleOptions>({
  id: 'site/account-stale',
  meta: {
    description: '政务新媒体账号在监测时间点前 14 天内没有发布信息（单项否决）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: { threshold: 14 },
    docs: { wrong: '公众号最近一次推送在一个月前', right: '两周内至少更新一次', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const threshold = options.threshold ?? 14;
    for (const account of site.accounts ?? []) {
      const latest = newest(
        account.posts.map((p) => p.date),
        site.date,
      );
      const days = latest === null ? null : daysBetween(latest, site.date);
      if (days !== null && days <= threshold) continue;
      report({
        page: account.posts.find((p) => p.date === latest)?.url ?? site.url,
        message:
          latest === null
            ? `内容不更新：账号“${account.name}”没有带发布时间的信息，视为监测时间点前 ${threshold} 天内无更新，属单项否决。`
            : `内容不更新：账号“${account.name}”最近一次发布于 ${latest}，距监测时间点 ${days} 天，超过 ${threshold} 天未更新，属单项否决。`,
        expected: [],
        source: SOURCE_19,
        data: { indicator: '内容不更新', veto: true, account: account.name, latest, days, threshold, posts: account.posts.length },
      });
    }
  },
});
