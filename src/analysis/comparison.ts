// What comparing scenarios produces: plain values that the report draws and the CLI writes as comparison.json.
// One scenario alone (partnersim run) is a comparison without differences.
import type { LevelName, MetricName } from '../engine/types.ts';
import type { LeverKey } from '../scenario/schema.ts';
import type { Summary } from './stats.ts';

/** The runs of one scenario: its name, its normalised scenario's levers, and its replicates' results in replicate order. */
export interface ScenarioSummary {
  readonly name: string;
  readonly description: string;
  readonly scenarioHash: string;
  readonly steps: number;
  readonly stepsPerYear: number;
  readonly organisations: number;
  readonly replicates: number;
  /** Each summary metric over the replicates. */
  readonly metrics: Readonly<Record<MetricName, Summary>>;
}

/** A difference of one metric between a scenario and the baseline, paired by replicate (common random numbers). */
export interface Difference {
  readonly scenario: string;
  readonly baseline: string;
  readonly metric: MetricName;
  /** Replicates where both runs measured the metric. */
  readonly pairs: number;
  /** Mean of (scenario - baseline) over the pairs; null with no pairs. */
  readonly mean: number | null;
  /** Student-t 95% interval of the mean difference; null with fewer than two pairs. */
  readonly ci95: readonly [low: number, high: number] | null;
  /** Standardised effect size: the mean difference over the standard deviation of the differences (Cohen's d_z);
   * null when that deviation is 0 or undefined. */
  readonly effectSize: number | null;
}

/** One step of a Kaplan-Meier curve of partnership survival, pooled over replicates, with its Greenwood 95% interval. */
export interface SurvivalStep {
  readonly scenario: string;
  /** Years since formation. */
  readonly years: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
  readonly low: number;
  readonly high: number;
}

/** The hazard of dissolution in one year of partnership age, pooled over replicates: events per partnership-year at risk. */
export interface HazardYear {
  readonly scenario: string;
  /** Age in whole years at the start of the interval: 0 is a partnership's first year. */
  readonly age: number;
  readonly exposureYears: number;
  readonly events: number;
  /** events / exposureYears; null with no exposure. */
  readonly hazard: number | null;
}

/** The time-series fields drawn with bands across replicates. */
export const SERIES_FIELDS = ['active', 'participation', 'meanTrust', 'meanStrength'] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/** One point of a time series across replicates: the mean and the Student-t 95% band of one field at one step. */
export interface SeriesPoint {
  readonly scenario: string;
  readonly field: SeriesField;
  readonly step: number;
  readonly year: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Active partnerships at one continuum level at one step, averaged over replicates, and its share of the active ones. */
export interface LevelPoint {
  readonly scenario: string;
  readonly step: number;
  readonly year: number;
  readonly level: LevelName;
  readonly mean: number;
  /** mean / the mean number active at that step; 0 when none are active. */
  readonly share: number;
}

/** A lever's scenario-wide value in force at one step. */
export interface LeverPoint {
  readonly scenario: string;
  readonly lever: LeverKey;
  readonly step: number;
  readonly year: number;
  readonly value: number;
}

/** How partnerships fare after a fund ends: of those active in the step a scenario's carrot falls to 0, the share still
 * active some years later, in every scenario at the same step (the baseline's partnerships at the same moment). */
export interface FundEnd {
  /** The scenario whose fund ends. */
  readonly scenario: string;
  readonly step: number;
  readonly years: number;
  /** Every scenario, baseline first: the share over replicates. */
  readonly shares: readonly { readonly scenario: string; readonly share: Summary }[];
}

/** Everything a comparison (or a single scenario's report) shows. */
export interface Comparison {
  /** The scenario the others are compared with. */
  readonly baseline: string;
  /** Every scenario, the baseline first. */
  readonly scenarios: readonly ScenarioSummary[];
  /** Each other scenario's paired differences from the baseline, metric by metric. */
  readonly differences: readonly Difference[];
  readonly survival: readonly SurvivalStep[];
  readonly hazard: readonly HazardYear[];
  readonly series: readonly SeriesPoint[];
  readonly levels: readonly LevelPoint[];
  readonly levers: readonly LeverPoint[];
  /** Present when some scenario's fund ends early enough to look a while after. */
  readonly fundEnd?: FundEnd;
}
