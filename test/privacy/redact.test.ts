import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { redact } from '../../src/redact.js';
import { withIdCheck, withLuhn } from './reference.js';

const id = withIdCheck('11010119900307451');
const card = withLuhn('622202123456789012');

describe('redact', () => {
  it('masks every leak with the default masks and leaves the rest of the text alone', () => {
    const text = `申请人张某，身份证号${id}，手机138-1234-5678，家庭电话0571-87654321，卡号${card}，邮箱zhangsan@163.com，护照号E12345678。`;
    expect(redact(text)).toBe(
      `申请人张某，身份证号110101********${id.slice(14)}，手机138-****-5678，家庭电话0571-******21，卡号6222***********${card.slice(-4)}，邮箱z*******@163.com，护照号E*****678。`,
    );
  });

  it('keeps office numbers, hotlines, already-masked values and traps', () => {
    const text = '咨询电话：0571-87054321，热线12345，申请人身份证号110101********1234，手机138****5678，国办发〔2017〕47号，投资13812345678元。';
    expect(redact(text)).toBe(text);
  });

  it('takes findings from a check the caller already ran, and HTML keeps its markup', () => {
    const html = `<p>身份证号：<b>${id.slice(0, 10)}</b>${id.slice(10)}，手机<i>13812345678</i></p>`;
    const findings = createChecker({ preset: 'recommended' }).checkHtml(html);
    expect(redact(html, findings)).toBe(`<p>身份证号：<b>110101****</b>****${id.slice(14)}，手机<i>138****5678</i></p>`);
    expect(redact(html, undefined, { format: 'html' })).toBe(redact(html, findings));
  });

  it('honours custom masks, the mask character and a minimum severity', () => {
    const text = `身份证${id}，王五 0571-87654321`;
    expect(redact(text, undefined, { masks: { 'privacy/cn-id-card': { keepStart: 0, keepEnd: 0 } }, char: '×' })).toBe(`身份证${'×'.repeat(18)}，王五 0571-××××××21`);
    expect(redact(text, undefined, { minSeverity: 'warning' })).toBe(`身份证110101********${id.slice(14)}，王五 0571-87654321`);
  });

  it('ignores findings that do not belong to the text', () => {
    const findings = createChecker({ preset: 'recommended' }).check(`身份证${id}`);
    expect(redact('另一段文字', findings)).toBe('另一段文字');
  });

  it('leaves no planted ID, mobile or card readable, and changes nothing else (property)', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const value = fc.oneof(
      fc.tuple(fc.constantFrom('110101', '440300', '441900', '653228', '810000'), fc.integer({ min: 1940, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3)).map(
        ([r, y, m, d, q]) => withIdCheck(`${r}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${q}`),
      ),
      fc.tuple(fc.constantFrom('138', '159', '186', '199', '170'), digits(8)).map(([p, rest]) => p + rest),
      digits(12).map((rest) => withLuhn(`622202${rest}`)),
    );
    const filler = fc.constantFrom('，', '。', '、', '申请人', '联系方式：', '身份证号', '手机', '卡号', ' ', '\n', '张某', '王某', '（李某）', '男', '女', '先生', '电话：');
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, value), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([f, v]) => `${f}${v}`).join('');
        const out = redact(text);
        expect(out.length).toBe(text.length);
        for (const [, v] of parts) expect(out.includes(v)).toBe(false);
        for (let i = 0; i < text.length; i++) if (out[i] !== text[i]) expect(out[i]).toBe('*');
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on a megabyte input', () => {
    const text = `手机13812345678，`.repeat(40_000);
    const out = redact(text);
    expect(out.length).toBe(text.length);
    expect(out.includes('13812345678')).toBe(false);
  });
});
