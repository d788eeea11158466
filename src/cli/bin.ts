import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// The check pool's worker heaps: V8 lets a heap grow to up to four times what survived its last full
// collection before the next, and on a busy machine it often takes the four, so a worker that checks
// thousands of pages sits on some 250 MB where 100 MB are live (4,000 portal pages on two workers: peak
// 620-670 MB against 430 MB at 400 pages). A factor of 1.25 keeps them near what is live (450-490 MB)
// at no measured cost in time. Set here, for the command's own process and the workers it starts, not in
// the library: a program embedding shenjiao chooses its own heap settings (`node --heap-growing-percent=25`);
// a flag given to node wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=25');
// TurboFan's inlining budget: each worker compiles some 550 functions while it warms up, 5–6 s of compiler
// threads' time at the default budget (920 bytecode bytes inlined into one function), on the same two cores
// the workers check pages on. Half the budget cuts that time by a quarter and costs the checks nothing
// measurable: 2,000 portal pages on two workers took 7 % less wall time and CPU, 4,000 with the flag given to
// node 10 % less (alternating runs, benchmarks/README.md).
// Set here for the same reason as the heap flag above; a flag given to node wins.
if (!process.execArgv.some((a) => a.startsWith('--max-inlined-bytecode-size-cumulative'))) setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shenjiao: 内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
