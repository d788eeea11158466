import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createNodeChecker } from '../../src/node/index.js';

const ID = '11010519491231002X';
const fixtures = fileURLToPath(new URL('../fixtures/attachments/', import.meta.url));

function sink() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false }, text: () => text };
}

async function run(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('shenjiao check on attachments', () => {
  it.each(['id-notice.pdf', 'id-notice.docx', 'id-notice.doc', 'id-list.xlsx', 'id-list.xls', 'id-notice-wps-export.wps'])('finds the published ID number in %s, masked', async (name) => {
    const r = await run(['check', '--format', 'json', '--date', '2025-06-20', join(fixtures, name)]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const ids = doc.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'privacy/cn-id-card');
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids[0].actual).toBe('110105********002X');
    expect(r.stdout).not.toContain(ID);
  });

  it('shows the extracted line in the text report, masked', async () => {
    const r = await run(['check', '--date', '2025-06-20', join(fixtures, 'id-notice.docx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('110105********002X');
    expect(r.stdout).not.toContain(ID);
  });

  it('walks attachments in a folder and reports an unreadable one as a file error, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shenjiao-attach-'));
    copyFileSync(join(fixtures, 'id-notice.pdf'), join(dir, 'notice.pdf'));
    copyFileSync(join(fixtures, 'encrypted.pdf'), join(dir, 'secret.pdf'));
    writeFileSync(join(dir, 'fake.docx'), 'not a word file');
    const r = await run(['check', '--format', 'json', '--date', '2025-06-20', dir]);
    const doc = JSON.parse(r.stdout);
    const byName = Object.fromEntries(doc.files.map((f: { path: string }) => [f.path.slice(dir.length + 1), f]));
    expect(Object.keys(byName).sort()).toEqual(['fake.docx', 'notice.pdf', 'secret.pdf']);
    expect(byName['notice.pdf'].findings.some((f: { ruleId: string }) => f.ruleId === 'privacy/cn-id-card')).toBe(true);
    expect(byName['secret.pdf'].error).toMatch(/加密/);
    expect(byName['fake.docx'].error).toMatch(/不是有效的 DOCX/);
    // Files that could not be checked make it an input error (exit 2), as for any unreadable file.
    expect(r.code).toBe(2);
  });

  it('checkFile reads attachments by extension', async () => {
    const node = await createNodeChecker();
    const findings = await node.checkFile(join(fixtures, 'id-list.xls'), { date: '2025-06-20' });
    // The valid ID number; the other row's number fails its checksum and has no 身份证 label on its line.
    expect(findings.filter((f) => f.ruleId === 'privacy/cn-id-card').map((f) => f.actual)).toEqual([ID]);
    const mobiles = findings.filter((f) => f.ruleId === 'privacy/cn-mobile');
    expect(mobiles.map((f) => f.actual).sort()).toEqual(['13812345678', '13912345678']);
  });
});
