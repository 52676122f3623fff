// Shared norms (ODD 7.8): each step every member of an active partnership closes 1 − e^(−rate dt) of its gap to the
// partnership's agenda, the members' norms weighted by their say (1 − influence + influence × power), at
// rate = 0.06 (0.5 + trust)(1 + principles)(0.7 + 0.6 × the lead's experience) a year. Hand-worked cases on small
// worlds; nothing is drawn.
import { describe, expect, it } from 'vitest';
import { convergeNormsInPlace } from '../../src/model/norms.ts';
import { removeMemberInPlace } from '../../src/model/partnerships.ts';
import { type Partnership, setExperienceInPlace, type World } from '../../src/model/world.ts';
import { createRng } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { inPartnership, type ParamOverrides, scriptedRng, smallContext, smallWorld } from './small-world.ts';

/** Returns a world of organisations with these powers and norms, each led by a leader with this experience (0 unless given). */
function worldOf(power: readonly number[], norms: readonly number[], experience: readonly number[] = []): World {
  const world = smallWorld(power.length);
  world.orgs.power.set(power);
  world.orgs.norms.set(norms);
  experience.forEach((x, id) => setExperienceInPlace(world, id, x));
  return world;
}

/** Puts these organisations in a partnership led by the first, with this trust and (or not) a statement of principles. */
function partnership(world: World, members: readonly number[], trust: number, principles = false): Partnership {
  const p = world.partnerships[inPartnership(world, members)];
  return Object.assign(p, { trust, principles });
}

/** Runs the mechanism once on the world, drawing nothing; returns the organisations' norms after it. */
function converge(world: World, options: { stepsPerYear?: number; params?: ParamOverrides } = {}): number[] {
  const rng = scriptedRng([]);
  convergeNormsInPlace(world, smallContext(world, rng, options));
  expect(rng.left()).toBe(0);
  return Array.from(world.orgs.norms);
}

describe('convergeNormsInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    const P = defaultParams();
    expect(P.norms).toEqual({ convergence: 0.06, trustOffset: 0.5, principlesBoost: 1, experienceFloor: 0.7, experienceGain: 0.6 });
    expect(P.power).toEqual({ influence: 0.5 });
  });

  it('moves every member, in a yearly step, by the closed-form share of its gap to the say-weighted agenda', () => {
    // Powers 0.8, 0.2, 0.5 give says 0.9, 0.6, 0.75 (influence 0.5): agenda (0.09 + 0.54 + 0.3) / 2.25 = 0.413333…,
    // not the plain mean 0.466667. Trust 0.4, no principles, lead 0 of experience 0.5: rate 0.06 × 0.9 × 1 × 1 = 0.054,
    // share 1 − e^(−0.054) = 0.0525678935. Organisation 3, in no partnership, keeps its norms.
    const world = worldOf([0.8, 0.2, 0.5, 0.9], [0.1, 0.9, 0.4, 0.7], [0.5, 1, 1, 1]);
    partnership(world, [0, 1, 2], 0.4);
    const norms = converge(world);
    [0.1164712733, 0.8744169585, 0.4007009052, 0.7].forEach((expected, i) =>
      expect(norms[i], `organisation ${i}`).toBeCloseTo(expected, 9),
    );
  });

  it.each([
    // [influence, agenda]: say-weighted means of norms 0.1 and 0.9 for powers 0.8 and 0.2.
    [0, 0.5], // says 1 and 1: the plain mean
    [0.5, (0.9 * 0.1 + 0.6 * 0.9) / 1.5], // says 0.9 and 0.6: 0.42
    [1, (0.8 * 0.1 + 0.2 * 0.9) / 1], // says 0.8 and 0.2: 0.26
  ])('with influence %s, moves both members towards %s', (influence, agenda) => {
    // Rate 0.06 × 0.5 × 1 × 0.7 = 0.021 (trust 0, no principles, a lead of no experience): share 0.0207810.
    const share = 1 - Math.exp(-0.021);
    const world = worldOf([0.8, 0.2], [0.1, 0.9]);
    partnership(world, [0, 1], 0);
    const norms = converge(world, { params: { power: { influence } } });
    expect(norms[0]).toBeCloseTo(0.1 + share * (agenda - 0.1), 12);
    expect(norms[1]).toBeCloseTo(0.9 + share * (agenda - 0.9), 12);
  });

  it('takes the plain mean when no member has any say', () => {
    // Influence 1, every power 0: every say 0, so the agenda is the mean norms, 0.5.
    const world = worldOf([0, 0], [0.2, 0.8]);
    partnership(world, [0, 1], 0);
    const norms = converge(world, { params: { power: { influence: 1 } } });
    const share = 1 - Math.exp(-0.021);
    expect(norms[0]).toBeCloseTo(0.2 + share * 0.3, 12);
    expect(norms[1]).toBeCloseTo(0.8 - share * 0.3, 12);
  });

  it.each([
    // [partnership's trust, a statement of principles, its lead's experience, rate a year]
    [0, false, 0, 0.021], // 0.06 × 0.5 × 1 × 0.7
    [1, false, 0, 0.063], // 0.06 × 1.5 × 1 × 0.7: trust raises it
    [0, true, 0, 0.042], // 0.06 × 0.5 × 2 × 0.7: principles double it
    [0, false, 1, 0.039], // 0.06 × 0.5 × 1 × 1.3: an experienced lead raises it
    [0.5, true, 0.5, 0.12], // 0.06 × 1 × 2 × 1
    [1, true, 1, 0.234], // 0.06 × 1.5 × 2 × 1.3
  ])(
    'with trust %s, principles %s and a lead of experience %s, closes 1 − e^(−%s) of the gap in a year',
    (trust, principles, experience, rate) => {
      // Equal powers, norms 0 and 1: the agenda is 0.5 whatever the influence. Member 1's leader has experience 0.9,
      // which must not count: only the lead's does.
      const world = worldOf([0.5, 0.5], [0, 1], [experience, 0.9]);
      partnership(world, [0, 1], trust, principles);
      const norms = converge(world);
      const share = 1 - Math.exp(-rate);
      expect(norms[0]).toBeCloseTo(0.5 * share, 12);
      expect(norms[1]).toBeCloseTo(1 - 0.5 * share, 12);
    },
  );

  it('reads the experience of the leader who leads the lead now', () => {
    // Organisation 0 leads; its post passes to leader 2 (experience 1), whose experience it keeps with its own columns as
    // an appointment does, so the rate is 0.039, not 0.021.
    const world = worldOf([0.5, 0.5, 0.5], [0, 1, 0], [0, 0, 1]);
    partnership(world, [0, 1], 0);
    world.orgs.leaderId[0] = 2;
    world.orgs.leaderExperience[0] = world.leaders.experience[2];
    expect(converge(world)[0]).toBeCloseTo(0.5 * (1 - Math.exp(-0.039)), 12);
  });

  it('keeps the agenda where it was, so twelve monthly steps close as much of the gap as one yearly step', () => {
    // Every member closes the same share of its gap to the agenda, so the say-weighted mean does not move, and each
    // gap shrinks by e^(−rate dt) a step: after twelve months, by e^(−0.054) as in the first case.
    const world = worldOf([0.8, 0.2, 0.5], [0.1, 0.9, 0.4], [0.5, 0, 0]);
    partnership(world, [0, 1, 2], 0.4);
    let norms: number[] = [];
    for (let month = 0; month < 12; month++) norms = converge(world, { stepsPerYear: 12 });
    [0.1164712733, 0.8744169585, 0.4007009052].forEach((expected, i) => expect(norms[i], `organisation ${i}`).toBeCloseTo(expected, 9));
    // One month alone closes 1 − e^(−0.0045) = 0.0044899 of each gap.
    const once = worldOf([0.8, 0.2, 0.5], [0.1, 0.9, 0.4], [0.5, 0, 0]);
    partnership(once, [0, 1, 2], 0.4);
    expect(converge(once, { stepsPerYear: 12 })[0]).toBeCloseTo(0.1 + (1 - Math.exp(-0.0045)) * (0.93 / 2.25 - 0.1), 12);
  });

  it('moves a member of two partnerships towards each in turn, in the order they are active', () => {
    // 0 is in A with 1 and in B with 2; equal powers, no trust, no principles, no experience: rate 0.021, share s.
    // A: agenda 0.5, so 0 goes to 0.5 s and 1 to 1 − 0.5 s. B: agenda (0.5 s + 1) / 2 from 0's new norms and 2's 1,
    // so 0 goes to 0.5 s + s ((0.5 s + 1) / 2 − 0.5 s) = 0.0103905 + 0.0207810 × 0.4948048 = 0.0206731.
    const s = 1 - Math.exp(-0.021);
    const world = worldOf([0.5, 0.5, 0.5], [0, 1, 1]);
    partnership(world, [0, 1], 0);
    partnership(world, [0, 2], 0);
    const norms = converge(world);
    const afterA = 0.5 * s;
    const agendaB = (afterA + 1) / 2;
    expect(norms[0]).toBeCloseTo(afterA + s * (agendaB - afterA), 12);
    expect(norms[0]).toBeCloseTo(0.0206731, 7);
    expect(norms[1]).toBeCloseTo(1 - 0.5 * s, 12);
    expect(norms[2]).toBeCloseTo(1 - s * (1 - agendaB), 12);
  });

  it('leaves the members of a dissolved partnership alone', () => {
    const world = worldOf([0.5, 0.5, 0.5], [0, 1, 0.5]);
    const p = partnership(world, [0, 1], 1, true);
    removeMemberInPlace(world, smallContext(world, createRng(1)), p, 1, 'no-purpose');
    expect(world.active).toEqual([]);
    expect(converge(world)).toEqual([0, 1, 0.5]);
  });
});
