/**
 * The child process of `npm run fuzz`: runs the cases the parent names and reports each one, so the
 * parent can kill it when a case does not finish in time. Anything a library prints is a failure of
 * the case that printed it (a library must not print); the parent also watches this process's stderr
 * for what native code writes past `process.stderr`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { createChecker } from '../../src/checker.js';
import { createNodeChecker, type NodeChecker } from '../../src/node/index.js';
import type { Finding } from '../../src/types.js';
import { BEIJING_GPS, bmpVariant, heic, ico, jpegWithGpsCount, tiffWithGps } from '../../test/fixtures/images/make.js';
import { fileCase, imageCase, rng, SHAPES, textCase, type Entry } from './generators.js';
import { findingProblems } from './invariants.js';

export type Request =
  | { readonly type: 'campaign'; readonly entry: Entry; readonly seed: number; readonly from: number; readonly to: number }
  | { readonly type: 'scale'; readonly shape: string; readonly sizes: readonly number[] };

export type Reply =
  | { readonly type: 'ready' }
  | { readonly type: 'case'; readonly index: number; readonly problems: readonly string[]; readonly findings: number; readonly units: number }
  | { readonly type: 'measured'; readonly n: number; readonly units: number; readonly cpuMs: number; readonly wallMs: number }
  | { readonly type: 'end'; readonly maxRss: number };

const send = (reply: Reply): void => {
  process.send?.(reply);
};

// Whatever a library prints lands here, not on the terminal.
let printed: string[] = [];
for (const method of ['log', 'warn', 'error', 'info', 'debug', 'trace'] as const) {
  console[method] = (...args: unknown[]) => {
    printed.push(`console.${method}: ${args.map(String).join(' ').slice(0, 200)}`);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: unknown) => {
    printed.push(`${stream === process.stdout ? 'stdout' : 'stderr'}: ${String(chunk).slice(0, 200)}`);
    return true;
  }) as typeof stream.write;
}

const IMAGE_RULE = /^image\//;
const MAGICS = [
  [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('GIF89a')], [...Buffer.from('RIFF'), 0x40, 0, 0, 0, ...Buffer.from('WEBP')],
  [0x42, 0x4d], [0x49, 0x49, 0x2a, 0], [0x4d, 0x4d, 0, 0x2a], [0, 0, 0, 0x18, ...Buffer.from('ftypheic')], [0, 0, 0, 0x1c, ...Buffer.from('ftypavif')],
  [0, 0, 1, 0, 1, 0], [...Buffer.from('8BPS')], [...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">')],
].map((m) => Uint8Array.from(m));

async function imageCorpus(): Promise<Uint8Array[]> {
  // Seeded noise: libvips' own noise generator draws a new seed each run, and cases must replay.
  const random = rng(20261206);
  const pixels = Buffer.from(Array.from({ length: 48 * 32 * 3 }, () => Math.floor(random() * 256)));
  const noise = () => sharp(pixels, { raw: { width: 48, height: 32, channels: 3 } });
  const png = await noise().png().toBuffer();
  return [
    await jpegWithGpsCount(3, 48, 32),
    await noise().jpeg({ progressive: true }).toBuffer(),
    await noise().png({ progressive: true }).withExif(BEIJING_GPS).toBuffer(),
    await noise().webp().withExif(BEIJING_GPS).toBuffer(),
    await noise().gif().toBuffer(),
    await noise().tiff().withExif(BEIJING_GPS).toBuffer(),
    await noise().avif({ effort: 0 }).withExif(BEIJING_GPS).toBuffer(),
    tiffWithGps(16, 16, { lat: [39, 54, 26], latRef: 'N', lon: [116, 23, 29], lonRef: 'E' }),
    heic(4032, 3024),
    bmpVariant(48, 32, { bits: 8 }),
    ico([{ png, side: 48 }]),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64"><text x="1" y="9">审校</text></svg>'),
  ];
}

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  if (encoding === 'utf-16be-bom') return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  return iconv.encode(text, encoding);
}

let node: NodeChecker | undefined;
let corpus: Uint8Array[] | undefined;
let dir: string | undefined;

async function runCase(entry: Entry, seed: number, index: number): Promise<{ problems: string[]; findings: number; units: number }> {
  node ??= await createNodeChecker({ preset: 'all' });
  const problems: string[] = [];
  let findings: readonly Finding[] = [];
  let units = 0;
  try {
    if (entry === 'text' || entry === 'html' || entry === 'markdown') {
      const source = textCase(seed, entry, index);
      units = source.length;
      findings = entry === 'text' ? node.check(source) : entry === 'html' ? node.checkHtml(source) : node.checkMarkdown(source);
      problems.push(...findingProblems(source, findings));
    } else if (entry === 'image') {
      corpus ??= await imageCorpus();
      const bytes = imageCase(seed, index, corpus, MAGICS);
      units = bytes.length;
      findings = await node.checkImage(bytes, index % 10 === 0 ? { decode: true } : {});
      problems.push(...findingProblems('', findings));
      for (const f of findings) if (!IMAGE_RULE.test(f.ruleId)) problems.push(`unexpected rule ${f.ruleId}`);
    } else {
      dir ??= mkdtempSync(join(tmpdir(), 'shenjiao-fuzz-'));
      const { ext, bytes } = fileCase(seed, index, encode);
      units = bytes.length;
      const path = join(dir, `case${ext}`);
      writeFileSync(path, bytes);
      findings = await node.checkFile(path);
      const { text } = await node.readText(path);
      problems.push(...findingProblems(text, findings));
    }
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error)}`);
  }
  if (printed.length > 0) {
    problems.push(...printed.slice(0, 3).map((p) => `printed ${p}`));
    printed = [];
  }
  return { problems, findings: findings.length, units };
}

async function scale(shapeName: string, sizes: readonly number[]): Promise<void> {
  const shape = SHAPES.find((s) => s.name === shapeName);
  if (!shape) throw new Error(`no shape ${shapeName}`);
  const core = shape.entry === 'node-text' ? (node ??= await createNodeChecker({ preset: 'all' })) : createChecker({ preset: 'all' });
  const run = (source: string) => (shape.entry === 'html' ? core.checkHtml(source) : shape.entry === 'markdown' ? core.checkMarkdown(source) : core.check(source));
  run(shape.make(4096)); // warm the JIT and the automata
  for (const n of sizes) {
    const source = shape.make(n);
    // The garbage of the size before is collected now, not on this size's time.
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const wall = performance.now();
    run(source);
    const used = process.cpuUsage(cpu);
    send({ type: 'measured', n, units: source.length, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall });
  }
}

process.on('message', (request: Request) => {
  void (async () => {
    if (request.type === 'campaign') {
      for (let index = request.from; index < request.to; index++) {
        const result = await runCase(request.entry, request.seed, index);
        send({ type: 'case', index, ...result });
      }
    } else {
      await scale(request.shape, request.sizes);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
    send({ type: 'end', maxRss: process.resourceUsage().maxRSS * 1024 });
  })();
});
send({ type: 'ready' });
