// The calibration benchmark, of the build in dist/: an ABC-SMC calibration of two baseline levers to two targets on one worker thread, against
// the very runs it made (every proposal's scenario and seed, wasted ones included) through the engine in a plain loop
// in a fresh worker thread: what the sampler, the kernel, the weights, the rounds and the journal add to the model runs.
// The calibration's time includes its worker's start, as the sweep benchmark's does. Calibration and loop take turns,
// twice each, so that a machine that speeds up or slows down meanwhile is averaged out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProposalRecord } from '../src/calibration/abc.ts';
import { built } from './built.ts';

const { loadCalibration } = await built<typeof import('../src/calibration/load.ts')>('calibration/load');
const { nodeHost } = await built<typeof import('../src/cli/node-host.ts')>('cli/node-host');
const { runCalibration } = await built<typeof import('../src/results/run-calibration.ts')>('results/run-calibration');

/** The figures of the calibration benchmark: the runs it made, its time on one worker and the plain loop's (each the
 * mean of two). */
export interface CalibrationBench {
  readonly runs: number;
  readonly generations: number;
  readonly calibrationSeconds: number;
  readonly loopSeconds: number;
}

function timeLoop(file: string, proposals: readonly ProposalRecord[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./calibration-loop-worker.js', import.meta.url), {
      workerData: { file, proposals: proposals.map(({ generation, index, values, seed }) => ({ generation, index, values, seed })) },
    });
    worker.once('message', (ms: number) => {
      resolve(ms / 1000);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Runs the calibration benchmark with `particles` particles a generation and returns its timings. */
export async function benchCalibration(particles: number): Promise<CalibrationBench> {
  const root = mkdtempSync(join(tmpdir(), 'partnersim-bench-calibration-'));
  try {
    const file = join(root, 'bench.yaml');
    writeFileSync(
      file,
      `name: bench-calibration
scenario: ${resolve('scenarios/baseline.yaml')}
parameters:
  market.competition: {prior: uniform, min: 0, max: 1}
  leaders.experience: {prior: uniform, min: 0, max: 1}
targets:
  - {statistic: survival5y, observed: 0.7, interval: [0.6, 0.8], source: benchmark}
  - {statistic: meanTrustAtEnd, observed: 0.4, sd: 0.05, source: benchmark}
method: {particles: ${particles}, generations: 4, predictive: 0}
`,
    );
    const loaded = loadCalibration(file, nodeHost);
    const timeCalibration = async (attempt: number) => {
      const made: ProposalRecord[] = [];
      const start = performance.now();
      const outcome = await runCalibration(loaded, {
        dir: join(root, `out-${attempt}`),
        file,
        format: 'csv',
        shard: null,
        workers: 1,
        provenance: { commit: null, node: process.version },
        onRecord: (record) => made.push(record),
      });
      if (outcome.status !== 'complete') throw new Error('the benchmark calibration did not complete');
      return { seconds: (performance.now() - start) / 1000, made, generations: outcome.result.generations.length };
    };
    const first = await timeCalibration(1);
    const firstLoop = await timeLoop(file, first.made);
    const second = await timeCalibration(2);
    const secondLoop = await timeLoop(file, second.made);
    return {
      runs: first.made.length,
      generations: first.generations,
      calibrationSeconds: (first.seconds + second.seconds) / 2,
      loopSeconds: (firstLoop + secondLoop) / 2,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
