import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { AttachmentError, attachmentExtension, extractAttachmentText, sniffAttachment } from '../../src/node/attachments.js';

const ID = '11010519491231002X';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/attachments/${name}`, import.meta.url)));

/**
 * A PDF as iText and many Chinese government systems write it: the Acrobat font STSong-Light with the
 * UniGB-UCS2-H encoding, not embedded, so a reader needs pdf.js's character maps to get its text.
 */
function acrobatFontPdf(text: string): Uint8Array {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 12 Tf 50 750 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

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

  it('reads a PDF in the non-embedded Acrobat Chinese font (STSong-Light, UniGB-UCS2-H) through the character maps', async () => {
    const out = await extractAttachmentText(acrobatFontPdf(`身份证号码：${ID}`), 'itext.pdf');
    expect(out.text.trim()).toBe(`身份证号码：${ID}`);
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
