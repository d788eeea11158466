import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'src', 'cli', 'bin.ts');

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Page indices this process reported done (`done <site> <indices>`), over all site jobs. */
  readonly done: number[];
  /** Single pages this process checked (`checked <path>`). */
  readonly checked: string[];
  /** Inspections this process took (`inspect <start>`). */
  readonly inspected: string[];
  readonly ready: Promise<void>;
}

/** A real `shenjiao queue-worker` process (through tsx, from source), its lock renewed every second. */
export function startWorker(url: string, extra: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'queue-worker', '--queue', url, '--jobs', '2', '--lock-duration', '2000', ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const done: number[] = [];
  const checked: string[] = [];
  const inspected: string[] = [];
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^done \S+ ([\d,]+)$/.exec(line);
      if (m) done.push(...(m[1] as string).split(',').map(Number));
      else if (line.startsWith('checked ')) checked.push(line.slice(8));
      else if (line.startsWith('inspect ')) inspected.push(line.slice(8));
    }
  });
  const ready = new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`queue-worker exited with ${code}: ${err}`)));
  });
  ready.catch(() => {});
  return { child, done, checked, inspected, ready };
}

export const stopWorker = (w: WorkerProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
    w.child.once('exit', () => resolve());
    w.child.kill(signal);
  });
