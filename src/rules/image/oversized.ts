import { defineRule } from '../../core/rule.js';
import { reportImages, requirePositive } from './helpers/report.js';
import type { ImageFacts, ImageReport } from '../../facts/image.js';

/** Options of `image/oversized`. */
export interface OversizedOptions {
  /** Largest file size in bytes a page image should have. */
  readonly maxBytes: number;
  /** Largest pixel count (width × height) that shenjiao decodes and a page image should have. */
  readonly maxPixels: number;
}

export const oversizedDefaults: OversizedOptions = { maxBytes: 5 * 1024 * 1024, maxPixels: 50_000_000 };

const SOURCE = 'shenjiao 默认上限（5 MB、5000 万像素），可配置；超大像素数的小文件是“解压炸弹”';

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/** Judges the image's file size and pixel count. */
export function evaluateOversized(facts: ImageFacts, options: OversizedOptions): ImageReport | undefined {
  const tooManyBytes = facts.bytes > options.maxBytes;
  // A vector image has no pixels of its own: the page decides the size it is drawn at.
  const raster = facts.format !== 'svg' && facts.format !== 'pdf';
  // One frame's pixels: an animation is decoded and shown a frame at a time (sharp decodes only the
  // first page), and optimised GIF frames are small patches, so canvas × frames would call a long but
  // light animation a bomb.
  const pixels = raster && facts.width !== undefined && facts.height !== undefined ? facts.width * facts.height : undefined;
  const tooManyPixels = pixels !== undefined && pixels > options.maxPixels;
  if (!tooManyBytes && !tooManyPixels) return undefined;
  const parts: string[] = [];
  if (tooManyBytes) parts.push(`文件 ${megabytes(facts.bytes)} MB，超过 ${megabytes(options.maxBytes)} MB`);
  if (tooManyPixels) {
    // Decoding takes about 4 bytes a pixel (RGBA) of memory.
    parts.push(`${facts.width}×${facts.height}${(facts.pages ?? 1) > 1 ? '（每帧）' : ''} 共 ${Math.round(pixels / 1e4)} 万像素，超过 ${Math.round(options.maxPixels / 1e4)} 万，解码约需 ${Math.round((pixels * 4) / 1024 / 1024)} MB 内存`);
  }
  // A pixel count far beyond the bytes is a decompression bomb: the file is tiny, its decoding is not.
  const bomb = tooManyPixels && pixels / Math.max(1, facts.bytes) > 100;
  return {
    severity: bomb ? 'error' : 'warning',
    message: `图片过大（${parts.join('；')}）${bomb ? '，文件很小而像素极多，疑似“解压炸弹”，会拖垮浏览器；已拒绝解码' : '，拖慢页面加载'}；请压缩或缩小到网页所需尺寸（宽度 1000～2000 像素即可）后再发布。`,
    data: { bytes: facts.bytes, maxBytes: options.maxBytes, pixels: pixels ?? null, maxPixels: options.maxPixels, bomb, ...((facts.pages ?? 1) > 1 ? { frames: facts.pages } : {}) },
    source: SOURCE,
  };
}

/** `image/oversized`: images too heavy for a page, and decompression bombs. Runs in `shenjiao/node`. */
export const oversized = defineRule<OversizedOptions>({
  id: 'image/oversized',
  meta: {
    description: '图片文件或像素数过大（默认 5 MB、5000 万像素），含“解压炸弹”',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { ...oversizedDefaults },
    docs: { wrong: '12 MB 的相机原图', right: '压缩到 1 MB 以内、宽 1920 像素的图片', source: SOURCE },
  },
  prepare({ options }) {
    requirePositive('image/oversized', options as unknown as Record<string, unknown>, ['maxBytes', 'maxPixels']);
  },
  check(context) {
    reportImages(context, (image) => evaluateOversized(image.facts, context.options));
  },
});
