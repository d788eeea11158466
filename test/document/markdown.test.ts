import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/document/markdown.js';
import { createChecker } from '../../src/checker.js';
import type { Segment } from '../../src/document/segment.js';

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
      ['各单位：认真组织学习。', 'block', '各单位：\n**认真**组织*学习*。'],
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

describe('parseMarkdown constructs', () => {
  const md = [
    '## 一、工作目标 ##',
    '',
    '1. 深入开展[党史学习教育](https://www.gov.cn/a_b "标题")，时间为1~3月。',
    '2. 推进 *重点* 工作：',
    '    - 子项目甲',
    '',
    '> 引用：坚持**两个确立**',
    '',
    '| 项目 | 金额 |',
    '|---|---|',
    '| 党史 | 3 * 4 |',
    '',
    '[ref]: https://example.gov.cn',
    '文字 <span style="x">内联</span> 与 <https://a.gov.cn> 结束 snake_case_name',
    '![配图：会议现场](a.png) 后文 [引用链接][ref]',
    '',
    '    indented code 不检查',
  ].join('\n');
  const segs = parseMarkdown(md).segments;

  it('strips heading, list, quote and table markup and keeps the prose', () => {
    expect(segs.map((s) => s.text)).toEqual([
      '一、工作目标',
      '深入开展党史学习教育，时间为1~3月。',
      '推进 重点 工作：',
      '子项目甲',
      '引用：坚持两个确立',
      '项目',
      '金额',
      '党史',
      '3 * 4',
      '文字 内联 与  结束 snake_case_name  后文 引用链接',
      '配图：会议现场',
    ]);
  });

  it('maps every unit back to the same character in the source', () => {
    for (const s of segs) {
      for (let i = 0; i < s.text.length; i++) {
        const [a, b] = s.toSource(i, i + 1);
        const raw = md.slice(a, b);
        if (s.text[i] !== ' ') expect(raw).toBe(s.text[i]);
      }
    }
  });

  it('maps a term inside link markup to the link text only', () => {
    const seg = segs[1]!;
    const i = seg.text.indexOf('党史学习教育');
    const [a, b] = seg.toSource(i, i + 6);
    expect(md.slice(a, b)).toBe('党史学习教育');
  });
});

describe('parseMarkdown against micromark (oracle on ordinary documents)', () => {
  const docs = [
    '# 标题\n\n正文**加粗**与*强调*，[链接](http://a.gov.cn)和`代码`。\n\n- 列表一\n- 列表二\n  续行\n\n> 引用段落\n> 第二行\n',
    '关于印发《某某办法》的通知\n===\n\n各乡镇人民政府：\n\n1. 第一条\n2. 第二条 &amp; 附件\\*说明\n\n---\n\n| 序号 | 单位 |\n| --- | --- |\n| 1 | 县政府办 |\n',
    '## 二、主要任务 ##\n\n坚持_以人民为中心_的发展思想，推进snake_case_word。\n\n```js\nconst 不检查 = 1;\n```\n\n结尾 <b>行内</b> 文字。\n',
  ];
  const squash = (s: string) => s.replace(/\s+/g, '');

  for (const doc of docs) {
    it(doc.slice(0, 20), async () => {
      const { fromMarkdown } = await import('mdast-util-from-markdown');
      const texts: string[] = [];
      const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
        if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'definition') {
          if (node.type === 'inlineCode') texts.push(node.value ?? '');
          return;
        }
        if (node.type === 'text') texts.push(node.value ?? '');
        for (const c of (node.children ?? []) as never[]) walk(c);
      };
      walk(fromMarkdown(doc) as never);
      const ours = parseMarkdown(doc).segments.filter((s) => s.kind === 'block').map((s) => s.text);
      // Without GFM, micromark reads a table as paragraphs with pipes; compare cell text only.
      expect(squash(ours.join(''))).toBe(squash(texts.join('')).replace(/\|-*/g, '').replace(/---/g, ''));
    });
  }
});

describe('YAML front matter', () => {
  const md = '---\ntitle: "台湾总统出席"\ndate: 2015-03-05\ntags:\n  - 通知\n---\n\n国务院总理李克强主持会议。\n';

  it('is not read as Markdown; its title is checked as text at its exact offset', () => {
    const doc = parseMarkdown(md);
    expect(doc.segments.map((s) => s.text)).toEqual(['国务院总理李克强主持会议。', '台湾总统出席']);
    const title = doc.segments[1] as Segment;
    expect(md.slice(...title.toSource(0, title.text.length))).toBe('台湾总统出席');
  });

  it('gives the publication date to dated rules', () => {
    const ids = createChecker().checkMarkdown(md).map((f) => `${f.ruleId} ${f.actual}`);
    expect(ids).toEqual(['phrasing/banned-term 台湾总统']);
  });

  it('is not mistaken for a thematic break followed by a setext heading', () => {
    expect(parseMarkdown('---\n台湾总统出席\n---\n').segments.map((s) => s.text)).toEqual(['台湾总统出席']);
  });
});
