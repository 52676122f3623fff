// Running a sweep's runs on worker threads: one long-lived worker per requested thread, acquired through
// worker-threads-pool, each fed batches of runs by message and answering with a record per run. Batches shrink
// as the queue empties so that the workers finish together. Which worker runs what changes nothing: a record
// depends only on the run's scenario and seed.
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepRun } from './expand.ts';
import type { RunRecord } from './record.ts';
import type { RecordSpec } from './schema.ts';

/** What a worker is started with: what to record, and (for tests) a module to run with instead of the engine. */
export interface WorkerSetup {
  readonly spec: RecordSpec;
  readonly runner?: string;
}

/** A batch sent to a worker: runs, each naming its scenario among the batch's (runs of one point share one). */
export interface Batch {
  readonly tasks: readonly { readonly run: SweepRun; readonly scenario: number }[];
  readonly scenarios: readonly Scenario[];
}

/** A message from a worker: a finished run's record, or that its batch is done. */
export type FromWorker = { readonly kind: 'record'; readonly record: RunRecord } | { readonly kind: 'idle' };

/** How to execute runs. */
export interface ExecuteOptions {
  /** Worker threads to run on (at most one per run). */
  readonly workers: number;
  readonly spec: RecordSpec;
  /** The scenario of a run's point. */
  scenarioOf(run: SweepRun): Scenario;
  /** Hears each record as its run finishes, in the order they finish. */
  onRecord(record: RunRecord): void;
  /** Stops the work: no new batch is sent and the workers are terminated; runs not finished by then are dropped. */
  readonly signal?: AbortSignal;
  /** A module URL exporting `recordRun`, used instead of the engine's (tests make runs fail with it). */
  readonly runner?: string;
}

const WORKER_ENTRY = new URL('./worker-entry.js', import.meta.url);
// Big enough that messages cost nothing beside a run (tens of milliseconds), small enough to balance the end.
const MAX_BATCH = 16;
const BATCHES_PER_WORKER = 4;

/** Runs these runs on worker threads, reporting each record; resolves when all are done (`interrupted` false) or
 * when the signal stopped them (`interrupted` true). A worker that dies fails the runs it held and is replaced. */
export function executeRuns(runs: readonly SweepRun[], options: ExecuteOptions): Promise<{ interrupted: boolean }> {
  const pool = new Pool({ max: options.workers });
  const setup: WorkerSetup = { spec: options.spec, runner: options.runner };
  const live = new Set<Worker>();
  let next = 0;
  let stopped = false;

  return new Promise((resolve, reject) => {
    const finish = () => {
      if (live.size === 0) resolve({ interrupted: stopped });
    };
    const stop = () => {
      stopped = true;
      for (const worker of live) void worker.terminate();
    };
    if (options.signal?.aborted) stopped = true;
    options.signal?.addEventListener('abort', stop, { once: true });

    const batchSize = () => Math.max(1, Math.min(MAX_BATCH, Math.ceil((runs.length - next) / (options.workers * BATCHES_PER_WORKER))));

    const start = () =>
      pool.acquire(WORKER_ENTRY, { workerData: setup }, (error, worker) => {
        if (error !== null) return reject(error);
        live.add(worker);
        const held = new Map<number, SweepRun>();
        const feed = () => {
          if (stopped || next >= runs.length) return void worker.terminate();
          const tasks: { run: SweepRun; scenario: number }[] = [];
          const scenarios: Scenario[] = [];
          for (const run of runs.slice(next, next + batchSize())) {
            const scenario = options.scenarioOf(run);
            if (scenarios[scenarios.length - 1] !== scenario) scenarios.push(scenario);
            tasks.push({ run, scenario: scenarios.length - 1 });
            held.set(run.index, run);
          }
          next += tasks.length;
          worker.postMessage({ tasks, scenarios } satisfies Batch);
        };
        worker.on('message', (message: FromWorker) => {
          if (message.kind === 'idle') return feed();
          held.delete(message.record.index);
          // A run that finished as the sweep was being stopped is kept all the same.
          options.onRecord(message.record);
        });
        // A worker that dies (out of memory, a crash in its setup) fails what it held; the others go on.
        worker.on('error', (cause) => {
          if (stopped) return;
          for (const run of held.values())
            options.onRecord({ ...run, status: 'failed', error: `worker thread failed: ${cause.stack ?? cause.message}` });
          held.clear();
        });
        worker.on('exit', () => {
          live.delete(worker);
          if (!stopped && next < runs.length) start();
          else finish();
        });
        feed();
      });

    if (runs.length === 0 || stopped) return resolve({ interrupted: stopped });
    for (let w = 0; w < Math.min(options.workers, runs.length); w++) start();
  });
}
