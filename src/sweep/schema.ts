// Sweep files: what a person writes (a base scenario, the parameters to vary, the design, replicates, a seed and
// what to record) and the normalised sweep that expansion reads. sweeps/schema.json is generated from here.
import * as z from 'zod';
import {
  FEATURE_FIELDS,
  LEVEL_NAMES,
  METRIC_NAMES,
  NETWORK_FIELDS,
  type LevelName,
  type MetricName,
  TRUST_FIELDS,
  AREA_WIDE_FIELDS,
  TRUST_TYPE_FIELDS,
} from '../engine/types.ts';
import { LEVER_KEYS, LEVERS } from '../scenario/levers.ts';
import { PARAMETERS } from '../scenario/parameters/index.ts';
import { seedSchema } from '../scenario/schema.ts';

/** The designs a sweep can use: a full grid, or points sampled from the parameters' ranges. */
export const DESIGN_KINDS = ['grid', 'random', 'lhs', 'sobol', 'morris'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** The scenario keys a sweep can vary: every lever, and every model parameter (the tables' keys, in their order). */
export const SWEEPABLE_KEYS = [...LEVER_KEYS, ...PARAMETERS.map((p) => p.key)] as readonly string[];

/** The sweepable keys whose values are whole numbers (counts): a sampled range takes whole values from them. */
export const INTEGER_KEYS: ReadonlySet<string> = new Set(PARAMETERS.filter((p) => p.spec.integer).map((p) => p.key));

/** The time-series fields of a run or sweep: counts and means, the partnerships at each level of the continuum, the mean
 * of each of Dhillon's features over active partnerships, the share of trust of each type, and the network's measures. */
export const TIMESERIES_FIELDS = [
  'active',
  'formed',
  'dissolved',
  'participation',
  'meanTrust',
  'meanStrength',
  ...LEVEL_NAMES,
  ...FEATURE_FIELDS,
  ...TRUST_TYPE_FIELDS,
  ...NETWORK_FIELDS,
  ...TRUST_FIELDS,
  ...AREA_WIDE_FIELDS,
] as const;
export type TimeseriesField = (typeof TIMESERIES_FIELDS)[number];
export type { LevelName };

/** The Morris grid's default number of levels (Morris 1991; Campolongo et al. 2007 recommend 4). */
export const DEFAULT_MORRIS_LEVELS = 4;

const parameterSchema = z.union([
  z.array(z.number()).min(1).describe('the values to take'),
  z
    .strictObject({
      from: z.number().describe('lowest value'),
      to: z.number().describe('highest value'),
      steps: z.number().int().min(2).max(10000).optional().describe('grid only: how many evenly spaced values from `from` to `to`'),
    })
    .describe('a range; sampled designs draw from it, a grid takes `steps` evenly spaced values'),
]);

/** Returns what a sweepable key means: a lever's or a parameter's meaning, from its table. */
export const parameterMeaning = (key: string): string =>
  (LEVERS as Record<string, { meaning: string }>)[key]?.meaning ?? PARAMETERS.find((p) => p.key === key)?.spec.meaning ?? key;

/** What a sweep can record of a run: a summary metric by name, a time-series field at a step, or its mean over a window of
 * steps (both ends included). Names are checked when the sweep is loaded, so that a misspelt one can be placed and named. */
const recordedMetricSchema = z.union([
  z.string().describe(`a summary metric: ${METRIC_NAMES.join(', ')}`),
  z
    .strictObject({
      field: z.string().describe(`a time-series field: ${TIMESERIES_FIELDS.join(', ')}`),
      step: z.number().int().min(1).describe('the step (1 = after the first step)'),
    })
    .describe('a time-series field at a step'),
  z
    .strictObject({
      field: z.string().describe(`a time-series field: ${TIMESERIES_FIELDS.join(', ')}`),
      window: z.tuple([z.number().int().min(1), z.number().int().min(1)]).describe('the first and last step of the window, both included'),
    })
    .describe("a time-series field's mean over a window of steps"),
]);

/** A sweep as a person writes it. */
export const sweepInputSchema = z.strictObject({
  $schema: z.string().optional().describe('path or URL of sweeps/schema.json, for editors'),
  name: z.string().min(1).optional().describe('short name; results go to results/<name>/ (default: the file name)'),
  description: z.string().optional().describe('what the sweep asks'),
  scenario: z.string().min(1).describe('the base scenario file, relative to this sweep file'),
  parameters: z
    .strictObject(
      Object.fromEntries(SWEEPABLE_KEYS.map((key) => [key, parameterSchema.optional().describe(parameterMeaning(key))])) as Record<
        string,
        z.ZodOptional<typeof parameterSchema>
      >,
    )
    .describe('the scenario keys to vary (dotted, as in --set), each with a list of values or a range {from, to}'),
  design: z
    .enum(DESIGN_KINDS)
    .optional()
    .describe(
      'grid (default: every combination), random, lhs (Latin hypercube), sobol (Saltelli sampling) or morris (elementary-effects trajectories)',
    ),
  samples: z
    .number()
    .int()
    .positive()
    .max(10_000_000)
    .optional()
    .describe('random and lhs: points; sobol: base samples N (N x (k+2) points); morris: trajectories r (r x (k+1) points)'),
  levels: z.number().int().min(2).max(100).optional().describe('morris only: the even number of grid levels p (default 4)'),
  replicates: z.number().int().positive().max(100_000).optional().describe('runs of each point, each with its own seed (default 1)'),
  seed: seedSchema.optional().describe("master seed of the sweep (default: the scenario's time.seed)"),
  record: z
    .strictObject({
      metrics: z
        .array(recordedMetricSchema)
        .min(1)
        .optional()
        .describe(
          'what to record of each run (default: every summary metric): a summary metric by name, a time-series field at a step {field, step}, or its mean over steps {field, window: [from, to]}',
        ),
      timeseries: z
        .strictObject({
          steps: z
            .union([
              z.array(z.number().int().min(1)).min(1).describe('the steps (1 = after the first step)'),
              z
                .strictObject({ every: z.number().int().min(1).describe('a step count') })
                .describe('every this many steps: every, 2 every, ... up to the last step'),
            ])
            .describe('the steps at which to record the time series'),
          fields: z
            .array(z.string().describe(`a time-series field: ${TIMESERIES_FIELDS.join(', ')}`))
            .min(1)
            .optional()
            .describe('columns to record (default: all)'),
        })
        .optional()
        .describe('also record the time series at these steps'),
    })
    .optional()
    .describe('what each run records: metrics, and optionally the time series at chosen steps'),
});
export type SweepInput = z.infer<typeof sweepInputSchema>;

/** A parameter after normalising: the values a grid takes, or the range a sampled design draws from. */
export type SweepParameter =
  | { readonly kind: 'values'; readonly key: string; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly key: string; readonly from: number; readonly to: number };

/** A design after normalising: its kind, and for sampled designs how many samples (and Morris's levels). */
export type Design =
  | { readonly kind: 'grid' }
  | { readonly kind: 'random' | 'lhs' | 'sobol'; readonly samples: number }
  | { readonly kind: 'morris'; readonly samples: number; readonly levels: number };

/** What a sweep records of each run, after loading: a summary metric, a time-series field at a step, or a field's mean
 * over the steps from window[0] to window[1]. */
export type RecordedMetric =
  | MetricName
  | { readonly field: TimeseriesField; readonly step: number }
  | { readonly field: TimeseriesField; readonly window: readonly [number, number] };

/** Tells a summary metric from a time-series field at a step or over a window. */
export const isMetricName = (metric: RecordedMetric): metric is MetricName => typeof metric === 'string';

/** Returns the column of a recorded metric in the runs table: its name, `<field>_step<step>` or `<field>_mean<from>to<to>`. */
export function metricColumn(metric: RecordedMetric): string {
  if (typeof metric === 'string') return metric;
  return 'step' in metric ? `${metric.field}_step${metric.step}` : `${metric.field}_mean${metric.window[0]}to${metric.window[1]}`;
}

/** What each run records. */
export interface RecordSpec {
  readonly metrics: readonly RecordedMetric[];
  readonly timeseries: { readonly steps: readonly number[]; readonly fields: readonly TimeseriesField[] } | null;
}

/** A sweep after normalising: every key explicit, parameters in the order written. */
export interface Sweep {
  readonly name: string;
  readonly description: string;
  /** The base scenario's path, resolved against the sweep file's directory. */
  readonly scenario: string;
  readonly parameters: readonly SweepParameter[];
  readonly design: Design;
  readonly replicates: number;
  readonly seed: number;
  readonly record: RecordSpec;
}
