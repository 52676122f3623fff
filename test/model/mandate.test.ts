// The stick (ODD 7.10.6): at 1 − e^(−1.8 stick dt) a step an authority goes round its area from a random start and
// takes each organisation in no partnership at chance 0.5, up to 8, into a mandated partnership it convenes, if it
// took at least two. Hand-built areas with scripted draws take each branch on purpose; seeded ones check the chances.
import { describe, expect, it } from 'vitest';
import { mandateInPlace } from '../../src/model/mandate.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { brokenInvariants } from './invariants.ts';
import { inPartnership, memberTieDraws, scriptedRng, smallContext, smallWorld } from './small-world.ts';

// Chances a step that an authority mandates a partnership: 1 − e^(−1.8 × stick × dt).
const CHANCE = 0.8347011; // stick 1, a year: 1 − e^(−1.8) = 0.83470111
const CHANCE_QUARTER = 0.2014838; // stick 0.5, a quarter: 1 − e^(−0.225) = 0.20148378

describe('mandateInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    expect(P.mandate).toEqual({ rate: 1.8, size: 8, takeChance: 0.5 });
    expect([P.partnerships.fundedAbove, P.partnerships.newMemberTies]).toEqual([0.05, 5]);
  });

  it('goes round the area from a random start, taking each organisation in no partnership at its chance', () => {
    // Authority 0; 3 and 6 are partners already. Start ⌊0.4 × 7⌋ = 2: the round is 2, 3, 4, 5, 6, 0, 1.
    const world = smallWorld(7, { authorities: [0] });
    inPartnership(world, [3, 6]);
    const rng = scriptedRng([
      CHANCE - 1e-6, // the authority mandates
      0.4, // the start
      0.3, // 2: taken (0.3 < 0.5)
      // 3: a partner already, no draw
      0.7, // 4: not taken
      0.1, // 5: taken
      // 6: a partner already; 0: the authority itself
      0.5, // 1: not taken (0.5 is not under 0.5)
      0.2, // principles: not set out (the lever is 0)
      ...memberTieDraws(3),
    ]);
    const ctx = smallContext(world, rng, { levers: { stick: 1 } });
    mandateInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toHaveLength(2);
    const p = world.partnerships[1];
    expect({ members: p.members, lead: p.lead, mandate: p.mandate, funded: p.funded, principles: p.principles, la: p.laInvolved }).toEqual({
      members: [0, 2, 5],
      lead: 2, // of equal standing (no experience, no power), the first listed that is not the authority
      mandate: 'mandated',
      funded: false,
      principles: false,
      la: true,
    });
    // No one chose to join: every member but the authority that convenes it starts uncommitted.
    expect(p.roles.map((r) => world.roles.commitment[r])).toEqual([1, 0, 0]);
    expect(ctx.events).toEqual([{ step: 1, kind: 'formed', partnership: 1, organisations: [0, 2, 5], cause: 'mandate' }]);
    expect(ctx.formed).toBe(1);
    expect(Array.from(world.orgs.memberships)).toEqual([1, 0, 1, 1, 0, 1, 1]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it('does nothing when its draw is not under the chance, and forms nothing with fewer than two taken', () => {
    const world = smallWorld(4, { authorities: [0] });
    const missed = scriptedRng([CHANCE + 1e-6]);
    mandateInPlace(world, smallContext(world, missed, { levers: { stick: 1 } }));
    expect(missed.left()).toBe(0);
    // Start 0: the authority, then 1 (0.9: not taken), 2 (0.2: taken), 3 (0.6: not taken); no principles drawn.
    const one = scriptedRng([0, 0, 0.9, 0.2, 0.6]);
    mandateInPlace(world, smallContext(world, one, { levers: { stick: 1 } }));
    expect(one.left()).toBe(0);
    expect(world.partnerships).toEqual([]);
  });

  it('takes at most 8 besides the authority, and stops going round once it has them', () => {
    // 12 organisations and the authority, every draw 0: it takes 1 to 8, then stops; no draw for 9 to 12.
    const world = smallWorld(13, { authorities: [0] });
    const rng = scriptedRng([0, 0, ...new Array<number>(8).fill(0), 0, ...memberTieDraws(9)]);
    mandateInPlace(world, smallContext(world, rng, { levers: { stick: 1 } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships[0].members).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it.each([
    [0.05, 0.29, false, true],
    [0.06, 0.3, true, false],
  ])(
    'is funded when the carrot (%s) is above 0.05, and sets out principles at the lever’s chance 0.3 (draw %s)',
    (carrot, draw, funded, principles) => {
      const world = smallWorld(3, { authorities: [0] });
      const rng = scriptedRng([0, 0, 0, 0, draw, ...memberTieDraws(3)]);
      mandateInPlace(world, smallContext(world, rng, { levers: { stick: 1, carrot, principles: 0.3 } }));
      expect(rng.left()).toBe(0);
      const p = world.partnerships[0];
      expect([p.mandate, p.funded, p.principles]).toEqual(['mandated', funded, principles]);
    },
  );

  it('mandates in each area on its own, its own authority convening', () => {
    // Area 0: authority 0 and 1 to 3, which it does not mandate this step; area 1: authority 4, and 5 and 6, both taken.
    const world = smallWorld(7, { area: [0, 0, 0, 0, 1, 1, 1], authorities: [0, 4] });
    const rng = scriptedRng([0.9, 0, 0, 0, 0, 0, ...memberTieDraws(3)]);
    mandateInPlace(world, smallContext(world, rng, { levers: { stick: 1 } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => [p.area, p.lead, p.members])).toEqual([[1, 5, [4, 5, 6]]]);
  });

  it('mandates at the chance in a shorter step', () => {
    // The edge at stick 0.5 a quarter, with two organisations and the authority: both taken (draws 0) or none tried.
    for (const [draw, formed] of [
      [CHANCE_QUARTER - 1e-6, 1],
      [CHANCE_QUARTER + 1e-6, 0],
    ]) {
      const world = smallWorld(3, { authorities: [0] });
      const rng = scriptedRng(formed ? [draw, 0, 0, 0, 0, ...memberTieDraws(3)] : [draw]);
      mandateInPlace(world, smallContext(world, rng, { stepsPerYear: 4, levers: { stick: 0.5 } }));
      expect(rng.left()).toBe(0);
      expect(world.partnerships).toHaveLength(formed);
    }
  });

  it('mandates at the chance over many areas, and never without the stick', () => {
    // Over 2,000 areas of two organisations that would always be taken, at stick 1 a quarter: binomial with chance
    // 1 − e^(−0.45) = 0.3624, mean 724.7, sd 21.5; and none at stick 0.
    for (const [stick, low, high] of [
      [1, 630, 820],
      [0, -1, 1],
    ]) {
      const ctx = smallContext(smallWorld(1), createRng(5), { stepsPerYear: 4, params: { mandate: { takeChance: 1 } }, levers: { stick } });
      let formed = 0;
      for (let k = 0; k < 2000; k++) {
        const world = smallWorld(3, { authorities: [0] });
        mandateInPlace(world, ctx);
        formed += world.partnerships.length;
      }
      expect(formed).toBeGreaterThan(low);
      expect(formed).toBeLessThan(high);
    }
  });

  it('takes half of those it goes round', () => {
    // 300 areas of 20 organisations with no cap: each taken at 0.5, so 10 a partnership on average (sd of the mean 0.13).
    const ctx = smallContext(smallWorld(1), createRng(6), { params: { mandate: { rate: 1000, size: 100 } }, levers: { stick: 1 } });
    let taken = 0;
    for (let k = 0; k < 300; k++) {
      const world = smallWorld(21, { authorities: [0] });
      mandateInPlace(world, ctx);
      taken += world.partnerships[0].members.length - 1;
      if (k < 10) expect(brokenInvariants(world)).toEqual([]);
    }
    expect(taken / 300).toBeGreaterThan(9.5);
    expect(taken / 300).toBeLessThan(10.5);
  });
});
