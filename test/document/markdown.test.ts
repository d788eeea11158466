import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/document/markdown.js';

function view(source: string) {
  return parseMarkdown(source).segments.map((s) => {
    const [a, b] = s.toSource(0, s.text.length);
    return [s.text, s.kind, source.slice(a, b)];
  });
}

describe('parseMarkdown', () => {
  it('extracts paragraphs, headings and image alt text; skips code', () => {
    const md = '# 关于开展党史学习教育的通知\n\n各单位：\n**认真**组织*学习*。\n\n```\n代码 不检查\n```\n\n![配图 说明](a.png)\n';
    expect(view(md)).toEqual([
      ['关于开展党史学习教育的通知', 'block', '关于开展党史学习教育的通知'],
      ['各单位：\n认真组织学习。', 'block', '各单位：\n**认真**组织*学习*。'],
      ['配图 说明', 'attribute', '配图 说明'],
    ]);
  });

  it('maps backslash escapes and character references back to the source', () => {
    const md = '价格\\*优惠 &amp; 党史&#x5B66;习\n';
    const [seg] = parseMarkdown(md).segments;
    expect(seg?.text).toBe('价格*优惠 & 党史学习');
    const i = (seg?.text ?? '').indexOf('学');
    const [a, b] = seg!.toSource(i, i + 1);
    expect(md.slice(a, b)).toBe('&#x5B66;');
  });

  it('checks raw HTML blocks through the HTML parser with offsets kept', () => {
    const md = '段落\n\n<div><p>台湾总统</p></div>\n';
    const segs = parseMarkdown(md).segments;
    const last = segs[segs.length - 1]!;
    const [a, b] = last.toSource(0, last.text.length);
    expect(md.slice(a, b)).toBe('台湾总统');
  });
});
