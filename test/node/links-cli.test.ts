import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

// The CLI's --links against a server on 127.0.0.1. Pages link to 127.0.0.1 literally, so no name is
// resolved; --allow-private opens loopback (refused by default, which is tested too).

let server: Server;
let port = 0;
let dir = '';
const seen: string[] = [];
let smallJpeg: Buffer;

function sink(tty = false): { stream: NodeJS.WriteStream & { fd: 1 & 2 }; text: () => string } {
  let text = '';
  return { stream: { isTTY: tty, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream & { fd: 1 & 2 }, text: () => text };
}

beforeAll(async () => {
  smallJpeg = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/img/small.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': smallJpeg.length });
      res.end(req.method === 'HEAD' ? undefined : smallJpeg);
      return;
    }
    if (req.url === '/ok' || req.url === '/site/b.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : `<html><head><title>正常</title></head><body>${'<p>正文</p>'.repeat(40)}</body></html>`);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'shenjiao-links-'));
  mkdirSync(join(dir, 'site', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'site', 'a.html'), `<!DOCTYPE html><html><head><script src="/js/wblj.js"></script></head><body><a href="http://127.0.0.1:${port}/ok">好</a>\n<a href="http://127.0.0.1:${port}/gone">坏</a></body></html>`);
  mkdirSync(join(dir, 'pics'), { recursive: true });
  writeFileSync(join(dir, 'pics', 'p.html'), `<!DOCTYPE html><html><body><p><img src="http://127.0.0.1:${port}/img/gone.jpg" alt="会场"></p><p><img src="http://127.0.0.1:${port}/img/small.jpg" alt="现场"></p></body></html>`);
  writeFileSync(join(dir, 'site', 'sub', 'c.html'), `<!DOCTYPE html><html><head><script src="/js/wblj.js"></script></head><body><a href="../b.html">相对</a> <a href="missing.html">缺失</a></body></html>`);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('shenjiao check --links', () => {
  it('reports dead links grouped by page, with progress on stderr, and resolves relative links from --base-url', async () => {
    const out = sink();
    const err = sink();
    const code = await main(['check', join(dir, 'site'), '--links', '--allow-private', '--base-url', `http://127.0.0.1:${port}/site/`, '--format', 'json'], { stdout: out.stream, stderr: err.stream });
    expect(code).toBe(1);
    const report = JSON.parse(out.text()) as { files: { path: string; findings: { ruleId: string; actual: string; data: { status: string } }[] }[] };
    const dead = report.files.map((f) => [f.path.slice(dir.length + 1), f.findings.filter((x) => x.ruleId === 'link/dead-link').map((x) => [x.actual, x.data.status])]);
    expect(dead).toEqual([
      [join('site', 'a.html'), [[`http://127.0.0.1:${port}/gone`, 'not-found']]],
      [join('site', 'sub', 'c.html'), [['missing.html', 'not-found']]],
    ]);
    expect(seen).toContain('HEAD /site/b.html');
    expect(err.text()).toMatch(/链接检查 .*a\.html：2 个网址，1 处问题/);
  });

  it('text report groups the link findings under their page', async () => {
    const out = sink();
    await main(['check', join(dir, 'site', 'a.html'), '--links', '--allow-private'], { stdout: out.stream, stderr: sink().stream });
    const text = out.text();
    expect(text).toContain(join(dir, 'site', 'a.html'));
    expect(text).toMatch(/error\s+死链：链接返回 HTTP 404/);
    expect(text).toContain('link/dead-link');
  });

  it('refuses loopback without --allow-private, and does nothing without --links', async () => {
    const before = seen.length;
    const out = sink();
    await main(['check', join(dir, 'site', 'a.html'), '--links', '--format', 'json'], { stdout: out.stream, stderr: sink().stream });
    const statuses = (JSON.parse(out.text()) as { files: { findings: { data?: { status?: string } }[] }[] }).files[0]!.findings.map((f) => f.data?.status);
    expect(statuses).toEqual(['unsafe', 'unsafe']);
    const quiet = sink();
    await main(['check', join(dir, 'site', 'a.html'), '--format', 'json'], { stdout: quiet.stream, stderr: sink().stream });
    expect(seen.length).toBe(before);
  });

  it('fetches a page\'s remote images only with --links, and reports one that does not load once', async () => {
    const page = join(dir, 'pics', 'p.html');
    const ids = async (...flags: string[]) => {
      const out = sink();
      await main(['check', page, '--format', 'json', ...flags], { stdout: out.stream, stderr: sink().stream });
      return (JSON.parse(out.text()) as { files: { findings: { ruleId: string; target?: { src: string } }[] }[] }).files[0]!.findings.map((f) => `${f.ruleId} ${f.target?.src ?? ''}`);
    };
    expect(await ids()).toEqual([]);
    expect(seen.filter((r) => r.includes('/img/'))).toEqual([]);
    // The missing one is fetched as an image and as a link and reported once, as the dead link; the
    // small one is judged as an image (160×120 px).
    expect(await ids('--links', '--allow-private')).toEqual([`link/dead-link http://127.0.0.1:${port}/img/gone.jpg`, `image/low-resolution http://127.0.0.1:${port}/img/small.jpg`]);
    expect(seen).toContain('GET /img/gone.jpg');
  });

  it('rejects a bad --base-url as a usage error', async () => {
    const err = sink();
    expect(await main(['check', join(dir, 'site'), '--links', '--base-url', 'not a url'], { stdout: sink().stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toContain('--base-url');
  });
  it('gives the same report on worker threads, where this thread checks links only, with the config\'s dead-link severity and allow-list', async () => {
    const config = join(dir, 'links-config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'link/dead-link': 'warning' }, allow: ['missing.html'] }));
    const run = async (jobs: string) => {
      const out = sink();
      const code = await main(['check', join(dir, 'site'), '--links', '--allow-private', '--jobs', jobs, '--config', config, '--format', 'json'], { stdout: out.stream, stderr: sink().stream });
      return { code, report: JSON.parse(out.text()) as { files: { findings: { ruleId: string; severity: string; actual: string }[] }[] } };
    };
    const one = await run('1');
    const two = await run('2');
    expect(two).toEqual(one);
    const dead = one.report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'link/dead-link').map((x) => [x.actual, x.severity]));
    expect(dead).toEqual([[`http://127.0.0.1:${port}/gone`, 'warning']]);
  }, 120_000);
});
