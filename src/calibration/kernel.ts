// The perturbation kernel of ABC-SMC: a multivariate normal centred on a particle, with twice the weighted covariance
// of the previous generation's particles (Beaumont et al. 2009 for one parameter; Filippi et al. 2013 for several),
// in the priors' working space. Its Cholesky factor draws the perturbations and evaluates the kernel's density.
import type { Rng } from '../random.ts';
import { drawStandardNormal } from './normal.ts';

/** A fitted kernel: the dimension and the lower-triangular Cholesky factor L (row-major, d x d) of its covariance. */
export interface Kernel {
  readonly dimension: number;
  readonly factor: Float64Array;
}

/** Returns the weighted mean and covariance Σᵢ wᵢ (xᵢ − μ)(xᵢ − μ)ᵀ of points under weights that sum to 1. */
export function weightedCovariance(
  points: readonly (readonly number[])[],
  weights: ArrayLike<number>,
): { mean: number[]; covariance: number[][] } {
  const d = points[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  points.forEach((point, i) => {
    for (let k = 0; k < d; k++) mean[k] += weights[i] * point[k];
  });
  const covariance = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  points.forEach((point, i) => {
    for (let a = 0; a < d; a++) {
      const da = point[a] - mean[a];
      for (let b = 0; b <= a; b++) covariance[a][b] += weights[i] * da * (point[b] - mean[b]);
    }
  });
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) covariance[b][a] = covariance[a][b];
  return { mean, covariance };
}

/** Returns the lower-triangular Cholesky factor L of a symmetric matrix (A = L Lᵀ, row-major), or null when the matrix
 * is not positive definite (Cholesky–Banachiewicz, row by row: Golub & Van Loan 2013, Algorithm 4.2.1). */
export function cholesky(matrix: readonly (readonly number[])[]): Float64Array | null {
  const d = matrix.length;
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * d + i] = Math.sqrt(sum);
      } else l[i * d + j] = sum / l[j * d + j];
    }
  }
  return l;
}

// A ridge added to the diagonal when the covariance is (numerically) singular, in units of each parameter's scale
// squared, grown a hundredfold at each failed attempt.
const RIDGE = 1e-12;
const RIDGE_ATTEMPTS = 8;

/**
 * Returns the kernel fitted to weighted particles (working-space coordinates, weights summing to 1): covariance
 * `scale` (2) times their weighted covariance. `scales` gives each parameter's natural spread (its prior's), used only
 * to regularise a covariance that is singular, as when every particle shares a value. Throws a RangeError when even
 * the largest ridge leaves it singular (a bug: a ridge that large makes any covariance positive definite).
 */
export function fitKernel(
  points: readonly (readonly number[])[],
  weights: ArrayLike<number>,
  scales: readonly number[],
  scale = 2,
): Kernel {
  const { covariance } = weightedCovariance(points, weights);
  const d = scales.length;
  for (let attempt = 0; attempt <= RIDGE_ATTEMPTS; attempt++) {
    const ridge = attempt === 0 ? 0 : RIDGE * 100 ** (attempt - 1);
    const matrix = covariance.map((row, a) => row.map((value, b) => scale * value + (a === b ? ridge * scales[a] ** 2 : 0)));
    const factor = cholesky(matrix);
    if (factor !== null) return { dimension: d, factor };
  }
  throw new RangeError('the perturbation kernel has no Cholesky factor even with a ridge: the particles hold non-finite values');
}

/** Returns a draw from the kernel centred on `centre`: centre + L z with z standard normal (d steps of the generator). */
export function perturb(kernel: Kernel, centre: readonly number[], rng: Rng): number[] {
  const d = kernel.dimension;
  const z = Array.from({ length: d }, () => drawStandardNormal(rng));
  return centre.map((value, i) => {
    let shift = 0;
    for (let k = 0; k <= i; k++) shift += kernel.factor[i * d + k] * z[k];
    return value + shift;
  });
}

/** Returns the squared Mahalanobis distance (x − c)ᵀ Σ⁻¹ (x − c) under the kernel's covariance Σ = L Lᵀ, by forward
 * substitution: what the kernel's density exp(−q / 2) / ((2π)^(d/2) |L|) depends on. */
export function kernelQuadratic(kernel: Kernel, x: readonly number[], centre: readonly number[]): number {
  const d = kernel.dimension;
  const l = kernel.factor;
  const y = new Float64Array(d);
  let q = 0;
  for (let i = 0; i < d; i++) {
    let sum = x[i] - centre[i];
    for (let k = 0; k < i; k++) sum -= l[i * d + k] * y[k];
    y[i] = sum / l[i * d + i];
    q += y[i] * y[i];
  }
  return q;
}
