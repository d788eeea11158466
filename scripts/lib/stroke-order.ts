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
