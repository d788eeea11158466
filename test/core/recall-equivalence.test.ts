import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portalPage } from '../../benchmarks/portal.js';
import { createChecker } from '../../src/checker.js';
import { jiebaSegmenter } from '../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../src/node/words.js';
import type { Checker } from '../../src/core/checker.js';

// A checker keeps what it derives from a text that comes back on a later page (cuts, folds, pattern hits, the
// typo and near-miss rules' slips: TextRecall). Findings must be those of a checker that keeps nothing, on
// every page, whatever came before it.

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Input {
  readonly name: string;
  readonly kind: 'html' | 'text';
  readonly source: string;
}

function inputs(): Input[] {
  const out: Input[] = [];
  // Portal pages drawing whole paragraphs from one pool (they repeat one another's text), and with articles made afresh.
  for (let i = 0; i < 30; i++) out.push({ name: `portal ${i}`, kind: 'html', source: portalPage(i) });
  for (let i = 0; i < 10; i++) out.push({ name: `portal, unique ${i}`, kind: 'html', source: portalPage(i, undefined, true) });
  for (const f of readdirSync(join(fixtures, 'pages')).sort()) if (f.endsWith('.html')) out.push({ name: `pages/${f}`, kind: 'html', source: readFileSync(join(fixtures, 'pages', f), 'utf8') });
  for (const f of readdirSync(join(fixtures, 'clean')).sort()) out.push({ name: `clean/${f}`, kind: 'text', source: readFileSync(join(fixtures, 'clean', f), 'utf8') });
  // Error passages, each line a text of its own: slips of every rule, in texts that come back.
  const errors = JSON.parse(readFileSync(join(fixtures, 'phrasing-errors', 'heldout.json'), 'utf8')) as { passages: { text: string }[] };
  for (const [k, c] of errors.passages.entries()) out.push({ name: `heldout ${k}`, kind: 'text', source: c.text });
  return out;
}

const check = (checker: Checker, input: Input) => (input.kind === 'html' ? checker.checkHtml(input.source, { date: '2024-06-01' }) : checker.check(input.source, { date: '2024-06-01' }));

describe('what a checker keeps across checks changes no finding', () => {
  it('on portal pages, fixture pages, the clean corpus and error passages, checked three times over in turn', () => {
    const words = jiebaWordFrequencies();
    let cuts = 0;
    const counting = (text: string) => {
      cuts++;
      return jiebaSegmenter(text);
    };
    const keeping = createChecker({ preset: 'all' }, { segmenter: counting, words });
    const forgetful = createChecker({ preset: 'all' }, { segmenter: jiebaSegmenter, words, recallChars: 0 });
    const all = inputs();
    expect(all.length).toBeGreaterThan(150);
    const cutsByPass: number[] = [];
    let findings = 0;
    for (let pass = 0; pass < 3; pass++) {
      const before = cuts;
      for (const input of all) {
        const kept = check(keeping, input);
        expect(kept, input.name).toEqual(check(forgetful, input));
        findings += kept.length;
      }
      cutsByPass.push(cuts - before);
    }
    expect(findings).toBeGreaterThan(300);
    // The first pass cuts what it sees; the second cuts again the texts that came back (and keeps them); the
    // third reads them back and cuts only texts too short or too long to keep.
    expect(cutsByPass[1]).toBeLessThan(cutsByPass[0]!);
    expect(cutsByPass[2]).toBeLessThan(cutsByPass[1]! / 4);
  });
});
