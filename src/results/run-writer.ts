// Running a scenario's replicates straight into a run directory being written: each step's events, and each
// replicate's time series and partnerships, go to disk as they are made, so that a run's memory is bounded by the
// model's state and one replicate's time series, not by its history (a national scenario with 40 replicates writes
// gigabytes of events). The files are the same bytes as resultFiles makes in memory. With a journal, a run stopped or
// killed part way keeps the replicates it finished, and the next goes on from there.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { networkSteps } from '../engine/network.ts';
import { ReplicateFailure } from '../engine/run.ts';
import { Simulation } from '../engine/simulation.ts';
import { replicateSeed } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Column, encodeCsvRows } from '../sweep/table.ts';
import { NETWORK_DIR, snapshotWriters } from './network-files.ts';
import { defaultNetwork, type NetworkOutput } from './network-output.ts';
import { appendReplicateJournal, type FinishedReplicate, readReplicateJournal, rewriteReplicateJournal } from './replicate-journal.ts';
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

// How often, at most, a run that a signal may stop gives the events loop a turn to hear it.
const YIELD_MS = 50;

/** How runReplicatesInto runs and writes. */
export interface ReplicateOptions {
  /** Hears of each replicate as it finishes (how many are done, its seed). */
  readonly onDone?: (done: number, seed: number) => void;
  /** The scenario of replicate r, run with the same seed (a parameter set drawn from a posterior). */
  readonly replicateScenario?: (replicate: number) => Scenario;
  /** The network to write; default: yearly; null: none. */
  readonly network?: NetworkOutput | null;
  /** The journal of finished replicates (see replicate-journal.ts): those it holds are kept, the run goes on from the
   * next, and each replicate finished is added to it. Without one, every replicate runs. */
  readonly journal?: string;
  /** Stops the run at the end of the step under way, burn-in steps included; the events loop is given a turn between
   * steps (every YIELD_MS at most) so that a signal's handler can abort it. */
  readonly signal?: AbortSignal;
}

/** Runs replicates 0..reps-1 of a scenario (seeds hashed from its master seed, as runReplicates does), writing
 * timeseries.csv, partnerships.csv, events.jsonl, organisations.csv and leaders.csv into `dir` as they are produced,
 * and, unless `options.network` is null, the network every `network.every` steps (default: yearly; at step 0, each
 * multiple and the last step) into network.csv, with graph files in NETWORK_DIR of the last step (of every step
 * recorded with `network.allGraphs`: graph files for a year's snapshots of the baseline cost about a quarter of a run).
 * Returns each replicate's outcome in order, or null when `options.signal` stopped it (the replicates finished are in
 * the journal). A replicate that throws ends them with a ReplicateFailure; a write that fails throws the operating
 * system's error. */
export async function runReplicatesInto(
  dir: string,
  scenario: Scenario,
  reps: number,
  options: ReplicateOptions = {},
): Promise<RunOutcome[] | null> {
  const { onDone, replicateScenario, journal, signal } = options;
  const network = options.network === undefined ? defaultNetwork(scenario.time) : options.network;
  const tables = tableFiles(network);
  const kept = journal === undefined ? [] : finishedReplicates(dir, journal, reps, network);
  if (journal !== undefined) rewriteReplicateJournal(journal, kept);
  const fds = new Map<string, number>();
  const outcomes = kept.map((entry) => entry.outcome);
  try {
    for (const [name, columns] of tables) {
      const path = join(dir, name);
      if (kept.length > 0) {
        // What an unfinished replicate began to write is cut off.
        truncateSync(path, kept[kept.length - 1].sizes[name]);
        fds.set(name, openSync(path, 'a'));
      } else {
        const fd = openSync(path, 'w');
        fds.set(name, fd);
        if (columns !== null) writeSync(fd, encodeCsvRows(columns, [], true));
      }
    }
    const file = (name: string): number => fds.get(name) as number;
    const events = file('events.jsonl');
    const edges = network === null ? null : file('network.csv');
    if (network !== null) mkdirSync(join(dir, NETWORK_DIR), { recursive: true });
    const chosen = new Set(network === null ? [] : networkSteps(scenario.time.steps, network.every));
    const graphed = (step: number) => network?.allGraphs === true || step === scenario.time.steps;
    // Whether the signal has stopped the run, once the events loop has had a turn to hear it (a turn every YIELD_MS
    // at most: a turn costs microseconds, and a burn-in has hundreds of steps).
    let turned = performance.now();
    const stopped = async (): Promise<boolean> => {
      if (signal === undefined) return false;
      if (signal.aborted || performance.now() - turned < YIELD_MS) return signal.aborted;
      await new Promise((resolve) => setImmediate(resolve));
      turned = performance.now();
      return signal.aborted;
    };
    for (let r = kept.length; r < reps; r++) {
      const seed = replicateSeed(scenario.time.seed, r);
      const simulation = modelStep(
        r,
        seed,
        () => new Simulation(replicateScenario?.(r) ?? scenario, seed, undefined, { deferBurnIn: signal !== undefined }),
      );
      while (!modelStep(r, seed, () => simulation.burnIn(1))) if (await stopped()) return null;
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
        if (await stopped()) return null;
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
      writeSync(file('timeseries.csv'), encodeCsvRows(TIMESERIES_COLUMNS, timeseriesRows(series, r), false));
      writeSync(file('partnerships.csv'), encodeCsvRows(PARTNERSHIP_COLUMNS, partnershipRows(formed, r), false));
      writeSync(file('organisations.csv'), encodeCsvRows(ORGANISATION_COLUMNS, organisationRows(organisationsAtEnd, r), false));
      writeSync(file('leaders.csv'), encodeCsvRows(LEADER_COLUMNS, leaderRows(posts, r), false));
      outcomes.push(outcome);
      if (journal !== undefined) {
        const sizes = Object.fromEntries([...fds].map(([name, fd]) => [name, fstatSync(fd).size]));
        appendReplicateJournal(journal, r, { outcome, sizes });
      }
      onDone?.(r + 1, seed);
    }
    return outcomes;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

// The files a run writes its rows into, with their columns (none for events.jsonl).
function tableFiles(network: NetworkOutput | null): [string, readonly Column[] | null][] {
  return [
    ['timeseries.csv', TIMESERIES_COLUMNS],
    ['partnerships.csv', PARTNERSHIP_COLUMNS],
    ['events.jsonl', null],
    ['organisations.csv', ORGANISATION_COLUMNS],
    ['leaders.csv', LEADER_COLUMNS],
    ...(network === null ? [] : [['network.csv', NETWORK_COLUMNS] as [string, readonly Column[]]]),
  ];
}

/** Returns the replicates of a run into `dir` that its journal holds (at most `reps`) when every table file is at
 * least as long as the journal says, so that they can be kept and the tables cut back to those lengths; none
 * otherwise (the tables are then written anew). See runReplicatesInto. */
export function finishedReplicates(dir: string, journal: string, reps: number, network: NetworkOutput | null): FinishedReplicate[] {
  const kept = readReplicateJournal(journal).slice(0, reps);
  if (kept.length === 0) return kept;
  const sizes = kept[kept.length - 1].sizes;
  const whole = ([name]: [string, unknown]) => {
    const path = join(dir, name);
    return typeof sizes[name] === 'number' && existsSync(path) && statSync(path).size >= sizes[name];
  };
  return tableFiles(network).every(whole) ? kept : [];
}

// The model's own failures are reported with the replicate and seed that reproduce them; writes fail as themselves.
function modelStep<T>(replicate: number, seed: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new ReplicateFailure(replicate, seed, error);
  }
}
