// Interaction (ODD 7.3–7.6): each organisation's effort, resolve and shadow of the future for the step, in closed form;
// on each tie a Poisson number of interactions (the draw against its cumulative distribution), in each a defection
// at 1 / (1 + e^((resolve + w b) / noise)), and the tie's strength along the exact course of ds/dt = g (m − s) − d s.
import { describe, expect, it } from 'vitest';
import { interactInPlace, prepareOrgsInPlace } from '../../src/model/interaction.ts';
import { findTie } from '../../src/model/world.ts';
import { inPartnership, scriptedRng, smallContext, smallWorld, tieWith } from './small-world.ts';

describe('prepareOrgsInPlace', () => {
  it('works with the values the hand-worked values below assume', () => {
    const P = smallContext(smallWorld(1), scriptedRng([])).params;
    expect(P.effort).toMatchObject({ valuesWeight: 1, resourcesWeight: 0.75, complianceWeight: 0.45, firstMembershipCapacity: 0.25 });
    expect(P.effort).toMatchObject({ membershipCapacity: 0.2, continuation: 0.85, nonLocalShadowCut: 0.25 });
    expect(P.interaction).toMatchObject({ informalRate: 3.6, costBase: 0.2, costCapacity: 0.3, decisionNoise: 0.15, benefitBase: 0.45 });
    expect(P.ties).toMatchObject({ strengthGrowth: 0.08, strengthDecay: 0.24, dropStrength: 0.04, graceYears: 0.5 });
  });

  it('sets effort, resolve and shadow of the future by their closed forms', () => {
    const world = smallWorld(3);
    const o = world.orgs;
    // 0, in no partnership: motives values 0.6, resources 0.4; capacity 0.5, trustworthiness 0.4.
    o.motValues[0] = 0.6;
    o.motResources[0] = 0.4;
    o.capacity[0] = 0.5;
    o.trustworthiness[0] = 0.4;
    // 1, in two partnerships with 2, committed to each 0.25: values its whole motive; capacity 0.3; funding 0.4 of its
    // benefit, expected to continue half as long; in a trust all of whose other schools are in other areas (remote 1).
    for (let k = 0; k < 2; k++) world.roles.commitment[world.partnerships[inPartnership(world, [1, 2])].roles[0]] = 0.25;
    o.motValues[1] = 1;
    o.capacity[1] = 0.3;
    o.fundDependence[1] = 0.4;
    o.remote[1] = 1;
    o.betrayed.fill(5);
    o.rewarded.fill(5);
    const ctx = smallContext(world, scriptedRng([]));
    ctx.fundHorizon = 0.5;
    prepareOrgsInPlace(world, ctx);
    // 0: mix 1 × 0.6 + 0.75 × 0.4 = 0.9; stretch min(1, 0.5 / 0.25) = 1; effort 0.9 on informal ties and in partnerships
    // alike (committed 1 in none); resolve 0.4 − 0.2 − 0.3 × (1 − 0.5) = 0.05; shadow 0.85.
    expect([o.stretch[0], o.effort[0], o.effortShared[0], o.resolve[0], o.shadow[0]].map((x) => +x.toFixed(12))).toEqual([
      1, 0.9, 0.9, 0.05, 0.85,
    ]);
    // 1: mix 1; capacity 0.3 × (1 − 0.3 × 1) = 0.21, its trust directing the rest; stretch 0.21 / (0.25 + 0.2 × 2);
    // effort the same; in its partnerships (0.25 × 1 + 0.75 × 0.45) × 0.21 / 0.65; resolve 0 − 0.2 − 0.3 × 0.7 = −0.41;
    // shadow (0.6 × 0.85 + 0.4 × 0.5) × (1 − 0.25 × 1) = 0.5325.
    expect(o.stretch[1]).toBeCloseTo(0.21 / 0.65, 12);
    expect(o.effort[1]).toBeCloseTo(0.21 / 0.65, 12);
    expect(o.effortShared[1]).toBeCloseTo((0.5875 * 0.21) / 0.65, 12);
    expect(o.resolve[1]).toBeCloseTo(-0.41, 12);
    expect(o.shadow[1]).toBeCloseTo(0.5325, 12);
    expect([...o.betrayed, ...o.rewarded]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('interactInPlace', () => {
  /** Two organisations of capacity 1, values their whole motive (effort 1) and trustworthiness 0.2 (resolve 0), tied
   * informally at trust 0.4 and strength 0.1 (age 1 year unless given). */
  function pair(strength = 0.1, age = 1) {
    const world = smallWorld(2, { every: { capacity: 1, motValues: 1, trustworthiness: 0.2 } });
    const slot = tieWith(world, 0, 1, 0.4, 0.4, strength);
    world.ties.age[slot] = age;
    return { world, slot };
  }

  it.each([
    // Expected interactions a year: 3.6 × strength 0.1 = 0.36. P(0) = e^(−0.36) = 0.697676, P(≤ 1) = 0.948840, P(≤ 2) = 0.994049.
    [0.69, 0],
    [0.7, 1],
    [0.95, 2],
  ])('draws the number of interactions against the Poisson distribution (draw %s: %s), and two draws for each', (u, k) => {
    const { world, slot } = pair();
    const rng = scriptedRng([u, ...new Array<number>(2 * k).fill(0.99)]);
    const ctx = smallContext(world, rng);
    prepareOrgsInPlace(world, ctx);
    expect(interactInPlace(world, ctx, [])).toBe(1);
    expect(rng.left()).toBe(0);
    expect(world.ties.interactions[slot]).toBe(k);
    expect([world.orgs.rewarded[0], world.orgs.rewarded[1], world.orgs.betrayed[0], world.orgs.betrayed[1]]).toEqual([k, k, 0, 0]);
  });

  it('has a side defect when its draw times the odds 1 + e^((0 + 0.1 × 0.45) / 0.15) = 2.349859 is under 1', () => {
    // Draws: one interaction (0.7), A's 0.4256 (0.4256 × 2.349859 = 1.00010: A does not defect; with no shadow of the
    // future, odds 2, it would), B's 0.4255 (0.99987: B defects).
    const { world, slot } = pair();
    const rng = scriptedRng([0.7, 0.4256, 0.4255]);
    const ctx = smallContext(world, rng);
    prepareOrgsInPlace(world, ctx);
    interactInPlace(world, ctx, []);
    expect(rng.left()).toBe(0);
    const o = world.orgs;
    expect([o.betrayed[0], o.betrayed[1], o.rewarded[0], o.rewarded[1]]).toEqual([1, 0, 0, 1]);
    // A saw nothing from B (signal tanh(4 (0 − 0.5)) < 0): its trust in B falls; B saw A's effort 1 against 0.5 expected.
    const t = world.ties;
    expect(t.trustAB[slot]).toBeLessThan(0.4);
    expect(t.leaderAB[slot]).toBeLessThan(0.4);
    expect(t.trustBA[slot]).toBeGreaterThan(0.4);
    expect(t.damageAB[slot]).toBeGreaterThan(0);
    expect(t.damageBA[slot]).toBe(0);
  });

  it.each([
    // A year: g = −ln(1 − 0.08) × 0.36 = 0.030017, d = 0.24: settled 0.030017 × 0.4 / 0.270017 = 0.044467, and
    // s = 0.044467 + (0.1 − 0.044467) e^(−0.270017) = 0.086859.
    [1, 0.0868590946],
    // A quarter: g = 0.083382 × 0.09 = 0.0075044, d = 0.06: settled the same, s = 0.044467 + 0.055533 e^(−0.0675044) = 0.096375.
    [4, 0.0963750305],
  ])('moves an idle tie’s strength along the exact course towards the pair’s trust, fading (%s steps a year)', (stepsPerYear, after) => {
    const { world, slot } = pair();
    const ctx = smallContext(world, scriptedRng([0.5]), { stepsPerYear });
    prepareOrgsInPlace(world, ctx);
    interactInPlace(world, ctx, []);
    expect(world.ties.strength[slot]).toBeCloseTo(after, 9);
    expect(world.ties.trustAB[slot]).toBe(0.4);
    expect(world.ties.age[slot]).toBe(1 + 1 / stepsPerYear);
  });

  it('lists a faded tie outside any partnership for dropping, once past its half-year of grace', () => {
    for (const [age, shared, listed] of [
      [1, false, true],
      [0.25, false, false], // a quarter later it is half a year old: not past the grace
      [1, true, false],
    ] as const) {
      const { world, slot } = pair(0.01, age);
      // Shared, and with no trust left to hold the tie's strength up, it fades below 0.04 but stays.
      if (shared) {
        inPartnership(world, [0, 1]);
        for (const field of ['trustAB', 'trustBA', 'leaderAB', 'leaderBA'] as const) world.ties[field][slot] = 0;
      }
      const drop: number[] = [];
      const ctx = smallContext(world, scriptedRng([0]), { stepsPerYear: 4 });
      prepareOrgsInPlace(world, ctx);
      interactInPlace(world, ctx, drop);
      expect(drop).toEqual(listed ? [findTie(world, 0, 1)] : []);
      expect(slot).toBe(findTie(world, 0, 1));
    }
  });
});
