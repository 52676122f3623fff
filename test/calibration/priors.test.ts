// Priors: each density integrates to 1 over its support (in the working space), quantiles invert it, draws follow it,
// and log-uniform priors live in the logarithm.
import { describe, expect, it } from 'vitest';
import {
  drawPrior,
  fromWorking,
  priorDensity,
  priorQuantile,
  priorSupport,
  toWorking,
  truncatedMass,
  workingDensity,
  type Prior,
} from '../../src/calibration/priors.ts';
import { createRng } from '../../src/random.ts';

const PRIORS: readonly Prior[] = [
  { kind: 'uniform', min: 0.2, max: 0.7 },
  { kind: 'logUniform', min: 0.01, max: 10 },
  { kind: 'normal', mean: 1, sd: 0.5 },
  { kind: 'truncatedNormal', mean: 0.9, sd: 0.3, min: 0, max: 1 },
  { kind: 'truncatedNormal', mean: -2, sd: 0.5, min: 0, max: 1 },
];

/** Integrates a prior's working density over its support (or ±8 sd) by the midpoint rule. */
function mass(prior: Prior): number {
  const [low, high] = priorSupport(prior);
  const [a, b] =
    prior.kind === 'normal' ? [prior.mean - 8 * prior.sd, prior.mean + 8 * prior.sd] : [toWorking(prior, low), toWorking(prior, high)];
  const steps = 200_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += workingDensity(prior, a + ((i + 0.5) * (b - a)) / steps);
  return (sum * (b - a)) / steps;
}

describe('priors', () => {
  it.each(PRIORS)('the $kind prior has working density integrating to 1', (prior) => {
    expect(mass(prior)).toBeCloseTo(1, 5);
  });

  it.each(PRIORS)('the $kind prior: quantiles increase and lie in its support, the median splits its mass', (prior) => {
    const [low, high] = priorSupport(prior);
    const qs = [0.01, 0.25, 0.5, 0.75, 0.99].map((p) => priorQuantile(prior, p));
    qs.slice(1).forEach((q, i) => expect(q).toBeGreaterThan(qs[i]));
    for (const q of qs) expect(q >= low && q <= high).toBe(true);
    // Half the mass lies below the median: integrate the working density up to it.
    const median = toWorking(prior, qs[2]);
    const [a] = prior.kind === 'normal' ? [prior.mean - 8 * prior.sd] : [toWorking(prior, low)];
    const steps = 100_000;
    let below = 0;
    for (let i = 0; i < steps; i++) below += workingDensity(prior, a + ((i + 0.5) * (median - a)) / steps);
    expect((below * (median - a)) / steps).toBeCloseTo(0.5, 5);
  });

  it('gives hand-worked densities and quantiles', () => {
    expect(workingDensity({ kind: 'uniform', min: 0, max: 4 }, 1)).toBe(0.25);
    expect(workingDensity({ kind: 'uniform', min: 0, max: 4 }, 5)).toBe(0);
    // log-uniform from 1 to e²: uniform in log x on [0, 2], so density 1/2 there, and 1/(2x) of x.
    const log: Prior = { kind: 'logUniform', min: 1, max: Math.E ** 2 };
    expect(workingDensity(log, 1)).toBe(0.5);
    expect(priorDensity(log, Math.E)).toBeCloseTo(0.5 / Math.E, 15);
    expect(priorQuantile(log, 0.5)).toBeCloseTo(Math.E, 12);
    expect(fromWorking(log, toWorking(log, 3))).toBeCloseTo(3, 14);
    // A normal truncated to above its mean keeps half its mass.
    expect(truncatedMass(0, 1, 0, Number.POSITIVE_INFINITY)).toBeCloseTo(0.5, 14);
    expect(truncatedMass(0, 1, 5, 6)).toBeCloseTo(2.8665157e-7 - 9.8658765e-10, 12);
  });

  it.each(PRIORS)('draws from the $kind prior with its quantiles (one step of the generator each)', (prior) => {
    const rng = createRng(21);
    const draws = Array.from({ length: 20_000 }, () => drawPrior(prior, rng)).sort((a, b) => a - b);
    for (const p of [0.1, 0.5, 0.9]) {
      const empirical = draws[Math.floor(p * draws.length)];
      // The empirical quantile's probability is within 0.015 of p (its standard error is about 0.002-0.003).
      const [low, high] = [priorQuantile(prior, p - 0.015), priorQuantile(prior, p + 0.015)];
      expect(empirical).toBeGreaterThanOrEqual(low);
      expect(empirical).toBeLessThanOrEqual(high);
    }
    const [a, b] = [createRng(4), createRng(4)];
    expect(drawPrior(prior, a)).toBe(priorQuantile(prior, b()));
  });
});
