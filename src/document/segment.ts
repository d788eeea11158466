import { OffsetMap } from '../text/offset-map.js';

/** What part of a document a segment's text comes from. */
export type SegmentKind = 'block' | 'attribute';

/**
 * A run of visible text that rules check on its own: one paragraph or block, or one attribute value.
 * Matches never span two segments. `map` takes a range of `text` back to the exact source range.
 */
export class Segment {
  constructor(
    /** The visible text, entities decoded and tags removed. */
    readonly text: string,
    /** Maps `text` ranges to source ranges. */
    readonly map: OffsetMap,
    readonly kind: SegmentKind = 'block',
    /** The HTML element the text belongs to (lower case), where known. */
    readonly tag?: string,
    /** For attribute segments: the attribute's name (`alt`, `title`). */
    readonly attribute?: string,
  ) {}

  /** A segment whose text is the source itself from `offset` on. */
  static verbatim(text: string, offset: number, kind: SegmentKind = 'block', tag?: string, attribute?: string): Segment {
    return new Segment(text, OffsetMap.identity(text.length, offset), kind, tag, attribute);
  }

  /** Maps a half-open range of `text` (UTF-16) to the half-open source range it came from. */
  toSource(start: number, end: number): [number, number] {
    return this.map.toOriginal(start, end);
  }
}
