// The perturbation kernel's linear algebra against mathjs: the weighted covariance, the Cholesky factor (L Lᵀ gives
// the matrix back), the quadratic form (against mathjs's inverse), draws with the kernel's covariance, and a ridge
// that makes a singular covariance usable.
import { det, inv, multiply, transpose } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { cholesky, fitKernel, kernelQuadratic, perturb, weightedCovariance } from '../../src/calibration/kernel.ts';
import { createRng } from '../../src/random.ts';

const POINTS = [
  [0.1, 2, -1],
  [0.4, 2.5, -0.5],
  [0.2, 1.5, 0.3],
  [0.9, 3.1, -0.2],
  [0.5, 2.2, 0.8],
];
const WEIGHTS = [0.1, 0.3, 0.2, 0.25, 0.15];

const toMatrix = (factor: Float64Array, d: number): number[][] =>
  Array.from({ length: d }, (_, i) => Array.from(factor.subarray(i * d, (i + 1) * d)));

describe('weightedCovariance', () => {
  it('is Xcᵀ diag(w) Xc for the weighted mean, as mathjs multiplies it', () => {
    const { mean, covariance } = weightedCovariance(POINTS, WEIGHTS);
    const expectedMean = multiply(WEIGHTS, POINTS) as number[];
    const centred = POINTS.map((row) => row.map((x, k) => x - expectedMean[k]));
    const scaled = centred.map((row, i) => row.map((x) => x * WEIGHTS[i]));
    const expected = multiply(transpose(centred), scaled) as number[][];
    mean.forEach((m, k) => expect(m).toBeCloseTo(expectedMean[k], 14));
    covariance.forEach((row, a) => row.forEach((c, b) => expect(c).toBeCloseTo(expected[a][b], 14)));
  });
});

describe('cholesky', () => {
  it('gives a lower-triangular L with L Lᵀ the matrix, and a hand-worked 2x2', () => {
    const { covariance } = weightedCovariance(POINTS, WEIGHTS);
    const factor = cholesky(covariance) as Float64Array;
    const l = toMatrix(factor, 3);
    expect(l[0][1]).toBe(0);
    expect(l[1][2]).toBe(0);
    const back = multiply(l, transpose(l)) as number[][];
    back.forEach((row, a) => row.forEach((c, b) => expect(c).toBeCloseTo(covariance[a][b], 14)));
    // [[4, 2], [2, 5]] = [[2, 0], [1, 2]] [[2, 1], [0, 2]].
    expect(
      Array.from(
        cholesky([
          [4, 2],
          [2, 5],
        ]) as Float64Array,
      ),
    ).toEqual([2, 0, 1, 2]);
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });
});

describe('the kernel', () => {
  it('has twice the weighted covariance, and its quadratic form is (x − c)ᵀ Σ⁻¹ (x − c) by mathjs', () => {
    const kernel = fitKernel(POINTS, WEIGHTS, [1, 1, 1]);
    const l = toMatrix(kernel.factor, 3);
    const sigma = multiply(l, transpose(l)) as number[][];
    const { covariance } = weightedCovariance(POINTS, WEIGHTS);
    sigma.forEach((row, a) => row.forEach((c, b) => expect(c).toBeCloseTo(2 * covariance[a][b], 13)));
    const x = [0.3, 2.9, 0.1];
    const centre = POINTS[1];
    const d = x.map((v, k) => v - centre[k]);
    const expected = multiply(multiply(d, inv(sigma)), d) as unknown as number;
    expect(kernelQuadratic(kernel, x, centre)).toBeCloseTo(expected, 10);
    // log|Σ| = 2 Σ log L_ii, as mathjs's determinant says.
    expect(2 * l.reduce((sum, row, i) => sum + Math.log(row[i]), 0)).toBeCloseTo(Math.log(det(sigma)), 10);
  });

  it('draws perturbations whose covariance is the kernel’s', () => {
    const kernel = fitKernel(POINTS, WEIGHTS, [1, 1, 1]);
    const l = toMatrix(kernel.factor, 3);
    const sigma = multiply(l, transpose(l)) as number[][];
    const rng = createRng(8);
    const draws = Array.from({ length: 40_000 }, () => perturb(kernel, [0, 0, 0], rng));
    const { covariance } = weightedCovariance(draws, new Array(draws.length).fill(1 / draws.length));
    // Standard error of a covariance entry about √((σ_aa σ_bb + σ_ab²) / n): within 4% of the diagonal scale.
    covariance.forEach((row, a) =>
      row.forEach((c, b) => expect(Math.abs(c - sigma[a][b])).toBeLessThan(0.04 * Math.sqrt(sigma[a][a] * sigma[b][b]))),
    );
  });

  it('regularises a singular covariance (every particle alike in one parameter) with a small ridge', () => {
    const flat = POINTS.map(([a, b]) => [a, b, 7]);
    const kernel = fitKernel(flat, WEIGHTS, [1, 1, 10]);
    const l = toMatrix(kernel.factor, 3);
    expect(l[2][2]).toBeGreaterThan(0);
    expect(l[2][2]).toBeLessThan(1e-4);
  });
});
