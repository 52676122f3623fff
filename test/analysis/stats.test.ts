// Summaries over replicates against hand-computed means, sds and intervals.
import { describe, expect, it } from 'vitest';
import { aggregateAreas, aggregateMetrics, summarise } from '../../src/analysis/stats.ts';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import type { Metrics } from '../../src/engine/types.ts';

describe('summarise', () => {
  it('gives mean, sample sd and the t interval of 1..5', () => {
    const { mean, sd, ci95 } = summarise([1, 2, 3, 4, 5]);
    expect(mean).toBe(3);
    expect(sd).toBeCloseTo(Math.sqrt(2.5), 14);
    // half width = t(0.975, 4) * sqrt(2.5) / sqrt(5) = 2.776445 * 0.707107
    expect(ci95![0]).toBeCloseTo(3 - 1.963243, 5);
    expect(ci95![1]).toBeCloseTo(3 + 1.963243, 5);
  });

  it('skips nulls', () => {
    const { mean, sd, ci95 } = summarise([2, null, 4]);
    expect(mean).toBe(3);
    expect(sd).toBeCloseTo(Math.SQRT2, 14);
    // n = 2: half width = t(0.975, 1) * sqrt(2) / sqrt(2) = 12.706205
    expect(ci95![0]).toBeCloseTo(3 - 12.706205, 5);
    expect(ci95![1]).toBeCloseTo(3 + 12.706205, 5);
  });

  it('gives a mean without sd or interval for one value, and nulls for none', () => {
    expect(summarise([7, null])).toEqual({ mean: 7, sd: null, ci95: null });
    expect(summarise([null, null])).toEqual({ mean: null, sd: null, ci95: null });
    expect(summarise([])).toEqual({ mean: null, sd: null, ci95: null });
  });

  it('gives a zero-width interval for identical values', () => {
    expect(summarise([0.25, 0.25, 0.25])).toEqual({ mean: 0.25, sd: 0, ci95: [0.25, 0.25] });
  });
});

const metrics = (formed: number, survival3y: number | null): Metrics => ({
  partnershipsFormed: formed,
  partnershipsDissolved: 1,
  partnershipsActiveAtEnd: formed - 1,
  participationAtEnd: 0.5,
  meanTrustAtEnd: 0.4,
  meanStrengthAtEnd: 0.3,
  strongShareAtEnd: 0.2,
  medianLifetimeYears: null,
  rmst5y: null,
  rmst10y: null,
  survival3y,
  survival5y: null,
  trustsAtEnd: 2,
  inTrustsAtEnd: 0.5,
  inTrustsElsewhereAtEnd: 0.25,
  meanTrustSizeAtEnd: 3,
});

describe('aggregateMetrics', () => {
  it('summarises every metric, in METRIC_NAMES order', () => {
    const aggregated = aggregateMetrics([metrics(4, 0.5), metrics(6, null), metrics(8, 1)]);
    expect(Object.keys(aggregated)).toEqual([...METRIC_NAMES]);
    expect(aggregated.partnershipsFormed.mean).toBe(6);
    expect(aggregated.partnershipsFormed.sd).toBe(2);
    expect(aggregated.survival3y.mean).toBe(0.75);
    expect(aggregated.medianLifetimeYears).toEqual({ mean: null, sd: null, ci95: null });
    expect(aggregated.participationAtEnd).toEqual({ mean: 0.5, sd: 0, ci95: [0.5, 0.5] });
  });
});

describe('aggregateAreas', () => {
  it('summarises each area over replicates, matching areas by name', () => {
    const area = (name: string, formed: number) => ({
      area: name,
      organisations: 10,
      participationAtEnd: 0.5,
      partnershipsActiveAtEnd: 2,
      partnershipsFormed: formed,
      meanStrengthAtEnd: 0.3,
      trustsAtEnd: 1,
      inTrustsAtEnd: 0.5,
      inTrustsElsewhereAtEnd: 0,
    });
    const aggregated = aggregateAreas([
      [area('North', 2), area('South', 5)],
      [area('South', 7), area('North', 4)],
    ]);
    expect(aggregated.map((a) => a.area)).toEqual(['North', 'South']);
    expect(aggregated[0].partnershipsFormed.mean).toBe(3);
    expect(aggregated[1].partnershipsFormed.mean).toBe(6);
    expect(aggregated[0].organisations).toEqual({ mean: 10, sd: 0, ci95: [10, 10] });
  });
});
