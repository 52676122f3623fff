// Running a scenario's replicates straight into a run directory being written: each step's events, and each
// replicate's time series and partnerships, go to disk as they are made, so that a run's memory is bounded by the
// model's state and one replicate's time series, not by its history (a national scenario with 40 replicates writes
// gigabytes of events). The files are the same bytes as resultFiles makes in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ReplicateFailure } from '../engine/run.ts';
import { Simulation } from '../engine/simulation.ts';
import { replicateSeed } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { encodeCsvRows } from '../sweep/table.ts';
import { eventLines, PARTNERSHIP_COLUMNS, partnershipRows, type RunOutcome, TIMESERIES_COLUMNS, timeseriesRows } from './run-files.ts';

/** Runs replicates 0..reps-1 of a scenario (seeds hashed from its master seed, as runReplicates does), writing
 * timeseries.csv, partnerships.csv and events.jsonl into `dir` as they are produced, and returns each replicate's
 * outcome in order; `onDone` hears of each as it finishes. With `replicateScenario`, replicate r runs that scenario
 * instead (a parameter set drawn from a posterior), with the same seed. A replicate that throws ends them with a
 * ReplicateFailure; a write that fails throws the operating system's error. */
export function runReplicatesInto(
  dir: string,
  scenario: Scenario,
  reps: number,
  onDone?: (done: number, seed: number) => void,
  replicateScenario?: (replicate: number) => Scenario,
): RunOutcome[] {
  const timeseries = openSync(join(dir, 'timeseries.csv'), 'w');
  const partnerships = openSync(join(dir, 'partnerships.csv'), 'w');
  const events = openSync(join(dir, 'events.jsonl'), 'w');
  try {
    writeSync(timeseries, encodeCsvRows(TIMESERIES_COLUMNS, [], true));
    writeSync(partnerships, encodeCsvRows(PARTNERSHIP_COLUMNS, [], true));
    const outcomes: RunOutcome[] = [];
    for (let r = 0; r < reps; r++) {
      const seed = replicateSeed(scenario.time.seed, r);
      const simulation = modelStep(r, seed, () => new Simulation(replicateScenario?.(r) ?? scenario, seed));
      writeSync(events, eventLines(simulation.events.splice(0), r));
      for (let s = 0; s < scenario.time.steps; s++) {
        modelStep(r, seed, () => simulation.advance());
        // The step's events leave memory as soon as they are written.
        writeSync(events, eventLines(simulation.events.splice(0), r));
      }
      const { timeseries: series, partnerships: formed, events: _, ...outcome } = modelStep(r, seed, () => simulation.result());
      writeSync(timeseries, encodeCsvRows(TIMESERIES_COLUMNS, timeseriesRows(series, r), false));
      writeSync(partnerships, encodeCsvRows(PARTNERSHIP_COLUMNS, partnershipRows(formed, r), false));
      outcomes.push(outcome);
      onDone?.(r + 1, seed);
    }
    return outcomes;
  } finally {
    closeSync(timeseries);
    closeSync(partnerships);
    closeSync(events);
  }
}

// The model's own failures are reported with the replicate and seed that reproduce them; writes fail as themselves.
function modelStep<T>(replicate: number, seed: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new ReplicateFailure(replicate, seed, error);
  }
}
