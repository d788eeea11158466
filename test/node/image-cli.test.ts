import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createNodeChecker } from '../../src/node/index.js';
import { BEIJING_GPS, jpeg } from '../fixtures/images/make.js';

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  }) as Writable & { text: () => string; isTTY?: boolean };
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

describe('image checks through shenjiao/node and the CLI', () => {
  let dir: string;
  const page = '<html><body><h1>通知</h1><p><img src="img/small.jpg" width="900" alt="会场"></p><p><img src="img/gps.jpg"></p><p><img src="img/none.png" alt="缺图"></p></body></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shenjiao-cli-'));
    mkdirSync(join(dir, 'site', 'img'), { recursive: true });
    writeFileSync(join(dir, 'site', 'img', 'small.jpg'), await jpeg(400, 300));
    writeFileSync(join(dir, 'site', 'img', 'gps.jpg'), await jpeg(1200, 800, { exif: BEIJING_GPS }));
    writeFileSync(join(dir, 'site', 'index.html'), page);
    writeFileSync(join(dir, 'photo.jpg'), await jpeg(250, 180));
    mkdirSync(join(dir, 'site', 'news'), { recursive: true });
    writeFileSync(join(dir, 'site', 'news', 'a.html'), '<p><img src="/img/small.jpg" width="900" alt="会场"></p><p><img src="../img/gps.jpg" alt="现场"></p><p><img src="../../photo.jpg" alt="越界"></p>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('node.checkImage applies the checker config', async () => {
    const node = await createNodeChecker({ rules: { 'image/low-resolution': 'off' } });
    expect(await node.checkImage(join(dir, 'photo.jpg'))).toEqual([]);
    const strict = await createNodeChecker({ rules: { 'image/low-resolution': 'warning' } });
    expect((await strict.checkImage(join(dir, 'photo.jpg'))).map((f) => f.severity)).toEqual(['warning']);
  });

  it('node.checkFile on an HTML file merges text, alt and image findings in source order', async () => {
    const node = await createNodeChecker();
    const findings = await node.checkFile(join(dir, 'site', 'index.html'));
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([
      ['image/low-resolution', '<img src="img/small.jpg" width="900" alt="会场">'],
      ['image/exif-location', '<img src="img/gps.jpg">'],
      ['image/missing-alt', '<img src="img/gps.jpg">'],
      ['image/unreadable', '<img src="img/none.png" alt="缺图">'],
    ]);
  });

  it('node.checkFile resolves a page\'s images under the site root it is given', async () => {
    const node = await createNodeChecker();
    const page = join(dir, 'site', 'news', 'a.html');
    const src = async (options = {}) => (await node.checkFile(page, options)).map((f) => f.target?.src.slice(dir.length + 1));
    // Without a root, only the page's own folder is read: nothing here resolves inside it.
    expect(await src()).toEqual([]);
    expect(await src({ siteRoot: join(dir, 'site') })).toEqual([join('site', 'img', 'small.jpg'), join('site', 'img', 'gps.jpg'), join('site', 'photo.jpg')]);
  });

  it('the CLI checks the images of the pages below a folder through those pages', async () => {
    const stdout = sink();
    const stderr = sink();
    const code = await main(['check', '--format', 'json', dir], { stdout: stdout as never, stderr: stderr as never });
    const report = JSON.parse(stdout.text()) as { files: { path: string; findings: { ruleId: string; target?: { src: string } }[] }[] };
    const byFile = Object.fromEntries(report.files.map((f) => [f.path.slice(dir.length + 1), f.findings.map((x) => x.ruleId)]));
    // The folder holds pages, so its image files are judged where a page shows them, not one by one;
    // it holds no index page, so it is not taken as the site root: /img/small.jpg is not looked up
    // (it would look missing), while ../img/gps.jpg and ../../photo.jpg are inside the folder.
    expect(byFile).toEqual({
      [join('site', 'index.html')]: ['image/low-resolution', 'image/exif-location', 'image/missing-alt', 'image/unreadable'],
      [join('site', 'news', 'a.html')]: ['image/exif-location', 'image/low-resolution'],
    });
    expect(code).toBe(1);
    expect(stderr.text()).toBe('');
  });

  it('the CLI checks image files given directly, and a folder of images only, image by image', async () => {
    const ids = async (...paths: string[]) => {
      const stdout = sink();
      await main(['check', '--format', 'json', ...paths], { stdout: stdout as never, stderr: sink() as never });
      const report = JSON.parse(stdout.text()) as { files: { path: string; findings: { ruleId: string }[] }[] };
      return Object.fromEntries(report.files.map((f) => [f.path.slice(dir.length + 1), f.findings.map((x) => x.ruleId)]));
    };
    expect(await ids(join(dir, 'photo.jpg'), join(dir, 'site', 'img', 'gps.jpg'))).toEqual({
      'photo.jpg': ['image/low-resolution'],
      [join('site', 'img', 'gps.jpg')]: ['image/exif-location'],
    });
    expect(await ids(join(dir, 'site', 'img'))).toEqual({
      [join('site', 'img', 'gps.jpg')]: ['image/exif-location'],
      [join('site', 'img', 'small.jpg')]: ['image/low-resolution'],
    });
  });

  it('takes a folder with an index page as the site root: / resolves there, .. stops there', async () => {
    const stdout = sink();
    await main(['check', '--format', 'json', join(dir, 'site')], { stdout: stdout as never, stderr: sink() as never });
    const report = JSON.parse(stdout.text()) as { files: { path: string; findings: { ruleId: string; target?: { src: string } }[] }[] };
    const page = report.files.find((f) => f.path.endsWith(join('news', 'a.html')))!;
    expect(page.findings.map((f) => [f.ruleId, f.target?.src.slice(dir.length + 1)])).toEqual([
      ['image/low-resolution', join('site', 'img', 'small.jpg')],
      ['image/exif-location', join('site', 'img', 'gps.jpg')],
      // ../../photo.jpg from /news/a.html is /photo.jpg on the server: not the file beside the site.
      ['image/unreadable', join('site', 'photo.jpg')],
    ]);
  });
});
