// `partnersim sweep SWEEP` runs a sweep (or one shard of it) on worker threads into a directory that an
// interrupted attempt resumes; `partnersim sweep status DIR...` says which runs and shards are missing.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import {
  badShard,
  errorLine,
  notPositiveInteger,
  tooManyWorkerThreads,
  oversubscribed,
  shardIndexBad,
  shardIndexUnset,
  sweepFinished,
  sweepInterrupted,
  sweepRunsFailed,
  sweepStatusReport,
  tooManyWorkers,
} from './messages.ts';
import { countOrganisations } from '../scenario/schema.ts';
import { loadSweep } from '../sweep/load.ts';
import { runMemoryBytes } from '../results/estimate.ts';
import { checkWorkersFit } from './size-check.ts';
import { runSweep, type SweepOutcome } from '../results/run-sweep.ts';
import { defaultResultDir, resultName } from '../results/write.ts';
import { readPart } from '../results/sweep-dir.ts';
import { shardText, type Shard } from '../sweep/manifest.ts';
import { sweepStatus } from '../sweep/parts.ts';
import type { TableFormat } from '../sweep/table.ts';
import type { Deps, Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { createSweepProgress } from './progress.ts';
import { withInterrupt } from './interrupt.ts';
import { gitCommit } from './provenance.ts';

/** The environment variables a job array sets to a task's index: SLURM, Kubernetes indexed Jobs, AWS Batch. */
export const ARRAY_INDEX_VARIABLES = ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

export interface SweepCommandOptions {
  readonly workers?: string;
  readonly out?: string;
  readonly format: TableFormat;
  readonly shard?: string;
  readonly quiet?: boolean;
  readonly force?: boolean;
  readonly oversubscribe?: boolean;
}

/** Returns the results directory of a sweep by default: results/<name>, and a shard's inside results/<name>.parts/. */
export function defaultSweepDir(name: string, shard: Shard): string {
  return shard === null ? defaultResultDir(name) : join('results', `${resultName(name)}.parts`, `shard-${shard.index}`);
}

/** `partnersim sweep status DIR...`: says which runs are finished, failed or missing; returns 1 when any is not finished. */
export function sweepStatusCommand(dirs: readonly string[], io: Io): number {
  const status = sweepStatus(dirs.map(readPart));
  const { manifest } = status;
  io.out(
    sweepStatusReport(
      manifest.sweep.name,
      manifest.hash,
      status.runs,
      status.finished,
      status.failed,
      status.missing,
      status.shards,
      status.resubmit,
      status.absent,
    ) + '\n',
  );
  return status.missing.length + status.failed.length === 0 ? 0 : 1;
}

/** `partnersim sweep SWEEP`: runs the sweep (or a shard) on worker threads, resuming; returns the exit status. */
export async function sweepCommand(file: string, options: SweepCommandOptions, io: Io, deps: Deps): Promise<number> {
  const shard = options.shard === undefined ? null : parseShard(options.shard, deps.env);
  const loaded = loadSweep(file, nodeHost);
  const workers = chooseWorkers(file, options, countOrganisations(loaded.scenario), io);
  const dir = options.out ?? defaultSweepDir(loaded.sweep.name, shard);
  const quiet = options.quiet === true;

  const progress = createSweepProgress(io, { terminal: deps.terminal, quiet, columns: process.stderr.columns });
  let outcome: SweepOutcome;
  try {
    const commit = await gitCommit();
    outcome = await withInterrupt((signal) =>
      runSweep(loaded, {
        dir,
        format: options.format,
        shard,
        workers,
        provenance: { commit, node: process.version },
        signal,
        onProgress: (finished, total) => progress.update(finished, total),
        runner: deps.sweepRunner,
        force: options.force === true,
        onNote: (note) => io.err(`${note}\n`),
      }),
    );
  } finally {
    progress.stop();
  }
  if (outcome.status === 'interrupted') {
    io.err(errorLine(sweepInterrupted(outcome.finished, outcome.total, dir)) + '\n');
    return 130;
  }
  io.out(
    quiet
      ? `${dir}\n`
      : sweepFinished(loaded.sweep.name, shardText(shard), outcome.total, outcome.ran, outcome.kept, outcome.failed.length, dir) + '\n',
  );
  if (outcome.failed.length === 0) return 0;
  const firstError = 'error' in outcome.failed[0] ? outcome.failed[0].error.split('\n')[0] : '';
  io.err(
    errorLine(
      sweepRunsFailed(
        outcome.failed.map((record) => record.index),
        outcome.total,
        dir,
        firstError,
      ),
    ) + '\n',
  );
  return 1;
}

/** The most worker threads a sweep or calibration starts, however many cores. */
const MAX_WORKERS = 1024;

/** Returns the --workers value: a whole number from 1 to MAX_WORKERS, and at most `cores` unless `oversubscribe` (more threads
 * than cores run no faster, and each holds a run's model in memory: --workers 1000 reached 12 GB in two minutes). */
export function parseWorkers(text: string, cores: number, oversubscribe: boolean): number {
  const workers = Number(text);
  if (!/^\d+$/.test(text) || workers < 1) throw new PartnersimError('bad-option', notPositiveInteger('--workers', text));
  if (workers > MAX_WORKERS) throw new PartnersimError('bad-option', tooManyWorkerThreads(text, MAX_WORKERS));
  if (workers > cores && !oversubscribe) throw new PartnersimError('bad-option', tooManyWorkers(workers, cores));
  return workers;
}

/** Returns the worker threads a sweep or calibration of `file` runs: one per core by default; with --oversubscribe
 * beyond the cores, the warning naming the memory they need is written to `io.err`. Refuses workers whose runs
 * together need more memory than the machine has. */
export function chooseWorkers(
  file: string,
  options: { readonly workers?: string; readonly oversubscribe?: boolean },
  organisations: number,
  io: Io,
  cores = availableParallelism(),
): number {
  const workers = options.workers === undefined ? cores : parseWorkers(options.workers, cores, options.oversubscribe === true);
  const memory = runMemoryBytes(organisations);
  checkWorkersFit(file, workers, memory);
  if (workers > cores) io.err(`${oversubscribed(workers, cores, workers * memory)}\n`);
  return workers;
}

/** Returns the shard `--shard` names: `i/N`, or `auto/N` with i from the first job-array index variable that is set. */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>>): Shard {
  const match = /^(\d+|auto)\/(\d+)$/.exec(text.trim());
  if (match === null || Number(match[2]) < 1) throw new PartnersimError('bad-option', badShard(text));
  const count = Number(match[2]);
  let index: number;
  if (match[1] === 'auto') {
    const name = ARRAY_INDEX_VARIABLES.find((variable) => env[variable] !== undefined && env[variable] !== '');
    if (name === undefined) throw new PartnersimError('bad-option', shardIndexUnset(count, ARRAY_INDEX_VARIABLES));
    const value = env[name] ?? '';
    if (!/^\d+$/.test(value) || Number(value) >= count) throw new PartnersimError('bad-option', shardIndexBad(name, value, count));
    index = Number(value);
  } else {
    index = Number(match[1]);
    if (index >= count) throw new PartnersimError('bad-option', badShard(text));
  }
  return { index, count };
}
