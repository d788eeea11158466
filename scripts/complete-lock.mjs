// The npm registry reachable from CI serves only some platforms' builds of packages such as rollup, so
// `npm install` leaves the other platforms' optional dependencies out of package-lock.json, and `npm ci`
// then refuses the lock as out of sync. This adds a lock entry (with `os`/`cpu`/`libc`, no tarball) for
// every optional dependency that is missing; npm skips them on other platforms and never downloads them.
// Run after any `npm install` that rewrote the lock: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'netbsd', 'sunos', 'aix', 'win32'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];
const KNOWN = { fsevents: { os: ['darwin'] } };

/** Platform fields from a package name such as `@rollup/rollup-linux-arm-musleabihf` or `@esbuild/win32-x64`. */
export function platformOf(name) {
  if (KNOWN[name]) return KNOWN[name];
  const base = name.split('/').pop();
  const m = new RegExp(`(?:^|-)(${OS.join('|')})-(${CPU.join('|')})(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$`).exec(base);
  if (!m) return null;
  const fields = { os: [m[1]], cpu: [m[2]] };
  if (m[3]?.startsWith('musl')) fields.libc = ['musl'];
  else if (m[1] === 'linux' && m[3]?.startsWith('gnu')) fields.libc = ['glibc'];
  return fields;
}

/** Returns the names of optional dependencies missing from the lock, and (with `fix`) adds them. */
export function completeLock(lock, fix) {
  const packages = lock.packages;
  const missing = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const key = `node_modules/${name}`;
      if (packages[key] || packages[`${path}/node_modules/${name}`]) continue;
      const platform = platformOf(name);
      if (!platform) throw new Error(`cannot tell the platform of ${name}; add it to KNOWN in scripts/complete-lock.mjs`);
      missing.push(name);
      if (fix) packages[key] = { version: range.replace(/^[~^]/, ''), ...platform, dev: entry.dev ?? undefined, optional: true };
    }
  }
  if (fix) lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const added = completeLock(lock, true);
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.length} optional platform entries: ${added.join(', ')}` : 'package-lock.json already complete');
}
