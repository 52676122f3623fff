// The ABC sampler: the tolerance rule against hand-worked cases, the importance weights against an independent
// computation with mathjs, results that do not depend on the order records arrive in, rejection ABC, failed runs,
// and each stopping rule.
import { det, inv, multiply } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  AbcSampler,
  effectiveSampleSize,
  nextTolerance,
  posteriorGeneration,
  type AbcProblem,
  type Proposal,
  type ProposalRecord,
} from '../../src/calibration/abc.ts';
import { calibrate, DEFAULT_SETTINGS } from '../../src/calibration/calibrate.ts';
import { weightedCovariance } from '../../src/calibration/kernel.ts';
import { drawStandardNormal } from '../../src/calibration/normal.ts';
import { workingDensity, type Prior } from '../../src/calibration/priors.ts';
import { createRng } from '../../src/random.ts';

const particles = (distances: readonly number[], weights?: readonly number[]) =>
  distances.map((distance, i) => ({ distance, weight: weights?.[i] ?? 1 / distances.length }));

describe('nextTolerance (Del Moral, Doucet & Jasra 2012, with one simulation per particle)', () => {
  it('is the α-quantile of the distances when the weights are equal', () => {
    const d = [7, 3, 9, 1, 5, 2, 10, 4, 6, 8];
    expect(nextTolerance(particles(d), 0.5, null)).toBe(5);
    expect(nextTolerance(particles(d), 0.25, null)).toBe(3);
  });

  it('keeps α of the effective sample size with unequal weights', () => {
    // ESS of all: 1 / (0.49 + 3 x 0.01) = 1.92. Within 1: ESS 1; within 2: (0.2)² / 0.02 = 2.
    const p = particles([4, 1, 2, 3], [0.7, 0.1, 0.1, 0.1]);
    expect(nextTolerance(p, 0.5, null)).toBe(1);
    expect(nextTolerance(p, 0.9, null)).toBe(2);
  });

  it('keeps every particle at a tied distance, and steps below the current tolerance when the rule would not', () => {
    expect(nextTolerance(particles([1, 1, 2, 2]), 0.3, null)).toBe(1);
    expect(nextTolerance(particles([0, 1, 1, 1]), 0.5, 1)).toBe(0);
    expect(nextTolerance(particles([1, 1, 1]), 0.5, 1)).toBe(1);
  });

  it('effectiveSampleSize is (Σw)² / Σw²', () => {
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBe(4);
    expect(effectiveSampleSize([0.7, 0.1, 0.1, 0.1])).toBeCloseTo(1 / 0.52, 14);
    expect(effectiveSampleSize([])).toBe(0);
  });
});

// A model of two parameters with a known likelihood: each statistic is a parameter plus normal noise.
const PRIORS: Prior[] = [
  { kind: 'uniform', min: -2, max: 2 },
  { kind: 'truncatedNormal', mean: 0, sd: 1, min: -3, max: 3 },
];
const toy = ([a, b]: readonly number[], seed: number): number[] => {
  const rng = createRng(seed);
  return [a + 0.2 * drawStandardNormal(rng), a + b + 0.2 * drawStandardNormal(rng)];
};
const TARGETS = [
  { observed: 0.5, sd: 0.2 },
  { observed: 0.2, sd: 0.2 },
];
const PARAMETERS = PRIORS.map((prior, k) => ({ name: `p${k}`, prior }));

describe('the importance weights (Beaumont et al. 2009; Toni et al. 2009)', () => {
  it('are π(θ) / Σ W_j N(θ; θ_j, 2 Σ_w), as mathjs computes them from the generation before', async () => {
    const result = await calibrate({
      parameters: PARAMETERS,
      targets: TARGETS,
      simulate: toy,
      particles: 60,
      generations: 3,
      predictive: 0,
      seed: 2,
    });
    const [, before, after] = result.generations;
    const { covariance } = weightedCovariance(
      before.particles.map((p) => p.values),
      before.particles.map((p) => p.weight),
    );
    const sigma = covariance.map((row) => row.map((c) => 2 * c));
    const precision = inv(sigma) as number[][];
    const normaliser = 1 / (2 * Math.PI * Math.sqrt(det(sigma) as number));
    const raw = after.particles.map((p) => {
      const prior = PRIORS.reduce((product, prior, k) => product * workingDensity(prior, p.values[k]), 1);
      const mixture = before.particles.reduce((sum, q) => {
        const d = p.values.map((v, k) => v - q.values[k]);
        return sum + q.weight * normaliser * Math.exp(-0.5 * (multiply(multiply(d, precision), d) as unknown as number));
      }, 0);
      return prior / mixture;
    });
    const total = raw.reduce((sum, w) => sum + w, 0);
    after.particles.forEach((p, i) => expect(p.weight).toBeCloseTo(raw[i] / total, 12));
    expect(after.ess).toBeCloseTo(effectiveSampleSize(raw), 8);
  });
});

/** Drives a sampler, handing each round's records over in the order `order` puts them in. */
function drive(problem: AbcProblem, order: (records: ProposalRecord[]) => ProposalRecord[]) {
  const sampler = new AbcSampler(problem);
  for (let round = sampler.nextRound(); round !== null; round = sampler.nextRound()) {
    const records = round.map((p: Proposal): ProposalRecord => ({ ...p, status: 'ok', statistics: toy(p.values, p.seed) }));
    sampler.receive(order(records));
  }
  return sampler.result();
}

const PROBLEM: AbcProblem = {
  parameters: PARAMETERS,
  observations: TARGETS.map((t) => ({ ...t, interval: null })),
  settings: { ...DEFAULT_SETTINGS, particles: 30, generations: 3, predictive: 10, tolerance: 0, seed: 5 },
};

describe('the sampler', () => {
  it('gives the same result whatever order the records of a round arrive in', () => {
    const inOrder = drive(PROBLEM, (records) => records);
    const reversed = drive(PROBLEM, (records) => [...records].reverse());
    const shuffled = drive(PROBLEM, (records) => {
      const rng = createRng(records.length);
      return records
        .map((r) => ({ r, key: rng() }))
        .sort((a, b) => a.key - b.key)
        .map(({ r }) => r);
    });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(inOrder));
    expect(inOrder.check).toHaveLength(10);
    const posterior = posteriorGeneration(inOrder.generations);
    for (const record of inOrder.check)
      expect(posterior?.particles.some((p) => p.index === record.particle && p.values === record.values)).toBe(true);
  });

  it('refuses a record it did not propose', () => {
    const sampler = new AbcSampler(PROBLEM);
    const [first] = sampler.nextRound() ?? [];
    expect(() => sampler.receive([{ ...first, values: [9, 9], status: 'ok', statistics: [0, 0] }])).toThrow(/does not belong/);
    expect(() => sampler.nextRound()).toThrow(/still waits/);
  });

  it('takes, in rejection ABC, the first N proposals by index within the tolerance, with equal weights', async () => {
    const result = await calibrate({
      parameters: PARAMETERS,
      targets: TARGETS,
      simulate: toy,
      method: 'rejection',
      particles: 25,
      tolerance: 1.5,
      predictive: 0,
      seed: 3,
    });
    const [generation] = result.generations;
    expect(result.stop.reason).toBe('rejection');
    expect(generation.particles).toHaveLength(25);
    const accepted = generation.records.filter((r) => r.distance !== null && r.distance <= 1.5);
    expect(generation.particles.map((p) => p.index)).toEqual(accepted.map((r) => r.index));
    expect(generation.records[generation.records.length - 1].accepted).toBe(true);
    for (const p of generation.particles) expect(p.weight).toBeCloseTo(1 / 25, 15);
  });

  it('records a run that throws as failed, never accepts it, and goes on', async () => {
    const result = await calibrate({
      parameters: PARAMETERS,
      targets: TARGETS,
      simulate: (values, seed) => {
        if (seed % 4 === 0) throw new Error('planted failure');
        return toy(values, seed);
      },
      particles: 20,
      generations: 2,
      predictive: 0,
      seed: 1,
    });
    const failed = result.generations.flatMap((g) => g.records.filter((r) => r.status === 'failed'));
    expect(failed.length).toBeGreaterThan(0);
    for (const record of failed)
      expect(record).toMatchObject({ accepted: false, distance: null, error: expect.stringMatching(/^Error: planted failure/) });
    expect(result.generations.map((g) => g.failed)).toEqual(
      result.generations.map((g) => g.records.filter((r) => r.status === 'failed').length),
    );
    expect(result.stop).toEqual({ reason: 'generations', generation: 1, incomplete: false });
  });

  it('stops inside a generation when the budget runs out, keeping the last complete one as the posterior', async () => {
    const result = await calibrate({
      parameters: PARAMETERS,
      targets: TARGETS,
      simulate: toy,
      particles: 20,
      generations: 5,
      budget: 60,
      predictive: 5,
      seed: 4,
    });
    expect(result.stop).toMatchObject({ reason: 'budget', incomplete: true });
    expect(result.runs).toBe(60);
    const last = result.generations[result.generations.length - 1];
    expect(last.complete).toBe(false);
    expect(result.posterior?.generation).toBe(result.generations[result.generations.length - 2].generation);
    expect(result.check).toHaveLength(5);
  });

  it('stops a generation whose acceptance rate cannot reach the minimum: a target out of the model’s reach', async () => {
    const result = await calibrate({
      parameters: PARAMETERS,
      targets: [TARGETS[0], { observed: 40, sd: 0.2 }],
      simulate: toy,
      method: 'rejection',
      particles: 10,
      tolerance: 1,
      minAcceptance: 0.05,
      predictive: 3,
      seed: 6,
    });
    expect(result.stop).toEqual({ reason: 'acceptance', generation: 0, incomplete: true });
    expect(result.generations[0]).toMatchObject({ complete: false, accepted: 0, proposals: 10 / 0.05 });
    expect(result.posterior).toBeNull();
    expect(result.check).toEqual([]);
  });
});
