import type { Document } from '../document/document.js';
import type { Segment } from '../document/segment.js';
import type { FoldOptions } from '../text/normalize.js';
import type { PerCheck as CheckMemo } from '../text/patterns.js';
import type { Config, Fix, Range, RuleId, Severity, Target } from '../types.js';
import type { OptionSchema } from './options.js';

import type { Segmenter, WordFrequencies } from '../types.js';

export type { CheckMemo, Segmenter, WordFrequencies };

/** Capabilities that `shenjiao/node` injects into the pure core. */
export interface Runtime {
  /** Word segmentation for rules that check word boundaries; absent in the browser. */
  readonly segmenter?: Segmenter;
  /** Word counts of the segmenter's dictionary; absent in the browser. */
  readonly words?: WordFrequencies;
}

/** What a rule says about itself; the README's rules table is generated from it. */
export interface RuleMeta {
  /** zh-CN, one line: what the rule detects. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** On in the `recommended` preset. Only rules that stay silent on the clean corpus may be. */
  readonly recommended: boolean;
  /** Whether the rule offers `fix` for unattended application. */
  readonly fixable: boolean;
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
  /**
   * The options the rule accepts, by key (ESLint's `meta.schema`, a small subset). Without it the
   * schema is read off `defaultOptions`: those keys, each of its default's type. `createChecker`
   * rejects unknown keys and wrong types with `invalid-config`.
   */
  readonly schema?: OptionSchema;
  /**
   * Rules this one stays silent for, where a report says so (`Report.deferTo`): the kernel drops such
   * a report only when that rule reported on an overlapping stretch of the same check, so turning it
   * off, or its silence there, never loses the finding.
   */
  readonly defersTo?: readonly RuleId[];
  /** The dictionary files it reads, relative to `dictionaries/`. */
  readonly dictionaries?: readonly string[];
  /** For the README: a wrong example, its correction, and the authority. */
  readonly docs: { readonly wrong: string; readonly right: string; readonly source: string };
  /** The input kinds it runs on; default all. HTML-structure rules say `['html']`. */
  readonly formats?: readonly ('text' | 'html' | 'markdown')[];
}

/** What a rule gets once per checker, to build its automata and read its dictionaries. */
export interface RuleSetup<Options> {
  /** The rule's options: `meta.defaultOptions` overlaid with the user's. */
  readonly options: Options;
  /** The whole user config (dictionaries, allow-list). */
  readonly config: Config;
  readonly runtime: Runtime;
  /**
   * A per-checker store: the first call for `key` builds the value, later calls in the same checker
   * (from any rule) get the same one. For knowledge several rules share (the leader book); never a
   * module-level cache, so two checkers with different configs never see each other's data.
   */
  shared<T>(key: string, build: () => T): T;
}

/** One problem as a rule reports it; the core adds `ruleId`, `severity`, `loc` and `actual`. */
export interface Report {
  /** Absolute UTF-16 half-open range into `context.source`. */
  readonly range: Range;
  readonly message: string;
  readonly expected?: readonly string[];
  readonly entryId?: string;
  readonly source?: string;
  readonly note?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly fix?: Fix;
  readonly target?: Target;
  /** Overrides `meta.defaultSeverity` for this finding (e.g. an entry's own severity); the user's setting wins over both. */
  readonly severity?: Severity;
  /**
   * An advisory report (e.g. an already-masked value: "no leak here") keeps its own `severity` even when
   * the user set one for the rule, so raising a rule to `error` never turns advice into a failure.
   */
  readonly advisory?: boolean;
  /** Reports under another id of the same rule module (a sensitive list reports as `sensitive/<list>`). */
  readonly ruleId?: RuleId;
  /**
   * Another rule speaks for this stretch (e.g. a slip inside a political term, which
   * `phrasing/canonical-term` reports): the kernel drops the report when that rule reported on an
   * overlapping stretch in the same check, and keeps it otherwise (that rule off, or silent there), so a
   * finding is never lost between two rules. Must be listed in `meta.defersTo`.
   */
  readonly deferTo?: RuleId;
  /**
   * The evidence for this report's reading, measure by measure, where two rules may read one stretch
   * differently and defer to each other (typo/common-typo and typo/confusable-word: how often the
   * authoritative documents write the corrected word, and its count in the segmenter's dictionary). When a
   * deferring report and the reports of the rule it defers to on the stretch all cover the same range and
   * carry weights, the kernel keeps the deferring report if it is greater on every measure than each of
   * them (they are dropped); otherwise it gives way, as without weights.
   */
  readonly weight?: readonly number[];
}

/** What a rule sees for each checked document. */
export interface RuleContext<Options = Record<string, unknown>, Prepared = unknown> {
  /** The checked source; report ranges point into it. */
  readonly source: string;
  readonly document: Document;
  readonly options: Options;
  /** What `prepare` returned, built once per checker. */
  readonly prepared: Prepared;
  readonly runtime: Runtime;
  /** The day the text speaks for (its publication date), YYYY-MM-DD. */
  readonly date: string;
  /** The checked page's own URL (`CheckOptions.url`), when the caller knows it. */
  readonly url?: string;
  /** The segment's text normalized with `fold`, cached per check; its map leads back to segment offsets. */
  normalized(segment: Segment, fold?: FoldOptions): { readonly text: string; toSource(start: number, end: number): [number, number] };
  /** The per-check store shared by the rules of this check (see {@link CheckMemo}). */
  readonly memo: CheckMemo;
  report(report: Report): void;
}

/** A rule module: `{ id, meta, prepare?, check }`, registered in `src/rules/index.ts`. */
export interface Rule<Options = Record<string, unknown>, Prepared = unknown> {
  readonly id: RuleId;
  /** Further ids this module reports under (user sensitive lists), resolved once per checker. */
  readonly ids?: (setup: RuleSetup<Options>) => readonly RuleId[];
  readonly meta: RuleMeta;
  /** Runs once per checker: build automata and parse dictionaries here. */
  prepare?(setup: RuleSetup<Options>): Prepared;
  /** Runs per document; synchronous and pure. Never throws on content. */
  check(context: RuleContext<Options, Prepared>): void;
}

/** Identity helper that types a rule module. */
export function defineRule<Options = Record<string, unknown>, Prepared = unknown>(rule: Rule<Options, Prepared>): Rule<Options, Prepared> {
  return rule;
}

/** A rule of any options and prepared state, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design
export type AnyRule = Rule<any, any>;
