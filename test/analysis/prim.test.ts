// PRIM: one peel and one paste worked by hand, a planted box found in noisy data, covering that finds a second box and
// stops when it should, and refusals.
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, prim, type PrimBox } from '../../src/analysis/prim.ts';
import { createRng } from '../../src/random.ts';

/** Returns n points uniform in [0, 1]^k, then one outcome per point, true with probability p(point). */
function plant(n: number, k: number, seed: number, p: (x: readonly number[]) => number): { x: number[][]; y: boolean[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
  return { x, y: x.map((point) => rng() < p(point)) };
}

const near = (box: PrimBox, input: number, [low, high]: readonly [number, number], within: number) => {
  expect(Math.abs(box.limits[input][0] - low)).toBeLessThan(within);
  expect(Math.abs(box.limits[input][1] - high)).toBeLessThan(within);
};

describe('prim: one peel and one paste by hand', () => {
  // Ten points (x0 = i, x1 below), seven with the outcome. peelAlpha 0.2: with 10 points, h = 9 × 0.2 = 1.8, so a low
  // peel removes the two lowest values and a high peel (h = 7.2) the two highest:
  //   x0 low removes i0, i1 (both true): 5/8;  x0 high removes i8, i9 (both true): 5/8
  //   x1 low removes x1 = 0, 1 (i3, i5, both true): 5/8;  x1 high removes x1 = 9, 8 (i2 false, i6 true): 6/8, the best.
  // minMass 0.7 stops there: the next peel would leave 6 of 10. Pasting (pasteAlpha 0.01: one point) takes back
  // x1 = 8 (i6, true): 7/9 > 6/8; then x1 = 9 (i2, false) would give 7/10, lower, so it stops.
  const x1 = [5, 3, 9, 0, 7, 1, 8, 2, 6, 4];
  const x = x1.map((v, i) => [i, v]);
  const y = [1, 1, 0, 1, 0, 1, 1, 0, 1, 1];
  const result = prim(x, y, { peelAlpha: 0.2, minMass: 0.7 });
  const [{ steps, chosen, box }] = result.boxes;

  it('starts from the full box at the base rate', () => {
    expect(result).toMatchObject({ n: 10, positives: 7, density: 0.7 });
    expect(result.boxes).toHaveLength(1);
    expect(steps[0]).toEqual({
      limits: [
        [0, 9],
        [0, 9],
      ],
      restricted: [false, false],
      quasiP: [null, null],
      count: 10,
      positives: 7,
      mass: 1,
      coverage: 1,
      density: 0.7,
    });
  });

  it('peels the side that leaves the densest box, and stops at minMass', () => {
    expect(steps).toHaveLength(2);
    expect(steps[1]).toEqual({
      limits: [
        [0, 9],
        [0, 7],
      ],
      restricted: [false, true],
      // Lifting the limit gives the full box (7 of 10): P(X >= 6) for X ~ Binomial(8, 0.7), worked by hand.
      quasiP: [null, expect.closeTo(0.55177381, 8)],
      count: 8,
      positives: 6,
      mass: 0.8,
      coverage: 6 / 7,
      density: 0.75,
    });
    expect(chosen).toBe(1);
  });

  it('pastes back the nearest point while that raises the density', () => {
    expect(box).toEqual({
      limits: [
        [0, 9],
        [0, 8],
      ],
      restricted: [false, true],
      // P(X >= 7) for X ~ Binomial(9, 0.7), worked by hand.
      quasiP: [null, expect.closeTo(0.462831166, 8)],
      count: 9,
      positives: 7,
      mass: 0.9,
      coverage: 1,
      density: 7 / 9,
    });
  });

  it('breaks a tie in density by the points kept, then by input and side', () => {
    // All true: every peel keeps density 1. x = 0, 0, 1..9: the low peel (h = 0.5, cut 0) removes both zeros, the high
    // one (cut 8.5) only the 9, so the high one keeps more.
    const ties = prim(
      [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => [v]),
      new Array(11).fill(true),
    );
    expect(ties.boxes[0].steps[1].limits).toEqual([[0, 8]]);
    // Two equal inputs: four peels of one point each, all alike; the first, input 0 from below, is taken, and only
    // input 0 is restricted, though the points left now start at 1 on both.
    const twins = prim(
      Array.from({ length: 10 }, (_, i) => [i, i]),
      new Array(10).fill(true),
    );
    expect(twins.boxes[0].steps[1]).toMatchObject({
      limits: [
        [1, 9],
        [1, 9],
      ],
      restricted: [true, false],
    });
  });

  it('pastes only what raises the density, not what keeps it', () => {
    // x = 0..19, all true but x = 0. peelAlpha 0.1 (h = 1.9) removes x = 0 and 1: 18/18. Pasting back x = 1 would keep
    // the density at 1, so the box stays [2, 19].
    const result = prim(
      Array.from({ length: 20 }, (_, i) => [i]),
      Array.from({ length: 20 }, (_, i) => i > 0),
      { peelAlpha: 0.1 },
    );
    const [{ steps, chosen, box }] = result.boxes;
    expect(steps[1].limits).toEqual([[2, 19]]);
    expect(chosen).toBe(1);
    expect(box).toEqual(steps[1]);
  });

  it('reads numbers as outcomes: non-zero holds', () => {
    expect(
      prim(
        x,
        y.map((v) => v * 3),
        { peelAlpha: 0.2, minMass: 0.7 },
      ),
    ).toEqual(result);
    expect(prim(x, y.map(Boolean), { peelAlpha: 0.2, minMass: 0.7 })).toEqual(result);
  });
});

describe('prim: a planted box', () => {
  // 2000 points in [0, 1]^5; the outcome holds with probability 0.9 where x0 is in [0.2, 0.6] and x1 in [0.5, 0.9]
  // (16% of the points), 0.1 elsewhere. The planted box then holds about 288 of some 456 points with the outcome, so
  // it covers at most about 63% of them.
  const { x, y } = plant(2000, 5, 1, ([x0, x1]) => (x0 >= 0.2 && x0 <= 0.6 && x1 >= 0.5 && x1 <= 0.9 ? 0.9 : 0.1));
  const result = prim(x, y, { minCoverage: 0.6 });
  const [trajectory] = result.boxes;

  it('finds the planted box on x0 and x1 only', () => {
    const { box } = trajectory;
    expect(box.restricted).toEqual([true, true, false, false, false]);
    near(box, 0, [0.2, 0.6], 0.05);
    near(box, 1, [0.5, 0.9], 0.05);
    expect(box.density).toBeGreaterThan(0.8);
    expect(box.coverage).toBeGreaterThan(0.6);
  });

  it('finds it with the default minCoverage too, deeper inside', () => {
    // Asking only half the positives lets PRIM peel on inside the planted box, where a peel of any input removes
    // points at random: it may then restrict other inputs by a sliver too.
    const [{ box }] = prim(x, y).boxes;
    expect(box.restricted.slice(0, 2)).toEqual([true, true]);
    near(box, 0, [0.2, 0.6], 0.05);
    near(box, 1, [0.5, 0.9], 0.05);
    expect(box.density).toBeGreaterThan(0.8);
    expect(box.coverage).toBeGreaterThanOrEqual(0.5);
  });

  it('tells the planted limits from the slivers by their quasi-p-values', () => {
    // Lifting a planted limit lets in points at the 0.1 rate: the box's density could not arise by chance. Lifting a
    // sliver cut at random adds points at the box's own density: nothing to tell apart.
    const [{ box }] = prim(x, y).boxes;
    expect(box.quasiP[0]).toBeLessThan(1e-6);
    expect(box.quasiP[1]).toBeLessThan(1e-6);
    const slivers = box.restricted.flatMap((restricted, j) => (restricted && j >= 2 ? [box.quasiP[j] as number] : []));
    expect(slivers.length, 'this data gives slivers to tell apart').toBeGreaterThan(0);
    for (const p of slivers) expect(p).toBeGreaterThan(0.05);
  });

  it('peels from the base rate, each step removing about peelAlpha of the box, coverage never rising', () => {
    const { steps } = trajectory;
    expect(steps[0]).toMatchObject({ count: 2000, mass: 1, coverage: 1, restricted: [false, false, false, false, false] });
    expect(steps[0].density).toBe(result.density);
    expect(result.density).toBe(y.filter(Boolean).length / 2000);
    for (let s = 1; s < steps.length; s++) {
      const removed = steps[s - 1].count - steps[s].count;
      expect(Math.abs(removed - 0.05 * steps[s - 1].count)).toBeLessThanOrEqual(1);
      expect(steps[s].coverage).toBeLessThanOrEqual(steps[s - 1].coverage);
    }
    // The last box holds at least minMass; the next peel (floor((m - 1) × 0.05) + 1 points, no ties) would not.
    const last = steps[steps.length - 1];
    expect(last.mass).toBeGreaterThanOrEqual(0.05);
    expect((last.count - Math.floor((last.count - 1) * 0.05) - 1) / 2000).toBeLessThan(0.05);
  });

  it('picks the densest box of the trajectory with enough coverage, the earlier on a tie, then only pastes up', () => {
    const { steps, chosen, box } = trajectory;
    expect(steps[chosen].coverage).toBeGreaterThanOrEqual(0.6);
    steps.forEach((step, s) => {
      if (step.coverage < 0.6) return;
      if (s < chosen) expect(step.density).toBeLessThan(steps[chosen].density);
      else expect(step.density).toBeLessThanOrEqual(steps[chosen].density);
    });
    expect(box.count).toBeGreaterThanOrEqual(steps[chosen].count);
    expect(box.density).toBeGreaterThanOrEqual(steps[chosen].density);
  });

  it('is deterministic', () => {
    expect(prim(x, y, { minCoverage: 0.6 })).toEqual(result);
  });
});

describe('prim: covering', () => {
  it('finds a second planted box among the points outside the first', () => {
    // The outcome holds exactly in box A (x0 in [0.2, 0.6], x1 in [0.5, 0.9]) or box B (x2 in [0.6, 0.95], x3 in
    // [0.05, 0.4]). B alone holds about 27% of the positives, so minCoverage is set below that.
    const inA = ([x0, x1]: readonly number[]) => x0 >= 0.2 && x0 <= 0.6 && x1 >= 0.5 && x1 <= 0.9;
    const inB = ([, , x2, x3]: readonly number[]) => x2 >= 0.6 && x2 <= 0.95 && x3 >= 0.05 && x3 <= 0.4;
    const { x, y } = plant(2000, 5, 1, (point) => (inA(point) || inB(point) ? 1 : 0));
    const result = prim(x, y, { maxBoxes: 2, minCoverage: 0.3 });
    expect(result.boxes).toHaveLength(2);
    const [first, second] = result.boxes.map((trajectory) => trajectory.box);
    near(first, 0, [0.2, 0.6], 0.05);
    near(first, 1, [0.5, 0.9], 0.05);
    near(second, 2, [0.6, 0.95], 0.05);
    near(second, 3, [0.05, 0.4], 0.05);
    expect(second.restricted[2] && second.restricted[3]).toBe(true);
    expect(first.density).toBe(1);
    expect(second.density).toBe(1);
    // The second search starts from the points outside the first box; shares are of all points and all positives.
    expect(result.boxes[1].steps[0].count).toBe(2000 - first.count);
    expect(second.mass).toBe(second.count / 2000);
    expect(second.coverage).toBe(second.positives / result.positives);
    expect(first.coverage + second.coverage).toBeLessThanOrEqual(1);
  });

  // Two groups on two inputs: twelve points at x0 = 1 (x1 = 0..11), all with the outcome; eight at x0 = 0
  // (x1 = 0..7), with it where x1 >= 3. The first box is x0 = 1 (12/12); the second, among the eight, x1 in [3, 7].
  const x = [...Array.from({ length: 12 }, (_, i) => [1, i]), ...Array.from({ length: 8 }, (_, i) => [0, i])];
  const y = [...new Array<boolean>(12).fill(true), ...Array.from({ length: 8 }, (_, i) => i >= 3)];

  it('finds boxes one after another, and stops when no point with the outcome is left', () => {
    const result = prim(x, y, { maxBoxes: 3 });
    expect(result.boxes).toHaveLength(2);
    expect(result.boxes[0].box).toEqual({
      limits: [
        [1, 1],
        [0, 11],
      ],
      restricted: [true, false],
      // Lifting x0's limit gives all 20 points (17 with the outcome): 0.85^12 that 12 of 12 have it by chance.
      quasiP: [expect.closeTo(0.85 ** 12, 12), null],
      count: 12,
      positives: 12,
      mass: 0.6,
      coverage: 12 / 17,
      density: 1,
    });
    expect(result.boxes[1].box).toEqual({
      limits: [
        [0, 0],
        [3, 7],
      ],
      restricted: [false, true],
      // Among the eight points left, lifting x1's limit gives all eight (5 with the outcome): 0.625^5.
      quasiP: [null, expect.closeTo(0.625 ** 5, 12)],
      count: 5,
      positives: 5,
      mass: 0.25,
      coverage: 5 / 17,
      density: 1,
    });
  });

  it('stops when the points left are fewer than minMass of all', () => {
    // minMass 0.45: the eight points left are 40% of all.
    expect(prim(x, y, { maxBoxes: 3, minMass: 0.45 }).boxes).toHaveLength(1);
  });

  it('stops when the box found is no denser than the points it was sought among', () => {
    // The eight points left are all at (0, 0), half with the outcome: no peel can tell them apart.
    const flat = [...x.slice(0, 12), ...new Array(8).fill([0, 0])];
    const outcomes = [...y.slice(0, 12), true, false, true, false, true, false, true, false];
    expect(prim(flat, outcomes, { maxBoxes: 3 }).boxes).toHaveLength(1);
  });

  it('reports the first box even when it beats nothing, and none when no point has the outcome', () => {
    const all = prim(x, new Array(20).fill(true), { maxBoxes: 2 });
    expect(all.boxes).toHaveLength(1);
    expect(all.boxes[0].chosen).toBe(0);
    expect(all.boxes[0].box).toMatchObject({ restricted: [false, false], count: 20, density: 1 });
    expect(prim(x, new Array(20).fill(0))).toEqual({
      n: 20,
      positives: 0,
      density: 0,
      boxes: [],
      settings: { peelAlpha: 0.05, pasteAlpha: 0.01, minMass: 0.05, minCoverage: 0.5, maxBoxes: 1 },
    });
  });
});

describe('binomialUpperTail', () => {
  it.each([
    [3, 5, 0.5, 16 / 32],
    [5, 5, 0.5, 1 / 32],
    [0, 5, 0.3, 1],
    [6, 5, 0.3, 0],
    [1, 4, 0, 0],
    [4, 4, 1, 1],
    [6, 8, 0.7, 0.55177381],
  ])('P(X >= %i) for n = %i, p = %f is %f', (k, n, p, expected) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 8);
  });

  it('stays finite and exact in the tail of a large n', () => {
    // P(X >= 600) for n = 1000, p = 0.5: about 1.4e-10 (normal approximation with continuity correction: 1.5e-10).
    const tail = binomialUpperTail(600, 1000, 0.5);
    expect(tail).toBeGreaterThan(1e-10);
    expect(tail).toBeLessThan(2e-10);
  });
});

describe('prim: refusals', () => {
  const x = [
    [0, 1],
    [1, 0],
  ];
  const y = [true, false];

  it.each([
    [{ peelAlpha: 0 }, /peelAlpha must be between 0 and 0.5, exclusive.*not 0$/],
    [{ peelAlpha: 0.5 }, /peelAlpha must be between 0 and 0.5/],
    [{ pasteAlpha: -0.1 }, /pasteAlpha must be between 0 and 0.5, exclusive.*not -0.1/],
    [{ minMass: 1 }, /minMass must be between 0 and 1, exclusive.*not 1$/],
    [{ minMass: 0 }, /minMass must be between 0 and 1/],
    [{ minCoverage: 1.5 }, /minCoverage must be between 0 and 1.*not 1.5/],
    [{ minCoverage: NaN }, /minCoverage must be between 0 and 1/],
    [{ maxBoxes: 0 }, /maxBoxes must be a positive integer.*not 0/],
    [{ maxBoxes: 1.5 }, /maxBoxes must be a positive integer/],
  ])('refuses the option %o, naming it', (options, message) => {
    expect(() => prim(x, y, options)).toThrow(RangeError);
    expect(() => prim(x, y, options)).toThrow(message);
  });

  it('accepts the edges of minCoverage and undefined options', () => {
    expect(() => prim(x, y, { minCoverage: 0, peelAlpha: undefined })).not.toThrow();
    expect(() => prim(x, y, { minCoverage: 1 })).not.toThrow();
  });

  it('refuses inputs it cannot box', () => {
    expect(() => prim([], [])).toThrow(/at least one point/);
    expect(() => prim(x, [true])).toThrow(/2 rows of inputs but 1 outcomes/);
    expect(() => prim([[], []], y)).toThrow(/at least one input/);
    expect(() => prim([[0, 1], [1]], y)).toThrow(/row 1 has 1 inputs, row 0 has 2/);
    expect(() =>
      prim(
        [
          [0, NaN],
          [1, 0],
        ],
        y,
      ),
    ).toThrow(/row 0 holds NaN: PRIM needs finite inputs/);
    expect(() =>
      prim(
        [
          [0, 1],
          [Infinity, 0],
        ],
        y,
      ),
    ).toThrow(/row 1 holds Infinity/);
    expect(() => prim(x, [1, NaN])).toThrow(/outcome 1 is NaN/);
  });
});
