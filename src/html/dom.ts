import type { AnyNode, Document as DomDocument, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * The one htmlparser2 option set for parsing a page's source: every node keeps its `startIndex` and
 * `endIndex` (inclusive) into the source, entities stay as written (so ranges and `actual` are the
 * source's own characters), and tag names are lower case.
 */
export const SOURCE_PARSE_OPTIONS = { withStartIndices: true, withEndIndices: true, decodeEntities: false, lowerCaseTags: true } as const;

/** Parses HTML source with {@link SOURCE_PARSE_OPTIONS}; never throws on content. */
export function parseSource(html: string): DomDocument {
  return parseDocument(html, SOURCE_PARSE_OPTIONS);
}

/** Whether a node is an element (`<script>` and `<style>` included, which domhandler types apart). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}
