// Bootstrap confidence intervals (Efron, 1979; Efron & Tibshirani, 1993): resampling with a seeded generator, so the
// same data and seed give the same interval, and percentile intervals from the resampled estimates.
import type { Rng } from '../random.ts';

/** A point estimate and its bootstrap percentile interval at the stated confidence. */
export interface Estimate {
  readonly estimate: number;
  readonly ci: readonly [low: number, high: number];
}

/** How a bootstrap interval is drawn: resamples, confidence level, and the seed of its generator. */
export interface BootstrapOptions {
  /** Resamples drawn (default 1000). */
  readonly resamples?: number;
  /** Confidence level of the percentile interval, in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /** Seed of the resampling generator (default 0). */
  readonly seed?: number;
}

/** The bootstrap settings a result was computed with, all explicit. */
export interface BootstrapSettings {
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
}

const DEFAULT_BOOTSTRAP: BootstrapSettings = { resamples: 1000, confidence: 0.95, seed: 0 };

/**
 * Returns the bootstrap settings with every default filled in (1000 resamples, confidence 0.95, seed 0). Throws a
 * RangeError naming the option when resamples is not a positive integer, confidence is not inside (0, 1), or seed is
 * not an integer in 0..2^32 - 1 (the seeds createRng takes without folding two onto one).
 */
export function resolveBootstrap(options: BootstrapOptions = {}): BootstrapSettings {
  const { resamples, confidence, seed } = { ...DEFAULT_BOOTSTRAP, ...withoutUndefined(options) };
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer (the number of bootstrap resamples), not ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, exclusive (e.g. 0.95 for a 95% interval), not ${confidence}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295 (2^32 - 1), not ${seed}`);
  }
  return { resamples, confidence, seed };
}

/** Returns options without the keys given as undefined: such an option means "the default", as if it were left out. */
export function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Returns the p-quantile of values sorted ascending by linear interpolation between order statistics: with
 * h = (n - 1) p, x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]) (Hyndman & Fan, 1996, definition 7: R's default, numpy's
 * "linear"). Throws a RangeError for no values or p outside [0, 1].
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile's probability must be in [0, 1], not ${p}`);
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const fraction = h - low;
  const below = sorted[low];
  // At an order statistic the answer is that value exactly, even when its neighbour is infinite.
  return fraction === 0 ? below : below + fraction * (sorted[low + 1] - below);
}

/**
 * Returns the bootstrap percentile interval at this confidence c (Efron & Tibshirani, 1993, ch. 13): the (1 - c)/2 and
 * (1 + c)/2 quantiles of the values, NaN ones left out (a resample whose statistic is undefined, such as a ratio over a
 * zero variance). [NaN, NaN] when every value is NaN.
 */
export function percentileInterval(values: ArrayLike<number>, confidence: number): [low: number, high: number] {
  const kept = Float64Array.from(values).filter((value) => !Number.isNaN(value));
  if (kept.length === 0) return [NaN, NaN];
  // A typed array sorts by numeric value, unlike an Array's default sort by text.
  kept.sort();
  return [quantile(kept, (1 - confidence) / 2), quantile(kept, (1 + confidence) / 2)];
}

/** Returns the indices of one bootstrap resample of n items (Efron, 1979): n draws from 0..n-1 with replacement, one
 * draw of the generator each, in order. */
export function drawResample(rng: Rng, n: number): Uint32Array {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = Math.floor(rng() * n);
  return indices;
}
