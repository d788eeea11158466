/**
 * Builds dictionaries/phrasing/lexicon.json: the fixed political terms and formulas of official documents,
 * each with the documents it was found in, for the lexicon-wide near-miss detector (phrasing/term-near-miss).
 *
 * Inputs (all in the repository, so the build is offline and reproducible):
 *  - scripts/lexicon/sources/*.txt: full texts of official documents, named in sources.json and README.md
 *    there (the 19th and 20th Party Congress reports, the Party Constitution, the PRC Constitution, the State
 *    Council's government work reports of 2013–2018, 2020 and 2024–2026, the 31 provincial government work
 *    reports of 2026);
 *  - the canonical forms of dictionaries/phrasing/protected-terms.json and the protected names of
 *    institutions.json (official lists, each entry with its own source);
 *  - jieba's dictionary as shipped with nodejieba (fxsjy/jieba, MIT), for word boundaries, parts of speech
 *    and for the dictionary words that sit one character away from a term (those are right as written).
 *
 * What counts as a term (counted over distinct documents, "df"; the State Council's yearly reports count as one
 * document together, see `family`):
 *  1. word n-grams: one to eight consecutive jieba words of 4–16 ideographs inside a clause (a figure breaks
 *     a run), found in at least MIN_DF documents (three-character ones in MIN_DF_3), opening with a noun-like
 *     word and closing with no particle, preposition, adverb, pronoun or numeral (parts of speech from jieba),
 *     with no local word (我省, 全市 …), and no fragment of a longer phrase: no one neighbouring word (a
 *     conjunction or particle aside) or figure takes FRAGMENT of its occurrences on either side;
 *  2. quoted formulas: ideograph runs of 3–16 characters written between “ and ” in at least two documents
 *     (两个确立, 放管服, 一带一路 — official texts quote their fixed formulas);
 *  3. numbered and structural formulas: n-grams passing the tests of 1 but found in only two or more documents,
 *     when they open with a count word (两个, 四个 …) or end in a formula word (建设, 制度, 体系, 战略, 理念 …);
 *  4. the official lists named above.
 * For every term, the strings of its length one character away from it that are jieba dictionary words or
 * occur in the sources, and whose different character is linked to the term's by sound or shape (what the
 * detector would take for a slip), are recorded as `legit`: written that way they are another word.
 *
 * Usage: npx tsx scripts/build-lexicon.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nodejieba from 'nodejieba';
import { allLookalikes } from '../src/knowledge/lookalikes.js';
import { likeness } from '../src/text/near-miss.js';
import { familyOf, rank } from './lib/sources.js';

const root = new URL('../', import.meta.url);
const sourcesDir = new URL('scripts/lexicon/sources/', root);
const MIN_DF = 5;
/** Three-character n-grams (新时代, 获得感) must be much more widespread. */
const MIN_DF_3 = 15;
/** Share of occurrences that one neighbouring word (or a figure) may take before the n-gram counts as a fragment of a longer phrase. */
const FRAGMENT = 0.8;
const MIN_LEN = 4;
const MAX_LEN = 16;
const MAX_WORDS = 8;

const HAN = /^[\u4e00-\u9fff]+$/;
/** Parts of speech a term may open with: nouns of every kind, nominal verbs, adjectives, idioms, abbreviations. */
const OPEN = /^(n[a-z]*|vn|an?|l|i|j|b|s|nz|x)$/;
/** Parts of speech a term may not close with: particles, prepositions, conjunctions, adverbs, pronouns, numerals, measure words, localisers, modal particles. */
const NO_CLOSE = /^(u[a-z]*|p|c|d|r[a-z]*|m|q|f|y|e|o|t)$/;
/** Words that make a phrase local or rhetorical, never part of a national term. */
const LOCAL = /^(我们|我|全省|全市|全区|全县|全州|我省|我市|我区|本市|本省|今年|去年|明年|全年|五年|各地|各级|省委|省政府|市委|市政府|自治区|全自治区)$/;
const COUNT = /^[两三四五六七八九十]个/;
/**
 * A derivational suffix opens no term: it is the tail of the word before it, cut off by the segmenter (差异|化|推进
 * gives 化推进; jieba even holds 化发展 as a word, from 集群化发展), and 在华发展 then misses such a term by one homophone.
 */
const SUFFIX = /^[化性式型度率者家员界们]$/;
const FORMULA_END = /(建设|制度|体系|战略|理念|思想|精神|格局|布局|方略|工程|机制|改革|理论|路线|方针|原则|道路|意识|自信|文明|现代化|主义|强国|中国|[^机]制)$/;

interface SourceInfo {
  readonly title: string;
  readonly origin: string;
}
const info = JSON.parse(readFileSync(new URL('sources.json', sourcesDir), 'utf8')) as Record<string, SourceInfo>;
const files = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const docIds = files.map((f) => f.slice(0, -4));
for (const id of docIds) if (!info[id]) throw new Error(`scripts/lexicon/sources/sources.json names no document for ${id}.txt`);
const order = docIds.map((_, i) => i).sort((a, b) => rank(docIds[a] as string) - rank(docIds[b] as string) || a - b);
/**
 * The State Council's annual government work reports are one drafter's series that repeats its own phrases year
 * after year ("请予审议", a year's slogan): every count below weighs the series as one document, so a phrase must
 * still spread over MIN_DF independent drafters (the thresholds were tuned on two Party congress reports and 31
 * provinces, one document each), and one series cannot make a phrase look like a fragment of its own wording.
 */
const families = [...new Set(docIds.map(familyOf))];
const family = docIds.map((id) => families.indexOf(familyOf(id)));
const weight = family.map((f) => 1 / family.filter((g) => g === f).length);
/** Document frequency counted in families (see `family`). */
const spread = (docs: ReadonlySet<number>) => new Set([...docs].map((d) => family[d])).size;

const quoted = new Map<string, Set<number>>();
/** Every distinct ideograph run of 3–16 characters in the sources: what official text writes is right as written. */
const written = new Set<string>();
/** Per n-gram: term frequency, document frequency in families (documents are read in order, a family's together) and the last family seen. */
const counts = new Map<string, [number, number, number]>();
/** The clauses of every document as tagged words; a run of digits or Latin letters is the word '#'. */
const docs: { word: string; tag: string }[][][] = [];

files.forEach((file, d) => {
  const text = readFileSync(new URL(file, sourcesDir), 'utf8');
  for (const m of text.matchAll(/“([\u4e00-\u9fff]{3,16})”/g)) {
    const q = m[1] as string;
    let set = quoted.get(q);
    if (!set) quoted.set(q, (set = new Set()));
    set.add(d);
  }
  const clauses: { word: string; tag: string }[][] = [];
  for (const clause of text.split(/[^\u4e00-\u9fff0-9A-Za-z.%]+/)) {
    if (clause.length < 2) continue;
    const words: { word: string; tag: string }[] = [];
    for (const piece of clause.split(/([0-9A-Za-z.%]+)/)) {
      if (piece === '') continue;
      if (!HAN.test(piece)) words.push({ word: '#', tag: 'm' });
      else {
        for (let i = 0; i < piece.length; i++) for (let n = 3; n <= MAX_LEN && i + n <= piece.length; n++) written.add(piece.slice(i, i + n));
        words.push(...nodejieba.tag(piece));
      }
    }
    clauses.push(words);
    forGrams(words, (g) => {
      const c = counts.get(g);
      const f = family[d] as number;
      if (!c) counts.set(g, [1, 1, f]);
      else {
        c[0]++;
        if (c[2] !== f) {
          c[1]++;
          c[2] = f;
        }
      }
    });
  }
  docs.push(clauses);
});

/** Calls `f` for every run of 1–MAX_WORDS words (no '#') of 3–MAX_LEN characters, with its first and last index. */
function forGrams(words: readonly { word: string }[], f: (g: string, i: number, j: number) => void): void {
  for (let i = 0; i < words.length; i++) {
    let g = '';
    for (let j = i; j < words.length && j < i + MAX_WORDS; j++) {
      const w = (words[j] as { word: string }).word;
      if (w === '#') break;
      g += w;
      if (g.length > MAX_LEN) break;
      if (g.length >= 3) f(g, i, j);
    }
  }
}

interface Stat {
  tf: number;
  docs: Set<number>;
  /** Words before and after each occurrence ('' at a clause's edge) with their counts, each occurrence weighted by its family. */
  left: Map<string, number>;
  right: Map<string, number>;
  open: boolean;
  close: boolean;
  local: boolean;
}
const grams = new Map<string, Stat>();
docs.forEach((clauses, d) => {
  for (const words of clauses) {
    forGrams(words, (g, i, j) => {
      const c = counts.get(g) as [number, number, number];
      if (c[1] < 2) return;
      let s = grams.get(g);
      if (!s) {
        const lastTag = (words[j] as { tag: string }).tag;
        s = {
          tf: 0,
          docs: new Set(),
          left: new Map(),
          right: new Map(),
          open: OPEN.test((words[i] as { tag: string }).tag) && !SUFFIX.test((words[i] as { word: string }).word),
          close: !NO_CLOSE.test(lastTag),
          local: words.slice(i, j + 1).some((w) => LOCAL.test(w.word)),
        };
        grams.set(g, s);
      }
      const w = weight[d] as number;
      s.tf += w;
      s.docs.add(d);
      const l = i > 0 ? (words[i - 1] as { word: string }).word : '';
      const r = j + 1 < words.length ? (words[j + 1] as { word: string }).word : '';
      s.left.set(l, (s.left.get(l) ?? 0) + w);
      s.right.set(r, (s.right.get(r) ?? 0) + w);
    });
  }
});

/** Conjunctions and particles: a term joined to another by them ("党风廉政建设和反腐败斗争") is still whole. */
const JOINERS = new Set(['和', '与', '及', '以及', '同', '的', '等', '是', '在', '为', '对', '、', '并', '或', '而', '中', '上', '下', '了', '着', '把', '将', '向', '从', '以', '由', '于', '也', '都', '就', '要', '更', '不断', '持续']);

/**
 * A fragment: nearly every occurrence is extended by the same word on one side ("山水林田湖草沙" is
 * always followed by "一体化"), or it is never free on the right (always followed by a figure: "比例达到").
 */
function fragment(s: Stat): boolean {
  for (const side of [s.left, s.right]) for (const [w, n] of side) if (w !== '' && !JOINERS.has(w) && n >= FRAGMENT * s.tf) return true;
  return false;
}

type Kind = 'ngram' | 'quoted' | 'formula' | 'list';
interface Term {
  readonly kind: Kind;
  readonly docs: Set<number>;
  readonly source?: string;
}
const terms = new Map<string, Term>();

for (const [g, s] of grams) {
  if (!HAN.test(g) || s.local || !s.open || !s.close || fragment(s)) continue;
  // Nor a three-character one that the segmenter's dictionary holds as a word opening with such a suffix (化发展).
  if (g.length === 3 && SUFFIX.test(g[0] as string)) continue;
  const df = spread(s.docs);
  if ((g.length >= MIN_LEN && df >= MIN_DF) || (g.length === 3 && df >= MIN_DF_3)) terms.set(g, { kind: 'ngram', docs: s.docs });
  else if (g.length >= MIN_LEN && df >= 2 && (COUNT.test(g) || FORMULA_END.test(g))) terms.set(g, { kind: 'formula', docs: s.docs });
}
for (const [q, docs] of quoted) {
  if (spread(docs) < 2 || terms.has(q)) continue;
  // A quoted run is a formula, not a clause: it must not open or close with a function word.
  if (/^[的了和与及在是对把被将要也都就等并而从以向于到由这那其该各]|[的了和与及在是对把被将要也都就等并而]$/.test(q)) continue;
  terms.set(q, { kind: 'quoted', docs });
}

interface ListEntry {
  id: string;
  patterns: string[];
  source: string;
  kind?: string;
}
const readList = (name: string) => (JSON.parse(readFileSync(new URL(`dictionaries/phrasing/${name}`, root), 'utf8')) as { entries: ListEntry[] }).entries;
for (const e of readList('protected-terms.json')) {
  const t = e.patterns[0] as string;
  if (HAN.test(t) && t.length >= 3 && !terms.has(t)) terms.set(t, { kind: 'list', docs: new Set(), source: `${e.source}（protected-terms: ${e.id}）` });
}
for (const e of readList('institutions.json')) {
  if (e.kind !== 'protected') continue;
  for (const t of e.patterns) if (HAN.test(t) && t.length >= 4 && !terms.has(t)) terms.set(t, { kind: 'list', docs: new Set(), source: `${e.source}（institutions: ${e.id}）` });
}

// Strings one character away from a term that are words themselves: jieba's dictionary and the sources.
const require = createRequire(import.meta.url);
const jiebaDict = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
const wildcard = new Map<string, string[]>();
for (const t of terms.keys()) {
  for (let k = 0; k < t.length; k++) {
    const key = `${t.slice(0, k)}?${t.slice(k + 1)}`;
    const list = wildcard.get(key);
    if (list) list.push(t);
    else wildcard.set(key, [t]);
  }
}
const legit = new Map<string, Set<string>>();
const lookalikes = allLookalikes();
const neighbour = (w: string) => {
  if (terms.has(w)) return;
  for (let k = 0; k < w.length; k++) {
    for (const t of wildcard.get(`${w.slice(0, k)}?${w.slice(k + 1)}`) ?? []) {
      // Only a neighbour the detector could take for a slip needs recording: one linked by sound or shape.
      if (likeness(t[k] as string, w[k] as string, lookalikes) === null) continue;
      let set = legit.get(t);
      if (!set) legit.set(t, (set = new Set()));
      set.add(w);
    }
  }
};
for (const line of readFileSync(jiebaDict, 'utf8').split('\n')) {
  const w = line.split(' ')[0] ?? '';
  if (w.length >= 3 && w.length <= MAX_LEN && HAN.test(w)) neighbour(w);
}
for (const w of written) neighbour(w);

const sources: Record<string, string> = {};
for (const id of docIds) sources[id] = (info[id] as SourceInfo).title;
const entries: Record<string, [number, string] | [number, string, string]> = {};
const kinds: Record<Kind, number> = { ngram: 0, quoted: 0, formula: 0, list: 0 };
for (const t of [...terms.keys()].sort()) {
  const term = terms.get(t) as Term;
  kinds[term.kind]++;
  const ids = order.filter((i) => term.docs.has(i)).slice(0, 3).map((i) => docIds[i] as string);
  const where = term.source ?? ids.join(' ');
  const near = [...(legit.get(t) ?? [])].sort().join(' ');
  entries[t] = near ? [term.docs.size, where, near] : [term.docs.size, where];
}

const out = {
  meta: {
    id: 'lexicon',
    title: '规范政治表述词表（自权威文本抽取，供全词表近似错误检测）',
    source: `党的十九大、二十大报告，《中国共产党章程》（2017年修改），《中华人民共和国宪法》（2018年修正），2013—2018、2020、2024—2026年国务院政府工作报告，2026年31个省（区、市）政府工作报告全文（scripts/lexicon/sources，各文件出处见该目录 README.md）；protected-terms.json 与 institutions.json 的规范写法；结巴分词词典（fxsjy/jieba，MIT，随 nodejieba 发行）用于分词、词性和一字之差的词典词`,
    retrieved: '2026-12-06',
    notes: `由 scripts/build-lexicon.ts 生成，勿手改。entries：词条 → [出现的文档数, 出处（sources 的文档编号，最多三个，党的文件、宪法、国务院政府工作报告在前；或清单条目的出处）, 与本词一字之差（该字音近或形近）而本身成词的写法（结巴词典词或权威文本中出现过的串，照写不报）]。抽取规则：分词后 1–${MAX_WORDS} 个词连成 ${MIN_LEN}–${MAX_LEN} 字、见于至少 ${MIN_DF} 个文档（历年国务院政府工作报告合计为一个文档）、不是更长短语的片段（前或后同一邻词或数字占出现次数 ${FRAGMENT * 100}% 以上即为片段；3 字的须见于 ${MIN_DF_3} 个文档）、首词为名词性、末词非虚词的 n 元组（${kinds.ngram} 条）；两个以上文档用引号标出的 3–16 字提法（${kinds.quoted} 条）；以“两个”“四个”等开头或以“建设、制度、体系、战略”等结尾、见于两个以上文档的提法（${kinds.formula} 条）；清单词条 ${kinds.list} 条。`,
  },
  sources,
  entries,
};
writeFileSync(new URL('dictionaries/phrasing/lexicon.json', root), `${JSON.stringify(out, null, 1)}\n`);
console.log(`lexicon: ${Object.keys(entries).length} terms (${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(', ')}), ${legit.size} with legit neighbours`);
