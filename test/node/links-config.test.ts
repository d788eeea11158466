import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeChecker } from '../../src/node/index.js';
import type { LinkCheckOptions } from '../../src/node/links.js';
import type { Config } from '../../src/types.js';

// link/dead-link findings come out of the kernel like every rule's: the network check only attaches
// verdicts (link facts), so the checker's config decides severity, off and the allow-list.

let server: Server;
let origin = '';
const options = (): LinkCheckOptions => ({ allowAddresses: ['127.0.0.1'], timeoutMs: 1_500, retries: 0 });

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/ok' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(req.method === 'HEAD' ? undefined : 'x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const page = () => `<p><a href="${origin}/gone">旧文</a> <a href="${origin}/ok">新文</a> <a href="${origin}/missing">另一篇</a></p>`;
const deadLinks = async (config?: Config) => (await (await createNodeChecker(config)).checkLinks(page(), options())).map((f) => `${f.severity} ${f.actual}`);

describe('checkLinks goes through the kernel', () => {
  it('reports dead links at the rule default severity', async () => {
    expect(await deadLinks()).toEqual([`error ${origin}/gone`, `error ${origin}/missing`]);
  });
  it('follows the severity the config sets', async () => {
    expect(await deadLinks({ rules: { 'link/dead-link': 'warning' } })).toEqual([`warning ${origin}/gone`, `warning ${origin}/missing`]);
  });
  it('reports nothing when the rule is off, in either spelling', async () => {
    expect(await deadLinks({ rules: { 'link/dead-link': 'off' } })).toEqual([]);
    expect(await deadLinks({ rules: { 'link/dead-link': ['off' as 'error', {}] } })).toEqual([]);
  });
  it('honours the allow-list', async () => {
    expect(await deadLinks({ allow: [`${origin}/gone`] })).toEqual([`error ${origin}/missing`]);
  });
});
