import { defineRule } from '../../core/rule.js';
import { reportImages, requirePositive } from './helpers/report.js';
import type { ImageFacts, ImageReport, ImageUse } from '../../facts/image.js';

/** Options of `image/blurry`. */
export interface BlurryOptions {
  /** Below this sharpness (libvips: standard deviation of the Laplacian, measured at `sharpnessWidth`) an image is blurry. */
  readonly minSharpness: number;
  /** Only images displayed at least this wide (pixels) are judged: a small thumbnail may be soft. */
  readonly minDisplayWidth: number;
  /** Only images with at least this much tonal variation (mean channel standard deviation, 0–255) are judged: a flat graphic has no detail to lose. */
  readonly minContrast: number;
}

export const blurryDefaults: BlurryOptions = { minSharpness: 0.5, minDisplayWidth: 600, minContrast: 10 };

const SOURCE = 'libvips sharpness 估计（拉普拉斯算子标准差）；启发式，阈值可配置';

/** Judges focus; needs the decode path (`facts.sharpness`). */
export function evaluateBlurry(facts: ImageFacts, use: ImageUse, options: BlurryOptions): ImageReport | undefined {
  if (facts.sharpness === undefined || !Number.isFinite(facts.sharpness)) return undefined;
  const shown = use.shownWidth ?? facts.displayWidth ?? 0;
  if (shown < options.minDisplayWidth) return undefined;
  if (facts.sharpness >= options.minSharpness) return undefined;
  if (facts.contrast !== undefined && facts.contrast < options.minContrast) return undefined;
  return {
    severity: 'info',
    message: `图片整体模糊（清晰度 ${facts.sharpness.toFixed(2)}，低于 ${options.minSharpness}），又按 ${shown} 像素宽的大图显示；请确认是否为失焦或反复压缩的图片，尽量换用清晰原图。`,
    data: { sharpness: Math.round(facts.sharpness * 1000) / 1000, measuredWidth: facts.sharpnessWidth ?? null, minSharpness: options.minSharpness },
    source: SOURCE,
  };
}

/** `image/blurry`: a large image with little detail (info; optional, needs decoding). Runs in `shenjiao/node`. */
export const blurry = defineRule<BlurryOptions>({
  id: 'image/blurry',
  meta: {
    description: '大尺寸显示的图片整体模糊（需解码，启发式，默认关闭）',
    defaultSeverity: 'info',
    recommended: false,
    fixable: false,
    defaultOptions: { ...blurryDefaults },
    docs: { wrong: '失焦、反复压缩的大图', right: '对焦清晰的原图', source: SOURCE },
  },
  prepare({ options }) {
    requirePositive('image/blurry', options as unknown as Record<string, unknown>, ['minSharpness', 'minDisplayWidth', 'minContrast']);
  },
  check(context) {
    reportImages(context, (image) => evaluateBlurry(image.facts, image.use, context.options));
  },
});
