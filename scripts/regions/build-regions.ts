/**
 * @fileoverview Regenerates dictionaries/privacy/regions.json, the historical table of
 * GB/T 2260 administrative-division codes used to validate the address code of ID numbers.
 *
 * Usage:
 *   npx tsx scripts/regions/build-regions.ts [--out FILE] DIR_OR_FILE...
 *
 * Every input is a yearly list in the "CODE NAME" line format (one division a line, code and
 * name separated by white space), named after its year ("1999.txt"); a directory is read for
 * every "<year>.txt" inside it. Several lists of one year are merged (a code listed in any of
 * them counts). The lists of the
 * civil-affairs ministry (民政部《中华人民共和国县级以上行政区划代码》), as compiled year by year
 * (1980–2024) in the CC0 dataset yescallop/areacodes (data/<year>.txt; 1980–1983 from the
 * revision before that dataset dropped them), are the intended inputs.
 *
 * A code is accepted when it appears in any year's list. Three kinds of codes are added that
 * the ministry's lists leave out but ID numbers carry:
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

function yearFiles(inputs: string[]): Map<number, string[]> {
  const byYear = new Map<number, string[]>();
  for (const input of inputs) {
    const files = statSync(input).isDirectory()
      ? readdirSync(input).map((f) => join(input, f))
      : [input];
    for (const file of files) {
      const m = /^(\d{4})\.txt$/.exec(basename(file));
      if (!m) continue;
      const year = Number(m[1]);
      byYear.set(year, [...(byYear.get(year) ?? []), file]);
    }
  }
  return byYear;
}

function main(): void {
  const { out, inputs } = parseArgs(process.argv.slice(2));
  const files = yearFiles(inputs);
  const years = [...files.keys()].sort((a, b) => a - b);
  const seen = new Map<string, Seen>();
  for (const year of years) {
    const text = files
      .get(year)!
      .map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
      .join('\n');
    for (const line of text.split(/\r?\n/)) {
      const m = /^(\d{6})\s+(\S.*?)\s*$/.exec(line);
      if (!m) continue;
      const [, code, name] = m as unknown as [string, string, string];
      const prev = seen.get(code);
      if (prev) {
        prev.to = Math.max(prev.to, year);
        prev.name = name; // the latest name the code carried
      } else {
        seen.set(code, { name, from: year, to: year });
      }
    }
  }
  const last = years[years.length - 1]!;
  // Derived codes.
  for (const [code, s] of [...seen]) {
    if (/^(11|12|31|50)0000$/.test(code)) {
      for (const [sub, name] of [['0100', '市辖区'], ['0200', '县']] as const) {
        const c = code.slice(0, 2) + sub;
        if (!seen.has(c)) seen.set(c, { name, from: s.from, to: s.to, derived: 'municipality' });
      }
    } else if (/^\d{4}00$/.test(code) && !code.endsWith('0000') && s.name.endsWith('市')) {
      const c = code.slice(0, 4) + '01';
      if (!seen.has(c)) seen.set(c, { name: '市辖区', from: s.from, to: s.to, derived: 'city' });
    }
  }
  if (!seen.has('830000')) seen.set('830000', { name: '台湾居民居住证', from: 2018, to: last, derived: 'permit' });

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
      'GB/T 2260《中华人民共和国行政区划代码》；民政部《中华人民共和国县级以上行政区划代码》历年数据' +
      `（${years[0]}–${last}），经 yescallop/areacodes（CC0）逐年整理`,
    retrieved: new Date().toISOString().slice(0, 10),
    notes:
      'entries: code -> [name, first year listed (data as of 31 December), first year no longer listed or null ' +
      'while in use, derived?]. derived: city = 市辖区 code xxxx01 of a prefecture-level city, municipality = ' +
      'xx0100/xx0200 of a municipality (both printed in GB/T 2260 editions, left out of the ministry lists), ' +
      'permit = 830000 (Taiwan residents\' residence permits).',
  };
  const json = `{\n"meta": ${JSON.stringify(meta)},\n"entries": {\n${lines.join(',\n')}\n}\n}\n`;
  writeFileSync(out, json);
  process.stderr.write(`${codes.length} codes from ${years.length} yearly lists -> ${out}\n`);
}

main();
