/** A character's layout and components, as the CJK Decomposition Data gives them ("a": across, "d": downwards). */
export interface Decomposition {
  readonly type: string;
  readonly parts: readonly string[];
}

/**
 * A stroke order for characters cnchar lacks: one laid out across or downwards (桯 = 木 beside 呈) is written
 * component by component, its stroke order its components' in turn, where each has one (cnchar's, or one so
 * composed). `decompose` gives a character's (or an intermediate component's) layout; a cycle gives none.
 * Shared by scripts/build-shape-similar.ts and scripts/build-shape-slips.ts.
 */
export function strokeComposer(strokes: ReadonlyMap<string, string>, decompose: (c: string) => Decomposition | undefined): (c: string) => string | undefined {
  const composing = new Set<string>();
  const composed = (c: string): string | undefined => {
    const known = strokes.get(c);
    if (known !== undefined || composing.has(c)) return known;
    const d = decompose(c);
    if (!d || (d.type !== 'a' && d.type !== 'd') || d.parts.length < 2) return undefined;
    composing.add(c);
    let out = '';
    for (const p of d.parts) {
      const s = composed(p);
      if (s === undefined) {
        composing.delete(c);
        return undefined;
      }
      out += s;
    }
    composing.delete(c);
    return out;
  };
  return composed;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment) of two stroke sequences, bounded: more than `max` returns
 * max + 1 (a row whose least value is over `max` ends the count: no later row can be less). Shared by the two
 * shape-table builds.
 */
export function strokeDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length] as number, max + 1);
}
