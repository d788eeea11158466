import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineIndex } from '../../core/positions.js';
import type { AnyRule } from '../../core/rule.js';
import type { Finding, Severity } from '../../types.js';
import { maskFindings, personalSpans } from '../mask.js';
import type { FileResult, Summary } from './json.js';
import { SARIF_SCHEMA, sarifDriver, sarifResult, toUri } from './sarif.js';
import { excerpt, paint, SEVERITY_COLOR, type TextFormatOptions } from './text.js';

/** Where a report goes: `write` may return false when the stream wants a pause (`drain`). */
export interface ReportOutput {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * A report written file by file as results come (in input order): text and JSON go out at once; SARIF
 * lists the rules used before the results, so its results wait in a temporary file until `end`.
 * Nothing of a file is kept once it is written beyond the summary's counts; the documents are byte
 * for byte those of `formatText`, `formatJson` and `formatSarif`.
 */
export interface ReportWriter {
  file(result: FileResult): Promise<void>;
  end(): Promise<void>;
}

async function emit(out: ReportOutput, text: string): Promise<void> {
  if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once?.('drain', resolve));
}

/** The summary's counts, kept as results pass. */
export class SummaryCounter {
  private files = 0;
  private findings = 0;
  private failedFiles = 0;
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly rules = new Map<string, number>();

  add(r: FileResult): void {
    this.files++;
    if (r.error) this.failedFiles++;
    for (const f of r.findings) {
      this.counts[f.severity]++;
      this.rules.set(f.ruleId, (this.rules.get(f.ruleId) ?? 0) + 1);
      this.findings++;
    }
  }

  summary(): Summary {
    const rules = Object.fromEntries([...this.rules].sort(([a], [b]) => (a < b ? -1 : 1)));
    return { files: this.files, findings: this.findings, ...this.counts, rules, failedFiles: this.failedFiles };
  }
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` spaces deep. */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(depth)}`);

/** The `--format json` document, streamed. */
export function jsonWriter(out: ReportOutput, options: { showPrivate: boolean }): ReportWriter {
  const counter = new SummaryCounter();
  let first = true;
  return {
    async file(r) {
      counter.add(r);
      const findings = r.masked ? r.findings : maskFindings(r.findings, { showPrivate: options.showPrivate, ...(r.source !== undefined ? { source: r.source } : {}) });
      const entry = { path: r.path, findings, ...(r.error ? { error: r.error } : {}) };
      await emit(out, `${first ? '{\n  "version": 1,\n  "files": [\n' : ',\n'}    ${nested(entry, 4)}`);
      first = false;
    },
    async end() {
      const head = first ? '{\n  "version": 1,\n  "files": [],\n' : '\n  ],\n';
      await emit(out, `${head}  "summary": ${nested(counter.summary(), 2)}\n}\n`);
    },
  };
}

/** The human report, streamed: each file's findings as it comes, the summary line at the end. */
export function textWriter(out: ReportOutput, options: TextFormatOptions): ReportWriter {
  const counter = new SummaryCounter();
  return {
    async file(r) {
      counter.add(r);
      const lines: string[] = [];
      if (r.error) lines.push(`${paint(options.color, '4', r.path)}`, `  ${paint(options.color, '31', '无法检查')} ${r.error}`, '');
      else if (r.findings.length > 0) {
        const index = r.source !== undefined ? new LineIndex(r.source) : undefined;
        // Personal values of the whole source, found once per file: masking follows what is personal, not which rules are on.
        const spans = !options.showPrivate && r.source !== undefined ? personalSpans(r.source, r.findings) : [];
        const shownFindings = options.showPrivate ? r.findings : maskFindings(r.findings, { spans, ...(r.source !== undefined ? { source: r.source } : {}) });
        for (const [k, raw] of r.findings.entries()) {
          const f = shownFindings[k] as Finding;
          const where = `${r.path}:${f.loc.start.line}:${f.loc.start.column}`;
          const expected = f.expected.length > 0 ? `（建议：${f.expected.slice(0, 3).join(' / ')}）` : '';
          const target = f.target ? ` [${f.target.src}]` : '';
          lines.push(`${paint(options.color, '4', where)}  ${paint(options.color, SEVERITY_COLOR[f.severity], f.severity.padEnd(7))} ${f.message}${expected}${target}  ${paint(options.color, '2', f.ruleId)}`);
          if (index && r.source !== undefined && f.range[1] > f.range[0]) lines.push(...excerpt(r.source, index, raw, spans, options));
        }
        lines.push('');
      }
      if (lines.length > 0) await emit(out, `${lines.join('\n')}\n`);
    },
    async end() {
      const s = counter.summary();
      const failed = s.failedFiles > 0 ? `，${s.failedFiles} 个文件无法检查` : '';
      const line =
        s.findings === 0
          ? paint(options.color, '32', `✓ 检查了 ${s.files} 个文件，未发现问题${failed}`)
          : `✗ 检查了 ${s.files} 个文件，发现 ${s.findings} 个问题（错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}）${failed}`;
      await emit(out, `${line}\n`);
    },
  };
}

/** Marks where a result's rule index goes once the rules used are known (never inside a JSON string: quotes there are escaped). */
const RULE_INDEX = '"ruleIndex": -7777777';

function sarifResults(r: FileResult, index: number, showPrivate: boolean): { ruleId: string; text: string }[] {
  return (r.masked ? r.findings : maskFindings(r.findings, { showPrivate, ...(r.source !== undefined ? { source: r.source } : {}) })).map((f: Finding) => {
    const result = sarifResult(f, r.path, index, -7777777);
    return { ruleId: f.ruleId, text: nested(result, 8) };
  });
}

/**
 * SARIF 2.1.0, streamed to a temporary file and written at `end`: the rules used (and each result's
 * index into them) are known only when every file is in. Memory stays flat; the file is removed.
 */
export function sarifWriter(out: ReportOutput, options: { showPrivate: boolean; version: string; rules: readonly AnyRule[] }): ReportWriter {
  const used = new Set<string>();
  let spool: Promise<{ dir: string; artifacts: FileHandle; results: FileHandle }> | undefined;
  let files = 0;
  let results = 0;
  const open2 = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shenjiao-sarif-'));
    return { dir, artifacts: await open(join(dir, 'artifacts'), 'w'), results: await open(join(dir, 'results'), 'w') };
  };
  /** Reads a spool file back record by record (records end with NUL, which JSON text never holds raw). */
  async function* records(path: string): AsyncGenerator<string> {
    let rest = '';
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (rest + (chunk as string)).split('\u0000');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    if (rest) yield rest;
  }
  return {
    async file(r) {
      spool ??= open2();
      const s = await spool;
      await s.artifacts.write(`${files === 0 ? '' : ',\n'}        ${nested({ location: { uri: toUri(r.path) } }, 8)}`);
      let chunk = '';
      for (const one of sarifResults(r, files, options.showPrivate)) {
        used.add(one.ruleId);
        chunk += `${one.ruleId}\t${one.text}\u0000`;
        results++;
      }
      if (chunk) await s.results.write(chunk);
      files++;
    },
    async end() {
      const ruleIds = [...used].sort();
      const skeleton = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: sarifDriver(ruleIds, options) },
            columnKind: 'utf16CodeUnits',
            artifacts: [],
            results: [],
          },
        ],
      };
      const text = `${JSON.stringify(skeleton, null, 2)}\n`;
      const a = text.indexOf('"artifacts": []');
      const b = text.indexOf('"results": []');
      const s = spool ? await spool : undefined;
      try {
        if (!s) {
          await emit(out, text);
          return;
        }
        await s.artifacts.close();
        await s.results.close();
        await emit(out, `${text.slice(0, a)}"artifacts": [\n`);
        for await (const chunk of createReadStream(join(s.dir, 'artifacts'), { encoding: 'utf8', highWaterMark: 1 << 20 })) await emit(out, chunk as string);
        await emit(out, `\n      ],\n      ${results === 0 ? '"results": [' : '"results": [\n'}`);
        const index = new Map(ruleIds.map((id, i) => [id, i]));
        let n = 0;
        for await (const record of records(join(s.dir, 'results'))) {
          const tab = record.indexOf('\t');
          const body = record.slice(tab + 1).replace(RULE_INDEX, `"ruleIndex": ${index.get(record.slice(0, tab))}`);
          await emit(out, `${n === 0 ? '' : ',\n'}        ${body}`);
          n++;
        }
        await emit(out, `${results === 0 ? ']' : '\n      ]'}${text.slice(b + '"results": []'.length)}`);
      } finally {
        if (s) await rm(s.dir, { recursive: true, force: true });
      }
    },
  };
}
