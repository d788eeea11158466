/**
 * @fileoverview How privacy rules read a segment: width-folded (全角数字 read as digits, zero-width
 * characters dropped) only when the segment holds such characters, so plain text costs nothing.
 * The fold is the same for every privacy rule, so the checker's per-segment cache is shared.
 */
import type { RuleContext } from '../core/rule.js';
import type { Segment } from '../document/segment.js';
import type { FoldOptions } from '../text/normalize.js';

/** Width and zero-width folds only: case and script stay (an `x` check digit, a plate's letters). */
export const PRIVACY_FOLD: FoldOptions = { width: true, case: false, traditional: false, zeroWidth: true, noise: false };

/** Full-width ASCII, the ideographic space and zero-width characters. */
const NEEDS_FOLD = /[\uff01-\uff5e\u3000\u00ad\u200b-\u200d\u2060\ufeff]/;

/** A segment's text as privacy rules read it, with the map back to source offsets. */
export interface SegmentView {
  readonly text: string;
  toSource(start: number, end: number): [number, number];
}

/** The segment's text, folded when it needs to be. */
export function viewOf(context: RuleContext<unknown, unknown>, segment: Segment): SegmentView {
  if (!NEEDS_FOLD.test(segment.text)) return segment;
  return context.normalized(segment, PRIVACY_FOLD);
}

/** Whether the segment can hold a candidate at all: an ASCII or full-width digit. */
export function hasDigit(text: string): boolean {
  return /[0-9\uff10-\uff19]/.test(text);
}
