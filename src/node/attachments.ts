/**
 * @fileoverview Text of the attachments government sites publish (PDF, DOCX, DOC, XLSX, XLS, and WPS
 * Office exports, which are one of these inside), so the text rules (privacy above all) can read them.
 *
 * The format is told by the bytes, not the name (a `.wps` is usually a DOCX, a `.doc` link may serve a
 * PDF); the name or content type only decides what a file that is none of them was meant to be.
 * Well-kept libraries do the parsing: pdf.js (pdfjs-dist's legacy build, with its CJK character maps) for PDF, mammoth for DOCX, word-extractor for
 * DOC, exceljs for XLSX, SheetJS 0.20.3 (the fixed release, as `@e965/xlsx`) for XLS.
 *
 * Hostile or broken files never crash or hang the caller: a size cap before parsing, a cap on a zip's
 * declared expanded size (zip bombs), page, row and character caps, and a deadline after which the
 * returned promise rejects; every failure is an `AttachmentError` with a `reason`.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { ShenjiaoError } from '../errors.js';

/** What an attachment is, by its bytes. */
export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls';

/** Why an attachment's text could not be read. */
export type AttachmentFailure = 'unsupported' | 'too-large' | 'encrypted' | 'broken' | 'timeout';

/** An attachment that could not be read: `reason` says why, `details.kind` what it looked like. */
export class AttachmentError extends ShenjiaoError {
  readonly reason: AttachmentFailure;
  constructor(reason: AttachmentFailure, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('unreadable-attachment', message, { reason, ...details }, options);
    this.name = 'AttachmentError';
    this.reason = reason;
  }
}

/** Limits of {@link extractAttachmentText}. */
export interface AttachmentOptions {
  /** Largest file read, in bytes. Default 30 MB. */
  readonly maxBytes?: number;
  /** Largest total a zip-based file (DOCX, XLSX) may expand to, in bytes. Default 200 MB. */
  readonly maxExpandedBytes?: number;
  /** Give up after this many milliseconds. Default 20 000. */
  readonly timeoutMs?: number;
  /** Stop after this many characters of text (the result says `truncated`). Default 2 000 000. */
  readonly maxChars?: number;
  /** PDF pages read at most. Default 500. */
  readonly maxPages?: number;
  /** Spreadsheet rows read at most, per sheet. Default 50 000. */
  readonly maxRows?: number;
}

/** The text of an attachment. */
export interface AttachmentText {
  readonly text: string;
  readonly kind: AttachmentKind;
  /** PDF pages or spreadsheet sheets read. */
  readonly parts: number;
  /** A cap (characters, pages, rows) cut the text short. */
  readonly truncated: boolean;
}

/** File extensions read as attachments (WPS Office's own: .wps text, .et spreadsheet). */
export const ATTACHMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.et']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/kswps': '.wps',
  'application/vnd.ms-works': '.wps',
  'application/wps-office.wps': '.wps',
  'application/wps-office.docx': '.docx',
  'application/wps-office.doc': '.doc',
  'application/wps-office.et': '.et',
  'application/wps-office.xls': '.xls',
  'application/wps-office.xlsx': '.xlsx',
  'application/wps-office.pdf': '.pdf',
};

/** The attachment extension a file name, URL or content type names, or undefined. */
export function attachmentExtension(nameOrContentType: string): string | undefined {
  const s = nameOrContentType.trim().toLowerCase();
  const type = s.split(';')[0]!.trim();
  if (CONTENT_TYPES[type]) return CONTENT_TYPES[type];
  const path = s.split(/[?#]/)[0]!;
  const m = /\.([a-z0-9]{1,5})$/.exec(path);
  const ext = m ? `.${m[1]}` : undefined;
  return ext && ATTACHMENT_EXTENSIONS.has(ext) ? ext : undefined;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** Whether `bytes` holds `name` as UTF-16LE (an OLE directory entry name). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

interface ZipEntry {
  readonly name: string;
  readonly expanded: number;
}

/** The entries of a zip's central directory (names and declared expanded sizes), or undefined when it has none. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65 535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return undefined;
    const expanded = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), expanded: expanded === 0xffffffff ? Number.MAX_SAFE_INTEGER : expanded });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What the bytes are: a kind, or a failure (encrypted OOXML, a zip or OLE file of another kind). */
export function sniffAttachment(bytes: Uint8Array): AttachmentKind | 'encrypted' | 'zip' | 'ole' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new Set((zipEntries(bytes) ?? []).map((e) => e.name));
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) {
    // A password-protected DOCX or XLSX is an OLE file holding the encrypted package.
    if (hasUtf16(bytes, 'EncryptedPackage')) return 'encrypted';
    if (hasUtf16(bytes, 'WordDocument')) return 'doc';
    if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book')) return 'xls';
    return 'ole';
  }
  return undefined;
}


/** Appends to the text up to the character cap. */
class TextSink {
  private readonly parts: string[] = [];
  private length = 0;
  truncated = false;
  constructor(
    private readonly max: number,
    private readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}
  add(text: string): boolean {
    if (Date.now() > this.deadline) throw new AttachmentError('timeout', `附件文本提取超时（${this.timeoutMs} 毫秒）`);
    if (this.truncated) return false;
    if (this.length + text.length > this.max) {
      this.parts.push(text.slice(0, this.max - this.length));
      this.length = this.max;
      this.truncated = true;
      return false;
    }
    this.parts.push(text);
    this.length += text.length;
    return true;
  }
  get full(): boolean {
    return this.truncated;
  }
  text(): string {
    return this.parts.join('');
  }
}

/** Where pdfjs-dist lies, for its character maps (CJK PDFs with the Acrobat fonts, STSong-Light …) and standard fonts. */
function pdfjsRoot(): string {
  // tsup's shims give the CommonJS build an import.meta.url.
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

async function pdfText(bytes: Uint8Array, sink: TextSink, maxPages: number): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // Chinese PDFs made by iText and the like use the Acrobat fonts (STSong-Light with UniGB-UCS2-H) without
    // embedding them: without the character maps their text comes out empty.
    cMapUrl: `${join(root, 'cmaps')}${sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}${sep}`,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => undefined);
    const name = (cause as { name?: string }).name;
    if (name === 'PasswordException') throw new AttachmentError('encrypted', 'PDF 附件已加密，无法读取文本', { kind: 'pdf' }, { cause });
    throw new AttachmentError('broken', `PDF 附件已损坏或格式无效（${(cause as Error).message}）`, { kind: 'pdf' }, { cause });
  }
  try {
    const pages = Math.min(pdf.numPages, maxPages);
    if (pdf.numPages > maxPages) sink.truncated = true;
    for (let i = 1; i <= pages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      if (!sink.add(`${text}\n\n`)) break;
    }
    return pages;
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function docxText(bytes: Uint8Array, sink: TextSink): Promise<number> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  sink.add(value);
  return 1;
}

async function docText(bytes: Uint8Array, sink: TextSink): Promise<number> {
  const WordExtractor = (await import('word-extractor')).default;
  const doc = await new WordExtractor().extract(Buffer.from(bytes));
  for (const part of [doc.getBody(), doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }), doc.getFootnotes(), doc.getEndnotes(), doc.getHeaders({ includeFooters: true }), doc.getAnnotations()]) {
    if (part && part.trim()) sink.add(`${part}\n`);
  }
  return 1;
}

/** A cell's text as a reader sees it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    if (v.error !== undefined) return '';
    return '';
  }
  return String(value);
}

async function xlsxText(bytes: Uint8Array, sink: TextSink, maxRows: number): Promise<number> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  let sheets = 0;
  for (const sheet of book.worksheets) {
    sheets++;
    if (!sink.add(`${sheet.name}\n`)) break;
    let rows = 0;
    let stop = false;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (stop) return;
      if (++rows > maxRows) {
        sink.truncated = true;
        stop = true;
        return;
      }
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      if (!sink.add(`${values.map(cellText).join('\t')}\n`)) stop = true;
    });
    if (sink.full) break;
  }
  return sheets;
}

async function xlsText(bytes: Uint8Array, sink: TextSink, maxRows: number): Promise<number> {
  const XLSX = await import('@e965/xlsx');
  let book: ReturnType<typeof XLSX.read>;
  try {
    book = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, cellDates: true, sheetRows: maxRows + 1, WTF: false });
  } catch (cause) {
    if (/password|encrypt/i.test((cause as Error).message)) throw new AttachmentError('encrypted', 'Excel 附件已加密，无法读取文本', { kind: 'xls' }, { cause });
    throw cause;
  }
  let sheets = 0;
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    sheets++;
    if (!sink.add(`${name}\n`)) break;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
    if (rows.length > maxRows) sink.truncated = true;
    for (const row of rows.slice(0, maxRows)) if (!sink.add(`${row.map(cellText).join('\t')}\n`)) break;
    if (sink.full) break;
  }
  return sheets;
}

/**
 * The text of an attachment given as bytes, with its file name, URL or content type as a hint.
 * Rejects with an `AttachmentError` (`unsupported`, `too-large`, `encrypted`, `broken`, `timeout`).
 */
export async function extractAttachmentText(bytes: Uint8Array, nameOrContentType: string, options: AttachmentOptions = {}): Promise<AttachmentText> {
  const maxBytes = options.maxBytes ?? 30 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const label = nameOrContentType.length > 120 ? `${nameOrContentType.slice(0, 117)}…` : nameOrContentType;
  if (bytes.byteLength > maxBytes) throw new AttachmentError('too-large', `附件过大（${bytes.byteLength} 字节，上限 ${maxBytes}），未提取文本：${label}`, { size: bytes.byteLength, maxBytes });
  const sniffed = sniffAttachment(bytes);
  const ext = attachmentExtension(nameOrContentType);
  if (sniffed === 'encrypted') throw new AttachmentError('encrypted', `附件已加密，无法读取文本：${label}`);
  if (sniffed === undefined || sniffed === 'zip' || sniffed === 'ole') {
    if (ext && bytes.byteLength > 0) throw new AttachmentError('broken', `附件不是有效的 ${ext.slice(1).toUpperCase()} 文件：${label}`, { expected: ext });
    throw new AttachmentError('unsupported', `不支持的附件格式：${label}`, ext ? { expected: ext } : {});
  }
  const kind: AttachmentKind = sniffed;
  if (kind === 'docx' || kind === 'xlsx') {
    const maxExpanded = options.maxExpandedBytes ?? 200 * 1024 * 1024;
    const expanded = (zipEntries(bytes) ?? []).reduce((n, e) => n + e.expanded, 0);
    if (expanded > maxExpanded) throw new AttachmentError('too-large', `附件解压后过大（${expanded} 字节，上限 ${maxExpanded}），未提取文本：${label}`, { kind, expanded, maxExpandedBytes: maxExpanded });
  }

  const deadline = Date.now() + timeoutMs;
  const sink = new TextSink(options.maxChars ?? 2_000_000, deadline, timeoutMs);
  const maxRows = options.maxRows ?? 50_000;
  const work = (async () => {
    switch (kind) {
      case 'pdf':
        return pdfText(bytes, sink, options.maxPages ?? 500);
      case 'docx':
        return docxText(bytes, sink);
      case 'doc':
        return docText(bytes, sink);
      case 'xlsx':
        return xlsxText(bytes, sink, maxRows);
      case 'xls':
        return xlsText(bytes, sink, maxRows);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttachmentError('timeout', `附件文本提取超时（${timeoutMs} 毫秒）：${label}`, { kind })), timeoutMs);
    timer.unref?.();
  });
  try {
    const parts = await Promise.race([work, timeout]);
    return { text: sink.text(), kind, parts, truncated: sink.truncated };
  } catch (cause) {
    if (cause instanceof AttachmentError) throw cause;
    throw new AttachmentError('broken', `附件已损坏或格式无效（${(cause as Error)?.message ?? String(cause)}）：${label}`, { kind }, { cause });
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}
