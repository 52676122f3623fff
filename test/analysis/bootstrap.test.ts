// Bootstrap building blocks: quantiles against hand values and mathjs, percentile intervals, seeded resamples, and
// the settings' defaults and messages.
import fc from 'fast-check';
import { quantileSeq } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { drawResample, percentileInterval, quantile, resolveBootstrap } from '../../src/analysis/bootstrap.ts';
import { createRng } from '../../src/random.ts';

/** Returns the percentile interval of the mean of `values` over `resamples` bootstrap resamples drawn with this seed. */
function meanInterval(values: readonly number[], resamples: number, seed: number, confidence = 0.95): [number, number] {
  const rng = createRng(seed);
  const means = Array.from({ length: resamples }, () => {
    const picked = drawResample(rng, values.length);
    return picked.reduce((sum, i) => sum + values[i], 0) / picked.length;
  });
  return percentileInterval(means, confidence);
}

describe('quantile', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    // h = 3p: p = 0.5 is halfway from x[1] to x[2]; p = 0.25 is 3/4 of the way from x[0] to x[1].
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.9)).toBeCloseTo(3.7, 14);
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile(Float64Array.of(-2, 10), 0.75)).toBe(7);
  });

  it('gives an order statistic exactly at h whole, even beside an infinite neighbour', () => {
    expect(quantile([0, 5, Infinity], 0.5)).toBe(5);
  });

  it('matches mathjs quantileSeq for any values and probability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const expected = quantileSeq(values, p) as number;
          // The two round differently in the last bits: (1 - f) a + f b against a + f (b - a).
          expect(Math.abs(quantile(sorted, p) - expected)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(expected)));
        },
      ),
    );
  });

  it('refuses no values and a probability outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/at least one value/);
    expect(() => quantile([1, 2], 1.5)).toThrow(/probability must be in \[0, 1\], not 1.5/);
    expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
  });
});

describe('percentileInterval', () => {
  it('takes the (1 - c)/2 and (1 + c)/2 quantiles of unsorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    // 1..100 shuffled; c = 0.9: h = 99 × 0.05 = 4.95 and 99 × 0.95 = 94.05.
    const [low, high] = percentileInterval(values, 0.9);
    expect(low).toBeCloseTo(5.95, 10);
    expect(high).toBeCloseTo(95.05, 10);
  });

  it('leaves NaN values out, and gives NaN ends when nothing is left', () => {
    expect(percentileInterval([NaN, 3, 1, NaN, 2], 0.5)).toEqual([1.5, 2.5]);
    expect(percentileInterval([NaN, NaN], 0.95)).toEqual([NaN, NaN]);
  });
});

describe('drawResample', () => {
  it('draws n indices in 0..n-1, the same for the same seed', () => {
    const a = drawResample(createRng(5), 50);
    expect(a).toHaveLength(50);
    expect(Array.from(a).every((i) => Number.isInteger(i) && i >= 0 && i < 50)).toBe(true);
    expect(drawResample(createRng(5), 50)).toEqual(a);
    expect(drawResample(createRng(6), 50)).not.toEqual(a);
  });

  it('takes each index about equally often', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = createRng(1);
    for (let r = 0; r < 2000; r++) for (const i of drawResample(rng, 10)) counts[i]++;
    // 20000 draws: 2000 each expected, sd about 42.
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });

  it('gives the same interval for the same seed and another for a different one', () => {
    const values = Array.from({ length: 30 }, (_, i) => Math.sin(i) * 10);
    const interval = meanInterval(values, 500, 42);
    expect(meanInterval(values, 500, 42)).toEqual(interval);
    expect(meanInterval(values, 500, 43)).not.toEqual(interval);
    // The interval brackets the sample mean.
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(interval[0]).toBeLessThan(mean);
    expect(interval[1]).toBeGreaterThan(mean);
  });
});

describe('resolveBootstrap', () => {
  it('fills in 1000 resamples, confidence 0.95 and seed 0', () => {
    expect(resolveBootstrap()).toEqual({ resamples: 1000, confidence: 0.95, seed: 0 });
    expect(resolveBootstrap({ resamples: undefined, seed: 7 })).toEqual({ resamples: 1000, confidence: 0.95, seed: 7 });
    expect(resolveBootstrap({ resamples: 1, confidence: 0.5, seed: 2 ** 32 - 1 })).toEqual({
      resamples: 1,
      confidence: 0.5,
      seed: 2 ** 32 - 1,
    });
  });

  it.each([
    [{ resamples: 0 }, /resamples must be a positive integer.*not 0/],
    [{ resamples: 2.5 }, /resamples must be a positive integer.*not 2.5/],
    [{ confidence: 1 }, /confidence must be between 0 and 1, exclusive.*not 1$/],
    [{ confidence: 0 }, /confidence must be between 0 and 1/],
    [{ confidence: NaN }, /confidence must be between 0 and 1.*not NaN/],
    [{ seed: -1 }, /seed must be an integer from 0 to 4294967295.*not -1/],
    [{ seed: 2 ** 32 }, /seed must be an integer from 0 to 4294967295/],
    [{ seed: 0.5 }, /seed must be an integer/],
  ])('refuses %o, naming the option', (options, message) => {
    expect(() => resolveBootstrap(options)).toThrow(RangeError);
    expect(() => resolveBootstrap(options)).toThrow(message);
  });
});
