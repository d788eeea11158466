import type { SiteMessage } from '../../core/site.js';
import { defineSiteRule } from '../../core/site.js';
import { daysBetween, monthsBefore, SOURCE_19, workingDaysBetween } from './helpers/dates.js';

export interface UnansweredMessageOptions {
  /** Working days (Monday–Friday) within which a message must be answered. Default 15 (local rules say 3, 5, 7 or 15). */
  readonly workingDays: number;
  /** Months after which an unanswered message is the 单项否决 (19号 V5). Default 3. */
  readonly vetoMonths: number;
  /** Only messages left within this many days before the inspection date are judged. Default 365. */
  readonly windowDays: number;
}

/**
 * 互动回应差 (19号 V5 and D8a): on an interaction (互动) list that shows 留言时间 and 答复时间 or a status,
 * messages not answered within the configured working days — still open, or answered late. One finding
 * per column; a message left open more than 3 months (within the past year) makes it the veto.
 */
export const unansweredMessage = defineSiteRule<UnansweredMessageOptions>({
  id: 'site/unanswered-message',
  meta: {
    description: '互动留言超过规定时限未答复（超过 3 个月未答复单项否决）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { workingDays: 15, vetoMonths: 3, windowDays: 365 },
    docs: { wrong: '2 月的群众留言至 6 月仍显示“未回复”', right: '留言在规定工作日内答复并公开', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const workingDays = options.workingDays ?? 15;
    const vetoBefore = monthsBefore(site.date, options.vetoMonths ?? 3);
    const windowDays = options.windowDays ?? 365;
    const byColumn = new Map<string, { page: string; pending: SiteMessage[]; late: SiteMessage[] }>();
    for (const m of site.messages) {
      if (m.asked > site.date || daysBetween(m.asked, site.date) > windowDays) continue;
      const answered = m.answered !== null || m.status === 'answered';
      let group = byColumn.get(m.column);
      const add = (list: 'pending' | 'late') => {
        if (!group) byColumn.set(m.column, (group = { page: m.page, pending: [], late: [] }));
        group[list].push(m);
      };
      if (!answered) {
        if (workingDaysBetween(m.asked, site.date) > workingDays) add('pending');
      } else if (m.answered !== null && workingDaysBetween(m.asked, m.answered) > workingDays) add('late');
    }
    for (const [column, { page, pending, late }] of [...byColumn].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const all = [...pending, ...late];
      const oldest = all.map((m) => m.asked).sort()[0]!;
      const oldestPending = pending.map((m) => m.asked).sort()[0];
      const veto = oldestPending !== undefined && oldestPending < vetoBefore;
      const days = daysBetween(oldestPending ?? oldest, site.date);
      const parts = [
        pending.length > 0 ? `${pending.length} 条留言超过 ${workingDays} 个工作日仍未答复（最早一条留言于 ${oldestPending}，已 ${days} 天）` : '',
        late.length > 0 ? `${late.length} 条留言答复超过 ${workingDays} 个工作日` : '',
      ].filter(Boolean);
      report({
        page,
        message: `互动回应差：“${column}”${parts.join('；')}。${veto ? `有留言超过 ${options.vetoMonths ?? 3} 个月未答复，属单项否决。` : '应在规定时限内答复并公开。'}`,
        expected: [],
        source: SOURCE_19,
        data: {
          indicator: '互动回应差',
          veto,
          column,
          count: all.length,
          pending: pending.length,
          late: late.length,
          oldest: oldestPending ?? oldest,
          days,
          workingDays,
        },
        ...(veto ? { severity: 'error' as const } : {}),
      });
    }
  },
});
