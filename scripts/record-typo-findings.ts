/**
 * Records what typo/common-typo finds on the corpora (every text, Markdown and HTML file under
 * test/fixtures/, and 300 generated portal pages) into test/fixtures/typo-findings.json, which
 * test/rules/typo/same-findings.test.ts compares against: optimisations of the typo rule must find
 * exactly the same. Re-record only when a change of findings is meant: `npx tsx scripts/record-typo-findings.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typoFindings } from '../test/rules/typo/typo-corpus.js';

const out = fileURLToPath(new URL('../test/fixtures/typo-findings.json', import.meta.url));
const { inputs, findings } = await typoFindings();
writeFileSync(out, `{"inputs":${JSON.stringify(inputs)},\n"findings":[\n${findings.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
console.log(`${findings.length} findings on ${inputs.length} inputs → ${out}`);
