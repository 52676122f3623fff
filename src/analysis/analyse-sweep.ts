// From a finished sweep to an answer: the sweep's runs read as the inputs and outputs of a sensitivity method
// (Sobol' indices, Morris elementary effects) or of scenario discovery (PRIM), and the result as a SweepAnalysis.
import type { MetricName } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import * as message from './messages.ts';
import { designPoints, unitRows } from '../sweep/expand.ts';
import { isFailed, type RunRecord } from '../sweep/record.ts';
import { isMetricName, parameterMeaning } from '../sweep/schema.ts';
import type { SweepManifest } from '../sweep/manifest.ts';
import { quantile, type BootstrapOptions } from './bootstrap.ts';
import { morrisEffects } from './morris.ts';
import { prim, type PrimOptions } from './prim.ts';
import { sobolIndices } from './sobol.ts';
import type { AnalysedParameter, AnalysedSweep, AnalysisMethod, Condition, MetricResult, SweepAnalysis } from './sweep-analysis.ts';

/** What to analyse: the method (default: the design's own, PRIM for the others), the metric (default survival5y when
 * recorded), PRIM's condition, and the methods' settings. */
export interface AnalysisRequest {
  readonly method?: AnalysisMethod;
  readonly metric?: MetricName;
  readonly condition?: Condition;
  readonly bootstrap?: BootstrapOptions;
  readonly prim?: PrimOptions;
}

/** The metric an analysis is about when none is named: five-year survival, the question of where partnerships last. */
export const DEFAULT_ANALYSIS_METRIC: MetricName = 'survival5y';

/** Returns the analysis of a complete sweep's records; throws a PartnersimError when the request does not fit the sweep
 * (a method its design cannot answer, a metric it did not record, PRIM without a condition). */
export function analyseSweep(manifest: SweepManifest, records: readonly RunRecord[], request: AnalysisRequest = {}): SweepAnalysis {
  const { sweep } = manifest;
  const design = sweep.design.kind;
  const method = request.method ?? (design === 'sobol' || design === 'morris' ? design : 'prim');
  if ((method === 'sobol' || method === 'morris') && design !== method)
    throw new PartnersimError('bad-option', message.methodNeedsDesign(method, sweep.name, design));
  // The summary metrics recorded are analysed; time-series fields recorded at a step or over a window are columns of the
  // runs table only.
  const recorded = sweep.record.metrics.filter(isMetricName);
  const metric =
    request.condition?.metric ??
    request.metric ??
    (recorded.includes(DEFAULT_ANALYSIS_METRIC) ? DEFAULT_ANALYSIS_METRIC : (recorded[0] ?? DEFAULT_ANALYSIS_METRIC));
  if (request.condition !== undefined && request.metric !== undefined && request.condition.metric !== request.metric) {
    throw new PartnersimError('bad-option', message.whereMetricConflict(request.metric, request.condition.metric));
  }
  if (!recorded.includes(metric)) throw new PartnersimError('bad-option', message.metricNotRecorded(metric, sweep.name, recorded));

  const ok = records.filter((record) => !isFailed(record));
  const base = { sweep: analysedSweep(manifest, records.length - ok.length), parameters: analysedParameters(manifest), metric };
  // The chosen metric first, then the others in the sweep's order.
  const metrics = [metric, ...recorded.filter((name) => name !== metric)];
  const valueOf = (record: RunRecord, name: MetricName): number | null =>
    isFailed(record) ? null : record.metrics[sweep.record.metrics.indexOf(name)];
  const bootstrap = { seed: sweep.seed, ...request.bootstrap };

  if (method === 'prim') {
    const measured = ok.filter((record) => valueOf(record, metric) !== null);
    if (measured.length === 0) throw new PartnersimError('bad-option', message.metricNeverMeasured(metric, sweep.name));
    const values = measured.map((record) => valueOf(record, metric) as number);
    if (request.condition === undefined) throw new PartnersimError('bad-option', message.whereMissing(suggestCondition(metric, values)));
    const points = designPoints(sweep.parameters, sweep.design, sweep.seed);
    const x = measured.map((record) => points[record.point].values);
    const y = values.map((value) => holds(request.condition as Condition, value));
    return { ...base, method, condition: request.condition, result: prim(x, y, request.prim) };
  }

  const y = (name: MetricName): Float64Array => pointMeans(manifest.points, records, (record) => valueOf(record, name));
  if (method === 'sobol') {
    const k = sweep.parameters.length;
    return { ...base, method, results: metrics.map((name) => attempt(name, () => sobolIndices(y(name), k, bootstrap))) };
  }
  const x = unitRows(sweep.design as Extract<typeof sweep.design, { kind: 'morris' }>, sweep.parameters.length, sweep.seed);
  return { ...base, method, results: metrics.map((name) => attempt(name, () => morrisEffects(x, y(name), bootstrap))) };
}

/** Returns whether a value meets a condition. */
export function holds(condition: Condition, value: number): boolean {
  switch (condition.op) {
    case '>=':
      return value >= condition.value;
    case '>':
      return value > condition.value;
    case '<=':
      return value <= condition.value;
    case '<':
      return value < condition.value;
  }
}

// The output of a point is its metric's mean over the replicates that measured it; NaN (missing) when none did.
function pointMeans(points: number, records: readonly RunRecord[], valueOf: (record: RunRecord) => number | null): Float64Array {
  const sums = new Float64Array(points);
  const counts = new Float64Array(points);
  for (const record of records) {
    const value = valueOf(record);
    if (value === null) continue;
    sums[record.point] += value;
    counts[record.point] += 1;
  }
  return sums.map((sum, i) => (counts[i] === 0 ? Number.NaN : sum / counts[i]));
}

// A method refuses data it cannot estimate from (too few measured blocks, an output that never varies) with a
// RangeError: that metric gets no result and the reason, and the others go on.
function attempt<T>(metric: MetricName, estimate: () => T): MetricResult<T> {
  try {
    return { metric, result: estimate() };
  } catch (error) {
    if (error instanceof RangeError) return { metric, result: null, reason: error.message };
    throw error;
  }
}

/** Returns a condition that about a quarter of these values meet, to suggest when none was given: at or above the
 * upper quartile or, where that is the largest value (a metric bunched at its top, such as survival), below the
 * lower quartile; at or above the median when neither quartile leaves any value out. */
export function suggestCondition(metric: MetricName, values: readonly number[]): Condition {
  const sorted = Float64Array.from(values).sort();
  const round = (value: number): number => Number(value.toPrecision(2));
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  const upper = round(quantile(sorted, 0.75));
  if (upper < high && upper > low) return { metric, op: '>=', value: upper };
  const lower = round(quantile(sorted, 0.25));
  if (lower > low && lower < high) return { metric, op: '<', value: lower };
  return { metric, op: '>=', value: round(quantile(sorted, 0.5)) };
}

function analysedSweep(manifest: SweepManifest, failed: number): AnalysedSweep {
  const { sweep } = manifest;
  return {
    name: sweep.name,
    description: sweep.description,
    hash: manifest.hash,
    design: sweep.design.kind,
    samples: sweep.design.kind === 'grid' ? null : sweep.design.samples,
    points: manifest.points,
    replicates: sweep.replicates,
    runs: manifest.runs,
    failed,
    seed: sweep.seed,
    scenario: manifest.scenario.name,
    scenarioHash: manifest.scenarioHash,
  };
}

function analysedParameters(manifest: SweepManifest): AnalysedParameter[] {
  return manifest.sweep.parameters.map((parameter) => {
    const [low, high] =
      parameter.kind === 'range' ? [parameter.from, parameter.to] : [Math.min(...parameter.values), Math.max(...parameter.values)];
    return { key: parameter.key, meaning: parameterMeaning(parameter.key), low, high };
  });
}
