export { createChecker } from './checker.js';
export { createKernel } from './core/checker.js';
export type { Checker, CheckerRuntime, RuleSet } from './core/checker.js';
export type { OptionSchema, OptionSpec } from './core/options.js';
export { defineSiteRule } from './core/site.js';
export type { AnySiteRule, ColumnKind, InspectColumn, InspectDocument, SiteAccount, SiteArticle, SiteColumn, SiteItem, SiteMessage, SiteModel, SitePage, SiteReport, SiteRule, SiteRuleContext } from './core/site.js';
export { defineRule } from './core/rule.js';
export type { AnyRule, Report, Rule, RuleContext, RuleMeta, RuleSetup, Runtime, Segmenter } from './core/rule.js';
export { atLeast } from './core/findings.js';
export { parseDictionary, parseWordList } from './dictionaries/parse.js';
export type { Document } from './document/document.js';
export { parseHtml } from './document/html.js';
export { parseMarkdown } from './document/markdown.js';
export { Segment } from './document/segment.js';
export type { SegmentKind } from './document/segment.js';
export { parseText } from './document/text.js';
export { redact } from './redact.js';
export type { RedactOptions } from './redact.js';
export { maskFindings, personalSpans, maskSourceText } from './mask-findings.js';
export type { MaskOptions, PersonalSpan } from './mask-findings.js';
export { DictionaryError, ShenjiaoError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { createMatcher } from './text/matcher.js';
export type { Match, Matcher, MatcherOptions } from './text/matcher.js';
export { normalize } from './text/normalize.js';
export type { FoldOptions, NormalizedText } from './text/normalize.js';
export { OffsetMap } from './text/offset-map.js';
export type {
  Category,
  CheckOptions,
  Config,
  DictionariesConfig,
  Dictionary,
  DictionaryMeta,
  Entry,
  EntrySpec,
  Finding,
  Fix,
  InputFormat,
  Location,
  Position,
  Range,
  RuleId,
  RuleSetting,
  Severity,
  Target,
} from './types.js';
