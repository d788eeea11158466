import type { Document } from '../document/document.js';
import { parseHtml } from '../document/html.js';
import { parseMarkdown } from '../document/markdown.js';
import { publishedDate } from '../document/published.js';
import type { Segment } from '../document/segment.js';
import { parseText } from '../document/text.js';
import { ShenjiaoError } from '../errors.js';
import { foldKey, normalize, type FoldOptions } from '../text/normalize.js';
import { TextRecall } from '../text/recall.js';
import { overlapIndex } from '../text/spans.js';
import type { CheckOptions, Config, Finding, InputFormat, RuleId, Severity } from '../types.js';
import { parseSetting, validateConfig } from './config.js';
import { compareSiteFindings, sortAndDedupe } from './findings.js';
import { schemaOf, validateOptions } from './options.js';
import { LineIndex } from './positions.js';
import type { AnyRule, CheckMemo, Report, RuleContext, RuleMeta, RuleSetup, Runtime } from './rule.js';
import type { AnySiteRule, SiteModel, SiteReport } from './site.js';

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
  /**
   * Runs the site rules that are on over a whole site's model. Findings have range [0, 0], loc 1:1, an
   * empty `actual` and `page` set; sorted by page, then rule id.
   */
  checkSite(site: SiteModel): Finding[];
  /** The ids of the rules that are on, sorted. */
  readonly rules: readonly RuleId[];
  /**
   * The options a rule that is on runs with (its defaults overlaid with the validated user options),
   * or undefined when it is off: adapters ask here rather than read the config themselves.
   */
  ruleOptions(ruleId: RuleId): Readonly<Record<string, unknown>> | undefined;
  /** Milliseconds spent per rule since the checker was made, when made with `{ timing: true }`. */
  timings(): Readonly<Record<string, number>>;
}

/** Extra capabilities and switches for `createChecker`, beyond the JSON-able config. */
export interface CheckerRuntime extends Runtime {
  /** Measure time per rule (the CLI's `--timing`). */
  readonly timing?: boolean;
  /** Extra rules, e.g. those `shenjiao/node` adds; they join the built-in registry. */
  readonly rules?: readonly AnyRule[];
  /** Extra site rules; they join the built-in site rules. */
  readonly siteRules?: readonly AnySiteRule[];
  /**
   * Characters of texts whose cuts, folds, pattern hits and slips the checker keeps across its checks, for texts
   * that come back on another page (navigation, footers, column lists): default 200,000 (some 6 MB when full); 0 keeps
   * none. Findings are the same either way.
   */
  readonly recallChars?: number;
}

/** The rules a kernel runs: it is handed them and imports none (the default set is assembled at the package entry). */
export interface RuleSet {
  readonly rules: readonly AnyRule[];
  readonly siteRules?: readonly AnySiteRule[];
}

interface ActiveRule<R = AnyRule> {
  readonly rule: R;
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
 * Creates a checker over the rules it is handed. Validates the config and each rule's options (throws
 * `ShenjiaoError` with code `invalid-config` or `invalid-dictionary`), resolves every rule's severity
 * and options, and runs each rule's `prepare` once. Reuse the checker: building automata is the
 * expensive part. `createChecker` (the package entry) calls it with the built-in rules.
 */
export function createKernel(ruleSet: RuleSet, config?: Config, runtime: CheckerRuntime = {}): Checker {
  const valid = validateConfig(config);
  const preset = valid.preset ?? 'recommended';
  const userRules = valid.rules ?? {};
  const known = new Set<string>();
  const store = new Map<string, unknown>();
  const shared = <T>(key: string, build: () => T): T => {
    if (!store.has(key)) store.set(key, build());
    return store.get(key) as T;
  };

  /** Resolves one rule module's ids, severities and options; undefined when every id is off. */
  const resolve = <R extends { readonly id: RuleId; readonly meta: RuleMeta }>(rule: R, extraIds: readonly RuleId[]) => {
    const ids = [rule.id, ...extraIds];
    for (const id of ids) known.add(id);
    const own = userRules[rule.id] !== undefined ? parseSetting(rule.id, userRules[rule.id]) : undefined;
    // Options are checked whether or not the rule is on: a typo in a config is a typo either way.
    if (own) validateOptions(rule.id, schemaOf(rule.meta), own.options);
    const severities = new Map<string, Severity | 'off' | undefined>();
    let anyOn = false;
    for (const id of ids) {
      const setting = userRules[id] !== undefined ? parseSetting(id, userRules[id]) : own;
      const on = setting ? setting.severity !== 'off' : preset === 'all' || (preset === 'recommended' && rule.meta.recommended);
      severities.set(id, !on ? 'off' : setting ? setting.severity : undefined);
      anyOn ||= on;
    }
    if (!anyOn) return undefined;
    return { options: { ...(rule.meta.defaultOptions ?? {}), ...(own?.options ?? {}) }, severities };
  };

  const active: ActiveRule[] = [];
  for (const rule of ruleSet.rules) {
    const baseSetup: RuleSetup<Record<string, unknown>> = { options: {}, config: valid, runtime, shared };
    const on = resolve(rule, rule.ids?.(baseSetup) ?? []);
    if (!on) continue;
    const prepared = rule.prepare?.({ options: on.options, config: valid, runtime, shared });
    active.push({ rule, prepared, ...on });
  }
  const activeSite: ActiveRule<AnySiteRule>[] = [];
  for (const rule of ruleSet.siteRules ?? []) {
    const on = resolve(rule, []);
    if (on) activeSite.push({ rule, prepared: undefined, ...on });
  }
  for (const id of Object.keys(userRules)) {
    if (!known.has(id)) throw new ShenjiaoError('invalid-config', `未知的规则 "${id}"`, { key: `rules.${id}` });
  }

  const allow = valid.allow ?? [];
  const allowIds = new Set(allow);
  const recallChars = runtime.recallChars;
  if (recallChars !== undefined && !(Number.isSafeInteger(recallChars) && recallChars >= 0)) {
    throw new ShenjiaoError('invalid-config', `recallChars 必须是非负整数，收到 ${String(recallChars)}`, { key: 'recallChars' });
  }
  const recall = recallChars === 0 ? undefined : new TextRecall(recallChars);
  /** `compute(text)`, or its value kept across checks (see TextRecall). */
  const remember = <T>(key: object, text: string, compute: (text: string) => T): T => (recall ? recall.get(key, text, compute) : compute(text));
  /** Per fold key, the key of the normalized texts kept across checks. */
  const foldKeys = new Map<string, object>();
  const CUTS = {};
  const timings = new Map<string, number>();
  const ruleIds = [...active, ...activeSite].flatMap((a) => [...a.severities].filter(([, s]) => s !== 'off').map(([id]) => id as RuleId)).sort();
  const on = new Set<string>(ruleIds);

  /** The severity of a report under `id`, or 'off' when that id is off in this checker. */
  const severityOf = (
    severities: ReadonlyMap<string, Severity | 'off' | undefined>,
    id: string,
    r: { readonly severity?: Severity; readonly advisory?: boolean },
    meta: RuleMeta,
  ): Severity | 'off' => {
    const setting = severities.get(id);
    if (setting === 'off' || (setting === undefined && !severities.has(id))) return 'off';
    return (r.advisory ? r.severity : undefined) ?? setting ?? r.severity ?? meta.defaultSeverity;
  };

  function checkDocument(document: Document, options: CheckOptions = {}): Finding[] {
    if (typeof document.source !== 'string') throw new ShenjiaoError('invalid-input', '待检查的内容必须是字符串');
    if (options.date !== undefined && !DATE.test(options.date)) {
      throw new ShenjiaoError('invalid-config', `date 必须是 YYYY-MM-DD 格式：${options.date}`, { key: 'date' });
    }
    if (options.url !== undefined && !URL.canParse(options.url)) {
      throw new ShenjiaoError('invalid-config', `url 不是有效的网址：${options.url}`, { key: 'url' });
    }
    const source = document.source;
    const now = today();
    // Without a date from the caller, the date the document states (PubDate meta, 发布时间：…) is used,
    // unless it lies in the future (a typo or a scheduled page): then today.
    const stated = options.date === undefined ? publishedDate(document) : undefined;
    const date = options.date ?? (stated !== undefined && stated <= now ? stated : now);
    const findings: Finding[] = [];
    /** Reports deferring to a rule that is on: kept at the end unless that rule spoke for their stretch. */
    const deferred: { finding: Finding; to: RuleId; weight: readonly number[] | undefined }[] = [];
    /** The weight of each kept report that gave one (`Report.weight`), for the deferring reports to be weighed against. */
    const weights = new Map<Finding, readonly number[]>();
    let lines: LineIndex | undefined;
    const cache = new Map<Segment, Map<string, { text: string; toSource(s: number, e: number): [number, number] }>>();
    // Several rules cut the same texts (a paragraph for word boundaries, then for suspect words, then
    // for near misses): each text is cut once per check, and its words shared (frozen).
    const segmenter = runtime.segmenter;
    // Across checks, the cuts of a text that comes back (see TextRecall).
    recall?.nextCheck();
    const cuts = new Map<string, readonly string[]>();
    const checkRuntime: Runtime = segmenter
      ? {
          ...runtime,
          segmenter: (text: string) => {
            let words = cuts.get(text);
            if (words === undefined) {
              cuts.set(text, (words = remember(CUTS, text, (t) => Object.freeze(segmenter(t)))));
            }
            return words;
          },
        }
      : runtime;

    const store = new Map<object, unknown>();
    const memo: CheckMemo = {
      get<T>(key: object, build: () => T): T {
        if (!store.has(key)) store.set(key, build());
        return store.get(key) as T;
      },
      ...(recall ? { recall: remember } : {}),
    };
    const normalized = (segment: Segment, fold?: FoldOptions) => {
      let bySegment = cache.get(segment);
      if (!bySegment) cache.set(segment, (bySegment = new Map()));
      const key = foldKey(fold);
      let hit = bySegment.get(key);
      if (!hit) {
        let recallKey = foldKeys.get(key);
        if (!recallKey) foldKeys.set(key, (recallKey = {}));
        const n = remember(recallKey, segment.text, (t) => normalize(t, fold));
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
        const severity = severityOf(severities, id, r, rule.meta);
        if (severity === 'off') return;
        if (r.deferTo !== undefined && !rule.meta.defersTo?.includes(r.deferTo)) throw new Error(`${rule.id} defers to ${r.deferTo}, which its meta.defersTo does not list`);
        const [start, end] = r.range;
        if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= source.length)) {
          throw new ShenjiaoError('invalid-input', `规则 ${id} 报告了越界的范围 [${start}, ${end})`, { ruleId: id });
        }
        lines ??= new LineIndex(source);
        const finding: Finding = {
          ruleId: id as RuleId,
          severity,
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
        if (r.deferTo !== undefined && on.has(r.deferTo)) deferred.push({ finding, to: r.deferTo, weight: r.weight });
        else {
          findings.push(finding);
          if (r.weight !== undefined) weights.set(finding, r.weight);
        }
      };
      const context: RuleContext = { source, document, options: ruleOptions, prepared, runtime: checkRuntime, date, ...(options.url !== undefined ? { url: options.url } : {}), normalized, memo, report };
      if (runtime.timing) {
        const t0 = performance.now();
        rule.check(context);
        timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - t0);
      } else {
        rule.check(context);
      }
    }

    // A deferring report gives way only where the rule it defers to did report on an overlapping stretch:
    // when that rule is on but stays silent there, the report is kept rather than lost between the two.
    // (The spoken-for ranges by rule, sorted, so that this stays linear when a text holds tens of thousands.)
    // Where two rules read the same stretch and both readings carry a weight (`Report.weight`, the evidence for
    // each), a deferring report that outweighs the other on every measure is kept and the other gives way: two
    // rules reading one slip differently (typo/common-typo's 资金 and typo/confusable-word's 齐全 for 资全) leave
    // the likelier correction alone. Otherwise the deferring report gives way, as without weights.
    let outweighed: Set<Finding> | undefined;
    if (deferred.length > 0) {
      const spoken = new Map<string, ReturnType<typeof overlapIndex<{ start: number; end: number; finding: Finding }>>>();
      for (const { to } of deferred) if (!spoken.has(to)) spoken.set(to, overlapIndex(findings.filter((f) => f.ruleId === to).map((f) => ({ start: f.range[0], end: f.range[1], finding: f }))));
      for (const { finding, to, weight } of deferred) {
        const over: Finding[] = [];
        spoken.get(to)?.(finding.range[0], finding.range[1], (x) => {
          over.push(x.finding);
          return false;
        });
        if (over.length === 0) findings.push(finding);
        else if (weight !== undefined && over.every((f) => f.range[0] === finding.range[0] && f.range[1] === finding.range[1] && outweighs(weight, weights.get(f)))) {
          findings.push(finding);
          outweighed ??= new Set();
          for (const f of over) outweighed.add(f);
        }
      }
    }
    let kept = sortAndDedupe(outweighed ? findings.filter((f) => !outweighed.has(f)) : findings);
    if (allow.length > 0 && kept.length > 0) {
      const ranges = allowedRanges(source, allow);
      kept = kept.filter(
        (f) => !(f.entryId !== undefined && allowIds.has(f.entryId)) && !allowIds.has(f.actual) && !ranges.some(([s, e]) => s <= f.range[0] && f.range[1] <= e),
      );
    }
    return kept.map((f) => Object.freeze(f));
  }

  function checkSite(site: SiteModel): Finding[] {
    if (typeof site !== 'object' || site === null || typeof site.url !== 'string') throw new ShenjiaoError('invalid-input', 'checkSite 需要站点模型（SiteModel）');
    if (!DATE.test(site.date)) throw new ShenjiaoError('invalid-input', `站点模型的 date 必须是 YYYY-MM-DD 格式：${site.date}`, { key: 'date' });
    const findings: Finding[] = [];
    const start = Object.freeze({ line: 1, column: 1 });
    const loc = Object.freeze({ start, end: start });
    for (const { rule, options, severities } of activeSite) {
      const report = (r: SiteReport): void => {
        const severity = severityOf(severities, rule.id, r, rule.meta);
        if (severity === 'off') return;
        findings.push({
          ruleId: rule.id,
          severity,
          message: r.message,
          range: Object.freeze([0, 0] as const),
          loc,
          actual: '',
          expected: Object.freeze([...(r.expected ?? [])]),
          ...(r.entryId !== undefined ? { entryId: r.entryId } : {}),
          ...(r.source !== undefined ? { source: r.source } : {}),
          ...(r.note !== undefined ? { note: r.note } : {}),
          data: r.data,
          page: r.page,
        });
      };
      const t0 = runtime.timing ? performance.now() : 0;
      rule.check({ site, options, report });
      if (runtime.timing) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - t0);
    }
    // The allow-list speaks for site findings by entry id or by the page's URL.
    const kept = allow.length > 0 ? findings.filter((f) => !allowIds.has(f.page!) && !(f.entryId !== undefined && allowIds.has(f.entryId))) : findings;
    return kept.sort(compareSiteFindings).map((f) => Object.freeze(f));
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
    checkSite,
    rules: ruleIds,
    ruleOptions: (ruleId) => {
      const a = [...active, ...activeSite].find((x) => x.severities.has(ruleId) && x.severities.get(ruleId) !== 'off');
      return a ? Object.freeze({ ...a.options }) : undefined;
    },
    timings: () => Object.fromEntries(timings),
  };
}

/** Whether evidence `a` is greater than `b` on every measure (both give the same measures); never without `b`. */
function outweighs(a: readonly number[], b: readonly number[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x > (b[i] as number));
}
