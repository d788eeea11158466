import { defineSiteRule } from '../../core/site.js';
import { SOURCE_19 } from './helpers/dates.js';
import { isBlank } from './stale-column.js';

export interface BlankColumnOptions {
  /** Blank columns that make the 单项否决 (19号 V4(3)). Default 5. */
  readonly vetoCount: number;
}

/**
 * 空白栏目 (19号 V4(3)): a column with a title and no content — a list page with no items, or only a
 * placeholder such as 暂无信息 / 正在建设中. Each is reported; 5 or more make the veto.
 */
export const blankColumn = defineSiteRule<BlankColumnOptions>({
  id: 'site/blank-column',
  meta: {
    description: '空白栏目：栏目无任何信息，或只有“暂无信息”等占位文字（5 个及以上单项否决）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { vetoCount: 5 },
    docs: { wrong: '“规划计划”栏目页面显示“暂无信息”', right: '栏目发布相应信息，或撤销、归并该栏目', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const vetoCount = options.vetoCount ?? 5;
    const blank = site.columns.filter(isBlank);
    const veto = blank.length >= vetoCount;
    for (const column of blank) {
      report({
        page: column.url,
        message: `空白栏目：“${column.title}”${column.placeholder ? '只显示占位文字（暂无信息等）' : '没有任何信息'}。${
          veto ? `全站共 ${blank.length} 个空白栏目，达到单项否决标准（${vetoCount} 个）。` : '应发布相应信息，或撤销、归并该栏目。'
        }`,
        expected: [],
        source: SOURCE_19,
        data: { indicator: '空白栏目', veto, column: column.title, kind: column.kind, count: blank.length, ...(column.parent ? { parent: column.parent } : {}) },
        ...(veto ? { severity: 'error' as const } : {}),
      });
    }
  },
});
