import { buildAutomaton, type Automaton } from './automaton.js';
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
  /** Counts every match, overlapping ones included. Without folds it allocates nothing. */
  count(text: string): number;
  /** Every match, overlapping ones included, ordered by end then by length (longest first); ranges into `text`. */
  findAll(text: string): Match[];
}

/**
 * Builds an Aho-Corasick automaton over UTF-16 code units (see `automaton.ts` for the table layout).
 * Equal patterns are each reported; an empty pattern never matches. Astral characters are two
 * units matched in sequence; lone surrogates are ordinary units, and no match splits a surrogate
 * pair of the text. With `fold`, patterns and text go through the shared normalizer and ranges map
 * back to the original text.
 */
export function createMatcher(patterns: readonly string[], options: MatcherOptions = {}): Matcher {
  const fold = options.fold;
  const automaton: Automaton = buildAutomaton(fold ? patterns.map((p) => normalize(p, fold).text) : patterns);
  if (!fold) {
    return {
      size: patterns.length,
      count: (text) => automaton.count(text),
      findAll: (text) => automaton.findAll(text),
    };
  }
  return {
    size: patterns.length,
    count: (text) => automaton.count(normalize(text, fold).text),
    findAll(text) {
      const norm = normalize(text, fold);
      const matches: Match[] = [];
      automaton.forEach(norm.text, (start, end, pattern) => {
        const [s, e] = norm.map.toOriginal(start, end);
        matches.push({ start: s, end: e, pattern });
      });
      return matches;
    },
  };
}

/**
 * Leftmost-longest selection: from all (overlapping) matches keeps those a left-to-right reader
 * would take, the longest at each start, none overlapping another. Input order does not matter.
 */
export function leftmostLongest<M extends { readonly start: number; readonly end: number }>(matches: readonly M[]): M[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  let limit = -1;
  for (const m of sorted) {
    if (m.start < limit) continue;
    kept.push(m);
    limit = m.end > m.start ? m.end : m.start + 1;
  }
  return kept;
}
