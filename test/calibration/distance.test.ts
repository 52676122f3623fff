// Distances scaled by each target's uncertainty: a deviation in standard deviations (or, for an interval, in its
// half-width on the side the value falls, over 1.96), their root mean square, and what lies within a 95% interval.
import { describe, expect, it } from 'vitest';
import { observationScale, rmsDistance, scaledDistance, targetDeviation, withinUncertainty } from '../../src/calibration/distance.ts';
import { Z_975 } from '../../src/engine/survival.ts';

const SD = { observed: 0.5, sd: 0.1, interval: null };
const INTERVAL = { observed: 0.5, sd: null, interval: [0.4, 0.9] as const };

describe('targetDeviation', () => {
  it('is (simulated − observed) / sd', () => {
    expect(targetDeviation(SD, 0.7)).toBeCloseTo(2, 14);
    expect(targetDeviation(SD, 0.35)).toBeCloseTo(-1.5, 14);
    expect(targetDeviation(SD, 0.5)).toBe(0);
  });

  it('scales by the half-width of an asymmetric interval on the side the value falls, over 1.96', () => {
    expect(observationScale(INTERVAL, 'above')).toBeCloseTo(0.4 / Z_975, 15);
    expect(observationScale(INTERVAL, 'below')).toBeCloseTo(0.1 / Z_975, 15);
    expect(targetDeviation(INTERVAL, 0.9)).toBeCloseTo(Z_975, 12);
    expect(targetDeviation(INTERVAL, 0.4)).toBeCloseTo(-Z_975, 12);
  });

  it('is infinite when nothing was measured, or beyond an interval that ends at the observed value', () => {
    expect(targetDeviation(SD, null)).toBe(Number.POSITIVE_INFINITY);
    expect(targetDeviation({ observed: 0, sd: null, interval: [0, 0.1] }, -0.01)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('rmsDistance and scaledDistance', () => {
  it('is the root mean square of the deviations', () => {
    expect(rmsDistance([3, -4])).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(rmsDistance([])).toBe(0);
    expect(scaledDistance([SD, SD], [0.7, 0.3])).toBeCloseTo(2, 14);
    expect(scaledDistance([SD, SD], [0.7, null])).toBe(Number.POSITIVE_INFINITY);
  });

  it('puts a value within the 95% interval when its deviation is at most z(0.975) = 1.95996', () => {
    expect(withinUncertainty(SD, 0.5 + 0.1959)).toBe(true);
    expect(withinUncertainty(SD, 0.5 + 0.1961)).toBe(false);
    expect(withinUncertainty(INTERVAL, 0.8999)).toBe(true);
    expect(withinUncertainty(INTERVAL, 0.39)).toBe(false);
  });
});
