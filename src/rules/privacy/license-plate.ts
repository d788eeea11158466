/**
 * @fileoverview privacy/license-plate: motor-vehicle plates (GA 36-2018): a province character,
 * the issuing office's letter, then five characters (at most two letters, no I or O) or the six
 * of a new-energy plate (D/F — or, since the series was extended, A–K without I — then a letter
 * or digit and four digits on small vehicles; five digits then that letter on large ones), optionally a 挂/学/警/港/澳/领 suffix. Enforcement notices
 * publish plates on purpose, so the default severity is `info`.
 */
import { defineRule } from '../../core/rule.js';
import { clauseBefore } from './helpers/context.js';
import { DEFAULT_MASKS, maskPlate } from '../../knowledge/mask.js';
import { reportMasked } from './helpers/report.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/license-plate. */
export interface LicensePlateOptions {
  /** Already-masked plates (京A·1**34): `info` with `data.masked: true`, or `off`. */
  readonly masked: 'info' | 'off';
}

const SOURCE = 'GA 36-2018《中华人民共和国机动车号牌》；《个人信息保护法》第四条';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(`[${PROVINCES}][A-HJ-NP-Z][·・•. -]?[A-HJ-NP-Z0-9*]{4,6}[挂学警港澳领试超]?(?![0-9A-Za-z*])`, 'g');
const PROVINCE_TEST = new RegExp(`[${PROVINCES}][A-HJ-NP-Z]`);
const CONTEXT = /车牌|号牌|车辆|车主|驾驶|机动车|违停|违章|违法/;

/** Whether the characters after the office letter form a real plate body. */
function isPlateBody(body: string, suffix: string): boolean {
  // New-energy plates: D/F first (small) or last (large); since the 2022 extension of the series,
  // A B C E mark pure-electric and G H J K other new-energy vehicles as well.
  if (body.length === 6) return /^[A-HJK][A-HJ-NP-Z0-9]\d{4}$/.test(body) || /^\d{5}[A-HJK]$/.test(body);
  if (body.length === 5) {
    const letters = body.replace(/\d/g, '').length;
    return letters <= 2 && body.length - letters >= 3;
  }
  return body.length === 4 && suffix !== '' && /^\d{4}$|^[A-HJ-NP-Z]\d{3}$/.test(body);
}

export const licensePlate = defineRule<LicensePlateOptions>({
  id: 'privacy/license-plate',
  meta: {
    description: '机动车号牌：含新能源号牌；执法公告常有意公开号牌，默认仅提示',
    defaultSeverity: 'info',
    recommended: true,
    fixable: false,
    defaultOptions: { masked: 'info' },
    schema: { masked: { type: 'string', enum: ['info', 'off'] } },
    docs: {
      wrong: '车主张三（车牌号粤B12345）',
      right: '车主张*（车牌号粤B***45）',
      source: 'GA 36-2018；《个人信息保护法》第四条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      const census = censusOf(segment);
      if (census.capitals === 0 || census.digits < 3 || !PROVINCE_TEST.test(census.fold ? viewOf(context, segment).text : segment.text)) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      PLATE.lastIndex = 0;
      for (let m = PLATE.exec(text); m !== null; m = PLATE.exec(text)) {
        const value = m[0];
        const start = m.index;
        const end = start + value.length;
        const suffixMatch = /[挂学警港澳领试超]$/.exec(value);
        const suffix = suffixMatch ? suffixMatch[0] : '';
        const body = value.slice(2, value.length - suffix.length).replace(/^[·・•. -]/, '');
        const masks = body.replace(/[^*]/g, '').length;
        if (masks > 0) {
          if (context.options.masked === 'off' || masks === body.length || body.length < 5) continue;
          reportMasked(context, view.toSource(start, end), '号牌', SOURCE);
          continue;
        }
        if (!isPlateBody(body, suffix)) continue;
        const redacted = maskPlate(value, DEFAULT_MASKS['privacy/license-plate']!);
        const sure = CONTEXT.test(clauseBefore(text, start, 16));
        context.report({
          range: view.toSource(start, end),
          message: `机动车号牌（${redacted}）：号牌可关联到车主，非执法公开需要的应遮盖为“${redacted}”。`,
          expected: [redacted],
          source: SOURCE,
          data: { masked: false, redacted, newEnergy: body.length === 6, context: sure },
        });
      }
    }
  },
});
