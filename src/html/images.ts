import type { AnyNode, Element } from 'domhandler';
import { decodeHTMLAttribute } from 'entities';

/** An element that shows an image, with what its ancestors say about it. */
export interface ImageElement {
  readonly element: Element;
  /** `img`, `input` (type=image), `area`, or `source` (with srcset, inside `<picture>`). */
  readonly tag: string;
  /** The nearest enclosing `<a href>`, if any. */
  readonly link?: Element;
  /** Hidden from everyone (`hidden`, `display:none`) or from assistive technology (`aria-hidden="true"`), itself or by an ancestor. */
  readonly hidden: boolean;
  /** Inside `<header>`, `<nav>`, `<footer>`, `<aside>` or `<button>`: page furniture, not article content. */
  readonly furniture: boolean;
}

const FURNITURE = new Set(['header', 'nav', 'footer', 'aside', 'button']);
/** Elements whose content is not rendered as page content. */
const INERT = new Set(['template', 'script', 'style', 'noscript', 'svg', 'math']);

/** An attribute's value with character references decoded (the document model keeps them raw). */
export function attribute(element: Element, name: string): string | undefined {
  const raw = element.attribs[name];
  return raw === undefined ? undefined : raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
}

/** Reads a `display:none` / `visibility:hidden` inline style. */
function styleHides(style: string | undefined): boolean {
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

function hides(element: Element): boolean {
  return element.attribs.hidden !== undefined || (attribute(element, 'aria-hidden') ?? '').trim().toLowerCase() === 'true' || styleHides(attribute(element, 'style'));
}

/**
 * Every image-showing element of a parsed document, in document order. Iterative, so a deeply nested
 * (malformed) document cannot overflow the stack.
 */
export function imageElements(root: AnyNode): ImageElement[] {
  const out: ImageElement[] = [];
  type Frame = { node: AnyNode; link?: Element; hidden: boolean; furniture: boolean };
  const stack: Frame[] = [{ node: root, hidden: false, furniture: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    let { link, hidden, furniture } = frame;
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as Element;
      const name = el.name;
      if (INERT.has(name)) continue;
      hidden ||= hides(el);
      furniture ||= FURNITURE.has(name);
      if (name === 'a' && el.attribs.href !== undefined) link = el;
      const pictureSource = name === 'source' && el.parent !== null && (el.parent as Element).name === 'picture' && el.attribs.srcset !== undefined;
      if (name === 'img' || pictureSource || (name === 'input' && (attribute(el, 'type') ?? '').trim().toLowerCase() === 'image') || (name === 'area' && el.attribs.href !== undefined)) {
        out.push({ element: el, tag: name, hidden, furniture, ...(link ? { link } : {}) });
      }
    }
    const children = (node as { children?: AnyNode[] }).children;
    if (children) {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, hidden, furniture, ...(link ? { link } : {}) });
    }
  }
  return out;
}

/** A CSS length in px (`600`, `600px`); other units and percentages are unknown. */
function cssPixels(value: string | undefined): number | undefined {
  // Bounded first: the pattern's runs of optional spaces must not meet megabyte attributes.
  if (value === undefined || value.length > 100) return undefined;
  const m = /^\s*(\d{1,6}(?:\.\d+)?)\s*(px)?\s*(?:!important\s*)?$/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** An HTML dimension attribute: a non-negative integer, with browsers' lenient `px` suffix; `%` is unknown. */
function attributePixels(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 100) return undefined;
  const m = /^\s*(\d{1,6})(?:\.\d+)?\s*(px)?\s*$/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

function styleProperty(style: string | undefined, property: string): string | undefined {
  if (style === undefined) return undefined;
  let found: string | undefined;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    if (declaration.slice(0, colon).trim().toLowerCase() === property) found = declaration.slice(colon + 1);
  }
  return found;
}

/**
 * A CSS value that the cascade accepts for `width`/`height` (a length, percentage, keyword or math
 * function), so that it overrides the attribute even when we cannot turn it into pixels.
 */
function cssSizeValue(value: string): boolean {
  // A value this long is no plain length: whatever it is, it is not pixels we can read.
  if (value.length > 200) return true;
  return /^\s*(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*[a-z%]*|auto|inherit|initial|unset|revert(?:-layer)?|(?:min|max|fit)-content|stretch|(?:calc|min|max|clamp|var|fit-content)\(.*\))\s*(?:!\s*important\s*)?$/i.test(value);
}

/** One side of the declared size: inline style (when valid) overrides the attribute; only px values are known. */
function declaredSide(element: Element, style: string | undefined, side: 'width' | 'height'): number | undefined {
  const styled = styleProperty(style, side);
  // CSS beats presentational hints: width:100% or 20em hides the attribute's pixels from us.
  if (styled !== undefined && cssSizeValue(styled)) return cssPixels(styled);
  return attributePixels(attribute(element, side));
}

/**
 * The size a page declares for an image in CSS pixels: inline style wins over the width/height
 * attributes (CSS beats presentational hints) even when its unit is not px (then the side is
 * unknown), and a pixel `max-width`/`max-height` caps it. Stylesheets are not read.
 */
export function declaredSize(element: Element): { width?: number; height?: number } {
  const style = attribute(element, 'style');
  let width = declaredSide(element, style, 'width');
  let height = declaredSide(element, style, 'height');
  const maxWidth = cssPixels(styleProperty(style, 'max-width'));
  const maxHeight = cssPixels(styleProperty(style, 'max-height'));
  if (width !== undefined && maxWidth !== undefined) width = Math.min(width, maxWidth);
  if (height !== undefined && maxHeight !== undefined) height = Math.min(height, maxHeight);
  return { ...(width !== undefined && width > 0 ? { width } : {}), ...(height !== undefined && height > 0 ? { height } : {}) };
}

/** One `srcset` candidate: its URL and its width (`800w`) or density (`2x`) descriptor. */
export interface SrcsetCandidate {
  readonly url: string;
  readonly width?: number;
  readonly density?: number;
}

/**
 * The candidates of a `srcset` (WHATWG HTML "parse a srcset attribute", simplified): a URL runs to
 * the next whitespace, so commas inside it (`a,b.jpg`, data: URLs) stay; trailing commas end it;
 * descriptors run to the next comma outside parentheses.
 */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  const space = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (space(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !space(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const from = i;
      let depth = 0;
      while (i < n && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptors = srcset.slice(from, Math.min(i, from + 200));
    }
    if (!url) continue;
    let width: number | undefined;
    let density: number | undefined;
    for (const token of descriptors.trim().split(/\s+/)) {
      const w = /^(\d{1,7})w$/.exec(token);
      const x = /^(\d{0,4}(?:\.\d{1,6})?)x$/.exec(token);
      if (w) width = Number(w[1]);
      else if (x && x[1] !== '' && x[1] !== '.') density = Number(x[1]);
    }
    out.push({ url, ...(width !== undefined ? { width } : {}), ...(density !== undefined ? { density } : {}) });
  }
  return out;
}

/** The URLs of a `srcset`. */
export function srcsetUrls(srcset: string): string[] {
  return srcsetCandidates(srcset).map((c) => c.url);
}

/**
 * Attributes where lazy-loading scripts keep the real image while `src` holds a placeholder (a grey
 * GIF, a spinner, a data: pixel): jQuery Lazy Load (`data-original`), lazysizes and WeChat articles
 * (`data-src`), and other common loaders. Their `srcset` counterparts follow.
 */
export const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-echo', 'data-actualsrc', 'data-ks-lazyload', 'lazy-src', 'data-original-src'] as const;
export const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'] as const;

/**
 * Whether a link has text of its own: visible text, or an image with a non-empty alt. An image with
 * an empty alt adds nothing, so the answer is the same for every image in the link (callers cache it).
 */
export function hasTextContent(root: Element): boolean {
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as { data: string }).data;
      if (data.replace(/&nbsp;|&#160;|&#xa0;/gi, ' ').trim() !== '') return true;
    } else if (node.type === 'tag') {
      const el = node as Element;
      if (INERT.has(el.name) || hides(el)) continue;
      if (el.name === 'img' && (attribute(el, 'alt') ?? '').trim() !== '') return true;
      stack.push(...el.children);
    }
  }
  return false;
}
