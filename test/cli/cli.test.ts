import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { maskValue } from '../../src/cli/mask.js';

const id = '110101199003074514';
const dir = mkdtempSync(join(tmpdir(), 'shenjiao-cli-'));
const dirty = join(dir, 'dirty.txt');
const clean = join(dir, 'clean.txt');
writeFileSync(dirty, `申请人：张三\n身份证号：${id}\n`);
writeFileSync(clean, '关于进一步做好政务公开工作的通知\n各单位：请认真贯彻落实。\n');

function sink(tty = false) {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: tty }, text: () => text };
}

async function run(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('shenjiao check', () => {
  it('prints the JSON contract and exits 1 on an ID number, masking it', async () => {
    const r = await run(['check', '--format', 'json', dirty]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].path).toBe(dirty);
    const [f] = doc.files[0].findings;
    expect(f).toMatchObject({ ruleId: 'privacy/cn-id-card', severity: 'error', range: [12, 30], loc: { start: { line: 2, column: 6 }, end: { line: 2, column: 24 } } });
    expect(f.actual).toBe('110101********4514');
    expect(r.stdout).not.toContain(id);
    expect(doc.summary).toMatchObject({ files: 1, findings: 1, error: 1, warning: 0, info: 0, rules: { 'privacy/cn-id-card': 1 } });
  });

  it('shows private values only with --show-private', async () => {
    const r = await run(['check', '--format', 'json', '--show-private', dirty]);
    expect(JSON.parse(r.stdout).files[0].findings[0].actual).toBe(id);
  });

  it('exits 0 on clean text, and 0 with --fail-on never', async () => {
    expect((await run(['check', clean])).code).toBe(0);
    expect((await run(['check', '--fail-on', 'never', dirty])).code).toBe(0);
  });

  it('exits 2 on a missing file, a bad option or a bad config', async () => {
    const missing = await run(['check', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.txt');
    expect((await run(['check', '--format', 'xml', clean])).code).toBe(2);
    expect((await run(['check', '--bogus', clean])).code).toBe(2);
    expect((await run(['lint', clean])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
    const config = join(dir, 'bad.json');
    writeFileSync(config, '{"rules": {"privacy/no-such": "error"}}');
    expect((await run(['check', '--config', config, clean])).code).toBe(2);
    writeFileSync(config, '{not json');
    expect((await run(['check', '--config', config, clean])).code).toBe(2);
  });

  it('applies --config', async () => {
    const config = join(dir, 'off.json');
    writeFileSync(config, JSON.stringify({ rules: { 'privacy/cn-id-card': 'off' } }));
    expect((await run(['check', '--config', config, dirty])).code).toBe(0);
  });

  it('prints people-readable text with the line and a caret under the span', async () => {
    const r = await run(['check', dirty]);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('privacy/cn-id-card'));
    expect(lines[at]?.startsWith(`${dirty}:2:6  error`)).toBe(true);
    expect(lines[at + 1]).toContain('身份证号：110101********4514');
    // Five wide characters (10 columns) precede the number on its line.
    expect(lines[at + 2]).toMatch(/\| {11}\^{18}$/);
    expect(r.stdout).not.toContain(id);
  });

  it('writes SARIF 2.1.0 with UTF-16 columns', async () => {
    const r = await run(['check', '--format', 'sarif', dirty]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.columnKind).toBe('utf16CodeUnits');
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['privacy/cn-id-card']);
    expect(run0.results[0]).toMatchObject({ ruleId: 'privacy/cn-id-card', level: 'error', ruleIndex: 0 });
    expect(run0.results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 6, charOffset: 12, charLength: 18 });
  });

  it('writes SARIF that validates against the OASIS SARIF 2.1.0 JSON schema', async () => {
    // The schema as published with the SARIF standard (sarif-2.1.0-rtm.5), shipped in @microsoft/jest-sarif;
    // one of its patterns is not valid under the u flag, hence unicodeRegExp: false.
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url)), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
    const fixable = join(mkdtempSync(join(tmpdir(), 'shenjiao-sarif-')), 'fixable.txt');
    writeFileSync(fixable, '我们们要进一步加强管理。\n');
    const r = await run(['check', '--format', 'sarif', examples, dirty, fixable]);
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results as { ruleId: string; fixes?: unknown[] }[];
    // Text, HTML, image and link findings, and at least one with a fix, all go through the schema.
    expect(new Set(results.map((x) => x.ruleId.split('/')[0]))).toEqual(new Set(['privacy', 'typo', 'phrasing', 'image', 'link', 'sensitive']));
    expect(results.some((x) => x.fixes !== undefined)).toBe(true);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The validator does bite: our severity name is not a SARIF level.
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...results[0], level: 'info' }] }] })).toBe(false);
  });

  it('walks folders by extension and reads stdin with -', () => {
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', bin, 'check', '--format', 'json', '-', dir], { input: `身份证${id}`, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['<stdin>', join(dir, 'clean.txt'), join(dir, 'dirty.txt')]);
  });
});

describe('maskValue', () => {
  it('keeps region and last digits of IDs, 3+4 of phones, the first letter of e-mail names', () => {
    expect(maskValue(id, 'privacy/cn-id-card')).toBe('110101********4514');
    expect(maskValue('13812345678')).toBe('138****5678');
    expect(maskValue('wang.jianguo@example.com')).toBe('w***.*******@example.com');
  });
});
