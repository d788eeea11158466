import { statSync } from 'node:fs';
import { threadSegmenter } from '../node/segment.js';

const argv = process.argv.slice(2);

/**
 * A check of one file or of standard input runs in this thread: start loading the segmenter's
 * dictionaries on a helper thread now, before the rest of the program is even loaded, so that the two
 * overlap. (Batches go to worker threads, which load their own.)
 */
function single(args: readonly string[]): boolean {
  if (args[0] !== 'check') return false;
  let inputs = 0;
  for (const a of args.slice(1)) {
    if (a === '-') inputs++;
    else if (!a.startsWith('-')) {
      const info = statSync(a, { throwIfNoEntry: false });
      if (info?.isDirectory()) return false;
      if (info?.isFile()) inputs++;
    }
  }
  return inputs <= 1;
}

const segmenter = single(argv) ? threadSegmenter() : undefined;
const { main } = await import('./main.js');

main(argv, undefined, segmenter ? { segmenter } : {}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shenjiao: 内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
