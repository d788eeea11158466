import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalPage } from '../../../benchmarks/portal.js';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import idioms from '../../../dictionaries/typo/idioms.json';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** One finding of typo/common-typo or typo/confusable-word: where, on which text, what it suggests and how sure. */
export type TypoFinding = [file: string, start: number, end: number, entryId: string, severity: string, expected: string];

/**
 * What typo/common-typo finds, with the real segmenter, on every text, Markdown and HTML file of
 * test/fixtures/ (each as text and, for HTML, as HTML) and on 300 generated portal pages; with `only`,
 * on those inputs alone (the ones a recording was made on, so fixtures added later do not move it).
 */
export async function typoFindings(only?: ReadonlySet<string>): Promise<{ inputs: string[]; findings: TypoFinding[] }> {
  // typo/confusable-word (issue 12) was added to the recording beside typo/common-typo, whose findings it leaves as they were.
  const checker = createChecker({ preset: 'none', rules: { 'typo/common-typo': 'warning', 'typo/confusable-word': 'warning' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  const inputs: [string, string, 'text' | 'html' | 'markdown'][] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        const name = relative(fixtures, p).split('\\').join('/');
        inputs.push([name, text, 'text']);
        if (/\.html?$/.test(e.name)) inputs.push([`${name}#html`, text, 'html']);
        if (e.name.endsWith('.md')) inputs.push([`${name}#md`, text, 'markdown']);
      }
    }
  };
  walk(fixtures);
  for (let i = 0; i < 300; i++) inputs.push([`portal/${i}`, portalPage(i), 'html']);
  // The clean texts with slips put in: every 13th ideograph swapped for one it is confused with.
  const confusion = (idioms as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion;
  for (const [name, text, format] of inputs.filter(([n, , f]) => f === 'text' && n.startsWith('clean/'))) {
    let k = 0;
    const mutated = [...text].map((c) => (confusion[c] && ++k % 13 === 0 ? [...(confusion[c] as string)][k % [...(confusion[c] as string)].length] : c)).join('');
    inputs.push([`mutated/${name}`, mutated, format]);
  }
  const out: TypoFinding[] = [];
  const checked = only ? inputs.filter(([name]) => only.has(name)) : inputs;
  for (const [name, text, format] of checked) {
    const findings = format === 'html' ? checker.checkHtml(text, { date: '2025-01-01' }) : format === 'markdown' ? checker.checkMarkdown(text, { date: '2025-01-01' }) : checker.check(text, { date: '2025-01-01' });
    for (const f of findings) if (f.ruleId === 'typo/common-typo' || f.ruleId === 'typo/confusable-word') out.push([name, f.range[0], f.range[1], f.entryId ?? '', f.severity, f.expected.join('/')]);
  }
  return { inputs: checked.map(([name]) => name), findings: out };
}
