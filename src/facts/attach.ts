import type { Document } from '../document/document.js';

/**
 * A slot for one kind of fact on a document. Adapters (sharp, HTTP, the crawler) measure what a pure
 * rule cannot, attach it to the document they check, and run the ordinary checker, so config,
 * severities, allow-lists and sorting apply to those findings exactly as to text findings. A WeakMap
 * keeps the core free of I/O and of global state: the facts live as long as their document.
 */
export interface FactSlot<T> {
  /** Attaches `facts` to `document` (returns the document). */
  attach<D extends object>(document: D, facts: readonly T[]): D;
  /** The facts attached to `document`; none for ordinary checks. */
  attached(document: object): readonly T[];
}

/** Creates a slot for one kind of fact. */
export function factSlot<T>(): FactSlot<T> {
  const slot = new WeakMap<object, readonly T[]>();
  return {
    attach(document, facts) {
      slot.set(document, facts);
      return document;
    },
    attached: (document) => slot.get(document) ?? [],
  };
}

/**
 * A document of `source` with no text segments and no tree, to carry facts: the text and HTML
 * structure rules find nothing in it, the fact rules (images, links) judge what is attached.
 */
export function factsDocument(source: string): Document {
  return { kind: 'text', source, segments: [] };
}
