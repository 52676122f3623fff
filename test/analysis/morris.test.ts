// Morris elementary effects: hand-checked trajectories, the signature of linear, non-linear, interacting and null
// inputs on a real design, missing outputs, and refusals.
import { describe, expect, it } from 'vitest';
import { drawResample, percentileInterval } from '../../src/analysis/bootstrap.ts';
import { morrisEffects } from '../../src/analysis/morris.ts';
import { createRng } from '../../src/random.ts';
import { morrisTrajectories } from '../../src/sweep/designs.ts';

// Two trajectories of k = 2 on the 4-level grid (Δ = 2/3):
//   t0: (1/3, 1) -> (1, 1)      input 0 up,   y 1 -> 3: EE = 2 / (2/3) = 3
//       (1, 1)   -> (1, 1/3)    input 1 down, y 3 -> 2: EE = -1 / (-2/3) = 1.5
//   t1: (1, 0)   -> (1/3, 0)    input 0 down, y 5 -> 7: EE = 2 / (-2/3) = -3
//       (1/3, 0) -> (1/3, 2/3)  input 1 up,   y 7 -> 9: EE = 2 / (2/3) = 3
const X = [
  [1 / 3, 1],
  [1, 1],
  [1, 1 / 3],
  [1, 0],
  [1 / 3, 0],
  [1 / 3, 2 / 3],
];
const Y = [1, 3, 2, 5, 7, 9];

describe('morrisEffects: hand-checked effects', () => {
  it('gives each effect of one trajectory, with no sigma from a single effect', () => {
    const result = morrisEffects(X.slice(0, 3), Y.slice(0, 3), { resamples: 20 });
    expect(result).toMatchObject({ k: 2, trajectories: 1, dropped: 0, resamples: 20, confidence: 0.95, seed: 0 });
    expect(result.factors[0]).toEqual({
      mu: expect.closeTo(3, 14),
      muStar: { estimate: expect.closeTo(3, 14), ci: [expect.closeTo(3, 14), expect.closeTo(3, 14)] },
      sigma: null,
      effects: 1,
    });
    expect(result.factors[1].mu).toBeCloseTo(1.5, 14);
    expect(result.factors[1].sigma).toBeNull();
  });

  it('gives mu, mu* and the sample sd over two trajectories', () => {
    const result = morrisEffects(X, Y, { resamples: 200 });
    // Input 0: effects 3 and -3: mu 0, mu* 3, sd sqrt((3² + 3²) / 1) = sqrt(18).
    expect(result.factors[0].mu).toBeCloseTo(0, 14);
    expect(result.factors[0].muStar.estimate).toBeCloseTo(3, 14);
    expect(result.factors[0].sigma).toBeCloseTo(Math.sqrt(18), 13);
    // Input 1: effects 1.5 and 3: mu = mu* = 2.25, sd sqrt(2 × 0.75²) = 0.75 sqrt 2; resampled mu* lies in [1.5, 3].
    expect(result.factors[1].mu).toBeCloseTo(2.25, 14);
    expect(result.factors[1].sigma).toBeCloseTo(0.75 * Math.SQRT2, 13);
    const [low, high] = result.factors[1].muStar.ci;
    expect(low).toBeGreaterThanOrEqual(1.5 - 1e-12);
    expect(high).toBeLessThanOrEqual(3 + 1e-12);
    expect(low).toBeLessThan(high);
    expect(result.factors.map((f) => f.effects)).toEqual([2, 2]);
  });

  it('measures effects per unit of x: inputs in their own units give effects that do not compare', () => {
    const scaled = morrisEffects(
      X.map(([a, b]) => [a * 10, b]),
      Y,
      { resamples: 20 },
    );
    expect(scaled.factors[0].muStar.estimate).toBeCloseTo(0.3, 14);
    expect(scaled.factors[1].muStar.estimate).toBeCloseTo(2.25, 14);
  });

  it('drops the effects at either end of a missing output and counts them', () => {
    // y[1] missing: t0 loses both its effects; t1 keeps its two.
    const result = morrisEffects(X, [1, NaN, 2, 5, 7, 9], { resamples: 20 });
    expect(result.dropped).toBe(2);
    expect(result.factors.map((f) => f.effects)).toEqual([1, 1]);
    expect(result.factors[0].mu).toBeCloseTo(-3, 14);
    expect(result.factors[1].mu).toBeCloseTo(3, 14);
    // The last row missing loses only the step into it.
    expect(morrisEffects(X, [1, 3, 2, 5, 7, NaN], { resamples: 20 }).dropped).toBe(1);
  });
});

describe('morrisEffects: screening on a design', () => {
  // Input 0 linear (slope -3), input 1 non-linear (6 x²), inputs 2 and 3 interacting (4 x2 x3), input 4 ignored.
  const f = ([x0, x1, x2, x3]: readonly number[]) => -3 * x0 + 6 * x1 ** 2 + 4 * x2 * x3;
  const x = morrisTrajectories(50, 5, 4, createRng(2024));
  const result = morrisEffects(x, x.map(f));
  const [linear, curved, pairA, pairB, ignored] = result.factors;

  it('finds a linear input with constant effects: mu = -slope sign, mu* = |slope|, sigma 0', () => {
    expect(linear.mu).toBeCloseTo(-3, 12);
    expect(linear.muStar.estimate).toBeCloseTo(3, 12);
    // Δ is 2/3 as 1 - 1/3 or as 2/3 - 0, which differ in the last bit: sigma is 0 up to rounding.
    expect(linear.sigma).toBeLessThan(1e-12);
  });

  it('finds the non-linear and interacting inputs by their spread', () => {
    // 6 x² from x* in {0, 1/3} to x* + 2/3: effects 4 or 8. 4 x2 x3: effects 4 x3, x3 in {0, 1/3, 2/3, 1}.
    expect(curved.sigma).toBeGreaterThan(1);
    expect(pairA.sigma).toBeGreaterThan(0.5);
    expect(pairB.sigma).toBeGreaterThan(0.5);
    expect(curved.muStar.estimate).toBeGreaterThan(4);
    expect(curved.muStar.estimate).toBeLessThan(8);
  });

  it('takes the interval on mu* from resampling the |effects| of each input in turn with createRng(seed)', () => {
    const y = x.map(f);
    const result = morrisEffects(x, y, { seed: 5, resamples: 300, confidence: 0.8 });
    // Each input's |effects| in trajectory order: row s -> s + 1 of trajectory t moves the input that changed.
    const effects = Array.from({ length: 5 }, (): number[] => []);
    for (let t = 0; t < 50; t++) {
      for (let s = 0; s < 5; s++) {
        const before = x[t * 6 + s];
        const after = x[t * 6 + s + 1];
        const i = before.findIndex((v, q) => v !== after[q]);
        effects[i].push(Math.abs((y[t * 6 + s + 1] - y[t * 6 + s]) / (after[i] - before[i])));
      }
    }
    const rng = createRng(5);
    effects.forEach((list, i) => {
      const means = Array.from({ length: 300 }, () => {
        const picked = drawResample(rng, list.length);
        return picked.reduce((sum, p) => sum + list[p], 0) / picked.length;
      });
      const [low, high] = percentileInterval(means, 0.8);
      expect(result.factors[i].muStar.ci[0]).toBeCloseTo(low, 10);
      expect(result.factors[i].muStar.ci[1]).toBeCloseTo(high, 10);
    });
  });

  it('gives the same intervals for the same seed and others for another', () => {
    const y = x.map(f);
    const one = morrisEffects(x, y, { seed: 9, resamples: 200 });
    expect(morrisEffects(x, y, { seed: 9, resamples: 200 })).toEqual(one);
    const other = morrisEffects(x, y, { seed: 10, resamples: 200 });
    expect(other.factors.map((factor) => factor.muStar.estimate)).toEqual(one.factors.map((factor) => factor.muStar.estimate));
    expect(other.factors[1].muStar.ci).not.toEqual(one.factors[1].muStar.ci);
  });

  it('finds the ignored input without effect', () => {
    expect(ignored).toEqual({ mu: 0, muStar: { estimate: 0, ci: [0, 0] }, sigma: 0, effects: 50 });
  });

  it('ranks the inputs by mu*: non-linear, linear, the interacting pair, the ignored one', () => {
    const order = result.factors.map((factor, i) => [factor.muStar.estimate, i]).sort((a, b) => b[0] - a[0]);
    expect(order.map(([, i]) => i).slice(0, 2)).toEqual([1, 0]);
    expect(new Set(order.slice(2, 4).map(([, i]) => i))).toEqual(new Set([2, 3]));
    expect(order[4][1]).toBe(4);
    expect(result).toMatchObject({ k: 5, trajectories: 50, dropped: 0 });
    for (const factor of result.factors) {
      expect(factor.muStar.ci[0]).toBeLessThanOrEqual(factor.muStar.estimate);
      expect(factor.muStar.ci[1]).toBeGreaterThanOrEqual(factor.muStar.estimate);
    }
  });
});

describe('morrisEffects: refusals', () => {
  it('refuses x and y of different lengths, and no rows', () => {
    expect(() => morrisEffects(X, Y.slice(1))).toThrow(/6 rows of inputs but 5 outputs/);
    expect(() => morrisEffects([], [])).toThrow(/at least one trajectory/);
    expect(() => morrisEffects([[]], [1])).toThrow(/at least one input/);
  });

  it('refuses rows that are not whole trajectories or not Morris steps', () => {
    expect(() => morrisEffects(X.slice(0, 4), Y.slice(0, 4))).toThrow(/4 rows are not whole trajectories of k \+ 1 = 3 rows/);
    expect(() =>
      morrisEffects(
        [
          [0, 0],
          [1, 1],
          [1, 0],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/changes 2 factors, not one: not a Morris design/);
  });

  it('refuses rows of different lengths, inputs or outputs that are not finite', () => {
    expect(() => morrisEffects([[0, 0], [1], [1, 1]], [1, 2, 3])).toThrow(/row 1 has 1 inputs, row 0 has 2/);
    expect(() =>
      morrisEffects(
        [
          [0, NaN],
          [1, NaN],
          [1, 1],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/row 0 holds NaN: Morris trajectories need finite inputs/);
    expect(() => morrisEffects(X, [1, 3, Infinity, 5, 7, 9])).toThrow(/output 2 is Infinity/);
  });

  it('refuses an input left without any effect', () => {
    // y[2] and y[5] missing: input 1's steps (rows 1 -> 2 and 4 -> 5) both lose an end.
    expect(() => morrisEffects(X, [1, 3, NaN, 5, 7, NaN])).toThrow(/input 1 has no elementary effect/);
  });

  it('refuses bad bootstrap options', () => {
    expect(() => morrisEffects(X, Y, { confidence: 2 })).toThrow(/confidence must be between 0 and 1/);
  });
});
