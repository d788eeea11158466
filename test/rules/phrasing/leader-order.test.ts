import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

ruleTester.run('phrasing/leader-order', {
  valid: [
    { code: '习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希等出席会议', date: '2024-01-01' },
    { code: '习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正出席', date: '2019-03-05' },
    { code: '习近平、李克强、栗战书、汪洋、李强、赵乐际、韩正、蔡奇、丁薛祥、李希、王岐山到会祝贺', date: '2023-03-05' },
    { code: '2018年，习近平、李克强、栗战书出席会议', date: '2024-01-01' },
    { code: '赵乐际、韩正会见外宾', date: '2024-01-01' },
  ],
  invalid: [
    { code: '习近平、赵乐际、李强、王沪宁出席', date: '2024-01-01', findings: [at('习近平、赵乐际、李强、王沪宁出席', '习近平、赵乐际、李强、王沪宁', { expected: ['习近平、李强、赵乐际、王沪宁'], entryId: 'psc-ranking' })] },
    { code: '李强、习近平出席', date: '2024-01-01', findings: [at('李强、习近平出席', '李强、习近平', { expected: ['习近平、李强'] })] },
    { code: '习近平、李克强、赵乐际、汪洋出席', date: '2019-01-01', findings: [at('习近平、李克强、赵乐际、汪洋出席', '习近平、李克强、赵乐际、汪洋', { expected: ['习近平、李克强、汪洋、赵乐际'] })] },
  ],
});
