import type { Location, Position } from '../types.js';

/**
 * Converts UTF-16 offsets to 1-based line/column positions. Built once per source in O(n);
 * each lookup is a binary search over line starts. `\r\n`, `\n` and `\r` each end a line.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The position of a 0-based offset; line and column start with 1. */
  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** The location of a half-open range. */
  location(start: number, end: number): Location {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset where 1-based `line` starts (the end of the source past the last line). */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.starts[this.starts.length - 1] ?? 0;
  }
}
