// Membership (ODD 7.9). Exit causes: each built on purpose, as a member's balance now against its balance when its
// judgement was at its best; and the mechanism's step on hand-built partnerships.
import { describe, expect, it } from 'vitest';
import { emptyBalance, fillBalance } from '../../src/model/balance.ts';
import { exitCause, weighMembershipsInPlace } from '../../src/model/membership.ts';
import { type BalanceTerms, createRoles, type Partnership, type Roles, setExperienceInPlace, type World } from '../../src/model/world.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { inPartnership, roleOf, scriptedRng, type SmallContext, setRoleInPlace, smallContext, smallWorld } from './small-world.ts';

/** The carrot a member's partnership received at its best, in exitCause's cases. */
const FUNDED = 0.5;

/** A member whose best balance was `best`, with its trust's two parts then and now, in a partnership funded then: its
 * role, alone in a pool, and its slot. */
function role(
  best: Partial<BalanceTerms> | null,
  trust: { org: [number, number]; leader: [number, number] } = { org: [0.5, 0.5], leader: [0.5, 0.5] },
): [Roles, number] {
  const fields = {
    belief: -0.1,
    commitment: 0.5,
    trust: (trust.org[1] + trust.leader[1]) / 2,
    orgTrust: trust.org[1],
    leaderTrust: trust.leader[1],
    core: 1,
    ...bestOf(best),
    bestOrgTrust: trust.org[0],
    bestLeaderTrust: trust.leader[0],
    bestCarrot: FUNDED,
  };
  const roles = createRoles(1);
  for (const [name, value] of Object.entries(fields)) roles[name as keyof typeof fields][0] = value;
  return [roles, 0];
}

/** A role's best judgement, 0.2, and the terms of its balance then; a role never weighed with none. */
function bestOf(best: Partial<BalanceTerms> | null) {
  const b = { ...emptyBalance(), ...best };
  return {
    bestBelief: best === null ? Number.NEGATIVE_INFINITY : 0.2,
    bestFund: b.fund,
    bestSocial: b.social,
    bestCompetition: b.competition,
    bestCapacity: b.capacity,
    bestValues: b.values,
  };
}

const now = (terms: Partial<BalanceTerms>): BalanceTerms => ({ ...emptyBalance(), ...terms });

describe('exitCause', () => {
  it('names the end of funding when the funded activities are what was lost', () => {
    expect(exitCause(...role({ fund: 0.4, social: 0.2 }), now({ fund: 0, social: 0.15 }), 0)).toBe('funding-ended');
  });

  it('does not name funding while the fund still pays, when the funded activities lost their worth with trust', () => {
    // The fund's worth fell 0.3 as the member's trust and commitment fell, social capital 0.05: the carrot is as it was.
    expect(exitCause(...role({ fund: 0.4, social: 0.2 }), now({ fund: 0.1, social: 0.15 }), FUNDED)).toBe('trust-fell');
    expect(exitCause(...role({ fund: 0.4, social: 0.2 }), now({ fund: 0.1, social: 0.15 }), FUNDED / 2)).toBe('funding-ended');
  });

  it('names a fall in trust, against the member’s own earlier trust, when social capital is what was lost', () => {
    const fell = role({ fund: 0.1, social: 0.5 }, { org: [0.6, 0.3], leader: [0.5, 0.45] });
    expect(exitCause(...fell, now({ fund: 0.1, social: 0.2 }), FUNDED)).toBe('trust-fell');
  });

  it('names a leader’s departure when trust fell more between leaders than between the organisations', () => {
    const left = role({ social: 0.5 }, { org: [0.6, 0.55], leader: [0.6, 0.1] });
    expect(exitCause(...left, now({ social: 0.2 }), FUNDED)).toBe('leader-left');
  });

  it('names competition, capacity or values when that cost rose most', () => {
    expect(exitCause(...role({ competition: 0.05 }), now({ competition: 0.3, capacity: 0.1 }), FUNDED)).toBe('competition');
    expect(exitCause(...role({ capacity: 0.05 }), now({ capacity: 0.4, values: 0.1 }), FUNDED)).toBe('capacity');
    expect(exitCause(...role({ values: 0 }), now({ values: 0.25, competition: 0.05 }), FUNDED)).toBe('values-diverged');
  });

  it('names no purpose when nothing changed for the worse, or the member never judged the partnership worth it', () => {
    expect(exitCause(...role({ social: 0.1, coordination: 0.3 }), now({ social: 0.1, coordination: 0.3 }), FUNDED)).toBe('no-purpose');
    expect(exitCause(...role(null), now({ coordination: 0.3 }), FUNDED)).toBe('no-purpose');
  });
});

// The mechanism's step (ODD 7.9) on hand-built partnerships: each member's balance is what fillBalance gives it (tested
// with the balance), and the step is checked against its closed forms: the judgement's update, commitment, the best
// balance kept, exits drawn at the yearly rate in proportion to the deficit, and funding dependence.
describe('weighMembershipsInPlace', () => {
  /** A world of n schools of capacity 1 and power 0.5, in one partnership, each led by a leader of this experience. */
  function partnershipOf(n: number, experience: readonly number[] = []): { world: World; p: Partnership } {
    const world = smallWorld(n, { every: { capacity: 1, power: 0.5 } });
    experience.forEach((x, id) => setExperienceInPlace(world, id, x));
    const p =
      world.partnerships[
        inPartnership(
          world,
          Array.from({ length: n }, (_, i) => i),
        )
      ];
    return { world, p };
  }

  /** Returns each member's balance as the step will weigh it (before the step changes anything it reads). */
  function balances(world: World, ctx: SmallContext, p: Partnership): BalanceTerms[] {
    const terms = { area: p.area, members: p.members, funded: p.funded, mandated: p.mandate === 'mandated', laInvolved: p.laInvolved };
    return p.members.map((i, k) => {
      const b = emptyBalance();
      fillBalance(b, world, ctx, terms, i, world.roles.trust[p.roles[k]], world.roles.commitment[p.roles[k]], world.orgs.memberships[i]);
      return b;
    });
  }

  const P = defaultParams().membership;

  it('uses the defaults the closed forms below assume', () => {
    expect([P.priorYears, P.memoryYears, P.commitmentRate, P.leaveRate, defaultParams().leaders.judgement]).toEqual([1, 2, 0.5, 6, 1]);
  });

  it('moves each judgement towards the balance by 1 − e^(−dt/weight), its weight the prior and its years, up to a memory its leader’s experience sets', () => {
    // Joined 11 years ago: the years pass every memory, 2 × (1 + (experience − 0.5)) = 1, 3 and 2 years for experience
    // 0, 1 and 0.5, so the weights are 2, 4 and 3. Judgements start at 0.3 (worth it): none is drawn for.
    const { world, p } = partnershipOf(3, [0, 1, 0.5]);
    for (const role of p.roles) setRoleInPlace(world, role, { belief: 0.3, commitment: 0.5, joined: -10 });
    const rng = scriptedRng([]);
    const ctx = smallContext(world, rng);
    const b = balances(world, ctx, p);
    weighMembershipsInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    [2, 4, 3].forEach((weight, k) => {
      const belief = 0.3 + (1 - Math.exp(-1 / weight)) * (b[k].net - 0.3);
      expect(belief, `member ${k}`).toBeGreaterThan(0);
      expect(world.roles.belief[p.roles[k]], `member ${k}`).toBeCloseTo(belief, 12);
      // Commitment moves 1 − e^(−0.5) of the way to 1, as the judgement is positive; the best balance is this one.
      expect(world.roles.commitment[p.roles[k]]).toBeCloseTo(0.5 + (1 - Math.exp(-0.5)) * 0.5, 12);
      expect(roleOf(world, p.roles[k])).toMatchObject({ ...bestOf(b[k]), bestBelief: world.roles.belief[p.roles[k]] });
    });
    expect(ctx.events).toEqual([]);
    expect(p.members).toEqual([0, 1, 2]);
  });

  it('takes a new member’s judgement most of the way in its first year (weight: the prior alone), and a twelfth of the year’s way in a month', () => {
    for (const stepsPerYear of [1, 12]) {
      const { world, p } = partnershipOf(2);
      for (const role of p.roles) setRoleInPlace(world, role, { belief: 0.5, joined: 1 });
      const ctx = smallContext(world, scriptedRng([]), { stepsPerYear });
      const b = balances(world, ctx, p);
      weighMembershipsInPlace(world, ctx);
      expect(world.roles.belief[p.roles[0]]).toBeCloseTo(0.5 + (1 - Math.exp(-1 / stepsPerYear)) * (b[0].net - 0.5), 12);
    }
  });

  it('lets a member that judges the partnership not worth it leave at the yearly rate 6 × its deficit; with one member left, the partnership ends', () => {
    const { world, p } = partnershipOf(3);
    for (const role of p.roles) setRoleInPlace(world, role, { belief: -0.5, commitment: 1, joined: 1 });
    const probe = smallContext(world, scriptedRng([]));
    const [b0] = balances(world, probe, p);
    const belief = -0.5 + (1 - Math.exp(-1)) * (b0.net + 0.5);
    expect(belief).toBeLessThan(0);
    const chance = 1 - Math.exp(-6 * -belief);
    // Member 0 draws just under its chance and leaves; 1 and 2 just over it, and stay.
    const rng = scriptedRng([chance - 1e-9, chance + 1e-9, chance + 1e-9]);
    const ctx = smallContext(world, rng);
    weighMembershipsInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    // Its best balance is this step's (its first), so nothing changed for the worse: no purpose.
    expect(ctx.events).toEqual([{ step: 1, kind: 'left', partnership: p.id, organisations: [0], cause: 'no-purpose' }]);
    expect([p.members, p.endedStep, world.active]).toEqual([[1, 2], null, [p.id]]);
    // Next year member 1 leaves too, and the partnership ends with 2.
    const next = smallContext(world, scriptedRng([0, 0.9999]));
    weighMembershipsInPlace(world, next);
    expect(next.events.map((e) => [e.kind, e.organisations])).toEqual([
      ['left', [1]],
      ['dissolved', [1, 2]],
    ]);
    expect([p.endedStep, world.active]).toEqual([1, []]);
    expect(Array.from(world.orgs.memberships)).toEqual([0, 0, 0]);
  });

  it('keeps members that draw over their chance, moving their commitment towards 0', () => {
    const { world, p } = partnershipOf(2);
    for (const role of p.roles) setRoleInPlace(world, role, { belief: -0.5, commitment: 1, joined: 1 });
    const rng = scriptedRng([0.9999, 0.9999]);
    const ctx = smallContext(world, rng);
    weighMembershipsInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    expect(ctx.events).toEqual([]);
    expect(p.roles.map((r) => world.roles.commitment[r])).toEqual([Math.exp(-0.5), Math.exp(-0.5)].map((x) => expect.closeTo(x, 12)));
  });

  it('keeps the best balance while the judgement falls, and names what changed when the member leaves', () => {
    const { world, p } = partnershipOf(2);
    for (const role of p.roles)
      setRoleInPlace(world, role, { belief: -0.5, joined: 1, ...bestOf({ fund: 0.5 }), bestBelief: 0.4, bestCarrot: 0.5 });
    const rng = scriptedRng([0, 0.9999]);
    const ctx = smallContext(world, rng);
    weighMembershipsInPlace(world, ctx);
    expect(p.roles).toEqual([]);
    expect(ctx.events[0]).toEqual({ step: 1, kind: 'left', partnership: p.id, organisations: [0], cause: 'funding-ended' });
  });

  it('records each organisation’s dependence on funding: its funded benefit over all its benefits', () => {
    const { world, p } = partnershipOf(2);
    Object.assign(p, { funded: true });
    for (const role of p.roles) setRoleInPlace(world, role, { belief: 1, joined: 1 });
    const ctx = smallContext(world, scriptedRng([]), { levers: { carrot: 0.8 } });
    const [b] = balances(world, ctx, p);
    expect(b.fund).toBeGreaterThan(0);
    weighMembershipsInPlace(world, ctx);
    expect(world.orgs.fundDependence[0]).toBeCloseTo(b.fund / (b.fund + b.compliance + b.social + b.resource), 12);
  });
});
