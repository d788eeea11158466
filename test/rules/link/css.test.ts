import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { parseColor, parseDeclarations, parseLength, parseSelectorList, parseStylesheet, selectorMatches, stripCssComments } from '../../../src/html/css.js';

// src/html/css.ts: the small CSS reader behind link/dark-link's static cascade.

function element(html: string, id: string): Element {
  const dom = parseDocument(html);
  const stack = [...dom.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'tag') {
      if (n.attribs.id === id) return n;
      stack.push(...n.children);
    }
  }
  throw new Error(`no #${id}`);
}

describe('parseDeclarations', () => {
  it('reads properties, values and !important; keeps strings and parentheses whole; ignores custom properties', () => {
    expect(parseDeclarations('DISPLAY : None ; color:red!important; background:url("a;b.png") no-repeat; bad; :x; --v: 1')).toEqual([
      { property: 'display', value: 'None', important: false },
      { property: 'color', value: 'red', important: true },
      { property: 'background', value: 'url("a;b.png") no-repeat', important: false },
    ]);
  });
  it('drops comments, even unclosed ones', () => {
    expect(parseDeclarations('/* display:none */ left:-9999px /* x')).toEqual([{ property: 'left', value: '-9999px', important: false }]);
    expect(stripCssComments('a/*b*/c"/*in string*/"')).toBe('a c"/*in string*/"');
  });
});

describe('parseStylesheet', () => {
  it('reads rule sets in order, @media screen blocks, and skips other at-rules', () => {
    const rules = parseStylesheet('@import url(x.css); .a{display:none} @media print{.b{display:none}} @media screen{#c{left:-1px}} @font-face{font-family:x} @keyframes k{from{opacity:0}} d > e{top:0}');
    expect(rules.map((r) => [r.selectors.map((s) => s.compounds.length), r.declarations.map((d) => d.property)])).toEqual([
      [[1], ['display']],
      [[1], ['left']],
      [[2], ['top']],
    ]);
  });
  it('survives unbalanced braces and stray tokens', () => {
    expect(parseStylesheet('}}} .a{color:red').map((r) => r.declarations.length)).toEqual([1]);
    expect(parseStylesheet('.a{color:red;}}.b{top:0}').length).toBe(2);
  });
});

describe('selectors', () => {
  it('computes specificity and flags dynamic and unsupported parts', () => {
    const [a, b, c, d, e, f, g] = parseSelectorList('#x .y div, .nav li:hover > ul, a[href], p + .q, a::before, div:has(p), li:not(#z, .w):nth-child(2n+1)');
    expect(a!.specificity).toEqual([1, 1, 1]);
    expect(b!.dynamic).toBe(true);
    expect(c!.unsupported).toBe(false);
    expect(c!.specificity).toEqual([0, 1, 1]);
    expect(d!.unsupported).toBe(false);
    expect(e!.unsupported).toBe(true);
    expect(f!.unsupported).toBe(true);
    expect(g!.unsupported).toBe(false);
    expect(g!.specificity).toEqual([1, 1, 1]);
  });
  it('matches descendant and child combinators against the tree', () => {
    const html = '<div class="nav top" id="n"><ul><li class="m"><a id="t" href="#">x</a></li></ul></div>';
    const el = element(html, 't');
    const match = (s: string) => selectorMatches(parseSelectorList(s)[0]!, el);
    expect(match('a')).toBe(true);
    expect(match('.nav a')).toBe(true);
    expect(match('#n li > a')).toBe(true);
    expect(match('div.top.nav ul .m a#t')).toBe(true);
    expect(match('ul > a')).toBe(false);
    expect(match('.other a')).toBe(false);
    expect(match('li:hover a')).toBe(false);
    expect(selectorMatches(parseSelectorList('li:hover a')[0]!, el, new Set())).toBe(true);
    expect(selectorMatches(parseSelectorList('.m.open a')[0]!, el, new Set(['open']))).toBe(true);
  });
  it('matches attribute selectors, decoding character references in the value', () => {
    const el = element('<div><a id="t" class="x y" href="http://a.example/?p=1&amp;q=2" lang="zh-CN" data-k="V">x</a></div>', 't');
    const match = (s: string) => selectorMatches(parseSelectorList(s)[0]!, el);
    expect(match('[href]')).toBe(true);
    expect(match('a[HREF^="http://a.example"]')).toBe(true);
    expect(match('a[href$="q=2"]')).toBe(true);
    expect(match('a[href*="p=1&q"]')).toBe(true);
    expect(match('[class~=y]')).toBe(true);
    expect(match('[class=x]')).toBe(false);
    expect(match('[lang|=zh]')).toBe(true);
    expect(match('[data-k=v]')).toBe(false);
    expect(match('[data-k=v i]')).toBe(true);
    expect(match("[data-k='V']")).toBe(true);
    expect(match('[title]')).toBe(false);
    expect(match('[href^=""]')).toBe(false);
  });
  it('matches sibling combinators and structural pseudo-classes', () => {
    const html = '<ul id="u"><li id="a">1</li><!-- c --><li id="b">2</li><p id="c">3</p><li id="d"></li></ul>';
    const match = (s: string, id: string) => selectorMatches(parseSelectorList(s)[0]!, element(html, id));
    expect(match('#a + li', 'b')).toBe(true);
    expect(match('#a + li', 'd')).toBe(false);
    expect(match('#a ~ li', 'd')).toBe(true);
    expect(match('#u > li + p', 'c')).toBe(true);
    expect(match('li:first-child', 'a')).toBe(true);
    expect(match('li:first-child', 'b')).toBe(false);
    expect(match('li:last-child', 'd')).toBe(true);
    expect(match('li:nth-child(2)', 'b')).toBe(true);
    expect(match('li:nth-child(odd)', 'd')).toBe(false);
    expect(match(':nth-child(2n)', 'd')).toBe(true);
    expect(match('li:nth-of-type(3)', 'd')).toBe(true);
    expect(match('li:nth-last-of-type(1)', 'd')).toBe(true);
    expect(match('p:only-of-type', 'c')).toBe(true);
    expect(match('li:empty', 'd')).toBe(true);
    expect(match('li:empty', 'a')).toBe(false);
    expect(match('li:not(#a):not(.q)', 'b')).toBe(true);
    expect(match('li:not(#a, #b)', 'b')).toBe(false);
    expect(match('ul > :nth-child(-n+2)', 'b')).toBe(true);
    expect(match('ul > :nth-child(-n+2)', 'c')).toBe(false);
  });
  it('reads escaped identifiers', () => {
    const [s] = parseSelectorList('.\\31 0x #a\\:b');
    expect(s!.compounds[0]!.classes).toEqual(['10x']);
    expect(s!.compounds[1]!.ids).toEqual(['a:b']);
  });
});

describe('values', () => {
  it('parses colours', () => {
    expect(parseColor('#FFF')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#ffffff00')).toEqual([255, 255, 255, 0]);
    expect(parseColor('rgb(255, 255, 255)')).toEqual([255, 255, 255, 1]);
    expect(parseColor('rgba(0,0,0,.0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(100% 0% 0% / 50%)')).toEqual([255, 0, 0, 0.5]);
    expect(parseColor('White')).toEqual([255, 255, 255, 1]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('var(--x)')).toBeUndefined();
    expect(parseColor('#12')).toBeUndefined();
  });
  it('parses lengths to CSS pixels', () => {
    expect(parseLength('-9999px')).toBe(-9999);
    expect(parseLength('-999em')).toBe(-15984);
    expect(parseLength('0')).toBe(0);
    expect(parseLength('.5PX')).toBe(0.5);
    expect(parseLength('12pt')).toBe(16);
    expect(parseLength('auto')).toBeUndefined();
    expect(parseLength('50%')).toBeUndefined();
    expect(parseLength('calc(1px - 2px)')).toBeUndefined();
    expect(parseLength('1e999px')).toBeUndefined();
  });
});
