// Running runs on worker threads: one long-lived worker per requested thread, acquired through worker-threads-pool,
// each fed batches of runs by message and answering with a record per run. Batches shrink as the queue empties so
// that the workers finish together. A RunExecutor keeps its workers between jobs (a calibration's rounds), so that
// each is started once; executeRuns is one job on a fresh executor (a sweep). Which worker runs what changes nothing:
// a record depends only on the run's scenario and seed.
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepRun } from './expand.ts';
import type { RunRecord } from './record.ts';
import type { RecordSpec } from './schema.ts';

/** What a worker is started with: what to record, and a module to run with instead of the engine's recordRun (a
 * calibration's, recording its targets' statistics; in tests, one that fails on purpose). */
export interface WorkerSetup<Spec = RecordSpec> {
  readonly spec: Spec;
  readonly runner?: string;
}

/** A batch sent to a worker: runs, each naming its scenario among the batch's (runs of one point share one). */
export interface Batch {
  readonly tasks: readonly { readonly run: SweepRun; readonly scenario: number }[];
  readonly scenarios: readonly Scenario[];
}

/** A message from a worker: a finished run's record, or that its batch is done. */
export type FromWorker = { readonly kind: 'record'; readonly record: RunRecord } | { readonly kind: 'idle' };

/** How to run one job's runs. */
export interface JobOptions {
  /** The scenario of a run's point. */
  scenarioOf(run: SweepRun): Scenario;
  /** Hears each record as its run finishes, in the order they finish. */
  onRecord(record: RunRecord): void;
  /** Stops the work: no new batch is sent and the workers are terminated; runs not finished by then are dropped. */
  readonly signal?: AbortSignal;
}

/** How to execute runs: `spec` is what the runner module's recordRun takes (the engine's takes a RecordSpec). */
export interface ExecuteOptions<Spec = RecordSpec> extends JobOptions {
  /** Worker threads to run on (at most one per run). */
  readonly workers: number;
  readonly spec: Spec;
  /** A module URL exporting `recordRun(run, scenario, spec)`, used instead of the engine's. */
  readonly runner?: string;
}

// Compiled, a worker runs the worker.js beside this module: dist/sweep/worker.js, or the command line's bundle's own
// (dist/cli.bundle/worker.js); from source (tsx, the tests), worker-entry.js first registers tsx's loader.
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.js' : './worker.js', import.meta.url);
// Big enough that messages cost nothing beside a run (tens of milliseconds), small enough to balance the end.
const MAX_BATCH = 16;
const BATCHES_PER_WORKER = 4;

/** Runs these runs on worker threads, reporting each record; resolves when all are done (`interrupted` false) or
 * when the signal stopped them (`interrupted` true). A worker that dies fails the runs it held and is replaced. */
export async function executeRuns<Spec = RecordSpec>(
  runs: readonly SweepRun[],
  options: ExecuteOptions<Spec>,
): Promise<{ interrupted: boolean }> {
  const executor = new RunExecutor<Spec>({ ...options, workers: Math.max(1, Math.min(options.workers, runs.length)) });
  try {
    return await executor.run(runs, options);
  } finally {
    await executor.close();
  }
}

// The job in progress: its runs, the next to send, how many have a record, and how it ends.
interface Job {
  readonly runs: readonly SweepRun[];
  readonly options: JobOptions;
  next: number;
  recorded: number;
  stopped: boolean;
  resolve(outcome: { interrupted: boolean }): void;
  reject(error: Error): void;
}

/** Worker threads that stay alive between jobs, all recording runs with one runner and spec. Jobs run one at a time;
 * `close` terminates the workers (and must be called, or the process will not exit). */
export class RunExecutor<Spec = RecordSpec> {
  private readonly pool: Pool;
  private readonly setup: WorkerSetup<Spec>;
  private readonly workers: number;
  private readonly live = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly held = new Map<Worker, Map<number, SweepRun>>();
  private starting = 0;
  private job: Job | null = null;
  private closed = false;

  constructor(options: { readonly workers: number; readonly spec: Spec; readonly runner?: string }) {
    this.workers = options.workers;
    this.pool = new Pool({ max: options.workers });
    this.setup = { spec: options.spec, runner: options.runner };
  }

  /** Runs a job's runs, reporting each record; resolves when all are recorded (`interrupted` false) or when its signal
   * stopped them (`interrupted` true: the workers are terminated and the executor is closed). */
  run(runs: readonly SweepRun[], options: JobOptions): Promise<{ interrupted: boolean }> {
    if (this.job !== null) throw new Error('the executor is already running a job');
    if (this.closed || options.signal?.aborted) return Promise.resolve({ interrupted: true });
    if (runs.length === 0) return Promise.resolve({ interrupted: false });
    return new Promise((resolve, reject) => {
      // The job lets go of the signal as it ends: an executor runs many jobs (a calibration's rounds) on one signal.
      const onAbort = (): void => this.interrupt(job);
      const detach = (): void => options.signal?.removeEventListener('abort', onAbort);
      const job: Job = {
        runs,
        options,
        next: 0,
        recorded: 0,
        stopped: false,
        resolve: (outcome) => {
          detach();
          resolve(outcome);
        },
        reject: (error) => {
          detach();
          reject(error);
        },
      };
      this.job = job;
      options.signal?.addEventListener('abort', onAbort, { once: true });
      for (const worker of this.idle.splice(0)) this.feed(worker);
      while (this.live.size + this.starting < this.workers) this.start();
    });
  }

  /** Terminates the workers; resolves once they have exited. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.live].map((worker) => worker.terminate()));
  }

  private interrupt(job: Job): void {
    if (this.job !== job) return;
    job.stopped = true;
    this.closed = true;
    for (const worker of this.live) void worker.terminate();
    this.settle();
  }

  // Ends the job once every run has a record, or, when stopped, once every worker has exited.
  private settle(): void {
    const job = this.job;
    if (job === null) return;
    if (job.stopped ? this.live.size + this.starting === 0 : job.recorded === job.runs.length) {
      this.job = null;
      job.resolve({ interrupted: job.stopped });
    }
  }

  private batchSize(job: Job): number {
    return Math.max(1, Math.min(MAX_BATCH, Math.ceil((job.runs.length - job.next) / (this.workers * BATCHES_PER_WORKER))));
  }

  private feed(worker: Worker): void {
    const job = this.job;
    if (job === null || job.stopped || job.next >= job.runs.length) {
      if (!this.closed) this.idle.push(worker);
      return;
    }
    const held = this.held.get(worker) as Map<number, SweepRun>;
    const tasks: { run: SweepRun; scenario: number }[] = [];
    const scenarios: Scenario[] = [];
    for (const run of job.runs.slice(job.next, job.next + this.batchSize(job))) {
      const scenario = job.options.scenarioOf(run);
      if (scenarios[scenarios.length - 1] !== scenario) scenarios.push(scenario);
      tasks.push({ run, scenario: scenarios.length - 1 });
      held.set(run.index, run);
    }
    job.next += tasks.length;
    worker.postMessage({ tasks, scenarios } satisfies Batch);
  }

  private record(worker: Worker, record: RunRecord): void {
    this.held.get(worker)?.delete(record.index);
    const job = this.job;
    if (job === null) return;
    // A run that finished as the job was being stopped is kept all the same.
    job.options.onRecord(record);
    job.recorded++;
    this.settle();
  }

  private start(): void {
    this.starting++;
    this.pool.acquire(WORKER_ENTRY, { workerData: this.setup }, (error, worker) => {
      this.starting--;
      if (error !== null) {
        this.job?.reject(error);
        return;
      }
      this.live.add(worker);
      this.held.set(worker, new Map());
      if (this.closed) void worker.terminate();
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'idle') this.feed(worker);
        else this.record(worker, message.record);
      });
      // A worker that dies (out of memory, a crash in its setup) fails what it held; the others go on.
      worker.on('error', (cause) => {
        const held = this.held.get(worker) as Map<number, SweepRun>;
        if (this.job === null || this.job.stopped) return;
        for (const run of [...held.values()])
          this.record(worker, { ...run, status: 'failed', error: `worker thread failed: ${cause.stack ?? cause.message}` });
        held.clear();
      });
      worker.on('exit', () => {
        this.live.delete(worker);
        this.held.delete(worker);
        const at = this.idle.indexOf(worker);
        if (at >= 0) this.idle.splice(at, 1);
        const job = this.job;
        if (job !== null && !job.stopped && !this.closed && job.next < job.runs.length) this.start();
        this.settle();
      });
      this.feed(worker);
    });
  }
}
