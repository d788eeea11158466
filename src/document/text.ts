import type { Document } from './document.js';
import { Segment } from './segment.js';

/**
 * Splits plain text into one segment per line: a line is the unit a CMS editor shows as a paragraph,
 * and a term broken across lines is not something an inspector would cite. Empty lines are skipped.
 */
export function parseText(source: string): Document {
  const segments: Segment[] = [];
  let start = 0;
  const n = source.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i > start) segments.push(Segment.verbatim(source.slice(start, i), start));
    if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return { kind: 'text', source, segments };
}
