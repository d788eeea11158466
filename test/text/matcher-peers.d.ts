/** The `ahocorasick` package (1.0.2) ships no types; the shape its tests and benchmarks use. */
declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(keywords: string[]);
    /** `[endIndex, words]` for every position where at least one keyword ends. */
    search(text: string): [number, string[]][];
  }
}
