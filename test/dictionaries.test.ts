import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDictionary, parseWordList } from '../src/dictionaries/parse.js';
import { normalize } from '../src/text/normalize.js';

const root = fileURLToPath(new URL('../dictionaries/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(root).filter((p) => p.endsWith('.json') || p.endsWith('.txt'));

/** Reference tables (`entries` is a map, not a list of terms) only need a sourced header. */
function isTermList(raw: { entries?: unknown }): boolean {
  return Array.isArray(raw.entries);
}

describe('dictionaries', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));

  const ids = new Map<string, string>();
  for (const file of files) {
    const name = relative(root, file);
    describe(name, () => {
      const text = readFileSync(file, 'utf8');
      it('parses, with a sourced header and every entry sourced', () => {
        if (file.endsWith('.txt')) {
          const dict = parseWordList(text, name);
          expect(dict.meta.source).not.toBe('');
          return;
        }
        const raw = JSON.parse(text) as { meta?: { source?: string; id?: string }; entries?: unknown };
        expect(raw.meta?.source, 'meta.source').toBeTruthy();
        if (!isTermList(raw)) {
          expect(typeof raw.entries).toBe('object');
          return;
        }
        const dict = parseDictionary(raw, name);
        const sorted = dict.entries.map((e) => e.id);
        expect(sorted, 'entries sorted by id').toEqual([...sorted].sort());
        for (const e of dict.entries) {
          expect(e.source, `${e.id}.source`).not.toBe('');
          const key = `${dict.meta.id}/${e.id}`;
          expect(ids.has(key), `${key} also in ${ids.get(key)}`).toBe(false);
          ids.set(key, name);
        }
      });
      if (file.endsWith('.json')) {
        it('stores patterns already normalised (simplified, NFC, half-width)', () => {
          const raw = JSON.parse(text) as { entries?: unknown };
          if (!isTermList(raw)) return;
          const dict = parseDictionary(raw, name);
          for (const e of dict.entries) {
            for (const p of e.patterns) expect(normalize(p, { case: false }).text, `${e.id}: ${p}`).toBe(p);
          }
        });
      }
    });
  }
});
