import { describe, expect, it } from 'vitest';
import { facts, judge, onPage, silentOnText } from './helpers.js';

const ID = 'image/blurry';
const ON = { rules: { [ID]: 'info' as const } };

silentOnText(ID, ['图片模糊', '<img src="blur.jpg" alt="x">']);

describe(`${ID} on image facts`, () => {
  it('is off in the recommended preset', () => {
    const checker = judge(ID, [{ facts: facts({ sharpness: 0.01, decoded: true }) }], { preset: 'recommended' });
    expect(checker).toEqual([]);
  });
  it('reports a large, soft image at info level', () => {
    const [f] = judge(ID, [{ facts: facts({ sharpness: 0.08, sharpnessWidth: 1024, decoded: true }) }], ON);
    expect(f).toMatchObject({ severity: 'info', data: { sharpness: 0.08, measuredWidth: 1024 } });
  });
  it('leaves flat graphics alone: no tonal variation, no detail to lose', () => {
    expect(judge(ID, [{ facts: facts({ sharpness: 0.01, contrast: 2, decoded: true }) }], ON)).toEqual([]);
    expect(judge(ID, [{ facts: facts({ sharpness: 0.01, contrast: 40, decoded: true }) }], ON)).toHaveLength(1);
  });
  it('leaves sharp images, small images and undecoded images alone', () => {
    expect(judge(ID, [{ facts: facts({ sharpness: 3, decoded: true }) }], ON)).toEqual([]);
    expect(judge(ID, [{ facts: facts({ sharpness: 0.08, width: 400, height: 300, decoded: true }) }], ON)).toEqual([]);
    expect(judge(ID, [{ facts: facts({ sharpness: 0.08, width: 400, height: 300, decoded: true }), use: onPage({ width: 800 }) }], ON)).toHaveLength(1);
    expect(judge(ID, [{ facts: facts() }], ON)).toEqual([]);
  });
});
