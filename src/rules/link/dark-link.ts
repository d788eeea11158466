import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { parseSource } from '../../html/dom.js';
import { defineRule, type Report } from '../../core/rule.js';
import type { MatchBudget } from '../../html/css.js';
import platformHosts from '../../../dictionaries/link/platform-hosts.json';
import { externalHost, isGovHost, isSameSite, resolveHref } from '../../knowledge/hosts.js';
import { attr, hidingSignals, PageStyle, PAGE_STYLE_STEPS, type ElementFacts, rawText, STRONG_TECHNIQUES, TECHNIQUE_NAMES, type HidingSignal, type Technique } from './helpers/hiding.js';
import { scriptBehaviour } from './helpers/hijack.js';
import { collectLinks, elements, pageInfo, valueRange, type PageLink } from './helpers/page.js';
import { scriptMarkup, sourceRangeOf, type ScriptEncoding } from './helpers/script-strings.js';
import { CATEGORY_NAMES, createAnchorTerms, type AnchorTermEntry, type AnchorTerms, type Sensitivity } from './helpers/anchor-terms.js';

/** Options of `link/dark-link`. */
export interface DarkLinkOptions {
  /** The page's own address for every page this checker sees; `CheckOptions.url` (per call) wins over it. Relative links resolve against it and its host counts as this site. */
  readonly baseUrl?: string;
  /** Further hosts of this site (a link to them is not external). */
  readonly siteHosts?: readonly string[];
  /** Extra anchor-text entries, in the shape of dictionaries/link/anchor-terms.json. */
  readonly terms?: readonly AnchorTermEntry[];
}

/** `data` of a `link/dark-link` finding. */
export interface DarkLinkData {
  /** The technique that hides the link; the strongest one seen. */
  readonly technique: Technique;
  /** Every technique seen on the link and its ancestors. */
  readonly techniques: readonly Technique[];
  /**
   * `sensitive`: hidden (or sent to by a script, a refresh, a frame) and worded or hosted like gambling,
   * porn, invoices, loans; `hidden-external`: strongly hidden link to a non-government site;
   * `injected-block`: a link to a non-government site hidden in the same block (or written by the same
   * script) as a reported dark link: part of the same injection, whatever its own wording;
   * `hijack`: a script that treats search engines' visitors or robots differently, or hides the page
   * under a frame, whatever the destination.
   */
  readonly basis: 'sensitive' | 'hidden-external' | 'injected-block' | 'hijack';
  /** For `search-redirect`: what the script tests, the visitor's origin or the robot's identity. */
  readonly condition?: 'referrer' | 'crawler';
  /** The link as resolved (absolute when the page address is known). */
  readonly href: string;
  readonly host?: string;
  /** Anchor text, title and image alt, shortened. */
  readonly text: string;
  readonly terms?: readonly string[];
  readonly category?: string;
  /** For links written by a script: how the script encoded them. */
  readonly encoding?: ScriptEncoding;
  readonly tag: string;
  /**
   * The page's style work ran past its budget (thousands of rules against thousands of elements):
   * some style rules were not applied, so links hidden only by them may be missed.
   */
  readonly styleBudgetExceeded?: boolean;
  readonly styleSteps?: number;
}

interface Prepared {
  readonly terms: AnchorTerms;
}

/** Tags whose references can carry a dark link. */
const LINK_TAGS: ReadonlySet<string> = new Set(['a', 'area', 'iframe', 'frame']);

function shorten(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/** The technique to name: a strong one the page cannot undo, else a strong one, else the first. */
function primary(signals: readonly HidingSignal[]): HidingSignal {
  return (
    signals.find((s) => STRONG_TECHNIQUES.has(s.technique) && !s.toggleable) ??
    signals.find((s) => STRONG_TECHNIQUES.has(s.technique)) ??
    signals.find((s) => s.technique !== 'document-write' && s.technique !== 'after-html') ??
    signals[0]!
  );
}

/** Is an iframe zero-sized or hidden by its own attributes/style (an invisible frame loads a page unseen)? */
function iframeSignals(style: PageStyle, el: Element): HidingSignal[] {
  const d = style.declarations(el);
  const size = (p: string) => {
    const v = d.get(p)?.value;
    const n = v === undefined ? undefined : parseFloat(v);
    return n !== undefined && Number.isFinite(n) && n <= 1;
  };
  return size('width') || size('height') ? [{ technique: 'zero-size-iframe', element: el, toggleable: false }] : [];
}

/**
 * A frame kept out of sight (zero size, or off screen and the like) that loads a
 * non-government site other than an analytics or media platform: the visitor's browser fetches
 * a page nobody sees, which is how injected pages count visits or plant cookies for another site.
 */
function hiddenFrame(link: PageLink, signals: readonly HidingSignal[], sites: readonly string[]): Judged | undefined {
  if (link.tag !== 'iframe' && link.tag !== 'frame') return undefined;
  const host = externalHost(link.url, sites);
  if (host === undefined || isGovHost(host) || isSameSite(host, PLATFORM_HOSTS)) return undefined;
  const hidden = signals.filter((s) => s.technique !== 'embedded-frame' && s.technique !== 'noscript' && !s.toggleable);
  // Only a frame that cannot show at all: a hidden box that an assistant or a dialog script opens
  // later (`<div style="display:none"><iframe width="400">`) is a widget, not a dark frame.
  if (!hidden.some((s) => s.technique === 'zero-size-iframe' || STRONG_TECHNIQUES.has(s.technique))) return undefined;
  return { link, signals: hidden, sensitivity: undefined, host, basis: 'hidden-external' };
}

/** The hiding elements (never `<body>`/`<html>`) and script wrappers that keep `link` out of sight. */
function regionsOf(style: PageStyle, link: PageLink, signals: readonly HidingSignal[], wrappers: readonly Wrapper[]): object[] {
  const out: object[] = [];
  for (const s of signals) {
    if (s.toggleable || !s.element || s.element.name === 'body' || s.element.name === 'html') continue;
    out.push(s.element);
  }
  // Every hidden ancestor, not only the one each technique names first.
  let depth = 0;
  for (let node = link.element.parent; node && depth < 64; node = node.parent, depth++) {
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name === 'body' || el.name === 'html') break;
    if (!out.includes(el) && hides(style.facts(el)) && !style.toggleable(el)) out.push(el);
  }
  const at = link.element.startIndex ?? -1;
  const w = wrappers.find((x) => x.start <= at && at < x.end);
  if (w) out.push(w);
  return out;
}

/** Does an element's own style hide what it holds? */
function hides(f: ElementFacts): boolean {
  return f.before.length > 0 || f.after.length > 0 || f.offscreen || f.opacity === 0 || f.visibility === 'hidden' || f.tinyMarquee || (f.fontSize !== undefined && f.fontSize <= 1);
}

/** Hiding that can hold a link farm: the block is simply not shown. */
const WEAK_FARM: ReadonlySet<Technique> = new Set(['display-none', 'visibility-hidden', 'hidden-attribute', 'opacity-zero', 'zero-size', 'clip', 'script-hidden']);

/** Platforms and major media that share pop-ups and media menus link to (dictionaries/link/platform-hosts.json). */
const PLATFORM_HOSTS: readonly string[] = platformHosts.entries.flatMap((e) => e.patterns);

/** Distinct outside sites (platforms not counted) in one never-shown block that make it a link farm. */
const FARM_HOSTS = 3;

/** The last two labels of a host (three under a two-level public suffix such as com.cn): enough to tell sites apart. */
function registrable(host: string): string {
  const labels = host.split('.');
  const two = labels.slice(-2).join('.');
  return /^(?:com|net|org|gov|edu|ac)\.[a-z]{2}$/.test(two) ? labels.slice(-3).join('.') : two;
}

/**
 * An anchor whose every piece of text sits in hidden descendants (`<a href><span style="display:none">…`)
 * is as invisible as a hidden anchor. Images count as visible content.
 */
function hiddenTextSignals(style: PageStyle, link: PageLink): HidingSignal[] {
  if (link.hasImage) return [];
  // An anchor with nothing inside shows nothing (unless CSS draws an icon: then its title is the
  // office's own wording, never a tout's, so this weak signal alone reports nothing).
  if (link.tag === 'a' && textContentOf(link.element).trim() === '' && !link.element.children.some((c) => c.type === 'tag' && EMBEDDED.has((c as Element).name))) {
    return [{ technique: 'empty-anchor', element: link.element, toggleable: false }];
  }
  let visible = false;
  let hiddenBy: HidingSignal | undefined;
  const walk = (node: AnyNode, depth: number): void => {
    if (visible || depth > 50) return;
    if (node.type === 'text') {
      if ((node as unknown as { data: string }).data.trim() !== '') visible = true;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (el !== link.element) {
      const d = style.declarations(el);
      const size = d.get('font-size')?.value;
      const px = size === undefined ? undefined : size.endsWith('%') ? parseFloat(size) * 0.16 : parseFloat(size);
      const technique: Technique | undefined =
        d.get('display')?.value === 'none' ? 'display-none' : d.get('visibility')?.value === 'hidden' ? 'visibility-hidden' : px !== undefined && Number.isFinite(px) && px <= 1 ? 'font-size-zero' : el.attribs.hidden !== undefined ? 'hidden-attribute' : undefined;
      if (technique) {
        if (textContentOf(el).trim() !== '') hiddenBy ??= { technique, element: el, toggleable: style.toggleable(el) };
        return;
      }
    }
    for (const c of el.children) walk(c, depth + 1);
  };
  walk(link.element, 0);
  return !visible && hiddenBy ? [hiddenBy] : [];
}

/** Elements that show something inside an otherwise empty anchor. */
const EMBEDDED: ReadonlySet<string> = new Set(['img', 'svg', 'picture', 'video', 'canvas', 'object', 'embed', 'iframe', 'input', 'button', 'i', 'span', 'em', 'b']);

function textContentOf(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && out.length < 200) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (n.type === 'tag') stack.push(...(n as Element).children);
  }
  return out;
}

interface Judged {
  readonly link: PageLink;
  readonly signals: readonly HidingSignal[];
  readonly sensitivity: Sensitivity | undefined;
  readonly host: string | undefined;
  readonly basis: 'sensitive' | 'hidden-external' | 'injected-block';
  /** For `injected-block`: the block also holds a link reported as `sensitive` (then an error). */
  readonly grave?: boolean;
}

/** Combines the hiding signals, the destination and the wording into a verdict (or none). */
function judge(link: PageLink, signals: readonly HidingSignal[], terms: AnchorTerms, sites: readonly string[]): Judged | undefined {
  if (signals.length === 0) return undefined;
  const leaving = externalHost(link.url, sites);
  const host = leaving !== undefined && !isGovHost(leaving) ? leaving : undefined;
  const sensitivity = terms.judge(link.text, host);
  // Hiding the page itself can undo (menus, tabs, dialogs) shows the text to visitors: the wording is
  // then a matter for the sensitive-word rules, not a dark link.
  const unrevealable = signals.some((s) => !s.toggleable);
  if (sensitivity && unrevealable && (sensitivity.byText || host !== undefined)) return { link, signals, sensitivity, host: leaving, basis: 'sensitive' };
  if (host !== undefined && link.tag !== 'iframe' && link.tag !== 'frame') {
    const strong = signals.filter((s) => STRONG_TECHNIQUES.has(s.technique) && !s.toggleable);
    if (strong.length > 0) return { link, signals, sensitivity: undefined, host, basis: 'hidden-external' };
  }
  return undefined;
}

function message(j: Judged, technique: Technique): string {
  if (technique === 'embedded-frame') return sentMessage(technique, j.host, j.sensitivity, undefined);
  // Spaces between Chinese and embedded ASCII ("以 display:none 隐藏"), as zh-CN typesetting does.
  const name = TECHNIQUE_NAMES[technique];
  const how = (/^[\x21-\x7e]/.test(name) ? ' ' : '') + name + (/[\x21-\x7e]$/.test(name) ? ' ' : '');
  const where = j.host ? `外部网站 ${j.host}` : '本站页面';
  const text = j.link.text ? `“${shorten(j.link.text, 20)}”` : '';
  if (j.basis === 'sensitive') {
    const s = j.sensitivity!;
    const what = s.byText ? `锚文本含“${s.terms.join('、')}”` : `域名含“${s.terms.join('、')}”`;
    return `暗链：链接${text}指向${where}，以${how}隐藏，${what}（${CATEGORY_NAMES[s.category]}类）；访客看不到而搜索引擎能抓取。请删除该链接，并排查网页是否被篡改。`;
  }
  if (j.basis === 'injected-block') {
    return `暗链：链接${text}指向非政府网站 ${j.host}，与同一隐藏区块（或同一段脚本写入）中的暗链一起被注入，以${how}隐藏，访客看不到。请删除整个区块，并排查网页是否被篡改。`;
  }
  return `疑似暗链：链接${text}指向非政府网站 ${j.host}，以${how}隐藏，访客看不到。请核实来源；若非本单位添加，请删除并排查网页是否被篡改。`;
}

/**
 * `link/dark-link`: hidden links (暗链) injected into a page. Reads the page statically and never
 * runs its scripts. A link is reported when it is hidden (inline style, `<style>` rules by class/id,
 * `hidden`, off-screen, zero size, `font-size:0`, same colour as the background, a tiny `<marquee>`,
 * `<noscript>`, written before `<!DOCTYPE>`, written by `document.write` even through `atob` or
 * escapes or the packer, or wrapped by a script's unclosed hidden tag) and either its wording or host
 * is that of gambling, porn, invoice or loan touts (error), or it points to a non-government site
 * through a technique that legitimate templates do not use on links, or it sits with links to other
 * outside sites in a block nothing can reveal (warning). Hiding the page itself can undo (menus, tabs,
 * dialogs, carousels, QR pop-ups) never makes a dark link on its own; `<template>` is inert.
 * Scripts that treat search engines' visitors or robots differently (跳转劫持), hide the page under a
 * frame, or send visitors to a gambling or porn host, and refreshes, script files and frames of such
 * hosts, are reported too (error): they are how hacked pages carry dark links without an `<a>`.
 */
export const darkLink = defineRule<DarkLinkOptions, Prepared>({
  id: 'link/dark-link',
  meta: {
    description: '暗链：被隐藏的、指向赌博色情等网站或外部网站的链接（静态分析，不执行脚本）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: {},
    schema: { baseUrl: { type: 'string' }, siteHosts: { type: 'array', items: { type: 'string' } }, terms: { type: 'array', items: { type: 'object' } } },
    dictionaries: ['link/anchor-terms.json', 'link/gov-domains.json'],
    formats: ['html'],
    docs: {
      wrong: '<div style="display:none"><a href="http://bet.example">澳门新葡京</a></div>',
      right: '删除隐藏链接并排查网页篡改',
      source: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决：发布或链接反动、暴力、色情等内容；页面被挂马、内容被篡改',
    },
  },
  prepare({ options }) {
    return { terms: createAnchorTerms(options.terms ?? []) };
  },
  check(context) {
    const dom = context.document.dom;
    if (!dom) return;
    const source = context.source;
    const info = pageInfo(dom, source, { baseUrl: context.url ?? context.options.baseUrl, siteHosts: context.options.siteHosts });
    // One budget of style work for the page and every fragment its scripts write (issue 17).
    const budget: MatchBudget = { left: PAGE_STYLE_STEPS, size: PAGE_STYLE_STEPS };
    const style = new PageStyle(source, dom, budget);
    /** Findings are held until the end, so each can say whether the style budget ran out. */
    const pending: Report[] = [];
    const report = (r: Report) => pending.push(r);
    const { terms } = context.prepared;

    const emit = (j: Judged, range: readonly [number, number], extra: { encoding?: ScriptEncoding } = {}) => {
      const main = primary(j.signals);
      const data: DarkLinkData = {
        technique: main.technique,
        techniques: j.signals.map((s) => s.technique),
        basis: j.basis,
        href: j.link.url && j.link.url.hostname !== 'page.invalid' ? j.link.url.href : j.link.href,
        ...(j.host !== undefined ? { host: j.host } : {}),
        text: shorten(j.link.text, 100),
        ...(j.sensitivity ? { terms: j.sensitivity.terms, category: j.sensitivity.category } : {}),
        ...(extra.encoding ? { encoding: extra.encoding } : {}),
        tag: j.link.tag,
      };
      report({
        range,
        message: message(j, main.technique),
        expected: [],
        severity: j.basis === 'sensitive' || j.grave ? 'error' : 'warning',
        ...(j.sensitivity?.byText ? { entryId: j.sensitivity.entryId, source: j.sensitivity.source } : {}),
        data: data as unknown as Record<string, unknown>,
        target: { kind: 'link', src: data.href },
      });
    };

    const wrappers = scriptWrappers(dom, source, style);

    // 1. Links in the markup.
    /** Weakly hidden links to non-government sites, by the element that hides them (link farms). */
    const farms = new Map<Element, { link: PageLink; signals: HidingSignal[]; host: string }[]>();
    /** Hidden links not reported on their own, for the injected-block pass below. */
    const unreported: { link: PageLink; signals: readonly HidingSignal[] }[] = [];
    /** Elements and script wrappers that hide a reported link: the injected blocks. */
    const blocks = new Map<object, boolean>();
    const markBlock = (link: PageLink, signals: readonly HidingSignal[], sensitive: boolean) => {
      for (const r of regionsOf(style, link, signals, wrappers)) blocks.set(r, sensitive || blocks.get(r) === true);
    };
    for (const link of collectLinks(dom, source, info.base, LINK_TAGS)) {
      const signals =
        link.tag === 'iframe' || link.tag === 'frame'
          ? [
              ...iframeSignals(style, link.element),
              ...hidingSignals(style, link.element, position(link.element, info)),
              // A frame shows another site inside this page whether or not it is hidden: one of a
              // gambling or porn host is reported on its host alone.
              { technique: 'embedded-frame' as const, toggleable: false },
            ]
          : [
              ...hidingSignals(style, link.element, { position: link.element.startIndex ?? undefined, documentStart: info.documentStart, documentEnd: info.documentEnd, hasImage: link.hasImage }),
              ...hiddenTextSignals(style, link),
              ...wrapperSignals(wrappers, link.element.startIndex ?? -1),
            ];
      const j = judge(link, signals, terms, info.siteHosts) ?? hiddenFrame(link, signals, info.siteHosts);
      if (j) {
        emit(j, link.range);
        markBlock(link, j.signals, j.basis === 'sensitive');
        continue;
      }
      if (signals.some((s) => s.technique !== 'embedded-frame')) unreported.push({ link, signals });
      // A block that nothing on the page can reveal (no hover rule, script or handler) and that holds
      // links to several outside sites is a link farm, whatever the wording.
      const host = externalHost(link.url, info.siteHosts);
      const hider = signals.find((s) => s.element && !s.toggleable && WEAK_FARM.has(s.technique) && !style.revealableNearby(s.element));
      if (host && !isGovHost(host) && hider?.element && link.tag !== 'iframe' && link.tag !== 'frame') {
        const list = farms.get(hider.element) ?? [];
        list.push({ link, signals, host });
        farms.set(hider.element, list);
      }
    }
    const farmed = new Set<PageLink>();
    for (const list of farms.values()) {
      const outside = new Set(list.filter((x) => !isSameSite(x.host, PLATFORM_HOSTS)).map((x) => registrable(x.host)));
      if (outside.size < FARM_HOSTS) continue;
      for (const { link, signals, host } of list) {
        emit({ link, signals, sensitivity: undefined, host, basis: 'hidden-external' }, link.range);
        farmed.add(link);
        markBlock(link, signals, false);
      }
    }
    // One confirmed dark link makes its hidden block an injection: every other outside link hidden
    // in the same block (the same hiding element, or the same script wrapper) goes with it.
    if (blocks.size > 0) {
      for (const { link, signals } of unreported) {
        if (farmed.has(link)) continue;
        const leaving = externalHost(link.url, info.siteHosts);
        if (leaving === undefined || isGovHost(leaving)) continue;
        const regions = regionsOf(style, link, signals, wrappers).filter((r) => blocks.has(r));
        if (regions.length === 0) continue;
        emit({ link, signals, sensitivity: undefined, host: leaving, basis: 'injected-block', grave: regions.some((r) => blocks.get(r)) }, link.range);
      }
    }

    // 2. Links that inline scripts write (document.write / innerHTML), decoded statically.
    for (const script of elements(dom)) {
      if (script.name !== 'script' || script.attribs.src !== undefined) continue;
      const type = (script.attribs.type ?? '').toLowerCase();
      if (type !== '' && !/javascript|ecmascript|^module$/.test(type)) continue;
      const textNode = script.children.find((c) => c.type === 'text');
      if (!textNode || textNode.startIndex === null) continue;
      const code = rawText(script, source);
      const markup = scriptMarkup(code);
      if (!/<\s*(a|area|iframe|frame)\b/i.test(markup.text)) continue;
      const fragment = parseSource(markup.text);
      const fragmentStyle = new PageStyle(markup.text, fragment, budget);
      const base = textNode.startIndex;
      const byRange = new Map<string, { j: Judged; range: [number, number]; encoding: ScriptEncoding }>();
      const put = (j: Judged, link: PageLink) => {
        const at = sourceRangeOf(code, markup, link.range[0], link.range[1]);
        if (!at) return;
        const range: [number, number] = [base + at.start, base + at.end];
        const key = `${range[0]}:${range[1]}`;
        const prev = byRange.get(key);
        // One finding per script range: the core dedupes on the range; keep the gravest verdict.
        if (!prev || (prev.j.basis !== 'sensitive' && j.basis === 'sensitive')) byRange.set(key, { j, range, encoding: at.encoding });
      };
      const rest: { link: PageLink; signals: HidingSignal[] }[] = [];
      let confirmed = false;
      let grave = false;
      for (const link of collectLinks(fragment, markup.text, info.base, LINK_TAGS)) {
        const signals: HidingSignal[] = [
          { technique: 'document-write', toggleable: false },
          ...mergeSignals(
            hidingSignals(fragmentStyle, link.element, { hasImage: link.hasImage }),
            hidingSignals(style, link.element, { ...position(script, info), hasImage: link.hasImage }, script),
          ),
        ];
        const j = judge(link, signals, terms, info.siteHosts) ?? hiddenFrame(link, signals, info.siteHosts);
        if (!j) {
          rest.push({ link, signals });
          continue;
        }
        confirmed = true;
        grave ||= j.basis === 'sensitive';
        put(j, link);
      }
      // The written string is one injection: once it holds a dark link, every outside link it
      // writes goes with it.
      if (confirmed) {
        for (const { link, signals } of rest) {
          const leaving = externalHost(link.url, info.siteHosts);
          if (leaving === undefined || isGovHost(leaving)) continue;
          put({ link, signals, sensitivity: undefined, host: leaving, basis: 'injected-block', grave }, link);
        }
      }
      for (const { j, range, encoding } of byRange.values()) emit(j, range, { encoding });
    }

    // 3. Scripts, refreshes and script files that send visitors elsewhere.
    const outside = (href: string | undefined) => {
      const url = href === undefined ? undefined : resolveHref(href, info.base);
      const host = externalHost(url, info.siteHosts);
      return url && host !== undefined && !isGovHost(host) ? { url, host } : undefined;
    };
    const emitSent = (
      technique: Technique,
      basis: 'sensitive' | 'hijack',
      range: readonly [number, number],
      target: { url: URL; host: string } | undefined,
      tag: string,
      extra: { condition?: 'referrer' | 'crawler'; encoding?: ScriptEncoding } = {},
    ) => {
      const sensitivity = target ? terms.judge('', target.host) : undefined;
      const href = target ? target.url.href : '';
      const data: DarkLinkData = {
        technique,
        techniques: [technique],
        basis: sensitivity ? 'sensitive' : basis,
        href,
        ...(target ? { host: target.host } : {}),
        text: '',
        ...(sensitivity ? { terms: sensitivity.terms, category: sensitivity.category } : {}),
        ...(extra.condition ? { condition: extra.condition } : {}),
        ...(extra.encoding ? { encoding: extra.encoding } : {}),
        tag,
      };
      report({
        range,
        message: sentMessage(technique, target?.host, sensitivity, extra.condition),
        expected: [],
        severity: 'error',
        data: data as unknown as Record<string, unknown>,
        target: { kind: 'link', src: href },
      });
    };
    for (const el of elements(dom)) {
      if (el.name === 'meta' && (el.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
        const m = /^\s*\d*(?:\.\d+)?\s*[;,]?\s*url\s*=\s*['"]?([^'"]+)/i.exec(attr(el, 'content') ?? '');
        const target = outside(m?.[1]?.trim());
        if (target && terms.judge('', target.host)) emitSent('meta-refresh', 'sensitive', valueRange(source, el, 'content'), target, 'meta');
        continue;
      }
      if (el.name !== 'script') continue;
      if (el.attribs.src !== undefined) {
        const target = outside(attr(el, 'src'));
        if (target && terms.judge('', target.host)) emitSent('external-script', 'sensitive', valueRange(source, el, 'src'), target, 'script');
        continue;
      }
      const type = (el.attribs.type ?? '').toLowerCase();
      if (type !== '' && !/javascript|ecmascript|^module$/.test(type)) continue;
      const textNode = el.children.find((c) => c.type === 'text');
      if (!textNode || textNode.startIndex === null) continue;
      const behaviour = scriptBehaviour(rawText(el, source));
      if (!behaviour) continue;
      const base = textNode.startIndex;
      const targets = behaviour.targets.map((t) => ({ t, out: outside(t.url) }));
      const away = targets.filter((x) => x.out !== undefined);
      // Destinations that all stay on this site or on government sites (literal relative or own
      // addresses, nothing computed): a benign redirect such as a mobile site's.
      const ownOnly = away.length === 0 && !behaviour.unknownNavigation && !behaviour.writesFrame && !behaviour.hidesPage;
      const first = away.find((x) => terms.judge('', x.out!.host)) ?? away[0];
      const range: readonly [number, number] = first
        ? [base + first.t.start, base + first.t.end]
        : behaviour.at
          ? [base + behaviour.at[0], base + behaviour.at[1]]
          : [el.startIndex ?? 0, startTagEndOf(source, el)];
      const acts = behaviour.navigates || behaviour.writesFrame || behaviour.hidesPage;
      if (behaviour.condition === 'referrer' && acts && !ownOnly && !behaviour.apart) {
        emitSent('search-redirect', 'hijack', range, first?.out, 'script', { condition: 'referrer' });
      } else if (behaviour.condition === 'crawler' && acts && !ownOnly && !behaviour.apart && (away.length > 0 || behaviour.writesFrame || behaviour.hidesPage)) {
        // A phone redirect that spares robots (`!/spider/.test(ua) && /mobile/.test(ua)`) to m.… is not one.
        const mobileSite = behaviour.mobile && away.length > 0 && away.every((x) => /^(?:m|wap|mobile|3g|h5)\./.test(x.out!.host));
        if (!mobileSite) emitSent('search-redirect', 'hijack', range, first?.out, 'script', { condition: 'crawler' });
      } else if (behaviour.hidesPage && behaviour.writesFrame && (away.length > 0 || behaviour.targets.length === 0)) {
        emitSent('page-overlay', 'hijack', range, first?.out, 'script');
      } else if (behaviour.navigates && first && terms.judge('', first.out!.host)) {
        emitSent('script-redirect', 'sensitive', range, first.out, 'script');
      }
    }

    // Past the style budget some rules were not applied: say so rather than judge less in silence.
    const exceeded = budget.left <= 0;
    for (const r of pending) context.report(exceeded ? { ...r, data: { ...r.data, styleBudgetExceeded: true, styleSteps: PAGE_STYLE_STEPS } } : r);
    if (exceeded && pending.length === 0) {
      let sheet: Element | undefined;
      for (const e of elements(dom)) if (e.name === 'style') {
        sheet = e;
        break;
      }
      const at = sheet?.startIndex ?? 0;
      context.report({
        range: [at, sheet ? startTagEndOf(source, sheet) : at],
        message: `暗链检查未完成：页面样式规则过多（超过 ${PAGE_STYLE_STEPS} 步的分析预算），部分样式未用于判断链接是否隐藏。请人工检查页面，或删除重复的样式规则后重新检查。`,
        expected: [],
        severity: 'info',
        advisory: true,
        data: { styleBudgetExceeded: true, styleSteps: PAGE_STYLE_STEPS },
      });
    }
  },
});

function startTagEndOf(source: string, el: Element): number {
  const end = source.indexOf('>', el.startIndex ?? 0);
  return end === -1 ? source.length : end + 1;
}

/** zh-CN message for a script, refresh, script file or frame that sends visitors elsewhere. */
function sentMessage(technique: Technique, host: string | undefined, sensitivity: Sensitivity | undefined, condition: 'referrer' | 'crawler' | undefined): string {
  const where = host ? `网站 ${host}` : '其他网站';
  const why = sensitivity ? `（域名含“${sensitivity.terms.join('、')}”，${CATEGORY_NAMES[sensitivity.category]}类）` : '';
  const fix = '请删除该代码，并排查网站文件、模板和数据库是否被篡改。';
  switch (technique) {
    case 'search-redirect':
      return condition === 'crawler'
        ? `暗链（蜘蛛劫持）：脚本判断访问者是否为搜索引擎蜘蛛（userAgent 含 spider 等），对蜘蛛和访客区别对待，并把访客带往或嵌入${where}${why}。这是网页被篡改后挂暗链、劫持快照的典型手法。${fix}`
        : `暗链（跳转劫持）：脚本判断访客是否从搜索引擎（百度、搜狗等）点击进入，再把访客带往或嵌入${where}${why}；直接输入网址访问则看不到。这是网页被篡改后挂暗链、劫持快照的典型手法。${fix}`;
    case 'page-overlay':
      return `暗链（页面覆盖）：脚本隐藏本页原有内容，再写入整页框架显示${where}${why}，访客看到的是其他网站。${fix}`;
    case 'script-redirect':
      return `暗链：脚本把访客跳转到${where}${why}。${fix}`;
    case 'meta-refresh':
      return `暗链：<meta> 刷新把访客跳转到${where}${why}。${fix}`;
    case 'external-script':
      return `暗链：页面加载来自${where}${why}的脚本，可能写入暗链或跳转。${fix}`;
    default:
      return `暗链：页面嵌入${where}${why}。${fix}`;
  }
}

/** A stretch of the page that a script's unclosed `document.write('<div style="display:none">')` wraps. */
interface Wrapper {
  readonly start: number;
  readonly end: number;
  readonly signals: readonly HidingSignal[];
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Scripts that write an opening tag and leave it open (`document.write('<div style="display:none">')`)
 * wrap the markup that follows, up to the script that writes the closing tag (or the end of the
 * parent element): links there are hidden although the static markup shows no hiding at all.
 */
function scriptWrappers(dom: Parameters<typeof elements>[0], source: string, style: PageStyle): Wrapper[] {
  const out: Wrapper[] = [];
  const pending: { name: string; start: number; signals: HidingSignal[]; parentEnd: number }[] = [];
  for (const script of elements(dom)) {
    if (script.name !== 'script' || script.attribs.src !== undefined || script.startIndex === null || script.endIndex === null) continue;
    const markup = scriptMarkup(rawText(script, source)).text;
    if (!markup.includes('<')) continue;
    const own: { name: string; tag: string }[] = [];
    // Tags only, one linear pass; attribute values without '>' (what write() strings hold).
    for (const m of markup.matchAll(/<\s*(\/)?\s*([a-zA-Z][\w-]{0,20})\b([^<>]{0,2000})>/g)) {
      const name = m[2]!.toLowerCase();
      if (m[1]) {
        const mine = own.map((o) => o.name).lastIndexOf(name);
        if (mine !== -1) own.splice(mine);
        else {
          const open = pending.map((p) => p.name).lastIndexOf(name);
          if (open !== -1) {
            const [closed] = pending.splice(open, 1);
            if (closed!.signals.length > 0) out.push({ start: closed!.start, end: script.startIndex, signals: closed!.signals });
          }
        }
      } else if (!VOID_TAGS.has(name) && !m[3]!.trimEnd().endsWith('/')) {
        own.push({ name, tag: m[0] });
      }
    }
    const parentEnd = script.parent && script.parent.endIndex !== null ? script.parent.endIndex + 1 : source.length;
    for (const o of own) {
      const probe = parseDocument(`${o.tag}</${o.name}>`, { decodeEntities: false, lowerCaseTags: true }).children.find(isElementNode);
      const signals = probe
        ? hidingSignals(style, probe).map((sig) => ({ ...sig, toggleable: false }))
        : [];
      pending.push({ name: o.name, start: script.endIndex + 1, signals, parentEnd });
    }
  }
  for (const p of pending) if (p.signals.length > 0) out.push({ start: p.start, end: p.parentEnd, signals: p.signals });
  return out;
}

function isElementNode(node: AnyNode): node is Element {
  return node.type === 'tag';
}

function wrapperSignals(wrappers: readonly Wrapper[], at: number): HidingSignal[] {
  const w = wrappers.find((x) => x.start <= at && at < x.end);
  return w ? [{ technique: 'document-write', toggleable: false }, ...w.signals] : [];
}

/** Signals from the fragment's own markup and from the page around the script, without duplicates. */
function mergeSignals(a: readonly HidingSignal[], b: readonly HidingSignal[]): HidingSignal[] {
  const out = [...a];
  for (const s of b) if (!out.some((o) => o.technique === s.technique)) out.push(s);
  return out;
}

function position(el: Element, info: ReturnType<typeof pageInfo>) {
  return { position: el.startIndex ?? undefined, documentStart: info.documentStart, documentEnd: info.documentEnd };
}
