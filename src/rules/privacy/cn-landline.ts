/**
 * @fileoverview privacy/cn-landline: fixed-line numbers with an allocated area code
 * (dictionaries/privacy/landline-area-codes.json), optionally +86 and an extension. Most
 * landlines on a government page are the office's own published numbers: after 联系电话,
 * 咨询电话, 传真 and the like they are not reported (or at `info`, as configured); after words
 * of a private household (家庭电话, 住宅电话 …) they are a leak (`warning`); elsewhere `info`.
 * A clause that also names a listed public hotline (dictionaries/privacy/hotlines.json) is an
 * office's contact list.
 */
import { defineRule } from '../../core/rule.js';
import { clauseBefore, followedByUnit, freeAfter, freeBefore, insideUrl, labelledAsOtherNumber, precededByAmount } from './helpers/context.js';
import { maskLandline } from '../../knowledge/mask.js';
import { areaCodeOf, areaRegion, isHotline } from '../../knowledge/phone.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/cn-landline. */
export interface CnLandlineOptions {
  /** Numbers in an office context (联系电话, 咨询电话, 传真 …): `off` (default) or `info`. */
  readonly office: 'off' | 'info';
}

const SOURCE = '《中华人民共和国个人信息保护法》；《政府信息公开条例》第十五条';

/**
 * [+86] area code (in brackets or followed by an optional separator), a 7- or 8-digit number
 * starting 2–9 (optionally split 3/4-4), an optional extension. Bounded quantifiers only.
 */
const LANDLINE =
  /(?<![0-9A-Za-z+])(?<intl>(?:\+86|0086)[ -]?)?(?:[(（](?<a1>0?\d{2,3})[)）] ?|(?<a2>0?\d{2,3})(?<sep> ?[-－—] ?| )?)(?<local>[2-9]\d{2,3}[ -]?\d{4})(?:(?<extSep>[ -]|转|分机|ext\.?)(?<ext>\d{1,6}))?(?![0-9A-Za-z])/gi;

/**
 * Labels under which a government page publishes numbers (联系电话, 咨询电话, 传真, 热线 …, or
 * just 电话): without a household word such a number is the office's own.
 */
const OFFICE_CONTEXT = /电话|联系|咨询|热线|传真|总机|值班|办公|服务|监督|举报|投诉|受理|报名|Tel|Fax/i;
/** Short numbers standing alone in a clause: candidates for a listed public hotline. */
const SHORT_NUMBER = /(?<![0-9])(?:1\d{2,4}|9[56]\d{3})(?![0-9])/g;

/** Whether `clause` mentions a published hotline (12345, 12315, 110 …): then its landlines are public too. */
function mentionsHotline(clause: string): boolean {
  SHORT_NUMBER.lastIndex = 0;
  for (let m = SHORT_NUMBER.exec(clause); m !== null; m = SHORT_NUMBER.exec(clause)) if (isHotline(m[0])) return true;
  return false;
}

/** A private household's number. */
const PERSONAL_CONTEXT = /家庭|住宅|宅电|家中|家里|我家|我的|本人|个人|私人|家属|户主|家住|住址/;
/**
 * A citizen writing to or reported to the office (反映人王某，电话…): the number after it is theirs,
 * unless an office line is named after the role (举报人可拨打举报电话…). 申请人 and 当事人 are left
 * out: they are as often a company as a person.
 */
const PERSON_ROLE = /(?:举报|反映|来信|投诉|留言|信访|求助|来访|咨询|来电)人|网友|来电号码/;
const OFFICE_LINE = /举报电话|监督电话|咨询电话|服务电话|投诉电话|受理电话|值班电话|办公电话|热线|传真|总机/;

/** Whether the number after `before` is a private person's. */
function isPersonal(before: string): boolean {
  if (PERSONAL_CONTEXT.test(before)) return true;
  const role = before.search(PERSON_ROLE);
  return role >= 0 && !OFFICE_LINE.test(before.slice(role));
}

export const cnLandline = defineRule<CnLandlineOptions>({
  id: 'privacy/cn-landline',
  meta: {
    description: '固定电话号码：住宅电话泄露报警告，机关公开的联系电话、咨询电话、热线不报',
    defaultSeverity: 'info',
    recommended: true,
    fixable: false,
    defaultOptions: { office: 'off' },
    schema: { office: { type: 'string', enum: ['off', 'info'] } },
    dictionaries: ['privacy/landline-area-codes.json', 'privacy/hotlines.json'],
    docs: {
      wrong: '反映人王五，家庭电话0571-87654321',
      right: '反映人王*，家庭电话0571-876543**（或删除）',
      source: '《个人信息保护法》；《政府信息公开条例》第十五条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      if (censusOf(segment).digits < 10) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      LANDLINE.lastIndex = 0;
      for (let m = LANDLINE.exec(text); m !== null; m = LANDLINE.exec(text)) {
        const g = m.groups!;
        const start = m.index;
        const end = start + m[0].length;
        const local = g.local!.replace(/[ -]/g, '');
        let area = g.a1 ?? g.a2!;
        if (!g.intl && !area.startsWith('0')) continue;
        if (!area.startsWith('0')) area = `0${area}`;
        let subscriber = local;
        if (g.a2 !== undefined && !g.sep) {
          // No separator: split by the area-code plan (010/02x three digits, others four).
          const joined = area + local;
          const code = areaCodeOf(joined);
          if (!code) continue;
          area = code;
          subscriber = joined.slice(code.length);
        }
        if (areaCodeOf(area) !== area) continue;
        if (subscriber.length < 7 || subscriber.length > 8 || subscriber.charCodeAt(0) < 50) continue;
        if (!freeBefore(text, start) || !freeAfter(text, end) || insideUrl(text, start, end)) continue;
        const before = clauseBefore(text, start, 20);
        if (labelledAsOtherNumber(before) || precededByAmount(text, start) || followedByUnit(text, end)) continue;
        const personal = isPersonal(before);
        const office = !personal && (OFFICE_CONTEXT.test(before) || mentionsHotline(before));
        if (office && context.options.office === 'off') continue;
        const value = m[0];
        // Mask the subscriber number but its last two digits; the area code and extension stay.
        const localEnd = value.length - (g.ext !== undefined ? g.ext.length + g.extSep!.length : 0);
        const areaEnd = localEnd - g.local!.length;
        const redacted = maskLandline(value, areaEnd, localEnd);
        context.report({
          range: view.toSource(start, end),
          message: personal
            ? `疑似泄露住宅电话（${redacted}）：个人固定电话不应公开发布，应删除或遮盖为“${redacted}”。`
            : `固定电话号码（${redacted}，${areaRegion(area) ?? area}）：如为个人电话，应删除或遮盖；机关公开的办公电话可忽略。`,
          expected: [redacted],
          source: SOURCE,
          severity: personal ? 'warning' : 'info',
          data: { masked: false, redacted, areaCode: area, region: areaRegion(area), context: personal ? 'personal' : office ? 'office' : 'none' },
        });
      }
    }
  },
});
