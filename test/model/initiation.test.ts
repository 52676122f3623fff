// Leaders initiating partnerships (ODD 7.10.4): an organisation with partners and room considers it at
// 1 − e^(−0.15 (0.5 + experience) (0.5 + politics) dt) a step, invites up to 5 of the partners it scores above 0.3,
// best first, each accepts if it scores the initiator above 0.3 and expects membership to pay, and the initiator goes
// ahead if it expects the partnership of those who accepted to pay it too. Scripted draws take each branch on purpose.
import { describe, expect, it } from 'vitest';
import { initiateInPlace } from '../../src/model/initiation.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { setExperienceInPlace } from '../../src/model/world.ts';
import { brokenInvariants } from './invariants.ts';
import { inPartnership, memberTieDraws, scriptedRng, smallContext, smallWorld, tieWith } from './small-world.ts';

// Capacity 1 gives room for 1 + ⌊3 × 1⌋ = 4 partnerships; trust weight 1 makes the score an organisation gives a
// partner its trust in it, and trustworthiness 0.25 (a share 0.25 / (0.35 + 0.15) = 0.5 of the most) makes an
// experienced leader's judgement of a partner neither add nor take away. Every other field is 0.
const SCHOOLS = { capacity: 1, trustWeight: 1, trustworthiness: 0.25 };

// Chances a step that an organisation considers initiating: 1 − e^(−0.15 × (0.5 + experience) × (0.5 + politics) × dt).
const CHANCE = 0.0368056; // experience 0, politics 0, a year: 1 − e^(−0.0375)
const CHANCE_EXPERIENCED = 0.286448; // experience 1, politics 1, a year: 1 − e^(−0.3375)
const CHANCE_MONTH = 0.00312012; // experience 0, politics 0, a month: 1 − e^(−0.003125)

// What an organisation with no other partnership expects of a partnership of m members none of which convenes, when its
// mean trust in the members it is tied to is t (politics 0, no funding, stick or competition, all else 0):
//   social 2 t (0.4 + 0) + resource 0.4 × 0.3 × 0.2 − coordination 0.15 √(m/3) × 1.2 − capacity 0.05 × 1 / capacity
// = 0.8 t + 0.024 − 0.146969 (m = 2) or 0.18 (m = 3) − 0.05 / capacity.

/** A draw under which no organisation considers initiating, at any chance here. */
const NO = 0.99;

describe('initiateInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    expect(P.initiation).toEqual({ rate: 0.15, experienceOffset: 0.5, politicsOffset: 0.5, maxInvitees: 5 });
    expect([P.partnerships.acceptScore, P.leaders.judgement, P.leaders.trustworthinessValues, P.leaders.trustworthinessSpread]).toEqual([
      0.3, 1, 0.35, 0.15,
    ]);
  });

  it('invites the partners it scores above 0.3 that have room and are not authorities, and forms with those who accept', () => {
    // 0 scores its partners by its trust in them: 1 0.8, 6 0.4 and 2 0.5 it invites, best first (four of them, m = 4);
    // 3 0.3 (not above 0.3), 4 0.9 (room for 1 + ⌊3 × 0.3⌋ = 1 partnership, and in one with 5) and the authority 7 it
    // does not. 8 has no partner.
    //   1 trusts 0 0.7 and accepts: it expects 0.56 + 0.024 − 0.15 √(4/3) 1.2 − 0.05 = 0.326.
    //   6 trusts 0 0.4 but has culture 1: 0.32 + 0.024 − 0.208 − 0.05 − 0.6 × 0.4 × 1 = −0.154, and declines.
    //   2 trusts 0 only 0.2 and declines, though with values its whole motive it would expect 2 × 0.2 × 1.4 + 0.024 − 0.258 = 0.326.
    //   7, the authority, would accept if invited: support 1 gives its officers capacity 5.
    // 0 expects 0.64 + 0.024 − 0.147 − 0.05 = 0.467 of the two, and goes ahead.
    const world = smallWorld(9, { authorities: [7], every: SCHOOLS });
    world.orgs.capacity[4] = 0.3;
    world.orgs.culture[6] = 1;
    world.orgs.motValues[2] = 1;
    inPartnership(world, [4, 5]);
    tieWith(world, 0, 1, 0.8, 0.7);
    tieWith(world, 0, 2, 0.5, 0.2);
    tieWith(world, 0, 3, 0.3, 0.6);
    tieWith(world, 0, 4, 0.9);
    tieWith(world, 0, 6, 0.4);
    tieWith(world, 0, 7, 0.9);
    const rng = scriptedRng([
      CHANCE - 1e-7, // 0 considers it
      0, // principles: not set out (the lever is 0)
      ...memberTieDraws(2),
      ...[NO, NO, NO, NO, NO, NO], // 1 to 6 have partners and do not consider it; 7 is the authority and 8 has no partner: no draw
    ]);
    const ctx = smallContext(world, rng, { levers: { support: 1 } });
    initiateInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toHaveLength(2);
    const p = world.partnerships[1];
    expect({ members: p.members, lead: p.lead, mandate: p.mandate, funded: p.funded, principles: p.principles, la: p.laInvolved }).toEqual({
      members: [0, 1],
      lead: 0,
      mandate: 'voluntary',
      funded: false,
      principles: false,
      la: false,
    });
    expect(ctx.events).toEqual([{ step: 1, kind: 'formed', partnership: 1, organisations: [0, 1], cause: 'network' }]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it('has each invitee weigh the partnership of all invited, not of itself and the initiator alone', () => {
    // 0 invites 1 (0.8) and 2 (0.6), both trusting it 0.7. 1 holds norms 1 against the others' 0: with an equal say the
    // agenda is 1/3 of three, and its distance (1 − 1/3) × 3/2 = 1 costs 0.6 × 0.6 × 1 = 0.36 (as it would of two). It
    // expects 0.56 + 0.024 − 0.05 − 0.36 − 0.18 = −0.006 of the three invited and declines (of two, with coordination
    // 0.147, it would expect 0.027). 2 expects 0.534 − 0.6 × 0.6 × (1/3 × 3/2) − 0.18 = 0.174 and accepts; 0 expects of
    // itself and 2 0.48 + 0.024 − 0.147 − 0.05 = 0.307.
    const world = smallWorld(3, { every: SCHOOLS });
    world.orgs.norms[1] = 1;
    tieWith(world, 0, 1, 0.8, 0.7);
    tieWith(world, 0, 2, 0.6, 0.7);
    const rng = scriptedRng([CHANCE - 1e-7, 0, ...memberTieDraws(2), NO, NO]);
    initiateInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => p.members)).toEqual([[0, 2]]);
  });

  it('does not initiate with no room for another partnership, though it considers it', () => {
    // 0 has room for 1 + ⌊3 × 0.3⌋ = 1 and is in one, with 2. Had it room, with 1 (trusting it 0.7) it would expect
    // 0.64 + 0.024 − 0.147 − 0.05 × 2 / 0.3 = 0.184.
    const world = smallWorld(3, { every: SCHOOLS });
    world.orgs.capacity[0] = 0.3;
    inPartnership(world, [0, 2]);
    tieWith(world, 0, 1, 0.8, 0.7);
    const rng = scriptedRng([CHANCE - 1e-7, NO, NO]);
    initiateInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toHaveLength(1);
  });

  it('invites the best first and at most maxInvitees of them, the lower index first on equal scores', () => {
    // 0's partners in the order its ties were made: 3 (0.6), 4 (0.5), 1 (0.6), 2 (0.8); each trusts 0 0.6. Best first:
    // 2, then 1 and 3 (equal: 1 first), then 4; at most 2 invited: 2 and 1, who accept (0.48 + 0.024 − 0.18 − 0.05 = 0.274).
    const world = smallWorld(5, { every: SCHOOLS });
    for (const [j, trust] of [
      [3, 0.6],
      [4, 0.5],
      [1, 0.6],
      [2, 0.8],
    ])
      tieWith(world, 0, j, trust, 0.6);
    const rng = scriptedRng([CHANCE - 1e-7, 0, ...memberTieDraws(3), NO, NO, NO, NO]);
    initiateInPlace(world, smallContext(world, rng, { params: { initiation: { maxInvitees: 2 } } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => p.members)).toEqual([[0, 2, 1]]);
  });

  it.each([
    // Capacity 0.1 (room for 1 + ⌊0.3⌋ = 1): capacity cost 0.05 / 0.1 = 0.5; 0 expects 0.4 + 0.024 − 0.147 − 0.5 = −0.223.
    [0.1, false],
    // Capacity 1: 0.4 + 0.024 − 0.147 − 0.05 = 0.227.
    [1, true],
  ])('goes ahead only if it expects the partnership of those who accepted to pay it too (capacity %s)', (capacity, formed) => {
    // 0 trusts 1 0.5; 1 trusts 0 0.8 and accepts.
    const world = smallWorld(2, { every: SCHOOLS });
    world.orgs.capacity[0] = capacity;
    tieWith(world, 0, 1, 0.5, 0.8);
    const rng = scriptedRng(formed ? [CHANCE - 1e-7, 0, ...memberTieDraws(2), NO] : [CHANCE - 1e-7, NO]);
    initiateInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(world.partnerships.map((p) => p.members)).toEqual(formed ? [[0, 1]] : []);
  });

  it('forms nothing on its own when no one accepts, though it would expect a partnership of one to pay', () => {
    // History 1: starting trust 0.1 + 0.25 = 0.35, which 0 would count in a partnership with no partner tied; with values
    // its whole motive, 2 × 0.35 × (0.4 + 1) + 0.024 − 0.15 √(1/3) × 1.2 − 0.05 = 0.852 > 0. 1 trusts 0 only 0.2.
    const world = smallWorld(2, { every: SCHOOLS });
    world.orgs.motValues[0] = 1;
    tieWith(world, 0, 1, 0.8, 0.2);
    const rng = scriptedRng([CHANCE - 1e-7, NO]);
    initiateInPlace(world, smallContext(world, rng, { levers: { history: 1 } }));
    expect(rng.left()).toBe(0);
    expect(world.partnerships).toEqual([]);
  });

  it.each([
    ['experience 1, politics 1, a year', 1, 1, 1, CHANCE_EXPERIENCED],
    ['experience 0, politics 0, a month', 0, 0, 12, CHANCE_MONTH],
  ])('considers it at its chance a step (%s)', (_, experience, politics, stepsPerYear, chance) => {
    for (const [draw, formed] of [
      [chance - 1e-7, true],
      [chance + 1e-7, false],
    ] as const) {
      const world = smallWorld(2, { every: SCHOOLS });
      setExperienceInPlace(world, 0, experience);
      tieWith(world, 0, 1, 0.8, 0.7);
      const rng = scriptedRng(formed ? [draw, 0, ...memberTieDraws(2), NO] : [draw, NO]);
      initiateInPlace(world, smallContext(world, rng, { stepsPerYear, levers: { politics } }));
      expect(rng.left()).toBe(0);
      expect(world.partnerships).toHaveLength(+formed);
    }
  });

  it('initiates at the chance over many pairs', () => {
    // 2,000 pairs of partners at experience 0.5 and politics 0.5: each of the two initiates at 1 − e^(−0.15) = 0.13929 a
    // year, and every one that considers it forms a partnership: binomial, 557.2 of 4,000, sd 21.9.
    const ctx = smallContext(smallWorld(1), createRng(4), { levers: { politics: 0.5 } });
    let formed = 0;
    for (let k = 0; k < 2000; k++) {
      const world = smallWorld(2, { every: SCHOOLS });
      for (const id of [0, 1]) setExperienceInPlace(world, id, 0.5);
      tieWith(world, 0, 1, 0.8, 0.7);
      initiateInPlace(world, ctx);
      formed += world.partnerships.length;
    }
    expect(formed).toBeGreaterThan(470);
    expect(formed).toBeLessThan(645);
  });
});
