// The posterior a calibration found, in numbers: each parameter's weighted mean, median and 50% and 90% credible
// intervals from the last complete generation's particles, beside its prior's, and the weighted correlations between
// parameters (pairs that trade off).
import type { AbcParameter, Generation } from './abc.ts';
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
