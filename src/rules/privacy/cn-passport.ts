/**
 * @fileoverview privacy/cn-passport: numbers of PRC passports. Current ordinary e-passports
 * E + 8 digits and, since the E series ran out, E + a letter (not I or O) + 7 digits; the
 * 2006–2012 ordinary passports G + 8 digits; diplomatic DE, service SE and public-affairs PE +
 * 7 digits; the SAR passports K + 8 digits / KJ + 7 (Hong Kong) and MA + 7 (Macao). After 护照
 * (or passport) a finding is a leak (`warning`); without it the same shape may be a product or
 * permit code, so it is reported at `info`. The older forms D/S + 8 digits and the 9-digit
 * 14/15 + 7 digits are reported only after such a word.
 */
import { defineRule } from '../../core/rule.js';
import { clauseBefore, freeAfter, freeBefore, insideUrl, labelledAsOtherNumber } from './helpers/context.js';
import { DEFAULT_MASKS, maskValue } from '../../knowledge/mask.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/cn-passport. */
export interface CnPassportOptions {
  /** Numbers without a 护照 context word: `info` (default) or `off`. */
  readonly uncertain: 'info' | 'off';
}

const SOURCE = '《中华人民共和国护照法》；国家移民管理局普通护照号码编码规则；《个人信息保护法》第二十八条';

const PASSPORT = /(?<![0-9A-Za-z])(?:[EGK]\d{8}|E[A-HJ-NP-Z]\d{7}|[DSP]E\d{7}|KJ\d{7}|MA\d{7}|[DS]\d{7,8}|P\d{7}|1[45]\d{7})(?![0-9A-Za-z])/g;
/** Forms too generic to report without a passport word (older diplomatic, service and public-affairs series). */
const NEEDS_CONTEXT = /^(?:[DS]\d{7,8}|P\d{7}|1[45]\d{7})$/;
const CONTEXT = /护照|passport|证件号|证件号码|出国|出境/i;

const SERIES: Readonly<Record<string, string>> = {
  E: '普通电子护照',
  G: '普通护照（2012 年前签发）',
  D: '外交护照',
  S: '公务护照',
  P: '公务普通护照',
  K: '香港特别行政区护照',
  M: '澳门特别行政区护照',
  '1': '普通护照（旧版）',
};

export const cnPassport = defineRule<CnPassportOptions>({
  id: 'privacy/cn-passport',
  meta: {
    description: '护照号码泄露：E/G + 8 位数字、E + 字母 + 7 位数字、外交/公务护照 DE/SE/PE + 7 位数字、港澳特区护照',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { uncertain: 'info' },
    schema: { uncertain: { type: 'string', enum: ['info', 'off'] } },
    docs: {
      wrong: '护照号码：E12345678',
      right: '护照号码：E*****678',
      source: '《护照法》；《个人信息保护法》第二十八条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      if (census.digits < 7) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      PASSPORT.lastIndex = 0;
      for (let m = PASSPORT.exec(text); m !== null; m = PASSPORT.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!freeBefore(text, start) || !freeAfter(text, end) || insideUrl(text, start, end)) continue;
        const before = clauseBefore(text, start, 16);
        const sure = CONTEXT.test(before);
        if (!sure && (NEEDS_CONTEXT.test(m[0]) || labelledAsOtherNumber(before) || context.options.uncertain === 'off')) continue;
        const redacted = maskValue(m[0], DEFAULT_MASKS['privacy/cn-passport']!);
        context.report({
          range: view.toSource(start, end),
          message: sure
            ? `疑似泄露护照号码（${redacted}）：证件号码属于敏感个人信息，应删除或遮盖为“${redacted}”。`
            : `疑似护照号码（${redacted}）：如为个人证件号码，应删除或遮盖。`,
          expected: [redacted],
          source: SOURCE,
          severity: sure ? 'warning' : 'info',
          data: { masked: false, redacted, series: SERIES[m[0][0]!], context: sure },
        });
      }
    }
  },
});
