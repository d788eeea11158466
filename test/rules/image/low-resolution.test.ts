import { describe, expect, it } from 'vitest';
import { ShenjiaoError } from '../../../src/errors.js';
import { createChecker } from '../../../src/checker.js';
import { facts, judge, onPage, silentOnText } from './helpers.js';

const ID = 'image/low-resolution';

// Text and HTML carry no image bytes: the rule is silent on them (the node layer attaches facts).
silentOnText(ID, ['文章配图 240×180 像素', '<p><img src="a.jpg" width="900"></p>']);

describe(`${ID} on image facts`, () => {
  it('is silent on a 1200×800 photo', () => {
    expect(judge(ID, [{ facts: facts() }])).toEqual([]);
  });
  it('gives an error below 300 px wide or 200 px on a side, with size and format in data', () => {
    const [narrow] = judge(ID, [{ facts: facts({ width: 250, height: 400 }) }]);
    expect(narrow).toMatchObject({ severity: 'error', range: [0, 0], loc: { start: { line: 1, column: 1 } }, target: { kind: 'image', src: 'a.jpg' } });
    expect(narrow!.data).toEqual({ width: 250, height: 400, format: 'jpeg' });
    const [flat] = judge(ID, [{ facts: facts({ width: 1000, height: 150 }) }]);
    expect(flat).toMatchObject({ severity: 'error' });
  });
  it('gives a warning below 600 px wide', () => {
    const [f] = judge(ID, [{ facts: facts({ width: 599, height: 400 }) }]);
    expect(f).toMatchObject({ severity: 'warning', data: { width: 599 } });
    expect(judge(ID, [{ facts: facts({ width: 600, height: 400 }) }])).toEqual([]);
  });
  it('judges the displayed size: a rotated (orientation 6) 1200×450 photo is 450 wide', () => {
    const rotated = facts({ width: 1200, height: 450, displayWidth: 450, displayHeight: 1200, orientation: 6 });
    expect(judge(ID, [{ facts: rotated }])[0]).toMatchObject({ severity: 'warning', data: { width: 450, height: 1200 } });
  });
  it('takes thresholds from the config', () => {
    const config = { rules: { [ID]: ['warning', { warningMinWidth: 1000 }] as const } };
    expect(judge(ID, [{ facts: facts({ width: 800, height: 600 }) }], config)).toHaveLength(1);
    expect(judge(ID, [{ facts: facts({ width: 800, height: 600 }) }], { rules: { [ID]: ['warning', { warningMinWidth: 500 }] } })).toEqual([]);
  });
  it('rejects thresholds that are not positive numbers', () => {
    expect(() => createChecker({ rules: { [ID]: ['warning', { errorMinWidth: '300' }] } })).toThrow(ShenjiaoError);
    expect(() => createChecker({ rules: { [ID]: ['warning', { maxUpscale: -1 }] } })).toThrow(/maxUpscale/);
  });
  it('leaves broken files to image/unreadable', () => {
    expect(judge(ID, [{ facts: facts({ width: 100, height: 100, problem: { kind: 'truncated', detail: 'x' } }) }])).toEqual([]);
  });
  it('ignores vector images, icon files and images of unknown size', () => {
    expect(judge(ID, [{ facts: facts({ format: 'svg', width: 16, height: 16 }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ format: 'svg', width: 40, height: 40 }), use: onPage({ width: 400 }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ format: 'ico', width: 32, height: 32 }) }])).toEqual([]);
    // An icon file enlarged on a page is still blurred.
    expect(judge(ID, [{ facts: facts({ format: 'ico', width: 32, height: 32 }), use: onPage({ width: 320 }) }])).toHaveLength(1);
    expect(judge(ID, [{ facts: { bytes: 10, reader: 'none', decoded: false } }])).toEqual([]);
  });
});

describe(`${ID} for images on a page`, () => {
  it('warns when the page shows an image at more than 1.5× its real size', () => {
    const [f] = judge(ID, [{ facts: facts({ width: 400, height: 300 }), use: onPage({ width: 800 }) }]);
    expect(f).toMatchObject({ severity: 'warning', data: { width: 400, shownWidth: 800, scale: 2 } });
    const [byHeight] = judge(ID, [{ facts: facts({ width: 800, height: 200 }), use: onPage({ height: 400 }) }]);
    expect(byHeight).toMatchObject({ data: { scale: 2 } });
  });
  it('accepts up to 1.5× and any reduction, and then skips the absolute thresholds', () => {
    expect(judge(ID, [{ facts: facts({ width: 400, height: 300 }), use: onPage({ width: 600 }) }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ width: 100, height: 80 }), use: onPage({ width: 100, height: 80 }) }])).toEqual([]);
  });
  it('applies the absolute thresholds to content images without a declared size, but not to icons', () => {
    expect(judge(ID, [{ facts: facts({ width: 200, height: 150 }), use: onPage() }])[0]).toMatchObject({ severity: 'error' });
    expect(judge(ID, [{ facts: facts({ width: 48, height: 48 }), use: onPage() }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ width: 200, height: 150 }), use: onPage({}, false) }])).toEqual([]);
  });
  it('reports against the referencing tag', () => {
    const source = '<p><img src="a.jpg" width="800"></p>';
    const tag = '<img src="a.jpg" width="800">';
    const range = [3, 3 + tag.length] as const;
    const [f] = judge(ID, [{ facts: facts({ width: 400, height: 300 }), use: onPage({ width: 800 }), range, src: '/site/a.jpg' }], {}, source);
    expect(f).toMatchObject({ range, actual: tag, loc: { start: { line: 1, column: 4 } }, target: { kind: 'image', src: '/site/a.jpg' } });
  });
});
