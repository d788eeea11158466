import type { ExpectedFinding } from '../../helpers/rule-tester.js';

/** The expected finding on the `nth` occurrence of `actual` in `code` (ranges computed, not hard-coded). */
export function at(code: string, actual: string, rest: Omit<ExpectedFinding, 'range' | 'actual'> = {}, nth = 0): ExpectedFinding {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = code.indexOf(actual, i + 1);
  if (i === -1) throw new Error(`"${actual}" not in "${code}"`);
  return { range: [i, i + actual.length], actual, ...rest };
}
