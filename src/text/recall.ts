/**
 * What a checker derives from a text alone, kept across its checks: a site repeats the same texts on every
 * page (navigation, footers, column lists, the titles a list page and its articles share), and a crawl or an
 * export checks thousands of its pages on one checker. Cuts, folds, pattern hits and the typo rules' slips of
 * such a text are made once and read again.
 *
 * A text is kept only once it has come back in a later check: the text of one page alone (an article's
 * paragraphs) is seen once and would only cost memory and collections. What is kept is bounded by the
 * characters of the kept texts, the least recently read going first, so memory stays flat however many
 * pages a run checks. Values are shared between checks and must not be changed by their readers.
 */
export class TextRecall {
  /**
   * Texts seen in a check, not (yet) kept, by a hash of their characters: the check they were first seen in,
   * least recent first. Not the strings themselves: a text cut out of a page may hold the whole page in memory.
   * Two texts of one hash only make the second kept a check early.
   */
  private readonly seen = new Map<number, number>();
  /** Kept texts, least recently read first: each computation's value by its key, and the check that last read it. */
  private readonly kept = new Map<string, { readonly text: string; check: number; values: Map<object, unknown> }>();
  /** Texts of this check that are not kept, so that each is hashed once a check however many computations ask. */
  private passing = new Set<string>();
  private keptChars = 0;
  private check = 0;

  /**
   * @param maxChars characters of kept texts, all computations together (their values take some 30 bytes a character: 6 MB when full).
   * @param maxSeen texts remembered as seen once.
   * @param minLength shorter texts are computed each time (cheaper than the lookup's bookkeeping).
   * @param maxLength longer texts too (a megabyte line is one text: keeping it would take the whole budget).
   */
  constructor(
    private readonly maxChars = 200_000,
    private readonly maxSeen = 20_000,
    private readonly minLength = 4,
    private readonly maxLength = 4_000,
  ) {}

  /** Marks the start of a check: a text seen in an earlier one is kept when it comes back. */
  nextCheck(): void {
    this.check++;
    if (this.passing.size > 0) this.passing = new Set();
  }

  /**
   * The value of `compute` for `text` under `key` (an object naming the computation), computed or read back.
   * `compute` is handed the text to work on: `text` itself, or, when the value is to be kept, a copy of its own, so
   * that what the value holds of the text (a fold that changed nothing is the text; cut words are slices of it)
   * holds no page it was cut out of.
   */
  get<T>(key: object, text: string, compute: (text: string) => T): T {
    if (text.length < this.minLength || text.length > this.maxLength) return compute(text);
    const entry = this.kept.get(text);
    if (entry !== undefined) {
      if (entry.check !== this.check) {
        // Read in a new check: to the most recent end.
        entry.check = this.check;
        this.kept.delete(text);
        this.kept.set(text, entry);
      }
      if (entry.values.has(key)) return entry.values.get(key) as T;
      const value = compute(entry.text);
      entry.values.set(key, value);
      return value;
    }
    if (this.passing.has(text)) return compute(text);
    const hash = hashOf(text);
    const last = this.seen.get(hash);
    if (last === undefined || last === this.check) {
      if (last === undefined) {
        this.seen.set(hash, this.check);
        if (this.seen.size > this.maxSeen) this.seen.delete(this.seen.keys().next().value as number);
      }
      this.passing.add(text);
      return compute(text);
    }
    // Back in a later check: kept from now on, as a copy of its own (see `seen`), which the kept values are made from.
    this.seen.delete(hash);
    const own = text.split('').join('');
    const value = compute(own);
    this.kept.set(own, { text: own, check: this.check, values: new Map<object, unknown>([[key, value]]) });
    this.keptChars += text.length;
    while (this.keptChars > this.maxChars && this.kept.size > 0) {
      const oldest = this.kept.keys().next().value as string;
      this.kept.delete(oldest);
      this.keptChars -= oldest.length;
    }
    return value;
  }

  /** How many texts are kept, and their characters (for tests and measurements). */
  get size(): { readonly texts: number; readonly chars: number } {
    return { texts: this.kept.size, chars: this.keptChars };
  }
}

/** FNV-1a over the UTF-16 code units of `text`. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
