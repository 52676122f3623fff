// What analysing a sweep produces: plain values that the report draws and the CLI writes as analysis.json.
import type { MetricName } from '../engine/types.ts';
import type { DesignKind } from '../sweep/schema.ts';
import type { MorrisEffects } from './morris.ts';
import type { PrimResult } from './prim.ts';
import type { SobolIndices } from './sobol.ts';

/** The analyses a sweep supports, each needing its own design (PRIM takes any). */
export const ANALYSIS_METHODS = ['sobol', 'morris', 'prim'] as const;
export type AnalysisMethod = (typeof ANALYSIS_METHODS)[number];

/** A parameter the sweep varied: its key, what it means, and the lowest and highest value the sweep gave it. */
export interface AnalysedParameter {
  readonly key: string;
  readonly meaning: string;
  readonly low: number;
  readonly high: number;
}

/** The sweep an analysis read. */
export interface AnalysedSweep {
  readonly name: string;
  readonly description: string;
  readonly hash: string;
  readonly design: DesignKind;
  /** sobol: base samples N; morris: trajectories r; random, lhs: points; grid: null. */
  readonly samples: number | null;
  readonly points: number;
  readonly replicates: number;
  readonly runs: number;
  /** Runs that failed, left out. */
  readonly failed: number;
  readonly seed: number;
  readonly scenario: string;
  readonly scenarioHash: string;
}

/** An outcome that holds or not in each run: the run's metric compared with a value. */
export interface Condition {
  readonly metric: MetricName;
  readonly op: '>=' | '>' | '<=' | '<';
  readonly value: number;
}

/** One metric's result; null (with the reason) when the sweep measured too little of it. */
export type MetricResult<T> =
  | { readonly metric: MetricName; readonly result: T }
  | { readonly metric: MetricName; readonly result: null; readonly reason: string };

interface AnalysisBase {
  readonly sweep: AnalysedSweep;
  readonly parameters: readonly AnalysedParameter[];
  /** The metric the charts and findings are about. */
  readonly metric: MetricName;
}

/** A sweep analysed by one method. Sobol' and Morris cover every recorded metric, the chosen one first; PRIM the condition's. */
export type SweepAnalysis =
  | (AnalysisBase & { readonly method: 'sobol'; readonly results: readonly MetricResult<SobolIndices>[] })
  | (AnalysisBase & { readonly method: 'morris'; readonly results: readonly MetricResult<MorrisEffects>[] })
  | (AnalysisBase & { readonly method: 'prim'; readonly condition: Condition; readonly result: PrimResult });
