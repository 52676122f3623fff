// Brokerage (ODD 7.10.5): at 1 − e^(−1.5 support (0.5 + politics) dt) a step, an authority's officers aim for 2 to 4
// organisations, think of two at a time and approach the one whose values are closer to the last they convened,
// introduce it (a tie at the starting trust plus 0.1 support), and it accepts if it scores the authority above 0.3 and
// expects membership to pay; with at least two, the authority convenes them. Scripted draws take each branch on purpose.
import { describe, expect, it } from 'vitest';
import { brokerInPlace } from '../../src/model/brokerage.ts';
import { findTie } from '../../src/model/world.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { brokenInvariants } from './invariants.ts';
import { inPartnership, memberTieDraws, scriptedRng, smallContext, smallWorld, tiedPairs, tieWith } from './small-world.ts';

// Capacity 1 gives room for 1 + ⌊3 × 1⌋ = 4 partnerships; trust weight 1 (and no leader experience) makes the score an
// organisation gives a partner its trust in it. Every other field is 0: power, culture, norms, motives, exposure.
const SCHOOLS = { capacity: 1, trustWeight: 1 };

// Chances a step that an authority brokers: 1 − e^(−1.5 × support × (0.5 + politics) × dt).
const CHANCE = 0.5276334; // support 1, politics 0, a year: 1 − e^(−0.75)
const CHANCE_POLITICS = 0.8946008; // support 1, politics 1, a year: 1 − e^(−2.25)
const CHANCE_QUARTER = 0.0894896; // support 0.5, politics 0, a quarter: 1 − e^(−0.09375)

// What an organisation of these fields with no other partnership expects of a convened partnership of m members when
// its trust in the authority (its only tie there) is t, support 1, politics 0, with no funding, stick or competition:
//   social 2 t (0.4 + 0) + resource 0.4 (0.3 + 0) (0 − 0 + 0.2) − coordination 0.15 √(m/3) (1 − 0.25) 1.2
//   − capacity 0.05 × 1 / 1 − values 0.6 (0.6 |norms gap| + 0.4 |culture gap|)
// = 0.8 t + 0.024 − 0.110227 (m = 2) or 0.135 (m = 3) − 0.05 − values.

/** The draws of an authority that aims at two (draw 0) and thinks of these pairs, the picks ⌊u × n⌋ of its area. */
const aimingAtTwo = (...pairs: [number, number][]) => [0, ...pairs.flat()];

describe('brokerInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    const { rate, politicsOffset, sizeMin, sizeSpread, triesPerInvitee, trustBoost } = P.brokerage;
    expect({ rate, politicsOffset, sizeMin, sizeSpread, triesPerInvitee, trustBoost }).toEqual({
      rate: 1.5,
      politicsOffset: 0.5,
      sizeMin: 2,
      sizeSpread: 3,
      triesPerInvitee: 3,
      trustBoost: 0.1,
    });
    expect([P.partnerships.acceptScore, P.partnerships.capacityBase, P.partnerships.capacityScale]).toEqual([0.3, 1, 3]);
    expect([P.membership.socialBenefit, P.membership.coordinationCost, P.membership.supportRelief, P.membership.valuesCost]).toEqual([
      2, 0.15, 0.25, 0.6,
    ]);
  });

  it('approaches, of two it thinks of, the one whose values are closer to the last it convened, and convenes those who accept', () => {
    // Authority 0 (norms 0.5); 1 to 4 with norms 0.9, 0.3, 0.6, 0.05, each trusting it 0.6.
    const world = smallWorld(5, { authorities: [0], every: SCHOOLS });
    world.orgs.norms.set([0.5, 0.9, 0.3, 0.6, 0.05]);
    for (let j = 1; j < 5; j++) tieWith(world, j, 0, 0.6);
    const rng = scriptedRng([
      CHANCE - 1e-6, // it brokers
      0, // aiming at 2 + ⌊0 × 3⌋ = 2
      ...[0.3, 0.5], // 1 (0.9) or 2 (0.3), against the authority's 0.5: 2; it accepts (net 0.48 + 0.024 − 0.110 − 0.05 − 0.072 = 0.272)
      ...[0.7, 0.9], // 3 (0.6) or 4 (0.05), against 2's 0.3: 4 (against the authority's 0.5 it would be 3); it accepts (0.193)
      0, // principles: not set out (the lever is 0)
      ...memberTieDraws(3),
    ]);
    const ctx = smallContext(world, rng, { levers: { support: 1 } });
    brokerInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toHaveLength(1);
    const p = world.partnerships[0];
    expect({ members: p.members, lead: p.lead, mandate: p.mandate, funded: p.funded, principles: p.principles, la: p.laInvolved }).toEqual({
      members: [0, 2, 4],
      lead: 2, // of equal standing (no experience, no power), the first listed that is not the authority
      mandate: 'voluntary',
      funded: false,
      principles: false,
      la: true,
    });
    expect(p.roles.map((r) => world.roles.commitment[r])).toEqual([1, 1, 1]);
    expect(ctx.events).toEqual([{ step: 1, kind: 'formed', partnership: 0, organisations: [0, 2, 4], cause: 'broker' }]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it.each([
    // History 0: introductions at 0.1 + 0.1 × support 1 = 0.2, a score under 0.3: both decline, and nothing forms.
    [0, 0.2, false],
    // History 0.8: at 0.1 + 0.25 × 0.8 + 0.1 = 0.4, both accept (nets 0.32 + 0.024 − 0.110 − 0.05 = 0.184 and 0.159).
    [0.8, 0.4, true],
  ])('introduces those it approaches, at history %s at trust %s, whether or not they accept', (history, trust, formed) => {
    const world = smallWorld(3, { authorities: [0], every: SCHOOLS });
    // Norms all equal: of two it thinks of, the first. It thinks of 1 (⌊0.4 × 3⌋), then 2 (⌊0.7 × 3⌋), then only itself.
    const draws = formed
      ? [0, ...aimingAtTwo([0.4, 0], [0.7, 0]), 0, ...memberTieDraws(3)]
      : [0, ...aimingAtTwo([0.4, 0], [0.7, 0], [0, 0], [0, 0], [0, 0], [0, 0])];
    const rng = scriptedRng(draws);
    brokerInPlace(world, smallContext(world, rng, { levers: { support: 1, history } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => p.members)).toEqual(formed ? [[0, 1, 2]] : []);
    const slot = findTie(world, 0, 1);
    const t = world.ties;
    for (const value of [t.trustAB[slot], t.trustBA[slot], t.leaderAB[slot], t.leaderBA[slot]]) expect(value).toBeCloseTo(trust, 15);
    expect(tiedPairs(world)).toEqual(formed ? ['0-1', '0-2', '1-2'] : ['0-1', '0-2']);
  });

  it('offers what the carrot offers now (incentivised and funded above 0.05), with principles at the lever’s chance', () => {
    // As above at history 0.8 (trust 0.4), with principles 1 (any draw is under it) and carrot 0.5. Organisation 1 has
    // culture 1: unfunded it would expect 0.32 + 0.024 − 0.110 − 0.05 − 0.6 × 0.4 × 1 = −0.056 and decline; funded, the
    // activities add 0.5 × 0.5 × 1 × 0.4 × (0.5 + 0) = 0.05 and funding pays half the coordination: 0.049, and it accepts.
    const world = smallWorld(3, { authorities: [0], every: SCHOOLS });
    world.orgs.culture[1] = 1;
    const rng = scriptedRng([0, ...aimingAtTwo([0.4, 0], [0.7, 0]), 0.99, ...memberTieDraws(3)]);
    brokerInPlace(world, smallContext(world, rng, { levers: { support: 1, history: 0.8, carrot: 0.5, principles: 1 } }));
    expect(rng.left()).toBe(0);
    const p = world.partnerships[0];
    expect([p.mandate, p.funded, p.principles, p.laInvolved]).toEqual(['incentivised', true, true, true]);
  });

  it('passes over those already convened and those with no room, without introducing them', () => {
    // 1 has room for 1 + ⌊3 × 0⌋ = 1 partnership and is in one with 2; 3 trusts the authority 0.6.
    const world = smallWorld(4, { authorities: [0], every: SCHOOLS });
    world.orgs.capacity[1] = 0;
    inPartnership(world, [1, 2]);
    tieWith(world, 3, 0, 0.6);
    const rng = scriptedRng([
      0,
      ...aimingAtTwo(
        [0.3, 0.3], // 1: no room
        [0, 0], // the authority itself
        [0.9, 0.9], // 3: accepts
        [0.9, 0.9], // 3 again: convened already
        [0.6, 0.6], // 2: room for 4, introduced at 0.2, declines
        [0, 0], // the sixth and last try; only 3 accepted, so nothing forms
      ),
    ]);
    brokerInPlace(world, smallContext(world, rng, { levers: { support: 1 } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toHaveLength(1);
    expect(tiedPairs(world)).toEqual(['0-2', '0-3', '1-2']);
  });

  it.each([
    // Culture 1 against the authority's 0 costs 0.6 × 0.4 × 1 = 0.24: 1 scores it 0.35 but expects 0.28 + 0.024 − 0.110 − 0.05 − 0.24 = −0.096.
    [0.35, 1, false],
    // Trust 0.3 is not a score above 0.3, though 1 would expect 0.104 of it.
    [0.3, 0, false],
    // Trust 0.35 and culture 0: 1 accepts (0.144), and so does 2 (0.28 + 0.024 − 0.135 − 0.05 = 0.119 with three).
    [0.35, 0, true],
  ])(
    'is declined by one that trusts the authority %s with culture %s unless it scores it above 0.3 and expects membership to pay',
    (trust, culture, formed) => {
      const world = smallWorld(3, { authorities: [0], every: SCHOOLS });
      world.orgs.culture[1] = culture;
      tieWith(world, 1, 0, trust);
      tieWith(world, 2, 0, 0.35);
      // It thinks of 1, then 2, then (if it still has room) only itself.
      const draws = formed
        ? [0, ...aimingAtTwo([0.4, 0.4], [0.7, 0.7]), 0, ...memberTieDraws(3)]
        : [0, ...aimingAtTwo([0.4, 0.4], [0.7, 0.7], [0, 0], [0, 0], [0, 0], [0, 0])];
      const rng = scriptedRng(draws);
      brokerInPlace(world, smallContext(world, rng, { levers: { support: 1 } }));
      expect(rng.left()).toBe(0);
      expect(world.partnerships.map((p) => p.members)).toEqual(formed ? [[0, 1, 2]] : []);
    },
  );

  it.each([
    [0.25, true],
    [0, false],
  ])('counts the officers taking part of the coordination in what an invitee expects (relief %s × support)', (relief, formed) => {
    // Authority 0 has power 1. Organisation 1 weighs gain as much as trust (weight 0.5) and trusts the authority 0.04: it
    // scores it 0.5 × 0.04 + 0.5 × (0.3 + 0.5 × |0 − 1|) = 0.42, and expects 0.8 × 0.04 + 0.4 × 0.3 × (1 − 0 + 0.2) − 0.05
    // − coordination: 0.126 − 0.15 √(2/3) (1 − 0.25) 1.2 = 0.016 with officers taking a quarter of it, as they do in a
    // partnership they convene, and 0.126 − 0.146969 = −0.021 with no relief. Organisation 2 trusts it 0.6 and accepts.
    const world = smallWorld(3, { authorities: [0], every: SCHOOLS });
    world.orgs.power[0] = 1;
    world.orgs.trustWeight[1] = 0.5;
    tieWith(world, 1, 0, 0.04);
    tieWith(world, 2, 0, 0.6);
    const rng = scriptedRng(
      formed
        ? [0, ...aimingAtTwo([0.4, 0.4], [0.7, 0.7]), 0, ...memberTieDraws(3)]
        : [0, ...aimingAtTwo([0.4, 0.4], [0.7, 0.7], [0, 0], [0, 0], [0, 0], [0, 0])],
    );
    brokerInPlace(world, smallContext(world, rng, { params: { membership: { supportRelief: relief } }, levers: { support: 1 } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => p.members)).toEqual(formed ? [[0, 1, 2]] : []);
  });

  it.each([
    ['support 1, politics 1, a year', 1, 1, 1, CHANCE_POLITICS],
    ['support 0.5, politics 0, a quarter', 0.5, 0, 4, CHANCE_QUARTER],
    ['support 0', 0, 0, 1, 0],
  ])('brokers at its chance a step (%s)', (_, support, politics, stepsPerYear, chance) => {
    // An authority alone in its area: when it brokers it aims at 2 and thinks of itself six times, 14 draws; else one.
    for (const [draw, brokers] of [
      [chance - 1e-6, true],
      [chance === 0 ? 0 : chance + 1e-6, false],
    ] as const) {
      if (draw < 0) continue;
      const world = smallWorld(1, { authorities: [0] });
      const rng = scriptedRng(brokers ? [draw, ...aimingAtTwo([0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0])] : [draw]);
      brokerInPlace(world, smallContext(world, rng, { stepsPerYear, levers: { support, politics } }));
      expect(rng.left()).toBe(0);
    }
  });

  it('aims at 2, 3 or 4 organisations, a third of the time each', () => {
    // 600 areas of 30 that all accept (history 1: trust 0.45); it stops once it has as many as it aimed at, so a
    // partnership has 3, 4 or 5 members, about 200 ± 11.5 of each.
    const ctx = smallContext(smallWorld(1), createRng(9), { params: { brokerage: { rate: 1000 } }, levers: { support: 1, history: 1 } });
    const sizes = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < 600; k++) {
      const world = smallWorld(31, { authorities: [0], every: SCHOOLS });
      brokerInPlace(world, ctx);
      for (const p of world.partnerships) sizes[p.members.length]++;
      if (k < 10) expect(brokenInvariants(world)).toEqual([]);
    }
    expect(sizes[0] + sizes[1] + sizes[2]).toBe(0);
    for (const m of [3, 4, 5]) {
      expect(sizes[m]).toBeGreaterThan(150);
      expect(sizes[m]).toBeLessThan(250);
    }
  });
});
