import { defineRule } from '../../core/rule.js';
import { reportImages } from './helpers/report.js';
import type { ImageFacts, ImageReport, ImageUse } from '../../facts/image.js';

/** Options of `image/unreadable`. */
export interface UnreadableOptions {
  /** Report formats that common browsers cannot show, for images used on a page. */
  readonly browserSupport: boolean;
}

export const unreadableDefaults: UnreadableOptions = { browserSupport: true };

const SOURCE = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“网站可用性—链接可用性”：页面中不能正常访问的链接与资源';

/**
 * Formats that Chrome, Edge and Firefox do not display in `<img>` (Safari alone shows TIFF and HEIC).
 * JPEG XL and JPEG 2000 are likewise Safari-only.
 */
const NOT_IN_BROWSERS: Readonly<Record<string, string>> = {
  tiff: 'TIFF',
  heif: 'HEIC/HEIF',
  psd: 'PSD',
  jxl: 'JPEG XL',
  jp2: 'JPEG 2000',
};

/** Judges whether the image can be shown at all. */
export function evaluateUnreadable(facts: ImageFacts, use: ImageUse, options: UnreadableOptions): ImageReport | undefined {
  const problem = facts.problem;
  if (problem) {
    return {
      severity: 'error',
      message: `图片无法正常显示：${problem.detail}；${problem.kind === 'local-file' ? '请把图片上传到网站，改用网站上的图片地址' : problem.kind === 'not-found' || problem.kind === 'fetch-failed' ? '请检查图片地址，或重新上传图片' : '请重新导出或上传完整的图片文件'}。`,
      data: { kind: problem.kind, format: facts.format ?? null, bytes: facts.bytes },
      source: SOURCE,
    };
  }
  const name = facts.format === undefined ? undefined : NOT_IN_BROWSERS[facts.format];
  if (use.onPage && options.browserSupport && name !== undefined) {
    return {
      severity: 'warning',
      message: `图片是 ${name} 格式，Chrome、Edge、Firefox 等常用浏览器无法显示；请转换为 JPEG、PNG 或 WebP 后再发布。`,
      data: { kind: 'browser-unsupported', format: facts.format ?? null, bytes: facts.bytes },
      source: SOURCE,
    };
  }
  return undefined;
}

/** `image/unreadable`: empty, truncated, corrupt or unrecognised image files. Runs in `shenjiao/node`. */
export const unreadable = defineRule<UnreadableOptions>({
  id: 'image/unreadable',
  meta: {
    description: '图片文件为空、被截断、已损坏或格式无法识别，页面上显示为裂图',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: { ...unreadableDefaults },
    docs: { wrong: '上传中断、缺少结束标记的 JPEG', right: '完整的 JPEG/PNG/WebP 文件', source: SOURCE },
  },
  check(context) {
    reportImages(context, (image) => evaluateUnreadable(image.facts, image.use, context.options));
  },
});
