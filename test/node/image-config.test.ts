import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createNodeChecker } from '../../src/node/index.js';
import type { Config } from '../../src/types.js';
import { scene } from '../fixtures/images/make.js';

// The image adapter asks the kernel for the options its rules run with instead of reading the config
// by hand, so `off`, defaults and option validation mean the same for it as for the rules.

const judge = async (config: Config, image: Uint8Array) => (await (await createNodeChecker(config)).checkImage(image)).map((f) => `${f.ruleId}:${f.severity}`);

describe('image options come from the kernel', () => {
  it('ignores the options of a rule that is off: image/oversized off leaves the decode limit at its default', async () => {
    const soft = await sharp(await scene(1200, 800)).blur(3).jpeg().toBuffer();
    expect(await judge({ rules: { 'image/blurry': 'info', 'image/oversized': ['off' as 'error', { maxPixels: 100 }] } }, soft)).toEqual(['image/blurry:info']);
  });
  it('uses the options of a rule that is on', async () => {
    const soft = await sharp(await scene(1200, 800)).blur(3).jpeg().toBuffer();
    // Over the limit the pixels are not decoded, so blur cannot be measured; the size is reported instead.
    expect(await judge({ rules: { 'image/blurry': 'info', 'image/oversized': ['warning', { maxPixels: 100 }] } }, soft)).toEqual(['image/oversized:warning']);
  });
  it('refuses an option the rule does not have', async () => {
    await expect(createNodeChecker({ rules: { 'image/oversized': ['warning', { maxPixel: 100 }] } })).rejects.toMatchObject({ code: 'invalid-config' });
  });
});
