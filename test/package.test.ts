import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const id = '110101199003074514';

/** The published shape: the built files, loaded by package name (Node's self-reference) as users load them. */
describe('built package', () => {
  beforeAll(() => {
    if (!existsSync(`${root}dist/index.cjs`) || !existsSync(`${root}dist/cli/bin.js`)) execFileSync(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  it('require("shenjiao") and require("shenjiao/node") work from CommonJS', () => {
    const code = `const s = require('shenjiao'); const n = require('shenjiao/node');
      console.log(JSON.stringify([s.createChecker().check('${id}')[0].ruleId, typeof n.createNodeChecker]));`;
    const out = execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['privacy/cn-id-card', 'function']);
  });

  it('import from "shenjiao/node" works from ESM', () => {
    const code = `import { createNodeChecker } from 'shenjiao/node'; const n = await createNodeChecker(); console.log(n.check('${id}').length);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim()).toBe('1');
  });

  it('ships type declarations for both entry points and both module systems', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    for (const entry of ['.', './node']) {
      for (const kind of ['import', 'require']) {
        const types = pkg.exports[entry][kind].types as string;
        expect(existsSync(`${root}${types}`), types).toBe(true);
      }
    }
  });

  it('the bin prints JSON and exits 1 on an ID number, 0 on clean text', () => {
    const bin = `${root}dist/cli/bin.js`;
    const dirty = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '-'], { input: `身份证${id}`, encoding: 'utf8' });
    expect(dirty.status).toBe(1);
    expect(JSON.parse(dirty.stdout).files[0].findings[0].ruleId).toBe('privacy/cn-id-card');
    expect(spawnSync(process.execPath, [bin, 'check', '-'], { input: '通知', encoding: 'utf8' }).status).toBe(0);
  });
});
