// Running a sweep, or one shard of it, into a directory: expand, skip what the directory already finished, run the
// rest on workers while journalling each record, then write the complete part.
import { dirname, resolve } from 'node:path';
import type { Scenario } from '../scenario/schema.ts';
import { VERSION } from '../version.ts';
import { executeRuns } from '../sweep/execute.ts';
import { expandSweep, pointScenario, type SweepPlan, type SweepRun } from '../sweep/expand.ts';
import type { LoadedSweep } from '../sweep/load.ts';
import { SEED_RULE, shardIndices, type Shard, type SweepManifest } from '../sweep/manifest.ts';
import { isFailed, type RunRecord } from '../sweep/record.ts';
import type { TableFormat } from '../sweep/table.ts';
import { resultsMovedAside } from './messages.ts';
import { completeFiles, JournalWriter, openPart, sweepIdentity } from './sweep-dir.ts';
import { lockResultDir, makeDirectories, moveAsideUnlessSame, outputError, writeFilesInPlace } from './write.ts';

/** Where and how to run a sweep. */
export interface SweepOptions {
  readonly dir: string;
  readonly format: TableFormat;
  readonly shard: Shard;
  readonly workers: number;
  /** The machine's side of the manifest: the git commit and Node version. */
  readonly provenance: { readonly commit: string | null; readonly node: string };
  /** Stops the sweep; finished runs stay in the journal for the next attempt. */
  readonly signal?: AbortSignal;
  /** Hears how many of the part's runs are finished, once at the start (runs kept from before) and after each run. */
  onProgress?(finished: number, total: number): void;
  /** A module URL exporting `recordRun`, used instead of the engine's (tests make runs fail with it). */
  readonly runner?: string;
  /** Move whatever the directory holds aside (to NAME.replaced-N) unless it is this part of this sweep, instead of refusing. */
  readonly force?: boolean;
  /** Hears what was done to earlier results, one sentence each. */
  onNote?(note: string): void;
}

/** How a sweep ended: complete (possibly with failed runs), or interrupted with some runs still to do. */
export type SweepOutcome =
  | {
      readonly status: 'complete';
      readonly total: number;
      readonly ran: number;
      readonly kept: number;
      readonly failed: readonly RunRecord[];
    }
  | { readonly status: 'interrupted'; readonly total: number; readonly finished: number };

/** Returns the manifest a part of this sweep starts with. */
export function startManifest(
  loaded: LoadedSweep,
  plan: SweepPlan,
  options: Pick<SweepOptions, 'format' | 'shard' | 'provenance'>,
): SweepManifest {
  const { scenario: _path, ...spec } = loaded.sweep;
  const points = plan.points.length;
  const runs = plan.runs.length;
  return {
    kind: 'partnersim sweep',
    hash: loaded.hash,
    partnersim: VERSION,
    commit: options.provenance.commit,
    node: options.provenance.node,
    format: options.format,
    shard: options.shard,
    sweep: spec,
    seedRule: SEED_RULE,
    scenarioHash: loaded.scenarioHash,
    scenario: loaded.scenario,
    points,
    runs,
    partRuns: shardIndices(runs, options.shard).length,
    status: 'running',
    finished: 0,
    failed: [],
  };
}

/** Runs a sweep (or the shard asked for) into a directory, resuming what it already holds; runs that failed before
 * are run again. Resolves with the outcome; throws a PartnersimError when the directory holds something else, or
 * another partnersim is writing it. */
export async function runSweep(loaded: LoadedSweep, options: SweepOptions): Promise<SweepOutcome> {
  let release = (): void => {};
  try {
    // One writer at a time: a second sweep into the same directory would run the same runs and mix their journal lines.
    makeDirectories(dirname(resolve(options.dir)));
    release = lockResultDir(options.dir);
    return await runSweepLocked(loaded, options);
  } catch (error) {
    throw outputError(options.dir, error);
  } finally {
    release();
  }
}

async function runSweepLocked(loaded: LoadedSweep, options: SweepOptions): Promise<SweepOutcome> {
  const plan = expandSweep(loaded);
  const manifest = startManifest(loaded, plan, options);
  if (options.force === true) {
    const away = moveAsideUnlessSame(options.dir, sweepIdentity(manifest));
    if (away !== null) options.onNote?.(resultsMovedAside(options.dir, away));
  }
  const records = new Map<number, RunRecord>();
  for (const record of openPart(options.dir, manifest)) if (!isFailed(record)) records.set(record.index, record);
  const part = shardIndices(plan.runs.length, options.shard).map((index) => plan.runs[index]);
  const todo = part.filter((run) => !records.has(run.index));
  const kept = records.size;
  options.onProgress?.(kept, part.length);

  const journal = new JournalWriter(options.dir);
  // A journal that cannot be written (a full disk) stops the sweep: what is in it is kept for the next attempt.
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  if (options.signal?.aborted) stop.abort();
  let failedWrite: unknown;
  let outcome: { interrupted: boolean };
  try {
    outcome = await executeRuns(todo, {
      workers: options.workers,
      spec: loaded.sweep.record,
      scenarioOf: scenarioCache(loaded, plan),
      signal: stop.signal,
      runner: options.runner,
      onRecord: (record) => {
        if (failedWrite !== undefined) return;
        try {
          journal.append(record);
        } catch (error) {
          failedWrite = error;
          stop.abort();
          return;
        }
        records.set(record.index, record);
        options.onProgress?.(records.size, part.length);
      },
    });
  } finally {
    journal.close();
  }
  if (failedWrite !== undefined) throw failedWrite;
  if (outcome.interrupted) return { status: 'interrupted', total: part.length, finished: records.size };
  writeFilesInPlace(options.dir, completeFiles(manifest, [...records.values()]));
  const failed = [...records.values()].filter(isFailed).sort((a, b) => a.index - b.index);
  return { status: 'complete', total: part.length, ran: todo.length, kept, failed };
}

// Runs are point-major, so the scenario of the point last asked for is nearly always the one wanted next.
function scenarioCache(loaded: LoadedSweep, { points }: SweepPlan): (run: SweepRun) => Scenario {
  const { sweep, scenarioInput, scenario } = loaded;
  let cached: { point: number; scenario: Scenario } | undefined;
  return (run) => {
    if (cached?.point !== run.point)
      cached = { point: run.point, scenario: pointScenario(scenarioInput, scenario.name, sweep.parameters, points[run.point].values) };
    return cached.scenario;
  };
}
