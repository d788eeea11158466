import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';
import { decodeHTML } from 'entities';
import { OffsetMapBuilder } from '../text/offset-map.js';
import type { Document } from './document.js';
import { parseHtml } from './html.js';
import { Segment } from './segment.js';

/** mdast block nodes whose inline content forms one segment. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Aligns a node's decoded `value` with its source slice: equal units map one to one, a backslash
 * escape or a character reference in the source maps to the character(s) it produced, and source
 * units the parser dropped (indentation, block-quote markers) are skipped. Where the two cannot be
 * aligned, the rest of the value maps to the rest of the slice, so ranges still cover the right node.
 */
function alignInto(b: OffsetMapBuilder, value: string, source: string, start: number, end: number): void {
  let v = 0;
  let s = start;
  while (v < value.length) {
    if (s >= end) {
      b.push(value.slice(v), end, end);
      return;
    }
    const vc = value[v] as string;
    const sc = source[s] as string;
    if (sc === '\\' && source[s + 1] === vc) {
      b.push(vc, s, s + 2);
      v++;
      s += 2;
      continue;
    }
    if (sc === '&') {
      const m = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(s, s + 40));
      if (m) {
        const decoded = decodeHTML(m[0]);
        if (value.startsWith(decoded, v)) {
          b.push(decoded, s, s + m[0].length);
          v += decoded.length;
          s += m[0].length;
          continue;
        }
      }
    }
    if (vc === sc) {
      b.pushVerbatim(vc, s);
      v++;
      s++;
      continue;
    }
    if (sc === ' ' || sc === '\t' || sc === '>' || sc === '\r') {
      s++;
      continue;
    }
    b.push(value.slice(v), s, end);
    return;
  }
}

/**
 * Parses Markdown (CommonMark) into visible-text segments: paragraphs, headings and table cells,
 * image alternative text and link titles. Code is skipped; raw HTML blocks go through the HTML parser.
 */
export function parseMarkdown(source: string): Document {
  const tree = fromMarkdown(source);
  const segments: Segment[] = [];

  const inline = (node: Nodes, b: OffsetMapBuilder): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && start !== undefined && end !== undefined) {
      alignInto(b, node.value, source, start, end);
    } else if (node.type === 'image' && node.alt && start !== undefined && end !== undefined) {
      attribute(node.alt, start + 2, end, 'img', 'alt');
    } else if ('children' in node) {
      if (node.type === 'link' && node.title && start !== undefined && end !== undefined) attribute(node.title, start, end, 'a', 'title');
      for (const child of (node as Parents).children) inline(child, b);
    }
  };

  const attribute = (value: string, start: number, end: number, tag: string, name: string): void => {
    const at = source.indexOf(value, start);
    const b = new OffsetMapBuilder();
    if (at !== -1 && at + value.length <= end) b.pushVerbatim(value, at);
    else alignInto(b, value, source, start, end);
    const { text, map } = b.finish(end);
    segments.push(new Segment(text, map, 'attribute', tag, name));
  };

  const segmentOf = (b: OffsetMapBuilder, tag?: string): Segment | null => {
    if (b.length === 0) return null;
    const { text, map } = b.finish(0);
    return new Segment(text, map, 'block', tag);
  };

  const block = (node: Nodes): void => {
    if (TEXT_BLOCKS.has(node.type)) {
      const b = new OffsetMapBuilder();
      for (const child of (node as Parents).children) inline(child, b);
      const s = segmentOf(b, node.type === 'heading' ? `h${(node as { depth: number }).depth}` : node.type === 'tableCell' ? 'td' : 'p');
      if (s) segments.push(s);
    } else if (node.type === 'html') {
      const start = node.position?.start.offset;
      if (start !== undefined && source.startsWith(node.value, start)) {
        for (const s of parseHtml(node.value).segments) segments.push(new Segment(s.text, shiftMap(s, start), s.kind, s.tag, s.attribute));
      }
    } else if ('children' in node) {
      for (const child of (node as Parents).children) block(child);
    }
  };
  block(tree);
  return { kind: 'markdown', source, segments };
}

/** The segment's map, moved `offset` units further into the source. */
function shiftMap(segment: Segment, offset: number) {
  const b = new OffsetMapBuilder();
  for (let i = 0; i < segment.text.length; i++) {
    const [s, e] = segment.toSource(i, i + 1);
    b.push(segment.text[i] as string, s + offset, e + offset);
  }
  return b.finish(0).map;
}
