import type { Segmenter } from '../types.js';

/** A stretch of a text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans sorted by start, asked which overlap [s, e): only those starting within the longest span's
 * length before `s` are read (binary search), so asking for every hit of a text stays linear however many
 * hits it holds (a megabyte of one formula repeated gives tens of thousands). `test` picks among the
 * overlapping ones; without it any overlap answers.
 */
export function overlapIndex<T extends Span>(spans: readonly T[]): (s: number, e: number, test?: (span: T) => boolean) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const x of sorted) longest = Math.max(longest, x.end - x.start);
  return (s, e, test) => {
    let lo = 0;
    let hi = sorted.length;
    const from = s - longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as T).start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const x = sorted[i] as T;
      if (x.start >= e) break;
      if (x.end > s && (!test || test(x))) return true;
    }
    return false;
  };
}

/**
 * The word boundaries the segmenter puts around [start, end), read from the window `reach` characters
 * either side (cut at the text's ends): the window's start and every word end in it.
 */
export function cutsAround(text: string, start: number, end: number, segmenter: Segmenter, reach: number): Set<number> {
  const from = Math.max(0, start - reach);
  const out = new Set<number>([from]);
  let p = from;
  for (const w of segmenter(text.slice(from, Math.min(text.length, end + reach)))) out.add((p += w.length));
  return out;
}
