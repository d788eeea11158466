import { parseSource } from '../html/dom.js';
import type { AnyNode, Element } from 'domhandler';
import { OffsetMapBuilder } from '../text/offset-map.js';
import type { Document } from './document.js';
import { decodeReference, ENTITY, isCjk } from './entities.js';
import { Segment } from './segment.js';

/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'svg', 'math', 'object', 'iframe', 'audio', 'video', 'canvas']);

/** Elements that start and end a block: a match never crosses their boundary. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'marquee', 'menu', 'nav', 'noscript', 'ol', 'optgroup', 'option', 'p', 'pre', 'section', 'select', 'summary',
  'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'button', 'label', 'legend',
]);

/** Attributes whose values people read (tooltips, alternative text) and are checked as text. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title']);

/** Meta tags whose `content` is published text (search results show it). */
const TEXT_META = new Set(['description', 'keywords']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** Collects one block's visible text; whitespace is collapsed as a browser renders it. */
class BlockBuilder {
  private readonly b = new OffsetMapBuilder();
  /** A pending whitespace run: its source range and whether it held a line break. */
  private pending: { start: number; end: number; newline: boolean } | null = null;

  /** Appends decoded source text `raw` found at source offset `offset`. */
  addRaw(raw: string, offset: number, inAttribute = false): void {
    let last = 0;
    if (raw.includes('&')) {
      ENTITY.lastIndex = 0;
      for (let m = ENTITY.exec(raw); m !== null; m = ENTITY.exec(raw)) {
        const ref = decodeReference(m[0], raw[m.index + m[0].length] ?? '', inAttribute);
        if (ref === null) continue;
        this.addPlain(raw.slice(last, m.index), offset + last);
        this.flushSpace(ref.text.charCodeAt(0));
        this.b.push(ref.text, offset + m.index, offset + m.index + ref.length);
        last = m.index + ref.length;
        ENTITY.lastIndex = last;
      }
    }
    this.addPlain(raw.slice(last), offset + last);
  }

  private addPlain(text: string, offset: number): void {
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isSpace(c)) continue;
      if (i > runStart) {
        this.flushSpace(text.charCodeAt(runStart));
        this.b.pushVerbatim(text.slice(runStart, i), offset + runStart);
      }
      let j = i;
      let newline = false;
      while (j < text.length && isSpace(text.charCodeAt(j))) {
        if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) newline = true;
        j++;
      }
      if (this.pending) {
        this.pending.end = offset + j;
        this.pending.newline ||= newline;
      } else {
        this.pending = { start: offset + i, end: offset + j, newline };
      }
      i = j - 1;
      runStart = j;
    }
    if (runStart < text.length) {
      this.flushSpace(text.charCodeAt(runStart));
      this.b.pushVerbatim(text.slice(runStart), offset + runStart);
    }
  }

  /** Emits the pending whitespace as one space, or drops it (leading, or a line break between CJK text). */
  private flushSpace(next: number): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (this.b.length === 0) return;
    const prev = this.b.lastCode();
    if (p.newline && isCjk(prev) && isCjk(next)) return;
    this.b.push(' ', p.start, p.end);
  }

  get empty(): boolean {
    return this.b.length === 0;
  }

  /** The finished segment, or null when the block held no visible text. */
  finish(tag?: string, kind: 'block' | 'attribute' = 'block', attribute?: string): Segment | null {
    this.pending = null;
    if (this.b.length === 0) return null;
    const { text, map } = this.b.finish(0);
    this.b.clear();
    return new Segment(text, map, kind, tag, attribute);
  }
}

interface AttributeSpan {
  readonly name: string;
  /** Source offset of the first unit of the value (inside the quotes). */
  readonly start: number;
  readonly value: string;
}

/**
 * Finds each attribute's value and its source offset inside a start tag; domhandler keeps the values
 * but not where they stand. Linear: every loop advances `i`.
 */
export function attributeSpans(source: string, tagStart: number, tagEnd: number): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  let i = tagStart + 1;
  while (i < tagEnd && !isSpace(source.charCodeAt(i)) && source[i] !== '>' && source[i] !== '/') i++;
  while (i < tagEnd) {
    while (i < tagEnd && (isSpace(source.charCodeAt(i)) || source[i] === '/')) i++;
    if (i >= tagEnd || source[i] === '>') break;
    const nameStart = i;
    while (i < tagEnd && !isSpace(source.charCodeAt(i)) && source[i] !== '=' && source[i] !== '>' && source[i] !== '/') i++;
    const name = source.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < tagEnd && isSpace(source.charCodeAt(j))) j++;
    if (source[j] !== '=') {
      if (i === nameStart) i++;
      continue;
    }
    j++;
    while (j < tagEnd && isSpace(source.charCodeAt(j))) j++;
    const quote = source[j];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, j + 1);
      const end = close === -1 || close > tagEnd ? tagEnd : close;
      spans.push({ name, start: j + 1, value: source.slice(j + 1, end) });
      i = end + 1;
    } else {
      const start = j;
      while (j < tagEnd && !isSpace(source.charCodeAt(j)) && source[j] !== '>') j++;
      spans.push({ name, start, value: source.slice(start, j) });
      i = j;
    }
  }
  return spans;
}

/** Where an element's start tag ends (exclusive): the first `>` outside quotes. */
export function startTagEnd(source: string, element: Element): number {
  let quote = '';
  const limit = element.endIndex === null ? source.length : element.endIndex + 1;
  for (let i = element.startIndex ?? 0; i < limit; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return limit;
}

/**
 * Parses HTML into visible-text segments mapped to exact source offsets. Scripts, styles and comments
 * are skipped; entities are decoded with the map intact; each block element starts a new segment;
 * `alt` and `title` values and the description/keywords meta tags become attribute segments.
 * Malformed markup is parsed the way htmlparser2 recovers from it; nothing here throws on content.
 * Nesting deeper than `MAX_DEPTH` is flattened as browsers flatten it; that content is still checked.
 */
export function parseHtml(source: string): Document {
  const dom = parseSource(source);
  const segments: Segment[] = [];
  const attributes: Segment[] = [];
  const block = new BlockBuilder();
  const blockTags: string[] = [];

  const flush = (tag: string | undefined): void => {
    const s = block.finish(tag);
    if (s) segments.push(s);
  };

  const addAttributes = (el: Element): void => {
    const wanted = el.name === 'meta' ? TEXT_META.has((el.attribs.name ?? '').toLowerCase()) : Object.keys(el.attribs).some((a) => TEXT_ATTRIBUTES.has(a));
    if (!wanted || el.startIndex === null) return;
    const end = startTagEnd(source, el);
    // A repeated attribute is dropped by browsers (the first one wins), and so is it here: a tag with a
    // hundred thousand `title`s shows one tooltip and makes one segment.
    const seen = new Set<string>();
    for (const span of attributeSpans(source, el.startIndex, end)) {
      if (seen.has(span.name)) continue;
      seen.add(span.name);
      const isText = el.name === 'meta' ? span.name === 'content' : TEXT_ATTRIBUTES.has(span.name);
      if (!isText || span.value.trim() === '') continue;
      const b = new BlockBuilder();
      b.addRaw(span.value, span.start, true);
      const s = b.finish(el.name, 'attribute', span.name);
      if (s) attributes.push(s);
    }
  };

  // An explicit stack instead of recursion: injected pages can nest elements a hundred thousand deep.
  type Step = { node: AnyNode; exit: false } | { el: Element; exit: true };
  const stack: Step[] = [];
  const pushChildren = (nodes: readonly AnyNode[]): void => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as AnyNode, exit: false });
  };
  const addText = (node: AnyNode): void => {
    if (node.startIndex !== null && node.endIndex !== null) block.addRaw(source.slice(node.startIndex, node.endIndex + 1), node.startIndex);
  };
  pushChildren(dom.children);
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if (step.exit) {
      flush(blockTags.pop());
      continue;
    }
    const node = step.node;
    if (node.type === 'text') {
      addText(node);
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as Element;
      addAttributes(el);
      if (HIDDEN.has(el.name)) {
        // Of the head, only the title and the description/keywords meta tags are shown to people.
        if (el.name === 'head') pushChildren(el.children.filter((c) => c.type === 'tag' && ['title', 'meta'].includes((c as Element).name)));
        continue;
      }
      if (BLOCKS.has(el.name)) {
        flush(blockTags[blockTags.length - 1]);
        blockTags.push(el.name);
        stack.push({ el, exit: true });
      }
      if (el.name === 'textarea' || el.name === 'title') {
        // Raw text elements: their content is text even where it looks like markup.
        for (const c of el.children) if (c.type === 'text') addText(c);
      } else {
        pushChildren(el.children);
      }
    } else if (node.type === 'root' || node.type === 'cdata') {
      pushChildren((node as unknown as { children: AnyNode[] }).children);
    }
  }
  flush(undefined);
  // Attribute segments follow the blocks; findings are sorted by range afterwards anyway.
  return { kind: 'html', source, segments: segments.concat(attributes), dom };
}
