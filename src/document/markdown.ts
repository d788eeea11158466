import { OffsetMapBuilder } from '../text/offset-map.js';
import type { Document } from './document.js';
import { decodeReference, ENTITY, isCjk } from './entities.js';
import { parseHtml } from './html.js';
import { Segment } from './segment.js';

/**
 * Markdown to visible text in one linear pass. A full CommonMark parser (micromark) takes quadratic
 * time on nested containers and long emphasis runs, which a pre-publish hook cannot afford on hostile
 * input; checking prose needs only the text and exact offsets. Handled: ATX and setext headings,
 * paragraphs, block quotes and lists (markers stripped), fenced and indented code (skipped), tables
 * (one segment per cell), thematic breaks, link reference definitions, raw HTML blocks (through the
 * HTML parser), and inline emphasis, code spans, links, images (alt text as an attribute segment),
 * autolinks, inline tags, backslash escapes and character references.
 */

interface Line {
  /** Offset of the line's content after container markers. */
  readonly start: number;
  /** Offset just before the line break. */
  readonly end: number;
  /** Whether the raw line (before container stripping) had more than three leading spaces. */
  readonly indented: boolean;
  /** Whether a list marker or block-quote marker was stripped. */
  readonly container: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const REFERENCE = /^ {0,3}\[[^\]]{1,999}\]:/;
const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*|\/[A-Za-z]|!--|!)/;
/** Markers of block quotes and list items at the start of a line; each match consumes at least one unit. */
const CONTAINER = /^(?:[ \t]{0,16}>[ \t]?|[ \t]{0,16}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?)/;
/** The same regular expression, sticky, for character references at a known offset (no scan ahead). */
const ENTITY_AT = new RegExp(ENTITY.source, 'y');
const MAX_LINK_DESTINATION = 1024;

function isPunctuation(c: string): boolean {
  return /[!-/:-@[-`{-~]/.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Splits the source into lines and strips block-quote and list markers (each strip consumes input, so linear). */
function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = source.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let content = start;
    let container = false;
    let indent = 0;
    while (source.charCodeAt(start + indent) === 32) indent++;
    for (;;) {
      const m = CONTAINER.exec(source.slice(content, Math.min(i, content + 40)));
      if (!m || m[0].length === 0) break;
      content += m[0].length;
      container = true;
    }
    lines.push({ start: content, end: i, indented: !container && indent >= 4, container });
    if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return lines;
}

/** Units the inline link scan has examined since the module loaded; a test reads it to see the scan stay linear. */
export const inlineWork = { steps: 0 };

/**
 * For every offset just after `](` in `[start, end)`, the offset of the `)` that closes the destination
 * there: the first unescaped `)` at which the parentheses opened since that offset balance out. One pass
 * for the whole range (a stack of waiting offsets, one entry per depth), where scanning ahead from each
 * `](` on its own costs the destination limit per bracket: `[a](` repeated 262,144 times scanned 268
 * million characters. Escapes are read from the range's start, as `scanLinks` reads them; an offset
 * after an escaped `]` gets an answer too, which nobody asks for.
 */
export function destinationCloses(s: string, start: number, end: number): Map<number, number> {
  const closes = new Map<number, number>();
  /** Offsets waiting for their `)`, with the depth they started at; depths never decrease upwards. */
  const waiting: number[] = [];
  const depths: number[] = [];
  let depth = 0;
  inlineWork.steps += end - start;
  for (let k = start; k < end; k++) {
    const ch = s.charCodeAt(k);
    if (k >= start + 2 && s.charCodeAt(k - 1) === 40 && s.charCodeAt(k - 2) === 93) {
      waiting.push(k);
      depths.push(depth);
    }
    if (ch === 92) {
      k++;
      continue;
    }
    if (ch === 40) depth++;
    else if (ch === 41) {
      while (depths.length > 0 && depths[depths.length - 1] === depth) {
        closes.set(waiting.pop() as number, k);
        depths.pop();
      }
      depth--;
    }
  }
  return closes;
}

/** Appends a range of inline Markdown to `b`, dropping markup and decoding escapes and references. */
class InlineWriter {
  constructor(
    private readonly source: string,
    private readonly b: OffsetMapBuilder,
    private readonly onImage: (alt: string, start: number) => void,
  ) {}

  /** Writes `[start, end)` of the source. `dropped` marks offsets that are link markup. */
  write(start: number, end: number, dropped: Set<number>, skipTo: Map<number, number>): void {
    const s = this.source;
    let i = start;
    while (i < end) {
      const jump = skipTo.get(i);
      if (jump !== undefined) {
        i = jump;
        continue;
      }
      const ch = s[i] as string;
      if (dropped.has(i)) {
        i++;
        continue;
      }
      if (ch === '\\' && i + 1 < end && isPunctuation(s[i + 1] as string)) {
        this.b.push(s[i + 1] as string, i, i + 2);
        i += 2;
        continue;
      }
      if (ch === '&') {
        ENTITY_AT.lastIndex = i;
        const m = ENTITY_AT.exec(s);
        if (m && i + m[0].length <= end) {
          const ref = decodeReference(m[0], s[i + m[0].length] ?? '', false);
          if (ref) {
            this.b.push(ref.text, i, i + ref.length);
            i += ref.length;
            continue;
          }
        }
      }
      if (ch === '*' || ch === '_' || ch === '~' || ch === '`') {
        let j = i;
        while (j < end && s[j] === ch) j++;
        const before = s[i - 1];
        const after = s[j];
        const flanking = !/\s/.test(after ?? ' ') || !/\s/.test(before ?? ' ');
        // Intraword underscores (snake_case, URLs) are text; tildes mark strikethrough only in pairs (1~3月 is a range).
        const markup = ch === '_' ? flanking && !(isWordChar(before) && isWordChar(after)) : ch === '~' ? j - i >= 2 : flanking;
        if (markup) {
          i = j;
          continue;
        }
      }
      if (ch === '<') {
        const close = s.slice(i, Math.min(end, i + 501)).indexOf('>') + i;
        if (close >= i && /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>$/.test(s.slice(i, close + 1))) {
          i = close + 1;
          continue;
        }
      }
      this.b.pushVerbatim(ch, i);
      i++;
    }
  }

  /** Finds link markup in `[start, end)`: bracket pairs of links and images, destinations to skip, images. */
  scanLinks(start: number, end: number): { dropped: Set<number>; skipTo: Map<number, number> } {
    const s = this.source;
    const dropped = new Set<number>();
    const skipTo = new Map<number, number>();
    const open: number[] = [];
    let closes: Map<number, number> | undefined;
    for (let i = start; i < end; i++) {
      inlineWork.steps++;
      const ch = s[i];
      if (ch === '\\') {
        i++;
      } else if (ch === '[') {
        open.push(i);
      } else if (ch === ']' && open.length > 0) {
        const o = open.pop() as number;
        const next = s[i + 1];
        let destinationEnd = -1;
        if (next === '(') {
          closes ??= destinationCloses(s, start, end);
          const close = closes.get(i + 2);
          if (close !== undefined && close < i + 2 + MAX_LINK_DESTINATION) destinationEnd = close + 1;
        } else if (next === '[') {
          const close = s.slice(i + 2, Math.min(end, i + 1002)).indexOf(']');
          inlineWork.steps += close === -1 ? Math.min(end, i + 1002) - (i + 2) : close + 1;
          if (close !== -1) destinationEnd = i + 2 + close + 1;
        }
        if (destinationEnd === -1) continue;
        const image = s[o - 1] === '!' && !dropped.has(o - 1);
        if (image) {
          // The alternative text is published as an attribute; the image itself is not prose.
          this.onImage(s.slice(o + 1, i), o + 1);
          skipTo.set(o - 1, destinationEnd);
          open.length = 0;
        } else {
          dropped.add(o);
          skipTo.set(i, destinationEnd);
        }
        i = destinationEnd - 1;
      }
    }
    return { dropped, skipTo };
  }
}

/**
 * Parses Markdown into visible-text segments mapped to exact source offsets: one segment per paragraph,
 * heading and table cell; image alternative text as attribute segments. Linear in the input.
 */
export function parseMarkdown(source: string): Document {
  const lines = splitLines(source);
  const segments: Segment[] = [];
  const attributes: Segment[] = [];
  const front = frontMatter(source);
  for (const field of front?.fields ?? []) {
    if (SHOWN_FIELDS.has(field.key) && field.end > field.start) attributes.push(Segment.verbatim(source.slice(field.start, field.end), field.start, 'attribute', 'front-matter', field.key));
  }
  const onImage = (alt: string, start: number): void => {
    if (alt.trim() === '') return;
    const b = new OffsetMapBuilder();
    new InlineWriter(source, b, () => undefined).write(start, start + alt.length, new Set(), new Map());
    const { text, map } = b.finish(start + alt.length);
    attributes.push(new Segment(text, map, 'attribute', 'img', 'alt'));
  };

  /** Emits one inline segment from pieces of lines, joined as a browser joins soft line breaks. */
  const emit = (pieces: readonly [number, number][], tag: string): void => {
    const b = new OffsetMapBuilder();
    const writer = new InlineWriter(source, b, onImage);
    pieces.forEach(([start, end], k) => {
      if (k > 0 && b.length > 0) {
        const prev = b.lastCode();
        let first = start;
        while (first < end - 1 && '*_~`[!'.includes(source[first] as string)) first++;
        const next = source.charCodeAt(first);
        const [, lastEnd] = pieces[k - 1] as [number, number];
        if (!(isCjk(prev) && isCjk(next))) b.push(' ', lastEnd, start);
      }
      const { dropped, skipTo } = writer.scanLinks(start, end);
      writer.write(start, end, dropped, skipTo);
    });
    if (b.length === 0) return;
    const { text, map } = b.finish(0);
    if (!/\S/.test(text)) return;
    segments.push(new Segment(text, map, 'block', tag));
  };

  let paragraph: [number, number][] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) emit(paragraph, 'p');
    paragraph = [];
  };

  let fence: string | null = null;
  /** Inside a list, indented lines continue items rather than start code. */
  let inList = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as Line;
    if (front && line.start < front.end) continue;
    const text = source.slice(line.start, line.end);
    if (fence !== null) {
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      endParagraph();
      fence = fenceMatch[1] as string;
      continue;
    }
    if (text.trim() === '') {
      endParagraph();
      continue;
    }
    if (line.container) inList = true;
    else if (!line.indented && paragraph.length === 0) inList = false;
    if (line.indented && paragraph.length === 0 && !inList) continue;
    if (THEMATIC.test(text) || REFERENCE.test(text)) {
      endParagraph();
      continue;
    }
    if (SETEXT.test(text) && paragraph.length > 0) {
      emit(paragraph, text.trim().startsWith('=') ? 'h1' : 'h2');
      paragraph = [];
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      endParagraph();
      let end = line.end;
      // An optional closing sequence: spaces, #s, trailing spaces (scanned from the end, linear).
      let k = end;
      while (k > line.start && (source[k - 1] === ' ' || source[k - 1] === '\t')) k--;
      let h = k;
      while (h > line.start && source[h - 1] === '#') h--;
      if (h < k && h > line.start + heading[0].length - 1 && (source[h - 1] === ' ' || source[h - 1] === '\t')) k = h;
      while (k > line.start && (source[k - 1] === ' ' || source[k - 1] === '\t')) k--;
      end = k;
      emit([[line.start + heading[0].length, end]], `h${(heading[1] as string).length}`);
      continue;
    }
    if (HTML_BLOCK.test(text) && paragraph.length === 0) {
      let last = li;
      while (last + 1 < lines.length && source.slice((lines[last + 1] as Line).start, (lines[last + 1] as Line).end).trim() !== '') last++;
      const start = line.start;
      const end = (lines[last] as Line).end;
      for (const s of parseHtml(source.slice(start, end)).segments) (s.kind === 'attribute' ? attributes : segments).push(shift(s, start));
      li = last;
      continue;
    }
    if (text.includes('|') && li + 1 < lines.length && TABLE_DELIMITER.test(source.slice((lines[li + 1] as Line).start, (lines[li + 1] as Line).end))) {
      endParagraph();
      let row = li;
      while (row < lines.length && source.slice((lines[row] as Line).start, (lines[row] as Line).end).includes('|')) {
        const r = lines[row] as Line;
        if (row !== li + 1) for (const cell of cells(source, r.start, r.end)) emit([cell], 'td');
        row++;
      }
      li = row - 1;
      continue;
    }
    if (line.container) endParagraph();
    paragraph.push([line.start, line.end]);
  }
  endParagraph();
  return { kind: 'markdown', source, segments: segments.concat(attributes) };
}

/** A `key: value` line of YAML front matter; the value's range excludes quotes and a trailing comment-free space. */
export interface FrontMatterField {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Front-matter fields that are published text (static-site generators show them as the title and summary). */
const SHOWN_FIELDS = new Set(['title', 'subtitle', 'description', 'summary']);
const FRONT_FIELD = /^([A-Za-z_][\w.-]{0,40})[ \t]{0,8}:[ \t]{0,8}/;

/**
 * YAML front matter (`---` on the first line, closed by `---` or `...` within 200 lines), as exported
 * by static-site generators and many CMSs. Only flat `key: value` lines are read; the block itself is
 * not Markdown and is skipped as such. `end` is the offset just past the closing line.
 */
export function frontMatter(source: string): { end: number; fields: FrontMatterField[] } | undefined {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^---[ \t]*\r?\n/.test(source.slice(bom, bom + 8))) return undefined;
  const fields: FrontMatterField[] = [];
  let start = source.indexOf('\n', bom) + 1;
  for (let n = 0; n < 200 && start > 0 && start < source.length; n++) {
    const nl = source.indexOf('\n', start);
    const lineEnd = nl === -1 ? source.length : nl;
    const line = source.slice(start, lineEnd).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return fields.length > 0 ? { end: lineEnd, fields } : undefined;
    // Anything but keys, indented or list continuations and comments means this was Markdown after a
    // thematic break (`---`, a paragraph, a setext underline), not front matter.
    if (!/^(?:[A-Za-z_][\w.-]{0,40}[ \t]*:|[ \t]|- |#|$)/.test(line)) return undefined;
    const m = FRONT_FIELD.exec(line);
    if (m) {
      let a = start + m[0].length;
      let b = start + line.length;
      while (b > a && /\s/.test(source[b - 1] as string)) b--;
      const q = source[a];
      if ((q === '"' || q === "'") && b - a >= 2 && source[b - 1] === q) {
        a++;
        b--;
      }
      fields.push({ key: (m[1] as string).toLowerCase(), start: a, end: b });
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return undefined;
}

/** The cells of a table row: ranges between unescaped pipes, trimmed. */
function cells(source: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let cellStart = start;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(source[a] as string)) a++;
    while (b > a && /\s/.test(source[b - 1] as string)) b--;
    if (b > a) out.push([a, b]);
  };
  for (let i = start; i < end; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '|') {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  push(cellStart, end);
  return out;
}

/** A segment of an embedded HTML block, moved `offset` units further into the Markdown source. */
function shift(segment: Segment, offset: number): Segment {
  const b = new OffsetMapBuilder();
  for (let i = 0; i < segment.text.length; i++) {
    const [s, e] = segment.toSource(i, i + 1);
    b.push(segment.text[i] as string, s + offset, e + offset);
  }
  return new Segment(segment.text, b.finish(0).map, segment.kind, segment.tag, segment.attribute);
}
