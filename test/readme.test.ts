import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/index.js';
import { trsSite } from './fixtures/sites/trs.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the two set-up commands that CI and a new user run', () => {
    const block = /```sh\n([^`]+)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual([
      'npm ci && npx shenjiao inspect examples/site --base-url https://www.example.gov.cn/ --date 2026-06-30 --format html --out report.html --fail-on never',
      'npm ci && npm test',
    ]);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
  });

  it('bundles the example site its first command inspects, as scripts/make-example-site.ts writes it', () => {
    const files = Object.entries(trsSite()).filter(([p, r]) => p !== '/' && typeof r === 'string');
    expect(files.length).toBeGreaterThan(20);
    for (const [p, r] of files) {
      const file = new URL(`../examples/site${p.endsWith('/') ? `${p}index.html` : p}`, import.meta.url);
      expect(readFileSync(file, 'utf8'), p).toBe(r);
    }
  });

  it('shows in Use exactly what check() returns for its example', () => {
    const use = readme.slice(readme.indexOf('## Use'));
    const call = /checker\.check\('([^']+)', \{ date: '([\d-]+)' \}\)/.exec(use);
    expect(call).not.toBeNull();
    const [, text, date] = call as RegExpExecArray;
    const shown = JSON.parse(/yields\n\n```json\n([^`]+)```/.exec(use)?.[1] ?? 'null');
    const actual = createChecker().check(JSON.parse(`"${text}"`), { date });
    expect(JSON.parse(JSON.stringify(actual))).toEqual(shown);
  });
});
