import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The import direction (kernel ← rules ← adapters ← CLI; nothing reaches up), and the README's
// "where things are" table naming every folder of src/ that exists, and none that does not.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/**
 * Layers, lowest first. A file may import from its own layer and those below, never from above.
 * Within the base, the generic code (text, HTML, documents) knows nothing of the domain knowledge or
 * of facts, and the kernel knows no rule: it is handed them.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'errors.ts'],
  ['text/', 'dictionaries/'],
  ['html/', 'document/', 'knowledge/'],
  ['facts/'],
  ['core/'],
  ['rules/'],
  ['index.ts', 'checker.ts', 'redact.ts', 'mask-findings.ts'],
  ['report/'],
  ['node/'],
  ['inspect/'],
  ['cli/'],
];

function layerOf(file: string): number {
  const rel = relative(src, file).split('\\').join('/');
  const i = LAYERS.findIndex((layer) => layer.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)));
  if (i === -1) throw new Error(`src/${rel} is in no layer: add its folder to LAYERS and to the README table`);
  return i;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers a file imports or re-exports, types included. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('import direction', () => {
  const files = sources(src);
  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));
  it('nothing imports from a layer above its own', () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = layerOf(file);
      for (const spec of imports(file)) {
        const target = normalize(join(dirname(file), spec));
        if (!target.startsWith(src)) continue; // dictionaries/*.json and package.json are data
        const theirs = layerOf(target.replace(/\.js$/, '.ts'));
        if (theirs > own) violations.push(`${relative(root, file)} (${LAYERS[own]!.join(' ')}) imports ${spec} (${LAYERS[theirs]!.join(' ')})`);
      }
    }
    expect(violations).toEqual([]);
  });
  it('the kernel imports no rule', () => {
    for (const file of files.filter((f) => layerOf(f) === 4)) expect(imports(file).filter((s) => s.includes('rules/')), relative(root, file)).toEqual([]);
  });
});

describe("README's table of where things are", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('Where things are:'), readme.indexOf('## Compatibility'));
  const named = new Set([...table.matchAll(/`(src\/[a-z-]+\/)/g)].map((m) => m[1]!));
  const folders = readdirSync(src).filter((n) => statSync(join(src, n)).isDirectory()).map((n) => `src/${n}/`);
  it('names every folder of src/', () => expect(folders.filter((f) => !named.has(f))).toEqual([]));
  it('names no folder that does not exist', () => expect([...named].filter((f) => !folders.includes(f))).toEqual([]));
  it('puts every folder of src/ in a layer', () => {
    for (const f of folders) expect(() => layerOf(join(root, f, 'x.ts')), f).not.toThrow();
  });
});
