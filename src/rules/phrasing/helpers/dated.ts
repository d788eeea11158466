import type { RuleContext, RuleSetup } from '../../../core/rule.js';
import type { Entry } from '../../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, outdatedFor, patternSetOf, patternUnion, q, statedRange, type PatternSet, type PatternUnion } from '../../../text/patterns.js';

/** A dated rule's entries, scanned in one pass with the other list rules' sets. */
export interface DatedSet {
  readonly set: PatternSet<Entry>;
  readonly union: PatternUnion;
}

/** The set of `entries`, joined to the checker's pattern union (call from `prepare`). */
export function datedSet(entries: readonly Entry[], setup: Pick<RuleSetup<unknown>, 'shared'>): DatedSet {
  const set = patternSetOf(entries);
  const union = patternUnion(setup);
  union.add(set as PatternSet<unknown>);
  return { set, union };
}

/**
 * Reports entries that stopped being right on their `validFrom` day (and, with `validTo`, were
 * superseded again later): judged at the publication day unless the sentence states an earlier date.
 */
export function checkDated(context: RuleContext<unknown, unknown>, dated: DatedSet, describe: (actual: string, e: Entry) => string, skipQuoted = false): void {
  for (const { folded } of foldedSegments(context, 2)) {
    const text = folded.text;
    const found = dated.union.hits(dated.set, folded, context.memo);
    if (found.length === 0) continue;
    const hits = found.filter((h) => {
      const e = h.value;
      if (e.validFrom === undefined || inException(text, h.start, h.pattern, exceptionsOf(e))) return false;
      // "原中国银监会副主席", "时任…", "原县环保局局长", "原××市国土局": the text names the former body or post on
      // purpose (a place's name may stand between 原 and a local body).
      if (/(?:(?:原|前|时任|曾任|原任)(?:[\u3400-\u9fff]{0,8}?[省市县区州旗盟镇乡])?|时)$/u.test(text.slice(Math.max(0, h.start - 12), h.start))) return false;
      // With skipQuoted, a name quoted on its own (“中国银行业监督管理委员会”) is cited, e.g. in a decision that replaces it.
      if (skipQuoted && /[“"‘《]/.test(text[h.start - 1] ?? '') && /[”"’》]/.test(text[h.end] ?? '')) return false;
      // With skipQuoted, a citation keeps its issuer's name as issued: a regulation (文化部令第45号), a
      // document number (卫计委〔2015〕…号) or a title inside 《…》 (《国家卫生计生委关于…的通知》).
      if (skipQuoted && (/^(?:令|〔|\[|［)/.test(text.slice(h.end, h.end + 1)) || text.lastIndexOf('《', h.start) > text.lastIndexOf('》', h.start))) return false;
      return outdatedFor(e.validFrom, e.validTo, context.date, statedRange(text, h.start, context.date));
    });
    for (const h of longestNonOverlapping(hits)) {
      const e = h.value;
      const range = folded.toSource(h.start, h.end);
      const actual = context.source.slice(range[0], range[1]);
      context.report({
        range,
        message: describe(actual, e),
        expected: [...e.expected],
        entryId: e.id,
        source: e.source,
        ...(e.note ? { note: e.note } : {}),
        ...(e.severity ? { severity: e.severity } : {}),
      });
    }
  }
}

/** "自YYYY年M月D日起" for messages. */
export function since(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export { q };
