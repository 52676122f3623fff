// Sobol' indices against a hand-worked sample, the Ishigami function's and a linear model's analytic indices, and
// their treatment of missing outputs, bad input and seeds.
import { describe, expect, it } from 'vitest';
import { drawResample, percentileInterval } from '../../src/analysis/bootstrap.ts';
import { sobolIndices } from '../../src/analysis/sobol.ts';
import { createRng } from '../../src/random.ts';
import { saltelliSample } from '../../src/sweep/designs.ts';

/** Returns f evaluated on every row of saltelliSample(n, k), its unit values mapped onto [low, high]. */
function outputs(n: number, k: number, f: (x: number[]) => number, low = 0, high = 1): Float64Array {
  return Float64Array.from(saltelliSample(n, k), (row) => f(row.map((u) => low + (high - low) * u)));
}

// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³, with the closed-form variances of
// Sobol' & Levitan (1999): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225, the rest 0.
const A = 7;
const B = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
const V = A ** 2 / 8 + (B * Math.PI ** 4) / 5 + (B ** 2 * Math.PI ** 8) / 18 + 1 / 2;
const V1 = 0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * Math.PI ** 8) / 225;
const ISHIGAMI_FIRST = [V1 / V, V2 / V, 0];
const ISHIGAMI_TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

describe('sobolIndices: exact values', () => {
  // Three blocks of k = 2: (A, AB0, AB1, B). All 12 outputs sum to 24, so centring subtracts 2:
  //   block 0: 1 2 0 3 -> -1  0 -2  1
  //   block 1: 4 1 5 2 ->  2 -1  3  0
  //   block 2: 0 3 1 2 -> -2  1 -1  0
  // V = mean of (-1² + 1² + 2² + 0² + (-2)² + 0²) = 10/6 (A and B centred values have mean 0).
  // S_0 = mean(B (AB0 - A)) / V = ((1)(0 + 1) + 0 + 0)/3 / (5/3) = 0.2; S_1 = ((1)(-2 + 1))/3 / (5/3) = -0.2.
  // S_T0 = mean((A - AB0)²) / 2V = ((1 + 9 + 9)/3) / (10/3) = 1.9; S_T1 = ((1 + 1 + 1)/3) / (10/3) = 0.3.
  const y = [1, 2, 0, 3, 4, 1, 5, 2, 0, 3, 1, 2];

  it('computes a hand-worked sample', () => {
    const result = sobolIndices(y, 2, { resamples: 50 });
    expect(result.k).toBe(2);
    expect(result.samples).toBe(3);
    expect(result.dropped).toBe(0);
    expect(result.variance).toBeCloseTo(5 / 3, 14);
    expect(result.first.map((e) => e.estimate)).toEqual([expect.closeTo(0.2, 14), expect.closeTo(-0.2, 14)]);
    expect(result.total.map((e) => e.estimate)).toEqual([expect.closeTo(1.9, 14), expect.closeTo(0.3, 14)]);
    expect({ resamples: result.resamples, confidence: result.confidence, seed: result.seed }).toEqual({
      resamples: 50,
      confidence: 0.95,
      seed: 0,
    });
  });

  it('centres the outputs first, as SALib does: a shift of the output changes nothing', () => {
    const shifted = sobolIndices(
      y.map((v) => v + 1000),
      2,
      { resamples: 50 },
    );
    const plain = sobolIndices(y, 2, { resamples: 50 });
    shifted.first.forEach((e, i) => expect(e.estimate).toBeCloseTo(plain.first[i].estimate, 10));
    shifted.total.forEach((e, i) => expect(e.estimate).toBeCloseTo(plain.total[i].estimate, 10));
  });

  it('drops a block with a missing output and counts it', () => {
    const withMissing = [...y.slice(0, 4), 9, NaN, 9, 9, ...y.slice(4)];
    const result = sobolIndices(withMissing, 2, { resamples: 50 });
    // The same three blocks in the same order: the same estimates and the same resamples.
    expect(result).toEqual({ ...sobolIndices(y, 2, { resamples: 50 }), dropped: 1 });
  });

  it('gives exactly 0 for an input the output ignores', () => {
    const result = sobolIndices(
      outputs(64, 3, ([x0, x1]) => x0 + 2 * x1),
      3,
      { resamples: 100 },
    );
    expect(result.first[2]).toEqual({ estimate: 0, ci: [0, 0] });
    expect(result.total[2]).toEqual({ estimate: 0, ci: [0, 0] });
  });
});

describe('sobolIndices: analytic indices', () => {
  const ishigamiResult = sobolIndices(outputs(1024, 3, ishigami, -Math.PI, Math.PI), 3);

  it('puts every analytic Ishigami index inside its 95% interval at N = 1024', () => {
    ishigamiResult.first.forEach(({ ci: [low, high] }, i) => {
      expect(low).toBeLessThanOrEqual(ISHIGAMI_FIRST[i]);
      expect(high).toBeGreaterThanOrEqual(ISHIGAMI_FIRST[i]);
    });
    ishigamiResult.total.forEach(({ ci: [low, high] }, i) => {
      expect(low).toBeLessThanOrEqual(ISHIGAMI_TOTAL[i]);
      expect(high).toBeGreaterThanOrEqual(ISHIGAMI_TOTAL[i]);
    });
  });

  it('estimates the Ishigami indices closely, with narrow intervals', () => {
    // Quasi-random points: estimates within 0.02 of the truth; intervals (which assume independent blocks) under 0.2 wide.
    ishigamiResult.first.forEach(({ estimate, ci }, i) => {
      expect(Math.abs(estimate - ISHIGAMI_FIRST[i])).toBeLessThan(0.02);
      expect(ci[1] - ci[0]).toBeLessThan(0.2);
    });
    ishigamiResult.total.forEach(({ estimate, ci }, i) => {
      expect(Math.abs(estimate - ISHIGAMI_TOTAL[i])).toBeLessThan(0.02);
      expect(ci[1] - ci[0]).toBeLessThan(0.2);
    });
    expect(ishigamiResult.variance).toBeCloseTo(V, 0);
    expect(ishigamiResult.samples).toBe(1024);
  });

  it('gives a linear model with independent uniform inputs S_i = S_Ti = a_i² / Σ a_j²', () => {
    const a = [1, -2, 3, 0.5];
    const sumSquares = a.reduce((sum, ai) => sum + ai * ai, 0);
    const result = sobolIndices(
      outputs(1024, 4, (x) => x.reduce((sum, xi, i) => sum + a[i] * xi, 0)),
      4,
    );
    a.forEach((ai, i) => {
      const share = (ai * ai) / sumSquares;
      for (const { estimate, ci } of [result.first[i], result.total[i]]) {
        expect(ci[0]).toBeLessThanOrEqual(share);
        expect(ci[1]).toBeGreaterThanOrEqual(share);
        expect(Math.abs(estimate - share)).toBeLessThan(0.02);
      }
    });
    // Var(Σ a_i U_i) = Σ a_i² / 12.
    expect(result.variance).toBeCloseTo(sumSquares / 12, 1);
  });
});

describe('sobolIndices: bootstrap and seeds', () => {
  const y = outputs(128, 3, ishigami, -Math.PI, Math.PI);

  it('takes the percentile interval of the indices recomputed, V too, on blocks resampled with createRng(seed)', () => {
    const k = 3;
    const n = y.length / (k + 2);
    // Centred once, over every output, as SALib normalises before it resamples.
    const centre = y.reduce((sum, v) => sum + v, 0) / y.length;
    const at = (j: number, c: number) => y[j * (k + 2) + c] - centre;
    const rng = createRng(11);
    const draws = Array.from({ length: 300 }, () => {
      const blocks = Array.from(drawResample(rng, n));
      const ab = blocks.flatMap((j) => [at(j, 0), at(j, k + 1)]);
      const mean = ab.reduce((sum, v) => sum + v, 0) / ab.length;
      const variance = ab.reduce((sum, v) => sum + (v - mean) ** 2, 0) / ab.length;
      const average = (term: (j: number) => number) => blocks.reduce((sum, j) => sum + term(j), 0) / blocks.length;
      return {
        first: Array.from({ length: k }, (_, i) => average((j) => at(j, k + 1) * (at(j, 1 + i) - at(j, 0))) / variance),
        total: Array.from({ length: k }, (_, i) => average((j) => (at(j, 0) - at(j, 1 + i)) ** 2) / (2 * variance)),
      };
    });
    const result = sobolIndices(y, k, { seed: 11, resamples: 300, confidence: 0.9 });
    for (let i = 0; i < k; i++) {
      const first = percentileInterval(
        draws.map((draw) => draw.first[i]),
        0.9,
      );
      const total = percentileInterval(
        draws.map((draw) => draw.total[i]),
        0.9,
      );
      result.first[i].ci.forEach((end, e) => expect(end).toBeCloseTo(first[e], 10));
      result.total[i].ci.forEach((end, e) => expect(end).toBeCloseTo(total[e], 10));
    }
  });

  it('gives the same result for the same seed, other intervals (same estimates) for another', () => {
    const one = sobolIndices(y, 3, { seed: 3, resamples: 200 });
    expect(sobolIndices(y, 3, { seed: 3, resamples: 200 })).toEqual(one);
    const other = sobolIndices(y, 3, { seed: 4, resamples: 200 });
    expect(other.first.map((e) => e.estimate)).toEqual(one.first.map((e) => e.estimate));
    expect(other.first.map((e) => e.ci)).not.toEqual(one.first.map((e) => e.ci));
  });

  it('widens the interval with the confidence level', () => {
    const narrow = sobolIndices(y, 3, { confidence: 0.5, resamples: 300 });
    const wide = sobolIndices(y, 3, { confidence: 0.99, resamples: 300 });
    narrow.total.forEach(({ ci }, i) => {
      expect(wide.total[i].ci[0]).toBeLessThan(ci[0]);
      expect(wide.total[i].ci[1]).toBeGreaterThan(ci[1]);
    });
    expect(narrow.confidence).toBe(0.5);
  });
});

describe('sobolIndices: refusals', () => {
  it('refuses outputs that are not whole Saltelli blocks', () => {
    expect(() => sobolIndices([1, 2, 3, 4, 5, 6, 7], 2)).toThrow(/7 outputs are not whole blocks of k \+ 2 = 4.*Saltelli sample/);
  });

  it('refuses fewer than two complete blocks', () => {
    expect(() => sobolIndices([1, 2, 3, 4, 5, 6, NaN, 8], 2)).toThrow(/at least 2 complete blocks.*but 1 of 2 are complete/);
    expect(() => sobolIndices([], 2)).toThrow(/but 0 of 0 are complete/);
  });

  it('refuses an infinite output', () => {
    expect(() => sobolIndices([1, 2, 3, 4, 5, -Infinity, 7, 8], 2)).toThrow(/output 5 is -Infinity/);
  });

  it('refuses an output that does not vary', () => {
    expect(() => sobolIndices(new Array(12).fill(0.3), 2)).toThrow(/the output does not vary.*no share of its variance can be attributed/);
  });

  it('refuses a k that is not a positive integer, and bad bootstrap options', () => {
    expect(() => sobolIndices([1, 2, 3], 0)).toThrow(/k \(the number of inputs\) must be a positive integer, not 0/);
    expect(() => sobolIndices([1, 2, 3, 4, 5, 6, 7, 8], 2, { resamples: -1 })).toThrow(/resamples must be a positive integer/);
  });
});
