/** How bad a finding is. `error` would fail an inspection on its own; `warning` is probable; `info` is advisory. */
export type Severity = 'error' | 'warning' | 'info';

/** The closed set of rule categories; the first part of every rule id. */
export type Category = 'phrasing' | 'typo' | 'sensitive' | 'privacy' | 'image' | 'link' | 'site';

/** A rule id: `<category>/<kebab-case-name>`, stable and never reused, e.g. `privacy/cn-id-card`. */
export type RuleId = `${Category}/${string}`;

/** A half-open range of UTF-16 code units, 0-based: `[start, end)`. */
export type Range = readonly [start: number, end: number];

/** A position in the source: `line` and `column` both 1-based, columns counted in UTF-16 code units. */
export interface Position {
  /** Line number, starting with 1. Line breaks are `\r\n`, `\n` and `\r`. */
  readonly line: number;
  /** Column number, starting with 1, in UTF-16 code units. */
  readonly column: number;
}

/** Start and end positions of a finding; `end` is the position just after the last code unit. */
export interface Location {
  readonly start: Position;
  readonly end: Position;
}

/** A safe, unattended replacement of `range` by `text` (textlint's and ESLint's fix shape). */
export interface Fix {
  /** UTF-16 range into the checked source. */
  readonly range: Range;
  readonly text: string;
}

/** What a non-text finding (an image or a link) is about. */
export interface Target {
  readonly kind: 'image' | 'link';
  /** The reference as resolved by the checker (absolute URL or path), or as written when it cannot be resolved. */
  readonly src: string;
}

/**
 * One problem found in the checked content: a plain, frozen, JSON-serialisable object.
 *
 * Invariant: `source.slice(finding.range[0], finding.range[1]) === finding.actual`.
 */
export interface Finding {
  /** The rule that fired, e.g. `phrasing/canonical-term`. */
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** zh-CN: what is wrong, why, and what to write instead. Never contains unmasked personal data. */
  readonly message: string;
  /** UTF-16 code units, 0-based, half-open, into the checked source (the HTML source for HTML input). */
  readonly range: Range;
  /** 1-based line and column of `range`. */
  readonly loc: Location;
  /** Exactly `source.slice(range[0], range[1])`. */
  readonly actual: string;
  /** Replacements, best first; `[]` means delete or rewrite by hand. */
  readonly expected: readonly string[];
  /** Present only where applying the replacement unattended is safe. */
  readonly fix?: Fix;
  /** The dictionary entry that fired; allow-lists may name it. */
  readonly entryId?: string;
  /** The authority behind the norm: a standard, a list and its year, or a URL. */
  readonly source?: string;
  /** A longer explanation, zh-CN. */
  readonly note?: string;
  /** Structured details, typed per rule id (e.g. cn-id-card: `{ masked, region, birthDate }`). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** For image and link findings: what the finding is about. */
  readonly target?: Target;
  /** Site inspection: the URL of the page the finding is on (DESIGN.md § Site inspection). */
  readonly page?: string;
}

/** A rule's setting in a config: off, a severity, or a severity with options (ESLint's shape). */
export type RuleSetting = 'off' | Severity | readonly [Severity, Record<string, unknown>];

/** A dictionary spec (prh): checking `from` must turn it into `to`; `to === from` means "must not fire". */
export interface EntrySpec {
  readonly from: string;
  readonly to: string;
}

/** A term entry of a phrasing, typo or sensitive dictionary. */
export interface Entry {
  /** ASCII kebab-case id, stable across releases. */
  readonly id: string;
  /** The wrong or flagged forms, stored simplified and NFC. */
  readonly patterns: readonly string[];
  /** What to write instead, best first; `[]` means delete or rewrite by hand. */
  readonly expected: readonly string[];
  /** The authority: a document and its year, a list, or a URL. Required. */
  readonly source: string;
  readonly severity?: Severity;
  readonly note?: string;
  /** Longer strings in which a pattern is correct and must not be reported. */
  readonly exceptions?: readonly string[];
  /** YYYY-MM-DD: the first day on which this entry applies. */
  readonly validFrom?: string;
  /** YYYY-MM-DD: the last day on which this entry applies. */
  readonly validTo?: string;
  readonly specs?: readonly EntrySpec[];
  /** Extra fields a rule defines for its own lists (e.g. a leader's titles). */
  readonly [field: string]: unknown;
}

/** A dictionary file's header. */
export interface DictionaryMeta {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /** YYYY-MM-DD: when the source was read. */
  readonly retrieved: string;
  readonly notes?: string;
  /** Extra header fields a list defines (e.g. a sensitive list's default severity and folds). */
  readonly [field: string]: unknown;
}

/** A parsed, validated dictionary. */
export interface Dictionary {
  readonly meta: DictionaryMeta;
  readonly entries: readonly Entry[];
}

/** User additions to the built-in dictionaries. */
export interface DictionariesConfig {
  /** Extra sensitive lists by name; a new name reports as `sensitive/<name>`. */
  readonly sensitive?: Readonly<Record<string, readonly string[] | readonly Entry[]>>;
  readonly phrasing?: readonly Entry[];
  readonly typo?: readonly Entry[];
  /** Local leaders in the format of `dictionaries/phrasing/leaders.json`. */
  readonly leaders?: readonly Entry[];
  readonly [list: string]: unknown;
}

/** The checker's configuration; the CLI reads the same shape from JSON. */
export interface Config {
  /** Which rules are on by default. Only `recommended` exists; rules it omits are off unless named in `rules`. */
  readonly preset?: 'recommended' | 'all' | 'none';
  /** Per-rule settings, keyed by rule id (`sensitive/<list>` for user lists). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly dictionaries?: DictionariesConfig;
  /** Phrases (matched in the source) or entry ids never to report. */
  readonly allow?: readonly string[];
}

/** Splits text into words (e.g. nodejieba's `cut`); the words concatenated give the text back. */
export type Segmenter = (text: string) => readonly string[];

/**
 * Word counts of a large general corpus (the segmenter's dictionary: jieba's, 349 000 words), for rules
 * that weigh a written word against a likely one. `frequency` is 0 for a word the dictionary does not list.
 */
export interface WordFrequencies {
  frequency(word: string): number;
  /** The sum of all counts, to turn a count into a probability. */
  readonly total: number;
}

/** The input formats the core understands. */
export type InputFormat = 'text' | 'html' | 'markdown';

/** Per-call options of `check`, `checkHtml` and `checkMarkdown`. */
export interface CheckOptions {
  /**
   * The article's publication date, YYYY-MM-DD; dated rules judge terms as of this day. Default: the
   * date the document states (`<meta name="PubDate">`, a 发布时间/发布日期 label near the top), else today.
   */
  readonly date?: string;
  /**
   * The checked page's own URL: relative links resolve against it and its host counts as this site
   * (dark links, external-link notices). Per call, so each page of a site gets its own.
   */
  readonly url?: string;
}
