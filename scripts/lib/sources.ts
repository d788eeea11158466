/**
 * How the build scripts that read scripts/lexicon/sources/ (build-lexicon.ts, build-series.ts) weigh and order its
 * documents, by their file names.
 */

/**
 * The document family: the State Council's annual government work reports are one drafter's series that repeats its
 * own phrases year after year ("请予审议", a year's slogan), so the scripts count them as one document together.
 */
export function familyOf(id: string): string {
  return id.startsWith('state-council-work-report-') ? 'state-council-work-report' : id;
}

/** National documents first (Party, then state law, then the State Council's reports): a term's first source is the most authoritative one that has it. */
export function rank(id: string): number {
  return id.startsWith('cpc-') ? 0 : id.startsWith('prc-') ? 1 : id.startsWith('state-council-') ? 2 : 3;
}
