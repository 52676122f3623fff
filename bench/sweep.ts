// The sweep benchmark: 2,000 baseline runs (one point, 2,000 replicates) through the engine in a plain loop, through
// `runSweep` on 1 and on 2 worker threads, and in the plain loop in two separate processes at once (half the runs
// each), all of the build in dist/. The loop runs in a fresh worker thread, as a sweep's runs do, and is timed in two
// halves, before and after the sweeps, so that a machine that speeds up or slows down meanwhile is averaged out; its
// time leaves out the thread's start, which the sweeps' times include. The two processes are timed from their start
// to the last one's end: what two cores give two independent copies of the loop, against which the sweep's two workers
// (which also share a process, its heap and its main thread writing the records) can be judged.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedSweep } from '../src/sweep/load.ts';
import { built } from './built.ts';

const { nodeHost } = await built<typeof import('../src/cli/node-host.ts')>('cli/node-host');
const { loadSweep } = await built<typeof import('../src/sweep/load.ts')>('sweep/load');
const { runSweep } = await built<typeof import('../src/results/run-sweep.ts')>('results/run-sweep');

const LOOP = new URL('./loop-worker.js', import.meta.url);

/** The figures of the sweep benchmark, in seconds. */
export interface SweepBench {
  readonly runs: number;
  readonly loopSeconds: number;
  readonly workerSeconds: readonly [one: number, two: number];
  /** The plain loop in two processes at once, each over half the runs: from their start to the last one's end. */
  readonly twoProcessSeconds: number;
}

// Times the engine in a plain loop over some of the runs, recording each as a sweep would, in a fresh worker thread.
function timeLoop(file: string, from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOOP, { workerData: { file, from, to } });
    worker.once('message', (ms: number) => {
      resolve(ms / 1000);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

// Times the plain loop in two processes at once, each over half the runs, from their start to the last one's end.
async function timeTwoProcesses(file: string, runs: number): Promise<number> {
  const half = Math.floor(runs / 2);
  const loop = (from: number, to: number) =>
    new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [fileURLToPath(LOOP), JSON.stringify({ file, from, to })], (error) => (error ? reject(error) : resolve())),
    );
  const start = performance.now();
  await Promise.all([loop(0, half), loop(half, runs)]);
  return (performance.now() - start) / 1000;
}

async function timeSweep(loaded: LoadedSweep, workers: number, root: string): Promise<number> {
  const start = performance.now();
  const outcome = await runSweep(loaded, {
    dir: join(root, `workers-${workers}`),
    format: 'csv',
    shard: null,
    workers,
    provenance: { commit: null, node: process.version },
  });
  if (outcome.status !== 'complete' || outcome.failed.length > 0)
    throw new Error(`the benchmark sweep on ${workers} workers did not complete cleanly`);
  return (performance.now() - start) / 1000;
}

/** Runs the sweep benchmark over `runs` baseline runs and returns its timings. */
export async function benchSweep(runs: number): Promise<SweepBench> {
  const root = mkdtempSync(join(tmpdir(), 'partnersim-bench-'));
  try {
    const file = join(root, 'bench.yaml');
    // The baseline has no carrot, so a point at carrot 0 is the baseline itself.
    writeFileSync(
      file,
      `name: bench\nscenario: ${resolve('scenarios/baseline.yaml')}\nparameters:\n  policy.carrot: [0]\nreplicates: ${runs}\n`,
    );
    const loaded = loadSweep(file, nodeHost);
    const half = Math.floor(runs / 2);
    const firstHalf = await timeLoop(file, 0, half);
    const one = await timeSweep(loaded, 1, root);
    const two = await timeSweep(loaded, 2, root);
    const twoProcessSeconds = await timeTwoProcesses(file, runs);
    const secondHalf = await timeLoop(file, half, runs);
    return { runs, loopSeconds: firstHalf + secondHalf, workerSeconds: [one, two], twoProcessSeconds };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
