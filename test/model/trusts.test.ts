// Multi-academy trusts against hand-worked cases: where a school goes (the weights of chooseTrust), what joining does
// to its kind, ties and motives, leaving, a trust's home and its members' remote shares, the capacity a trust based
// elsewhere directs, and the mechanism's rates (nothing in the burn-in, nothing without fragmentation).
import { describe, expect, it } from 'vitest';
import { availableCapacity } from '../../src/model/balance.ts';
import { chooseTrust, governTrustsInPlace } from '../../src/model/governance.ts';
import { foundTrustInPlace, joinTrustInPlace, leaveTrustInPlace, updateTrustInPlace } from '../../src/model/trusts.ts';
import { addTieInPlace, findTie, type World } from '../../src/model/world.ts';
import type { ModelParams } from '../../src/scenario/parameters/index.ts';
import { ORG_KINDS } from '../../src/scenario/schema.ts';
import { scriptedRng, smallContext, smallWorld } from './small-world.ts';

const SCHOOL = ORG_KINDS.indexOf('school');
const ACADEMY = ORG_KINDS.indexOf('academy');

/** A world of academies in the given areas, of power and capacity 0.5 and motives 0.5, 0.3, 0.2, no ties, no trusts. */
function worldOf(areas: readonly number[]): World {
  const world = smallWorld(areas.length, { area: areas, poolSize: 64 });
  const orgs = world.orgs;
  areas.forEach((a, i) => {
    orgs.kind[i] = ACADEMY;
    orgs.market[i] = a * ORG_KINDS.length + ACADEMY;
    orgs.power[i] = 0.5;
    orgs.capacity[i] = 0.5;
    orgs.motValues[i] = 0.5;
    orgs.motResources[i] = 0.3;
    orgs.motCompliance[i] = 0.2;
  });
  return world;
}

/** A step context (step 1 unless given, fragmentation 0.5) whose generator returns exactly these draws: each school's
 * tie to a member of its trust takes one, each choice of a trust one per far candidate and one. */
function contextOf(world: World, draws: readonly number[], governance: Partial<ModelParams['governance']> = {}, step = 1) {
  const rng = scriptedRng(draws);
  const ctx = smallContext(world, rng, { params: { governance }, levers: { fragmentation: 0.5 } });
  ctx.step = step;
  return Object.assign(ctx, { rng });
}

describe('chooseTrust', () => {
  // School 0 in area 0, tied to school 2; trust A: school 1 (area 0); trust B: schools 2 and 3 (area 1).
  // Weights with fragmentation 0.5: A (1 + 0) × 1^0.5 × 1 = 1; B (1 + 1 × 1) × 2^0.5 × 0.5 = √2; founding 2 × 0.5 = 1.
  const setting = () => {
    const world = worldOf([0, 0, 1, 1]);
    const ctx = contextOf(world, [], { farCandidates: 0, memberTies: 0 });
    const a = foundTrustInPlace(world, ctx, { school: 1 });
    const b = foundTrustInPlace(world, ctx, { school: 2 });
    joinTrustInPlace(world, ctx, 3, b);
    addTieInPlace(world, 0, 2, 0.5, 0.5);
    return { world, a, b };
  };
  const total = 1 + Math.SQRT2 + 1;
  const choose = (u: number, found = true) => {
    const { world } = setting();
    const ctx = contextOf(world, [u], { farCandidates: 0 });
    const to = chooseTrust(world, ctx, 0, [0, 1], { exclude: -1, mayFound: found, bringing: 1 });
    expect(ctx.rng.left()).toBe(0);
    return to;
  };

  it('draws each destination in proportion to its weight: the local trust, the tied trust elsewhere, a trust of its own', () => {
    expect(choose(0.999 / total)).toBe(0);
    expect(choose(1.001 / total)).toBe(1);
    expect(choose((1 + Math.SQRT2 - 0.001) / total)).toBe(1);
    expect(choose((1 + Math.SQRT2 + 0.001) / total)).toBe('found');
  });

  it('founds nothing when it may not, and passes over a full trust and the one it leaves', () => {
    expect(choose(0.99, false)).toBe(1);
    const { world } = setting();
    const full = contextOf(world, [], { farCandidates: 0, maxSize: 1 });
    expect(chooseTrust(world, full, 0, [0, 1], { exclude: -1, mayFound: false, bringing: 1 })).toBe(-1);
    const own = contextOf(world, [0.1], { farCandidates: 0 });
    expect(chooseTrust(world, own, 0, [0, 1], { exclude: 0, mayFound: false, bringing: 1 })).toBe(1);
  });

  it('weighs a trust based elsewhere at nothing without fragmentation', () => {
    const { world } = setting();
    const ctx = contextOf(world, [0.99], { farCandidates: 0 });
    ctx.levers.fragmentation = 0;
    expect(chooseTrust(world, ctx, 0, [0, 1], { exclude: -1, mayFound: false, bringing: 1 })).toBe(0);
  });
});

describe('joining and leaving a trust', () => {
  it('converts a maintained school, cuts its ties outside the trust by the remote share, ties it in and aligns its motives', () => {
    const world = worldOf([0, 1, 1, 0]);
    const o = world.orgs;
    o.kind[0] = SCHOOL;
    o.market[0] = SCHOOL;
    o.motValues[1] = 0.2;
    o.motResources[1] = 0.6;
    o.motCompliance[1] = 0.2;
    const ctx = contextOf(world, [0, 0], { memberTies: 1 });
    const t = foundTrustInPlace(world, ctx, { school: 1 });
    joinTrustInPlace(world, ctx, 2, t);
    const outside = addTieInPlace(world, 0, 3, 0.5, 0.5);
    joinTrustInPlace(world, ctx, 0, t);
    expect(o.kind[0]).toBe(ACADEMY);
    expect(o.market[0]).toBe(ACADEMY);
    // Both other schools are in area 1: remote share 1, so the tie outside keeps strengthKept (0.7) of 0.5.
    expect(o.remote[0]).toBe(1);
    expect(world.ties.strength[outside]).toBeCloseTo(0.35, 12);
    // One member tie, to the first of the others (the second draw, 0): school 1, at least 0.3 strong and 0.4 trusting.
    const tie = findTie(world, 0, 1);
    expect(tie).toBeGreaterThanOrEqual(0);
    expect(world.ties.strength[tie]).toBe(0.3);
    expect(world.ties.trustAB[tie]).toBe(0.4);
    // Motives close 0.3 of the gap to the lead's (school 1): values 0.5 + 0.3 (0.2 − 0.5) = 0.41, resources 0.39.
    expect(o.motValues[0]).toBeCloseTo(0.41, 12);
    expect(o.motResources[0]).toBeCloseTo(0.39, 12);
    expect(o.motCompliance[0]).toBeCloseTo(0.2, 12);
    expect(world.trustJoins.map((j) => j.org)).toEqual([1, 2, 0]);
    expect(ctx.rng.left()).toBe(0);
  });

  it('bases a trust where most of its schools are and gives each member the share of the rest elsewhere', () => {
    const world = worldOf([0, 0, 1]);
    const ctx = contextOf(world, [], { memberTies: 0 });
    const t = foundTrustInPlace(world, ctx, { school: 2 });
    joinTrustInPlace(world, ctx, 0, t);
    joinTrustInPlace(world, ctx, 1, t);
    updateTrustInPlace(world, t);
    expect(world.trusts[t].home).toBe(0);
    expect([...world.orgs.remote]).toEqual([0.5, 0.5, 1]);
  });

  it('hands the lead to the most powerful school left, and closes a trust its last school leaves', () => {
    const world = worldOf([0, 0, 0]);
    world.orgs.power[2] = 0.9;
    const ctx = contextOf(world, [], { memberTies: 0 });
    const t = foundTrustInPlace(world, ctx, { school: 0 });
    joinTrustInPlace(world, ctx, 1, t);
    joinTrustInPlace(world, ctx, 2, t);
    leaveTrustInPlace(world, ctx, 0);
    expect(world.trusts[t].lead).toBe(2);
    expect(world.orgs.trust[0]).toBe(-1);
    leaveTrustInPlace(world, ctx, 1);
    leaveTrustInPlace(world, ctx, 2, 'merged');
    expect(world.trusts[t]).toMatchObject({ ended: 1, endReason: 'merged', members: [] });
  });

  it('directs centralShare of a member’s capacity to its trust in proportion to its remote share', () => {
    const world = worldOf([0, 1]);
    const ctx = contextOf(world, [], { memberTies: 0 });
    ctx.levers.competition = 0;
    ctx.levers.carrot = 0;
    expect(availableCapacity(world, ctx, 0)).toBe(0.5);
    joinTrustInPlace(world, ctx, 0, foundTrustInPlace(world, ctx, { school: 1 }));
    // Remote share 1: 0.5 × (1 − 0.3).
    expect(availableCapacity(world, ctx, 0)).toBeCloseTo(0.35, 12);
  });
});

describe('governTrustsInPlace', () => {
  it('leaves the trusts as they are in the burn-in (steps up to 0)', () => {
    const world = worldOf([0, 0, 1]);
    governTrustsInPlace(world, contextOf(world, [], { joinRate: 100 }, 0));
    expect(world.trusts).toEqual([]);
  });

  it('joins schools at joinRate × fragmentation a year: with a certain draw they found or join; without fragmentation none do', () => {
    const world = worldOf([0, 0]);
    // School 0: the draw 0 joins, and with no trust to join it founds one; school 1 joins that local trust (weights:
    // trust 1 × 1, founding 1: the draw 0 takes the trust).
    const ctx = contextOf(world, [0, 0, 0, 0], { farCandidates: 0, memberTies: 0 });
    governTrustsInPlace(world, ctx);
    expect(world.trusts.map((t) => t.members)).toEqual([[0, 1]]);
    expect(ctx.rng.left()).toBe(0);
    // Without fragmentation each school takes its one draw (the chance is 0) and joins nothing.
    const none = worldOf([0, 0]);
    const still = contextOf(none, [0, 0], { farCandidates: 0 });
    still.levers.fragmentation = 0;
    governTrustsInPlace(none, still);
    expect(none.trusts).toEqual([]);
    expect(still.rng.left()).toBe(0);
  });
});
