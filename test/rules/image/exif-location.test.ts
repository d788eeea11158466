import { describe, expect, it } from 'vitest';
import { facts, judge, silentOnText } from './helpers.js';

const ID = 'image/exif-location';

silentOnText(ID, ['北纬39°54′，东经116°23′', '<img src="gps.jpg" alt="现场">']);

describe(`${ID} on image facts`, () => {
  it('warns with the coordinates in data, never in the message', () => {
    const [f] = judge(ID, [{ facts: facts({ gps: { latitude: 39.907333333, longitude: 116.3915, source: 'exif' } }) }]);
    expect(f).toMatchObject({ severity: 'warning', range: [0, 0], data: { latitude: 39.907333, longitude: 116.3915, metadata: 'exif' }, target: { kind: 'image', src: 'a.jpg' } });
    expect(f!.message).not.toMatch(/39\.9|116\.3/);
    expect(f!.source).toContain('个人信息保护法');
  });
  it('names XMP when the position came from XMP', () => {
    const [f] = judge(ID, [{ facts: facts({ gps: { latitude: -33.86, longitude: 151.2, source: 'xmp' } }) }]);
    expect(f).toMatchObject({ data: { metadata: 'xmp', latitude: -33.86 } });
    expect(f!.message).toContain('XMP');
  });
  it('ignores a receiver placeholder at 0°,0° and impossible coordinates', () => {
    expect(judge(ID, [{ facts: facts({ gps: { latitude: 0, longitude: 0, source: 'exif' } }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ gps: { latitude: 91, longitude: 10, source: 'exif' } }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ gps: { latitude: Number.NaN, longitude: 10, source: 'exif' } }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts() }])).toEqual([]);
  });
  it('keeps a position on the equator or the prime meridian alone', () => {
    expect(judge(ID, [{ facts: facts({ gps: { latitude: 0, longitude: 32.5, source: 'exif' } }) }])).toHaveLength(1);
  });
});
