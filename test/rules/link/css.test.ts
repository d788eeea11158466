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
    const [a, b, c, d] = parseSelectorList('#x .y div, .nav li:hover > ul, a[href], p + .q');
    expect(a!.specificity).toEqual([1, 1, 1]);
    expect(b!.dynamic).toBe(true);
    expect(c!.unsupported).toBe(true);
    expect(d!.unsupported).toBe(true);
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
