// Sobol' sensitivity indices from a Saltelli sample (first- and total-order), with bootstrap intervals.
import { createRng, type Rng } from '../random.ts';
import {
  drawResample,
  percentileInterval,
  resolveBootstrap,
  type BootstrapOptions,
  type BootstrapSettings,
  type Estimate,
} from './bootstrap.ts';

/** First- and total-order Sobol' indices of k inputs, estimated from model outputs in Saltelli's layout. */
export interface SobolIndices extends BootstrapSettings {
  readonly k: number;
  /** Base samples N used: blocks of k + 2 outputs with every value present. */
  readonly samples: number;
  /** Blocks left out because one of their outputs was missing (NaN). */
  readonly dropped: number;
  /** Variance of the output over the A and B rows of the blocks used. */
  readonly variance: number;
  /** S_i, input by input: the share of the output's variance due to input i alone. */
  readonly first: readonly Estimate[];
  /** S_Ti, input by input: the share due to input i with all its interactions. */
  readonly total: readonly Estimate[];
}

/**
 * Returns the first- and total-order Sobol' indices of k inputs from outputs y in the row order of
 * saltelliSample(n, k) (SALib's layout without second order): n blocks of k + 2 outputs, f(A_j), f(AB_j^(0..k-1)),
 * f(B_j). As SALib's sobol.analyze, outputs are first centred on their mean over every row used (the estimators below
 * are not shift-invariant, and centring keeps their error small when the output's mean is far from 0), and
 *   V    = the population variance (÷ count) of the f(A) and f(B) outputs together,
 *   S_i  = mean_j[ f(B_j) (f(AB_j^i) − f(A_j)) ] / V        (Saltelli et al., 2010),
 *   S_Ti = mean_j[ (f(A_j) − f(AB_j^i))² ] / (2V)            (Jansen, 1999).
 * A NaN output means "not measured": its whole block is left out and counted in `dropped`. Each interval resamples the
 * blocks with replacement (createRng(seed), one draw per block per resample), recomputes every index with its own V,
 * and takes the percentile interval; a resample whose V is 0 gives no index and is left out. Throws a RangeError when
 * k is not a positive integer, y's length is not a multiple of k + 2, an output is ±Infinity, fewer than 2 blocks
 * are complete, the output does not vary, or an option is out of range (resolveBootstrap).
 */
export function sobolIndices(y: ArrayLike<number>, k: number, options?: BootstrapOptions): SobolIndices {
  const settings = resolveBootstrap(options);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k (the number of inputs) must be a positive integer, not ${k}`);
  const width = k + 2;
  if (y.length % width !== 0) {
    throw new RangeError(
      `${y.length} outputs are not whole blocks of k + 2 = ${width}: Sobol' indices need the outputs of a Saltelli sample, in its order (per base point: A, one AB per input, B)`,
    );
  }
  for (let r = 0; r < y.length; r++) {
    if (y[r] === Infinity || y[r] === -Infinity)
      throw new RangeError(`output ${r} is ${y[r]}: Sobol' indices need finite outputs (NaN marks one not measured)`);
  }
  const blocks = completeBlocks(y, width);
  const n = blocks.length;
  if (n < 2) {
    throw new RangeError(
      `Sobol' indices need at least 2 complete blocks of k + 2 = ${width} outputs, but ${n} of ${y.length / width} are complete (the rest miss an output)`,
    );
  }

  let total = 0;
  for (const j of blocks) for (let c = 0; c < width; c++) total += y[j * width + c];
  const centre = total / (n * width);
  // Per block: the centred f(A) and f(B), and per input the two terms the estimators average, side by side in one row
  // (S_i's at i, S_Ti's at k + i), so that a resample only adds rows, each read from one place in memory.
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const terms = new Float64Array(n * 2 * k);
  blocks.forEach((block, j) => {
    const at = block * width;
    a[j] = y[at] - centre;
    b[j] = y[at + width - 1] - centre;
    for (let i = 0; i < k; i++) {
      const ab = y[at + 1 + i] - centre;
      terms[j * 2 * k + i] = b[j] * (ab - a[j]);
      terms[j * 2 * k + k + i] = (a[j] - ab) ** 2;
    }
  });

  const point = estimateIndices(new Float64Array(n).fill(1), a, b, terms, k);
  if (point.variance === 0) {
    throw new RangeError(
      `the output does not vary (variance 0 over the A and B rows of the ${n} complete blocks), so no share of its variance can be attributed to an input`,
    );
  }

  const { resamples, confidence, seed } = settings;
  const rng = createRng(seed);
  const firstDraws = new Float64Array(resamples * k);
  const totalDraws = new Float64Array(resamples * k);
  for (let r = 0; r < resamples; r++) {
    const estimate = estimateIndices(resampleWeights(rng, n), a, b, terms, k);
    firstDraws.set(estimate.first, r * k);
    totalDraws.set(estimate.total, r * k);
  }
  const column = (draws: Float64Array, i: number) => Float64Array.from({ length: resamples }, (_, r) => draws[r * k + i]);
  const estimates = (values: Float64Array, draws: Float64Array): Estimate[] =>
    Array.from(values, (estimate, i) => ({ estimate, ci: percentileInterval(column(draws, i), confidence) }));
  return {
    ...settings,
    k,
    samples: n,
    dropped: y.length / width - n,
    variance: point.variance,
    first: estimates(point.first, firstDraws),
    total: estimates(point.total, totalDraws),
  };
}

/** Returns the indices of the blocks (of `width` outputs) that have no NaN. */
function completeBlocks(y: ArrayLike<number>, width: number): number[] {
  const blocks: number[] = [];
  for (let j = 0; j < y.length / width; j++) {
    let complete = true;
    for (let c = 0; c < width && complete; c++) complete = !Number.isNaN(y[j * width + c]);
    if (complete) blocks.push(j);
  }
  return blocks;
}

/** Returns V and every S_i and S_Ti over blocks taken `weights[j]` times each (all 1 for the data itself; a
 * resample's counts of each block): NaN indices when V is 0. */
function estimateIndices(
  weights: Float64Array,
  a: Float64Array,
  b: Float64Array,
  terms: Float64Array,
  k: number,
): { variance: number; first: Float64Array; total: Float64Array } {
  const sums = new Float64Array(2 * k);
  let count = 0;
  let sum = 0;
  let squares = 0;
  let varies = false;
  let some = NaN;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    // A resample leaves out about (1 − 1/n)^n ≈ 37% of the blocks: skip their rows rather than add zeros.
    if (w === 0) continue;
    if (count === 0) some = a[j];
    varies ||= a[j] !== some || b[j] !== some;
    count += w;
    sum += w * (a[j] + b[j]);
    squares += w * (a[j] * a[j] + b[j] * b[j]);
    const row = j * 2 * k;
    for (let i = 0; i < 2 * k; i++) sums[i] += w * terms[row + i];
  }
  // One pass is safe here: the outputs are centred, so the sum of squares does not dwarf the variance. Equal outputs
  // are told apart from a variance that rounding leaves at a few ulps of 0, which would give absurd indices.
  const mean = sum / (2 * count);
  const variance = varies ? Math.max(0, squares / (2 * count) - mean * mean) : 0;
  const first = sums.slice(0, k).map((s) => (variance > 0 ? s / count / variance : NaN));
  const total = sums.slice(k).map((s) => (variance > 0 ? s / count / (2 * variance) : NaN));
  return { variance, first, total };
}

/** Returns how many times a bootstrap resample of n blocks takes each one. */
function resampleWeights(rng: Rng, n: number): Float64Array {
  const weights = new Float64Array(n);
  for (const j of drawResample(rng, n)) weights[j]++;
  return weights;
}
