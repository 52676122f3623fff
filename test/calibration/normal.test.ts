// The standard normal in plain arithmetic: Φ against mathjs's erf, the quantile against Φ and known values, draws by
// inversion taking one step of the generator each.
import { erf } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { drawStandardNormal, normalCdf, normalDensity, normalQuantile } from '../../src/calibration/normal.ts';
import { Z_975 } from '../../src/engine/survival.ts';
import { createRng } from '../../src/random.ts';

describe('normalCdf', () => {
  it.each([-6, -3, -1.5, -0.2, 0, 0.7, 1.96, 4])('matches (1 + erf(x / √2)) / 2 at %d within 1e-15', (x) => {
    expect(Math.abs(normalCdf(x) - 0.5 * (1 + erf(x / Math.SQRT2)))).toBeLessThan(1e-15);
  });

  it('is 0 and 1 far in the tails, and NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalQuantile', () => {
  it('gives z(0.975) = 1.959963984540054 to 9 digits, and 0 at one half', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z_975, 8);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it.each([0.001, 0.02425, 0.1, 0.5, 0.8, 0.97575, 0.999999])('inverts Φ at %d within a relative 1e-8', (p) => {
    expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-8);
  });

  it('keeps its relative precision far in the tail, where Φ loses it (Wichura 1988 values, from Python statistics.NormalDist)', () => {
    expect(normalQuantile(1e-9) / -5.9978070150076865 - 1).toBeLessThan(1.2e-9);
    expect(Math.abs(normalQuantile(1e-6) / -4.753424308822899 - 1)).toBeLessThan(1.2e-9);
    expect(Math.abs(normalQuantile(1 - 1e-6) / 4.753424308822899 - 1)).toBeLessThan(1e-8);
  });

  it('is infinite at 0 and 1 and refuses a probability outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});

describe('drawStandardNormal', () => {
  it('draws with mean 0 and variance 1, the quantile of one step of the generator', () => {
    const rng = createRng(3);
    const draws = Array.from({ length: 20_000 }, () => drawStandardNormal(rng));
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
    // Standard errors: 1/√n = 0.007 for the mean, √(2/n) = 0.01 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
    const [a, b] = [createRng(9), createRng(9)];
    expect(drawStandardNormal(a)).toBe(normalQuantile(b()));
  });

  it('has density φ(0) = 1/√(2π)', () => {
    expect(normalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
});
