// Joining by thresholds (ODD 7.10.3): an organisation with room considers it at 1 − e^(−1.2 dt) a step; a partnership
// its tied peers are in is a candidate when their share of its partners reaches its threshold less 0.15 politics, and
// has fewer than 30 members; it picks the one whose lead it scores best, above 0.3, on its mean trust in its peers
// there, and joins if it expects membership to pay. Scripted draws take each branch on purpose.
import { describe, expect, it } from 'vitest';
import { joinInPlace } from '../../src/model/joining.ts';
import { listOf, type World } from '../../src/model/world.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { brokenInvariants } from './invariants.ts';
import { inPartnership, scriptedRng, smallContext, smallWorld, tieWith } from './small-world.ts';

// Capacity 1 gives room for 1 + ⌊3 × 1⌋ = 4 partnerships; trust weight 1 (and no leader experience) makes the score an
// organisation gives a lead its mean trust in its peers in the partnership. Every other field is 0.
const SCHOOLS = { capacity: 1, trustWeight: 1 };

/** The chance a step that an organisation considers joining, a year: 1 − e^(−1.2) = 0.6988058. */
const CONSIDER = 0.6988058;
/** A draw under which no organisation considers joining. */
const NO = 0.99;

/** Draws of a member joining a partnership of m members: a tie to up to 5 of them (all 0: to the first). */
const joinDraws = (m: number) => new Array<number>(Math.min(5, m)).fill(0);

/**
 * Partnership A (id 0): 1, 2 and 3, led by 1; B (id 1): 4 and 5, led by 4. Organisation 0 has threshold 0.3 and four
 * partners: 1 and 2 of A, 4 of B, and 6 of none; the authority 7 is tied to 6. Peers' shares: A 2/4 = 0.5, B 1/4 = 0.25.
 */
function peersWorld(trust: { 1?: number; 2?: number; 4?: number } = {}): World {
  const world = smallWorld(8, { authorities: [7], every: SCHOOLS });
  inPartnership(world, [1, 2, 3]);
  inPartnership(world, [4, 5]);
  world.orgs.joinThreshold[0] = 0.3;
  tieWith(world, 0, 1, trust[1] ?? 0.6);
  tieWith(world, 0, 2, trust[2] ?? 0.4);
  tieWith(world, 0, 4, trust[4] ?? 0.9);
  tieWith(world, 0, 6, 0.5);
  tieWith(world, 6, 7, 0.5);
  return world;
}

/** The draws of a step in the peers' world in which only 0 considers joining (1 to 6 draw and do not; 7 is the
 * authority, and draws nothing), and joins a partnership of m members, or (m = 0) joins none. */
const onlyZero = (m: number) => [0, ...joinDraws(m), NO, NO, NO, NO, NO, NO];

describe('joinInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    const { considerRate, maxMembers, politicsRelief } = P.joining;
    expect({ considerRate, maxMembers, politicsRelief }).toEqual({ considerRate: 1.2, maxMembers: 30, politicsRelief: 0.15 });
    expect(P.partnerships.acceptScore).toBe(0.3);
  });

  it.each([
    // Politics 0: only A reaches the threshold 0.3; 0 scores it 0.5 (mean of 0.6 and 0.4) and expects, of four members,
    // 0.8 × 0.5 + 0.024 − 0.15 √(4/3) × 1.2 − 0.05 = 0.166: it joins A.
    [0, 0, [1, 2, 3, 0], 3],
    // Politics 1: the threshold falls to 0.3 − 0.15 = 0.15 and B (0.25) is a candidate too; 0 scores it 0.9, better,
    // and expects of three 0.72 + 0.024 − 0.15 × (1.2 − 0.4) − 0.05 = 0.574: it joins B.
    [1, 1, [4, 5, 0], 2],
  ])('joins the candidate whose lead it scores best (politics %s: partnership %s)', (politics, id, members, before) => {
    const world = peersWorld();
    const rng = scriptedRng(onlyZero(before));
    const ctx = smallContext(world, rng, { levers: { politics } });
    joinInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(world.partnerships[id].members).toEqual(members);
    expect(listOf(world.orgs.partnerships, 'id', 0)).toEqual([id]);
    expect(ctx.events).toEqual([{ step: 1, kind: 'joined', partnership: id, organisations: [0], cause: 'peers' }]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it.each([
    ['reaches its threshold exactly (0.5 of 0.5)', 0.5, true],
    ['falls short of its threshold (0.5 of 0.5001)', 0.5001, false],
  ])('considers a partnership only when the share of its partners in it %s', (_, threshold, joins) => {
    const world = peersWorld();
    world.orgs.joinThreshold[0] = threshold;
    const rng = scriptedRng(onlyZero(joins ? 3 : 0));
    joinInPlace(world, smallContext(world, rng));
    expect(rng.left()).toBe(0);
    expect(world.partnerships[0].members).toEqual(joins ? [1, 2, 3, 0] : [1, 2, 3]);
  });

  it('scores a candidate by what it thinks of its lead, its gain as well as its trust', () => {
    // Politics 1, so A and B are both candidates; 0 trusts its peers in A 0.5 on average and 4 only 0.2, but weighs gain
    // alone (weight 0). B's lead 4 has power 1: a gain of 0.3 + 0.5 × |0 − 1| + 0.2 × 1 = 1 against A's lead's 0.5.
    // Of B, 0 expects 0.16 + 0.4 × 0.3 × (0.5 − 0 + 0.2) − 0.12 − 0.05 = 0.074.
    const world = peersWorld({ 4: 0.2 });
    world.orgs.trustWeight[0] = 0;
    world.orgs.power[4] = 1;
    const rng = scriptedRng(onlyZero(2));
    joinInPlace(world, smallContext(world, rng, { levers: { politics: 1 } }));
    expect(rng.left()).toBe(0);
    expect(listOf(world.orgs.partnerships, 'id', 0)).toEqual([1]);
  });

  it.each([
    ['scores no candidate above 0.3 (trust 0.3 and 0.3)', { 1: 0.3, 2: 0.3 }, {}],
    ['expects membership not to pay (culture 0.75 against A’s 0 costs 0.6 × 0.4 × 0.75 = 0.18 of its 0.166)', {}, { culture: 0.75 }],
    ['finds the candidate full (at most 3 members)', {}, { maxMembers: 3 }],
  ])('joins nothing when it %s', (_, trust, change) => {
    const world = peersWorld(trust);
    if ('culture' in change) world.orgs.culture[0] = change.culture;
    const params = 'maxMembers' in change ? { joining: { maxMembers: change.maxMembers } } : {};
    const rng = scriptedRng(onlyZero(0));
    const ctx = smallContext(world, rng, { params });
    joinInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(listOf(world.orgs.partnerships, 'id', 0)).toEqual([]);
    expect(ctx.events).toEqual([]);
  });

  it('does not join a partnership it is in, nor any with no room for another, though it considers it', () => {
    // In A already: its peers 1 and 2 are in A, and A is the only candidate.
    const member = smallWorld(3, { every: SCHOOLS });
    inPartnership(member, [1, 2, 0]);
    tieWith(member, 0, 2, 0.9);
    const rng = scriptedRng([0, NO, NO]);
    joinInPlace(member, smallContext(member, rng));
    expect(rng.left()).toBe(0);
    expect(member.partnerships[0].members).toEqual([1, 2, 0]);
    // Room for 1 + ⌊3 × 0.3⌋ = 1 and in a partnership with 6. With room, trusting 1 and 2 0.9, it would expect of A
    // 0.72 + 0.024 − 0.208 − 0.05 × 2 / 0.3 = 0.203.
    const full = peersWorld({ 1: 0.9, 2: 0.9 });
    full.orgs.capacity[0] = 0.3;
    inPartnership(full, [0, 6]);
    const draws = scriptedRng(onlyZero(0));
    joinInPlace(full, smallContext(full, draws));
    expect(draws.left()).toBe(0);
    expect(listOf(full.orgs.partnerships, 'id', 0)).toEqual([2]);
  });

  it('considers joining at 1 − e^(−1.2 dt) a step', () => {
    // The edge, a year, for organisation 0 of the peers' world.
    for (const [draw, joins] of [
      [CONSIDER - 1e-7, true],
      [CONSIDER + 1e-7, false],
    ] as const) {
      const world = peersWorld();
      const rng = scriptedRng([draw, ...(joins ? joinDraws(3) : []), NO, NO, NO, NO, NO, NO]);
      joinInPlace(world, smallContext(world, rng));
      expect(rng.left()).toBe(0);
      expect(listOf(world.orgs.partnerships, 'id', 0)).toEqual(joins ? [0] : []);
    }
  });

  it('considers joining at that chance over many organisations', () => {
    // 300 worlds of 40 organisations tied to both members of one partnership, threshold 0, a month: each considers
    // joining at 1 − e^(−0.1) = 0.09516 and then joins: binomial, 1,142 of 12,000, sd 32.
    const ctx = smallContext(smallWorld(1), createRng(8), { stepsPerYear: 12 });
    let joined = 0;
    for (let k = 0; k < 300; k++) {
      const world = smallWorld(42, { every: SCHOOLS });
      inPartnership(world, [0, 1]);
      for (let i = 2; i < 42; i++) {
        tieWith(world, i, 0, 0.6);
        tieWith(world, i, 1, 0.6);
      }
      joinInPlace(world, ctx);
      joined += world.partnerships[0].members.length - 2;
    }
    expect(joined).toBeGreaterThan(1000);
    expect(joined).toBeLessThan(1285);
  });
});
