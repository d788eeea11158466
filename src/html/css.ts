/**
 * A small, linear-time CSS reader for the static analysis of `<style>` blocks and `style` attributes.
 *
 * It understands just what the link rules need: rule sets whose selectors are made of type, class and
 * id selectors joined by descendant or child combinators, and their declarations. Everything else
 * (attribute selectors, structural pseudo-classes, sibling combinators, at-rules other than a plain
 * `@media screen|all`) is kept out of the static cascade, so an unsupported rule can never make an
 * element look hidden. Dynamic pseudo-classes (`:hover`, `:focus` …) are kept, marked `dynamic`:
 * the link rules use them to tell a drop-down menu (hidden until hovered) from a hidden link.
 *
 * Every loop advances its index on each step, so adversarial input (unclosed comments, strings or
 * blocks, megabyte selectors) costs O(n); sizes are capped by {@link CSS_LIMITS}.
 */

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
  /** True when the compound has parts this reader does not model (attributes, `:nth-child`, `::before` …). */
  readonly unsupported: boolean;
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
    const blockEnd = matchBrace(sheet, i, to);
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

/** Index of the `}` closing the block opened at `open`, or `to` when unclosed. */
function matchBrace(sheet: string, open: number, to: number): number {
  let depth = 0;
  let i = open;
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
    if (c === 0x7b) depth++;
    else if (c === 0x7d) {
      depth--;
      if (depth === 0) return i;
    }
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

function parseSelector(text: string): CssSelector {
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
      pending = ch;
      i++;
      continue;
    }
    if (compounds.length > 0) {
      const comb = pending ?? (sawSpace ? ' ' : undefined);
      if (comb === undefined) return UNSUPPORTED;
      combinators.push(comb);
      if (comb === '+' || comb === '~') unsupportedAny = true;
    } else if (pending) {
      return UNSUPPORTED; // a selector may not start with a combinator
    }
    pending = undefined;
    // Compound.
    let tag: string | undefined;
    const cIds: string[] = [];
    const cClasses: string[] = [];
    const dyn: string[] = [];
    let unsupported = false;
    const compoundStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x2a /* * */) {
        i++;
      } else if (isIdentChar(c) || c === 0x5c) {
        if (i !== compoundStart) return UNSUPPORTED;
        const [name, end] = readIdent(text, i);
        tag = name.toLowerCase();
        types++;
        i = end;
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
        const close = text.indexOf(']', i);
        if (close === -1) return UNSUPPORTED;
        unsupported = true;
        classes++;
        i = close + 1;
      } else if (c === 0x3a /* : */) {
        const element = text.charCodeAt(i + 1) === 0x3a;
        const [name, end] = readIdent(text, i + (element ? 2 : 1));
        i = end;
        if (text.charCodeAt(i) === 0x28 /* ( */) {
          let depth = 0;
          while (i < n) {
            const p = text.charCodeAt(i);
            if (p === 0x28) depth++;
            else if (p === 0x29 && --depth === 0) break;
            i++;
          }
          i++;
          unsupported = true;
        }
        const lower = name.toLowerCase();
        if (!element && DYNAMIC_PSEUDO.has(lower)) {
          dyn.push(lower);
          classes++;
        } else {
          unsupported = true;
          if (element || lower === 'before' || lower === 'after') types++;
          else classes++;
        }
      } else {
        break;
      }
    }
    if (i === compoundStart) return UNSUPPORTED; // an unexpected character
    compounds.push({ tag, ids: cIds, classes: cClasses, dynamic: dyn, unsupported });
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

/**
 * Does `compound` match `el`? With `ignoreState`, dynamic pseudo-classes are ignored and so are the
 * classes in `stateClasses` (the `.open` of `.menu.open`), which asks "is this a toggled state of el?".
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
  return true;
}

/** Matches a whole selector against `el` and its ancestors (descendant and child combinators only). */
export function selectorMatches(
  selector: CssSelector,
  el: StyledElement,
  ignoreState?: ReadonlySet<string>,
): boolean {
  const { compounds, combinators } = selector;
  if (compounds.length === 0) return false;
  if (selector.unsupported && combinators.some((c) => c === '+' || c === '~')) return false;
  if (!compoundMatches(compounds[compounds.length - 1]!, el, ignoreState)) return false;
  if (compounds.length === 1) return true;
  // Ancestor filter (as browsers do with a Bloom filter): every id and class the ancestor compounds
  // need must occur somewhere above the element, or the selector cannot match.
  const above = ancestorKeys(el);
  for (let k = 0; k < compounds.length - 1 && above !== SATURATED; k++) {
    const c = compounds[k]!;
    for (const id of c.ids) if (!above.has('#' + id)) return false;
    for (const cls of c.classes) if (!ignoreState?.has(cls.toLowerCase()) && !above.has('.' + cls)) return false;
  }
  return matchAncestors(compounds, combinators, compounds.length - 2, el, ignoreState, 0);
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

function matchAncestors(
  compounds: readonly CssCompound[],
  combinators: readonly string[],
  index: number,
  el: StyledElement,
  ignoreState: ReadonlySet<string> | undefined,
  steps: number,
): boolean {
  if (index < 0) return true;
  const comb = combinators[index];
  let node: unknown = el.parent;
  // Bounded walk: depth of the tree times compounds; each compound is tried against each ancestor once
  // per branch, and selectors have at most CSS_LIMITS.maxCompounds compounds.
  while (isStyledElement(node) && steps < 10_000) {
    steps++;
    if (compoundMatches(compounds[index]!, node, ignoreState)) {
      if (matchAncestors(compounds, combinators, index - 1, node, ignoreState, steps)) return true;
    }
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
