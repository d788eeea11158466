/**
 * @fileoverview privacy/travel-permit: numbers of the permits for travel between the mainland,
 * Hong Kong, Macao and Taiwan. 往来港澳通行证 (card since 2014: C + 8 digits, then C + a letter
 * + 7 digits; booklet: W + 8 digits), 往来台湾通行证 (card since 2015: L + 8 digits; booklet:
 * T + 8 digits), 港澳居民来往内地通行证 (H/M + 8 digits, + 2 digits of renewals) and, after its
 * name, 台湾居民来往大陆通行证 (8 digits). A permit word before the number makes it a leak
 * (`warning`); the bare C/L card forms are reported at `info`.
 */
import { defineRule } from '../../core/rule.js';
import { clauseBefore, freeAfter, freeBefore, insideUrl, labelledAsOtherNumber } from './helpers/context.js';
import { DEFAULT_MASKS, maskValue } from '../../knowledge/mask.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/travel-permit. */
export interface TravelPermitOptions {
  /** C/L card numbers without a permit word: `info` (default) or `off`. */
  readonly uncertain: 'info' | 'off';
}

const SOURCE = '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》；《中国公民往来台湾地区管理办法》；《个人信息保护法》第二十八条';

const PERMIT = /(?<![0-9A-Za-z])(?:[CWLTHM]\d{8}(?:\d{2})?|C[A-HJ-NP-Z]\d{7})(?![0-9A-Za-z])/g;
/** 台胞证: eight digits after its name. */
const TAIWAN_COMPATRIOT = /(?<![0-9A-Za-z])\d{8}(?![0-9A-Za-z])/g;

const PERMIT_CONTEXT = /通行证|回乡证|台胞证|港澳证|签注|证件号|证件号码/;
const TAIWAN_CONTEXT = /台胞证|台湾居民来往大陆通行证/;

const KINDS: Readonly<Record<string, string>> = {
  C: '往来港澳通行证',
  W: '往来港澳通行证（本式）',
  L: '往来台湾通行证',
  T: '往来台湾通行证（本式）',
  H: '港澳居民来往内地通行证',
  M: '港澳居民来往内地通行证',
};

export const travelPermit = defineRule<TravelPermitOptions>({
  id: 'privacy/travel-permit',
  meta: {
    description: '港澳台通行证号码泄露：往来港澳/台湾通行证、回乡证、台胞证',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { uncertain: 'info' },
    schema: { uncertain: { type: 'string', enum: ['info', 'off'] } },
    docs: {
      wrong: '往来港澳通行证号码：C12345678',
      right: '往来港澳通行证号码：C*****678',
      source: '《个人信息保护法》第二十八条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      if (census.digits < 7) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      if (census.capitals > 0) {
        PERMIT.lastIndex = 0;
        for (let m = PERMIT.exec(text); m !== null; m = PERMIT.exec(text)) {
          const start = m.index;
          const end = start + m[0].length;
          if (!freeBefore(text, start) || !freeAfter(text, end) || insideUrl(text, start, end)) continue;
          const letter = m[0][0]!;
          const before = clauseBefore(text, start, 20);
          const sure = PERMIT_CONTEXT.test(before);
          // Booklet and home-return forms are too common as other codes to report without a word.
          if (!sure && (letter !== 'C' && letter !== 'L' || m[0].length !== 9 || labelledAsOtherNumber(before) || context.options.uncertain === 'off')) continue;
          const redacted = maskValue(m[0], DEFAULT_MASKS['privacy/travel-permit']!);
          context.report({
            range: view.toSource(start, end),
            message: sure
              ? `疑似泄露${KINDS[letter]}号码（${redacted}）：证件号码属于敏感个人信息，应删除或遮盖为“${redacted}”。`
              : `疑似${KINDS[letter]}号码（${redacted}）：如为个人证件号码，应删除或遮盖。`,
            expected: [redacted],
            source: SOURCE,
            severity: sure ? 'warning' : 'info',
            data: { masked: false, redacted, permit: KINDS[letter], context: sure },
          });
        }
      }
      if (TAIWAN_CONTEXT.test(text)) {
        TAIWAN_COMPATRIOT.lastIndex = 0;
        for (let m = TAIWAN_COMPATRIOT.exec(text); m !== null; m = TAIWAN_COMPATRIOT.exec(text)) {
          const start = m.index;
          const end = start + 8;
          if (!TAIWAN_CONTEXT.test(clauseBefore(text, start, 16))) continue;
          if (!freeBefore(text, start) || !freeAfter(text, end)) continue;
          const redacted = maskValue(m[0], { keepStart: 0, keepEnd: 3 });
          context.report({
            range: view.toSource(start, end),
            message: `疑似泄露台湾居民来往大陆通行证号码（${redacted}）：应删除或遮盖为“${redacted}”。`,
            expected: [redacted],
            source: SOURCE,
            severity: 'warning',
            data: { masked: false, redacted, permit: '台湾居民来往大陆通行证', context: true },
          });
        }
      }
    }
  },
});
