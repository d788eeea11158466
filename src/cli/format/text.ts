import { LineIndex } from '../../core/positions.js';
import type { Finding } from '../../types.js';
import { maskFindings, maskSourceText, personalSpans, type PersonalSpan } from '../mask.js';
import { summarize, type FileResult } from './json.js';

/** Options of the human-readable reporter. */
export interface TextFormatOptions {
  readonly color: boolean;
  readonly showPrivate: boolean;
}

const CONTEXT_BEFORE = 30;
const MAX_SPAN = 60;
const CONTEXT_AFTER = 20;

/** Terminal columns a code point takes: 2 for East Asian wide and full-width characters, else 1. */
function width(cp: number): number {
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += width(ch.codePointAt(0) as number);
  return n;
}

/** Tabs and other control characters would break the caret's alignment; show them as one space. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

export function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export const SEVERITY_COLOR = { error: '31', warning: '33', info: '36' } as const;

/** The source line of a finding, clipped around it, with a caret line under the span. */
export function excerpt(source: string, lines: LineIndex, finding: Finding, spans: readonly PersonalSpan[], options: TextFormatOptions): string[] {
  const { line } = finding.loc.start;
  const lineStart = lines.lineStart(line);
  let lineEnd = source.length;
  for (let i = lineStart; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineEnd = i;
      break;
    }
  }
  const spanEnd = Math.min(finding.range[1], lineEnd, finding.range[0] + MAX_SPAN);
  const from = Math.max(lineStart, finding.range[0] - CONTEXT_BEFORE);
  const to = Math.min(lineEnd, spanEnd + CONTEXT_AFTER);
  const line0 = source.slice(lineStart, lineEnd);
  const shown = options.showPrivate ? line0 : maskSourceText(line0, lineStart, spans);
  const before = printable(shown.slice(from - lineStart, finding.range[0] - lineStart));
  const span = printable(shown.slice(finding.range[0] - lineStart, spanEnd - lineStart));
  const after = printable(shown.slice(spanEnd - lineStart, to - lineStart));
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const lead = from > lineStart ? '…' : '';
  const trail = to < lineEnd ? '…' : '';
  return [
    `    ${paint(options.color, '2', `${gutter} |`)} ${lead}${before}${paint(options.color, '1', span)}${after}${trail}`,
    `    ${paint(options.color, '2', `${pad} |`)} ${' '.repeat(columns(lead + before))}${paint(options.color, SEVERITY_COLOR[finding.severity], '^'.repeat(Math.max(1, columns(span))))}`,
  ];
}

/** The report for people: findings grouped by file, each as `path:line:column` with its line and a caret under the span. */
export function formatText(results: readonly FileResult[], options: TextFormatOptions): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${paint(options.color, '4', r.path)}`, `  ${paint(options.color, '31', '无法检查')} ${r.error}`, '');
      continue;
    }
    if (r.findings.length === 0) continue;
    const lines = r.source !== undefined ? new LineIndex(r.source) : undefined;
    // Personal values of the whole source, found once per file: masking follows what is personal,
    // not which rules are on.
    const spans = !options.showPrivate && r.source !== undefined ? personalSpans(r.source, r.findings) : [];
    const shownFindings = options.showPrivate ? r.findings : maskFindings(r.findings, { spans, ...(r.source !== undefined ? { source: r.source } : {}) });
    for (const [k, raw] of r.findings.entries()) {
      const f = shownFindings[k]!;
      // path:line:column, which terminals and editors turn into a link to the spot.
      const where = `${r.path}:${f.loc.start.line}:${f.loc.start.column}`;
      const expected = f.expected.length > 0 ? `（建议：${f.expected.slice(0, 3).join(' / ')}）` : '';
      const target = f.target ? ` [${f.target.src}]` : '';
      out.push(`${paint(options.color, '4', where)}  ${paint(options.color, SEVERITY_COLOR[f.severity], f.severity.padEnd(7))} ${f.message}${expected}${target}  ${paint(options.color, '2', f.ruleId)}`);
      if (lines && r.source !== undefined && f.range[1] > f.range[0]) out.push(...excerpt(r.source, lines, raw, spans, options));
    }
    out.push('');
  }
  const s = summarize(results);
  const failed = s.failedFiles > 0 ? `，${s.failedFiles} 个文件无法检查` : '';
  out.push(
    s.findings === 0
      ? paint(options.color, '32', `✓ 检查了 ${s.files} 个文件，未发现问题${failed}`)
      : `✗ 检查了 ${s.files} 个文件，发现 ${s.findings} 个问题（错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}）${failed}`,
  );
  return `${out.join('\n')}\n`;
}
