// Running scenarios' replicates for a command, with one progress report over all of them on stderr. A run that
// throws is a bug in the model: it is reported with its seed so that it can be reproduced, and nothing is returned.
import { ReplicateFailure, runReplicates } from '../engine/run.ts';
import type { RunResult } from '../engine/types.ts';
import { errorLine, runFailed } from './messages.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Io } from './main.ts';
import { createProgress } from './progress.ts';

/** Returns each scenario's `reps` replicates, in order, or null after reporting a run that threw on io.err. */
export function runScenarios(scenarios: readonly Scenario[], reps: number, io: Io, quiet: boolean): RunResult[][] | null {
  const progress = createProgress(io, scenarios.length * reps, {
    terminal: process.stderr.isTTY === true,
    quiet,
    columns: process.stderr.columns,
  });
  const results: RunResult[][] = [];
  try {
    for (const scenario of scenarios) results.push(runReplicates(scenario, reps, (_, seed) => progress.done(seed)));
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
