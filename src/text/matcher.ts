import { normalize, type FoldOptions } from './normalize.js';

/** One match: a UTF-16 half-open range of the scanned text and the index of the pattern that matched. */
export interface Match {
  readonly start: number;
  readonly end: number;
  /** Index into the `patterns` array given to `createMatcher`. */
  readonly pattern: number;
}

/** Options of `createMatcher`. */
export interface MatcherOptions {
  /** Variant folds applied to patterns and text alike; omitted = exact matching of code units. */
  readonly fold?: FoldOptions;
}

/** A multi-pattern matcher built once and reused for every text. */
export interface Matcher {
  /** Number of patterns it was built from. */
  readonly size: number;
  /** Counts every match, overlapping ones included. */
  count(text: string): number;
  /** Every match, overlapping ones included, ordered by end then by length (longest first); ranges into `text`. */
  findAll(text: string): Match[];
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Pattern indexes ending here, this node's own first. */
  out: number[];
}

/**
 * Builds an Aho-Corasick automaton over UTF-16 code units. Lone surrogates are ordinary units, so
 * they neither split nor crash anything; astral characters are two units matched in sequence.
 */
export function createMatcher(patterns: readonly string[], options: MatcherOptions = {}): Matcher {
  const fold = options.fold;
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  patterns.forEach((raw, index) => {
    const p = fold ? normalize(raw, fold).text : raw;
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let t = (nodes[s] as Node).next.get(c);
      if (t === undefined) {
        t = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: [] });
        (nodes[s] as Node).next.set(c, t);
      }
      s = t;
    }
    (nodes[s] as Node).out.push(index);
  });
  const queue: number[] = [];
  for (const t of (nodes[0] as Node).next.values()) queue.push(t);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const node = nodes[s] as Node;
    for (const [c, t] of node.next) {
      let f = node.fail;
      while (f !== 0 && !(nodes[f] as Node).next.has(c)) f = (nodes[f] as Node).fail;
      const target = (nodes[f] as Node).next.get(c);
      const child = nodes[t] as Node;
      child.fail = target !== undefined && target !== t ? target : 0;
      child.out = child.out.concat((nodes[child.fail] as Node).out);
      queue.push(t);
    }
  }
  const lengths = patterns.map((p) => (fold ? normalize(p, fold).text.length : p.length));

  function scan(text: string, onMatch: (start: number, end: number, pattern: number) => void): void {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = (nodes[s] as Node).next.get(c);
      while (t === undefined && s !== 0) {
        s = (nodes[s] as Node).fail;
        t = (nodes[s] as Node).next.get(c);
      }
      s = t ?? 0;
      for (const p of (nodes[s] as Node).out) onMatch(i + 1 - (lengths[p] as number), i + 1, p);
    }
  }

  return {
    size: patterns.length,
    count(text) {
      const t = fold ? normalize(text, fold).text : text;
      let n = 0;
      scan(t, () => n++);
      return n;
    },
    findAll(text) {
      const matches: Match[] = [];
      if (fold) {
        const norm = normalize(text, fold);
        scan(norm.text, (start, end, pattern) => {
          const [s, e] = norm.map.toOriginal(start, end);
          matches.push({ start: s, end: e, pattern });
        });
      } else {
        scan(text, (start, end, pattern) => matches.push({ start, end, pattern }));
      }
      return matches;
    },
  };
}
