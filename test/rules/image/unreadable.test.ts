import { describe, expect, it } from 'vitest';
import { facts, judge, onPage, silentOnText } from './helpers.js';

const ID = 'image/unreadable';

silentOnText(ID, ['图片无法显示', '<img src="missing.jpg" alt="x">']);

describe(`${ID} on image facts`, () => {
  it('reports each kind of problem as an error naming the cause', () => {
    for (const kind of ['empty', 'unknown-format', 'truncated', 'corrupt', 'not-found', 'fetch-failed'] as const) {
      const [f] = judge(ID, [{ facts: { bytes: 0, reader: 'none', decoded: false, problem: { kind, detail: `原因-${kind}` } } }]);
      expect(f, kind).toMatchObject({ severity: 'error', data: { kind }, target: { kind: 'image' } });
      expect(f!.message).toContain(`原因-${kind}`);
    }
  });
  it('is silent on a readable image', () => {
    expect(judge(ID, [{ facts: facts() }])).toEqual([]);
    expect(judge(ID, [{ facts: facts({ format: 'bmp', reader: 'header' }) }])).toEqual([]);
  });
  it('warns about formats browsers cannot show, only for images on a page', () => {
    for (const format of ['tiff', 'heif', 'psd', 'jxl', 'jp2']) {
      expect(judge(ID, [{ facts: facts({ format }), use: onPage() }])[0], format).toMatchObject({ severity: 'warning', data: { kind: 'browser-unsupported', format } });
      expect(judge(ID, [{ facts: facts({ format }) }]), format).toEqual([]);
    }
    for (const format of ['jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'bmp']) expect(judge(ID, [{ facts: facts({ format }), use: onPage() }]), format).toEqual([]);
    expect(judge(ID, [{ facts: facts({ format: 'tiff' }), use: onPage() }], { rules: { [ID]: ['error', { browserSupport: false }] } })).toEqual([]);
  });
});
