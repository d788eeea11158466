import type { AnyNode, Element } from 'domhandler';
import { isElement } from '../../../html/dom.js';
import { decodeHTML } from 'entities';
import {
  parseColor,
  parseDeclarations,
  parseLength,
  parseStylesheet,
  selectorMatches,
  classList,
  ancestorKeys,
  SATURATED,
  isStateAttribute,
  type CssDeclaration,
  type CssRule,
  type CssSelector,
  type MatchBudget,
} from '../../../html/css.js';
import { idsHiddenByScript } from './script-strings.js';

/**
 * How a link is kept out of sight. `data.technique` of a `link/dark-link` finding is one of these.
 *
 * Strong techniques have little legitimate use on a link to another site; weak ones are what menus,
 * dialogs, tabs and screen-reader text use every day, so a weak technique alone never makes a finding.
 */
export type Technique =
  | 'before-doctype'
  | 'after-html'
  | 'display-none'
  | 'visibility-hidden'
  | 'hidden-attribute'
  | 'opacity-zero'
  | 'zero-size'
  | 'clip'
  | 'offscreen'
  | 'text-indent'
  | 'font-size-zero'
  | 'same-color'
  | 'tiny-marquee'
  | 'noscript'
  | 'script-hidden'
  | 'document-write'
  | 'zero-size-iframe'
  | 'empty-anchor'
  | 'search-redirect'
  | 'page-overlay'
  | 'script-redirect'
  | 'meta-refresh'
  | 'external-script'
  | 'embedded-frame';

/** Techniques that, on a link to a non-government site, are reported even without a sensitive word. */
export const STRONG_TECHNIQUES: ReadonlySet<Technique> = new Set([
  'before-doctype',
  'offscreen',
  'text-indent',
  'font-size-zero',
  'same-color',
  'tiny-marquee',
]);

/** zh-CN names of the techniques, for messages. */
export const TECHNIQUE_NAMES: Readonly<Record<Technique, string>> = {
  'before-doctype': '写在 <!DOCTYPE> 之前的代码',
  'after-html': '写在 </html> 之后的代码',
  'display-none': 'display:none',
  'visibility-hidden': 'visibility:hidden（或 content-visibility:hidden）',
  'hidden-attribute': 'hidden 属性',
  'opacity-zero': '透明度为 0（opacity 或 filter）',
  'zero-size': '零尺寸且溢出隐藏的容器（或缩放为 0）',
  clip: '裁剪（clip）',
  offscreen: '定位到屏幕之外',
  'text-indent': '负文本缩进移出可视区',
  'font-size-zero': '字号为 0',
  'same-color': '文字颜色与背景色相同',
  'tiny-marquee': '极小的 <marquee> 滚动框',
  noscript: '<noscript> 标签',
  'script-hidden': '脚本按 id 隐藏',
  'document-write': '脚本 document.write 写入',
  'zero-size-iframe': '零尺寸或隐藏的 iframe',
  'empty-anchor': '没有文字和图片的空链接',
  'search-redirect': '脚本判断访客来源（搜索引擎）或身份（搜索引擎蜘蛛）后跳转',
  'page-overlay': '脚本隐藏原页面并写入整页框架',
  'script-redirect': '脚本跳转',
  'meta-refresh': '<meta> 刷新跳转',
  'external-script': '外部脚本',
  'embedded-frame': '框架（iframe/frame）嵌入',
};

/** One hiding signal: the technique and the element that carries it. */
export interface HidingSignal {
  readonly technique: Technique;
  /** The element whose style hides the link (the link itself or an ancestor); undefined for position-based signals. */
  readonly element?: Element;
  /**
   * The hidden state can be undone by the page itself: a `:hover`/`:focus` rule or a state class
   * (`.open`, `.active`) reveals it, or a script or event handler refers to the element. Drop-down
   * menus, tabs and dialogs look like this; dark links do not.
   */
  readonly toggleable: boolean;
}

/** Properties the analysis reads; declarations of other properties are dropped at parse time. */
const PROPERTIES = new Set([
  'display',
  'visibility',
  'opacity',
  'position',
  'left',
  'top',
  'right',
  'bottom',
  'margin-left',
  'margin-top',
  'margin',
  'text-indent',
  'font-size',
  'font',
  'color',
  'background',
  'background-color',
  'background-image',
  'height',
  'width',
  'max-height',
  'max-width',
  'overflow',
  'overflow-x',
  'overflow-y',
  'clip',
  'clip-path',
  'transform',
  'filter',
  '-ms-filter',
  'content-visibility',
]);

/** Classes that CMS templates add to show a toggled element (`.menu.open`, `.tab-pane.active`). */
const STATE_CLASSES: ReadonlySet<string> = new Set([
  'active', 'show', 'shown', 'on', 'open', 'opened', 'in', 'hover', 'cur', 'current', 'selected', 'expanded',
  'visible', 'display', 'unfold', 'checked', 'focus', 'sel', 'act', 'block',
]);

/**
 * Utility classes that mean "hidden" on any element (Bootstrap, Tailwind, CMS conventions). A script
 * naming one toggles *some* element, not necessarily this one, and an injected block can borrow them.
 */
const GENERIC_HIDING_CLASSES: ReadonlySet<string> = new Set([
  'hide', 'hidden', 'd-none', 'none', 'hid', 'invisible', 'is-hidden', 'u-hidden', 'visually-hidden', 'sr-only',
  'display-none', 'dn', 'disn', 'yc', 'yincang', 'hidden-xs', 'hidden-sm', 'hidden-md', 'hidden-lg', 'collapse',
]);

/** An element that opens something: a button, a link going nowhere, an ARIA or Bootstrap toggle, a handler. */
function isControl(el: Element): boolean {
  if (el.name === 'button') return true;
  const a = el.attribs;
  if (a['data-toggle'] !== undefined || a['data-bs-toggle'] !== undefined || a['aria-haspopup'] !== undefined || a['aria-expanded'] !== undefined || a['aria-controls'] !== undefined) return true;
  if (Object.keys(a).some((k) => /^on(mouse|click|focus|pointer|touch)/.test(k))) return true;
  return el.name === 'a' && /^\s*(?:#\s*$|javascript:)/i.test(a.href ?? '#');
}

/**
 * Class and id words of menus, panels and pop-ups in CMS templates (English and pinyin: xiala 下拉,
 * ejcd 二级菜单). A word must stand alone between `-`/`_` or at the ends: `sub-menu`, `menu_list`.
 */
const MENU_WORDS = /(?:^|[-_])(?:dropdown|drop|menu|submenu|subnav|subnavs|nav|popup|popover|pop|tab|tabs|tabpanel|pane|panel|collapse|accordion|modal|dialog|layer|tooltip|flyout|xiala|xl|ejcd|sjcd|erji)(?:$|[-_\d])/i;

function menuNamed(el: Element): boolean {
  return [el.attribs.id, ...classList(el)].some((n) => !!n && MENU_WORDS.test(n));
}

/** Tags of menus: a named one of these above a hidden list is a drop-down. */
const MENU_TAGS: ReadonlySet<string> = new Set(['li', 'ul', 'ol', 'dl', 'nav', 'menu']);

/** A title or a button: some text or an image, but little of it, and few elements inside. */
function isTrigger(el: Element): boolean {
  let elements = 0;
  let text = 0;
  let image = false;
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') text += (n as unknown as { data: string }).data.trim().length;
    else if (isElement(n)) {
      if (++elements > 6) return false;
      if (n.name === 'img') image = true;
      stack.push(...n.children);
    }
    if (text > 40) return false;
  }
  return text > 0 || image;
}

/**
 * One of several panels: every element child of the parent (two to 30 of them) has the same tag and,
 * state classes (`on`, `active` …) aside, the same classes — tab bodies and slides, not page sections.
 */
function samePanels(el: Element): boolean {
  const parent = el.parent;
  if (!isElement(parent)) return false;
  const key = (e: Element) => [...classList(e)].filter((c) => !STATE_CLASSES.has(c.toLowerCase())).sort().join(' ');
  const mine = key(el);
  let count = 0;
  for (const c of parent.children) {
    if (!isElement(c) || c.name === 'script' || c.name === 'style') continue;
    if (c.name !== el.name || key(c) !== mine || ++count > 30) return false;
  }
  return count >= 2;
}

/** Script calls that show or hide elements (jQuery effects, class toggles, style writes). */
const REVEAL =
  /\.\s*(?:show|toggle|slideDown|slideToggle|slideUp|fadeIn|fadeToggle|fadeOut|animate|addClass|removeClass|toggleClass)\s*\(|\.style\s*\.\s*(?:display|visibility)\s*=|classList\s*\.\s*(?:add|remove|toggle)\s*\(|\.className\s*=/;

/** Offsets at or beyond this many pixels (negative) put a box off any screen. */
const OFFSCREEN_PX = -500;
/**
 * Negative margins and translations this far move a box off screen; centring hacks
 * (`left: 50%; margin-left: -600px`) and carousel tracks stay well above it.
 */
const OFFSCREEN_MARGIN_PX = -2000;
/** A marquee at most this high or wide shows nothing readable. */
const TINY_PX = 10;

interface Winner {
  value: string;
  important: boolean;
  /** Cascade weight: inline beats sheet; then specificity; then order. */
  weight: number;
  inline: boolean;
}

type Declared = Map<string, Winner>;

/** A declaration with the cascade order of the rule it came from. */
interface OrderedDeclaration extends CssDeclaration {
  readonly order: number;
}

interface IndexedRule {
  readonly selector: CssSelector;
  /** One winner per property: rules with the same selector are merged as the cascade would. */
  declarations: OrderedDeclaration[];
}

/** Work the style analysis of one page may do: candidates enumerated, compounds tested, declarations applied, ancestors walked. */
export const PAGE_STYLE_STEPS = 2_000_000;

/** A structural key of a selector: rules with equal keys have equal matches and specificity. */
function selectorKey(selector: CssSelector): string {
  return JSON.stringify([selector.compounds, selector.combinators]);
}

/**
 * Rules indexed by the key (rightmost) compound (id, class, tag or universal) and then by a hint from
 * the compound left of it (its first id or class), so `.m1 .sub … .m400 .sub` cost one lookup per
 * ancestor name instead of 400 selector matches per `.sub` element.
 */
class RuleIndex {
  private readonly buckets = new Map<string, Map<string, IndexedRule[]>>();
  private readonly byKey = new Map<string, IndexedRule>();

  constructor(private readonly ignoreState: boolean) {}

  add(selector: CssSelector, declarations: readonly OrderedDeclaration[]): void {
    // A selector seen before: merge into its entry (later wins, !important beats normal), so
    // ten thousand copies of `*{display:none}` cost one candidate per element, not ten thousand.
    const selectorId = selectorKey(selector);
    const seen = this.byKey.get(selectorId);
    if (seen) {
      for (const d of declarations) {
        const i = seen.declarations.findIndex((x) => x.property === d.property);
        if (i === -1) seen.declarations.push(d);
        else if (d.important || !seen.declarations[i]!.important) seen.declarations[i] = d;
      }
      return;
    }
    const entry: IndexedRule = { selector, declarations: [...declarations] };
    this.byKey.set(selectorId, entry);
    const compounds = entry.selector.compounds;
    const key = compounds[compounds.length - 1];
    if (!key) return;
    const usable = (c: string) => !(this.ignoreState && STATE_CLASSES.has(c.toLowerCase()));
    const id = key.ids[0];
    const cls = key.classes.find(usable);
    const bucketKey = id !== undefined ? '#' + id : cls !== undefined ? '.' + cls : key.tag !== undefined ? key.tag : '*';
    // The hint must be an ancestor: a compound joined by a sibling combinator is not one.
    const sibling = entry.selector.combinators[compounds.length - 2];
    const left = sibling === '+' || sibling === '~' ? undefined : compounds[compounds.length - 2];
    const leftId = left?.ids[0];
    const leftClass = left?.classes.find(usable);
    const hint = leftId !== undefined ? '#' + leftId : leftClass !== undefined ? '.' + leftClass : '';
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) this.buckets.set(bucketKey, (bucket = new Map()));
    const list = bucket.get(hint);
    if (list) list.push(entry);
    else bucket.set(hint, [entry]);
  }

  /** Rules that may match `el`, by its id, classes, tag and `*`; each one enumerated costs a step. */
  candidates(el: Element, budget: MatchBudget): IndexedRule[] {
    if (this.buckets.size === 0 || budget.left <= 0) return [];
    const found = this.collect(el);
    // Enumeration is work too: past the page's budget no more rules are applied.
    if (found.length > budget.left) {
      found.length = Math.max(0, budget.left);
      budget.left = 0;
      return found;
    }
    budget.left -= found.length;
    return found;
  }

  private collect(el: Element): IndexedRule[] {
    const out: IndexedRule[] = [];
    const keys: string[] = [];
    const id = el.attribs.id;
    if (id !== undefined) keys.push('#' + id);
    for (const c of classList(el)) keys.push('.' + c);
    keys.push(el.name, '*');
    let above: ReadonlySet<string> | undefined;
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) continue;
      for (const entry of bucket.get('') ?? []) out.push(entry);
      above ??= ancestorKeys(el);
      if (above === SATURATED || bucket.size <= above.size) {
        for (const [hint, list] of bucket) if (hint !== '' && (above === SATURATED || above.has(hint))) for (const entry of list) out.push(entry);
      } else {
        for (const hint of above) for (const entry of bucket.get(hint) ?? []) out.push(entry);
      }
    }
    return out;
  }
}

/** Text content of an element's raw text children (style/script), or of all descendants for others. */
export function rawText(el: Element, source: string): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text' && c.startIndex !== null && c.endIndex !== null) out += source.slice(c.startIndex, c.endIndex + 1);
  }
  return out;
}

/** Visible-ish text of a subtree, entities decoded, whitespace collapsed, capped at `max` characters. */
export function textContent(node: AnyNode, source: string, max = 2000): string {
  let out = '';
  // Iterative: pages nest thousands deep and the call stack must not decide the result.
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && out.length < max) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      if (n.startIndex !== null && n.endIndex !== null) out += source.slice(n.startIndex, n.endIndex + 1);
      else out += (n as unknown as { data: string }).data;
      continue;
    }
    if (isElement(n) && (n.name === 'script' || n.name === 'style')) continue;
    const children = (n as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return decodeHTML(out).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Attribute value with character references decoded (the DOM is parsed with decoding off). */
export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v.includes('&') ? decodeHTML(v) : v;
}

/**
 * The static style of one page: `<style>` rules, `style` attributes, presentational attributes and the
 * ids that inline scripts hide. Built once per document; per-element results are memoised.
 */
export class PageStyle {
  private readonly index = new RuleIndex(false);
  private readonly toggles = new RuleIndex(true);
  private readonly declared = new Map<Element, Declared>();
  private readonly scriptHidden: Set<string>;
  /** Ids and classes named by scripts and event-handler attributes (`showMenu('m1')`, `$('.dropdown')`). */
  private readonly scriptText: string;
  /** Names quoted or selected in scripts: `'m1'`, `"#nav"`, `.dropdown` (one pass, then O(1) lookups). */
  private readonly scriptNames: ReadonlySet<string>;
  private readonly toggleMemo = new Map<Element, boolean>();
  /** Some script on the page shows, hides or re-classes elements. */
  private readonly scriptReveals: boolean;
  private readonly factsMemo = new Map<Element, ElementFacts>();
  /** The page pulls in style sheets we cannot see: defaults (white background) are then unknown. */
  readonly hasExternalStyles: boolean;
  /** Style work for the whole page (see MatchBudget, PAGE_STYLE_STEPS); shared with the page's script fragments. */
  private readonly budget: MatchBudget;
  private readonly budgetSize: number;

  constructor(
    readonly source: string,
    root: AnyNode,
    budget?: MatchBudget,
  ) {
    this.budget = budget ?? { left: PAGE_STYLE_STEPS };
    this.budgetSize = budget?.size ?? this.budget.left;
    let order = 0;
    const scripts: string[] = [];
    let external = false;
    const stack: AnyNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const children = (node as { children?: AnyNode[] }).children;
      if (isElement(node)) {
        if (node.name === 'style') {
          for (const rule of parseStylesheet(rawText(node, source))) this.addRule(rule, order++);
          continue;
        }
        if (node.name === 'script') {
          if (node.attribs.src === undefined) scripts.push(rawText(node, source));
          continue;
        }
        if (node.name === 'link' && /\bstylesheet\b/i.test(node.attribs.rel ?? '')) external = true;
        // Own keys in order, as Object.entries gives them, without an array of pairs per element.
        const attribs = node.attribs;
        for (const name in attribs) {
          if (Object.prototype.hasOwnProperty.call(attribs, name) && name.startsWith('on')) scripts.push(attribs[name] as string);
        }
      }
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    this.hasExternalStyles = external;
    this.scriptText = scripts.join('\n');
    this.scriptHidden = idsHiddenByScript(this.scriptText);
    this.scriptReveals = REVEAL.test(this.scriptText);
    const names = new Set<string>();
    for (const m of this.scriptText.matchAll(/[#.'"]([A-Za-z_][\w-]{1,80})/g)) names.add(m[1]!);
    this.scriptNames = names;
  }

  private addRule(rule: CssRule, order: number): void {
    const declarations = rule.declarations.filter((d) => PROPERTIES.has(d.property)).map((d) => ({ ...d, order }));
    if (declarations.length === 0) return;
    for (const selector of rule.selectors) {
      const stateful = selector.compounds.some(
        (c) => c.classes.some((k) => STATE_CLASSES.has(k.toLowerCase())) || c.attributes.some((a) => isStateAttribute(a.name)),
      );
      if (selector.dynamic || stateful) this.toggles.add(selector, declarations);
      if (!selector.unsupported && !selector.dynamic) this.index.add(selector, declarations);
    }
  }

  /** The page ran out of its style budget: some rules were not applied to some elements. */
  get budgetExceeded(): boolean {
    return this.budget.left <= 0;
  }

  /** Steps of style work done so far on this page (shared by every PageStyle given the same budget). */
  get steps(): number {
    return this.budgetSize - this.budget.left;
  }

  /** The winning declared value of each read property on `el` (not inherited). */
  declarations(el: Element): Declared {
    let d = this.declared.get(el);
    if (d) return d;
    d = new Map();
    const put = (property: string, value: string, important: boolean, weight: number, inline: boolean) => {
      const prev = d!.get(property);
      if (prev && (prev.important && !important)) return;
      if (prev && prev.important === important && prev.weight > weight) return;
      d!.set(property, { value: value.toLowerCase(), important, weight, inline });
    };
    // Presentational attributes sit below every author rule (HTML §15.3.1).
    const presentational = (property: string, raw: string | undefined, asLength = false) => {
      if (raw === undefined) return;
      const v = raw.trim();
      put(property, asLength && /^\d+$/.test(v) ? v + 'px' : v, false, -1, false);
    };
    presentational('width', el.attribs.width, true);
    presentational('height', el.attribs.height, true);
    if (el.name === 'font') presentational('color', el.attribs.color);
    presentational('background-color', el.attribs.bgcolor);
    for (const entry of this.index.candidates(el, this.budget)) {
      // The rightmost compound's test and each declaration applied count against the page's budget.
      if (--this.budget.left < 0) break;
      if (!selectorMatches(entry.selector, el, undefined, this.budget)) continue;
      const [a, b, c] = entry.selector.specificity;
      const base = (a * 1e6 + b * 1e3 + c) * 1e5;
      this.budget.left -= entry.declarations.length;
      for (const decl of entry.declarations) put(decl.property, decl.value, decl.important, base + decl.order, false);
    }
    const style = el.attribs.style;
    if (style !== undefined) {
      for (const decl of parseDeclarations(style.includes('&') ? decodeHTML(style) : style)) {
        if (PROPERTIES.has(decl.property)) put(decl.property, decl.value, decl.important, Number.MAX_SAFE_INTEGER, true);
      }
    }
    expandShorthands(d);
    this.declared.set(el, d);
    return d;
  }

  /** Whether the page itself can reveal `el`: a dynamic/state rule, a script or a handler names it. */
  toggleable(el: Element): boolean {
    let hit = this.toggleMemo.get(el);
    if (hit === undefined) {
      hit = this.computeToggleable(el);
      this.toggleMemo.set(el, hit);
    }
    return hit;
  }

  private computeToggleable(el: Element): boolean {
    for (const entry of this.toggles.candidates(el, this.budget)) {
      if (--this.budget.left < 0) break;
      if (selectorMatches(entry.selector, el, STATE_CLASSES, this.budget)) return true;
    }
    const names = [el.attribs.id, ...classList(el)].filter((n): n is string => !!n && n.length >= 2);
    for (const name of names) {
      if (this.scriptNames.has(name) && !this.scriptHidden.has(name) && !GENERIC_HIDING_CLASSES.has(name.toLowerCase())) return true;
    }
    // A hover/click handler on the parent or the previous sibling is how old CMS menus open sub-menus.
    const parent = el.parent;
    if (isElement(parent) && Object.keys(parent.attribs).some((a) => /^on(mouse|click|focus|pointer|touch)/.test(a))) return true;
    let prev = el.prev;
    while (prev && !isElement(prev)) prev = prev.prev;
    if (isElement(prev) && Object.keys(prev.attribs).some((a) => /^on(mouse|click|focus|pointer|touch)/.test(a))) return true;
    return false;
  }

  /**
   * A looser "the page may reveal this" for blocks with neutral wording (link farms): besides
   * {@link toggleable}, a script that shows or hides things (`.show()`, `.slideDown()`,
   * `style.display =`, `classList.toggle` …) names the element's previous sibling or one of its
   * nearest ancestors, or such an element carries an event handler. jQuery menus
   * (`$('.nav li').hover(… $(this).children('ul').show() …)`), click-to-open friend links
   * (`$('.yqlj-t').click(… .next().toggle())`) and tabs switched by index look like this.
   */
  revealableNearby(el: Element): boolean {
    if (this.toggleable(el)) return true;
    // A drop-down's own shape, whatever script (often an external file) opens it: a control right
    // before the hidden list (`<button>`, `href="javascript:…"`, `data-toggle`, `aria-haspopup`), or
    // the names templates give menus and panels (`dropdown-menu`, `submenu`, `tab-pane` …).
    let prev = el.prev;
    while (prev && !isElement(prev)) prev = prev.prev;
    if (isElement(prev) && isControl(prev)) return true;
    if (menuNamed(el) || (isElement(el.parent) && menuNamed(el.parent) && el.parent.name !== 'body')) return true;
    if (!this.scriptReveals) return false;
    const named = (e: Element) =>
      [e.attribs.id, ...classList(e)].some((n) => !!n && n.length >= 2 && this.scriptNames.has(n) && !this.scriptHidden.has(n) && !GENERIC_HIDING_CLASSES.has(n.toLowerCase())) ||
      Object.keys(e.attribs).some((a) => /^on(mouse|click|focus|pointer|touch)/.test(a));
    // The previous sibling counts when it is a title or a button (`.yqlj-t` → `.next().toggle()`),
    // not a whole page section that a script happens to name.
    if (isElement(prev) && named(prev) && isTrigger(prev) && !this.facts(prev).before.some((t) => t === 'display-none' || t === 'hidden-attribute')) return true;
    // A named ancestor counts for a menu item or list, or for one of several like panels (tabs,
    // slides) — not for an article body or a page wrapper that scripts resize or restyle.
    const panel = samePanels(el);
    let up: AnyNode | null = el.parent;
    for (let k = 0; k < 3 && isElement(up) && up.name !== 'body' && up.name !== 'html'; k++, up = up.parent) {
      if (named(up) && (panel || MENU_TAGS.has(up.name))) return true;
    }
    return false;
  }

  /** What an element's own style says about hiding, computed once per element. */
  facts(el: Element): ElementFacts {
    let f = this.factsMemo.get(el);
    if (!f) {
      f = elementFacts(el, this.declarations(el), this.hiddenByScript(el.attribs.id));
      this.factsMemo.set(el, f);
    }
    return f;
  }

  /** Ids hidden by inline scripts on load. */
  hiddenByScript(id: string | undefined): boolean {
    return id !== undefined && this.scriptHidden.has(id);
  }
}

/** Splits the shorthands the analysis needs (`background`, `margin`, `font`) into longhands it reads. */
function expandShorthands(d: Declared): void {
  const bg = d.get('background');
  if (bg) {
    if (/url\(/.test(bg.value) && !d.has('background-image')) d.set('background-image', { ...bg, value: 'url()' });
    const color = bg.value.split(/\s+(?![^(]*\))/).map(parseColor).find((c) => c !== undefined);
    const existing = d.get('background-color');
    if (color && (!existing || existing.weight <= bg.weight)) d.set('background-color', { ...bg, value: bg.value.split(/\s+(?![^(]*\))/).find((p) => parseColor(p))! });
  }
  const margin = d.get('margin');
  if (margin) {
    const parts = margin.value.split(/\s+/);
    const top = parts[0];
    const left = parts[3] ?? parts[1] ?? parts[0];
    if (top !== undefined && (!d.has('margin-top') || d.get('margin-top')!.weight <= margin.weight)) d.set('margin-top', { ...margin, value: top });
    if (left !== undefined && (!d.has('margin-left') || d.get('margin-left')!.weight <= margin.weight)) d.set('margin-left', { ...margin, value: left });
  }
  const font = d.get('font');
  if (font && (!d.has('font-size') || d.get('font-size')!.weight <= font.weight)) {
    const size = /(?:^|\s)([0-9.]+(?:px|em|rem|pt|%)?)(?:\/[^\s]+)?\s/.exec(font.value + ' ');
    if (size) d.set('font-size', { ...font, value: size[1]! });
  }
}

function len(d: Declared, p: string): number | undefined {
  const w = d.get(p);
  return w ? parseLength(w.value) : undefined;
}

function isHiddenOverflow(d: Declared): boolean {
  const o = [d.get('overflow')?.value, d.get('overflow-x')?.value, d.get('overflow-y')?.value];
  return o.some((v) => v !== undefined && /^(hidden|clip)/.test(v));
}

function hasBackgroundImage(d: Declared): boolean {
  const v = d.get('background-image')?.value;
  return v !== undefined && v !== 'none' && v.length > 0;
}

/** `transform` that draws the box at zero size: `scale(0)`, `scaleX(0)`, `scale3d(0, …)`, `matrix(0, 0, 0, 0, …)`. */
function scaledToZero(value: string): boolean {
  if (!value.includes('(')) return false;
  for (const m of value.matchAll(/\b(scale|scalex|scaley|scale3d|matrix)\(([^()]{0,200})\)/g)) {
    const args = m[2]!.split(/[\s,]+/).filter((a) => a.length > 0).map(Number);
    if (args.some((a) => !Number.isFinite(a))) continue;
    if (m[1] === 'matrix' ? args.length === 6 && args[0] === 0 && args[1] === 0 && args[2] === 0 && args[3] === 0 : args.slice(0, 2).some((a) => a === 0)) return true;
  }
  return false;
}

/** Opacity applied by `filter: opacity(…)` or IE's `alpha(opacity=…)`, 0–1; undefined when none. */
function filterOpacity(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const css = /\bopacity\(\s*([0-9.]+)(%?)\s*\)/.exec(value);
  if (css) return Math.min(1, parseFloat(css[1]!) / (css[2] ? 100 : 1));
  const ie = /alpha\(\s*opacity\s*=\s*([0-9.]+)\s*\)/.exec(value);
  if (ie) return Math.min(1, parseFloat(ie[1]!) / 100);
  return undefined;
}

/** A `clip-path` polygon whose every coordinate is zero encloses nothing. */
function degeneratePolygon(value: string): boolean {
  const m = /^polygon\(([^()]{0,500})\)$/.exec(value.trim());
  if (!m) return false;
  const numbers = m[1]!.split(/[\s,]+/).filter((a) => a.length > 0 && a !== 'nonzero' && a !== 'evenodd');
  return numbers.length >= 2 && numbers.every((a) => parseFloat(a) === 0);
}

/** Translate offset of `transform` in px (translate/translateX/translateY), if any. */
function translateOffset(value: string): number | undefined {
  const m = /translate(?:x|y|3d)?\(\s*([^,)\s]+)/.exec(value);
  return m ? parseLength(m[1]!) : undefined;
}

/** The hiding-related facts of one element's own declarations; inherited values are resolved by the caller. */
export interface ElementFacts {
  /** Techniques the element carries on its own, in report order (before the inherited ones). */
  readonly before: readonly Technique[];
  /** Zero-size and clip, reported after the inherited ones. */
  readonly after: readonly Technique[];
  readonly visibility?: string;
  /** 0–1, when declared. */
  readonly opacity?: number;
  readonly offscreen: boolean;
  readonly backgroundImage: boolean;
  /** px, when declared and a length. */
  readonly textIndent?: number;
  /** px, when declared and a length (NaN-free). */
  readonly fontSize?: number;
  readonly tinyMarquee: boolean;
  /** Nothing above: no technique, and nothing an ancestor walk reads. */
  readonly quiet: boolean;
}

function elementFacts(el: Element, d: Declared, hiddenByScript: boolean): ElementFacts {
  const before: Technique[] = [];
  if (el.name === 'noscript') before.push('noscript');
  if (el.attribs.hidden !== undefined && el.name !== 'input') before.push('hidden-attribute');
  if (d.get('display')?.value === 'none') before.push('display-none');
  // content-visibility:hidden skips the element's contents the way visibility:hidden hides them.
  if (d.get('content-visibility')?.value === 'hidden') before.push('visibility-hidden');
  if (hiddenByScript) before.push('script-hidden');
  const op = d.get('opacity')?.value;
  let opacity: number | undefined;
  if (op !== undefined) {
    const v = op.endsWith('%') ? parseFloat(op) / 100 : parseFloat(op);
    if (Number.isFinite(v)) opacity = Math.max(0, Math.min(1, v));
  }
  const filtered = filterOpacity(d.get('filter')?.value) ?? filterOpacity(d.get('-ms-filter')?.value);
  if (filtered !== undefined && Number.isFinite(filtered)) opacity = (opacity ?? 1) * Math.max(0, filtered);
  // Off-screen boxes: absolute/fixed/relative positioning, negative margins, translations.
  const position = d.get('position')?.value;
  const positioned = position === 'absolute' || position === 'fixed' || position === 'relative';
  const left = len(d, 'left');
  const top = len(d, 'top');
  const right = len(d, 'right');
  const bottom = len(d, 'bottom');
  // A box that starts off screen but is wide enough to reach back into view (a carousel track
  // `left:-1200px; width:3000px`) is not off screen.
  const w0 = len(d, 'width');
  const h0 = len(d, 'height');
  const gone = (offset: number | undefined, size: number | undefined, limit: number) =>
    offset !== undefined && offset <= limit && (size === undefined || offset + size <= 0);
  const offscreen =
    (positioned &&
      (gone(left, w0, OFFSCREEN_PX) ||
        gone(top, h0, OFFSCREEN_PX) ||
        (right !== undefined && right >= -OFFSCREEN_PX * 4) ||
        (bottom !== undefined && bottom >= -OFFSCREEN_PX * 4))) ||
    gone(len(d, 'margin-left'), w0, OFFSCREEN_MARGIN_PX) ||
    gone(len(d, 'margin-top'), h0, OFFSCREEN_MARGIN_PX) ||
    (translateOffset(d.get('transform')?.value ?? '') ?? 0) <= OFFSCREEN_MARGIN_PX;
  const indent = d.get('text-indent');
  const textIndent = indent === undefined ? undefined : parseLength(indent.value) ?? 0;
  const after: Technique[] = [];
  // Zero boxes that clip their content; sr-only text looks the same, so this is a weak signal.
  const h = len(d, 'height');
  const w = len(d, 'width');
  const mh = len(d, 'max-height');
  const mw = len(d, 'max-width');
  if ((((h !== undefined && h <= 1) || (w !== undefined && w <= 1) || (mh !== undefined && mh <= 1) || (mw !== undefined && mw <= 1)) && isHiddenOverflow(d)) || scaledToZero(d.get('transform')?.value ?? '')) after.push('zero-size');
  // Text pushed out of a box a few pixels wide that clips it (`width:2px; overflow:hidden;
  // text-indent:20px`): the text-indent trick without the large offset. Image replacement keeps
  // a background image in the box and is left alone.
  if (
    textIndent !== undefined &&
    Math.abs(textIndent) >= TINY_PX &&
    isHiddenOverflow(d) &&
    !hasBackgroundImage(d) &&
    ((w !== undefined && w <= TINY_PX && Math.abs(textIndent) >= w) || (h !== undefined && h <= TINY_PX))
  ) {
    after.push('text-indent');
  }
  const clip = d.get('clip')?.value;
  const clipPath = d.get('clip-path')?.value;
  if ((clip && /^rect\(\s*(0|1px)/.test(clip)) || (clipPath && (/inset\(\s*(50%|100%)|circle\(\s*0/.test(clipPath) || degeneratePolygon(clipPath)))) after.push('clip');
  const rawSize = d.get('font-size')?.value;
  let fontSize: number | undefined;
  if (rawSize !== undefined) {
    const px = rawSize.endsWith('%') ? (parseFloat(rawSize) / 100) * 16 : parseLength(rawSize);
    // A declared but unreadable size (`larger`, `calc()`) still decides inheritance: treat it as visible.
    fontSize = px !== undefined && Number.isFinite(px) ? px : 16;
  }
  const tinyMarquee = el.name === 'marquee' && (((h !== undefined && h <= TINY_PX) || (w !== undefined && w <= TINY_PX)));
  // One shape for every element's facts (absent values undefined), so the walks over them stay monomorphic.
  const visibility = d.get('visibility') ? d.get('visibility')!.value : undefined;
  const backgroundImage = hasBackgroundImage(d);
  const quiet =
    before.length === 0 && after.length === 0 && visibility === undefined && opacity === undefined && !offscreen && !backgroundImage && textIndent === undefined && fontSize === undefined && !tinyMarquee;
  return { before, after, visibility, opacity, offscreen, backgroundImage, textIndent, fontSize, tinyMarquee, quiet };
}

export interface HidingOptions {
  /** Where the link's own markup starts in the page (for before-DOCTYPE / after-</html> checks). */
  readonly position?: number;
  /** Start of the DOCTYPE (or of `<html>` when there is none). */
  readonly documentStart?: number;
  /** Index just past `</html>`, when the page has one. */
  readonly documentEnd?: number;
  /** The link holds an image (colour and font-size tricks do not hide images). */
  readonly hasImage?: boolean;
}

/**
 * Every hiding signal that applies to `link`, walking up through its ancestors (and, for markup written
 * by a script, on through `hostAncestors`: the script element in the page).
 */
export function hidingSignals(style: PageStyle, link: Element, options: HidingOptions = {}, hostAncestor?: Element): HidingSignal[] {
  const signals: HidingSignal[] = [];
  const add = (technique: Technique, element: Element | undefined) => {
    for (let i = 0; i < signals.length; i++) if ((signals[i] as HidingSignal).technique === technique) return;
    signals.push({ technique, element, toggleable: element ? style.toggleable(element) : false });
  };
  if (options.position !== undefined && options.documentStart !== undefined && options.position < options.documentStart) add('before-doctype', undefined);
  if (options.position !== undefined && options.documentEnd !== undefined && options.position >= options.documentEnd) add('after-html', undefined);

  let visibilityDecided = false;
  let fontSizeDecided = false;
  let textIndentDecided = false;
  let opacity = 1;
  let backgroundImageBelow = false;
  const chain: Element[] = [];
  for (let node: AnyNode | null = link; node; ) {
    if (isElement(node)) chain.push(node);
    let next: AnyNode | null = node.parent;
    if (!next && hostAncestor && !chain.includes(hostAncestor)) next = hostAncestor;
    node = next;
    if (chain.length > 2000) break;
  }

  for (const el of chain) {
    const f = style.facts(el);
    if (f.quiet) continue;
    for (const t of f.before) add(t, el);
    if (!visibilityDecided && f.visibility !== undefined && f.visibility !== 'inherit') {
      visibilityDecided = true;
      if (f.visibility === 'hidden' || f.visibility === 'collapse') add('visibility-hidden', el);
    }
    if (f.opacity !== undefined) {
      opacity *= f.opacity;
      if (opacity <= 0.05) add('opacity-zero', el);
    }
    if (f.offscreen) add('offscreen', el);
    if (f.backgroundImage) backgroundImageBelow = true;
    if (!textIndentDecided && f.textIndent !== undefined) {
      textIndentDecided = true;
      if (f.textIndent <= OFFSCREEN_PX && !backgroundImageBelow && !options.hasImage) add('text-indent', el);
    }
    for (const t of f.after) if (t !== 'text-indent' || (!options.hasImage && !backgroundImageBelow)) add(t, el);
    if (!fontSizeDecided && f.fontSize !== undefined && !options.hasImage) {
      fontSizeDecided = true;
      if (f.fontSize <= 1) add('font-size-zero', el);
    }
    if (f.tinyMarquee) add('tiny-marquee', el);
  }
  if (!options.hasImage) {
    const sameColor = sameColorSignal(style, link, chain);
    if (sameColor) add('same-color', sameColor);
  }
  return signals;
}

/**
 * Text colour equal to the background colour behind it. A link does not inherit colour (the UA
 * style sheet paints it link-blue) unless it says `color: inherit`; both colours must be declared,
 * except that a page with no external style sheet has a known white canvas.
 */
function sameColorSignal(style: PageStyle, link: Element, chain: readonly Element[]): Element | undefined {
  // The text holder: the innermost element wrapping the link's first text.
  let holder: Element = link;
  for (let depth = 0; depth < 8; depth++) {
    const onlyChild = holder.children.filter((c) => isElement(c) || (c.type === 'text' && (c as unknown as { data: string }).data.trim() !== ''));
    const first = onlyChild[0];
    if (onlyChild.length === 1 && isElement(first)) holder = first;
    else break;
  }
  const path: Element[] = [];
  for (let el: Element | null = holder; el && el !== link; el = isElement(el.parent) ? el.parent : null) path.push(el);
  path.push(...chain);
  let color: [number, number, number, number] | undefined;
  let colorAt = -1;
  for (let i = 0; i < path.length; i++) {
    const el = path[i]!;
    const c = style.declarations(el).get('color')?.value;
    if (c !== undefined && c !== 'inherit' && c !== 'currentcolor') {
      color = parseColor(c);
      colorAt = i;
      break;
    }
    if (el === link && c !== 'inherit') return undefined; // link-blue
  }
  if (!color || colorAt < 0) return undefined;
  if (color[3] <= 0.05) return path[colorAt];
  for (let i = 0; i < path.length; i++) {
    const d = style.declarations(path[i]!);
    if (hasBackgroundImage(d)) return undefined;
    const b = d.get('background-color')?.value;
    if (b === undefined) continue;
    const bg = parseColor(b);
    if (!bg) return undefined;
    if (bg[3] <= 0.05) continue;
    return close(color, bg) ? path[colorAt] : undefined;
  }
  if (style.hasExternalStyles) return undefined;
  return close(color, [255, 255, 255, 1]) ? path[colorAt] : undefined;
}

function close(a: readonly number[], b: readonly number[]): boolean {
  return Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!) <= 12;
}
