// Student's t against printed tables and closed forms.
import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from '../../src/analysis/student-t.ts';

describe('studentTQuantile', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [9, 2.262],
    [29, 2.045],
    [1000, 1.962],
  ])('t(0.975, %i) matches the table value %f', (df, table) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(table, 3);
  });

  it('matches the quantile to many digits (scipy t.ppf)', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 12);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 12);
    expect(studentTQuantile(0.995, 4)).toBeCloseTo(4.604094871349992, 12);
  });

  it('is symmetric about zero and inverts the distribution function', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 12);
    for (const p of [0.6, 0.9, 0.999]) expect(studentTCdf(studentTQuantile(p, 6.5), 6.5)).toBeCloseTo(p, 12);
  });

  it('rejects probabilities outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches the closed forms for 1 and 3 degrees of freedom', () => {
    for (const t of [-3, -0.4, 0, 1, 2.5, 12]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      const s = Math.sqrt(3);
      expect(studentTCdf(t, 3)).toBeCloseTo(0.5 + (t / (s * (1 + (t * t) / 3)) + Math.atan(t / s)) / Math.PI, 14);
    }
  });
});

describe('regularizedIncompleteBeta and logGamma', () => {
  it('give exact values at hand-computed points', () => {
    // I_0.5(2, 3) = 11/16; I_x(1, 1) = x.
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });
});
