import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { hostShape } from '../../../src/rules/link/helpers/anchor-terms.js';
import { assertFindingInvariants } from '../../helpers/rule-tester.js';

// Injections are planted as blocks: one hidden container (or one written string) holding a handful of
// links, only some of them worded like gambling. The shapes follow public write-ups of injected
// government and company pages: an SEO-spam sample wrapping several links in one
// `<div style="display:none">` (a scanner's test file), 绍兴网警's 2020 clean-up of gambling 暗链 on 53
// sites, and 暗链 cleaned from county portals (hidden blocks of brand names, bonus slogans and bare hosts).
const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });
const dark = (html: string) => {
  const findings = checker.checkHtml(html).filter((f) => f.ruleId === 'link/dark-link');
  assertFindingInvariants(html, findings);
  return findings;
};
const page = (body: string, style = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县人民政府</title><style>${style}</style></head><body><p>政务公开</p>${body}</body></html>`;
const hrefs = (html: string) => dark(html).map((f) => f.data?.href);

describe('a hidden block with one confirmed dark link is one injection', () => {
  it('every outside link of the block is reported, the government link is not', () => {
    const html = page(
      `<div style="display:none"><a href="http://www.hunan.gov.cn/">湖南省人民政府</a><a href="http://a.example.com/">威尼斯人</a><a href="http://b.example.net/">Venetian Macao</a><a href="http://c.example.org/">首存即送38元</a><a href="http://d.example.com/">d.example.com</a></div>`,
    );
    const found = dark(html);
    expect(found.map((f) => f.data?.href)).toEqual(['http://a.example.com/', 'http://b.example.net/', 'http://c.example.org/', 'http://d.example.com/']);
    expect(found[0]!.data?.basis).toBe('sensitive');
    const joined = found.filter((f) => f.data?.basis === 'injected-block');
    expect(joined.map((f) => f.data?.href)).toEqual(['http://b.example.net/', 'http://d.example.com/']);
    expect(joined[0]!.message).toMatch(/同一隐藏区块/);
    // The block holds a gambling link, so its neighbours are errors too (a page in recommended preset).
    expect(createChecker().checkHtml(html).filter((f) => f.data?.basis === 'injected-block').map((f) => f.severity)).toEqual(['error', 'error']);
  });
  it('the block is the hiding element: a class from a <style> block, an id rule, visibility, opacity', () => {
    expect(hrefs(page(`<div class="f_lk98"><a href="http://a.example.com/">皇冠体育</a> <a href="http://b.example.com/">生活网</a></div>`, '.f_lk98{display:none}'))).toEqual(['http://a.example.com/', 'http://b.example.com/']);
    expect(hrefs(page(`<div id="ft_x"><ul><li><a href="http://a.example.com/">澳门金沙</a></li><li><a href="http://b.example.com/">汽车租赁</a></li></ul></div>`, '#ft_x{visibility:hidden;height:0}'))).toEqual(['http://a.example.com/', 'http://b.example.com/']);
    expect(hrefs(page(`<div style="opacity:0;position:absolute"><a href="http://a.example.com/">百家乐</a> <a href="http://b.example.com/">娱乐平台</a></div>`))).toEqual(['http://a.example.com/', 'http://b.example.com/']);
  });
  it('outside links visible beside the block, and links hidden in another block, stay silent', () => {
    const html = page(`<div style="display:none"><a href="http://a.example.com/">百家乐</a></div><div class="links"><a href="http://b.example.com/">合作单位</a></div><div hidden><a href="http://c.example.com/">下载中心</a></div>`);
    expect(hrefs(html)).toEqual(['http://a.example.com/']);
  });
  it('a revealable block (hover menu) with a sensitive word stays silent, and so do its neighbours', () => {
    const html = page(`<ul class="nav"><li>链接<div class="sub"><a href="http://a.example.com/">太阳城</a> <a href="http://b.example.com/">合作单位</a></div></li></ul>`, '.nav .sub{display:none}.nav li:hover .sub{display:block}');
    expect(hrefs(html)).toEqual([]);
  });
});

describe('hosts shaped like gambling and porn sites', () => {
  it('digits and lottery/casino syllables on a cheap TLD', () => {
    for (const host of ['amcp5588.top', 'js-yule777.vip', 'www.ylc8866.top', 'www.888cp.vip', 'kk3cai.top', 'sese8899.top']) expect(hostShape(host), host).toBeDefined();
    expect(hostShape('sese8899.top')?.category).toBe('porn');
  });
  it('neither half alone: ordinary hosts with digits, syllables without digits, common TLDs', () => {
    for (const host of ['www.12306.cn', 'www.95598.com.cn', 'cp-law.top', 'abc2024.top', 'www.k12.xyz', 'www.tyzb.top', 'amcp5588.com', 'www.hs120.info', 'www.sd2025.club']) expect(hostShape(host), host).toBeUndefined();
  });
  it('a hidden link on such a host is dark whatever its wording; a visible one is left to other checks', () => {
    const found = dark(page(`<div style="display:none"><a href="https://amcp5588.top/">新闻资讯</a></div><p><a href="https://js-yule777.vip/">休闲娱乐</a></p>`));
    expect(found.map((f) => [f.data?.href, f.data?.basis, f.severity])).toEqual([['https://amcp5588.top/', 'sensitive', 'error']]);
  });
});

describe('hiding techniques of injected blocks', () => {
  it('text pushed out of a box a few pixels wide', () => {
    expect(dark(page(`<div style="width:2px;height:2px;overflow:hidden;text-indent:20px"><a href="http://a.example.com/">教育平台</a></div>`)).map((f) => f.data?.technique)).toEqual(['text-indent']);
    // A tiny box with an image in it is an icon, not a hiding place.
    expect(hrefs(page(`<div style="width:8px;height:8px;overflow:hidden;text-indent:20px;background:url(/i.png)"><a href="http://a.example.com/">图标</a></div>`))).toEqual([]);
  });
  it('zero-size frames to outside hosts; analytics platforms and own pages stay silent', () => {
    const html = page(
      `<iframe src="https://www.tj.example.com/c.html" width="0" height="0"></iframe><iframe src="/keepalive.html" width="0" height="0"></iframe><noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0" style="display:none"></iframe></noscript><div class="robot" style="display:none"><iframe src="https://robot.example.com/" width="400" height="600"></iframe></div>`,
    );
    expect(dark(html).map((f) => [f.data?.href, f.data?.technique])).toEqual([['https://www.tj.example.com/c.html', 'zero-size-iframe']]);
  });
});

describe('document.write: every link of the written string', () => {
  const block = '<div style="display:none"><a href="http://a.example.com/">葡京娱乐</a><a href="http://b.example.com/">体育直播</a><a href="http://c.example.com/">广州餐饮</a></div>';
  const expected = ['http://a.example.com/', 'http://b.example.com/', 'http://c.example.com/'];
  it('from atob(...)', () => {
    const b64 = Buffer.from(block, 'utf8').toString('base64');
    const found = dark(page(`<script>document.write(decodeURIComponent(escape(atob("${b64}"))));</script>`));
    expect(found.map((f) => f.data?.href)).toEqual(expected);
    expect(new Set(found.map((f) => f.range[0])).size).toBe(3);
    // Each range is the base64 group that decodes to the link's own href.
    for (const f of found) expect(Buffer.from(f.actual, 'base64').toString('latin1')).toContain(String(f.data?.href).slice(7, 20));
  });
  it('from \\uXXXX escapes: each finding is the href itself', () => {
    const escaped = [...block].map((c) => (c.charCodeAt(0) > 127 || '<>"/'.includes(c) ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c)).join('');
    const found = dark(page(`<script>document.writeln("${escaped}");</script>`));
    expect(found.map((f) => f.data?.href)).toEqual(expected);
    expect(found.map((f) => f.actual)).toEqual(['http:\\u002f\\u002fa.example.com\\u002f', 'http:\\u002f\\u002fb.example.com\\u002f', 'http:\\u002f\\u002fc.example.com\\u002f']);
  });
  it('a written string with no dark link writes no injected block', () => {
    expect(hrefs(page(`<script>document.write('<a href="https://www.people.com.cn/">人民网</a><a href="http://a.example.com/">合作单位</a>');</script>`))).toEqual([]);
  });
});

describe('held-out pages (test/fixtures/dark-heldout, measured before the block rules were written)', () => {
  const dir = new URL('../../fixtures/dark-heldout/', import.meta.url);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, string[]>;
  it('finds at least 95 % of the injected links and flags nothing else', () => {
    let wanted = 0;
    let found = 0;
    const extra: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const got = new Set(hrefs(readFileSync(new URL(name, dir), 'utf8')));
      const want = new Set(expected[name]);
      wanted += want.size;
      found += [...want].filter((h) => got.has(h)).length;
      for (const h of got) if (!want.has(h as string)) extra.push(`${name}: ${h}`);
    }
    expect(extra).toEqual([]);
    expect(found / wanted).toBeGreaterThanOrEqual(0.95);
  });
});
