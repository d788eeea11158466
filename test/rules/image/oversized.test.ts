import { describe, expect, it } from 'vitest';
import { facts, judge, silentOnText } from './helpers.js';

const ID = 'image/oversized';
const MB = 1024 * 1024;

silentOnText(ID, ['图片超过 5 MB', '<img src="big.jpg" alt="x">']);

describe(`${ID} on image facts`, () => {
  it('warns above 5 MB by default', () => {
    expect(judge(ID, [{ facts: facts({ bytes: 5 * MB }) }])).toEqual([]);
    const [f] = judge(ID, [{ facts: facts({ bytes: 5 * MB + 1, width: 6000, height: 4000 }) }]);
    expect(f).toMatchObject({ severity: 'warning', data: { bytes: 5 * MB + 1, maxBytes: 5 * MB, bomb: false } });
  });
  it('calls a small file with a huge pixel count a decompression bomb (error)', () => {
    const [f] = judge(ID, [{ facts: facts({ bytes: 388_871, width: 20000, height: 20000, format: 'png' }) }]);
    expect(f).toMatchObject({ severity: 'error', data: { pixels: 400_000_000, maxPixels: 50_000_000, bomb: true } });
  });
  it('warns without the bomb label when a big photo is big in bytes too', () => {
    const [f] = judge(ID, [{ facts: facts({ bytes: 30 * MB, width: 9000, height: 6000 }) }]);
    expect(f).toMatchObject({ severity: 'warning', data: { bomb: false, pixels: 54_000_000 } });
  });
  it('does not count pixels of a vector image', () => {
    expect(judge(ID, [{ facts: facts({ format: 'svg', bytes: 200, width: 100000, height: 100000 }) }])).toEqual([]);
  });
  it('judges an animation by one frame, and names the frame count', () => {
    // 20 frames of 2000×2000 are 80 million pixels in all, but a browser holds and sharp decodes one at a time.
    expect(judge(ID, [{ facts: facts({ bytes: 1 * MB, width: 2000, height: 2000, pages: 20, format: 'gif' }) }])).toEqual([]);
    const [f] = judge(ID, [{ facts: facts({ bytes: 300_000, width: 8000, height: 8000, pages: 20, format: 'gif' }) }]);
    expect(f).toMatchObject({ severity: 'error', data: { pixels: 64_000_000, frames: 20, bomb: true } });
    expect(f!.message).toContain('每帧');
  });
  it('follows configured limits', () => {
    expect(judge(ID, [{ facts: facts({ bytes: 2 * MB }) }], { rules: { [ID]: ['warning', { maxBytes: MB }] } })).toHaveLength(1);
    expect(judge(ID, [{ facts: facts({ bytes: 6 * MB }) }], { rules: { [ID]: ['warning', { maxBytes: 10 * MB }] } })).toEqual([]);
  });
});
