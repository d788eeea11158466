import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the two set-up commands that CI and a new user run', () => {
    const block = /```sh\n([^`]+)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npx shenjiao check examples/ --fail-on never', 'npm ci && npm test']);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
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
