import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

function finding(name: string, code: string, needles: string[], options?: Record<string, unknown>) {
  let from = 0;
  const findings = needles.map((needle) => {
    const start = code.indexOf(needle, from);
    from = start + needle.length;
    return { range: [start, start + needle.length] as const, actual: needle };
  });
  return { code, format: 'html' as const, name, findings, ...(options ? { options } : {}) };
}

ruleTester.run('link/external-no-notice', {
  valid: [
    { code: page('<a href="https://www.gov.cn/">中国政府网</a><a href="http://www.beijing.gov.cn/">北京</a><a href="/x.html">内页</a>'), format: 'html', name: 'government and internal links only' },
    { code: page('<a href="https://www.hkgov.gov.hk/">港府</a><a href="http://www.mil.cn/">军</a><a href="http://xn--fiqs8s.xn--zfr164b/">中文政务域名</a>'), format: 'html', name: 'other official suffixes' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a>', '<script src="/js/wblj.js"></script>'), format: 'html', name: 'notice plug-in script' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a>', '<script src="https://cdn.example.gov.cn/common/js/outLink.min.js?v=2"></script>'), format: 'html', name: 'notice plug-in from a CDN, mixed case' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a><script>$("a").click(function(){return confirm("您即将离开本网站，是否继续？")})</script>'), format: 'html', name: 'inline confirm' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a><script>var tip = "\\u60a8\\u5373\\u5c06\\u79bb\\u5f00\\u672c\\u7f51\\u7ad9";</script>'), format: 'html', name: 'notice wording escaped in a script' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a><script>var msg = "将跳转到第三方网站";</script>'), format: 'html', name: 'third-party wording in a script' },
    { code: page('<a href="https://www.xinhuanet.com/">新华网</a><div id="leaveTipBox" style="display:none">…</div>'), format: 'html', name: 'notice dialog markup' },
    { code: page('<a href="https://www.xinhuanet.com/" onclick="return confirm(\'确定访问？\')">新华网</a>'), format: 'html', name: 'per-link confirmation' },
    { code: page('<a href="http://www.example.com/x">外链</a>'), format: 'html', options: { baseUrl: 'http://www.example.com/index.html' }, name: 'same site as the page (baseUrl)' },
    { code: page('<a href="http://sub.example.com/x">外链</a>', '<link rel="canonical" href="https://example.com/">'), format: 'html', name: 'same site as the canonical address' },
    { code: page('<a href="https://weibo.com/u/1">官方微博</a>'), format: 'html', options: { allowHosts: ['weibo.com'] }, name: 'allowHosts' },
    { code: '<p>文章正文，参见<a href="https://www.example.com/">某网站</a>。</p>', format: 'html', name: 'article fragments are skipped by default (the notice lives in the template)' },
    { code: page('<a href="mailto:a@example.com">邮件</a><a href="javascript:void(0)">x</a><a href="tel:12345">电话</a><a href="ftp://ftp.example.com/">ftp</a>'), format: 'html', name: 'non-web schemes' },
    { code: page('<template><a href="https://www.example.com/">模板</a></template>'), format: 'html', name: 'template content' },
    { code: page('<p>您即将离开本网站</p><a href="https://www.example.com/">某网站</a>'), format: 'html', name: 'notice wording in the page' },
    {
      code: page('<a href="https://www.example.com/">某网站</a><script>var white = ["gov.cn", "12371.cn"]; $("a[href^=http]").each(function () { var h = this.hostname; if (!white.some(function (d) { return h.indexOf(d) > -1; })) $(this).click(function () { return showLeaveDialog(); }); });</script>'),
      format: 'html',
      name: 'the allow-list script pattern (wording elsewhere)',
    },
  ],
  invalid: [
    finding('a page without notice', page('<a href="https://www.xinhuanet.com/">新华网</a> <a href="/x">内页</a> <a href="http://www.gov.cn/">政府</a> <a href="HTTP://WWW.Example.COM/a?b=1&amp;c=2">企业</a>'), ['https://www.xinhuanet.com/', 'HTTP://WWW.Example.COM/a?b=1&amp;c=2']),
    finding('protocol-relative link', page('<a href="//www.example.org/">组织</a>'), ['//www.example.org/'], { baseUrl: 'https://www.xx.gov.cn/' }),
    finding('look-alike government host', page('<a href="http://www.gov.cn.example.com/">假冒</a><a href="http://gov.cn-example.com/">假冒2</a><a href="http://xxgov.cn/">xx</a>'), ['http://www.gov.cn.example.com/', 'http://gov.cn-example.com/', 'http://xxgov.cn/']),
    finding('prose that mentions going into a season is not a notice', page('<p>我市即将进入汛期。</p><a href="https://www.example.com/">企业</a>'), ['https://www.example.com/']),
    finding('a link-walking script without a government allow-list is not a notice', page('<a href="https://www.example.com/">企业</a><script>$("a").each(function(){ $(this).attr("target", "_blank"); });</script>'), ['https://www.example.com/']),
    finding('fragments when asked', '<p><a href="https://www.example.com/">某网站</a></p>', ['https://www.example.com/'], { fragments: true }),
  ],
});

describe('link/external-no-notice data', () => {
  it('names the host and the resolved URL', () => {
    const c = createChecker({ preset: 'none', rules: { 'link/external-no-notice': 'warning' } });
    const [f] = c.checkHtml(page('<a href="https://www.example.com/a">企业</a>'));
    expect(f?.severity).toBe('warning');
    expect(f?.data).toEqual({ host: 'www.example.com', href: 'https://www.example.com/a', text: '企业' });
    expect(f?.target).toEqual({ kind: 'link', src: 'https://www.example.com/a' });
  });

  it('is silent on every fixture page that loads a notice', () => {
    const dir = new URL('../../fixtures/pages/', import.meta.url);
    const c = createChecker({ preset: 'none', rules: { 'link/external-no-notice': 'warning' } });
    for (const name of readdirSync(dir).filter((f) => f.startsWith('legit-'))) {
      expect(c.checkHtml(readFileSync(new URL(name, dir), 'utf8')), name).toEqual([]);
    }
  });
});

describe('link/external-no-notice is opt-in', () => {
  it('is off in the recommended preset (a notice inside a generic external script cannot be seen statically)', () => {
    expect(createChecker().rules).not.toContain('link/external-no-notice');
    expect(createChecker().rules).toContain('link/dark-link');
  });
});
