// Running a scenario's replicates straight into a run directory being written: each step's events, and each
// replicate's time series and partnerships, go to disk as they are made, so that a run's memory is bounded by the
// model's state and one replicate's time series, not by its history (a national scenario with 40 replicates writes
// gigabytes of events). The files are the same bytes as resultFiles makes in memory.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { networkSteps } from '../engine/network.ts';
import { ReplicateFailure } from '../engine/run.ts';
import { Simulation } from '../engine/simulation.ts';
import { replicateSeed } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Column, encodeCsvRows } from '../sweep/table.ts';
import { NETWORK_DIR, snapshotWriters } from './network-files.ts';
import { defaultNetwork, type NetworkOutput } from './network-output.ts';
import {
  eventLines,
  LEADER_COLUMNS,
  leaderRows,
  NETWORK_COLUMNS,
  networkCsv,
  ORGANISATION_COLUMNS,
  organisationRows,
  PARTNERSHIP_COLUMNS,
  partnershipRows,
  type RunOutcome,
  TIMESERIES_COLUMNS,
  timeseriesRows,
} from './run-files.ts';

/** Runs replicates 0..reps-1 of a scenario (seeds hashed from its master seed, as runReplicates does), writing
 * timeseries.csv, partnerships.csv, events.jsonl, organisations.csv and leaders.csv into `dir` as they are produced,
 * and, unless `network` is null, the network every `network.every` steps (default: yearly; at step 0, each multiple and
 * the last step) into network.csv, with graph files in NETWORK_DIR of the last step (of every step recorded with
 * `network.allGraphs`: graph files for a year's snapshots of the baseline cost about a quarter of a run); returns each replicate's outcome in order; `onDone` hears of each
 * as it finishes. With `replicateScenario`, replicate r runs that scenario instead (a parameter set drawn from a
 * posterior), with the same seed. A replicate that throws ends them with a ReplicateFailure; a write that fails throws
 * the operating system's error. */
export function runReplicatesInto(
  dir: string,
  scenario: Scenario,
  reps: number,
  onDone?: (done: number, seed: number) => void,
  replicateScenario?: (replicate: number) => Scenario,
  network: NetworkOutput | null = defaultNetwork(scenario.time),
): RunOutcome[] {
  const open = (name: string, columns: readonly Column[] | null) => {
    const fd = openSync(join(dir, name), 'w');
    if (columns !== null) writeSync(fd, encodeCsvRows(columns, [], true));
    return fd;
  };
  const timeseries = open('timeseries.csv', TIMESERIES_COLUMNS);
  const partnerships = open('partnerships.csv', PARTNERSHIP_COLUMNS);
  const events = open('events.jsonl', null);
  const organisations = open('organisations.csv', ORGANISATION_COLUMNS);
  const leaders = open('leaders.csv', LEADER_COLUMNS);
  const edges = network === null ? null : open('network.csv', NETWORK_COLUMNS);
  if (network !== null) mkdirSync(join(dir, NETWORK_DIR));
  const chosen = new Set(network === null ? [] : networkSteps(scenario.time.steps, network.every));
  const graphed = (step: number) => network?.allGraphs === true || step === scenario.time.steps;
  try {
    const outcomes: RunOutcome[] = [];
    for (let r = 0; r < reps; r++) {
      const seed = replicateSeed(scenario.time.seed, r);
      const simulation = modelStep(r, seed, () => new Simulation(replicateScenario?.(r) ?? scenario, seed));
      // The network at a chosen step leaves memory as soon as it is written, as the step's events do.
      const observe = (step: number) => {
        writeSync(events, eventLines(simulation.events.splice(0), r));
        if (edges === null || !chosen.has(step)) return;
        modelStep(r, seed, () => simulation.recordNetwork());
        const snapshots = simulation.network.splice(0);
        writeSync(edges, networkCsv(snapshots, r));
        for (const snapshot of snapshots.filter((s) => graphed(s.step)))
          for (const [path, write] of snapshotWriters(snapshot, r)) {
            const fd = openSync(join(dir, path), 'w');
            try {
              write((text) => writeSync(fd, text));
            } finally {
              closeSync(fd);
            }
          }
      };
      observe(0);
      for (let s = 1; s <= scenario.time.steps; s++) {
        modelStep(r, seed, () => simulation.advance());
        observe(s);
      }
      const result = modelStep(r, seed, () => simulation.result());
      const {
        timeseries: series,
        partnerships: formed,
        events: _,
        organisationsAtEnd,
        leaders: posts,
        network: __,
        trustJoins: ___,
        ...outcome
      } = result;
      writeSync(timeseries, encodeCsvRows(TIMESERIES_COLUMNS, timeseriesRows(series, r), false));
      writeSync(partnerships, encodeCsvRows(PARTNERSHIP_COLUMNS, partnershipRows(formed, r), false));
      writeSync(organisations, encodeCsvRows(ORGANISATION_COLUMNS, organisationRows(organisationsAtEnd, r), false));
      writeSync(leaders, encodeCsvRows(LEADER_COLUMNS, leaderRows(posts, r), false));
      outcomes.push(outcome);
      onDone?.(r + 1, seed);
    }
    return outcomes;
  } finally {
    for (const fd of [timeseries, partnerships, events, organisations, leaders, edges]) if (fd !== null) closeSync(fd);
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
