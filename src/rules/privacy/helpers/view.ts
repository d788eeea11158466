/**
 * @fileoverview How privacy rules read a segment: width-folded (全角数字 read as digits, zero-width
 * characters dropped) only when the segment holds such characters, so plain text costs nothing.
 * The fold is the same for every privacy rule, so the checker's per-segment cache is shared, and
 * a one-pass census of each segment (digits, mask characters, @, capitals) lets every rule skip
 * the segments that cannot hold its kind of value without running its pattern.
 */
import type { RuleContext } from '../../../core/rule.js';
import type { Segment } from '../../../document/segment.js';
import type { FoldOptions } from '../../../text/normalize.js';

/** Width and zero-width folds only: case and script stay (an `x` check digit, a plate's letters). */
export const PRIVACY_FOLD: FoldOptions = { width: true, case: false, traditional: false, zeroWidth: true, noise: false };

/** A segment's text as privacy rules read it, with the map back to source offsets. */
export interface SegmentView {
  readonly text: string;
  toSource(start: number, end: number): [number, number];
}

/** What a segment holds, counted once for all privacy rules. */
export interface SegmentCensus {
  /** ASCII and full-width digits. */
  readonly digits: number;
  /** `*`, `＊`, `×`, `x`, `X`: mask characters. */
  readonly masks: number;
  /** ASCII and full-width capital letters. */
  readonly capitals: number;
  /** `@` or `＠` present. */
  readonly at: boolean;
  /**
   * Full-width digits, letters, ＠ ＋ － ＊ or zero-width characters present, so the text must be
   * folded. Full-width punctuation (，：（）) is in every Chinese sentence and the patterns handle
   * the brackets they need themselves, so it alone does not trigger the fold.
   */
  readonly fold: boolean;
}

const census = new WeakMap<Segment, SegmentCensus>();

/** The segment's census, computed on first use and kept while the segment lives. */
export function censusOf(segment: Segment): SegmentCensus {
  let c = census.get(segment);
  if (c) return c;
  const text = segment.text;
  let digits = 0;
  let masks = 0;
  let capitals = 0;
  let at = false;
  let fold = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 48 && code <= 57) digits++;
      else if (code >= 65 && code <= 90) {
        capitals++;
        if (code === 88) masks++;
      } else if (code === 42 || code === 120) masks++;
      else if (code === 64) at = true;
    } else if (code >= 0xff01 && code <= 0xff5e) {
      if (code >= 0xff10 && code <= 0xff19) {
        digits++;
        fold = true;
      } else if (code >= 0xff21 && code <= 0xff3a) {
        capitals++;
        fold = true;
      } else if ((code >= 0xff41 && code <= 0xff5a) || code === 0xff0b || code === 0xff0d) fold = true;
      else if (code === 0xff0a) {
        masks++;
        fold = true;
      } else if (code === 0xff20) {
        at = true;
        fold = true;
      }
    } else if (code === 0xd7) masks++;
    else if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) fold = true;
  }
  c = { digits, masks, capitals, at, fold };
  census.set(segment, c);
  return c;
}

/** The segment's text, folded when it needs to be. */
export function viewOf(context: RuleContext<unknown, unknown>, segment: Segment): SegmentView {
  return censusOf(segment).fold ? context.normalized(segment, PRIVACY_FOLD) : segment;
}
