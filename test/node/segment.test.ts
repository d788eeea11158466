import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jiebaSegmenter, loadSegmenter } from '../../src/node/segment.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every text, Markdown and HTML file of the corpora. */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(fixtures);
  return out;
}

describe('segmenter start-up', () => {
  it('cuts exactly as nodejieba with its default (full) load does, on every corpus file', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(100);
    // A separate process with nodejieba's own first-call load (IDF and stop-word tables included).
    const code = `const nj = require('nodejieba'); const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(texts.map((t) => nj.cut(t, true))));`;
    const reference = JSON.parse(execFileSync(process.execPath, ['-e', code], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 })) as string[][];
    loadSegmenter();
    const ours = texts.map((t) => jiebaSegmenter(t));
    expect(ours).toEqual(reference);
  }, 180_000);

  it('loadSegmenter is idempotent and the segmenter gives the text back', () => {
    loadSegmenter();
    loadSegmenter();
    const text = '南京市长江大桥正式通车，委员汇和根锯的问题。';
    expect(jiebaSegmenter(text).join('')).toBe(text);
    expect(jiebaSegmenter(text)).toContain('长江大桥');
  });
});

describe('segmenter thread', () => {
  it('cuts exactly as the segmenter in this thread, on every corpus file and line', async () => {
    const { threadSegmenter } = await import('../../src/node/segment.js');
    const threaded = threadSegmenter();
    const texts = corpus();
    const lines = texts.flatMap((t) => t.split('\n'));
    for (const t of [...texts, ...lines, '', '委员汇', '\ud800孤立代理项\udfff𠀀至高点']) expect(threaded(t)).toEqual(jiebaSegmenter(t));
  }, 180_000);
});
