import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/document/html.js';
import type { Segment } from '../../src/document/segment.js';

function view(source: string, segments: readonly Segment[]) {
  return segments.map((s) => {
    const [a, b] = s.toSource(0, s.text.length);
    return { text: s.text, kind: s.kind, tag: s.tag, attribute: s.attribute, source: source.slice(a, b) };
  });
}

/** Every unit of every segment maps to source units that decode to it (or to a collapsed space). */
function assertUnitMaps(source: string, segments: readonly Segment[]): void {
  for (const s of segments) {
    for (let i = 0; i < s.text.length; i++) {
      const [a, b] = s.toSource(i, i + 1);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(source.length);
      expect(a).toBeLessThan(b);
      const raw = source.slice(a, b);
      const ch = s.text[i] as string;
      if (raw !== ch && !/^\s+$/.test(raw)) expect(raw.startsWith('&'), `unit ${i} "${ch}" from "${raw}"`).toBe(true);
    }
  }
}

describe('parseHtml', () => {
  const src =
    '<!DOCTYPE html>\r\n<html><head><title>关于&amp;通知</title><style>p{color:red}</style>' +
    '<meta name="description" content="党史学习&#x6559;育"></head><body>\r\n' +
    '<p>第一段&nbsp;文字<!-- 注释 -->继续</p><script>var a="不应出现";</script>' +
    '<div>第二\n  段<img alt="图片 说明" src=a.png title=\'标题\'></div><p>𠮷&#x20BB7;字</p></body></html>';

  it('extracts visible text per block, skipping script, style and comments, and decoding entities', () => {
    expect(view(src, parseHtml(src).segments)).toEqual([
      { text: '关于&通知', kind: 'block', tag: 'title', attribute: undefined, source: '关于&amp;通知' },
      { text: '第一段\u00a0文字继续', kind: 'block', tag: 'p', attribute: undefined, source: '第一段&nbsp;文字<!-- 注释 -->继续' },
      { text: '第二段', kind: 'block', tag: 'div', attribute: undefined, source: '第二\n  段' },
      { text: '𠮷𠮷字', kind: 'block', tag: 'p', attribute: undefined, source: '𠮷&#x20BB7;字' },
      { text: '党史学习教育', kind: 'attribute', tag: 'meta', attribute: 'content', source: '党史学习&#x6559;育' },
      { text: '图片 说明', kind: 'attribute', tag: 'img', attribute: 'alt', source: '图片 说明' },
      { text: '标题', kind: 'attribute', tag: 'img', attribute: 'title', source: '标题' },
    ]);
    assertUnitMaps(src, parseHtml(src).segments);
  });

  it('maps a sub-range across an entity and an astral character exactly', () => {
    const seg = parseHtml(src).segments[3] as Segment;
    expect(seg.text.slice(2, 4)).toBe('𠮷');
    const [a, b] = seg.toSource(2, 4);
    expect(src.slice(a, b)).toBe('&#x20BB7;');
  });

  it('keeps blocks apart so a term never spans two paragraphs', () => {
    const doc = parseHtml('<p>党史学习</p><p>教育</p><li>两个</li><li>确立</li>第一<br>第二');
    expect(doc.segments.map((s) => s.text)).toEqual(['党史学习', '教育', '两个', '确立', '第一', '第二']);
  });

  it('joins inline elements inside a block and collapses whitespace like a browser', () => {
    const html = '<p>  党史<b>学习</b>\n<span>教育</span>  is  a   term </p>';
    const [seg] = parseHtml(html).segments;
    expect(seg?.text).toBe('党史学习教育 is a term');
    const [a, b] = (seg as Segment).toSource(0, 6);
    expect(html.slice(a, b)).toBe('党史<b>学习</b>\n<span>教育');
  });

  it('recovers from malformed markup without throwing', () => {
    for (const bad of ['<p>未闭合<div><span>文字', '<<<>>>&&&;;;', '<p title="未闭合>文字</p>', '</p></div>孤立</b>', '<img alt=>', '<a href="x" title>链接</a>', '&#xFFFFFFFF;&#0;&#55296;']) {
      const doc = parseHtml(bad);
      assertUnitMaps(bad, doc.segments);
    }
  });

  it('decodes legacy references without a semicolon as the HTML tokenizer does, in text and attributes', () => {
    const html = '<p title="a&notb &amp;c &not=d &not e">A&nbspB &copy2024 &notanentity; &amp;lt; &bogus;</p>';
    const [seg, title] = parseHtml(html).segments;
    expect(seg?.text).toBe('A\u00a0B ©2024 ¬anentity; &lt; &bogus;');
    expect(title?.text).toBe('a&notb &c &not=d ¬ e');
    const i = seg!.text.indexOf('¬');
    const [a, b] = seg!.toSource(i, i + 1);
    expect(html.slice(a, b)).toBe('&not');
  });

  it('treats textarea and title content as text', () => {
    expect(parseHtml('<textarea><b>不是标签</b></textarea>').segments.map((s) => s.text)).toEqual(['<b>不是标签</b>']);
  });
});
