/**
 * Builds dictionaries/phrasing/series.json: the parallel series the authoritative texts repeat word for word
 * (道路自信、理论自信、制度自信、文化自信; 政治判断力、政治领悟力、政治执行力; 市场化、法治化、国际化), for
 * phrasing/formula's check of a series written with one member changed (see src/rules/phrasing/helpers/series.ts).
 *
 * Input: scripts/lexicon/sources/*.txt, the same documents the lexicon reads (named in sources.json there). A series
 * is three or more members of one length listed with 、, cut by `enumerations`; it is fixed when two or more
 * documents write it (the State Council's yearly work reports count as one document together, as in the lexicon).
 * A member's place is open when a document writes the other members in one series (of any length) with another
 * member of the same length there in place of this one (市场化、法治化、便利化 would open 国际化's place), and the rule
 * reports nothing there; a member a longer series writes beside the others (文化强国 beside 教育强国、科技强国、人才强国)
 * is right in any place. The first member is cut
 * from the run before the first 、 and the last from the run after the last one: a series counts only where its
 * members share a character in place (有所 of 幼有所育 …, which fixes where each member starts), or where jieba (the
 * segmenter shenjiao/node injects) puts word boundaries at its two ends in some document (就业人员、农民工、新就业形态
 * gives no series 业人员、农民工、新就业).
 *
 * Usage: npx tsx scripts/build-series.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { jiebaSegmenter } from '../src/node/segment.js';
import { enumerations } from '../src/rules/phrasing/helpers/series.js';
import { familyOf, rank } from './lib/sources.js';

const root = new URL('../', import.meta.url);
const sourcesDir = new URL('scripts/lexicon/sources/', root);
/** Documents (families) that must write a series for it to be fixed. */
const MIN_DOCUMENTS = 2;

const info = JSON.parse(readFileSync(new URL('sources.json', sourcesDir), 'utf8')) as Record<string, { title: string }>;
const files = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const ids = files.map((f) => f.slice(0, -4));

/** Every series written, by key, with the documents that write it. */
const written = new Map<string, { members: string[]; docs: Set<string> }>();
/** Series written on word boundaries at both ends somewhere. */
const bounded = new Set<string>();
files.forEach((file, d) => {
  for (const line of readFileSync(new URL(file, sourcesDir), 'utf8').split('\n')) {
    const text = line.replace(/[ \t\r\u3000]+/g, '');
    const found = enumerations(text);
    if (found.length === 0) continue;
    const cuts = new Set<number>();
    let at = 0;
    for (const w of jiebaSegmenter(text)) cuts.add((at += w.length));
    cuts.add(0);
    for (const e of found) {
      const members = e.members.map(([s, t]) => text.slice(s, t));
      const key = members.join('、');
      let w = written.get(key);
      if (!w) written.set(key, (w = { members, docs: new Set() }));
      w.docs.add(ids[d] as string);
      const framed = [...(members[0] as string)].some((ch, c) => members.every((m) => m[c] === ch));
      if (framed || (cuts.has((e.members[0] as readonly [number, number])[0]) && cuts.has((e.members[e.members.length - 1] as readonly [number, number])[1]))) bounded.add(key);
    }
  }
});

/** Series by member, to find the series that hold all members of another but one. */
const byMember = new Map<string, string[]>();
for (const [key, { members }] of written) for (const m of new Set(members)) (byMember.get(m) ?? byMember.set(m, []).get(m))?.push(key);

const entries: Record<string, [number, string, string, string]> = {};
let fixed = 0;
let opened = 0;
for (const [key, { members, docs }] of [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const families = new Set([...docs].map(familyOf));
  if (families.size < MIN_DOCUMENTS || !bounded.has(key) || new Set(members).size !== members.length) continue;
  fixed++;
  const open: number[] = [];
  const beside = new Set<string>();
  members.forEach((member, p) => {
    const others = members.filter((_, k) => k !== p);
    // The series written in some document with every other member.
    for (const k of byMember.get(others[0] as string) ?? []) {
      if (k === key) continue;
      const h = (written.get(k) as { members: string[] }).members;
      if (!others.every((o) => h.includes(o))) continue;
      const more = h.filter((x) => x !== member && !others.includes(x) && x.length === member.length);
      // A series as long without this member: the place takes another (市场化、法治化、便利化). Any other: its other
      // members may stand beside the rest (教育强国、科技强国、文化强国 of a list of six).
      if (!h.includes(member) && h.length === members.length && more.length > 0) open.push(p);
      for (const x of more) beside.add(x);
    }
  });
  if (open.length > 0) opened++;
  const where = [...docs]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .slice(0, 3)
    .join(' ');
  entries[key] = [families.size, where, [...new Set(open)].join(' '), [...beside].sort().join(' ')];
}

const sources = Object.fromEntries(ids.map((id) => [id, (info[id] as { title: string }).title]));
const out = {
  meta: {
    id: 'series',
    title: '权威文本中反复出现的并列提法（供 phrasing/formula 检查并列提法中写错的一项）',
    source: '与 lexicon.json 相同的权威文本：党的十九大、二十大报告，《中国共产党章程》，《中华人民共和国宪法》，历年国务院政府工作报告，2026年31个省（区、市）政府工作报告（scripts/lexicon/sources，各文件出处见该目录 README.md）',
    notes: `由 scripts/build-series.ts 生成，勿手改。并列提法：用顿号隔开、各项字数相同（2—8字）的三项以上并列（首项取第一个顿号前、末项取最后一个顿号后的同样字数；各项无同位同字的，两端须在结巴分词的词边界上），见于至少 ${MIN_DOCUMENTS} 个文档（历年国务院政府工作报告合计为一个文档）者，共 ${fixed} 条。entries：并列提法 → [文档数, 出处（sources 的文档编号，最多三个）, 开放位置（从 0 起，空格隔开；有文档在其余各项不变、缺这一项时于此处写了别的同字数项，检查时不报）, 可并列的项（有文档在更长的并列中把它们与其余各项并列，写在任一位置都不报）]。`,
  },
  sources,
  entries,
};
writeFileSync(new URL('dictionaries/phrasing/series.json', root), `${JSON.stringify(out, null, 1)}\n`);
console.log(`series: ${written.size} written, ${fixed} fixed, ${opened} with an open place`);
