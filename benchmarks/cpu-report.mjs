// Preloaded (node --import) into a benchmarked shenjiao process: at exit, writes the process's CPU
// time (all threads) and peak resident memory to the file named by SHENJIAO_BENCH_REPORT.
import { writeFileSync } from 'node:fs';

const out = process.env.SHENJIAO_BENCH_REPORT;
if (out) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ user: r.userCPUTime / 1000, sys: r.systemCPUTime / 1000, maxRSS: r.maxRSS }));
  });
}
