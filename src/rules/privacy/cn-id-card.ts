import provinces from '../../../dictionaries/privacy/cn-provinces.json';
import { defineRule } from '../../core/rule.js';

const PROVINCES: Readonly<Record<string, string>> = provinces.entries;

/** ISO 7064 MOD 11-2 weights for the 17 body digits (GB 11643-1999, 6.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character of a 17-digit body: ISO 7064 MOD 11-2 as specified by GB 11643-1999. */
export function idCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

/**
 * 18 characters not inside a longer run of digits or letters. The class is fixed-width, so the scan is
 * linear whatever the input (no nested quantifiers, no backtracking beyond one candidate).
 */
const CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

function mask(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** Resident ID numbers (and HK/Macao/Taiwan residence-permit numbers) with a valid GB 11643-1999 check digit. */
export const cnIdCard = defineRule({
  id: 'privacy/cn-id-card',
  meta: {
    description: '公民身份号码（含港澳台居民居住证号码）泄露：校验码、出生日期、地址码均有效',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['privacy/cn-provinces.json'],
    docs: {
      wrong: '申请人：张三，身份证号110101199003074514',
      right: '申请人：张*，身份证号110101********4514',
      source: 'GB 11643-1999《公民身份号码》；《个人信息保护法》第二十八条；国办秘函〔2019〕19号',
    },
  },
  check(context) {
    const [y, m, d] = context.date.split('-').map(Number) as [number, number, number];
    const todayKey = y * 10000 + m * 100 + d;
    for (const segment of context.document.segments) {
      const text = segment.text;
      if (text.length < 18) continue;
      CANDIDATE.lastIndex = 0;
      for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
        const id = match[0].toUpperCase();
        const region = PROVINCES[id.slice(0, 2)];
        if (region === undefined) continue;
        const by = Number(id.slice(6, 10));
        const bm = Number(id.slice(10, 12));
        const bd = Number(id.slice(12, 14));
        if (by < 1900 || !isRealDate(by, bm, bd) || by * 10000 + bm * 100 + bd > todayKey) continue;
        if (idCheckChar(id) !== id[17]) continue;
        const masked = mask(id);
        context.report({
          range: segment.toSource(match.index, match.index + 18),
          message: `疑似泄露公民身份号码（${masked}）：公开发布前应删除或遮盖，如改为“${masked}”。`,
          expected: [mask(match[0])],
          source: 'GB 11643-1999《公民身份号码》；《个人信息保护法》',
          data: {
            masked: false,
            region,
            birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
            sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
            checksumValid: true,
          },
        });
      }
    }
  },
});
