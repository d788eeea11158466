import { DomHandler, type AnyNode, type Document as DomDocument, type DomHandlerOptions, type Element } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';

/**
 * The one htmlparser2 option set for parsing a page's source: every node keeps its `startIndex` and
 * `endIndex` (inclusive) into the source, entities stay as written (so ranges and `actual` are the
 * source's own characters), and tag names are lower case.
 */
export const SOURCE_PARSE_OPTIONS = { withStartIndices: true, withEndIndices: true, decodeEntities: false, lowerCaseTags: true } as const;
/** The same option set under the name the depth-capped parser's callers use. */
export const SOURCE_OPTIONS: ParserOptions & DomHandlerOptions = SOURCE_PARSE_OPTIONS;

/**
 * How deep elements nest before the parser stops building depth: Chromium and WebKit stop at 512
 * (`kMaximumHTMLParserDOMTreeDepth`). An element opened at the cap closes the deepest open element
 * first, so it and everything after it become siblings at the cap: the content is kept in the tree,
 * and checked as text, only its nesting is flattened, as a browser flattens it.
 */
export const MAX_DEPTH = 512;

/** htmlparser2's own internals that the cap needs: its open-element stack is kept with `unshift`/`shift`. */
interface ParserInternals {
  readonly stack: string[];
  emitOpenTag(name: string): void;
  popElement(implied: boolean): void;
  isVoidElement(name: string): boolean;
}

const base = Parser.prototype as unknown as ParserInternals;

/**
 * htmlparser2's parser with the browsers' depth cap. Without it every open tag shifts the whole stack
 * (`unshift`), so `<div>` repeated n times costs n² (200,000 of them, 1 MB, took 13 s); with it each
 * open or close costs at most `MAX_DEPTH` steps. `flattened` counts the elements opened at the cap.
 */
export class DepthCappedParser extends Parser {
  flattened = 0;
  /** Deepest the open-element stack reached: a test reads it to see the cap hold. */
  deepest = 0;
}

(DepthCappedParser.prototype as unknown as ParserInternals).emitOpenTag = function emitOpenTag(this: ParserInternals & { flattened: number; deepest: number }, name: string): void {
  if (this.stack.length >= MAX_DEPTH && !this.isVoidElement(name)) {
    this.popElement(true);
    this.flattened++;
  }
  base.emitOpenTag.call(this, name);
  if (this.stack.length > this.deepest) this.deepest = this.stack.length;
};


/** `parseDocument` from htmlparser2, with the depth cap. `stats` receives the parser's counts. */
export function parseDom(source: string, options: ParserOptions & DomHandlerOptions = {}, stats?: { flattened: number; deepest: number }): DomDocument {
  const handler = new DomHandler(undefined, options);
  const parser = new DepthCappedParser(handler, options);
  parser.end(source);
  if (stats) {
    stats.flattened = parser.flattened;
    stats.deepest = parser.deepest;
  }
  return handler.root;
}

/** Parses HTML source with {@link SOURCE_PARSE_OPTIONS} and the browsers' depth cap; never throws on content. */
export function parseSource(html: string, stats?: { flattened: number; deepest: number }): DomDocument {
  return parseDom(html, SOURCE_PARSE_OPTIONS, stats);
}

/** Whether a node is an element (`<script>` and `<style>` included, which domhandler types apart). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}
