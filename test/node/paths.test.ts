import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createNodeChecker, summarize, type PathResult } from '../../src/node/index.js';
import type { Config } from '../../src/types.js';

// checkPaths: the orchestration the CLI used to hold (folders, site roots, page URLs, links), as a
// library API the CLI only calls.

let dir: string;
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const config: Config = { rules: { 'link/external-no-notice': 'warning' } };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenjiao-paths-'));
  mkdirSync(join(dir, 'site', 'news'), { recursive: true });
  // A link to the site's own host: external only when the page's URL is unknown.
  writeFileSync(join(dir, 'site', 'index.html'), page('<a href="http://www.example.com/news/a.html">要闻</a>'));
  writeFileSync(join(dir, 'site', 'news', 'a.html'), page('<a href="http://www.example.com/">首页</a>'));
  writeFileSync(join(dir, 'b.txt'), '再接再励');
  writeFileSync(join(dir, 'a.md'), '# 标题\n\n再接再励');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(results: AsyncIterable<PathResult>): Promise<PathResult[]> {
  const out: PathResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

describe('checkPaths', () => {
  it('yields one result per file in input order, folders in name order, text inputs where given', async () => {
    const node = await createNodeChecker(config);
    const results = await collect(node.checkPaths([join(dir, 'b.txt'), { path: '<stdin>', text: '再接再励', format: 'text' }, join(dir, 'site'), join(dir, 'a.md')], { concurrency: 3 }));
    expect(results.map((r) => r.path)).toEqual([join(dir, 'b.txt'), '<stdin>', join(dir, 'site', 'index.html'), join(dir, 'site', 'news', 'a.html'), join(dir, 'a.md')]);
    expect(results.map((r) => r.findings.map((f) => f.ruleId))).toEqual([['typo/common-typo'], ['typo/common-typo'], ['link/external-no-notice'], ['link/external-no-notice'], ['typo/common-typo']]);
    expect(summarize(results)).toMatchObject({ files: 5, findings: 5, warning: 5, failedFiles: 0 });
  });
  it('checks each page with its own URL, derived from baseUrl, as CheckOptions.url', async () => {
    const node = await createNodeChecker(config);
    const results = await collect(node.checkPaths([join(dir, 'site')], { baseUrl: 'http://www.example.com/' }));
    expect(results.map((r) => [r.url, r.findings.length])).toEqual([
      ['http://www.example.com/index.html', 0],
      ['http://www.example.com/news/a.html', 0],
    ]);
  });
  it('refuses a path that does not exist before checking anything', async () => {
    const node = await createNodeChecker();
    await expect(collect(node.checkPaths([join(dir, 'b.txt'), join(dir, 'nope')]))).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('the CLI passes each page URL to the checks', () => {
  it('--base-url makes links to the site itself internal on every page of a folder', async () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const run = async (...args: string[]) => {
      let out = '';
      const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } };
      await main(['check', '--format', 'json', '--config', join(dir, 'config.json'), ...args, join(dir, 'site')], io);
      return (JSON.parse(out) as { summary: { findings: number } }).summary.findings;
    };
    expect(await run()).toBe(2);
    expect(await run('--base-url', 'http://www.example.com/')).toBe(0);
  });
});
