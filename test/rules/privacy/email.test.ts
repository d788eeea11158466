import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('privacy/email', {
  valid: [
    { code: '投稿邮箱：xinxi@example.com', name: 'an office mailbox by its label' },
    { code: '联系邮箱 office@hz.gov.cn', name: 'a government domain' },
    { code: '纠错：171964650@qq.com', name: 'a QQ mailbox an office label names' },
    { code: '邮箱：3125136050@qq.com', name: 'a page header whose contact line is only a mailbox label' },
    { code: '来信请寄 bgs@mail.gov.cn。', name: 'a government domain at a sentence end' },
    { code: '版本 v1.2@beta', name: 'no top-level domain' },
    { code: '见 https://user:pw@example.com/path', name: 'credentials inside a URL' },
    { code: '用户@某某', name: 'no ASCII address' },
    { code: `${'a'.repeat(1_000_000)}@`, name: 'a megabyte local part' },
    { code: `a@${'b.'.repeat(300_000)}`, name: 'a long run of labels' },
  ],
  invalid: [
    { code: '来信人邮箱：zhangsan@163.com', findings: [{ range: [6, 22], actual: 'zhangsan@163.com', expected: ['z*******@163.com'], data: { context: 'personal' } }] },
    { code: '邮箱13812345678@163.com', name: 'a mobile as the mailbox name', findings: [{ range: [2, 21], actual: '13812345678@163.com', data: { context: 'personal' } }] },
    { code: '联系人王五，3125136050@qq.com', name: 'a QQ mailbox after a person, with no office label', findings: [{ range: [6, 23], actual: '3125136050@qq.com', data: { context: 'personal' } }] },
    { code: 'QQ邮箱 123456789@qq.com。', name: 'a QQ number', findings: [{ range: [5, 21], actual: '123456789@qq.com', data: { context: 'personal' } }] },
    { code: '请联系 li.si-2020@example.com.cn.', name: 'trailing dot trimmed', findings: [{ range: [4, 29], actual: 'li.si-2020@example.com.cn', data: { context: 'none' } }] },
    { code: '联系邮箱 office@hz.gov.cn', options: { office: 'info' }, name: 'office mailboxes at info when asked', findings: [{ range: [5, 21], actual: 'office@hz.gov.cn', data: { context: 'office' } }] },
  ],
});
