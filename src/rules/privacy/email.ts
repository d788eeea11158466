/**
 * @fileoverview privacy/email: personal mailboxes. An office's published mailboxes (on
 * gov.cn/org.cn/edu.cn domains, or after 投稿邮箱, 联系邮箱, 监督邮箱 …) are not reported;
 * a mailbox after words of a private person (本人邮箱, 我的邮箱 …) or whose name is a mobile
 * number or a QQ number is a leak (`warning`); any other mailbox is reported at `info`.
 */
import { defineRule } from '../../core/rule.js';
import { clauseBefore, insideUrl } from './helpers/context.js';
import { maskEmail } from '../../knowledge/mask.js';
import { mobilePrefix } from '../../knowledge/phone.js';
import { censusOf, viewOf } from './helpers/view.js';

/** Options of privacy/email. */
export interface EmailOptions {
  /** Mailboxes of offices (government domains, 联系邮箱 …): `off` (default) or `info`. */
  readonly office: 'off' | 'info';
}

const SOURCE = '《中华人民共和国个人信息保护法》第四条（个人信息的定义）';

/**
 * Local part (1–64 of the usual characters), @, 1–8 dot-separated labels. Starts only where no
 * local-part character precedes, so each start position is tried once: linear on any input.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){1,8}/g;

const OFFICIAL_DOMAIN = /\.(?:gov|org|edu|mil)\.cn$|\.gov$/i;
/** Labels of an office's published mailbox; a bare 邮箱 or 信箱 label opening its clause is a page's own contact line. */
const OFFICE_CONTEXT = /投稿|来稿|纠错|编辑部|联系邮箱|咨询邮箱|监督邮箱|举报邮箱|投诉邮箱|受理邮箱|工作邮箱|官方邮箱|办公邮箱|报名邮箱|邮箱地址|联系方式|电子邮件|E-?mail|^\s*(?:电子)?(?:邮箱|信箱)\s*[:：]?\s*$/i;
const PERSONAL_CONTEXT = /本人|个人邮箱|私人邮箱|我的|家属|申请人|反映人|举报人|投诉人|来信人|留言人/;

export const email = defineRule<EmailOptions>({
  id: 'privacy/email',
  meta: {
    description: '个人电子邮箱泄露：机关公开的投稿、联系、监督邮箱不报',
    defaultSeverity: 'info',
    recommended: true,
    fixable: false,
    defaultOptions: { office: 'off' },
    schema: { office: { type: 'string', enum: ['off', 'info'] } },
    docs: {
      wrong: '来信人邮箱：13812345678@163.com',
      right: '来信人邮箱：1**********@163.com（或删除）',
      source: '《个人信息保护法》第四条',
    },
  },
  check(context) {
    for (const segment of context.document.segments) {
      if (!censusOf(segment).at) continue;
      const view = viewOf(context, segment);
      const text = view.text;
      EMAIL.lastIndex = 0;
      for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
        let value = m[0];
        // A sentence-final dot or hyphen is not part of the address.
        while (/[.-]$/.test(value)) value = value.slice(0, -1);
        const start = m.index;
        const end = start + value.length;
        const at = value.indexOf('@');
        const local = value.slice(0, at);
        const domain = value.slice(at + 1);
        const tld = domain.slice(domain.lastIndexOf('.') + 1);
        if (!/^[A-Za-z]{2,24}$/.test(tld)) continue;
        // mailto: links are URLs too; only other URLs (credentials in a link) are skipped.
        if (insideUrl(text, start, end) && !/mailto:$/i.test(text.slice(Math.max(0, start - 7), start))) continue;
        const before = clauseBefore(text, start, 16);
        // A mobile number as the local part marks a person's mailbox; so does a QQ number, unless an office
        // label names it (offices publish QQ mailboxes too: 纠错：171964650@qq.com).
        const officeLabel = OFFICE_CONTEXT.test(before);
        const qqNumber = /^[1-9]\d{4,10}$/.test(local) && /^(?:qq|vip\.qq|foxmail)\.com$/i.test(domain);
        const personal = PERSONAL_CONTEXT.test(before) || mobilePrefix(local) !== undefined || (qqNumber && !officeLabel);
        const office = !personal && (OFFICIAL_DOMAIN.test(domain) || officeLabel);
        if (office && context.options.office === 'off') continue;
        const redacted = maskEmail(value);
        context.report({
          range: view.toSource(start, end),
          message: personal
            ? `疑似泄露个人电子邮箱（${redacted}）：应删除或遮盖为“${redacted}”。`
            : `电子邮箱（${redacted}）：如为个人邮箱，应删除或遮盖；机关公开的邮箱可忽略。`,
          expected: [redacted],
          source: SOURCE,
          severity: personal ? 'warning' : 'info',
          data: { masked: false, redacted, domain, context: personal ? 'personal' : office ? 'office' : 'none' },
        });
      }
    }
  },
});
