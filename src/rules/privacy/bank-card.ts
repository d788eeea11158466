/**
 * @fileoverview privacy/bank-card: payment-card numbers of 15–19 digits, written plain or in
 * groups of four, that pass Luhn and either start with a known issuer prefix of the right length
 * (dictionaries/privacy/card-bins.json) or follow a card-number word (卡号, 银行账号 …). IMEIs,
 * serial and order numbers that happen to pass Luhn are told apart by their labels; valid ID
 * numbers are left to privacy/cn-id-card.
 */
import { defineRule } from '../../core/rule.js';
import { cardIssuer } from '../../knowledge/card.js';
import { isLuhnValid } from '../../knowledge/checksum.js';
import { clauseBefore, compact, followedByUnit, freeAfter, freeBefore, insideUrl, labelledAsOtherNumber, precededByAmount } from './helpers/context.js';
import { validateId18 } from '../../knowledge/id-card.js';
import { isKnownRegion } from '../../knowledge/regions.js';
import { DEFAULT_MASKS, maskValue } from '../../knowledge/mask.js';
import { reportMasked } from './helpers/report.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/bank-card. */
export interface BankCardOptions {
  /** Already-masked numbers (6222 **** **** 1234): `info` with `data.masked: true`, or `off`. */
  readonly masked: 'info' | 'off';
}

const SOURCE = '《中华人民共和国个人信息保护法》第二十八条（金融账户属敏感个人信息）；ISO/IEC 7812-1';

/** 15–19 digits in one run, or four-digit groups joined by one space or dash (4-4-4-4[-1..3], 4-4-4-4-4-3 …). */
const CARD = /(?<![0-9A-Za-z])(?:\d{15,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{3,4}(?:\1\d{1,4})?|\d{6}([ -])\d{9,13})(?![0-9A-Za-z])/g;
/** Masked forms: a visible head and tail, four or more mask characters between. */
const MASKED = /(?<![0-9A-Za-z*])\d{4,6}(?:[ -]?[*xX×]{2,4}){2,4}[ -]?[*xX×]{0,4}\d{3,4}(?![0-9A-Za-z*])|(?<![0-9A-Za-z*])\d{4,6}[*xX×]{6,9}\d{4}(?![0-9A-Za-z*])/g;

/** Words that make a number a card or account number. */
const CARD_CONTEXT = /卡号|银行卡|借记卡|信用卡|储蓄卡|银联卡|社保卡|账号|帐号|账户|帐户|开户行|收款|汇款|转账|转入|Card/i;
/** Words of a payment card (not just an account). */
const CARD_WORD = /卡号|银行卡|借记卡|信用卡|储蓄卡|银联卡|社保卡|Card/i;
/** Words of an identity number (a masked ID is not a masked card). */
const ID_WORD = /身份证|身份号|证件号|居住证|永居证/;
/** Labels of non-card numbers that a Luhn check cannot tell apart. */
const NOT_CARD = /IMEI|MEID|IMSI|ICCID|序列号|串号|设备号|机身号|S\/?N/i;

export const bankCard = defineRule<BankCardOptions>({
  id: 'privacy/bank-card',
  meta: {
    description: '银行卡号泄露：15–19 位、通过 Luhn 校验，且有已知发卡机构前缀或“卡号”等提示词',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: { masked: 'info' },
    schema: { masked: { type: 'string', enum: ['info', 'off'] } },
    dictionaries: ['privacy/card-bins.json'],
    docs: {
      wrong: '补贴已发放至6222021234567890128',
      right: '补贴已发放至尾号0128的银行卡',
      source: '《个人信息保护法》第二十八条',
    },
  },
  check(context) {
    const today = context.date;
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      const masked = context.options.masked !== 'off' && census.masks >= 4 && census.digits >= 7;
      if (census.digits < 15 && !masked) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      CARD.lastIndex = census.digits >= 15 ? 0 : text.length;
      for (let m = CARD.exec(text); m !== null; m = CARD.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        const digits = compact(m[0]);
        if (digits.length < 15 || digits.length > 19 || !isLuhnValid(digits)) continue;
        if (digits.length === 18 && typeof validateId18(digits, 0, today) === 'object') continue;
        if (!freeBefore(text, start) || !freeAfter(text, end) || insideUrl(text, start, end)) continue;
        const before = clauseBefore(text, start, 16);
        const cardContext = CARD_CONTEXT.test(before);
        if (NOT_CARD.test(before)) continue;
        if (!cardContext && (labelledAsOtherNumber(before) || precededByAmount(text, start) || followedByUnit(text, end))) continue;
        const issuer = cardIssuer(digits);
        if (!issuer && !cardContext) continue;
        // Without a card-issuer prefix and without a card word, an account number (账号, 开户行) is
        // most often an organisation's settlement account, published on purpose (保证金账户, 收款账户):
        // persons' accounts are card numbers on an issuer prefix. Reported at info, not dropped.
        const accountOnly = !issuer && !CARD_WORD.test(before);
        const redacted = maskValue(m[0], DEFAULT_MASKS['privacy/bank-card']!);
        context.report({
          range: view.toSource(start, end),
          message: accountOnly
            ? `银行账号（${redacted}）：如为个人账户，应删除或只保留“尾号${digits.slice(-4)}”；单位公开的收款、保证金账户可忽略。`
            : `疑似泄露银行卡号（${redacted}）：金融账户属于敏感个人信息，应删除，或只保留“尾号${digits.slice(-4)}”。`,
          expected: [redacted],
          source: SOURCE,
          ...(accountOnly ? { severity: 'info' as const, advisory: true } : {}),
          data: { masked: false, redacted, issuer: issuer?.brand, length: digits.length, context: cardContext },
        });
      }
      if (masked) {
        MASKED.lastIndex = 0;
        for (let m = MASKED.exec(text); m !== null; m = MASKED.exec(text)) {
          const value = m[0];
          const total = compact(value).length + (value.match(/[*×]/g)?.length ?? 0);
          const maskedBefore = clauseBefore(text, m.index, 16);
          if (total < 15 && !CARD_CONTEXT.test(maskedBefore)) continue;
          // 18 characters after an ID word, or starting with a province code without a card word,
          // are a masked ID number (110101********4514, 1101**********4514): privacy/cn-id-card
          // reports those (cards of 18 digits are rare).
          if (total === 18 && !CARD_CONTEXT.test(maskedBefore) && (ID_WORD.test(maskedBefore) || isKnownRegion(`${value.slice(0, 2)}0000`))) continue;
          if (!freeBefore(text, m.index)) continue;
          reportMasked(context, view.toSource(m.index, m.index + value.length), '银行卡号', SOURCE);
        }
      }
    }
  },
});
