import type { AnyNode, Document as DomDocument, Element } from 'domhandler';
import { attributeSpans, startTagEnd } from '../../../document/html.js';
import { isElement } from '../../../html/dom.js';
import { resolveHref } from '../../../knowledge/hosts.js';
import { attr, textContent } from './hiding.js';

/** One reference on a page that a browser would follow or load. */
export interface PageLink {
  readonly element: Element;
  /** `a`, `area`, `iframe`, `frame`, `img` … */
  readonly tag: string;
  /** The attribute holding the URL: `href` or `src`. */
  readonly attribute: string;
  /** The value as written, character references decoded. */
  readonly href: string;
  /** Resolved against the page's base; undefined when not a valid URL. */
  readonly url: URL | undefined;
  /** Source range of the attribute value (inside the quotes); the start tag when the value is empty. */
  readonly range: readonly [number, number];
  /** Anchor text, `title` and `alt` of images inside, for judging the wording. */
  readonly text: string;
  readonly hasImage: boolean;
}

/** What the page says about itself: its address and the hosts that count as "this site". */
export interface PageInfo {
  readonly dom: DomDocument;
  /** `<base href>` or the caller's base URL; relative links resolve against it. */
  readonly base: string | undefined;
  /** Hosts of this site: the caller's, and those named by base/canonical/og:url. */
  readonly siteHosts: readonly string[];
  /** Start of `<!DOCTYPE>` (or of `<html>` when there is no DOCTYPE). */
  readonly documentStart: number | undefined;
  /** Index just past an explicit `</html>`. */
  readonly documentEnd: number | undefined;
  /** The source is a whole page (DOCTYPE, `<html>`, `<head>` or `<body>`), not an article fragment. */
  readonly isFullPage: boolean;
}

export { isElement };

const NODE_LIMIT = 200_000;
/**
 * Where a DOM root keeps its element list: on the root object itself, so the list lives and dies with its
 * DOM. (A WeakMap keyed by the root held every page's DOM until a full collection, the list referring back
 * to its key, and a long run's memory grew with the pages.)
 */
const WALKED: unique symbol = Symbol('shenjiao.elements');

/**
 * The elements under `root` (itself included), depth first in document order, stopping at 200 000 nodes
 * (a bound for hostile input). A whole document (a DOM root: the page or a fragment a script writes) is
 * walked once and its list shared by the walks that follow; the list must not be changed.
 */
export function elements(root: AnyNode): readonly Element[] {
  if (root.type !== 'root') return walk(root);
  const holder = root as AnyNode & { [WALKED]?: readonly Element[] };
  return (holder[WALKED] ??= walk(root));
}

function walk(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < NODE_LIMIT) {
    const node = stack.pop()!;
    seen++;
    if (isElement(node)) out.push(node);
    const children = (node as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** Has an ancestor (or is) one of `names`. */
export function insideTag(el: Element, names: ReadonlySet<string>): boolean {
  for (let n: AnyNode | null = el; n; n = n.parent) if (isElement(n) && names.has(n.name)) return true;
  return false;
}

/** Reads the page's own address and structure from its DOM. */
export function pageInfo(dom: DomDocument, source: string, options: { baseUrl?: string; siteHosts?: readonly string[] } = {}): PageInfo {
  let base = options.baseUrl;
  const sites = new Set<string>((options.siteHosts ?? []).map((h) => h.toLowerCase()));
  const addHost = (u: string | undefined) => {
    if (!u) return;
    const url = resolveHref(u, base);
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== 'page.invalid') sites.add(url.hostname.toLowerCase());
  };
  addHost(options.baseUrl);
  let documentStart: number | undefined;
  let documentEnd: number | undefined;
  let full = false;
  for (const node of dom.children) {
    if (node.type === 'directive' && /^!doctype/i.test((node as unknown as { name: string }).name) && documentStart === undefined) {
      documentStart = node.startIndex ?? undefined;
      full = true;
    }
  }
  for (const el of elements(dom)) {
    if (el.name === 'html' || el.name === 'head' || el.name === 'body') full = true;
    if (el.name === 'html' && documentStart === undefined) documentStart = el.startIndex ?? undefined;
    if (el.name === 'html' && el.endIndex !== null && documentEnd === undefined) {
      const end = el.endIndex + 1;
      if (source.slice(Math.max(0, end - 7), end).toLowerCase() === '</html>') documentEnd = end;
    }
    if (el.name === 'base' && base === undefined) {
      const href = attr(el, 'href');
      if (href && resolveHref(href)?.protocol.startsWith('http')) base = resolveHref(href)!.href;
    }
    if (el.name === 'link' && /\bcanonical\b/i.test(el.attribs.rel ?? '')) addHost(attr(el, 'href'));
    if (el.name === 'meta' && (el.attribs.property ?? el.attribs.name ?? '').toLowerCase() === 'og:url') addHost(attr(el, 'content'));
  }
  addHost(base);
  return { dom, base, siteHosts: [...sites], documentStart, documentEnd, isFullPage: full };
}

/** Which elements and attributes carry links. */
const LINK_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href',
  area: 'href',
  iframe: 'src',
  frame: 'src',
  img: 'src',
  embed: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
};

/** Elements whose content a browser never renders as part of the page. */
const INERT = new Set(['template', 'xmp', 'textarea', 'title']);

/**
 * Every link of the page, in document order. `tags` limits the elements (default: `a` and `area`).
 * Links inside `<template>` (inert content) are left out.
 */
export function collectLinks(root: AnyNode, source: string, base: string | undefined, tags: ReadonlySet<string> = new Set(['a', 'area'])): PageLink[] {
  const out: PageLink[] = [];
  for (const el of elements(root)) {
    // The caller's few tags first: most elements are none of them.
    if (!tags.has(el.name)) continue;
    const attribute = LINK_ATTRIBUTES[el.name];
    if (!attribute) continue;
    const raw = el.attribs[attribute];
    if (raw === undefined) continue;
    if (insideTag(el, INERT)) continue;
    const href = attr(el, attribute)!.trim();
    const range = valueRange(source, el, attribute);
    const images = elements(el).filter((c) => c.name === 'img');
    const text = [textContent(el, source, 500), attr(el, 'title') ?? '', el.name === 'area' ? attr(el, 'alt') ?? '' : '', ...images.map((i) => attr(i, 'alt') ?? '')]
      .filter((s) => s.length > 0)
      .join(' ');
    out.push({ element: el, tag: el.name, attribute, href, url: href === '' ? undefined : resolveHref(href, base), range, text, hasImage: images.length > 0 });
  }
  return out;
}

/** Source range of an attribute's value; the start tag when the value is missing or empty. */
export function valueRange(source: string, el: Element, attribute: string): readonly [number, number] {
  const start = el.startIndex ?? 0;
  const end = startTagEnd(source, el);
  for (const span of attributeSpans(source, start, end)) {
    if (span.name === attribute && span.value.length > 0) return [span.start, span.start + span.value.length];
  }
  return [start, end];
}
