/**
 * A small, linear-time CSS reader for the static analysis of `<style>` blocks and `style` attributes.
 *
 * It understands what the link rules need: rule sets whose selectors are made of type, class, id and
 * attribute selectors, structural pseudo-classes (`:first-child`, `:nth-of-type()`, `:root`, `:link`,
 * `:not()` of simple selectors) and all four combinators, and their declarations. Everything else
 * (pseudo-elements, `:has()`/`:is()`, namespaces, at-rules other than a plain `@media screen|all`) is
 * kept out of the static cascade, so an unsupported rule can never make an element look hidden.
 * Dynamic pseudo-classes (`:hover`, `:focus` …) are kept, marked `dynamic`: the link rules use them
 * to tell a drop-down menu (hidden until hovered) from a hidden link.
 *
 * Every loop advances its index on each step, so adversarial input (unclosed comments, strings or
 * blocks, megabyte selectors) costs O(n); sizes are capped by {@link CSS_LIMITS}.
 */

import { decodeHTML } from 'entities';

/** One `property: value` pair; `property` lower-cased, `value` trimmed and without `!important`. */
export interface CssDeclaration {
  readonly property: string;
  readonly value: string;
  readonly important: boolean;
}

/** One compound selector: `div.nav#top:hover`. */
export interface CssCompound {
  /** Lower-cased type selector; undefined for none or `*`. */
  readonly tag?: string;
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  /** Dynamic pseudo-classes seen (`hover`, `focus`, `focus-within`, `active`, `target`, `checked`, `focus-visible`). */
  readonly dynamic: readonly string[];
  /** Attribute selectors: `[href]`, `[class^=x]`, `[id="k" i]`. */
  readonly attributes: readonly CssAttribute[];
  /** Structural pseudo-classes: `:first-child`, `:nth-of-type(2n+1)`, `:root`, `:link`, `:empty`. */
  readonly structural: readonly CssStructural[];
  /** The compounds of `:not(…)`; the element matches none of them. */
  readonly negations: readonly CssCompound[];
  /** True when the compound has parts this reader does not model (pseudo-elements, `:has()`, `:is()` …). */
  readonly unsupported: boolean;
}

/** An attribute selector: `[name]`, `[name=value]`, `[name^="value" i]` … */
export interface CssAttribute {
  /** Lower-cased, as HTML attribute names are. */
  readonly name: string;
  readonly op?: '=' | '~=' | '^=' | '$=' | '*=' | '|=';
  readonly value?: string;
  readonly insensitive: boolean;
}

/** A structural pseudo-class; `a` and `b` are the `an+b` of the `nth-` forms. */
export interface CssStructural {
  readonly kind: 'nth-child' | 'nth-last-child' | 'nth-of-type' | 'nth-last-of-type' | 'only-child' | 'only-of-type' | 'root' | 'empty' | 'link';
  readonly a: number;
  readonly b: number;
}

/** A complex selector, compounds left to right, `combinators[i]` joining compounds i and i+1. */
export interface CssSelector {
  readonly compounds: readonly CssCompound[];
  readonly combinators: readonly (' ' | '>' | '+' | '~')[];
  /** [ids, classes + pseudo-classes, types], as in Selectors Level 3. */
  readonly specificity: readonly [number, number, number];
  /** Some compound has a dynamic pseudo-class. */
  readonly dynamic: boolean;
  /** Some part is outside the modelled subset (then the selector is never matched statically). */
  readonly unsupported: boolean;
}

/** A rule set in source order. */
export interface CssRule {
  readonly selectors: readonly CssSelector[];
  readonly declarations: readonly CssDeclaration[];
  /** Position of the rule among all rules read (cascade order). */
  readonly order: number;
}

/** Caps that bound the work on hostile style sheets. */
export const CSS_LIMITS = {
  /** Characters of one style sheet read; the rest is ignored. */
  maxSheetLength: 2_000_000,
  /** Rule sets kept per style sheet. */
  maxRules: 20_000,
  /** Selectors longer than this are skipped as unsupported. */
  maxSelectorLength: 1_000,
  /** Compounds per selector. */
  maxCompounds: 32,
} as const;

const DYNAMIC_PSEUDO = new Set(['hover', 'focus', 'focus-within', 'focus-visible', 'active', 'target', 'checked']);

/** Removes comments; an unclosed comment runs to the end, as in CSS. */
export function stripCssComments(text: string): string {
  let out = '';
  let i = 0;
  let last = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      out += text.slice(last, i) + ' ';
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      last = i;
      continue;
    }
    i++;
  }
  return out + text.slice(last);
}

/** Index just past the string starting at `start` (a quote); stops at an unescaped newline or the end. */
function skipString(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (c === quote) return i + 1;
    if (c === 0x0a) return i;
    i++;
  }
  return n;
}

/** Parses a `style` attribute or a declaration block body. Later duplicates stay (the cascade picks). */
export function parseDeclarations(text: string): CssDeclaration[] {
  const body = stripCssComments(text.length > CSS_LIMITS.maxSheetLength ? text.slice(0, CSS_LIMITS.maxSheetLength) : text);
  const out: CssDeclaration[] = [];
  for (const part of splitTopLevel(body, 0x3b /* ; */)) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    if (!/^-?[a-z][a-z0-9-]*$/.test(property)) continue;
    let value = part.slice(colon + 1).trim();
    let important = false;
    const bang = /!\s*important\s*$/i.exec(value);
    if (bang) {
      important = true;
      value = value.slice(0, bang.index).trim();
    }
    out.push({ property, value, important });
  }
  return out;
}

/** Splits on `sep` outside strings, parentheses and brackets. */
function splitTopLevel(text: string, sep: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x5c) {
      i += 2;
      continue;
    }
    if (c === 0x28 /* ( */ || c === 0x5b /* [ */) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Parses a style sheet into rule sets. Rules inside `@media` blocks whose query is a bare `screen` or
 * `all` are read as top-level rules; every other at-rule block is skipped whole.
 */
export function parseStylesheet(text: string): CssRule[] {
  const sheet = stripCssComments(text.length > CSS_LIMITS.maxSheetLength ? text.slice(0, CSS_LIMITS.maxSheetLength) : text);
  const rules: CssRule[] = [];
  readBlock(sheet, 0, sheet.length, rules, 0);
  return rules;
}

/** `@media` blocks nested deeper than this are skipped (real sheets nest one or two levels). */
const MAX_MEDIA_DEPTH = 3;

/** Reads rules from sheet[from, to); returns nothing, appends to `rules`. */
function readBlock(sheet: string, from: number, to: number, rules: CssRule[], nesting: number): void {
  let i = from;
  while (i < to && rules.length < CSS_LIMITS.maxRules) {
    // Prelude: up to '{' or ';' at top level.
    const preludeStart = i;
    let depth = 0;
    while (i < to) {
      const c = sheet.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        i = skipString(sheet, i);
        continue;
      }
      if (c === 0x5c) {
        i += 2;
        continue;
      }
      if (c === 0x28 || c === 0x5b) depth++;
      else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
      else if (depth === 0 && (c === 0x7b /* { */ || c === 0x3b /* ; */ || c === 0x7d /* } */)) break;
      i++;
    }
    if (i >= to) return;
    const prelude = sheet.slice(preludeStart, i).trim();
    const stop = sheet.charCodeAt(i);
    if (stop !== 0x7b) {
      i++; // a statement at-rule (`@import …;`) or a stray `}`/`;`
      continue;
    }
    const blockEnd = matchClose(sheet, i, to, 0x7b /* { */, 0x7d /* } */);
    if (prelude.startsWith('@')) {
      const media = /^@media\s+(?:only\s+)?(screen|all)\s*$/i.exec(prelude);
      if (media && nesting < MAX_MEDIA_DEPTH) readBlock(sheet, i + 1, blockEnd, rules, nesting + 1);
    } else if (prelude.length > 0) {
      const selectors = parseSelectorList(prelude);
      if (selectors.length > 0) {
        rules.push({ selectors, declarations: parseDeclarations(sheet.slice(i + 1, blockEnd)), order: rules.length });
      }
    }
    i = blockEnd + 1;
  }
}

/**
 * Index of the `closeCode` character matching the opener at `open` (strings and escapes skipped), or
 * `to` when it is unclosed.
 */
function matchClose(text: string, open: number, to: number, openCode: number, closeCode: number): number {
  let depth = 0;
  let i = open;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x5c) {
      i += 2;
      continue;
    }
    if (c === openCode) depth++;
    else if (c === closeCode && --depth === 0) return i;
    i++;
  }
  return to;
}

/** Parses `a, .b > #c:hover`; selectors this reader cannot model come back with `unsupported`. */
export function parseSelectorList(prelude: string): CssSelector[] {
  const out: CssSelector[] = [];
  for (const raw of splitTopLevel(prelude, 0x2c /* , */)) {
    const text = raw.trim();
    if (text.length === 0) continue;
    out.push(parseSelector(text));
  }
  return out;
}

const UNSUPPORTED: CssSelector = {
  compounds: [],
  combinators: [],
  specificity: [0, 0, 0],
  dynamic: false,
  unsupported: true,
};

function isIdentChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d ||
    c === 0x5f ||
    c >= 0x80
  );
}

/** Reads an identifier with CSS escapes (`\31 0`, `\:`) from `start`; returns [name, end]. */
function readIdent(text: string, start: number): [string, number] {
  let i = start;
  let name = '';
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(text.slice(i + 1, i + 8));
      if (hex) {
        const cp = parseInt(hex[0], 16);
        name += cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
        i += 1 + hex[0].length;
      } else if (i + 1 < n) {
        name += text[i + 1];
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (!isIdentChar(c)) break;
    name += text[i];
    i++;
  }
  return [name, i];
}

/**
 * Reads `[name]`, `[name=value]`, `[name ^= "value" i]` from the `[` at `start`; undefined when it is
 * not of that form (namespaces, unknown operators). Returns the attribute and the index past `]`.
 */
function readAttribute(text: string, start: number): [CssAttribute, number] | undefined {
  let i = start + 1;
  const n = text.length;
  const space = () => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  space();
  const [rawName, afterName] = readIdent(text, i);
  if (rawName === '') return undefined;
  i = afterName;
  space();
  const name = rawName.toLowerCase();
  if (text[i] === ']') return [{ name, insensitive: false }, i + 1];
  let op: CssAttribute['op'];
  if (text[i] === '=') {
    op = '=';
    i++;
  } else if ('~^$*|'.includes(text[i] ?? '') && text[i + 1] === '=') {
    op = (text[i]! + '=') as CssAttribute['op'];
    i += 2;
  } else {
    return undefined;
  }
  space();
  let value: string;
  const q = text.charCodeAt(i);
  if (q === 0x22 || q === 0x27) {
    const end = skipString(text, i);
    if (text.charCodeAt(end - 1) !== q || end - 1 === i) return undefined;
    value = text.slice(i + 1, end - 1).replace(/\\(.)/g, '$1');
    i = end;
  } else {
    const [ident, end] = readIdent(text, i);
    if (ident === '') return undefined;
    value = ident;
    i = end;
  }
  space();
  let insensitive = false;
  if (text[i] === 'i' || text[i] === 'I') {
    insensitive = true;
    i++;
  } else if (text[i] === 's' || text[i] === 'S') {
    i++;
  }
  space();
  if (text[i] !== ']') return undefined;
  return [{ name, op, value, insensitive }, i + 1];
}

/** `an+b` of `:nth-child()` and kin: `odd`, `even`, `3`, `-n+3`, `2n + 1`; undefined otherwise (`of S` included). */
function parseNth(arg: string): [number, number] | undefined {
  const t = arg.trim().toLowerCase();
  if (t === 'odd') return [2, 1];
  if (t === 'even') return [2, 0];
  const m = /^([+-]?\d{0,6})n(?:\s*([+-])\s*(\d{1,6}))?$|^([+-]?\d{1,6})$/.exec(t);
  if (!m) return undefined;
  if (m[4] !== undefined) return [0, Number(m[4])];
  const a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : Number(m[1]);
  const b = m[3] === undefined ? 0 : (m[2] === '-' ? -1 : 1) * Number(m[3]);
  return [a, b];
}

/** Structural pseudo-classes without arguments, as `[kind, a, b]`. */
const STRUCTURAL_NAMED: Readonly<Record<string, CssStructural>> = {
  'first-child': { kind: 'nth-child', a: 0, b: 1 },
  'last-child': { kind: 'nth-last-child', a: 0, b: 1 },
  'only-child': { kind: 'only-child', a: 0, b: 0 },
  'first-of-type': { kind: 'nth-of-type', a: 0, b: 1 },
  'last-of-type': { kind: 'nth-last-of-type', a: 0, b: 1 },
  'only-of-type': { kind: 'only-of-type', a: 0, b: 0 },
  root: { kind: 'root', a: 0, b: 0 },
  empty: { kind: 'empty', a: 0, b: 0 },
  link: { kind: 'link', a: 0, b: 0 },
  'any-link': { kind: 'link', a: 0, b: 0 },
  // Unvisited is how a robot (and a first-time visitor) sees every link; a rule for :visited paints
  // the same links once followed, so both describe what a visitor may see.
  visited: { kind: 'link', a: 0, b: 0 },
};

const STRUCTURAL_NTH = new Set(['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type']);

/**
 * Attributes whose value the page changes to show or hide things (`[aria-expanded=true]`,
 * `details[open]`, `[data-state=open]`): like state classes, a rule on them describes a toggled state.
 */
export function isStateAttribute(name: string): boolean {
  return /^(?:aria-(?:expanded|hidden|selected|checked|pressed|current)|open|checked|selected|data-(?:state|show|open|active|visible|expanded|status))$/.test(name);
}

function parseSelector(text: string, depth = 0): CssSelector {
  if (text.length > CSS_LIMITS.maxSelectorLength) return UNSUPPORTED;
  const compounds: CssCompound[] = [];
  const combinators: (' ' | '>' | '+' | '~')[] = [];
  let ids = 0;
  let classes = 0;
  let types = 0;
  let dynamicAny = false;
  let unsupportedAny = false;
  let i = 0;
  const n = text.length;
  let pending: ' ' | '>' | '+' | '~' | undefined;
  while (i < n) {
    // Combinator / whitespace.
    let sawSpace = false;
    while (i < n && /\s/.test(text[i]!)) {
      sawSpace = true;
      i++;
    }
    if (i >= n) break;
    const ch = text[i]!;
    if (ch === '>' || ch === '+' || ch === '~') {
      if (pending) return UNSUPPORTED;
      pending = ch;
      i++;
      continue;
    }
    if (compounds.length > 0) {
      const comb = pending ?? (sawSpace ? ' ' : undefined);
      if (comb === undefined) return UNSUPPORTED;
      combinators.push(comb);
    } else if (pending) {
      return UNSUPPORTED; // a selector may not start with a combinator
    }
    pending = undefined;
    // Compound.
    let tag: string | undefined;
    const cIds: string[] = [];
    const cClasses: string[] = [];
    const dyn: string[] = [];
    const attributes: CssAttribute[] = [];
    const structural: CssStructural[] = [];
    const negations: CssCompound[] = [];
    let unsupported = false;
    const compoundStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x2a /* * */) {
        if (i !== compoundStart) return UNSUPPORTED;
        i++;
        if (text[i] === '|') return UNSUPPORTED; // namespaces
      } else if (isIdentChar(c) || c === 0x5c) {
        if (i !== compoundStart) return UNSUPPORTED;
        const [name, end] = readIdent(text, i);
        tag = name.toLowerCase();
        types++;
        i = end;
        if (text[i] === '|') return UNSUPPORTED;
      } else if (c === 0x23 /* # */) {
        const [name, end] = readIdent(text, i + 1);
        if (name === '') return UNSUPPORTED;
        cIds.push(name);
        ids++;
        i = end;
      } else if (c === 0x2e /* . */) {
        const [name, end] = readIdent(text, i + 1);
        if (name === '') return UNSUPPORTED;
        cClasses.push(name);
        classes++;
        i = end;
      } else if (c === 0x5b /* [ */) {
        classes++;
        const read = readAttribute(text, i);
        if (read) {
          attributes.push(read[0]);
          i = read[1];
        } else {
          const close = text.indexOf(']', i);
          if (close === -1) return UNSUPPORTED;
          unsupported = true;
          i = close + 1;
        }
      } else if (c === 0x3a /* : */) {
        const element = text.charCodeAt(i + 1) === 0x3a;
        const [name, end] = readIdent(text, i + (element ? 2 : 1));
        i = end;
        const lower = name.toLowerCase();
        let arg: string | undefined;
        if (text.charCodeAt(i) === 0x28 /* ( */) {
          const close = Math.min(text.length, matchClose(text, i, text.length, 0x28 /* ( */, 0x29 /* ) */) + 1);
          arg = text.slice(i + 1, Math.max(i + 1, close - 1));
          i = close;
        }
        if (element || lower === 'before' || lower === 'after' || lower === 'first-line' || lower === 'first-letter') {
          // A pseudo-element's declarations style generated boxes, never the element itself.
          unsupported = true;
          types++;
        } else if (arg === undefined && DYNAMIC_PSEUDO.has(lower)) {
          dyn.push(lower);
          classes++;
        } else if (arg === undefined && STRUCTURAL_NAMED[lower]) {
          structural.push(STRUCTURAL_NAMED[lower]!);
          classes++;
        } else if (arg !== undefined && STRUCTURAL_NTH.has(lower) && parseNth(arg)) {
          const [a, b] = parseNth(arg)!;
          structural.push({ kind: lower as CssStructural['kind'], a, b });
          classes++;
        } else if (arg !== undefined && lower === 'not' && depth === 0) {
          // :not(simple, simple …): each argument one compound without combinators or dynamic parts.
          let best: readonly [number, number, number] = [0, 0, 0];
          let ok = true;
          for (const part of splitTopLevel(arg, 0x2c)) {
            const sel = parseSelector(part.trim(), depth + 1);
            if (sel.unsupported || sel.dynamic || sel.compounds.length !== 1) {
              ok = false;
              break;
            }
            negations.push(sel.compounds[0]!);
            if (compareSpecificity(sel.specificity, best) > 0) best = sel.specificity;
          }
          if (ok && negations.length > 0) {
            ids += best[0];
            classes += best[1];
            types += best[2];
          } else {
            unsupported = true;
            classes++;
          }
        } else {
          unsupported = true;
          classes++;
        }
      } else {
        break;
      }
    }
    if (i === compoundStart) return UNSUPPORTED; // an unexpected character
    compounds.push({ tag, ids: cIds, classes: cClasses, dynamic: dyn, unsupported, attributes, structural, negations });
    if (dyn.length > 0) dynamicAny = true;
    if (unsupported) unsupportedAny = true;
    if (compounds.length > CSS_LIMITS.maxCompounds) return UNSUPPORTED;
  }
  if (compounds.length === 0 || pending) return UNSUPPORTED;
  return {
    compounds,
    combinators,
    specificity: [ids, classes, types],
    dynamic: dynamicAny,
    unsupported: unsupportedAny,
  };
}

function compareSpecificity(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** An element as the matcher sees it: enough of domhandler's Element, kept structural for tests. */
export interface StyledElement {
  readonly name: string;
  readonly attribs: Readonly<Record<string, string>>;
  readonly parent: StyledElement | unknown | null;
}

function isStyledElement(node: unknown): node is StyledElement {
  return typeof node === 'object' && node !== null && typeof (node as { name?: unknown }).name === 'string' &&
    typeof (node as { attribs?: unknown }).attribs === 'object';
}

const classCache = new WeakMap<object, { raw: string | undefined; set: ReadonlySet<string> }>();

/** Class list of an element, split on ASCII whitespace; memoised per element (and its class value). */
export function classList(el: StyledElement): ReadonlySet<string> {
  const raw = el.attribs.class;
  const hit = classCache.get(el);
  if (hit && hit.raw === raw) return hit.set;
  const set = new Set(raw ? raw.split(/[\t\n\f\r ]+/).filter((s) => s.length > 0) : []);
  classCache.set(el, { raw, set });
  return set;
}

/** Where an element stands among its element siblings (1-based), computed once per sibling list. */
interface Position {
  readonly index: number;
  readonly count: number;
  readonly typeIndex: number;
  readonly typeCount: number;
  readonly previous: StyledElement | undefined;
}

const positionCache = new WeakMap<object, Position>();

/** Sibling lists longer than this are not indexed (structural selectors then do not match). */
const MAX_SIBLINGS = 100_000;

function positionOf(el: StyledElement): Position | undefined {
  const hit = positionCache.get(el);
  if (hit) return hit;
  const parent = el.parent as { children?: unknown[] } | null;
  const children = parent?.children;
  if (!Array.isArray(children) || children.length > MAX_SIBLINGS) return undefined;
  const siblings = children.filter(isStyledElement);
  const typeTotals = new Map<string, number>();
  for (const s of siblings) typeTotals.set(s.name, (typeTotals.get(s.name) ?? 0) + 1);
  const typeSeen = new Map<string, number>();
  siblings.forEach((s, k) => {
    const t = (typeSeen.get(s.name) ?? 0) + 1;
    typeSeen.set(s.name, t);
    positionCache.set(s, { index: k + 1, count: siblings.length, typeIndex: t, typeCount: typeTotals.get(s.name)!, previous: siblings[k - 1] });
  });
  return positionCache.get(el);
}

function nthMatches(a: number, b: number, position: number): boolean {
  if (a === 0) return position === b;
  const n = (position - b) / a;
  return Number.isInteger(n) && n >= 0;
}

function structuralMatches(s: CssStructural, el: StyledElement): boolean {
  switch (s.kind) {
    case 'root':
      return el.name === 'html' && !isStyledElement(el.parent);
    case 'link':
      return (el.name === 'a' || el.name === 'area') && el.attribs.href !== undefined;
    case 'empty': {
      const children = (el as { children?: unknown[] }).children ?? [];
      return children.every((c) => {
        const node = c as { type?: string; data?: string };
        return node.type === 'comment' || (node.type === 'text' && (node.data ?? '') === '');
      });
    }
    default: {
      const p = positionOf(el);
      if (!p) return false;
      switch (s.kind) {
        case 'nth-child':
          return nthMatches(s.a, s.b, p.index);
        case 'nth-last-child':
          return nthMatches(s.a, s.b, p.count - p.index + 1);
        case 'nth-of-type':
          return nthMatches(s.a, s.b, p.typeIndex);
        case 'nth-last-of-type':
          return nthMatches(s.a, s.b, p.typeCount - p.typeIndex + 1);
        case 'only-child':
          return p.count === 1;
        case 'only-of-type':
          return p.typeCount === 1;
      }
    }
  }
}

function attributeMatches(s: CssAttribute, el: StyledElement): boolean {
  const raw = el.attribs[s.name];
  if (raw === undefined) return false;
  if (s.op === undefined || s.value === undefined) return true;
  let actual = raw.includes('&') ? decodeHTML(raw) : raw;
  let wanted = s.value;
  if (s.insensitive) {
    actual = actual.toLowerCase();
    wanted = wanted.toLowerCase();
  }
  switch (s.op) {
    case '=':
      return actual === wanted;
    case '~=':
      return wanted !== '' && !/\s/.test(wanted) && actual.split(/[\t\n\f\r ]+/).includes(wanted);
    case '^=':
      return wanted !== '' && actual.startsWith(wanted);
    case '$=':
      return wanted !== '' && actual.endsWith(wanted);
    case '*=':
      return wanted !== '' && actual.includes(wanted);
    case '|=':
      return actual === wanted || actual.startsWith(wanted + '-');
  }
}

/** The previous element sibling, or undefined. */
function previousElement(el: StyledElement): StyledElement | undefined {
  const p = positionOf(el);
  if (p) return p.previous;
  // No sibling list (a detached node): walk `prev` links as domhandler keeps them.
  let node = (el as { prev?: unknown }).prev;
  for (let k = 0; k < 10_000 && node; k++) {
    if (isStyledElement(node)) return node;
    node = (node as { prev?: unknown }).prev;
  }
  return undefined;
}

/**
 * Does `compound` match `el`? With `ignoreState`, dynamic pseudo-classes are ignored and so are the
 * classes in `stateClasses` (the `.open` of `.menu.open`) and state attributes (`[aria-expanded=true]`),
 * which asks "is this a toggled state of el?".
 */
export function compoundMatches(
  compound: CssCompound,
  el: StyledElement,
  ignoreState?: ReadonlySet<string>,
): boolean {
  if (compound.unsupported) return false;
  if (compound.dynamic.length > 0 && !ignoreState) return false;
  if (compound.tag !== undefined && compound.tag !== el.name.toLowerCase()) return false;
  for (const id of compound.ids) if (el.attribs.id !== id) return false;
  if (compound.classes.length > 0) {
    const list = classList(el);
    for (const cls of compound.classes) {
      if (ignoreState?.has(cls.toLowerCase())) continue;
      if (!list.has(cls)) return false;
    }
  }
  for (const a of compound.attributes) {
    if (ignoreState && isStateAttribute(a.name)) continue;
    if (!attributeMatches(a, el)) return false;
  }
  for (const s of compound.structural) if (!structuralMatches(s, el)) return false;
  for (const not of compound.negations) if (compoundMatches(not, el, ignoreState)) return false;
  return true;
}

/**
 * Work shared by every selector match of one page: a hostile sheet (thousands of `~` chains against
 * thousands of siblings) runs out of it and then stops matching, which never makes anything hidden.
 */
export interface MatchBudget {
  left: number;
  /** The budget's size when full, for reporting the work done. */
  readonly size?: number;
}

/** Steps one selector match may take (each an element tried against a compound). */
const STEPS_PER_MATCH = 10_000;

/** Matches a whole selector against `el`, its ancestors and their earlier siblings. */
export function selectorMatches(
  selector: CssSelector,
  el: StyledElement,
  ignoreState?: ReadonlySet<string>,
  pool?: MatchBudget,
): boolean {
  const { compounds, combinators } = selector;
  if (compounds.length === 0 || selector.unsupported) return false;
  if (!compoundMatches(compounds[compounds.length - 1]!, el, ignoreState)) return false;
  if (compounds.length === 1) return true;
  // Ancestor filter (as browsers do with a Bloom filter): every id and class that the compounds
  // reached through descendant/child combinators need must occur somewhere above the element, or
  // the selector cannot match. Compounds reached through sibling combinators right next to the key
  // must find their names among the element's siblings.
  const above = ancestorKeys(el);
  let siblingRun = true;
  for (let k = compounds.length - 2; k >= 0; k--) {
    const comb = combinators[k];
    const c = compounds[k]!;
    if (comb === '+' || comb === '~') {
      if (!siblingRun) break;
      const beside = siblingKeys(el);
      if (beside === SATURATED) continue;
      for (const id of c.ids) if (!beside.has('#' + id)) return false;
      for (const cls of c.classes) if (!ignoreState?.has(cls.toLowerCase()) && !beside.has('.' + cls)) return false;
      continue;
    }
    siblingRun = false;
    if (above === SATURATED) continue;
    for (const id of c.ids) if (!above.has('#' + id)) return false;
    for (const cls of c.classes) if (!ignoreState?.has(cls.toLowerCase()) && !above.has('.' + cls)) return false;
  }
  if (pool && pool.left <= 0) return false;
  const budget = { left: Math.min(STEPS_PER_MATCH, pool?.left ?? STEPS_PER_MATCH) };
  const start = budget.left;
  const hit = matchLeft(compounds, combinators, compounds.length - 2, el, ignoreState, budget);
  if (pool) pool.left -= start - budget.left;
  return hit;
}

const siblingCache = new WeakMap<object, ReadonlySet<string>>();

/** Ids and classes of all the element siblings of `el` (itself included), memoised per parent. */
function siblingKeys(el: StyledElement): ReadonlySet<string> {
  const parent = el.parent as { children?: unknown[] } | null;
  if (!parent || !Array.isArray(parent.children)) return SATURATED;
  const hit = siblingCache.get(parent);
  if (hit) return hit;
  const keys = new Set<string>();
  let result: ReadonlySet<string> = keys;
  for (const c of parent.children) {
    if (!isStyledElement(c)) continue;
    for (const cls of classList(c)) keys.add('.' + cls);
    if (c.attribs.id) keys.add('#' + c.attribs.id);
    if (keys.size > 4 * MAX_ANCESTOR_KEYS) {
      result = SATURATED;
      break;
    }
  }
  siblingCache.set(parent, result);
  return result;
}

const ancestorCache = new WeakMap<object, ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();
/** Stands for "too many names above to track": the filter is then skipped (bounded memory on hostile pages). */
export const SATURATED: ReadonlySet<string> = new Set();
const MAX_ANCESTOR_KEYS = 512;

/**
 * Ids (`#x`) and classes (`.x`) of the element's ancestors, memoised per element. An empty set that
 * is {@link SATURATED} means "too many to track": callers must then assume any name may be above.
 */
export function ancestorKeys(el: StyledElement): ReadonlySet<string> {
  const parent = el.parent;
  if (!isStyledElement(parent)) return EMPTY;
  const hit = ancestorCache.get(parent);
  if (hit) return hit;
  // Built from the top down without recursion: collect the uncached chain first.
  const chain: StyledElement[] = [];
  let node: unknown = parent;
  while (isStyledElement(node) && !ancestorCache.has(node) && chain.length < 100_000) {
    chain.push(node);
    node = node.parent;
  }
  let keys: ReadonlySet<string> = isStyledElement(node) ? ancestorCache.get(node) ?? EMPTY : EMPTY;
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i]!;
    const own = [...classList(a)].map((c) => '.' + c);
    if (a.attribs.id) own.push('#' + a.attribs.id);
    // The set for an element holds the element itself and everything above it.
    if (keys !== SATURATED && own.length > 0) keys = keys.size + own.length > MAX_ANCESTOR_KEYS ? SATURATED : new Set([...keys, ...own]);
    ancestorCache.set(a, keys);
  }
  return ancestorCache.get(parent) ?? EMPTY;
}

/**
 * Matches compounds[0..index] leftwards from `el` along `combinators[index]`: ancestors for ' ' and '>',
 * earlier siblings for '~' and '+'. `budget` bounds the whole search (shared by every branch), so a
 * hostile selector against a deep tree stays cheap.
 */
function matchLeft(
  compounds: readonly CssCompound[],
  combinators: readonly string[],
  index: number,
  el: StyledElement,
  ignoreState: ReadonlySet<string> | undefined,
  budget: { left: number },
): boolean {
  if (index < 0) return true;
  const comb = combinators[index];
  const compound = compounds[index]!;
  if (comb === '+' || comb === '~') {
    for (let node = previousElement(el); node && budget.left-- > 0; node = previousElement(node)) {
      if (compoundMatches(compound, node, ignoreState) && matchLeft(compounds, combinators, index - 1, node, ignoreState, budget)) return true;
      if (comb === '+') return false;
    }
    return false;
  }
  let node: unknown = el.parent;
  while (isStyledElement(node) && budget.left-- > 0) {
    if (compoundMatches(compound, node, ignoreState) && matchLeft(compounds, combinators, index - 1, node, ignoreState, budget)) return true;
    if (comb === '>') return false;
    node = node.parent;
  }
  return false;
}

/** CSS colour as [r, g, b, a] (0–255, alpha 0–1), or undefined when not understood. */
export function parseColor(value: string): [number, number, number, number] | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return [0, 0, 0, 0];
  const named = NAMED_COLORS[v];
  if (named) return [named[0], named[1], named[2], 1];
  if (v.startsWith('#')) {
    const hex = v.slice(1);
    if (!/^[0-9a-f]+$/.test(hex)) return undefined;
    if (hex.length === 3 || hex.length === 4) {
      const p = [...hex].map((h) => parseInt(h + h, 16));
      return [p[0]!, p[1]!, p[2]!, hex.length === 4 ? p[3]! / 255 : 1];
    }
    if (hex.length === 6 || hex.length === 8) {
      const p = [0, 2, 4, 6].map((k) => parseInt(hex.slice(k, k + 2), 16));
      return [p[0]!, p[1]!, p[2]!, hex.length === 8 ? p[3]! / 255 : 1];
    }
    return undefined;
  }
  const fn = /^rgba?\(([^)]{0,80})\)$/.exec(v);
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter((s) => s.length > 0);
    if (parts.length < 3) return undefined;
    const channel = (s: string): number =>
      s.endsWith('%') ? Math.round((parseFloat(s) * 255) / 100) : Math.round(parseFloat(s));
    const rgb = parts.slice(0, 3).map(channel);
    const alphaRaw = parts[3];
    const alpha = alphaRaw === undefined ? 1 : alphaRaw.endsWith('%') ? parseFloat(alphaRaw) / 100 : parseFloat(alphaRaw);
    if (rgb.some((x) => Number.isNaN(x)) || Number.isNaN(alpha)) return undefined;
    return [rgb[0]!, rgb[1]!, rgb[2]!, alpha];
  }
  return undefined;
}

/** The basic and most frequent extended colour keywords (CSS Color Module Level 4, §6.1). */
const NAMED_COLORS: Record<string, readonly [number, number, number]> = {
  black: [0, 0, 0],
  silver: [192, 192, 192],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  white: [255, 255, 255],
  maroon: [128, 0, 0],
  red: [255, 0, 0],
  purple: [128, 0, 128],
  fuchsia: [255, 0, 255],
  green: [0, 128, 0],
  lime: [0, 255, 0],
  olive: [128, 128, 0],
  yellow: [255, 255, 0],
  navy: [0, 0, 128],
  blue: [0, 0, 255],
  teal: [0, 128, 128],
  aqua: [0, 255, 255],
  orange: [255, 165, 0],
  whitesmoke: [245, 245, 245],
  snow: [255, 250, 250],
  ivory: [255, 255, 240],
  lightgray: [211, 211, 211],
  lightgrey: [211, 211, 211],
  darkgray: [169, 169, 169],
  darkred: [139, 0, 0],
};

/**
 * A length in CSS pixels, or undefined when it is not a plain length (`auto`, `calc()`, percentages).
 * em/rem count as 16 px and pt as 4/3 px, the browser defaults, which is close enough for thresholds
 * such as "−500 px and beyond is off-screen".
 */
export function parseLength(value: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|rem|pt|pc|cm|mm|in|vw|vh|ex|ch)?$/i.exec(value.trim());
  if (!m) return undefined;
  const n = parseFloat(m[1]!);
  if (!Number.isFinite(n)) return undefined;
  switch ((m[2] ?? '').toLowerCase()) {
    case '':
    case 'px':
      return n;
    case 'em':
    case 'rem':
    case 'ch':
      return n * 16;
    case 'ex':
      return n * 8;
    case 'pt':
      return (n * 4) / 3;
    case 'pc':
      return n * 16;
    case 'in':
      return n * 96;
    case 'cm':
      return (n * 96) / 2.54;
    case 'mm':
      return (n * 96) / 25.4;
    case 'vw':
    case 'vh':
      return n * 10; // 1vw on a 1000 px viewport; only the sign and the order of magnitude matter here
    default:
      return undefined;
  }
}
