import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdChecksum } from '../../src/knowledge/checksum.js';
import { isValidId, validateId15, validateId18 } from '../../src/knowledge/id-card.js';
import { isKnownRegion, regionName } from '../../src/knowledge/regions.js';
import { idCheckChar as refCheckChar, withIdCheck } from './reference.js';

const TODAY = '2026-11-23';

/**
 * Reference implementation, written independently of src/: the check character is
 * computed by ./reference.ts;
 * the date is checked with Date.UTC round-tripping; the region against the table file read as data.
 */
const table = JSON.parse(readFileSync(new URL('../../dictionaries/privacy/regions.json', import.meta.url), 'utf8')) as {
  entries: Record<string, unknown>;
};
const REGIONS = new Set(Object.keys(table.entries));
const nationalities = JSON.parse(readFileSync(new URL('../../dictionaries/privacy/nationality-codes.json', import.meta.url), 'utf8')) as { entries: { id: string }[] };
const NATIONALITIES = new Set(nationalities.entries.map((e) => e.id));

function refDateOk(y: number, m: number, d: number, today: string): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return false;
  return y >= 1850 && t.toISOString().slice(0, 10) <= today;
}

function refValid18(s: string, today: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!refDateOk(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)), today)) return false;
  if (refCheckChar(s.slice(0, 17)) !== s[17]!.toUpperCase()) return false;
  if (s[0] === '9') {
    const nationality = s.slice(3, 6);
    return REGIONS.has(`${s.slice(1, 3)}0000`) && Number(s.slice(1, 3)) < 71 && NATIONALITIES.has(nationality);
  }
  return REGIONS.has(s.slice(0, 6));
}

const make = withIdCheck;

describe('GB 11643-1999 check character', () => {
  it('agrees with the reference on generated bodies', () => {
    for (let n = 0; n < 2000; n++) {
      const body = String(110101000000000000n + BigInt(n) * 7919n).slice(0, 17);
      expect(idCheckChar(body)).toBe(refCheckChar(body));
    }
  });
  it('accepts x and X, rejects every other wrong character', () => {
    let body = '';
    for (let n = 0; !body; n++) if (refCheckChar(`1101011990030745${n % 10}`) === 'X') body = `1101011990030745${n % 10}`;
    expect(isValidIdChecksum(`${body}X`)).toBe(true);
    expect(isValidIdChecksum(`${body}x`)).toBe(true);
    for (const c of '0123456789') expect(isValidIdChecksum(body + c)).toBe(false);
  });
});

describe('18-character IDs', () => {
  const cases: [string, string, string][] = [
    ['110101', '北京市东城区', 'a current district'],
    ['110103', '北京市崇文区', 'abolished in 2010 (merged into 东城区)'],
    ['370402', '山东省枣庄市市中区', 'a county-level district'],
    ['371202', '山东省莱芜市莱城区', 'abolished with 莱芜市 in 2019'],
    ['653228', '新疆维吾尔自治区和田地区和康县', 'created in 2024'],
    ['441900', '广东省东莞市', 'a city without counties'],
    ['442000', '广东省中山市', 'a city without counties'],
    ['460400', '海南省儋州市', 'a city without counties since 2015'],
    ['620200', '甘肃省嘉峪关市', 'a city without counties'],
    ['460300', '海南省三沙市', 'created in 2012'],
    ['330101', '浙江省杭州市市辖区', 'a 市辖区 code of GB/T 2260'],
    ['139002', '河北省霸州市', 'a 1990–1994 code of a province-administered city (ministry list as published)'],
    ['449002', '广东省台山市', 'a province-administered city code: 中山市 1984–1987, 台山市 1992–1994'],
    ['500181', '重庆市江津市', 'a 1997–2005 Chongqing county-level city code'],
    ['517002', '四川省涪陵市枳城区', '涪陵市 of 1995–1996, before Chongqing'],
    ['469034', '海南省陵水黎族自治县', 'GB/T 2260-2002 edition code'],
    ['610404', '陕西省咸阳市渭城区', 'a district created in 1986'],
    ['370903', '山东省泰安市岱岳区', 'GB/T 2260-2002 edition code'],
    ['332532', '浙江省丽水地区龙游县', '1983–1984, known only to the supplementary timeline'],
  ];
  for (const [region, name, why] of cases) {
    it(`accepts ${region} (${why})`, () => {
      const id = make(`${region}19900307451`);
      const info = validateId18(id, 0, TODAY);
      expect(info).toMatchObject({ kind: 'resident', regionCode: region, region: name, birthDate: '1990-03-07', sex: 'male' });
    });
  }

  it('accepts the residence permits of Hong Kong, Macao and Taiwan residents', () => {
    expect(validateId18(make('81000019920415122'), 0, TODAY)).toMatchObject({ kind: 'hk-macao-permit', region: '香港特别行政区', sex: 'female' });
    expect(validateId18(make('82000019920415121'), 0, TODAY)).toMatchObject({ kind: 'hk-macao-permit', region: '澳门特别行政区' });
    expect(validateId18(make('83000019920415121'), 0, TODAY)).toMatchObject({ kind: 'taiwan-permit', region: '台湾地区' });
  });

  it('accepts the 2023 foreigners’ permanent-residence ID and rejects China as nationality', () => {
    expect(validateId18(make('91184019850203001'), 0, TODAY)).toMatchObject({ kind: 'foreigner', nationality: '840', region: '北京市', sex: 'male' });
    expect(validateId18(make('99984019850203001'), 0, TODAY)).toBe('region');
    expect(validateId18(make('91115619850203001'), 0, TODAY)).toBe('region');
    // Not an ISO 3166-1 numeric code; Hong Kong (344) holders get residence permits, not this card.
    expect(validateId18(make('91199919850203001'), 0, TODAY)).toBe('region');
    expect(validateId18(make('91134419850203001'), 0, TODAY)).toBe('region');
    expect(validateId18(make('94427619900101002'), 0, TODAY)).toMatchObject({ kind: 'foreigner', nationality: '276', region: '广东省', sex: 'female' });
  });

  it('rejects made-up regions that province-only checks pass', () => {
    for (const region of ['110199', '119900', '440099', '510000'.replace('0000', '9999'), '999999', '000000']) {
      expect(REGIONS.has(region)).toBe(false);
      expect(validateId18(make(`${region}19900307451`), 0, TODAY)).not.toEqual(expect.objectContaining({ kind: 'resident' }));
    }
  });

  it('rejects impossible and future birth dates', () => {
    expect(validateId18(make('11010119900230451'), 0, TODAY)).toBe('date');
    expect(validateId18(make('11010119001301451'), 0, TODAY)).toBe('date');
    expect(validateId18(make('11010120000229451'), 0, TODAY)).toMatchObject({ birthDate: '2000-02-29' });
    expect(validateId18(make('11010119000229451'), 0, TODAY)).toBe('date');
    expect(validateId18(make('11010120261124451'), 0, TODAY)).toBe('date');
    expect(validateId18(make('11010120261123451'), 0, TODAY)).toMatchObject({ birthDate: '2026-11-23' });
    expect(validateId18(make('11010117991231451'), 0, TODAY)).toBe('date');
  });

  it('rejects a wrong check character', () => {
    const id = make('11010119900307451');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(validateId18(wrong, 0, TODAY)).toBe('checksum');
  });

  it('agrees with the reference implementation on random 18-character strings (property)', () => {
    const regions = [...REGIONS];
    const digit = fc.constantFrom(...'0123456789');
    const raw = fc.array(fc.constantFrom(...'0123456789Xx'), { minLength: 18, maxLength: 18 }).map((a) => a.join(''));
    // Mostly plausible strings (a listed region, a date-like middle), with or without the right check character.
    const plausible = fc
      .tuple(
        fc.oneof(fc.constantFrom(...regions), fc.array(digit, { minLength: 6, maxLength: 6 }).map((a) => a.join('')), fc.array(digit, { minLength: 5, maxLength: 5 }).map((a) => `9${a.join('')}`)),
        fc.integer({ min: 1840, max: 2030 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.array(digit, { minLength: 3, maxLength: 3 }).map((a) => a.join('')),
        fc.oneof(fc.constant('right'), fc.constantFrom(...'0123456789Xx')),
      )
      .map(([region, y, m, d, seq, last]) => {
        const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
        return body + (last === 'right' ? refCheckChar(body) : last);
      });
    fc.assert(
      fc.property(fc.oneof(raw, plausible, plausible), (s) => {
        expect(typeof validateId18(s, 0, TODAY) === 'object').toBe(refValid18(s, TODAY));
        expect(isValidId(s, TODAY)).toBe(refValid18(s, TODAY));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('15-digit legacy IDs', () => {
  it('accepts a listed region and a 19YY date, and decodes the sex', () => {
    expect(validateId15('110103850307452', 0, TODAY)).toMatchObject({ kind: 'legacy-15', region: '北京市崇文区', birthDate: '1985-03-07', sex: 'female' });
  });
  it('rejects province-level codes and impossible dates', () => {
    expect(validateId15('110000850307452', 0, TODAY)).toBe('region');
    expect(validateId15('110101850230452', 0, TODAY)).toBe('date');
  });
});

describe('region table', () => {
  it('holds every code since 1980, not only the current ones', () => {
    expect(REGIONS.size).toBeGreaterThan(6500);
    for (const code of ['110103', '110104', '371200', '441900', '460400', '620200', '810000', '820000', '830000', '653228', '653229']) {
      expect(isKnownRegion(code), code).toBe(true);
    }
    expect(regionName('110108')).toBe('北京市海淀区');
    expect(isKnownRegion('110199')).toBe(false);
  });
  it('has no 市辖区 code for a city that never had districts (IDs there carry the city code)', () => {
    for (const code of ['441901', '442001', '460401']) expect(isKnownRegion(code), code).toBe(false);
    for (const code of ['441900', '442000', '460400', '620201', '330101']) expect(isKnownRegion(code), code).toBe(true);
  });
  it('leaves out the statistics bureau’s development-zone codes, which are not GB/T 2260 codes', () => {
    for (const code of ['130171', '130172', '220171', '232761', '440371']) expect(isKnownRegion(code), code).toBe(false);
  });
  it('never puts a grouping code (市辖区, 县, 省直辖县级行政单位) into a full name', () => {
    for (const code of ['469034', '429006', '500181', '110229', '310230']) expect(regionName(code), code).not.toMatch(/直辖|市辖区|^[^省市区]+县.+县/);
  });
});
