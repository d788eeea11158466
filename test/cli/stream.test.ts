import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson, type FileResult } from '../../src/cli/format/json.js';
import { formatSarif } from '../../src/cli/format/sarif.js';
import { jsonWriter, sarifWriter, textWriter, type ReportWriter } from '../../src/cli/format/stream.js';
import { formatText } from '../../src/cli/format/text.js';
import { main } from '../../src/cli/main.js';
import { maskFindings } from '../../src/mask-findings.js';
import { createNodeChecker } from '../../src/node/index.js';
import { checkPage } from '../../src/node/page.js';
import { builtinRules } from '../../src/rules/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function sink() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false }, text: () => text };
}

async function streamed(make: (out: { write(s: string): boolean }) => ReportWriter, results: readonly FileResult[]): Promise<string> {
  const out = sink();
  const writer = make(out.stream);
  for (const r of results) await writer.file(r);
  await writer.end();
  return out.text();
}

describe('streamed reports are the documents the whole-run formatters give', () => {
  const results: FileResult[] = [];
  beforeAll(async () => {
    const node = await createNodeChecker();
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-stream-'));
    const extra = join(dir, 'typos.txt');
    writeFileSync(extra, '要再接再励，安排布署。\n身份证号110101199003074514\n委员汇召开会议。');
    const paths = [extra, join(dir, 'missing.html'), join(fixtures, 'phrasing-errors'), join(fixtures, 'pages'), join(fixtures, 'clean')];
    const { readdirSync, statSync } = await import('node:fs');
    for (const p of paths) {
      const files = statSync(p, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p];
      for (const path of files) results.push(await checkPage(node, { path, keepSource: true }));
    }
    expect(results.some((r) => r.error)).toBe(true);
    expect(results.some((r) => r.findings.some((f) => f.fix))).toBe(true);
  }, 120_000);

  for (const showPrivate of [false, true]) {
    it(`JSON, SARIF and text (showPrivate ${showPrivate}), byte for byte, and for no files at all`, async () => {
      for (const set of [results, [], results.slice(0, 1), results.filter((r) => r.findings.length === 0)]) {
        expect(await streamed((o) => jsonWriter(o, { showPrivate }), set)).toBe(formatJson(set, { showPrivate }));
        const sarif = { showPrivate, version: '9.9.9', rules: builtinRules };
        expect(await streamed((o) => sarifWriter(o, sarif), set)).toBe(formatSarif(set, sarif));
        for (const color of [false, true]) expect(await streamed((o) => textWriter(o, { color, showPrivate }), set)).toBe(formatText(set, { color, showPrivate }));
      }
    }, 60_000);
  }
});

describe('shenjiao check on worker threads', () => {
  it('prints the same JSON, SARIF and text with --jobs 2 as in one thread', async () => {
    const folder = join(fixtures, 'pages');
    for (const format of ['json', 'sarif', 'text']) {
      const one = sink();
      const two = sink();
      const a = await main(['check', '--format', format, '--jobs', '1', '--fail-on', 'warning', folder], { stdout: one.stream, stderr: sink().stream });
      const b = await main(['check', '--format', format, '--jobs', '2', '--fail-on', 'warning', folder], { stdout: two.stream, stderr: sink().stream });
      expect(b).toBe(a);
      expect(two.text()).toBe(one.text());
      expect(one.text().length).toBeGreaterThan(1000);
    }
  }, 180_000);

  it('masks personal data on the workers for JSON and SARIF (no text sent back) exactly as one thread does after the fact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-mask-jobs-'));
    // A citizen's message published with an ID number and a mobile number, a typo beside the number, a page without findings.
    writeFileSync(join(dir, 'a.html'), '<html><body><p>留言人：张某，身份证号110101199003074514，电话13812345678。要再接再励，安排布署。</p></body></html>');
    writeFileSync(join(dir, 'b.txt'), '联系电话13912345678，委员汇召开会议，身份证110101199003074514。');
    writeFileSync(join(dir, 'c.txt'), '会议强调，要坚持稳中求进工作总基调。');
    for (const format of ['json', 'sarif']) {
      const one = sink();
      const two = sink();
      await main(['check', '--format', format, '--jobs', '1', '--fail-on', 'never', dir], { stdout: one.stream, stderr: sink().stream });
      await main(['check', '--format', format, '--jobs', '2', '--fail-on', 'never', dir], { stdout: two.stream, stderr: sink().stream });
      expect(two.text()).toBe(one.text());
      // What the run found (SARIF's rule descriptions carry their own made-up examples).
      const doc = JSON.parse(one.text()) as { files?: unknown; runs?: { results: unknown }[] };
      const found = JSON.stringify(format === 'json' ? doc.files : doc.runs?.[0]?.results);
      expect(found).toMatch(/privacy\/cn-id-card/);
      expect(found).not.toMatch(/110101199003074514|13812345678|13912345678/);
    }
  }, 180_000);

  it('checkPage with `mask` gives the masked findings and no text; without it, the findings and the text', async () => {
    const node = await createNodeChecker();
    const text = '留言：身份证号110101199003074514，手机13812345678，要再接再励。';
    const plain = await checkPage(node, { text, keepSource: true });
    const masked = await checkPage(node, { text, mask: true });
    expect(plain.source).toBe(text);
    expect(plain.masked).toBeUndefined();
    expect(masked.source).toBeUndefined();
    expect(masked.masked).toBe(true);
    expect(masked.findings).toEqual(maskFindings(plain.findings, { source: text }));
    expect(masked.findings.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(masked.findings)).not.toMatch(/110101199003074514|13812345678/);
    expect(JSON.stringify(plain.findings)).toMatch(/110101199003074514/);
  });

  it('refuses a bad --jobs and reports a bad config from the workers before any output', async () => {
    const out = sink();
    const err = sink();
    expect(await main(['check', '--jobs', 'x', fixtures], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toMatch(/--jobs/);
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-jobs-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'no/such-rule': 'error' } }));
    const out2 = sink();
    const err2 = sink();
    expect(await main(['check', '--jobs', '2', '--config', config, join(fixtures, 'clean')], { stdout: out2.stream, stderr: err2.stream })).toBe(2);
    expect(out2.text()).toBe('');
    expect(err2.text()).toMatch(/no\/such-rule/);
  }, 120_000);
});
