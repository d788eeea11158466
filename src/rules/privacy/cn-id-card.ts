/**
 * @fileoverview privacy/cn-id-card: identity numbers published in the clear. Validates, not just
 * matches: GB 11643-1999 check character, a real birth date not after the check date, and an
 * address code listed at any time since 1980 (dictionaries/privacy/regions.json). Covers the
 * Hong Kong, Macao and Taiwan residents' residence permits (810000/820000/830000), the 2023
 * foreigners' permanent-residence ID (first digit 9) and, after an ID context word, the legacy
 * 15-digit ID. Already-masked numbers (110101********1234) are reported at `info` or not at all.
 */
import { defineRule } from '../../core/rule.js';
import { isValidCreditCode, isValidRegistrationNumber } from '../../knowledge/checksum.js';
import { clauseBefore, followedByUnit, insideUrl, labelledAsOtherNumber, labelledAsPersonNumber } from './helpers/context.js';
import { validateId15, validateId18, type IdInfo } from '../../knowledge/id-card.js';
import { DEFAULT_MASKS, maskValue } from '../../knowledge/mask.js';
import { isKnownRegion, regionName } from '../../knowledge/regions.js';
import { reportMasked } from './helpers/report.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/cn-id-card. */
export interface CnIdCardOptions {
  /** Already-masked numbers: reported at `info` with `data.masked: true`, or `off`. */
  readonly masked: 'info' | 'off';
  /** Report 15-digit legacy IDs after an ID context word. */
  readonly legacy: boolean;
}

const SOURCE = 'GB 11643-1999《公民身份号码》；《中华人民共和国个人信息保护法》第二十八条（敏感个人信息）';

/**
 * 18 characters: 6-8-4 digits, optionally grouped by a space or a dash (510104-19880215-0017),
 * last a digit or X, not inside a longer token.
 */
const ID18 = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
/** 18 characters of digits and mask characters (* x × ＊ after folding), starting with a digit. */
const MASKED = /(?<![0-9A-Za-z*])\d[\d*xX×]{16}[\dXx*](?![0-9A-Za-z*])/g;
/** 15 digits, not inside a longer token. */
const ID15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;

/** Words that say the number is an identity number. */
const ID_CONTEXT = /身份证|身份号|公民身份|证件号|居住证|永居证|永久居留|身份信息|社会保障号|\bID\b/;
/** Words that say an 18-character code is an organisation's credit code. */
const CREDIT_CONTEXT = /信用代码|社会信用|组织机构|营业执照|注册号|纳税人识别号|税号/;

const KIND_NAMES: Readonly<Record<IdInfo['kind'], string>> = {
  resident: '公民身份号码',
  'hk-macao-permit': '港澳居民居住证号码',
  'taiwan-permit': '台湾居民居住证号码',
  foreigner: '外国人永久居留身份证号码',
  'legacy-15': '15 位旧版身份证号码',
};

/**
 * A unified social credit code whose GB 32100 check character, embedded GB 11714 organisation-code
 * check character and registration-authority region (characters 3–8) all fit. For an all-digit
 * ID-shaped string the coincidence is about 1 in 341 times the chance that its digits 3–8 form a
 * listed region, so real IDs are almost never mistaken for one.
 */
function isPlausibleCreditCode(value: string): boolean {
  if (!isValidCreditCode(value, true)) return false;
  const region = value.slice(2, 8);
  return region === '100000' || isKnownRegion(region);
}

/** What a resident ID with a wrong check character still says: its region, birth date and sex. */
function mistyped(value: string): IdInfo | undefined {
  const regionCode = value.slice(0, 6);
  const region = regionName(regionCode);
  if (region === undefined) return undefined;
  const kind = regionCode === '810000' ? 'hk-macao-permit' : regionCode === '820000' ? 'hk-macao-permit' : regionCode === '830000' ? 'taiwan-permit' : 'resident';
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  return { kind, regionCode, region, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Whether `birthDate` (YYYY-MM-DD) lies within the year before `today`. */
function isRecent(birthDate: string, today: string): boolean {
  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return birthDate > yearBefore;
}

export const cnIdCard = defineRule<CnIdCardOptions>({
  id: 'privacy/cn-id-card',
  meta: {
    description: '身份证号码泄露：公民身份号码、港澳台居民居住证、外国人永久居留身份证（校验码、出生日期、历年行政区划代码均有效）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: { masked: 'info', legacy: true },
    schema: { masked: { type: 'string', enum: ['info', 'off'] }, legacy: { type: 'boolean' } },
    dictionaries: ['privacy/regions.json', 'privacy/nationality-codes.json'],
    docs: {
      wrong: '申请人：张三，身份证号110101199003074514',
      right: '申请人：张*，身份证号110101********4514',
      source: 'GB 11643-1999《公民身份号码》；《个人信息保护法》第二十八条',
    },
  },
  check(context) {
    const today = context.date;
    const { masked: maskedSetting, legacy } = context.options;
    let idWord: boolean | undefined;
    /** Whether the document says 身份证 (or the like) anywhere, e.g. in a table header: computed once, on demand. */
    const mentionsId = (): boolean => (idWord ??= context.document.segments.some((s) => ID_CONTEXT.test(s.text)));
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      if (census.digits < 15 && (census.masks < 4 || census.digits < 2)) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      if (census.digits >= 17) {
        ID18.lastIndex = 0;
        for (let m = ID18.exec(text); m !== null; m = ID18.exec(text)) {
          const start = m.index;
          const end = start + m[0].length;
          const value = m[0].replace(/[ -]/g, '');
          if (value.length !== 18) continue;
          const checked = validateId18(value, 0, today);
          const before = clauseBefore(text, start, 16);
          const idContext = ID_CONTEXT.test(before);
          // A number labelled as an ID whose region and birth date are real but whose check character
          // is not is still a published ID (mistyped by the citizen or the editor): an inspector counts
          // it as a leak. Without the label it is just a number.
          const info = typeof checked === 'object' ? checked : checked === 'checksum' && idContext ? mistyped(value) : undefined;
          if (info === undefined) continue;
          const checksumValid = typeof checked === 'object';
          // How sure the finding is: an ID word before it, none, or the label of another kind of number.
          let confidence: 'high' | 'medium' | 'low' = idContext ? 'high' : 'medium';
          if (!idContext) {
            if (insideUrl(text, start, end) || followedByUnit(text, end)) continue;
            // A number that passes region, date and check digit is reported whatever its label: exam
            // tickets, member, social-security and taxpayer numbers are often the holder's ID itself.
            // After the label of a document, order or case number it is most likely a coincidence
            // (codes built from a region, a date and a sequence pass one time in eleven), so it is
            // reported at info, never dropped.
            if (labelledAsOtherNumber(before) && !labelledAsPersonNumber(before)) confidence = 'low';
            // Case and transaction numbers built as region + date + sequence carry a recent date;
            // a baby's ID on a page that never says 身份证 is far rarer than they are.
            else if (isRecent(info.birthDate, today) && !mentionsId()) confidence = 'low';
          }
          // An all-digit unified social credit code whose address code happens to be listed, with a
          // date and a check digit that happen to fit: told apart by its own check character.
          // Under a credit-code label its GB 32100 check character alone settles it.
          const creditLabel = CREDIT_CONTEXT.test(before);
          if (creditLabel && isValidCreditCode(value.toUpperCase())) continue;
          if ((!idContext || creditLabel) && isPlausibleCreditCode(value.toUpperCase())) continue;
          const redacted = maskValue(m[0], DEFAULT_MASKS['privacy/cn-id-card']!);
          const kindName = KIND_NAMES[info.kind];
          context.report({
            range: view.toSource(start, end),
            message: !checksumValid
              ? `疑似泄露${kindName}（${redacted}，${info.region}）：该号码校验码不符（可能抄录有误），但地区码和出生日期有效，仍属敏感个人信息，公开发布前应删除或遮盖，如改为“${redacted}”。`
              : confidence === 'low'
                ? `此编号同时是有效的${kindName}（${redacted}，${info.region}）：如确为身份证件号码，公开发布前应删除或遮盖为“${redacted}”；如为订单、案件等编号，可忽略。`
                : `疑似泄露${kindName}（${redacted}，${info.region}）：身份证件号码属于敏感个人信息，公开发布前应删除或遮盖，如改为“${redacted}”。`,
            expected: [redacted],
            source: SOURCE,
            ...(confidence === 'low' ? { severity: 'info' as const, advisory: true } : !checksumValid ? { severity: 'warning' as const, advisory: true } : {}),
            data: { masked: false, redacted, kind: info.kind, region: info.region, regionCode: info.regionCode, birthDate: info.birthDate, sex: info.sex, checksumValid, context: idContext, confidence, ...(info.nationality ? { nationality: info.nationality } : {}) },
          });
        }
      }
      if (legacy && census.digits >= 15) {
        ID15.lastIndex = 0;
        for (let m = ID15.exec(text); m !== null; m = ID15.exec(text)) {
          const start = m.index;
          const end = start + 15;
          const before = clauseBefore(text, start, 16);
          if (!ID_CONTEXT.test(before) || CREDIT_CONTEXT.test(before)) continue;
          const info = validateId15(m[0], 0, today);
          if (typeof info !== 'object') continue;
          // A business registration number after a word like 证件号 (营业执照): its own check digit tells it apart.
          if (isValidRegistrationNumber(m[0]) && !/身份/.test(before)) continue;
          const redacted = maskValue(m[0], DEFAULT_MASKS['privacy/cn-id-card']!);
          context.report({
            range: view.toSource(start, end),
            message: `疑似泄露15 位旧版身份证号码（${redacted}，${info.region}）：公开发布前应删除或遮盖，如改为“${redacted}”。`,
            expected: [redacted],
            source: SOURCE,
            data: { masked: false, redacted, kind: info.kind, region: info.region, regionCode: info.regionCode, birthDate: info.birthDate, sex: info.sex, context: true },
          });
        }
      }
      if (maskedSetting !== 'off' && census.masks >= 4 && census.digits >= 2) {
        MASKED.lastIndex = 0;
        for (let m = MASKED.exec(text); m !== null; m = MASKED.exec(text)) {
          const value = m[0];
          let masks = 0;
          for (let i = 1; i < 17; i++) if ('*xX×'.includes(value[i]!)) masks++;
          // A masked last position counts too (11010119900307****), an x there is a check character.
          if (value[17] === '*' || value[17] === '×') masks++;
          if (masks < 4) continue;
          let lead = 0;
          while (lead < 6 && value.charCodeAt(lead) >= 48 && value.charCodeAt(lead) <= 57) lead++;
          if (lead >= 2 && !isKnownRegion(`${value.slice(0, 2)}0000`) && value[0] !== '9') continue;
          if (lead === 6 && !isKnownRegion(value.slice(0, 6))) continue;
          const before = clauseBefore(text, m.index, 16);
          if (labelledAsOtherNumber(before)) continue;
          reportMasked(context, view.toSource(m.index, m.index + 18), '身份证号码', SOURCE);
        }
      }
    }
  },
});
