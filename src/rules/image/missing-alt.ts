import type { Element } from 'domhandler';
import { defineRule } from '../../core/rule.js';
import { startTagEnd } from '../../document/html.js';
import { attribute, declaredSize, hasTextContent, imageElements } from '../../html/images.js';

const SOURCE =
  'GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》“非文本内容”（等同 WCAG 2.0 成功准则 1.1.1；技术 H37、H67，失败 F30、F38、F65、F89）；国办公开办函〔2021〕28号（政府网站适老化与无障碍改造）';

/** Alternative texts that say nothing about the picture (WCAG F30): generic words. */
const PLACEHOLDERS = new Set([
  '图', '图片', '图像', '照片', '相片', '配图', '插图', '图标', '示意图', '缩略图', '无标题', '未命名', '空白', '占位',
  'image', 'img', 'picture', 'pic', 'photo', 'icon', 'graphic', 'spacer', 'blank', 'placeholder', 'untitled', 'null', 'undefined', 'alt',
]);

/** A file name as alternative text (WCAG F30), e.g. an editor's `W020240101123456789.jpg`. */
const FILE_NAME = /^[^\s/\\]{1,200}\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|heic|avif|ico)$/i;

type Reason = 'missing' | 'empty-in-link' | 'placeholder';

function accessibleNameOutsideAlt(el: Element): boolean {
  return ['aria-label', 'aria-labelledby', 'title'].some((a) => (attribute(el, a) ?? '').trim() !== '');
}

function presentational(el: Element): boolean {
  const role = (attribute(el, 'role') ?? '').trim().toLowerCase().split(/\s+/)[0];
  return role === 'presentation' || role === 'none';
}

/** A spacer or tracking pixel: declared at most 2 px on a side. */
function spacer(el: Element): boolean {
  const size = declaredSize(el);
  return (size.width !== undefined && size.width <= 2) || (size.height !== undefined && size.height <= 2);
}

function placeholder(alt: string): boolean {
  const text = alt.trim().toLowerCase();
  return PLACEHOLDERS.has(text) || FILE_NAME.test(text) || /^\d+$/.test(text);
}

const MESSAGES: Record<Reason, string> = {
  missing: '图片缺少 alt 替代文本，读屏软件只能读出文件名；请用 alt 简要说明图片内容（纯装饰图片写 alt=""）。',
  'empty-in-link': '链接里只有这张图片，而它的 alt 为空，读屏软件读不出链接去向；请在 alt 中写明链接目的（如“返回首页”）。',
  placeholder: '图片的 alt 只是文件名或“图片”之类的占位词，不能替代图片内容；请改写为对图片内容的简要说明（纯装饰图片写 alt=""）。',
};

/**
 * `image/missing-alt`: a content image without a text alternative. Decorative images are exempt when
 * marked as such (alt="", role="presentation"/"none", aria-hidden="true"), as are hidden images, spacer
 * pixels and images named by aria-label, aria-labelledby or title. An empty alt is reported only where it
 * cannot be decorative: as the only content of a link.
 */
export const missingAlt = defineRule({
  id: 'image/missing-alt',
  meta: {
    description: '内容图片缺少替代文本（alt），或 alt 只是文件名、占位词，不符合网站无障碍要求',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    docs: { wrong: '<img src="zhgz.jpg">', right: '<img src="zhgz.jpg" alt="市长调研重点工程">', source: SOURCE },
    formats: ['html'],
  },
  check(context) {
    const dom = context.document.dom;
    if (!dom) return;
    const linkText = new Map<Element, boolean>();
    for (const image of imageElements(dom)) {
      const el = image.element;
      // A <picture>'s <source> offers files for its <img>, which carries the alt text.
      if (image.tag === 'source' || el.startIndex === null || el.endIndex === null) continue;
      if (image.hidden || presentational(el) || spacer(el)) continue;
      const alt = attribute(el, 'alt');
      let reason: Reason | undefined;
      if (alt === undefined) {
        if (!accessibleNameOutsideAlt(el)) reason = 'missing';
      } else if (alt.trim() === '') {
        const link = image.link;
        if (link && !accessibleNameOutsideAlt(el) && !accessibleNameOutsideAlt(link)) {
          let named = linkText.get(link);
          if (named === undefined) linkText.set(link, (named = hasTextContent(link)));
          if (!named) reason = 'empty-in-link';
        }
      } else if (placeholder(alt)) {
        reason = 'placeholder';
      }
      if (!reason) continue;
      const src = attribute(el, 'src') ?? attribute(el, 'href') ?? '';
      context.report({
        range: [el.startIndex, startTagEnd(context.source, el)],
        message: MESSAGES[reason],
        expected: [],
        source: SOURCE,
        data: { reason, tag: image.tag, ...(alt !== undefined ? { alt } : {}) },
        target: { kind: 'image', src: src.trim() },
      });
    }
  },
});
