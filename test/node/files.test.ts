import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createNodeChecker } from '../../src/node/index.js';
import { decodeBytes, readText } from '../../src/node/files.js';
import { ShenjiaoError } from '../../src/errors.js';

const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>关于开展党史学习教育的通知，身份证号110101199003074514</p></body></html>';

describe('decodeBytes', () => {
  it('decodes GBK/GB2312 pages by their meta charset', () => {
    const bytes = iconv.encode(html, 'gbk');
    const r = decodeBytes(bytes, { html: true });
    expect(r).toMatchObject({ encoding: 'gb18030', detectedBy: 'meta' });
    expect(r.text).toBe(html);
  });

  it('falls back to GB18030 for invalid UTF-8 without a declaration', () => {
    const r = decodeBytes(iconv.encode('党史学习教育', 'gbk'));
    expect(r).toMatchObject({ text: '党史学习教育', detectedBy: 'fallback' });
  });

  it('honours BOMs and explicit encodings', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('党史')]))).toMatchObject({ text: '党史', detectedBy: 'bom' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('党史', 'utf16le')]))).toMatchObject({ text: '党史', encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode('黨史', 'big5'), { encoding: 'big5' }).text).toBe('黨史');
    expect(() => decodeBytes(Buffer.from('x'), { encoding: 'no-such-encoding' })).toThrow(ShenjiaoError);
  });

  it('trusts the bytes over a meta charset they contradict', () => {
    // A UTF-8 page whose template still declares gb2312 (or iso-8859-1) is read as UTF-8, not mojibake.
    expect(decodeBytes(Buffer.from(html, 'utf8'), { html: true })).toMatchObject({ text: html, encoding: 'utf-8', detectedBy: 'utf8-valid' });
    const latin = html.replace('gb2312', 'iso-8859-1');
    expect(decodeBytes(Buffer.from(latin, 'utf8'), { html: true }).text).toBe(latin);
    // A GBK page declared UTF-8 is not valid UTF-8: it is read as GB18030.
    const declaredUtf8 = html.replace('gb2312', 'utf-8');
    expect(decodeBytes(iconv.encode(declaredUtf8, 'gbk'), { html: true })).toMatchObject({ text: declaredUtf8, encoding: 'gb18030', detectedBy: 'fallback' });
    // An ASCII-only page keeps its declared encoding.
    expect(decodeBytes(Buffer.from('<meta charset="gbk"><p>hello</p>'), { html: true })).toMatchObject({ encoding: 'gb18030', detectedBy: 'meta' });
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeBytes(Buffer.from('𠮷野家', 'utf8'))).toMatchObject({ text: '𠮷野家', detectedBy: 'utf8-valid' });
    // Declared UTF-8 and valid: decoded once, credited to the declaration.
    const declared = html.replace('gb2312', 'utf-8');
    expect(decodeBytes(Buffer.from(declared, 'utf8'), { html: true })).toEqual({ text: declared, encoding: 'utf-8', detectedBy: 'meta' });
  });
});

describe('checkFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-files-'));

  it('checks a GBK HTML file with offsets into the decoded text', async () => {
    const path = join(dir, 'page.htm');
    writeFileSync(path, iconv.encode(html, 'gbk'));
    const node = await createNodeChecker();
    const [f] = await node.checkFile(path);
    expect(f?.ruleId).toBe('privacy/cn-id-card');
    expect(html.slice(f!.range[0], f!.range[1])).toBe('110101199003074514');
  });

  it('reports a missing file as invalid-input', async () => {
    await expect(readText(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
