import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as typeof process.stdout & typeof process.stderr, text: () => text };
}

describe('--config with sensitive lists in files', () => {
  it('reads a one-word-a-line .txt list and a .json list relative to the config file', async () => {
    writeFileSync(join(dir, 'local.txt'), '# id: local\n# title: 本地词表\n# source: 某市网信办 2024\n# retrieved: 2024-05-01\n测试词甲\n测试词乙\n');
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ meta: { id: 'extra' }, entries: [{ id: 'x', patterns: ['测试词丙'], expected: ['词丁'], source: '本单位规范' }] }));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ preset: 'none', rules: { 'sensitive/local': 'error', 'sensitive/extra': 'warning' }, dictionaries: { sensitive: { local: 'local.txt', extra: 'extra.json' } } }));
    writeFileSync(join(dir, 'input.txt'), '测试词乙和测试词丙');
    const out = sink();
    const err = sink();
    const code = await main(['check', '--format', 'json', '--config', join(dir, 'config.json'), join(dir, 'input.txt')], { stdout: out.stream, stderr: err.stream });
    expect(err.text()).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(out.text()) as { files: { findings: { ruleId: string; actual: string; source: string }[] }[] };
    expect(report.files[0]?.findings.map((f) => [f.ruleId, f.actual, f.source])).toEqual([
      ['sensitive/local', '测试词乙', '某市网信办 2024'],
      ['sensitive/extra', '测试词丙', '本单位规范'],
    ]);
  });

  it('reads 100k-word lists as a one-word-a-line .txt file and as a .json entries file', async () => {
    // Distinct three-character words of CJK Extension A, which no official text contains.
    const word = (i: number) => `${String.fromCharCode(0x3400 + (i % 5000))}${String.fromCharCode(0x3400 + Math.floor(i / 5000))}词`;
    const words = Array.from({ length: 100_000 }, (_, i) => word(i));
    writeFileSync(join(dir, 'big.txt'), `# id: big\n# title: 大词表\n# source: 测试生成\n# retrieved: 2026-11-24\n${words.join('\n')}\n`);
    const entries = words.map((w, i) => ({ id: `w${i}`, patterns: [w], expected: [], source: '测试生成' }));
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ meta: { id: 'bigjson', title: '大词表', source: '测试生成', retrieved: '2026-11-24' }, entries }));
    writeFileSync(join(dir, 'big-config.json'), JSON.stringify({ preset: 'none', rules: { 'sensitive/big': 'error', 'sensitive/bigjson': 'warning' }, dictionaries: { sensitive: { big: 'big.txt', bigjson: 'big.json' } } }));
    writeFileSync(join(dir, 'big-input.txt'), `开头${words[0]}，中间${words[54_321]}，结尾${words[99_999]}`);
    const out = sink();
    const err = sink();
    const code = await main(['check', '--format', 'json', '--config', join(dir, 'big-config.json'), join(dir, 'big-input.txt')], { stdout: out.stream, stderr: err.stream });
    expect(err.text()).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(out.text()) as { files: { findings: { ruleId: string; actual: string; entryId: string }[] }[] };
    const found = report.files[0]?.findings.map((f) => `${f.ruleId} ${f.actual} ${f.entryId}`);
    expect(found).toEqual([
      `sensitive/big ${words[0]} big-1`,
      `sensitive/bigjson ${words[0]} w0`,
      `sensitive/big ${words[54_321]} big-54322`,
      `sensitive/bigjson ${words[54_321]} w54321`,
      `sensitive/big ${words[99_999]} big-100000`,
      `sensitive/bigjson ${words[99_999]} w99999`,
    ]);
  }, 60_000);

  it('exits 2 with a message when a list file is missing', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ dictionaries: { sensitive: { gone: 'missing.txt' } } }));
    writeFileSync(join(dir, 'input.txt'), '正文');
    const out = sink();
    const err = sink();
    expect(await main(['check', '--config', join(dir, 'bad.json'), join(dir, 'input.txt')], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toContain('missing.txt');
  });
});
