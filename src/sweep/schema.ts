// Sweep files: what a person writes (a base scenario, the parameters to vary, the design, replicates, a seed and
// what to record) and the normalised sweep that expansion reads. sweeps/schema.json is generated from here.
import { z } from 'zod';
import { FEATURE_FIELDS, LEVEL_NAMES, METRIC_NAMES, type LevelName, type MetricName, TRUST_TYPE_FIELDS } from '../engine/types.ts';
import { LEVER_KEYS, LEVERS } from '../scenario/levers.ts';
import { PARAMETERS } from '../scenario/parameters/index.ts';

/** The designs a sweep can use: a full grid, or points sampled from the parameters' ranges. */
export const DESIGN_KINDS = ['grid', 'random', 'lhs', 'sobol', 'morris'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** The scenario keys a sweep can vary: every lever, and every model parameter (the tables' keys, in their order). */
export const SWEEPABLE_KEYS = [...LEVER_KEYS, ...PARAMETERS.map((p) => p.key)] as readonly string[];

/** The sweepable keys whose values are whole numbers (counts): a sampled range takes whole values from them. */
export const INTEGER_KEYS: ReadonlySet<string> = new Set(PARAMETERS.filter((p) => p.spec.integer).map((p) => p.key));

/** The columns of the time series a sweep can record at chosen steps: the StepRecord's counts and means, and the continuum levels. */
/** The time-series fields of a run or sweep: counts and means, the partnerships at each level of the continuum, the mean
 * of each of Dhillon's features over active partnerships, and the share of trust of each type. */
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
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional()
    .describe("master seed of the sweep (default: the scenario's time.seed)"),
  record: z
    .strictObject({
      metrics: z
        .array(z.enum(METRIC_NAMES as [MetricName, ...MetricName[]]))
        .min(1)
        .optional()
        .describe('summary metrics to record (default: all)'),
      timeseries: z
        .strictObject({
          steps: z
            .array(z.number().int().min(1))
            .min(1)
            .describe('the steps (1 = after the first step) at which to record the time series'),
          fields: z.array(z.enum(TIMESERIES_FIELDS)).min(1).optional().describe('columns to record (default: all)'),
        })
        .optional()
        .describe('also record the time series at these steps'),
    })
    .optional()
    .describe('what each run records: final metrics, and optionally the time series at chosen steps'),
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

/** What each run records. */
export interface RecordSpec {
  readonly metrics: readonly MetricName[];
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
