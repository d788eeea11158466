import attestedRaw from '../../../../dictionaries/typo/attested-forms.json';
import cedictIdiomsRaw from '../../../../dictionaries/typo/cedict-idioms.json';
import cedictWordsRaw from '../../../../dictionaries/typo/cedict-words.json';
import idiomsRaw from '../../../../dictionaries/typo/idioms.json';
import shapeSlipsRaw from '../../../../dictionaries/typo/shape-slips.json';
import suspectRaw from '../../../../dictionaries/typo/suspect-words.json';
import { IdiomMatcher, type IdiomTable } from './idioms.js';
import { type CedictWordTable, type ShapeSlipTable, SuspectWords, type SuspectTable } from './suspect-words.js';

export const idiomTable = idiomsRaw as unknown as { meta: { source: string }; entries: IdiomTable };
export const suspectTable = suspectRaw as unknown as { meta: { source: string }; entries: SuspectTable };
export const shapeSlipTable = shapeSlipsRaw as unknown as { meta: { source: string }; entries: ShapeSlipTable };
export const cedictWordTable = cedictWordsRaw as unknown as { meta: { source: string }; entries: CedictWordTable };
/** CC-CEDICT's idioms typo/idioms.json lacks (精益求精, 集思广益, 众志成城), built by scripts/build-cedict-idioms.ts. */
export const cedictIdiomTable = cedictIdiomsRaw as unknown as { meta: { source: string }; entries: IdiomTable & { shape: Readonly<Record<string, string>> } };
/** Where the idiom check's idioms come from: both tables. */
export const idiomSource = `${idiomTable.meta.source}；另收 ${cedictIdiomTable.meta.source}`;

/**
 * Built once per process: the indexes take a few (tens of) milliseconds and depend only on the static
 * built-in tables, never on a checker's config, so checkers cannot see each other's data through them.
 */
let idiomMatcher: IdiomMatcher | undefined;
let suspectWords: SuspectWords | undefined;

/**
 * The idiom near-miss index of typo/idioms.json and typo/cedict-idioms.json together (the second's confusion sets
 * only for characters the first's lack; its published look-alikes, as weak pairs, for both).
 */
export function builtinIdioms(): IdiomMatcher {
  const a = idiomTable.entries;
  const b = cedictIdiomTable.entries;
  idiomMatcher ??= new IdiomMatcher({ idioms: a.idioms + b.idioms, confusion: { ...b.confusion, ...a.confusion }, legit: a.legit + b.legit, weak: b.shape });
  return idiomMatcher;
}

/** The non-word check of typo/suspect-words.json (typo/common-typo's `suspect-word`). */
export function builtinSuspects(): SuspectWords {
  suspectWords ??= new SuspectWords(suspectTable.entries, idiomTable.entries.confusion, {}, shapeSlipTable.entries, cedictWordTable.entries);
  return suspectWords;
}

/**
 * Written forms two or more authoritative documents use (typo/attested-forms.json, built by
 * scripts/build-attested-forms.ts: 勠力同心, 提质): usage, not slips, for both typo rules.
 */
export function attestedForms(): string[] {
  return (attestedRaw as unknown as { entries: { forms: string } }).entries.forms.split(' ').filter(Boolean);
}
