import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { createChecker } from '../../../src/checker.js';
import { imageElements } from '../../../src/html/images.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const ID = 'image/missing-alt';
const html = (code: string, name?: string) => ({ code, format: 'html' as const, ...(name ? { name } : {}) });
const at = (code: string, tag: string, from = 0) => {
  const start = code.indexOf(tag, from);
  return { range: [start, start + tag.length] as const, actual: tag };
};

ruleTester.run(ID, {
  valid: [
    '<img src="a.jpg">',
    html('<img src="a.jpg" alt="市政府常务会议现场">'),
    html('<img src="chart.png" alt="2023年一季度地区生产总值增长5.3%">'),
    html('<img src="line.gif" alt="">', 'decorative: empty alt (WCAG H67)'),
    html('<img src="line.gif" alt>', 'decorative: bare alt attribute'),
    html('<img src="deco.png" role="presentation">'),
    html('<img src="deco.png" role="none">'),
    html('<img src="deco.png" aria-hidden="true">'),
    html('<div hidden><img src="x.png"></div>'),
    html('<div style="display: none"><p><img src="x.png"></p></div>'),
    html('<img src="spacer.gif" width="1" height="1">', 'spacer pixel'),
    html('<img src="pixel.gif" style="width:1px;height:1px">'),
    html('<img src="qr.png" aria-label="政务服务二维码">'),
    html('<img src="qr.png" title="政务服务二维码">'),
    html('<span id="cap">市长信箱</span><img src="mail.png" aria-labelledby="cap">'),
    html('<a href="/"><img src="home.png" alt="">返回首页</a>', 'empty alt beside link text'),
    html('<a href="/" aria-label="返回首页"><img src="home.png" alt=""></a>'),
    html('<a href="/"><img src="a.png" alt=""><img src="b.png" alt="返回首页"></a>'),
    html('<template><img src="x.png"></template>'),
    html('<noscript><img src="x.png"></noscript>'),
    html('<svg><image href="x.png"/></svg>'),
    html('<input type="text" src="x.png">'),
    html('<map><area shape="rect" coords="0,0,1,1"></map>', 'area without href is no link'),
    html('<picture><source srcset="a.webp" type="image/webp"><img src="a.jpg" alt="会场"></picture>', 'picture sources carry no alt'),
  ],
  invalid: [
    { ...html('<img src="a.jpg">'), findings: [{ ...at('<img src="a.jpg">', '<img src="a.jpg">'), data: { reason: 'missing', tag: 'img' } }] },
    { ...html('<p>会议现场<img src="b.png" width="600"></p>'), findings: [at('<p>会议现场<img src="b.png" width="600"></p>', '<img src="b.png" width="600">')] },
    { ...html('<IMG SRC="A.JPG">'), findings: [at('<IMG SRC="A.JPG">', '<IMG SRC="A.JPG">')] },
    { ...html('<img\n  src="a.jpg"\n  class="pic">'), findings: [at('<img\n  src="a.jpg"\n  class="pic">', '<img\n  src="a.jpg"\n  class="pic">')] },
    { ...html('<img src="a.jpg" data-note="a>b">'), findings: [at('<img src="a.jpg" data-note="a>b">', '<img src="a.jpg" data-note="a>b">')] },
    { ...html('<img src="x.png" role="img">'), findings: [at('<img src="x.png" role="img">', '<img src="x.png" role="img">')] },
    { ...html('<img src="x.png" aria-hidden="false">'), findings: [at('<img src="x.png" aria-hidden="false">', '<img src="x.png" aria-hidden="false">')] },
    {
      ...html('<a href="/"><img src="home.png" alt=""></a>', 'empty alt as the only content of a link (F89)'),
      findings: [{ ...at('<a href="/"><img src="home.png" alt=""></a>', '<img src="home.png" alt="">'), data: { reason: 'empty-in-link' } }],
    },
    { ...html('<img src="a.jpg" alt="图片">'), findings: [{ ...at('<img src="a.jpg" alt="图片">', '<img src="a.jpg" alt="图片">'), data: { reason: 'placeholder', alt: '图片' } }] },
    { ...html('<img src="a.jpg" alt="  IMAGE ">'), findings: [at('<img src="a.jpg" alt="  IMAGE ">', '<img src="a.jpg" alt="  IMAGE ">')] },
    {
      ...html('<img src="/u/W020240101345678901234.jpg" alt="W020240101345678901234.jpg">', 'file name as alt (F30)'),
      findings: [at('<img src="/u/W020240101345678901234.jpg" alt="W020240101345678901234.jpg">', '<img src="/u/W020240101345678901234.jpg" alt="W020240101345678901234.jpg">')],
    },
    { ...html('<img src="a.jpg" alt="&#22270;&#29255;">', 'entity-encoded placeholder'), findings: [{ ...at('<img src="a.jpg" alt="&#22270;&#29255;">', '<img src="a.jpg" alt="&#22270;&#29255;">'), data: { alt: '图片' } }] },
    { ...html('<form><input type="image" src="go.png"></form>'), findings: [{ ...at('<form><input type="image" src="go.png"></form>', '<input type="image" src="go.png">'), data: { tag: 'input' } }] },
    {
      ...html('<map name="m"><area href="/zwgk" shape="rect" coords="0,0,10,10"></map>'),
      findings: [{ ...at('<map name="m"><area href="/zwgk" shape="rect" coords="0,0,10,10"></map>', '<area href="/zwgk" shape="rect" coords="0,0,10,10">'), data: { tag: 'area' } }],
    },
    {
      ...html('<p><img src="1.jpg"></p><p><img src="2.jpg" alt="二"></p><p><img src="3.jpg"></p>', 'several images, in order'),
      findings: [at('<p><img src="1.jpg"></p><p><img src="2.jpg" alt="二"></p><p><img src="3.jpg"></p>', '<img src="1.jpg">'), at('<p><img src="1.jpg"></p><p><img src="2.jpg" alt="二"></p><p><img src="3.jpg"></p>', '<img src="3.jpg">')],
    },
  ],
});

describe(`${ID} details`, () => {
  it('names the image in target.src and gives no replacement text', () => {
    const [f] = createChecker({ preset: 'none', rules: { [ID]: 'warning' } }).checkHtml('<img src=" /images/a.jpg ">');
    expect(f).toMatchObject({ severity: 'warning', expected: [], target: { kind: 'image', src: '/images/a.jpg' } });
    expect(f!.source).toContain('GB/T 37668-2019');
  });
  it('walks deeply nested markup without recursion', () => {
    const deep = `${'<div>'.repeat(20_000)}<a href="/"><img src="a.jpg"></a>${'</div>'.repeat(20_000)}`;
    const images = imageElements(parseDocument(deep, { withStartIndices: true, withEndIndices: true }));
    expect(images).toHaveLength(1);
    expect(images[0]!.link?.name).toBe('a');
  });
});

describe(`${ID} on adversarial markup`, () => {
  const checker = createChecker({ preset: 'none', rules: { [ID]: 'warning' } });
  it('stays linear with thousands of images in one link', () => {
    const html = `<a href="/">${'<img src="a.png" alt="">'.repeat(20_000)}</a>`;
    expect(checker.checkHtml(html)).toHaveLength(20_000);
  });
  it('survives megabyte attribute values', () => {
    const mb = 1_000_000;
    const html = [
      `<img src="a.jpg" alt="${'图'.repeat(mb)}">`,
      `<img src="a.jpg" alt="${'a'.repeat(mb)}.jpg">`,
      `<img src="a.jpg" style="${'; '.repeat(mb / 2)}display:none">`,
      `<img src="a.jpg" width="${'9'.repeat(mb)}">`,
    ].join('');
    const findings = checker.checkHtml(html);
    expect(findings.map((f) => (f.data as { reason: string }).reason)).toEqual(['missing']);
  });
});
