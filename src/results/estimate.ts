// What a run will need before it runs: its organisations, the steps it simulates (burn-in included), its ties, the
// bytes its result files take and the memory its process peaks at, from the scenario alone. Commands check these
// against the machine (src/cli/size-check.ts) so that work a machine cannot do is refused at once, not after hours.
//
// The figures per organisation and per tie are measured, not derived: the output of `partnersim run` on
// scenarios/baseline.yaml (166 organisations) and scenarios/national.yaml (20,020), and the peak resident memory of
// baseline (125 MB) and of national with the network (526 MB: 85,334 ties at its last step) and without it (252 MB),
// at commits d7c26f7 and 5fee47d (network.csv and the graph files again with their numbers at 6 decimal places). They
// are rounded up: an estimate is meant to be the right size, and on the safe side.
import { networkSteps } from '../engine/network.ts';
import { countOrganisations, type Scenario } from '../scenario/schema.ts';
import { resolveParams } from '../scenario/parameters/index.ts';
import type { NetworkOutput } from './network-output.ts';

/** Ties per organisation at a run's snapshots (measured: 4.9 in baseline, 4.1 in national). */
const TIES_PER_ORGANISATION = 5;
/** Bytes of a network.csv row (measured: 97). */
const NETWORK_ROW_BYTES = 100;
/** Bytes of a GraphML and a GEXF file together, per tie and per organisation (measured: 1,397 per tie with its nodes). */
const GRAPH_TIE_BYTES = 1_450;
const GRAPH_NODE_BYTES = 600;
/** Bytes of events.jsonl per organisation-year (measured: 0.16 events of 107 bytes). */
const EVENT_BYTES_PER_ORGANISATION_YEAR = 20;
/** Bytes of organisations.csv, leaders.csv and partnerships.csv together, per organisation (measured: 466). */
const TABLE_BYTES_PER_ORGANISATION = 500;
/** Bytes of a timeseries.csv row (measured: 416). */
const TIMESERIES_ROW_BYTES = 450;
/** A run's peak resident memory: the process with its libraries (baseline's 125 MB), each organisation with its ties,
 * partnerships, leader and records (national without the network: 6.4 kB each above that), and, when the network is
 * written, each tie of the snapshot as records and graph files (national: 3.2 kB a tie above its run without). */
const PROCESS_BYTES = 125e6;
const BYTES_PER_ORGANISATION = 6_500;
const NETWORK_BYTES_PER_TIE = 4_000;

/** What a run of a scenario is expected to need. */
export interface RunSize {
  readonly organisations: number;
  /** Steps simulated by each replicate: the burn-in's and the run's. */
  readonly stepsSimulated: number;
  /** Ties alive at a time, estimated. */
  readonly ties: number;
  /** Bytes of the result directory, every replicate's tables together (the report not counted). */
  readonly outputBytes: number;
  /** Peak resident memory of the process running it, in bytes, most of it the JavaScript heap: replicates run one after
   * another, so it does not grow with them; writing the network's snapshots, above all its graph files, is its peak. */
  readonly memoryBytes: number;
  /** The part of outputBytes that is the network's files (network.csv and the graph files): 0 with no network. */
  readonly networkOutputBytes: number;
  /** The part of memoryBytes that writing the network's snapshots adds: 0 with no network. */
  readonly networkMemoryBytes: number;
}

/** Returns what `replicates` replicates of a scenario are expected to need, writing `network` (none when null). */
export function estimateRunSize(scenario: Scenario, replicates: number, network: NetworkOutput | null): RunSize {
  const organisations = countOrganisations(scenario);
  const { steps, stepsPerYear } = scenario.time;
  const burnIn = Math.round(resolveParams(scenario).init.burnInYears * stepsPerYear);
  const ties = organisations * TIES_PER_ORGANISATION;
  const snapshots = network === null ? 0 : networkSteps(steps, network.every).length;
  const graphs = network === null ? 0 : network.allGraphs ? snapshots : 1;
  const networkPerReplicate = snapshots * ties * NETWORK_ROW_BYTES + graphs * (ties * GRAPH_TIE_BYTES + organisations * GRAPH_NODE_BYTES);
  const perReplicate =
    networkPerReplicate +
    (organisations * EVENT_BYTES_PER_ORGANISATION_YEAR * steps) / stepsPerYear +
    organisations * TABLE_BYTES_PER_ORGANISATION +
    (steps + 1) * TIMESERIES_ROW_BYTES;
  const networkMemoryBytes = network === null ? 0 : ties * NETWORK_BYTES_PER_TIE;
  return {
    organisations,
    stepsSimulated: burnIn + steps,
    ties,
    outputBytes: Math.ceil(replicates * perReplicate),
    memoryBytes: runMemoryBytes(organisations) + networkMemoryBytes,
    networkOutputBytes: Math.ceil(replicates * networkPerReplicate),
    networkMemoryBytes,
  };
}

/** Returns the peak resident memory, in bytes, of one process (or worker) running a world of `organisations` and writing
 * no network (as a sweep's and a calibration's runs write none). */
export function runMemoryBytes(organisations: number): number {
  return PROCESS_BYTES + organisations * BYTES_PER_ORGANISATION;
}
