import { defineRule } from '../../core/rule.js';
import { reportImages, requirePositive } from './helpers/report.js';
import type { ImageFacts, ImageReport, ImageUse } from '../../facts/image.js';

/** Options of `image/low-resolution`; sizes are displayed pixels (after the EXIF orientation). */
export interface LowResolutionOptions {
  /** Error when the width is below this. */
  readonly errorMinWidth: number;
  /** Error when either side is below this. */
  readonly errorMinSide: number;
  /** Warning when the width is below this. */
  readonly warningMinWidth: number;
  /** Warning when a page shows the image at more than this many times its real size. */
  readonly maxUpscale: number;
  /** On a page, an image no larger than this on both sides is an icon or badge, not a picture to read. */
  readonly iconMaxSide: number;
}

export const lowResolutionDefaults: LowResolutionOptions = {
  errorMinWidth: 300,
  errorMinSide: 200,
  warningMinWidth: 600,
  maxUpscale: 1.5,
  iconMaxSide: 64,
};

const SOURCE = '各地政府网站与政务新媒体检查通报中的“配图模糊、分辨率过低”问题；阈值为 shenjiao 默认值，可配置';

/** Formats without a pixel grid: their resolution is whatever the page asks for. */
const VECTOR = new Set(['svg', 'pdf']);
/** Formats made for icons. */
const ICON = new Set(['ico', 'cur']);

/** Judges an image's resolution; `undefined` when it is fine or its size is unknown. */
export function evaluateLowResolution(facts: ImageFacts, use: ImageUse, options: LowResolutionOptions): ImageReport | undefined {
  const width = facts.displayWidth;
  const height = facts.displayHeight;
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  if (facts.format !== undefined && VECTOR.has(facts.format)) return undefined;
  // A broken file is image/unreadable's finding; its header size says nothing about what shows.
  if (facts.problem) return undefined;
  const data = { width, height, format: facts.format ?? null };
  if (use.shownWidth !== undefined || use.shownHeight !== undefined) {
    const scale = Math.max((use.shownWidth ?? 0) / width, (use.shownHeight ?? 0) / height);
    if (scale > options.maxUpscale) {
      const shown = `${use.shownWidth ?? '自适应'}×${use.shownHeight ?? '自适应'}`;
      return {
        severity: 'warning',
        message: `图片原图只有 ${width}×${height} 像素，页面却按 ${shown} 显示（放大 ${scale.toFixed(1)} 倍），会发虚模糊；请换用不小于显示尺寸的原图，或把显示尺寸改小。`,
        data: { ...data, shownWidth: use.shownWidth ?? null, shownHeight: use.shownHeight ?? null, scale: Math.round(scale * 100) / 100 },
        source: SOURCE,
      };
    }
    return undefined;
  }
  if (!use.absoluteThresholds) return undefined;
  // An icon file (favicon, shortcut icon) is small by definition: only enlargement on a page matters.
  if (facts.format !== undefined && ICON.has(facts.format)) return undefined;
  if (use.onPage && width <= options.iconMaxSide && height <= options.iconMaxSide) return undefined;
  if (width < options.errorMinWidth || Math.min(width, height) < options.errorMinSide) {
    return {
      severity: 'error',
      message: `图片分辨率过低（${width}×${height} 像素，宽度应不小于 ${options.errorMinWidth}、短边不小于 ${options.errorMinSide}），发布后看不清；请换用清晰的原图，建议宽度不小于 ${options.warningMinWidth} 像素。`,
      data,
      source: SOURCE,
    };
  }
  if (width < options.warningMinWidth) {
    return {
      severity: 'warning',
      message: `图片宽度只有 ${width} 像素（${width}×${height}），作为文章配图偏小，在大屏上会模糊；建议换用宽度不小于 ${options.warningMinWidth} 像素的原图。`,
      data,
      source: SOURCE,
    };
  }
  return undefined;
}

/** `image/low-resolution`: an image too small to read, or shown larger than its pixels. Runs in `shenjiao/node`. */
export const lowResolution = defineRule<LowResolutionOptions>({
  id: 'image/low-resolution',
  meta: {
    description: '图片分辨率过低，或页面把图片放大到超过原图 1.5 倍显示',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { ...lowResolutionDefaults },
    docs: { wrong: '文章配图 240×180 像素', right: '宽度不小于 600 像素的原图', source: SOURCE },
  },
  prepare({ options }) {
    requirePositive('image/low-resolution', options as unknown as Record<string, unknown>, ['errorMinWidth', 'errorMinSide', 'warningMinWidth', 'maxUpscale', 'iconMaxSide']);
  },
  check(context) {
    reportImages(context, (image) => evaluateLowResolution(image.facts, image.use, context.options));
  },
});
