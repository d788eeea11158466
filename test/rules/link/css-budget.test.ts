import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { hidingSignals, PAGE_STYLE_STEPS, PageStyle } from '../../../src/rules/link/helpers/hiding.js';

// Issue 17, item 2: style rules × elements. Rules are indexed by their rightmost compound and rules
// with the same selector are merged, as browsers' rule hashes do; every step (candidate enumerated,
// compound tested, declaration applied, ancestor walked) counts against one budget per page.

/** Style steps spent judging every link of a page of `n` rules and `n` links. */
function steps(rule: (i: number) => string, n: number): number {
  let css = '';
  for (let i = 0; i < n; i++) css += rule(i);
  const html = `<style>${css}</style><div class="box">${'<a class="c1" href="http://x.example/">x</a>'.repeat(n)}</div>`;
  const dom = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: false, lowerCaseTags: true });
  const style = new PageStyle(html, dom);
  const stack = [...dom.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag') {
      if (node.name === 'a') hidingSignals(style, node);
      stack.push(...node.children);
    }
  }
  return style.steps;
}

describe('style work per page (issue 17, item 2)', () => {
  it('repeated rules cost one candidate per element: work grows linearly with rules × links doubled', () => {
    for (const rule of [() => '*{display:none}', () => 'a{display:none}', () => '.c1{display:none}', () => '.box a{display:none}']) {
      const small = steps(rule, 1000);
      const large = steps(rule, 2000);
      expect(large / small).toBeLessThan(2.2);
      expect(small).toBeLessThan(20 * 1000);
    }
  });

  it('distinct rules that all match stop at the page budget, whatever the size', () => {
    const rule = (i: number) => `*:not(#x${i}){display:none}`;
    const n = 3000; // 3000 × 3000 = 9 M candidate tests without a budget
    const spent = steps(rule, n);
    expect(spent).toBeGreaterThanOrEqual(PAGE_STYLE_STEPS);
    expect(spent).toBeLessThan(PAGE_STYLE_STEPS + 10 * n);
  });

  it('past the budget the rule says so in the finding data; below it nothing is added', () => {
    const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });
    let css = '';
    for (let i = 0; i < 3000; i++) css += `*:not(#x${i}){display:none}`;
    const links = '<a href="http://x.example/">x</a>'.repeat(3000);
    const quiet = checker.checkHtml(`<style>${css}</style>${links}`);
    expect(quiet.map((f) => [f.severity, f.data?.styleBudgetExceeded])).toEqual([['info', true]]);
    const withDark = checker.checkHtml(`<style>${css}</style>${links}<div style="display:none"><a href="http://y.example/">澳门新葡京</a></div>`);
    expect(withDark.length).toBeGreaterThan(0);
    expect(withDark.every((f) => f.data?.styleBudgetExceeded === true)).toBe(true);
    const normal = checker.checkHtml(`<style>.x{display:none}</style><div class="x"><a href="http://y.example/">澳门新葡京</a></div>`);
    expect(normal.map((f) => f.data?.styleBudgetExceeded)).toEqual([undefined]);
  });

  it('merging repeated selectors keeps the cascade: later wins, !important beats a later normal one', () => {
    const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });
    const dark = (css: string) => checker.checkHtml(`<style>${css}</style><div class="x"><a href="http://y.example/">澳门新葡京</a></div>`).length;
    expect(dark('.x{display:none} div{color:red} .x{display:block}')).toBe(0);
    expect(dark('.x{display:block} .x{display:none}')).toBe(1);
    expect(dark('.x{display:none!important} .x{display:block}')).toBe(1);
    expect(dark('.x{display:none} .y{color:red} .x{color:blue}')).toBe(1);
  });
});
