// Leaders as people (ODD 7.1), against hand-worked draws: a leader leaves, seeks another post and takes up a vacancy on
// the same career ladder, carrying their strongest ties with the leader-level trust they had; the post they left goes to
// a leader from outside; a seeker gives up at its yearly rate; and over runs, leaders lead one organisation each and
// some vacancies are filled from within the system.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { sameLadder, turnOverLeadersInPlace } from '../../src/model/leaders.ts';
import { findTie, setExperienceInPlace } from '../../src/model/world.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { ORG_KINDS } from '../../src/scenario/schema.ts';
import { brokenInvariants } from './invariants.ts';
import { scriptedRng, smallContext, smallWorld, tieWith } from './small-world.ts';

describe('turnOverLeadersInPlace', () => {
  // Four schools led by leaders 0-3; leader 0 (experience 1) trusts org 2's leader 0.8 (0.7 back) and org 3's 0.6 (0.5).
  const fourSchools = () => {
    const world = smallWorld(4);
    setExperienceInPlace(world, 0, 1);
    tieWith(world, 0, 2, 0.8, 0.7);
    tieWith(world, 0, 3, 0.6, 0.5);
    return world;
  };

  it('moves a leader to a vacancy with their ties and trust, and fills the post they left from outside', () => {
    const world = fourSchools();
    const rng = scriptedRng([
      0.1, // 0's leader leaves (under 0.5, turnover 0.5 in a year)
      0.1, // and seeks a post (under moveShare 0.3), carrying round(3 × 1) = 3 ties at most: the two it has
      0.2, // 1's leader leaves
      0.9, // and retires
      0.9, // 2's stays
      0.9, // 3's stays
      0.5, // vacancy 0: norms shift 0; the only seeker left it, so a leader from outside:
      0.5, // experience 0 + (0.5 − 0.5) × 0.5 = 0 (so no contacts of their own)
      0.4, // integrity 0.4
      0.5, // vacancy 1: norms shift 0; leader 0 takes it
    ]);
    const ctx = smallContext(world, rng, { levers: { turnover: 0.5 } });
    turnOverLeadersInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    const L = world.leaders;
    expect(Array.from(world.orgs.leaderId)).toEqual([4, 0, 2, 3]);
    expect(Array.from(L.org.subarray(0, L.count))).toEqual([1, -1, 2, 3, 0]);
    // Experience grows towards 1 in post (leader 0 is there already) and travels with the leader.
    expect(L.experience[0]).toBe(1);
    expect(L.experience[4]).toBe(0);
    // Each organisation keeps a copy of its leader's: leader 4's at 0, 0's at 1, and 2's and 3's, grown in post, at 2 and 3.
    expect(L.experience[2]).toBeGreaterThan(0);
    expect(Array.from(world.orgs.leaderExperience)).toEqual([0, 1, L.experience[2], L.experience[3]]);
    // Trustworthiness: 0.35 × values motive (0) + 0.15 × the leader's integrity.
    expect(world.orgs.trustworthiness[0]).toBeCloseTo(0.15 * 0.4, 12);
    // The ties org 0 had restart at leader level (0.1 with no history and no officers), while its former leader's trust
    // goes with them to org 1: new ties to 2 and 3 at 0.8 / 0.7 and 0.6 / 0.5, organisation-level trust 0.1.
    const t = world.ties;
    for (const j of [2, 3]) expect([t.leaderAB[findTie(world, 0, j)], t.leaderBA[findTie(world, 0, j)]]).toEqual([0.1, 0.1]);
    const to2 = findTie(world, 1, 2);
    const to3 = findTie(world, 1, 3);
    expect([t.leaderAB[to2], t.leaderBA[to2], t.trustAB[to2], t.strength[to2]]).toEqual([0.8, 0.7, 0.1, 0.15]);
    expect([t.leaderAB[to3], t.leaderBA[to3]]).toEqual([0.6, 0.5]);
    expect(ctx.events).toEqual([{ step: 1, kind: 'leader-moved', partnership: -1, organisations: [0, 1], cause: 'moved', leader: 0 }]);
    // Experience grows only in post, and not between leaving one post and taking the next in the same step.
    const experience = world.leaders.experience[0];
    expect(world.posts.filter((post) => post.leader === 0)).toEqual([
      { leader: 0, org: 0, from: 0, to: 1, startExperience: expect.any(Number), endExperience: experience },
      { leader: 0, org: 1, from: 1, to: null, startExperience: experience, endExperience: null },
    ]);
    expect(world.seekers).toEqual([]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it('carries no trust to a contact whose leader has changed, and a seeker with no vacancy waits, then gives up', () => {
    const world = fourSchools();
    // 0's and 2's leaders leave; 0's seeks, 2's retires. Vacancy 0 goes outside (its seeker left it), vacancy 2 to
    // leader 0, whose contact at 2 is then itself and whose contact at 3 kept its leader.
    const rng = scriptedRng([0.1, 0.1, 0.9, 0.2, 0.9, 0.9, 0.5, 0.5, 0.4, 0.5]);
    turnOverLeadersInPlace(world, smallContext(world, rng, { levers: { turnover: 0.5 } }));
    expect(rng.left()).toBe(0);
    expect(Array.from(world.orgs.leaderId)).toEqual([4, 1, 0, 3]);
    const t = world.ties;
    const to3 = findTie(world, 2, 3);
    expect([t.leaderAB[to3], t.leaderBA[to3]]).toEqual([0.6, 0.5]);
    // Next year only 3's leader leaves and seeks, and no post is vacant but its own: it waits. The year after, it gives up
    // (draw under 1 − e^(−1) = 0.632) before anyone leaves.
    const wait = scriptedRng([0.9, 0.9, 0.9, 0.1, 0.1, 0.5, 0.5, 0.4]);
    turnOverLeadersInPlace(world, smallContext(world, wait, { levers: { turnover: 0.5 } }));
    expect(world.seekers.map((s) => s.leader)).toEqual([3]);
    expect(world.orgs.leaderId[3]).toBe(5);
    const giveUp = scriptedRng([0.6, 0.9, 0.9, 0.9, 0.9]);
    turnOverLeadersInPlace(world, smallContext(world, giveUp, { levers: { turnover: 0.5 } }));
    expect(giveUp.left()).toBe(0);
    expect(world.seekers).toEqual([]);
    expect(brokenInvariants(world)).toEqual([]);
  });

  it('puts heads of schools and academies on one ladder, and every other kind on its own', () => {
    const [school, academy, college, la] = ['school', 'academy', 'college', 'localAuthority'].map((k) => ORG_KINDS.indexOf(k as never));
    expect(sameLadder(school, academy)).toBe(true);
    expect(sameLadder(academy, school)).toBe(true);
    expect(sameLadder(school, college)).toBe(false);
    expect(sameLadder(la, school)).toBe(false);
    expect(sameLadder(college, college)).toBe(true);
  });
});

describe('leaders over runs', () => {
  it('lead one organisation each at every step, and fill some vacancies from within the system', () => {
    let moves = 0;
    let posts = 0;
    for (const seed of [1, 2]) {
      const scenario = normalizeScenario(
        {
          time: { steps: 60 },
          organisations: { areas: 2, kinds: { school: 40, academy: 20, trust: 2, college: 2, provider: 4, community: 6 } },
        },
        'leaders',
      );
      const sim = new Simulation(scenario, seed);
      const before = sim.world.posts.length;
      for (let s = 0; s < 60; s++) {
        sim.advance();
        expect(brokenInvariants(sim.world), `after step ${sim.step}`).toEqual([]);
      }
      moves += sim.events.filter((e) => e.kind === 'leader-moved').length;
      posts += sim.world.posts.length - before;
    }
    // Of the posts taken in five years (about 12% of 78 organisations a year), a share close to moveShare (0.3) went to
    // leaders from another post in the system: fewer where no vacancy on their ladder opened before they gave up.
    expect(posts).toBeGreaterThan(50);
    expect(moves / posts).toBeGreaterThan(0.1);
    expect(moves / posts).toBeLessThan(0.35);
  }, 60_000);
});
