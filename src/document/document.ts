import type { Document as DomDocument } from 'domhandler';
import type { InputFormat } from '../types.js';
import type { Segment } from './segment.js';

/** A source string and its visible text, split into segments that map back to source offsets. */
export interface Document {
  readonly kind: InputFormat;
  /** The checked source; every finding's range points into it. */
  readonly source: string;
  /** Visible text in document order: blocks, then attribute values where they stand. */
  readonly segments: readonly Segment[];
  /** For HTML: the parsed tree, with `startIndex` and `endIndex` (inclusive) set on every node. */
  readonly dom?: DomDocument;
}
