// The posterior in numbers: weighted quantiles against hand values (Hazen's with equal weights), a summary's means,
// credible intervals and correlations, the predictive check and how near a generation came to each target.
import { describe, expect, it } from 'vitest';
import type { EvaluatedRecord, Generation } from '../../src/calibration/abc.ts';
import { predictiveCheck, summarisePosterior, targetReach, weightedQuantile } from '../../src/calibration/posterior.ts';

describe('weightedQuantile', () => {
  it("is Hazen's quantile with equal weights: (k − 0.5) / n at the k-th value, linear between", () => {
    const values = [10, 40, 20, 30];
    const ones = [1, 1, 1, 1];
    expect(weightedQuantile(values, ones, 0.125)).toBe(10);
    expect(weightedQuantile(values, ones, 0.5)).toBe(25);
    expect(weightedQuantile(values, ones, 0.25)).toBe(15);
    expect(weightedQuantile(values, ones, 0.99)).toBe(40);
    expect(weightedQuantile(values, ones, 0.01)).toBe(10);
  });

  it('places each value at the middle of its weight', () => {
    // Cumulative midpoints: 1 at 0.1, 2 at 0.3, 3 at 0.7: the median lies halfway from 2 to 3.
    expect(weightedQuantile([3, 1, 2], [0.6, 0.2, 0.2], 0.5)).toBeCloseTo(2.5, 14);
  });
});

const generation = (values: number[][], weights: number[]): Generation => ({
  generation: 2,
  tolerance: 0.5,
  complete: true,
  proposals: values.length,
  accepted: values.length,
  failed: 0,
  acceptanceRate: 1,
  ess: 1 / weights.reduce((sum, w) => sum + w * w, 0),
  particles: values.map((v, i) => ({ index: i, values: v, weight: weights[i], distance: 0.1, statistics: [] })),
  records: [],
});

describe('summarisePosterior', () => {
  it('gives weighted means, medians, credible intervals, correlations and the prior beside them', () => {
    const values = Array.from({ length: 5 }, (_, i) => [i, 2 * i + 1, 4 - i]);
    const summary = summarisePosterior(
      [
        { name: 'a', prior: { kind: 'uniform', min: 0, max: 10 } },
        { name: 'b', prior: { kind: 'uniform', min: 0, max: 10 } },
        { name: 'c', prior: { kind: 'uniform', min: 0, max: 10 } },
      ],
      generation(values, [0.2, 0.2, 0.2, 0.2, 0.2]),
    );
    expect(summary.parameters[0]).toMatchObject({ name: 'a', mean: 2, median: 2, prior: { median: 5, ci90: [0.5, 9.5] } });
    expect(summary.parameters[0].sd).toBeCloseTo(Math.sqrt(2), 14);
    expect(summary.parameters[0].ci90[0]).toBe(0);
    expect(summary.parameters[0].ci50[0]).toBeCloseTo(0.75, 14);
    expect(summary.parameters[0].ci50[1]).toBeCloseTo(3.25, 14);
    expect(summary.correlations[0][1]).toBeCloseTo(1, 14);
    expect(summary.correlations[0][2]).toBeCloseTo(-1, 14);
    expect(summary).toMatchObject({ generation: 2, particles: 5, tolerance: 0.5 });
    expect(summary.ess).toBeCloseTo(5, 12);
  });
});

const record = (index: number, statistics: (number | null)[], deviations: number[] | null = null): EvaluatedRecord => ({
  generation: 'check',
  index,
  values: [0],
  seed: index,
  status: 'ok',
  statistics,
  deviations,
  distance: null,
  accepted: false,
});

describe('predictiveCheck and targetReach', () => {
  it('summarises each target over the runs that measured it, with the share inside the observed interval', () => {
    const records = [record(0, [0.4, null]), record(1, [0.5, null]), record(2, [0.9, null]), record(3, [0.6, null])];
    const [first, second] = predictiveCheck(
      [
        { observed: 0.5, sd: 0.05, interval: null },
        { observed: 1, sd: 1, interval: null },
      ],
      records,
    );
    expect(first.measured).toBe(4);
    expect(first.median).toBeCloseTo(0.55, 14);
    expect(first.within).toBe(0.25);
    expect(second).toEqual({ measured: 0, median: null, ci90: null, within: null });
  });

  it('says what share of a generation measured each target, came within the threshold, and the closest', () => {
    const records = [
      record(0, [1, null], [0.5, Number.POSITIVE_INFINITY]),
      record(1, [1, 2], [-3, 4]),
      { ...record(2, [0]), deviations: null },
    ];
    expect(targetReach(records, 2, 1)).toEqual([
      { measured: 2 / 3, within: 1 / 3, closest: 0.5 },
      { measured: 1 / 3, within: 0, closest: 4 },
    ]);
  });
});
