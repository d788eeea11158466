/**
 * @fileoverview privacy/cn-mobile: mainland mobile numbers on the prefixes actually allocated
 * (dictionaries/privacy/mobile-prefixes.json), written plain, spaced or dashed (138 1234 5678,
 * 138-1234-5678) and with +86 / 0086 / 86 / (+86) before them. Amounts, counts, numbers in URLs
 * and numbers labelled as something else (订单号, 工单号 …) are not phones. Staff mobiles in an
 * official notice are leaks too: the rule does not spare a 联系电话 context.
 */
import { defineRule } from '../../core/rule.js';
import {
  clauseBefore,
  compact,
  followedByUnit,
  freeAfter,
  freeBefore,
  insideUrl,
  labelledAsOtherNumber,
  precededByAmount,
} from './helpers/context.js';
import { DEFAULT_MASKS, maskMobile } from '../../knowledge/mask.js';
import { mobilePrefix } from '../../knowledge/phone.js';
import { reportMasked } from './helpers/report.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/cn-mobile. */
export interface CnMobileOptions {
  /** Already-masked numbers (138****5678): `info` with `data.masked: true`, or `off`. */
  readonly masked: 'info' | 'off';
}

const SOURCE = '《中华人民共和国个人信息保护法》；《政府信息公开条例》第十五条；工业和信息化部号段分配';

/**
 * An optional country prefix, then 1[3-9]x and eight digits, grouped 3-4-4 with one repeated
 * separator or 3-8. Bounded quantifiers only, anchored by a look-behind: linear on any input.
 */
const MOBILE = /(?<![0-9A-Za-z+])(?:(?:\+86|0086|86)[ -]?|[(（]\+?86[)）] ?)?1[3-9]\d(?:([ -]?)\d{4}\1\d{4}|[ -]\d{8})(?![0-9A-Za-z])/g;
/** The same shape with mask characters in the middle or at the end. */
const MASKED = /(?<![0-9A-Za-z*+])(?:(?:\+86|0086)[ -]?)?1[3-9][\d*xX×]([ -]?)[\d*xX×]{4}\1[\d*xX×]{4}(?![0-9A-Za-z*])/g;

/** Words that make a number a phone number. */
const PHONE_CONTEXT = /手机|电话|联系|致电|来电|拨打|电联|微信|号码|短信|Tel|Mobile|Phone/i;

/**
 * Whether `text[at]` is a slash between two phone numbers (13812345678/13912345678,
 * 0571-87654321/13812345678): seven or more digits on each side, the way notices list a second
 * number. Dates and paths (2023/11/13812345678) have shorter digit runs next to the slash.
 */
function slashBetweenPhones(text: string, at: number): boolean {
  if (text[at] !== '/' && text[at] !== '／') return false;
  return /\d{7}$/.test(text.slice(Math.max(0, at - 7), at)) && /^\d{7}/.test(text.slice(at + 1, at + 8));
}

export const cnMobile = defineRule<CnMobileOptions>({
  id: 'privacy/cn-mobile',
  meta: {
    description: '手机号码泄露：已分配号段的大陆手机号码（含 +86、空格或连字符写法）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { masked: 'info' },
    schema: { masked: { type: 'string', enum: ['info', 'off'] } },
    dictionaries: ['privacy/mobile-prefixes.json'],
    docs: {
      wrong: '联系人：李四，手机13812345678',
      right: '联系人：李四，手机138****5678（或改留办公电话）',
      source: '《个人信息保护法》；《政府信息公开条例》第十五条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      const masked = context.options.masked !== 'off' && census.masks >= 3 && census.digits >= 4;
      if (census.digits < 11 && !masked) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      MOBILE.lastIndex = census.digits >= 11 ? 0 : text.length;
      for (let m = MOBILE.exec(text); m !== null; m = MOBILE.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        const digits = compact(m[0]).slice(-11);
        const prefix = mobilePrefix(digits);
        if (!prefix) continue;
        if (!(freeBefore(text, start) || slashBetweenPhones(text, start - 1)) || !(freeAfter(text, end) || slashBetweenPhones(text, end))) continue;
        if (insideUrl(text, start, end)) continue;
        const before = clauseBefore(text, start, 16);
        const phoneContext = PHONE_CONTEXT.test(before);
        // A label right before the number (发票号码, 订单号) names it, even where a phone word stands earlier.
        if (labelledAsOtherNumber(before)) continue;
        if (!phoneContext && (precededByAmount(text, start) || followedByUnit(text, end))) continue;
        if (phoneContext && followedByUnit(text, end) && /^\s?[元万亿]/.test(text.slice(end, end + 2))) continue;
        const redacted = maskMobile(m[0], DEFAULT_MASKS['privacy/cn-mobile']!);
        context.report({
          range: view.toSource(start, end),
          message: `疑似泄露手机号码（${redacted}）：个人手机号码不应公开发布，应删除、遮盖为“${redacted}”或改留办公电话。`,
          expected: [redacted],
          source: SOURCE,
          data: { masked: false, redacted, carrier: prefix.carrier, segment: prefix.kind, context: phoneContext },
        });
      }
      if (masked) {
        MASKED.lastIndex = 0;
        for (let m = MASKED.exec(text); m !== null; m = MASKED.exec(text)) {
          const value = m[0];
          let masks = 0;
          for (const c of value) if (c === '*' || c === 'x' || c === 'X' || c === '×') masks++;
          if (masks < 3 || !freeBefore(text, m.index)) continue;
          if (labelledAsOtherNumber(clauseBefore(text, m.index, 16))) continue;
          reportMasked(context, view.toSource(m.index, m.index + value.length), '手机号码', SOURCE);
        }
      }
    }
  },
});
