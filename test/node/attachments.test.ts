import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { AttachmentError, attachmentExtension, extractAttachmentText, sniffAttachment } from '../../src/node/attachments.js';

const ID = '11010519491231002X';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/attachments/${name}`, import.meta.url)));

async function failure(promise: Promise<unknown>): Promise<AttachmentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttachmentError);
  return error as AttachmentError;
}

describe('extractAttachmentText', () => {
  it.each([
    ['id-notice.pdf', 'pdf'],
    ['id-notice.docx', 'docx'],
    ['id-notice.doc', 'doc'],
    ['id-notice-wps-export.wps', 'docx'],
  ] as const)('reads the published ID number in %s (%s)', async (name, kind) => {
    const out = await extractAttachmentText(fixture(name), name);
    expect(out.kind).toBe(kind);
    expect(out.truncated).toBe(false);
    expect(out.text).toContain(`身份证号码：${ID}`);
    expect(out.text).toContain('13812345678');
    expect(out.text).toContain('某某县人力资源和社会保障局');
  });

  it.each([
    ['id-list.xlsx', 'xlsx'],
    ['id-list.xls', 'xls'],
    ['id-list.et', 'xls'],
  ] as const)('reads every row of the spreadsheet %s (%s), ID numbers as text', async (name, kind) => {
    const out = await extractAttachmentText(fixture(name), name);
    expect(out.kind).toBe(kind);
    expect(out.parts).toBe(1);
    expect(out.text.split('\n')).toEqual(expect.arrayContaining(['姓名\t性别\t身份证号码\t联系电话', `王某某\t男\t${ID}\t13812345678`, '李某\t女\t110101199003071237\t13912345678']));
  });

  it('tells the format by the bytes, not the name: a PDF served as .doc, a content type', async () => {
    expect((await extractAttachmentText(fixture('id-notice.pdf'), 'download.doc')).kind).toBe('pdf');
    expect((await extractAttachmentText(fixture('id-notice.docx'), 'application/octet-stream')).kind).toBe('docx');
    expect(attachmentExtension('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=binary')).toBe('.xlsx');
    expect(attachmentExtension('http://a.gov.cn/P0201.PDF?x=1')).toBe('.pdf');
    expect(attachmentExtension('index.html')).toBeUndefined();
  });

  it('rejects an encrypted PDF as encrypted', async () => {
    expect((await failure(extractAttachmentText(fixture('encrypted.pdf'), 'encrypted.pdf'))).reason).toBe('encrypted');
  });

  it('rejects a password-protected Office file (an OLE container holding EncryptedPackage) as encrypted', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    expect(sniffAttachment(bytes)).toBe('encrypted');
    expect((await failure(extractAttachmentText(bytes, 'secret.docx'))).reason).toBe('encrypted');
  });

  it('rejects truncated, mislabelled and unknown files with typed errors', async () => {
    const broken = await failure(extractAttachmentText(fixture('broken.pdf'), 'broken.pdf'));
    expect(broken.reason).toBe('broken');
    expect(broken.code).toBe('unreadable-attachment');
    expect((await failure(extractAttachmentText(new TextEncoder().encode('<html>not a document</html>'), 'a.docx'))).reason).toBe('broken');
    expect((await failure(extractAttachmentText(new TextEncoder().encode('hello'), 'a.bin'))).reason).toBe('unsupported');
    // A DOCX whose document part is garbage.
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '\u0000\u0001 not xml <<<');
    const bad = await failure(extractAttachmentText(await zip.generateAsync({ type: 'uint8array' }), 'bad.docx'));
    expect(bad.reason).toBe('broken');
    // Random bytes under a PDF header.
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    noise.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect((await failure(extractAttachmentText(noise, 'noise.pdf'))).reason).toBe('broken');
  });

  it('refuses files over the size cap and zips that expand past it (zip bombs) before parsing', async () => {
    expect((await failure(extractAttachmentText(fixture('id-notice.pdf'), 'a.pdf', { maxBytes: 10_000 }))).reason).toBe('too-large');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', 'a'.repeat(5_000_000));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(50_000);
    const error = await failure(extractAttachmentText(bomb, 'bomb.docx', { maxExpandedBytes: 1_000_000 }));
    expect(error.reason).toBe('too-large');
  });

  it('gives up at the deadline and cuts text at the character cap', async () => {
    expect((await failure(extractAttachmentText(fixture('id-notice.pdf'), 'a.pdf', { timeoutMs: 1 }))).reason).toBe('timeout');
    const short = await extractAttachmentText(fixture('id-notice.docx'), 'a.docx', { maxChars: 20 });
    expect(short.text).toHaveLength(20);
    expect(short.truncated).toBe(true);
  });
});
