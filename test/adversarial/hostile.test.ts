import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { MAX_DEPTH, parseDom, SOURCE_OPTIONS } from '../../src/html/dom.js';
import { parseHtml } from '../../src/document/html.js';
import { destinationCloses, inlineWork, parseMarkdown } from '../../src/document/markdown.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';

/**
 * The hostile inputs of issue 17, at sizes CI affords. Each test asserts the work done (the parser's
 * stack depth, the units a scan examined, the segments made), never a wall-clock time: at 1 MB these
 * inputs took 13 s (nested `<div>`), 5 s (`[a](` repeated) and 2.6 s (a tag with 100,000 `title`s).
 * `npm run fuzz -- --scaling` measures the same shapes from 16 K to 1 M characters.
 */
const id = '110101199003074514';
const checker = createChecker({ preset: 'all' });

describe('nesting deeper than browsers build', () => {
  const shapes: Record<string, (n: number) => string> = {
    div: (n) => '<div>'.repeat(n),
    'table rows cells': (n) => '<table><tr><td>'.repeat(Math.ceil(n / 3)),
    span: (n) => '<span>'.repeat(n),
    svg: (n) => '<svg>'.repeat(n),
    'unclosed list items': (n) => '<ul><li>'.repeat(Math.ceil(n / 2)),
    'mixed closing': (n) => '<div><b>'.repeat(Math.ceil(n / 2)) + '</i>'.repeat(n),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: the open-element stack never passes ${MAX_DEPTH}, whatever the depth asked`, () => {
      for (const n of [MAX_DEPTH - 3, 5_000, 20_000]) {
        const stats = { flattened: 0, deepest: 0 };
        parseDom(make(n) + '正文', SOURCE_OPTIONS, stats);
        expect(stats.deepest).toBeLessThanOrEqual(MAX_DEPTH);
        if (n < MAX_DEPTH) expect(stats.flattened).toBe(0);
      }
    });
  }

  it('flattens exactly the elements past the cap, and keeps them in the tree', () => {
    const stats = { flattened: 0, deepest: 0 };
    const dom = parseDom('<div>'.repeat(3 * MAX_DEPTH) + '正文', SOURCE_OPTIONS, stats);
    expect(stats).toEqual({ flattened: 2 * MAX_DEPTH, deepest: MAX_DEPTH });
    let depth = 0;
    let node = dom.children[0];
    while (node && 'children' in node && node.children.length > 0) {
      depth++;
      node = node.children[node.children.length - 1];
    }
    expect(depth).toBe(MAX_DEPTH);
  });

  it('content past the cap is still checked as text, at its own offsets', () => {
    const source = '<div>'.repeat(20_000) + `<p>身份证号${id}</p>` + '</div>'.repeat(20_000);
    const findings = checker.checkHtml(source);
    assertFindingInvariants(source, findings);
    expect(findings.map((f) => f.actual)).toContain(id);
    const doc = parseHtml(source);
    expect(doc.segments.map((s) => s.text)).toContain(`身份证号${id}`);
  });

  it('ordinary nesting under the cap parses as before', () => {
    const source = '<div><p>甲</p><div><p>乙<b>丙</b></p></div></div>';
    expect(parseHtml(source).segments.map((s) => s.text)).toEqual(['甲', '乙丙']);
  });
});

describe('link destinations in Markdown', () => {
  /** The scan before issue 17: each `](` looked up to 1,024 units ahead on its own. */
  const naive = (s: string, start: number, end: number): Map<number, number> => {
    const out = new Map<number, number>();
    for (let i = start; i + 1 < end; i++) {
      if (s[i] === '\\') {
        i++;
        continue;
      }
      if (s[i] !== ']' || s[i + 1] !== '(') continue;
      let depth = 0;
      for (let k = i + 2; k < end; k++) {
        if (s[k] === '\\') k++;
        else if (s[k] === '(') depth++;
        else if (s[k] === ')') {
          if (depth === 0) {
            out.set(i + 2, k);
            break;
          }
          depth--;
        }
      }
    }
    return out;
  };

  it('finds the same closing parenthesis as the scan it replaced', () => {
    const alphabet = ['[', ']', '(', ')', '\\', 'a', '](', '](', ' '];
    let seed = 17;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 2000; t++) {
      const s = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const fast = destinationCloses(s, 0, s.length);
      for (const [at, close] of naive(s, 0, s.length)) expect(fast.get(at), JSON.stringify(s)).toBe(close);
    }
  });

  it('`[a](` repeated: the units examined grow with the input, not with input × destination limit', () => {
    const work = (n: number): number => {
      const before = inlineWork.steps;
      parseMarkdown('[a]('.repeat(n));
      return inlineWork.steps - before;
    };
    const small = work(4_096);
    const large = work(16_384);
    // 4× the input, 4× the work (the old scan did 1,024 units per bracket: 16 M units at 16 K brackets).
    expect(large / small).toBeLessThan(4.5);
    expect(large).toBeLessThan(10 * 16_384 * 4);
  });

  it('links still read as before', () => {
    const doc = parseMarkdown('见[通知](https://example.gov.cn/a_(b)) 和 [附件](<x y>) 与 ![图](a.png "题")，以及 [参考][1]。');
    expect(doc.segments.filter((s) => s.kind === 'block').map((s) => s.text)).toEqual(['见通知 和 附件 与 ，以及 参考。']);
    expect(doc.segments.filter((s) => s.kind === 'attribute').map((s) => s.text)).toEqual(['图']);
  });
});

describe('attributes', () => {
  it('a repeated attribute is read once, as browsers read it: one segment, not one per copy', () => {
    const source = `<p ${'title="提示" '.repeat(10_000)}title="${id}">正文</p>`;
    const doc = parseHtml(source);
    expect(doc.segments.filter((s) => s.kind === 'attribute').map((s) => s.text)).toEqual(['提示']);
    assertFindingInvariants(source, checker.checkHtml(source));
  });

  it('a long title is one segment mapped to its offsets', () => {
    const value = '标题'.repeat(50_000) + id;
    const source = `<a href="/x" title="${value}">x</a>`;
    const findings = checker.checkHtml(source);
    assertFindingInvariants(source, findings);
    expect(findings.map((f) => f.actual)).toContain(id);
  });
});
