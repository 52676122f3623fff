// The contents of a run's result directory, from the runs and their provenance: pure, so that the same scenario and
// seed give the same bytes. The tables are made a replicate at a time, so that they can be streamed to disk.
import { resolveParams } from '../scenario/parameters/index.ts';
import { aggregateAreas, aggregateMetrics } from '../analysis/stats.ts';
import type { PosteriorDraws } from '../calibration/posterior-draws.ts';
import type { NetworkSnapshot, OrganisationRecord } from '../engine/network.ts';
import type { LeaderPost } from '../engine/posts.ts';
import { FEATURE_NAMES, type PartnershipEvent, type PartnershipRecord, type RunResult, type StepRecord } from '../engine/types.ts';
import { snapshotFiles } from './network-files.ts';
import { LEVER_KEYS, type Scenario } from '../scenario/schema.ts';
import { FLOAT_FIELDS, timeseriesField } from '../sweep/record.ts';
import { TIMESERIES_FIELDS } from '../sweep/schema.ts';
import { FIXED_DECIMALS } from '../sweep/byte-text.ts';
import { type CellSink, type Column, CsvRowWriter, encodeCsvRows, type Row, RowCollector } from '../sweep/table.ts';

/** The files of a result directory, in the order they are written (network.csv unless the run records no network; the
 * graph files beside it in NETWORK_DIR). */
export const RESULT_FILES = [
  'manifest.json',
  'summary.json',
  'timeseries.csv',
  'partnerships.csv',
  'events.jsonl',
  'organisations.csv',
  'leaders.csv',
  'network.csv',
] as const;
export type ResultFile = (typeof RESULT_FILES)[number];

/** The report's file in a result directory (a run's, a comparison's or an analysis's). */
export const REPORT_FILE = 'report.html';

/** Where the results came from: everything needed to re-run them, and nothing that changes from one run to the next (no clock). */
export interface Provenance {
  readonly version: string;
  /** The commit partnersim ran from, or null when it is not a git checkout. */
  readonly commit: string | null;
  readonly node: string;
  readonly args: readonly string[];
  /** The normalised scenario actually run (overrides applied). */
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly masterSeed: number;
  /** One run seed per replicate, replicateSeed(masterSeed, r). */
  readonly seeds: readonly number[];
  /** With --posterior: the parameter set each replicate drew from a calibration's posterior (set over `scenario`). */
  readonly posterior?: PosteriorDraws;
}

/** A run's results without their history (time series, partnerships and events go to disk as they are made; trust
 * joinings are counted in the time series): what summary.json needs. */
export type RunOutcome = Omit<
  RunResult,
  'timeseries' | 'partnerships' | 'events' | 'organisationsAtEnd' | 'leaders' | 'network' | 'trustJoins'
>;

/** Returns the open trusts with a school by their number of schools (`{"1": 3, "4": 1}`), in order of size. */
export function trustSizes(trusts: RunOutcome['trusts']): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const t of [...trusts].sort((x, y) => x.schools - y.schools))
    if (t.ended === null && t.schools > 0) sizes[t.schools] = (sizes[t.schools] ?? 0) + 1;
  return sizes;
}

/** What a run directory's manifest says its `kind` is. */
export const RUN_KIND = 'partnersim run';

/** The columns of timeseries.csv: the same names as a sweep's time series (`step`, `year`, the fields), one row per
 * replicate and step, then the value in force of each lever. */
export const TIMESERIES_COLUMNS: readonly Column[] = [
  { name: 'replicate', type: 'int' },
  { name: 'step', type: 'int' },
  { name: 'year', type: 'float' },
  ...TIMESERIES_FIELDS.map((name): Column => ({ name, type: FLOAT_FIELDS.has(name) ? 'float' : 'int' })),
  ...LEVER_KEYS.map((name): Column => ({ name, type: 'float' })),
];

/** What a partnership's record gives at its peak and at its end: Dhillon's four features and the continuum score. */
export const PARTNERSHIP_FEATURES = [...FEATURE_NAMES, 'score'] as const;

/** Returns the partnerships.csv column of a feature at a partnership's peak or end: `peakTrust`, `finalScore`. */
export const featureColumn = (when: 'peak' | 'final', name: (typeof PARTNERSHIP_FEATURES)[number]): string =>
  `${when}${name[0].toUpperCase()}${name.slice(1)}`;

/** The columns of partnerships.csv: one row per replicate and partnership; `peakTrust` … `peakScore` are its features
 * when its continuum score was highest, `finalTrust` … `finalScore` at its end (or the run's). */
export const PARTNERSHIP_COLUMNS: readonly Column[] = [
  { name: 'replicate', type: 'int' },
  { name: 'id', type: 'int' },
  { name: 'area', type: 'string' },
  { name: 'formedStep', type: 'int' },
  { name: 'endedStep', type: 'int' },
  { name: 'endReason', type: 'string' },
  { name: 'members', type: 'int' },
  { name: 'core', type: 'int' },
  { name: 'scope', type: 'string' },
  { name: 'peakLevel', type: 'string' },
  { name: 'finalLevel', type: 'string' },
  ...PARTNERSHIP_FEATURES.map((name): Column => ({ name: featureColumn('peak', name), type: 'float' })),
  ...PARTNERSHIP_FEATURES.map((name): Column => ({ name: featureColumn('final', name), type: 'float' })),
  { name: 'mandate', type: 'string' },
  { name: 'principles', type: 'bool' },
  { name: 'laInvolved', type: 'bool' },
  { name: 'funded', type: 'bool' },
  { name: 'leadExperience', type: 'float' },
];

/** The columns of organisations.csv: one row per replicate and organisation, at the end of the run. `trust` and
 * `trustName` are its multi-academy trust's register UID and name (missing for none), `partnerships` how many it belongs
 * to, `partnershipIds` their ids (partnerships.csv) and `partnershipDepths` its depth in each, in the same order
 * (`core` or `wider`), space-separated. */
export const ORGANISATION_COLUMNS: readonly Column[] = [
  { name: 'replicate', type: 'int' },
  { name: 'id', type: 'int' },
  { name: 'kind', type: 'string' },
  { name: 'area', type: 'string' },
  { name: 'trust', type: 'int' },
  { name: 'trustName', type: 'string' },
  { name: 'nonLocal', type: 'bool' },
  ...(['x', 'y', 'power', 'capacity', 'culture', 'norms', 'motValues', 'motResources', 'motCompliance', 'exposure'] as const).map(
    (name): Column => ({ name, type: 'float' }),
  ),
  { name: 'leader', type: 'int' },
  { name: 'leaderExperience', type: 'float' },
  { name: 'leaderTenureYears', type: 'float' },
  { name: 'ties', type: 'int' },
  { name: 'partnerships', type: 'int' },
  { name: 'partnershipIds', type: 'string' },
  { name: 'partnershipDepths', type: 'string' },
];

/** Returns the rows of organisations.csv for one replicate's organisations. */
export function organisationRows(organisations: readonly OrganisationRecord[], replicate: number): Row[] {
  return organisations.map((o) => [
    replicate,
    o.id,
    o.kind,
    o.area,
    o.trust,
    o.trustName,
    o.nonLocal,
    o.x,
    o.y,
    o.power,
    o.capacity,
    o.culture,
    o.norms,
    o.motValues,
    o.motResources,
    o.motCompliance,
    o.exposure,
    o.leader,
    o.leaderExperience,
    o.leaderTenureYears,
    o.ties,
    o.partnerships.length,
    o.partnerships.join(' '),
    o.partnershipDepths.join(' '),
  ]);
}

/** The columns of leaders.csv: one row per replicate and leader's post; `toStep` is missing while in post at the end. */
export const LEADER_COLUMNS: readonly Column[] = [
  { name: 'replicate', type: 'int' },
  { name: 'leader', type: 'int' },
  { name: 'organisation', type: 'int' },
  { name: 'fromStep', type: 'int' },
  { name: 'toStep', type: 'int' },
  { name: 'startExperience', type: 'float' },
  { name: 'endExperience', type: 'float' },
];

/** Returns the rows of leaders.csv for one replicate's posts. */
export function leaderRows(posts: readonly LeaderPost[], replicate: number): Row[] {
  return posts.map((p) => [replicate, p.leader, p.organisation, p.fromStep, p.toStep, p.startExperience, p.endExperience]);
}

/** The columns of network.csv, the edge list: one row per replicate, recorded step and live tie, `source` the lower
 * organisation id; trust of source in target (`ST`) and of target in source (`TS`) between the organisations, between
 * their leaders and effective, each side's trust type, strength, age in years and the partnerships both ends share. */
export const NETWORK_COLUMNS: readonly Column[] = [
  { name: 'replicate', type: 'int' },
  { name: 'step', type: 'int' },
  { name: 'source', type: 'int' },
  { name: 'target', type: 'int' },
  ...(['trustST', 'trustTS', 'leaderST', 'leaderTS', 'effectiveST', 'effectiveTS'] as const).map(
    (name): Column => ({ name, type: 'float', decimals: FIXED_DECIMALS }),
  ),
  { name: 'typeST', type: 'string' },
  { name: 'typeTS', type: 'string' },
  { name: 'strength', type: 'float', decimals: FIXED_DECIMALS },
  { name: 'ageYears', type: 'float', decimals: FIXED_DECIMALS },
  { name: 'shared', type: 'int' },
];

/** Adds network.csv's rows for one replicate's snapshots to a sink, a cell at a time in NETWORK_COLUMNS' order. */
function addNetworkRows(snapshots: readonly NetworkSnapshot[], replicate: number, sink: CellSink): void {
  for (const snapshot of snapshots)
    for (const t of snapshot.ties) {
      sink.number(replicate);
      sink.number(snapshot.step);
      sink.number(t.source);
      sink.number(t.target);
      sink.number(t.trustST);
      sink.number(t.trustTS);
      sink.number(t.leaderST);
      sink.number(t.leaderTS);
      sink.number(t.effectiveST);
      sink.number(t.effectiveTS);
      sink.text(t.typeST);
      sink.text(t.typeTS);
      sink.number(t.strength);
      sink.number(t.ageYears);
      sink.number(t.shared);
      sink.end();
    }
}

/** Returns the rows of network.csv for one replicate's snapshots. */
export function networkRows(snapshots: readonly NetworkSnapshot[], replicate: number): Row[] {
  const rows = new RowCollector();
  addNetworkRows(snapshots, replicate, rows);
  return rows.rows;
}

/** Returns network.csv's lines (no header) for one replicate's snapshots, as UTF-8: the bytes encodeCsvRows writes for
 * their networkRows, written with no array made per row (a run's largest table). */
export function networkCsv(snapshots: readonly NetworkSnapshot[], replicate: number): Uint8Array {
  const writer = new CsvRowWriter(NETWORK_COLUMNS);
  addNetworkRows(snapshots, replicate, writer);
  return writer.takeBytes();
}

/** Returns the rows of timeseries.csv for one replicate's time series. */
export function timeseriesRows(timeseries: readonly StepRecord[], replicate: number): Row[] {
  return timeseries.map((record) => [
    replicate,
    record.step,
    record.year,
    ...TIMESERIES_FIELDS.map((field) => timeseriesField(record, field)),
    ...LEVER_KEYS.map((key) => record.levers[key]),
  ]);
}

/** Returns the rows of partnerships.csv for one replicate's partnerships; endedStep and endReason are missing while one is active. */
export function partnershipRows(partnerships: readonly PartnershipRecord[], replicate: number): Row[] {
  return partnerships.map((p) => [
    replicate,
    p.id,
    p.area,
    p.formedStep,
    p.endedStep,
    p.endReason,
    p.members,
    p.core,
    p.scope,
    p.peakLevel,
    p.finalLevel,
    ...PARTNERSHIP_FEATURES.map((name) => p.peak[name]),
    ...PARTNERSHIP_FEATURES.map((name) => p.final[name]),
    p.mandate,
    p.principles,
    p.laInvolved,
    p.funded,
    p.leadExperience,
  ]);
}

/** Returns the lines of events.jsonl for one replicate's events: one JSON event per line, its `replicate` first. */
export function eventLines(events: readonly PartnershipEvent[], replicate: number): string {
  let text = '';
  for (const event of events) text += JSON.stringify({ replicate, ...event }) + '\n';
  return text;
}

/** Returns summary.json: one run's outcomes with its trusts by size, or for several replicates each metric's mean, sd
 * and 95% interval, the replicates' own metrics and trusts by size, and the summed work. */
export function summaryJson(results: readonly RunOutcome[], masterSeed: number): string {
  const [first] = results;
  const summary =
    results.length > 1
      ? {
          scenario: first.scenario,
          seed: masterSeed,
          steps: first.steps,
          organisations: first.organisations,
          metrics: aggregateMetrics(results.map((result) => result.metrics)),
          areas: aggregateAreas(results.map((result) => result.areas)),
          replicates: results.map((result, replicate) => ({
            replicate,
            seed: result.seed,
            metrics: result.metrics,
            trustSizes: trustSizes(result.trusts),
          })),
          work: {
            orgSteps: results.reduce((sum, result) => sum + result.work.orgSteps, 0),
            tieUpdates: results.reduce((sum, result) => sum + result.work.tieUpdates, 0),
          },
        }
      : {
          scenario: first.scenario,
          seed: first.seed,
          steps: first.steps,
          organisations: first.organisations,
          metrics: first.metrics,
          areas: first.areas,
          trustSizes: trustSizes(first.trusts),
          work: first.work,
        };
  return JSON.stringify(summary, null, 2) + '\n';
}

/** Returns what a run directory is for (see ResultIdentity): a run of this scenario, master seed and replicates, with
 * or without parameters drawn from a calibration's posterior (its hash: --posterior). */
export function runIdentity(scenarioHash: string, masterSeed: number, reps: number, posterior?: string): Readonly<Record<string, unknown>> {
  // `posterior` is there even when undefined: a plain run is not the same results as one that drew from a posterior.
  return { kind: RUN_KIND, scenarioHash, masterSeed, reps, posterior };
}

/** Returns manifest.json: the provenance of a result directory. */
export function manifestJson(provenance: Provenance): string {
  const manifest = {
    kind: RUN_KIND,
    partnersim: provenance.version,
    commit: provenance.commit,
    node: provenance.node,
    args: provenance.args,
    scenario: provenance.scenario,
    // Every model parameter's value in force, defaults included: the normalised scenario lists only those it changes.
    parameters: resolveParams(provenance.scenario),
    scenarioHash: provenance.scenarioHash,
    masterSeed: provenance.masterSeed,
    reps: provenance.seeds.length,
    seeds: provenance.seeds,
    ...(provenance.posterior === undefined ? {} : { posterior: provenance.posterior.hash, draws: provenance.posterior }),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns every file of a result directory, by name (graph files by their path in it), made in memory (the CLI streams
 * the tables to disk instead, to the same bytes): for tests and for scripts holding a few runs. network.csv and the
 * graph files hold the snapshots the runs recorded (runScenario's networkEvery). */
export function resultFiles(results: readonly RunResult[], provenance: Provenance): Record<ResultFile, string> & Record<string, string> {
  const table = <T>(columns: readonly Column[], rows: (item: T, replicate: number) => Row[], of: (result: RunResult) => T) =>
    encodeCsvRows(
      columns,
      results.flatMap((result, r) => rows(of(result), r)),
      true,
    );
  return {
    'manifest.json': manifestJson(provenance),
    'summary.json': summaryJson(results, provenance.masterSeed),
    'timeseries.csv': encodeCsvRows(
      TIMESERIES_COLUMNS,
      results.flatMap((result, r) => timeseriesRows(result.timeseries, r)),
      true,
    ),
    'partnerships.csv': encodeCsvRows(
      PARTNERSHIP_COLUMNS,
      results.flatMap((result, r) => partnershipRows(result.partnerships, r)),
      true,
    ),
    'events.jsonl': results.map((result, r) => eventLines(result.events, r)).join(''),
    'organisations.csv': table(ORGANISATION_COLUMNS, organisationRows, (result) => result.organisationsAtEnd),
    'leaders.csv': table(LEADER_COLUMNS, leaderRows, (result) => result.leaders),
    'network.csv': table(NETWORK_COLUMNS, networkRows, (result) => result.network),
    ...Object.assign({}, ...results.flatMap((result, r) => result.network.map((snapshot) => snapshotFiles(snapshot, r)))),
  };
}
