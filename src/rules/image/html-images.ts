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
  if (value === undefined) return undefined;
  const m = /^\s*(\d{1,6}(?:\.\d+)?)\s*(px)?\s*(?:!important\s*)?$/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** An HTML dimension attribute: a non-negative integer, with browsers' lenient `px` suffix; `%` is unknown. */
function attributePixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
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
 * The size a page declares for an image in CSS pixels: inline style wins over the width/height
 * attributes (CSS beats presentational hints), and a pixel `max-width`/`max-height` caps it.
 */
export function declaredSize(element: Element): { width?: number; height?: number } {
  const style = attribute(element, 'style');
  let width = cssPixels(styleProperty(style, 'width')) ?? attributePixels(attribute(element, 'width'));
  let height = cssPixels(styleProperty(style, 'height')) ?? attributePixels(attribute(element, 'height'));
  const maxWidth = cssPixels(styleProperty(style, 'max-width'));
  const maxHeight = cssPixels(styleProperty(style, 'max-height'));
  if (width !== undefined && maxWidth !== undefined) width = Math.min(width, maxWidth);
  if (height !== undefined && maxHeight !== undefined) height = Math.min(height, maxHeight);
  return { ...(width !== undefined && width > 0 ? { width } : {}), ...(height !== undefined && height > 0 ? { height } : {}) };
}

/** The URLs of a `srcset` (WHATWG HTML "parse a srcset attribute", simplified: URL then optional descriptor). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = srcset.length;
  while (i < n) {
    while (i < n && (/\s/.test(srcset[i]!) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    // A URL ending in commas ends the candidate there; otherwise skip the descriptors up to the next comma.
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      while (i < n && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

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
