/**
 * @fileoverview Regenerates dictionaries/privacy/regions.json, the historical table of
 * GB/T 2260 administrative-division codes used to validate the address code of ID numbers.
 *
 * Usage:
 *   npx tsx scripts/regions/build-regions.ts [--out FILE] DIR_OR_FILE...
 *
 * Three kinds of input are read (a directory is read for every such file inside it):
 *  - "<year>.txt": a yearly list in the "CODE NAME" line format (one division a line), as in the
 *    CC0 dataset yescallop/areacodes (data/<year>.txt; 1980–1983 from the revision before that
 *    dataset dropped them). Several lists of one year are merged.
 *  - "*.tsv" with the header "Source Revision Code Name", as in the dataset cn/GB2260: rows of
 *    source "mca" (the civil-affairs ministry's lists as published, 1980–2019, including the
 *    1990–1994 codes of province-administered county-level cities, xx90xx, that the corrected
 *    dataset above folds away) and "gb" (the GB/T 2260-2002 and -2007 editions) are taken; rows of
 *    "stats" (the statistics bureau's own codes for development zones, xxxx7x, which are not
 *    GB/T 2260 codes) and "contrib" (Hong Kong and Macao districts, which no permit carries) are not.
 *  - "*.php": the address-code timelines of jxlwqq/id-validator (data/addressCodeTimeline.php and
 *    data/additionalAddressCodeTimeline.php, compiled from the ministry's lists and from the
 *    GB/T 2260 history tables of Wikipedia); a code found only there is added as "supplement".
 *
 * A code is accepted when it appears in any list. Three kinds of codes are added that the
 * ministry's lists leave out but ID numbers carry:
 *  - "市辖区" codes (xxxx01) of prefecture-level cities and xx0100/xx0200 of the municipalities,
 *    printed in every GB/T 2260 edition and carried by IDs issued at city level;
 *  - 830000 (Taiwan residents' residence permits; 810000 and 820000 are in the lists).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface Seen {
  name: string;
  from: number;
  to: number;
  derived?: string;
}

/** One listing: a code, its name and the year (as of 31 December) of the list it is in. */
interface Listing {
  readonly year: number;
  readonly code: string;
  readonly name: string;
}

/** A code of the supplementary timelines, with the years they give (0: not given). */
interface SupplementRow {
  readonly code: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

function parseArgs(argv: string[]): { out: string; inputs: string[] } {
  let out = 'dictionaries/privacy/regions.json';
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? out;
    else inputs.push(argv[i]!);
  }
  if (inputs.length === 0) {
    throw new Error('usage: build-regions.ts [--out FILE] DIR_OR_FILE...');
  }
  return { out, inputs };
}

function inputFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (statSync(input).isDirectory()) for (const f of readdirSync(input).sort()) files.push(join(input, f));
    else files.push(input);
  }
  return files;
}

function read(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** "<year>.txt": CODE NAME lines. */
function readYearList(file: string, year: number): Listing[] {
  const out: Listing[] = [];
  for (const line of read(file).split(/\r?\n/)) {
    const m = /^(\d{6})\s+(\S.*?)\s*$/.exec(line);
    if (m) out.push({ year, code: m[1]!, name: m[2]! });
  }
  return out;
}

/**
 * cn/GB2260 TSV: Source, Revision (YYYYMM), Code, Name. The ministry's lists and the GB editions
 * are listings; the codes of the statistics bureau's lists are collected apart, so that a
 * supplementary timeline cannot bring them back.
 */
function readGb2260Tsv(file: string, statsCodes: Set<string>): Listing[] {
  const out: Listing[] = [];
  for (const line of read(file).split(/\r?\n/)) {
    const [source, revision, code, name] = line.split('\t');
    if (!/^\d{6}$/.test(revision ?? '') || !/^\d{6}$/.test(code ?? '') || !name) continue;
    if (source === 'stats') statsCodes.add(code!);
    if (source !== 'mca' && source !== 'gb') continue;
    out.push({ year: Number(revision!.slice(0, 4)), code: code!, name: name.trim() });
  }
  return out;
}

/** jxlwqq/id-validator timelines: `CODE => [ [ "address" => NAME, "start_year" => Y|"", "end_year" => Y|"" ], … ]`. */
function readTimeline(file: string): SupplementRow[] {
  const out: SupplementRow[] = [];
  const block = /(\d{6})\s*=>\s*\[((?:\s*\[[^\]]*\]\s*,?)*)\s*\]/g;
  const item = /"address"\s*=>\s*"([^"]*)"\s*,\s*"start_year"\s*=>\s*"?(\d{4})?"?\s*,\s*"end_year"\s*=>\s*"?(\d{4})?"?/g;
  const text = read(file);
  for (let b = block.exec(text); b !== null; b = block.exec(text)) {
    item.lastIndex = 0;
    for (let i = item.exec(b[2]!); i !== null; i = item.exec(b[2]!)) {
      out.push({ code: b[1]!, name: i[1]!, start: Number(i[2] ?? 0), end: Number(i[3] ?? 0) });
    }
  }
  return out;
}

function main(): void {
  const { out, inputs } = parseArgs(process.argv.slice(2));
  const listings: Listing[] = [];
  const supplement: SupplementRow[] = [];
  const used = { year: 0, tsv: 0, php: 0 };
  const statsCodes = new Set<string>();
  for (const file of inputFiles(inputs)) {
    const name = basename(file);
    const y = /^(\d{4})\.txt$/.exec(name);
    if (y) {
      listings.push(...readYearList(file, Number(y[1])));
      used.year++;
    } else if (name.endsWith('.tsv')) {
      listings.push(...readGb2260Tsv(file, statsCodes));
      used.tsv++;
    } else if (name.endsWith('.php')) {
      supplement.push(...readTimeline(file));
      used.php++;
    }
  }
  // Year order, so the name kept is the latest one a code carried.
  listings.sort((a, b) => a.year - b.year);
  const years = [...new Set(listings.map((l) => l.year))].sort((a, b) => a - b);
  const seen = new Map<string, Seen>();
  for (const { year, code, name } of listings) {
    const prev = seen.get(code);
    if (prev) {
      prev.from = Math.min(prev.from, year);
      prev.to = Math.max(prev.to, year);
      prev.name = name;
    } else {
      seen.set(code, { name, from: year, to: year });
    }
  }
  // Codes only the supplementary timelines know (the early 1980s, 1990s renumberings).
  // A timeline without years says only that the code was listed at some time: its first data year stands in.
  const known = new Set(seen.keys());
  for (const row of supplement) {
    if (known.has(row.code) || statsCodes.has(row.code)) continue;
    const from = row.start || years[0]!;
    const to = Math.max(from, row.end || row.start || from);
    const prev = seen.get(row.code);
    if (prev) {
      prev.from = Math.min(prev.from, from);
      prev.to = Math.max(prev.to, to);
    } else {
      seen.set(row.code, { name: row.name, from, to, derived: 'supplement' });
    }
  }
  const last = years[years.length - 1]!;
  // Derived codes. Where a GB edition lists one of them (2002, 2007), it keeps the span of the
  // municipality or city it belongs to: the editions print them, the ministry's lists never do.
  const hasDistricts = (city: string): boolean => {
    for (let n = 2; n <= 20; n++) if (seen.has(city.slice(0, 4) + String(n).padStart(2, '0'))) return true;
    return false;
  };
  const derive = (code: string, name: string, parent: Seen, derived: string): void => {
    const prev = seen.get(code);
    if (!prev) seen.set(code, { name, from: parent.from, to: parent.to, derived });
    else if (prev.name === name) Object.assign(prev, { from: Math.min(prev.from, parent.from), to: Math.max(prev.to, parent.to), derived });
  };
  for (const [code, s] of [...seen]) {
    if (/^(11|12|31|50)0000$/.test(code)) {
      for (const [sub, name] of [['0100', '市辖区'], ['0200', '县']] as const) derive(code.slice(0, 2) + sub, name, s, 'municipality');
    } else if (/^\d{4}00$/.test(code) && !code.endsWith('0000') && s.name.endsWith('市') && s.name !== '市' && hasDistricts(code)) {
      // Only a city with districts (codes xxxx02–xxxx20) has a 市辖区 code: 东莞 441900, 中山
      // 442000, 儋州 460400 never had one, and IDs there carry the city's own code.
      derive(code.slice(0, 4) + '01', '市辖区', s, 'city');
    }
  }
  // 830000 is in no list; the residence permits (2018) use it. A timeline's reading of it gives way.
  const taiwan = seen.get('830000');
  if (!taiwan || taiwan.derived === 'supplement') seen.set('830000', { name: '台湾居民居住证', from: 2018, to: last, derived: 'permit' });

  const codes = [...seen.keys()].sort();
  const lines = codes.map((code) => {
    const s = seen.get(code)!;
    // [name, first year listed, first year no longer listed (null: in use), derived kind?]
    const row: unknown[] = [s.name, s.from, s.to === last ? null : s.to + 1];
    if (s.derived) row.push(s.derived);
    return `${JSON.stringify(code)}:${JSON.stringify(row)}`;
  });
  const meta = {
    id: 'regions',
    title: '中华人民共和国县级以上行政区划代码（1980 年以来历年合集）',
    source:
      'GB/T 2260《中华人民共和国行政区划代码》（2002、2007 年版）；民政部《中华人民共和国县级以上行政区划代码》历年数据' +
      `（${years[0]}–${last}），经 yescallop/areacodes（CC0，逐年勘误整理）与 cn/GB2260（原样收录的民政部历年公布数据）；` +
      '补充：jxlwqq/id-validator（MIT）地址码时间线（据民政部数据与维基百科 GB/T 2260 沿革表）',
    retrieved: new Date().toISOString().slice(0, 10),
    notes:
      'entries: code -> [name, first year listed (data as of 31 December), first year no longer listed or null ' +
      'while in use, derived?]. derived: city = 市辖区 code xxxx01 of a prefecture-level city, municipality = ' +
      'xx0100/xx0200 of a municipality (both printed in GB/T 2260 editions, left out of the ministry lists), ' +
      'permit = 830000 (Taiwan residents\' residence permits), supplement = listed only in the jxlwqq/id-validator ' +
      'timelines (years as they give them; the first data year where they give none). Not included: the statistics ' +
      'bureau\'s development-zone codes (xxxx7x), which are not GB/T 2260 codes.',
  };
  const json = `{\n"meta": ${JSON.stringify(meta)},\n"entries": {\n${lines.join(',\n')}\n}\n}\n`;
  writeFileSync(out, json);
  process.stderr.write(`${codes.length} codes from ${used.year} yearly lists, ${used.tsv} TSV lists, ${used.php} timelines (${years[0]}–${last}) -> ${out}\n`);
}

main();
