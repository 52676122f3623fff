// Meeting new contacts (ODD 7.10.2): each organisation meets someone at 1 − e^(−rate (offset + politics) dt) a step,
// through a partner's partner (triadic closure) or someone of its area, and the new tie starts at the area's starting
// trust. Hand-built worlds with scripted draws take each branch on purpose; a seeded one checks the rate over many.
import { describe, expect, it } from 'vitest';
import { meetInPlace } from '../../src/model/meeting.ts';
import { findTie } from '../../src/model/world.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { brokenInvariants } from './invariants.ts';
import { scriptedRng, smallContext, smallWorld, tiedPairs, tieWith } from './small-world.ts';

// Chances a step of meeting someone: 1 − e^(−0.36 × (0.5 + politics) × dt).
const CHANCE = 0.1647298; // politics 0, a year: 1 − e^(−0.18) = 0.16472979
const CHANCE_POLITICS = 0.4172517; // politics 1, a year: 1 − e^(−0.54) = 0.41725175
const CHANCE_MONTH = 0.0148881; // politics 0, a month: 1 − e^(−0.015) = 0.01488806

describe('meetInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    expect(P.meeting).toEqual({ rate: 0.36, politicsOffset: 0.5, triadicShare: 0.5 });
    expect([P.partnerships.startTrust, P.partnerships.startTrustHistory, P.partnerships.startTrustPolitics]).toEqual([0.1, 0.25, 0.1]);
    expect(P.partnerships.newTieStrength).toBe(0.1);
  });

  it('meets someone of its area when its draw falls under the chance, and the tie starts at trust 0.1 and strength 0.1', () => {
    const world = smallWorld(4);
    const rng = scriptedRng([
      ...[CHANCE - 1e-6, 0.6], // 0 meets, and picks member ⌊0.6 × 4⌋ = 2 of its area
      CHANCE + 1e-6, // 1 does not meet
      0.99, // 2 does not (it has a partner now, but draws nothing more)
      ...[0, 0.3], // 3 meets, and picks member ⌊0.3 × 4⌋ = 1
    ]);
    meetInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(tiedPairs(world)).toEqual(['0-2', '1-3']);
    const t = world.ties;
    const slot = findTie(world, 0, 2);
    expect([t.trustAB[slot], t.trustBA[slot], t.leaderAB[slot], t.leaderBA[slot], t.strength[slot]]).toEqual([0.1, 0.1, 0.1, 0.1, 0.1]);
  });

  it.each([
    ['politics 1, a year', 1, 1, CHANCE_POLITICS],
    ['politics 0, a month', 0, 12, CHANCE_MONTH],
  ])('meets more often where politics supports collaboration, and less in a shorter step (%s)', (_, politics, stepsPerYear, chance) => {
    for (const [draw, met] of [
      [chance - 1e-6, true],
      [chance + 1e-6, false],
    ] as const) {
      const world = smallWorld(2);
      // Organisation 0 draws `draw`, then (if it meets) picks member ⌊0.9 × 2⌋ = 1; organisation 1 does not meet.
      const rng = scriptedRng(met ? [draw, 0.9, 0.99] : [draw, 0.99]);
      meetInPlace(world, smallContext(world, rng, { stepsPerYear, levers: { politics } }));
      expect(rng.left()).toBe(0);
      expect(tiedPairs(world)).toEqual(met ? ['0-1'] : []);
    }
  });

  it("closes a triangle through a partner's partner, at the starting trust history and politics give", () => {
    // 0 — 1 — 2 in a line, and 3 alone. History 0.8 and politics 0.5: a new tie starts at 0.1 + 0.25 × 0.8 + 0.1 × 0.5 = 0.35.
    const world = smallWorld(4);
    tieWith(world, 0, 1, 0.6);
    tieWith(world, 1, 2, 0.6);
    const rng = scriptedRng([
      ...[0, 0.49, 0, 0.5], // 0 meets, through a partner (0.49 < 0.5): its tie 0 (to 1), then 1's tie ⌊0.5 × 2⌋ = 1 (to 2)
      ...[0.99, 0.99, 0.99], // 1, 2 and 3 do not meet (chance 1 − e^(−0.36) = 0.302)
    ]);
    meetInPlace(world, smallContext(world, rng, { levers: { history: 0.8, politics: 0.5 } }));
    expect(rng.left()).toBe(0);
    expect(tiedPairs(world)).toEqual(['0-1', '0-2', '1-2']);
    const slot = findTie(world, 0, 2);
    expect(world.ties.trustAB[slot]).toBeCloseTo(0.35, 15);
    expect(world.ties.leaderBA[slot]).toBeCloseTo(0.35, 15);
  });

  it('meets someone of its area instead, even with partners, when its draw is not under the triadic share', () => {
    const world = smallWorld(4);
    tieWith(world, 0, 1, 0.6);
    tieWith(world, 1, 2, 0.6);
    // 0 meets, 0.5 is not under the share 0.5, so it picks member ⌊0.9 × 4⌋ = 3 of its area.
    const rng = scriptedRng([0, 0.5, 0.9, 0.99, 0.99, 0.99]);
    meetInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(tiedPairs(world)).toEqual(['0-1', '0-3', '1-2']);
  });

  it('makes no tie to itself, nor a second one to a partner, whose tie it leaves as it was', () => {
    const world = smallWorld(3);
    const slot = tieWith(world, 0, 1, 0.7);
    tieWith(world, 1, 2, 0.6);
    const rng = scriptedRng([
      ...[0, 0.2, 0, 0], // 0 goes through 1 and lands on 1's tie 0, back to itself
      ...[0, 0.9, 0], // 1 picks member 0 of its area, its partner already
      ...[0, 0.9, 0.7], // 2 picks member ⌊0.7 × 3⌋ = 2, itself
    ]);
    meetInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(tiedPairs(world)).toEqual(['0-1', '1-2']);
    expect([world.ties.trustAB[slot], world.ties.strength[slot]]).toEqual([0.7, 0.1]);
  });

  it('meets by proximity only within its own area, and through a partner across areas', () => {
    // 0 and 1 in area 0, 2 and 3 in area 1; 1 is tied to 2 across the boundary, and 2 to 3.
    const world = smallWorld(4, { area: [0, 0, 1, 1] });
    tieWith(world, 1, 2, 0.5);
    tieWith(world, 2, 3, 0.5);
    const rng = scriptedRng([
      ...[0, 0.9], // 0, with no partner, picks member ⌊0.9 × 2⌋ = 1 of area 0 (of all four it would be 3)
      ...[0, 0, 0, 0.9], // 1 goes through its tie 0 (to 2), then 2's tie ⌊0.9 × 2⌋ = 1 (to 3, in area 1)
      ...[0, 0.9, 0], // 2 picks member 0 of area 1: itself (of all four it would be 0)
      0.99, // 3 does not meet
    ]);
    meetInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(tiedPairs(world)).toEqual(['0-1', '1-2', '1-3', '2-3']);
  });

  it('meets at the chance over many organisations: 2,000 alone, 1 − e^(−0.18) and 1 − e^(−0.54) of them a year', () => {
    // With no partners and no triadic share, each meeting makes a tie unless it picks itself or a pair already met
    // (under 1 in 1,000), so the ties made are binomial: mean 329.5, sd 16.6 at politics 0; 834.5, sd 22.1 at politics 1.
    for (const [politics, low, high] of [
      [0, 255, 405],
      [1, 735, 935],
    ]) {
      const world = smallWorld(2000, { poolSize: 1024 });
      meetInPlace(world, smallContext(world, createRng(7 + politics), { params: { meeting: { triadicShare: 0 } }, levers: { politics } }));
      const made = tiedPairs(world).length;
      expect(made).toBeGreaterThan(low);
      expect(made).toBeLessThan(high);
    }
  });

  it('keeps the world consistent and only adds ties, over years of monthly steps in two areas', () => {
    const world = smallWorld(40, { area: Array.from({ length: 40 }, (_, i) => i % 2) });
    const ctx = smallContext(world, createRng(3), { stepsPerYear: 12, levers: { politics: 0.5 } });
    let before = 0;
    for (let s = 0; s < 60; s++) {
      meetInPlace(world, ctx);
      const pairs = tiedPairs(world);
      expect(pairs.length).toBeGreaterThanOrEqual(before);
      before = pairs.length;
      expect(brokenInvariants(world)).toEqual([]);
    }
    expect(before).toBeGreaterThan(0);
  });
});
