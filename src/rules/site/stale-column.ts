import type { ColumnKind, SiteColumn } from '../../core/site.js';
import { defineSiteRule } from '../../core/site.js';
import { daysBetween, newest, SOURCE_19 } from './helpers/dates.js';

export interface StaleColumnOptions {
  /** Update period in days per column kind; a kind absent here is not judged (unless the register gives a period). */
  readonly periods: Readonly<Partial<Record<ColumnKind, number>>>;
  /** Stale 动态要闻/通知公告/政策文件 columns that together make the 单项否决 (19号 V4). Default 5. */
  readonly vetoCount: number;
}

export const DEFAULT_PERIODS: Readonly<Partial<Record<ColumnKind, number>>> = { news: 14, notice: 183, policy: 183, personnel: 365, planning: 365 };

/** Kinds whose stale columns are counted together for the veto (动态要闻 2 weeks; 通知公告/政策文件 6 months). */
const VETO_KINDS = new Set<ColumnKind>(['news', 'notice', 'policy']);

const KIND_NAMES: Readonly<Record<ColumnKind, string>> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  personnel: '人事类',
  planning: '规划计划类',
  interaction: '互动交流类',
  other: '其他',
};

/** The period a column is judged by: the register's, else its kind's; undefined = not judged. */
export function columnPeriod(column: SiteColumn, periods: StaleColumnOptions['periods'] = DEFAULT_PERIODS): number | undefined {
  return column.period ?? periods[column.kind];
}

/** Whether a column is blank (no items, or only a placeholder): site/blank-column reports it, not this rule. */
export function isBlank(column: SiteColumn): boolean {
  return column.items.length === 0 || column.placeholder === true;
}

/**
 * 栏目不更新 (19号 V4 and the deduction D4): a column whose newest item is older than its period —
 * 动态/要闻 14 days, 通知公告/政策文件 183 days, 人事/规划计划 365 days, or the period the column register
 * gives. Items without a date count as not updated. Blank columns are left to `site/blank-column`
 * (已按空白栏目扣分的不重复扣分). Each stale column is a deduction; when 5 or more 动态要闻/通知公告/政策文件
 * columns are stale, each of them is marked as the veto.
 */
export const staleColumn = defineSiteRule<StaleColumnOptions>({
  id: 'site/stale-column',
  meta: {
    description: '栏目超过更新周期未更新（动态要闻 2 周，通知公告、政策文件 6 个月，人事、规划计划 1 年）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { periods: DEFAULT_PERIODS, vetoCount: 5 },
    docs: { wrong: '“工作动态”栏目最新信息为两个月前', right: '“工作动态”栏目两周内有更新', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const periods = { ...DEFAULT_PERIODS, ...(options.periods ?? {}) };
    const vetoCount = options.vetoCount ?? 5;
    const stale: { column: SiteColumn; latest: string | null; days: number | null; threshold: number }[] = [];
    for (const column of site.columns) {
      const threshold = columnPeriod(column, periods);
      if (threshold === undefined || isBlank(column)) continue;
      const latest = newest(
        column.items.map((i) => i.date),
        site.date,
      );
      const days = latest === null ? null : daysBetween(latest, site.date);
      if (days !== null && days <= threshold) continue;
      stale.push({ column, latest, days, threshold });
    }
    const counted = stale.filter((s) => VETO_KINDS.has(s.column.kind)).length;
    const veto = counted >= vetoCount;
    for (const { column, latest, days, threshold } of stale) {
      const isVeto = veto && VETO_KINDS.has(column.kind);
      const when = latest === null ? '栏目信息均未注明发布日期（视为不更新）' : `最新信息发布于 ${latest}，距监测时间点 ${days} 天`;
      report({
        page: column.url,
        message: `栏目不更新：“${column.title}”（${KIND_NAMES[column.kind]}，更新周期 ${threshold} 天）${when}。${
          isVeto ? `全站共 ${counted} 个动态要闻、通知公告、政策文件类栏目未按期更新，达到单项否决标准（${vetoCount} 个）。` : '属扣分项。'
        }`,
        expected: [],
        source: SOURCE_19,
        data: {
          indicator: '栏目不更新',
          veto: isVeto,
          column: column.title,
          kind: column.kind,
          latest,
          days,
          threshold,
          ...(column.parent ? { parent: column.parent } : {}),
        },
        ...(isVeto ? { severity: 'error' as const } : {}),
      });
    }
  },
});
