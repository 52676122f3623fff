// Running scenarios' replicates for a command into the directories being written, with one progress report over all
// of them on stderr. A run that throws is a bug in the model: it is reported with its seed so that it can be
// reproduced, and nothing is returned. With journals, the run can be stopped (Ctrl-C, a kill) and taken up again: the
// replicates finished are kept and the next run of the same command goes on from there.
import { ReplicateFailure } from '../engine/run.ts';
import type { RunOutcome } from '../results/run-files.ts';
import type { NetworkOutput } from '../results/network-output.ts';
import { finishedReplicates, runReplicatesInto } from '../results/run-writer.ts';
import { errorLine, runFailed, runsInterrupted, runsResumed } from './messages.ts';
import type { PendingResultDir } from '../results/write.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Io } from './main.ts';
import { createProgress } from './progress.ts';

/** A scenario whose replicates a command runs into a directory. */
export interface ReplicateTarget {
  readonly scenario: Scenario;
  readonly dir: string;
  /** The scenario of each replicate instead (a parameter set drawn from a posterior), run with the same seed. */
  readonly replicateScenario?: (replicate: number) => Scenario;
  /** The network to write (none when omitted or null). */
  readonly network?: NetworkOutput | null;
  /** The journal that keeps its finished replicates (see runReplicatesInto). */
  readonly journal?: string;
}

/** What came of running the replicates: each target's outcomes, a failure (already reported), or a stop by the signal
 * with how many of the runs were finished. */
export type ReplicatesOutcome =
  | { readonly status: 'done'; readonly results: RunOutcome[][] }
  | { readonly status: 'failed' }
  | { readonly status: 'interrupted'; readonly finished: number; readonly total: number };

/** Runs each target's `reps` replicates, in order, writing their tables into its directory, and returns their
 * outcomes, or reports a run that threw on io.err. Replicates the targets' journals hold are kept; when `resumedFrom`
 * names where they were left, a note says how many. */
export async function runScenarios(
  targets: readonly ReplicateTarget[],
  reps: number,
  io: Io,
  options: { readonly quiet: boolean; readonly signal?: AbortSignal; readonly resumedFrom?: string | null },
): Promise<ReplicatesOutcome> {
  const total = targets.length * reps;
  const kept = targets.reduce(
    (sum, { dir, journal, network }) => sum + (journal === undefined ? 0 : finishedReplicates(dir, journal, reps, network ?? null).length),
    0,
  );
  if (options.resumedFrom != null) io.err(`${runsResumed(kept, total, options.resumedFrom)}\n`);
  const progress = createProgress(io, total, {
    terminal: process.stderr.isTTY === true,
    quiet: options.quiet,
    columns: process.stderr.columns,
    start: kept,
  });
  const results: RunOutcome[][] = [];
  let finished = kept;
  try {
    for (const { scenario, dir, replicateScenario, network, journal } of targets) {
      const outcomes = await runReplicatesInto(dir, scenario, reps, {
        onDone: (_, seed) => {
          finished++;
          progress.done(seed);
        },
        replicateScenario,
        network: network ?? null,
        journal,
        signal: options.signal,
      });
      if (outcomes === null) {
        progress.stop();
        return { status: 'interrupted', finished, total };
      }
      results.push(outcomes);
    }
  } catch (error) {
    // The bar is cleared first, or clearing it would wipe the error's first line.
    progress.stop();
    if (!(error instanceof ReplicateFailure)) throw error;
    const cause = error.cause;
    io.err(
      errorLine(runFailed(error.replicate, error.seed, cause instanceof Error ? (cause.stack ?? cause.message) : String(cause))) + '\n',
    );
    return { status: 'failed' };
  }
  progress.stop();
  return { status: 'done', results };
}

/** Ends a command whose replicates were interrupted: keeps what finished for the next run of the same command (with
 * nothing finished, nothing is kept), says so on io.err, and returns the exit status, 130. */
export function keepInterrupted(
  outcome: { readonly finished: number; readonly total: number },
  pending: PendingResultDir,
  dir: string,
  io: Io,
): number {
  if (outcome.finished > 0) pending.keep();
  io.err(`${errorLine(runsInterrupted(outcome.finished, outcome.total, dir))}\n`);
  return 130;
}
