import { readdirSync, readFileSync } from 'node:fs';

/** One text an equivalence test runs through the code it pins down. */
export interface Input {
  readonly id: string;
  readonly text: string;
  readonly format: 'text' | 'html';
}

const fixtures = new URL('../fixtures/', import.meta.url);

/**
 * The error and clean passage files of test/fixtures/phrasing-errors as of the records of the near-miss
 * and fuzzy matchers (2026-12-07): a record pins the inputs it was made from, so files added later are
 * not replayed against it.
 */
export const RECORDED_PASSAGE_FILES = [
  'facts-own-clean.json',
  'facts-own.json',
  'formulas-leaders-fresh.json',
  'formulas-leaders.json',
  'heldout.json',
  'nearmiss-own.json',
  'passages.json',
  'reported.json',
  'typos-own.json',
] as const;

/**
 * The corpora equivalence tests replay (the same list in the same order for every record): the clean
 * texts of test/fixtures/clean and clean-sensitive, the HTML pages of test/fixtures/pages, and every
 * `text` of every list in the given files of test/fixtures/phrasing-errors (error passages and clean
 * twins alike).
 */
export function corpusInputs(passageFiles: readonly string[] = RECORDED_PASSAGE_FILES): Input[] {
  const out: Input[] = [];
  for (const sub of ['clean', 'clean-sensitive', 'pages']) {
    const dir = new URL(`${sub}/`, fixtures);
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|html)$/.test(f)) continue;
      out.push({ id: `${sub}/${f}`, text: readFileSync(new URL(f, dir), 'utf8'), format: f.endsWith('.html') ? 'html' : 'text' });
    }
  }
  const errors = new URL('phrasing-errors/', fixtures);
  for (const f of [...passageFiles].sort()) {
    const data = JSON.parse(readFileSync(new URL(f, errors), 'utf8')) as Record<string, unknown>;
    for (const [key, list] of Object.entries(data)) {
      if (!Array.isArray(list)) continue;
      list.forEach((p: { text?: unknown }, i) => {
        if (typeof p?.text === 'string') out.push({ id: `phrasing-errors/${f}#${key}/${i}`, text: p.text, format: 'text' });
      });
    }
  }
  return out;
}
