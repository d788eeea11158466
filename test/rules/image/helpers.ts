import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import type { Document } from '../../../src/document/document.js';
import { attachImages, type AttachedImage, type ImageFacts, type ImageUse, STANDALONE } from '../../../src/facts/image.js';
import type { Config, Finding } from '../../../src/types.js';

/** Facts of a good 1200×800 JPEG, overridden per case. */
export function facts(partial: Partial<ImageFacts> = {}): ImageFacts {
  const width = partial.width ?? 1200;
  const height = partial.height ?? 800;
  return { bytes: 200_000, format: 'jpeg', width, height, displayWidth: width, displayHeight: height, reader: 'sharp', decoded: false, ...partial };
}

/**
 * Runs the real checker (preset `all`, so default severities and tiers show) on a document that
 * carries the given images, and returns the findings of `ruleId`.
 */
export function judge(ruleId: string, images: readonly (Partial<AttachedImage> & { facts: ImageFacts })[], config: Config = {}, source = ''): Finding[] {
  const checker = createChecker({ preset: 'all', ...config });
  const attached: AttachedImage[] = images.map((i) => ({ use: STANDALONE, range: [0, 0], src: 'a.jpg', ...i }));
  const document: Document = attachImages({ kind: 'text', source, segments: [] }, attached);
  return checker.checkDocument(document).filter((f) => f.ruleId === ruleId);
}

/** How a page shows an image: declared size, content image, on a page. */
export function onPage(shown: { width?: number; height?: number } = {}, absoluteThresholds = true): ImageUse {
  return { onPage: true, absoluteThresholds, ...(shown.width !== undefined ? { shownWidth: shown.width } : {}), ...(shown.height !== undefined ? { shownHeight: shown.height } : {}) };
}

/** Asserts that a metadata rule stays silent on text and HTML: they carry no image bytes (shenjiao/node attaches them). */
export function silentOnText(ruleId: string, texts: readonly string[]): void {
  describe(`${ruleId} on text and HTML`, () => {
    it('stays silent', () => {
      const checker = createChecker({ preset: 'none', rules: { [ruleId]: 'error' } });
      for (const text of texts) expect([...checker.check(text), ...checker.checkHtml(text)]).toEqual([]);
    });
  });
}
