// ABC-SMC against posteriors known in closed form: a normal mean under a normal prior (the sample mean is sufficient),
// and a binomial rate under a uniform prior (Beta(1, 1); an exact match of the count is the exact posterior). As the
// tolerance shrinks the ABC posterior's mean and variance approach the analytic ones; the last generation matches
// them within the Monte Carlo error of its effective sample size.
import { describe, expect, it } from 'vitest';
import type { Generation } from '../../src/calibration/abc.ts';
import { calibrate } from '../../src/calibration/calibrate.ts';
import { drawStandardNormal } from '../../src/calibration/normal.ts';
import { createRng } from '../../src/random.ts';

/** The weighted mean and variance of a generation's first parameter. */
function moments(generation: Generation): { mean: number; variance: number } {
  const mean = generation.particles.reduce((sum, p) => sum + p.weight * p.values[0], 0);
  const variance = generation.particles.reduce((sum, p) => sum + p.weight * (p.values[0] - mean) ** 2, 0);
  return { mean, variance };
}

describe('a normal mean with a normal prior', { timeout: 60_000 }, () => {
  // n = 10 observations with sd 1 and mean 1; prior N(0, 2²): the posterior is N(μn, τn²) with
  // τn² = 1 / (1/4 + 10) and μn = τn² × 10 × 1 (conjugate normal; e.g. Gelman et al. 2013, §2.5).
  const n = 10;
  const tau2 = 1 / (1 / 4 + n);
  const mu = tau2 * n;
  const se = 1 / Math.sqrt(n);

  it('approaches the analytic mean and variance as the tolerance shrinks, and matches them at the end', async () => {
    const result = await calibrate({
      parameters: [{ name: 'mu', prior: { kind: 'normal', mean: 0, sd: 2 } }],
      targets: [{ observed: 1, sd: se }],
      simulate: ([m], seed) => [m + se * drawStandardNormal(createRng(seed))],
      particles: 500,
      generations: 8,
      predictive: 0,
      seed: 11,
    });
    const complete = result.generations.filter((g) => g.complete);
    expect(complete).toHaveLength(8);
    const errors = complete.slice(1).map((g) => {
      const { mean, variance } = moments(g);
      return { tolerance: g.tolerance as number, mean: Math.abs(mean - mu) / Math.sqrt(tau2), variance: Math.abs(variance / tau2 - 1) };
    });
    // Each generation's tolerance is below the last; the variance's excess over the analytic one falls with it.
    errors.slice(1).forEach((e, i) => expect(e.tolerance).toBeLessThan(errors[i].tolerance));
    expect(errors[0].variance).toBeGreaterThan(1);
    expect(errors[errors.length - 1].variance).toBeLessThan(errors[0].variance / 10);
    // The last generation (ESS about 480): mean within 0.1 posterior sd (MC standard error about 0.05 sd), variance
    // within 20% (MC standard error about 7%).
    const last = errors[errors.length - 1];
    expect(last.mean).toBeLessThan(0.1);
    expect(last.variance).toBeLessThan(0.2);
    expect(result.posterior?.parameters[0].mean).toBeCloseTo(moments(complete[7]).mean, 12);
  });
});

describe('a binomial rate with a uniform (Beta(1, 1)) prior', { timeout: 60_000 }, () => {
  // 6 successes in 20 trials: the posterior is Beta(7, 15), mean 7/22, variance 7 × 15 / (22² × 23).
  const [k, trials] = [6, 20];
  const mean = (k + 1) / (trials + 2);
  const variance = ((k + 1) * (trials - k + 1)) / ((trials + 2) ** 2 * (trials + 3));

  it('reaches tolerance 0 (an exact match of the count) and then matches Beta(7, 15)', async () => {
    const result = await calibrate({
      parameters: [{ name: 'p', prior: { kind: 'uniform', min: 0, max: 1 } }],
      targets: [{ observed: k, sd: 1 }],
      simulate: ([p], seed) => {
        const rng = createRng(seed);
        let count = 0;
        for (let t = 0; t < trials; t++) count += +(rng() < p);
        return [count];
      },
      particles: 1000,
      generations: 10,
      predictive: 0,
      seed: 5,
    });
    const last = result.generations[result.generations.length - 1];
    expect(result.stop.reason).toBe('tolerance');
    expect(last.tolerance).toBe(0);
    const found = moments(last);
    // MC standard error of the mean about sd / sqrt(ESS) = 0.0031: within 0.01; of the variance about 5%: within 15%.
    expect(Math.abs(found.mean - mean)).toBeLessThan(0.01);
    expect(Math.abs(found.variance / variance - 1)).toBeLessThan(0.15);
  });
});
