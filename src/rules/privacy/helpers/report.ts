/**
 * @fileoverview The one report every privacy rule makes for an already-masked value: advisory,
 * at `info`, with `data.masked: true`, so it never counts as a leak whatever the rule's severity.
 */
import type { RuleContext } from '../../../core/rule.js';
import type { Range } from '../../../types.js';

/** Reports the masked value at `range` (source offsets); `what` names it in the message (身份证号码, 手机号码 …). */
export function reportMasked(context: RuleContext<unknown, unknown>, range: Range, what: string, source: string): void {
  context.report({
    range,
    message: `${what}已遮盖，未见泄露；请确认遮盖位数足以防止还原。`,
    expected: [],
    source,
    severity: 'info',
    advisory: true,
    data: { masked: true },
  });
}
