import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { completeLock, platformOf } from '../scripts/complete-lock.mjs';

describe('package-lock.json', () => {
  it('lists every optional platform dependency, so `npm ci` accepts it (run scripts/complete-lock.mjs)', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
    expect(completeLock(lock, false)).toEqual([]);
  });

  it('derives platform fields from package names', () => {
    expect(platformOf('@rollup/rollup-linux-arm-musleabihf')).toEqual({ os: ['linux'], cpu: ['arm'], libc: ['musl'] });
    expect(platformOf('@rollup/rollup-win32-x64-msvc')).toEqual({ os: ['win32'], cpu: ['x64'] });
    expect(platformOf('@esbuild/darwin-arm64')).toEqual({ os: ['darwin'], cpu: ['arm64'] });
    expect(platformOf('left-pad')).toBeNull();
  });

  it('adds what is missing', () => {
    const lock = { packages: { 'node_modules/rollup': { version: '4.0.0', dev: true, optionalDependencies: { '@rollup/rollup-darwin-x64': '4.0.0' } } } };
    expect(completeLock(lock, true)).toEqual(['@rollup/rollup-darwin-x64']);
    expect(lock.packages).toHaveProperty(['node_modules/@rollup/rollup-darwin-x64', 'os'], ['darwin']);
    expect(completeLock(lock, false)).toEqual([]);
  });
});
