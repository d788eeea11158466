import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { TECHNIQUE_NAMES } from '../../../src/rules/link/helpers/hiding.js';
import { assertFindingInvariants, ruleTester } from '../../helpers/rule-tester.js';

const pagesDir = new URL('../../fixtures/pages/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', pagesDir), 'utf8')) as Record<string, { href: string; technique: string; basis: string }[]>;
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();

const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });
const darkOnly = (html: string) => checker.checkHtml(html).filter((f) => f.ruleId === 'link/dark-link');

describe('link/dark-link on real-world-style pages (test/fixtures/pages)', () => {
  it('every fixture page has an expectation, and every expectation a page', () => {
    expect(Object.keys(expected).sort()).toEqual(pages);
  });

  for (const page of pages) {
    it(page, () => {
      const html = readFileSync(new URL(page, pagesDir), 'utf8');
      const findings = darkOnly(html);
      assertFindingInvariants(html, findings);
      const got = findings.map((f) => ({ href: f.data?.href, technique: f.data?.technique, basis: f.data?.basis }));
      expect(got).toEqual(expected[page]);
      if (page.startsWith('legit-')) {
        expect(findings).toEqual([]);
      } else {
        // Independent oracle: every link to a *.dark.example host written in plain markup is found.
        const written = new Set([...html.matchAll(/(?:href|src)="(https?:\/\/[^"]*dark\.example\/)"/g)].map((m) => m[1]));
        const found = new Set(findings.map((f) => f.data?.href));
        for (const href of written) expect(found.has(href), href).toBe(true);
        expect(findings.length).toBeGreaterThan(0);
      }
      for (const f of findings) {
        expect(f.target).toEqual({ kind: 'link', src: f.data?.href });
        expect(f.expected).toEqual([]);
        expect(f.message).toMatch(/暗链/);
      }
    });
  }

  it('the fixture pages exercise every technique the rule knows', () => {
    const seen = new Set<string>();
    for (const page of pages.filter((p) => p.startsWith('dark-'))) {
      for (const f of darkOnly(readFileSync(new URL(page, pagesDir), 'utf8'))) for (const t of (f.data?.techniques as string[]) ?? []) seen.add(t);
    }
    expect([...seen].sort()).toEqual(Object.keys(TECHNIQUE_NAMES).sort());
  });

  it('severity: error for sensitive wording or host, warning for a strongly hidden neutral external link', () => {
    const recommended = createChecker();
    const html = readFileSync(new URL('dark-offscreen.html', pagesDir), 'utf8');
    const findings = recommended.checkHtml(html).filter((f) => f.ruleId === 'link/dark-link');
    expect(findings.map((f) => [f.data?.href, f.severity])).toEqual([
      ['https://www.qwe.dark.example/', 'warning'],
      ['https://loan.dark.example/', 'error'],
      ['http://abc.dark.example/', 'warning'],
      ['http://tr.dark.example/', 'warning'],
    ]);
  });

  it('the document.write finding points at the link inside the script: its href in a plain or escaped literal, its base64 group under atob', () => {
    const html = readFileSync(new URL('dark-document-write.html', pagesDir), 'utf8');
    const findings = darkOnly(html);
    expect(findings.map((f) => f.actual.slice(0, 12))).toEqual(['http://dw.da', 'PSJodHRwOi8v', '2F%2Fesc.dar', 'fromCharCode']);
    // The base64 group decodes to the href the finding names.
    expect(Buffer.from(findings[1]!.actual, 'base64').toString('latin1')).toContain('http://b64.dark.example/');
    expect(findings.map((f) => f.data?.encoding)).toEqual(['escapes', 'atob', 'unescape', 'char-codes']);
  });
});

const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

/** An invalid case whose one finding covers the first occurrence of `needle` in the page. */
function finding(name: string, body: string, needle: string, extra: Record<string, unknown> = {}, head = '') {
  const code = page(body, head);
  const start = code.indexOf(needle);
  return { code, format: 'html' as const, name, findings: [{ range: [start, start + needle.length] as const, actual: needle, ...extra }] };
}

ruleTester.run('link/dark-link', {
  valid: [
    { code: page('<a href="http://bet.example.com/">澳门新葡京</a>'), format: 'html', name: 'visible links are for the sensitive-word rules, not dark links' },
    { code: page('<div style="display:none"><a href="https://www.gov.cn/">中国政府网</a></div>'), format: 'html', name: 'hidden link to a government site' },
    { code: page('<div style="display:none"><a href="https://www.xinhuanet.com/">新华网</a></div>'), format: 'html', name: 'weakly hidden neutral external link (a menu)' },
    { code: page('<div style="display:none"><a href="http://x.example/">严厉打击网络赌博 百家乐骗局揭秘</a></div>'), format: 'html', name: 'counter-wording: about fighting gambling' },
    { code: page('<template><div style="position:absolute;left:-9999px"><a href="http://bet.example/">百家乐</a></div></template>'), format: 'html', name: 'template content is inert' },
    { code: page('<div style="position:absolute;left:-9999px"><a href="/about.html">关于我们</a></div>'), format: 'html', name: 'off-screen internal link' },
    { code: page('<a href="http://x.example/" style="text-indent:-9999px;background:url(x.png)">徽标</a>'), format: 'html', name: 'image replacement' },
    { code: page('<p style="font-size:0"><a href="http://x.example/"><img src="b.png" alt="合作单位"></a></p>'), format: 'html', name: 'an image link is not hidden by font-size' },
    { code: page('<div style="color:#fff;background:#fff"><a href="http://x.example/">链接</a></div>'), format: 'html', name: 'links do not inherit colour: link-blue on white' },
    { code: page('<ul style="font-size:0"><li style="font-size:14px"><a href="http://x.example/">外链</a></li></ul>'), format: 'html', name: 'font-size reset on a descendant' },
    { code: page('<div class="m"><a href="http://x.example/">外链</a></div>', '<style>.m{position:absolute;left:-999px}.m.open{left:0}</style>'), format: 'html', name: 'state class reveals it' },
    { code: page('<div class="m"><a href="http://x.example/">外链</a></div>', '<style>@media print{.m{position:absolute;left:-9999px}}</style>'), format: 'html', name: 'print-only rules are ignored' },
    { code: page('<div class="m"><p>x</p><a href="http://x.example/">外链</a></div>', '<style>div:has(p){position:absolute;left:-9999px} .m::before{position:absolute;left:-9999px}</style>'), format: 'html', name: 'unsupported selectors (:has, pseudo-elements) never hide' },
    { code: page('<div class="m"><a href="http://x.example/">外链</a></div>', '<style>div[class=n]{position:absolute;left:-9999px} .m:not(div){position:absolute;left:-9999px}</style>'), format: 'html', name: 'attribute and :not selectors that do not match' },
    { code: page('<div style="left:-9999px"><a href="http://x.example/">外链</a></div>'), format: 'html', name: 'left without positioning does nothing' },
    { code: '<div style="display:none"><a href="http://x.example/">某公司</a></div>', format: 'html', name: 'neutral wording in a fragment' },
    { code: page('<div style="display:none"><a href="http://xx.example/">太阳城社区卫生服务中心</a></div>'), format: 'html', name: 'entry exception' },
    {
      code: page('<div class="pane"><a href="http://xx.example/">百家乐</a></div>', '<style>.pane{display:none}.pane.active{display:block}</style>'),
      format: 'html',
      name: 'wording inside a panel the page can reveal is visible text (the sensitive-word rules judge it)',
    },
    { code: '<div style="display:none"><a href="http://bet.example/">百家乐</a></div>', format: 'text', name: 'plain text input is not parsed as HTML' },
  ],
  invalid: [
    finding('display:none + gambling wording', '<div style="display:none"><a href="http://x.example/">澳门新葡京</a></div>', 'http://x.example/', {
      entryId: 'gambling-casino-brand',
      data: { technique: 'display-none', basis: 'sensitive', category: 'gambling', terms: ['新葡京'] },
    }),
    finding('host token without sensitive wording', '<span style="display:none"><a href="http://www.bet365cn.example/">官网</a></span>', 'http://www.bet365cn.example/', {
      data: { technique: 'display-none', basis: 'sensitive', terms: ['bet'] },
    }),
    finding('title attribute wording', '<div style="visibility:hidden"><a href="http://x.example/" title="代开发票">点击</a></div>', 'http://x.example/', {
      entryId: 'invoice',
      data: { technique: 'visibility-hidden' },
    }),
    finding('id rule, strong technique, neutral wording', '<div id="k"><a href="http://x.example/">某网站</a></div>', 'http://x.example/', {
      data: { technique: 'offscreen', basis: 'hidden-external', host: 'x.example' },
    }, '<style>#k{ position : absolute ; top : -600px }</style>'),
    finding('child combinator, comment with a brace, single quotes', "<div class=\"a b\"><p><a href='http://x.example/'>某网站</a></p></div>", 'http://x.example/', {
      data: { technique: 'font-size-zero' },
    }, '<style>/* } */ .x, div.b > p{font-size:0 !important}</style>'),
    finding('entities in href: the range covers the source text, data has the decoded URL', '<div style="display:none"><a href="http://x.example/?a=1&amp;b=2">百家乐</a></div>', 'http://x.example/?a=1&amp;b=2', {
      data: { href: 'http://x.example/?a=1&b=2' },
    }),
    finding('traditional characters fold', '<div style="display:none"><a href="http://x.example/">百家樂</a></div>', 'http://x.example/', { entryId: 'gambling-baccarat' }),
    finding('spaces inserted between characters', '<div style="display:none"><a href="http://x.example/">百 家 乐</a></div>', 'http://x.example/', { entryId: 'gambling-baccarat' }),
    finding('same colour as a declared background', '<div style="background:#000"><a href="http://x.example/" style="color:#000">某网站</a></div>', 'http://x.example/', {
      data: { technique: 'same-color', basis: 'hidden-external' },
    }),
    finding('sibling and universal selectors in the sheet do not disturb a class rule', '<div class="z"><a href="http://x.example/">六合彩</a></div>', 'http://x.example/', {
      data: { technique: 'display-none' },
    }, '<style>* + p{color:red} .q ~ .z{display:block} .z{display:none}</style>'),
    finding('link inside an @media screen block', '<div class="z"><a href="http://x.example/">某网站</a></div>', 'http://x.example/', {
      data: { technique: 'offscreen' },
    }, '<style>@media screen { .z { position: fixed; left: -5000px } }</style>'),
    finding('a hidden block inside a revealable menu is still hidden', '<div class="pane"><div style="display:none"><a href="http://x.example/">百家乐</a></div></div>', 'http://x.example/', {
      data: { technique: 'display-none', basis: 'sensitive' },
    }, '<style>.pane{display:none}.pane.active{display:block}</style>'),
    finding('attribute selector', '<div class="m x1"><a href="http://x.example/">某网站</a></div>', 'http://x.example/', {
      data: { technique: 'offscreen' },
    }, '<style>div[class^="m "]{position:absolute;left:-9999px}</style>'),
    finding('sibling combinator and structural pseudo-class', '<p id="h">x</p><div><a href="http://x.example/">六合彩</a></div>', 'http://x.example/', {
      data: { technique: 'display-none' },
    }, '<style>#h + div:last-child{display:none}</style>'),
    finding('area of an image map', '<map name="m"><area href="http://x.example/" alt="百家乐" style="display:none"></map>', 'http://x.example/', {
      data: { technique: 'display-none', tag: 'area' },
    }),
  ],
});

describe('link/dark-link on adversarial input', () => {
  it('megabyte style sheets, unclosed comments and strings, huge selectors finish and stay silent', () => {
    const sheets = [
      '.a{' + 'color:red;'.repeat(100_000),
      '/*' + 'x'.repeat(1_000_000),
      '.a{content:"' + '\\"'.repeat(300_000),
      '.a'.repeat(200_000) + '{display:none}',
      '@media screen{'.repeat(50_000),
      ':not('.repeat(100_000),
      '{'.repeat(500_000) + '}'.repeat(500_000),
    ];
    for (const css of sheets) {
      const html = page('<div class="a"><a href="http://x.example/">外链</a></div>', `<style>${css}</style>`);
      expect(darkOnly(html).filter((f) => f.data?.basis === 'sensitive')).toEqual([]);
    }
  });

  it('sibling-combinator chains against many siblings finish (page-wide matching budget) and hide nothing they should not', () => {
    const rules = Array.from({ length: 300 }, (_, k) => `.z${k} ~ ` + Array(30).fill('.a').join(' ~ ') + '{display:none}').join('\n');
    const body = '<div>' + '<p class="a"><a href="http://x.example/">百家乐</a></p>'.repeat(600) + '</div>';
    expect(darkOnly(page(body, `<style>${rules}</style>`))).toEqual([]);
    const hostile = Array.from({ length: 300 }, () => Array(30).fill('p').join(' ~ ') + ' ~ .q{display:none}').join('\n');
    expect(() => darkOnly(page('<div>' + '<p>x</p>'.repeat(600) + '<p class="q"><a href="http://x.example/">百家乐</a></p></div>', `<style>${hostile}</style>`))).not.toThrow();
  });

  it('deep nesting, many links, lone surrogates and broken markup', () => {
    const deep = '<div style="display:none">' + '<div>'.repeat(1_000) + '<a href="http://x.example/">百家乐\ud800</a>' + '</div>'.repeat(1_000) + '</div>';
    expect(darkOnly(page(deep)).length).toBe(1);
    const many = '<div style="display:none">' + '<a href="http://x.example/">友情链接</a>'.repeat(20_000) + '</div>';
    expect(darkOnly(page(many))).toEqual([]);
    const broken = '<a href="http://x.example/ style="display:none>澳门新葡京<div <a href=<<<>>>' + '<'.repeat(100_000);
    expect(() => darkOnly(broken)).not.toThrow();
  });

  it('hostile scripts: unterminated strings, giant literals, fromCharCode noise', () => {
    const scripts = [
      'document.write("' + 'a'.repeat(1_000_000),
      "document.write('<a href=\"http://x.example/\">" + '\\u'.repeat(100_000),
      'String.fromCharCode(' + '60,'.repeat(100_000),
      'document.write(atob("' + 'QUFB'.repeat(200_000) + '"))',
      '/*' + '"'.repeat(100_000),
    ];
    for (const s of scripts) expect(() => darkOnly(page(`<script>${s}</script>`))).not.toThrow();
  });
});

describe('link/dark-link properties (fast-check)', () => {
  it('never throws, and every finding keeps the invariants, on arbitrary markup built from risky pieces', () => {
    const pieces = [
      '<div style="display:none">', '</div>', '<a href="http://x.example/">', '</a>', '百家乐', '澳门新葡京', '<style>.h{position:absolute;left:-9999px}</style>',
      '<p class="h">', '</p>', '<!DOCTYPE html>', '<html>', '</html>', '<script>document.write("<a href=\'http://y.example/\'>赌场</a>")</script>',
      '<marquee height=1>', '</marquee>', '<noscript>', '</noscript>', '<template>', '</template>', '\ud800', '&amp;', '"', "'", '<', '>', ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        const findings = darkOnly(html);
        assertFindingInvariants(html, findings);
      }),
      { numRuns: 300 },
    );
  });
});

describe('borrowed utility classes', () => {
  it('a block hidden with a generic class that scripts also use (.hidden, .hide) is still hidden', () => {
    const html = page(
      '<div class="hidden"><a href="http://x.example/">澳门新葡京</a></div><div class="hide"><a href="http://y.example/">六合彩</a></div>',
      '<style>.hidden{display:none}.hide{display:none!important}</style><script>$(".menu").removeClass("hidden"); $("#m").addClass("hide");</script>',
    );
    expect(darkOnly(html).map((f) => [f.data?.href, f.data?.technique])).toEqual([
      ['http://x.example/', 'display-none'],
      ['http://y.example/', 'display-none'],
    ]);
  });
});
