// Running scenarios' replicates for a command into the directories being written, with one progress report over all
// of them on stderr. A run that throws is a bug in the model: it is reported with its seed so that it can be
// reproduced, and nothing is returned.
import { ReplicateFailure } from '../engine/run.ts';
import type { RunOutcome } from '../results/run-files.ts';
import type { NetworkOutput } from '../results/network-output.ts';
import { runReplicatesInto } from '../results/run-writer.ts';
import { errorLine, runFailed } from './messages.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Io } from './main.ts';
import { createProgress } from './progress.ts';

/** Runs each scenario's `reps` replicates, in order, writing their tables into its directory, and returns their
 * outcomes, or null after reporting a run that threw on io.err. A target's `replicateScenario` gives the scenario of
 * each replicate instead (a parameter set drawn from a posterior), run with the same seed; its `network`, the network it writes. */
export function runScenarios(
  targets: readonly {
    readonly scenario: Scenario;
    readonly dir: string;
    readonly replicateScenario?: (replicate: number) => Scenario;
    /** The network to write (none when omitted or null). */
    readonly network?: NetworkOutput | null;
  }[],
  reps: number,
  io: Io,
  quiet: boolean,
): RunOutcome[][] | null {
  const progress = createProgress(io, targets.length * reps, {
    terminal: process.stderr.isTTY === true,
    quiet,
    columns: process.stderr.columns,
  });
  const results: RunOutcome[][] = [];
  try {
    for (const { scenario, dir, replicateScenario, network } of targets)
      results.push(runReplicatesInto(dir, scenario, reps, (_, seed) => progress.done(seed), replicateScenario, network ?? null));
  } catch (error) {
    // The bar is cleared first, or clearing it would wipe the error's first line.
    progress.stop();
    if (!(error instanceof ReplicateFailure)) throw error;
    const cause = error.cause;
    io.err(
      errorLine(runFailed(error.replicate, error.seed, cause instanceof Error ? (cause.stack ?? cause.message) : String(cause))) + '\n',
    );
    return null;
  }
  progress.stop();
  return results;
}
