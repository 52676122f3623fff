// What a sweep keeps of each run: the metrics and time-series rows it was asked to record, or the error that
// stopped it; and the tables (runs, time series) built from those records in run-index order.
import { runScenario } from '../engine/run.ts';
import type { MetricName, NetworkField, RunResult, StepRecord } from '../engine/types.ts';
import {
  type AREA_WIDE_FIELDS,
  FEATURE_FIELDS,
  FEATURE_NAMES,
  LEVEL_NAMES,
  NETWORK_FIELDS,
  type TRUST_FIELDS,
  TRUST_TYPE_FIELDS,
} from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepPoint, SweepRun } from './expand.ts';
import { isMetricName, metricColumn, type RecordedMetric, type RecordSpec, type Sweep, type TimeseriesField } from './schema.ts';
import type { Cell, Column } from './table.ts';

/** A finished run: what it recorded, or the error it threw (its first line, then the stack). */
export type RunRecord =
  | (SweepRun & {
      readonly status: 'ok';
      readonly metrics: readonly (number | null)[];
      readonly timeseries: readonly (readonly number[])[];
    })
  | (SweepRun & { readonly status: 'failed'; readonly error: string });

/** Tells a failed run's record from a finished one's. */
export function isFailed(record: RunRecord): record is Extract<RunRecord, { status: 'failed' }> {
  return record.status === 'failed';
}

/** Returns the record of one run of a scenario: its metrics in the spec's order and, at each chosen step, [step, ...fields];
 * a run that throws gives a failed record instead, so that one bad run does not stop a sweep. */
export function recordRun(run: SweepRun, scenario: Scenario, spec: RecordSpec): RunRecord {
  try {
    const result = runScenario(scenario, { seed: run.seed });
    const metrics = spec.metrics.map((metric) => recordedValue(result, metric));
    const series = spec.timeseries;
    const timeseries =
      series === null
        ? []
        : series.steps.map((step) => [step, ...series.fields.map((field) => timeseriesField(result.timeseries[step - 1], field))]);
    return { ...run, status: 'ok', metrics, timeseries };
  } catch (error) {
    return { ...run, status: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** Returns a recorded metric of a run: a summary metric, a time-series field at a step, or the field's mean over a
 * window of steps (both ends included). */
export function recordedValue(result: Pick<RunResult, 'metrics' | 'timeseries'>, metric: RecordedMetric): number | null {
  if (isMetricName(metric)) return result.metrics[metric];
  if ('step' in metric) return timeseriesField(result.timeseries[metric.step - 1], metric.field);
  const [from, to] = metric.window;
  let sum = 0;
  for (let step = from; step <= to; step++) sum += timeseriesField(result.timeseries[step - 1], metric.field);
  return sum / (to - from + 1);
}

/** Returns a time-series field of one step's record: a count or mean, the number of partnerships at a level, a
 * feature's mean, a trust type's share or a network measure. */
export function timeseriesField(row: StepRecord, field: TimeseriesField): number {
  const level = (LEVEL_NAMES as readonly string[]).indexOf(field);
  if (level >= 0) return row.levels[level];
  const feature = (FEATURE_FIELDS as readonly string[]).indexOf(field);
  if (feature >= 0) return row.features[FEATURE_NAMES[feature]];
  const type = (TRUST_TYPE_FIELDS as readonly string[]).indexOf(field);
  if (type >= 0) return row.trustTypes[type];
  if ((NETWORK_FIELDS as readonly string[]).includes(field)) return row.network[field as NetworkField];
  return row[
    field as
      | 'active'
      | 'formed'
      | 'dissolved'
      | 'participation'
      | 'meanTrust'
      | 'meanStrength'
      | (typeof TRUST_FIELDS)[number]
      | (typeof AREA_WIDE_FIELDS)[number]
  ];
}

// Counts are whole numbers; every other metric and field is a share or a mean.
const COUNT_METRICS: ReadonlySet<MetricName> = new Set(['partnershipsFormed', 'partnershipsDissolved', 'partnershipsActiveAtEnd']);
// A count recorded as it is is a whole number; a mean over a window is not.
function metricType(metric: RecordedMetric): 'int' | 'float' {
  if (isMetricName(metric)) return COUNT_METRICS.has(metric) ? 'int' : 'float';
  return 'step' in metric && !FLOAT_FIELDS.has(metric.field) ? 'int' : 'float';
}

/** The time-series fields that are shares or means (the others are counts). */
export const FLOAT_FIELDS: ReadonlySet<TimeseriesField> = new Set([
  'participation',
  'meanTrust',
  'meanStrength',
  ...FEATURE_FIELDS,
  ...TRUST_TYPE_FIELDS,
  ...NETWORK_FIELDS.filter((field) => field !== 'components' && field !== 'largestComponent'),
  'inTrusts',
  'inTrustsElsewhere',
  'meanTrustSize',
]);

/** The tables of a finished sweep, by file stem: `runs` always, `timeseries` when the sweep records it. */
export type SweepTables = Record<string, { readonly columns: readonly Column[]; readonly rows: readonly (readonly Cell[])[] }>;

/** Returns the result tables of a sweep from its records, in run-index order: one row per run (index, point, replicate,
 * seed, each parameter's value, status, error, each metric), and one per run and recorded step (index, point,
 * replicate, step, year, the fields: the columns of a run's timeseries.csv). */
export function sweepTables(
  sweep: Pick<Sweep, 'parameters' | 'record'>,
  points: readonly SweepPoint[],
  records: readonly RunRecord[],
  stepsPerYear: number,
): SweepTables {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const ids: Column[] = [
    { name: 'index', type: 'int' },
    { name: 'point', type: 'int' },
    { name: 'replicate', type: 'int' },
  ];
  const runColumns: Column[] = [
    ...ids,
    { name: 'seed', type: 'int' },
    ...sweep.parameters.map((p): Column => ({ name: p.key, type: 'float' })),
    { name: 'status', type: 'string' },
    { name: 'error', type: 'string' },
    ...sweep.record.metrics.map((metric): Column => ({ name: metricColumn(metric), type: metricType(metric) })),
  ];
  const runRows = sorted.map((r): Cell[] => [
    r.index,
    r.point,
    r.replicate,
    r.seed,
    ...points[r.point].values,
    r.status,
    isFailed(r) ? r.error.split('\n')[0] : null,
    ...(isFailed(r) ? sweep.record.metrics.map(() => null) : r.metrics),
  ]);
  const tables: SweepTables = { runs: { columns: runColumns, rows: runRows } };
  const series = sweep.record.timeseries;
  if (series !== null) {
    const columns: Column[] = [
      ...ids,
      { name: 'step', type: 'int' },
      { name: 'year', type: 'float' },
      ...series.fields.map((name): Column => ({ name, type: FLOAT_FIELDS.has(name) ? 'float' : 'int' })),
    ];
    const rows = sorted.flatMap((r) =>
      isFailed(r)
        ? []
        : r.timeseries.map(([step, ...fields]): Cell[] => [r.index, r.point, r.replicate, step, step / stepsPerYear, ...fields]),
    );
    tables.timeseries = { columns, rows };
  }
  return tables;
}
