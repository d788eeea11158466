import type { Document } from '../document/document.js';
import { parseHtml } from '../document/html.js';
import { parseMarkdown } from '../document/markdown.js';
import { publishedDate } from '../document/published.js';
import type { Segment } from '../document/segment.js';
import { parseText } from '../document/text.js';
import { ShenjiaoError } from '../errors.js';
import { builtinRules } from '../rules/index.js';
import { foldKey, normalize, type FoldOptions } from '../text/normalize.js';
import type { CheckOptions, Config, Finding, InputFormat, RuleId, Severity } from '../types.js';
import { parseSetting, validateConfig } from './config.js';
import { sortAndDedupe } from './findings.js';
import { LineIndex } from './positions.js';
import type { AnyRule, Report, RuleContext, Runtime } from './rule.js';

/** A configured checker: automata and dictionaries are built once, then every check is synchronous and pure. */
export interface Checker {
  /** Checks plain text; one segment per line. */
  check(text: string, options?: CheckOptions): Finding[];
  /** Checks HTML: visible text, `alt`/`title` values and page structure; ranges point into the HTML source. */
  checkHtml(html: string, options?: CheckOptions): Finding[];
  /** Checks Markdown: paragraphs, headings, table cells and image alternative text. */
  checkMarkdown(markdown: string, options?: CheckOptions): Finding[];
  /** Checks a document already parsed (by `parseText`, `parseHtml` or `parseMarkdown`). */
  checkDocument(document: Document, options?: CheckOptions): Finding[];
  /** The ids of the rules that are on, sorted. */
  readonly rules: readonly RuleId[];
  /** Milliseconds spent per rule since the checker was made, when made with `{ timing: true }`. */
  timings(): Readonly<Record<string, number>>;
}

/** Extra capabilities and switches for `createChecker`, beyond the JSON-able config. */
export interface CheckerRuntime extends Runtime {
  /** Measure time per rule (the CLI's `--timing`). */
  readonly timing?: boolean;
  /** Extra rules, e.g. those `shenjiao/node` adds; they join the built-in registry. */
  readonly rules?: readonly AnyRule[];
}

interface ActiveRule {
  readonly rule: AnyRule;
  readonly options: Record<string, unknown>;
  readonly prepared: unknown;
  /** Severity per id this module reports under; 'off' drops the finding. */
  readonly severities: ReadonlyMap<string, Severity | 'off' | undefined>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Finds every occurrence of each allowed phrase; findings inside one are dropped. */
function allowedRanges(source: string, phrases: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const p of phrases) {
    for (let i = source.indexOf(p); i !== -1; i = source.indexOf(p, i + 1)) ranges.push([i, i + p.length]);
  }
  return ranges;
}

/**
 * Creates a checker. Validates the config (throws `ShenjiaoError` with code `invalid-config` or
 * `invalid-dictionary`), resolves every rule's severity and options, and runs each rule's `prepare`
 * once. Reuse the checker: building automata is the expensive part.
 */
export function createChecker(config?: Config, runtime: CheckerRuntime = {}): Checker {
  const valid = validateConfig(config);
  const registry = [...builtinRules, ...(runtime.rules ?? [])];
  const preset = valid.preset ?? 'recommended';
  const userRules = valid.rules ?? {};
  const known = new Set<string>();
  const active: ActiveRule[] = [];

  for (const rule of registry) {
    const baseSetup = { options: {}, config: valid, runtime };
    const ids = [rule.id, ...(rule.ids?.(baseSetup) ?? [])];
    for (const id of ids) known.add(id);
    const own = userRules[rule.id] !== undefined ? parseSetting(rule.id, userRules[rule.id]) : undefined;
    const severities = new Map<string, Severity | 'off' | undefined>();
    let anyOn = false;
    for (const id of ids) {
      const setting = userRules[id] !== undefined ? parseSetting(id, userRules[id]) : own;
      const on = setting ? setting.severity !== 'off' : preset === 'all' || (preset === 'recommended' && rule.meta.recommended);
      severities.set(id, !on ? 'off' : setting ? setting.severity : undefined);
      anyOn ||= on;
    }
    if (!anyOn) continue;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(own?.options ?? {}) };
    const prepared = rule.prepare?.({ options, config: valid, runtime });
    active.push({ rule, options, prepared, severities });
  }
  for (const id of Object.keys(userRules)) {
    if (!known.has(id)) throw new ShenjiaoError('invalid-config', `未知的规则 "${id}"`, { key: `rules.${id}` });
  }

  const allow = valid.allow ?? [];
  const allowIds = new Set(allow);
  const timings = new Map<string, number>();
  const ruleIds = active.flatMap((a) => [...a.severities].filter(([, s]) => s !== 'off').map(([id]) => id as RuleId)).sort();

  function checkDocument(document: Document, options: CheckOptions = {}): Finding[] {
    if (typeof document.source !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
    if (options.date !== undefined && !DATE.test(options.date)) {
      throw new ShenjiaoError('invalid-config', `date 必须是 YYYY-MM-DD 格式：${options.date}`, { key: 'date' });
    }
    const source = document.source;
    const now = today();
    // Without a date from the caller, the date the document states (PubDate meta, 发布时间：…) is used,
    // unless it lies in the future (a typo or a scheduled page): then today.
    const stated = options.date === undefined ? publishedDate(document) : undefined;
    const date = options.date ?? (stated !== undefined && stated <= now ? stated : now);
    const findings: Finding[] = [];
    let lines: LineIndex | undefined;
    const cache = new Map<Segment, Map<string, { text: string; toSource(s: number, e: number): [number, number] }>>();

    const normalized = (segment: Segment, fold?: FoldOptions) => {
      let bySegment = cache.get(segment);
      if (!bySegment) cache.set(segment, (bySegment = new Map()));
      const key = foldKey(fold);
      let hit = bySegment.get(key);
      if (!hit) {
        const n = normalize(segment.text, fold);
        hit = {
          text: n.text,
          toSource(start: number, end: number): [number, number] {
            const [s, e] = n.map.toOriginal(start, end);
            return segment.toSource(s, e);
          },
        };
        bySegment.set(key, hit);
      }
      return hit;
    };

    for (const { rule, options: ruleOptions, prepared, severities } of active) {
      if (rule.meta.formats && !rule.meta.formats.includes(document.kind)) continue;
      const report = (r: Report): void => {
        const id = r.ruleId ?? rule.id;
        const setting = severities.get(id);
        if (setting === 'off' || (setting === undefined && !severities.has(id))) return;
        const [start, end] = r.range;
        if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= source.length)) {
          throw new ShenjiaoError('invalid-input', `规则 ${id} 报告了越界的范围 [${start}, ${end})`, { ruleId: id });
        }
        lines ??= new LineIndex(source);
        const finding: Finding = {
          ruleId: id as RuleId,
          severity: (r.advisory ? r.severity : undefined) ?? setting ?? r.severity ?? rule.meta.defaultSeverity,
          message: r.message,
          range: Object.freeze([start, end] as const),
          loc: lines.location(start, end),
          actual: source.slice(start, end),
          expected: Object.freeze([...(r.expected ?? [])]),
          ...(r.fix ? { fix: Object.freeze({ range: Object.freeze([r.fix.range[0], r.fix.range[1]] as const), text: r.fix.text }) } : {}),
          ...(r.entryId !== undefined ? { entryId: r.entryId } : {}),
          ...(r.source !== undefined ? { source: r.source } : {}),
          ...(r.note !== undefined ? { note: r.note } : {}),
          ...(r.data !== undefined ? { data: r.data } : {}),
          ...(r.target !== undefined ? { target: Object.freeze({ ...r.target }) } : {}),
        };
        findings.push(finding);
      };
      const context: RuleContext = { source, document, options: ruleOptions, prepared, runtime, date, normalized, report };
      if (runtime.timing) {
        const t0 = performance.now();
        rule.check(context);
        timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - t0);
      } else {
        rule.check(context);
      }
    }

    let kept = sortAndDedupe(findings);
    if (allow.length > 0 && kept.length > 0) {
      const ranges = allowedRanges(source, allow);
      kept = kept.filter(
        (f) => !(f.entryId !== undefined && allowIds.has(f.entryId)) && !allowIds.has(f.actual) && !ranges.some(([s, e]) => s <= f.range[0] && f.range[1] <= e),
      );
    }
    return kept.map((f) => Object.freeze(f));
  }

  const parsers: Record<InputFormat, (source: string) => Document> = { text: parseText, html: parseHtml, markdown: parseMarkdown };
  const checkAs = (format: InputFormat) => (source: string, options?: CheckOptions) => {
    if (typeof source !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
    return checkDocument(parsers[format](source), options);
  };

  return {
    check: checkAs('text'),
    checkHtml: checkAs('html'),
    checkMarkdown: checkAs('markdown'),
    checkDocument,
    rules: ruleIds,
    timings: () => Object.fromEntries(timings),
  };
}
