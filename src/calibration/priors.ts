// Prior distributions of the parameters a calibration fits: uniform, log-uniform, normal and truncated normal. The
// sampler works in each prior's working space (the logarithm for a log-uniform prior, the value itself otherwise), so
// that a kernel perturbs a log-uniform parameter by factors, as its prior treats it; densities are in that space.
import type { Rng } from '../random.ts';
import { normalCdf, normalDensity, normalQuantile } from './normal.ts';

/** The prior kinds a calibration file may name. */
export const PRIOR_KINDS = ['uniform', 'logUniform', 'normal', 'truncatedNormal'] as const;
export type PriorKind = (typeof PRIOR_KINDS)[number];

/** A prior: a tagged union on `kind`. */
export type Prior =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'logUniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'truncatedNormal'; readonly mean: number; readonly sd: number; readonly min: number; readonly max: number };

/** Returns the value a prior's working-space coordinate stands for: exp for a log-uniform prior, itself otherwise. */
export function fromWorking(prior: Prior, u: number): number {
  return prior.kind === 'logUniform' ? Math.exp(u) : u;
}

/** Returns the working-space coordinate of a value: its logarithm for a log-uniform prior, itself otherwise. */
export function toWorking(prior: Prior, x: number): number {
  return prior.kind === 'logUniform' ? Math.log(x) : x;
}

/** Returns the lowest and highest value a prior gives (infinite for a normal prior). */
export function priorSupport(prior: Prior): [low: number, high: number] {
  return prior.kind === 'normal' ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : [prior.min, prior.max];
}

/** Returns the probability mass a truncated normal keeps of its normal: Φ(β) − Φ(α), computed in the lower tail. */
export function truncatedMass(mean: number, sd: number, min: number, max: number): number {
  const [alpha, beta] = [(min - mean) / sd, (max - mean) / sd];
  // Φ is accurate in absolute terms, so a mass far in the upper tail is taken as the mirrored lower one.
  return alpha > 0 ? normalCdf(-alpha) - normalCdf(-beta) : normalCdf(beta) - normalCdf(alpha);
}

/** Returns the prior's density at a working-space coordinate (0 outside its support): the density of the value for
 * uniform, normal and truncated normal priors, and of its logarithm for a log-uniform prior. */
export function workingDensity(prior: Prior, u: number): number {
  switch (prior.kind) {
    case 'uniform':
      return u >= prior.min && u <= prior.max ? 1 / (prior.max - prior.min) : 0;
    case 'logUniform': {
      const [low, high] = [Math.log(prior.min), Math.log(prior.max)];
      return u >= low && u <= high ? 1 / (high - low) : 0;
    }
    case 'normal':
      return normalDensity((u - prior.mean) / prior.sd) / prior.sd;
    case 'truncatedNormal':
      if (u < prior.min || u > prior.max) return 0;
      return normalDensity((u - prior.mean) / prior.sd) / prior.sd / truncatedMass(prior.mean, prior.sd, prior.min, prior.max);
  }
}

/** Returns the prior's density at a value, for charts: the working density, divided by the value for a log-uniform
 * prior (the change of variable from log x to x). */
export function priorDensity(prior: Prior, x: number): number {
  if (prior.kind !== 'logUniform') return workingDensity(prior, x);
  return x > 0 ? workingDensity(prior, Math.log(x)) / x : 0;
}

/** Returns the prior's p-quantile, a value (0 < p < 1). */
export function priorQuantile(prior: Prior, p: number): number {
  switch (prior.kind) {
    case 'uniform':
      return prior.min + p * (prior.max - prior.min);
    case 'logUniform':
      return Math.exp(Math.log(prior.min) + p * (Math.log(prior.max) - Math.log(prior.min)));
    case 'normal':
      return prior.mean + prior.sd * normalQuantile(p);
    case 'truncatedNormal':
      return truncatedQuantile(prior, p);
  }
}

/** Returns a draw from the prior, a value, taking exactly one step of the generator (by inversion of its distribution). */
export function drawPrior(prior: Prior, rng: Rng): number {
  let p = rng();
  while (p === 0) p = rng();
  return priorQuantile(prior, p);
}

// Inversion of a truncated normal: the quantile of Φ(α) + p (Φ(β) − Φ(α)), mirrored into the lower tail when the
// interval lies above the mean, so that neither Φ nor its inverse works where they lose relative precision.
function truncatedQuantile(prior: Extract<Prior, { kind: 'truncatedNormal' }>, p: number): number {
  const { mean, sd, min, max } = prior;
  const [alpha, beta] = [(min - mean) / sd, (max - mean) / sd];
  const z =
    alpha > 0
      ? -normalQuantile(normalCdf(-beta) + (1 - p) * (normalCdf(-alpha) - normalCdf(-beta)))
      : normalQuantile(normalCdf(alpha) + p * (normalCdf(beta) - normalCdf(alpha)));
  return Math.min(max, Math.max(min, mean + sd * z));
}
