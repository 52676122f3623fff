// The posterior a calibration found, in numbers: each parameter's weighted mean, median and 50% and 90% credible
// intervals from the last complete generation's particles, beside its prior's, the weighted correlations between
// parameters (pairs that trade off), and the posterior predictive check of each target.
import type { AbcParameter, EvaluatedRecord, Generation, ProposalRecord } from './abc.ts';
import { withinUncertainty, type Observation } from './distance.ts';
import { weightedCovariance } from './kernel.ts';
import { priorQuantile } from './priors.ts';

/** One parameter's posterior, with its prior's median and 90% interval beside it. */
export interface ParameterPosterior {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly ci50: readonly [low: number, high: number];
  readonly ci90: readonly [low: number, high: number];
  readonly prior: { readonly median: number; readonly ci90: readonly [low: number, high: number] };
}

/** The posterior summary: which generation it comes from, its particles and effective sample size, each parameter,
 * and the correlation of every pair (a symmetric matrix in the parameters' order, null where a parameter has no spread). */
export interface PosteriorSummary {
  readonly generation: number;
  readonly particles: number;
  readonly ess: number;
  readonly tolerance: number | null;
  readonly parameters: readonly ParameterPosterior[];
  readonly correlations: readonly (readonly (number | null)[])[];
}

/** Returns the posterior summary of a complete generation's weighted particles. */
export function summarisePosterior(parameters: readonly AbcParameter[], generation: Generation): PosteriorSummary {
  const { particles } = generation;
  const weights = particles.map((p) => p.weight);
  const points = particles.map((p) => p.values);
  const { mean, covariance } = weightedCovariance(points, weights);
  const summaries = parameters.map((parameter, k): ParameterPosterior => {
    const values = points.map((point) => point[k]);
    const q = (p: number) => weightedQuantile(values, weights, p);
    return {
      name: parameter.name,
      mean: mean[k],
      sd: Math.sqrt(covariance[k][k]),
      median: q(0.5),
      ci50: [q(0.25), q(0.75)],
      ci90: [q(0.05), q(0.95)],
      prior: {
        median: priorQuantile(parameter.prior, 0.5),
        ci90: [priorQuantile(parameter.prior, 0.05), priorQuantile(parameter.prior, 0.95)],
      },
    };
  });
  const correlations = covariance.map((row, a) =>
    row.map((value, b) => {
      const scale = Math.sqrt(covariance[a][a] * covariance[b][b]);
      return scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : null;
    }),
  );
  return {
    generation: generation.generation,
    particles: particles.length,
    ess: generation.ess,
    tolerance: generation.tolerance,
    parameters: summaries,
    correlations,
  };
}

/**
 * Returns the weighted p-quantile of values: the sorted values placed at the midpoints of their cumulative weights
 * (each at the sum of the weights before it plus half its own), interpolated linearly between them and held at the
 * ends, as pyABC's weighted_quantile; with equal weights this is Hazen's quantile (Hyndman & Fan 1996, type 5).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let before = 0;
  let previous: { position: number; value: number } | null = null;
  for (const i of order) {
    const position = (before + weights[i] / 2) / total;
    before += weights[i];
    if (position >= p) {
      if (previous === null || position === previous.position) return values[i];
      const t = (p - previous.position) / (position - previous.position);
      return previous.value + t * (values[i] - previous.value);
    }
    previous = { position, value: values[i] };
  }
  return previous?.value ?? Number.NaN;
}

/** What the posterior predictive check says of one target: how many of its runs measured the statistic, their
 * median and central 90%, and the share of them within the observation's 95% interval. */
export interface TargetCheck {
  readonly measured: number;
  readonly median: number | null;
  readonly ci90: readonly [low: number, high: number] | null;
  /** The share of measured runs within the observation's uncertainty (observed ± 1.96 sd, or the interval). */
  readonly within: number | null;
}

/** Returns the posterior predictive check of each target (in order) from the check's runs: particles drawn by weight,
 * each run with a fresh seed, so their statistics are draws from the posterior predictive distribution. */
export function predictiveCheck(observations: readonly Observation[], records: readonly ProposalRecord[]): TargetCheck[] {
  return observations.map((observation, k) => {
    const values = records.flatMap((record) => (record.status === 'ok' && record.statistics[k] !== null ? [record.statistics[k]] : []));
    if (values.length === 0) return { measured: 0, median: null, ci90: null, within: null };
    const ones = values.map(() => 1);
    const q = (p: number) => weightedQuantile(values, ones, p);
    return {
      measured: values.length,
      median: q(0.5),
      ci90: [q(0.05), q(0.95)],
      within: values.filter((value) => withinUncertainty(observation, value)).length / values.length,
    };
  });
}

/** How near a generation's runs came to one target: the share of runs that measured it, the share within a threshold
 * (in units of the target's uncertainty), and the closest any came. */
export interface TargetReach {
  readonly measured: number;
  readonly within: number;
  readonly closest: number | null;
}

/** Returns how near a generation's runs came to each target: within `threshold` uncertainties (its tolerance, or 1.96
 * when it has none). What a stop message names when a generation could not be completed. */
export function targetReach(records: readonly EvaluatedRecord[], targets: number, threshold: number): TargetReach[] {
  return Array.from({ length: targets }, (_, k) => {
    const deviations = records.flatMap((record) =>
      record.deviations !== null && Number.isFinite(record.deviations[k]) ? [Math.abs(record.deviations[k])] : [],
    );
    const runs = Math.max(1, records.length);
    return {
      measured: deviations.length / runs,
      within: deviations.filter((d) => d <= threshold).length / runs,
      closest: deviations.length === 0 ? null : Math.min(...deviations),
    };
  });
}
