// The contents of a result directory as strings, from the runs and their provenance: pure, so that
// the same scenario and seed give the same bytes and tests can compare them without touching disk.
import { aggregateAreas, aggregateMetrics } from '../analysis/stats.ts';
import { LEVEL_NAMES, type RunResult } from '../engine/types.ts';
import { LEVER_KEYS, type Scenario } from '../scenario/schema.ts';

/** The files of a result directory, in the order they are written. */
export const RESULT_FILES = ['manifest.json', 'summary.json', 'timeseries.csv', 'partnerships.csv', 'events.jsonl'] as const;
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
}

/** The columns of timeseries.csv (without the leading `replicate` column written for several replicates). */
export const TIMESERIES_COLUMNS = [
  'step',
  'year',
  'active',
  'formed',
  'dissolved',
  'participation',
  'meanTrust',
  'meanStrength',
  ...LEVEL_NAMES.map((level) => `level_${level}`),
  ...LEVER_KEYS,
] as const;

/** The columns of partnerships.csv (without the leading `replicate` column written for several replicates). */
export const PARTNERSHIP_COLUMNS = [
  'id',
  'area',
  'formedStep',
  'endedStep',
  'endReason',
  'members',
  'peakLevel',
  'finalLevel',
  'mandate',
  'principles',
  'laInvolved',
  'funded',
] as const;

/** Returns a number as CSV text: integers exactly, others to 6 significant digits without trailing zeros; null as empty. */
export function csvNumber(value: number | null): string {
  if (value === null) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** Returns a CSV field, quoted (with inner quotes doubled) when it holds a comma, quote or line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',') + '\n';

// Several replicates share one file, told apart by a leading replicate column (or field); one run has none.
const replicated = (results: readonly RunResult[]): boolean => results.length > 1;

/** Returns timeseries.csv: a header, then one row per step (per replicate and step for several replicates). */
export function timeseriesCsv(results: readonly RunResult[]): string {
  const several = replicated(results);
  const rows = results.flatMap((result, replicate) =>
    result.timeseries.map((record) =>
      csvLine([
        ...(several ? [String(replicate)] : []),
        ...[
          record.step,
          record.year,
          record.active,
          record.formed,
          record.dissolved,
          record.participation,
          record.meanTrust,
          record.meanStrength,
        ].map(csvNumber),
        ...LEVEL_NAMES.map((_, level) => csvNumber(record.levels[level])),
        ...LEVER_KEYS.map((key) => csvNumber(record.levers[key])),
      ]),
    ),
  );
  return csvLine([...(several ? ['replicate'] : []), ...TIMESERIES_COLUMNS]) + rows.join('');
}

/** Returns partnerships.csv: a header, then one row per partnership; endedStep and endReason are empty while it is active. */
export function partnershipsCsv(results: readonly RunResult[]): string {
  const several = replicated(results);
  const rows = results.flatMap((result, replicate) =>
    result.partnerships.map((p) =>
      csvLine([
        ...(several ? [String(replicate)] : []),
        csvNumber(p.id),
        p.area,
        csvNumber(p.formedStep),
        csvNumber(p.endedStep),
        p.endReason ?? '',
        csvNumber(p.members),
        p.peakLevel,
        p.finalLevel,
        p.mandate,
        String(p.principles),
        String(p.laInvolved),
        String(p.funded),
      ]),
    ),
  );
  return csvLine([...(several ? ['replicate'] : []), ...PARTNERSHIP_COLUMNS]) + rows.join('');
}

/** Returns events.jsonl: one JSON event per line, each with a leading `replicate` field for several replicates. */
export function eventsJsonl(results: readonly RunResult[]): string {
  const several = replicated(results);
  return results
    .flatMap((result, replicate) => result.events.map((event) => JSON.stringify(several ? { replicate, ...event } : event) + '\n'))
    .join('');
}

/** Returns summary.json: one run's outcomes, or for several replicates each metric's mean, sd and 95% interval, the replicates' own metrics and the summed work. */
export function summaryJson(results: readonly RunResult[], masterSeed: number): string {
  const [first] = results;
  const summary = replicated(results)
    ? {
        scenario: first.scenario,
        seed: masterSeed,
        steps: first.steps,
        organisations: first.organisations,
        metrics: aggregateMetrics(results.map((result) => result.metrics)),
        areas: aggregateAreas(results.map((result) => result.areas)),
        replicates: results.map((result, replicate) => ({ replicate, seed: result.seed, metrics: result.metrics })),
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
        work: first.work,
      };
  return JSON.stringify(summary, null, 2) + '\n';
}

/** Returns manifest.json: the provenance of a result directory. */
export function manifestJson(provenance: Provenance): string {
  const manifest = {
    partnersim: provenance.version,
    commit: provenance.commit,
    node: provenance.node,
    args: provenance.args,
    scenario: provenance.scenario,
    scenarioHash: provenance.scenarioHash,
    masterSeed: provenance.masterSeed,
    reps: provenance.seeds.length,
    seeds: provenance.seeds,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns every file of a result directory, by name. */
export function resultFiles(results: readonly RunResult[], provenance: Provenance): Record<ResultFile, string> {
  return {
    'manifest.json': manifestJson(provenance),
    'summary.json': summaryJson(results, provenance.masterSeed),
    'timeseries.csv': timeseriesCsv(results),
    'partnerships.csv': partnershipsCsv(results),
    'events.jsonl': eventsJsonl(results),
  };
}
