// The weak-to-strong continuum (ODD 7.11): its ordinal levels, thresholds and the hysteresis that keeps noise from
// flapping the level; and the mechanism's step on a hand-built partnership, its features worked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelFor, scoreContinuumInPlace } from '../../src/model/continuum.ts';
import type { Partnership, World } from '../../src/model/world.ts';
import { inPartnership, scriptedRng, type SmallContext, smallContext, smallWorld } from './small-world.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { LEVEL_NAMES } from '../../src/model/vocabulary.ts';

const C = defaultParams().continuum;
const TH = [C.thresholdCoordinating, C.thresholdCooperating, C.thresholdCollaborating];
const H = C.hysteresis;

describe('levelFor', () => {
  it('has three thresholds for the four levels, and a hysteresis margin of 0.02', () => {
    expect(TH).toEqual([0.25, 0.5, 0.75]);
    expect(H).toBe(0.02);
    expect(LEVEL_NAMES).toHaveLength(TH.length + 1);
  });

  it('gives the level from the thresholds when the score is well inside a level', () => {
    for (let current = 0; current < 4; current++) {
      expect(levelFor(0.1, current, C)).toBe(0);
      expect(levelFor(0.37, current, C)).toBe(1);
      expect(levelFor(0.62, current, C)).toBe(2);
      expect(levelFor(0.9, current, C)).toBe(3);
    }
  });

  it('keeps the level while the score stays inside it', () => {
    expect(levelFor(0, 0, C)).toBe(0);
    expect(levelFor(0.45, 1, C)).toBe(1);
    expect(levelFor(0.65, 2, C)).toBe(2);
    expect(levelFor(1, 3, C)).toBe(3);
  });

  it.each([
    [0, 0.25],
    [1, 0.5],
    [2, 0.75],
  ])('moves up from level %i only once the score passes threshold %s + hysteresis', (from, threshold) => {
    expect(levelFor(threshold, from, C)).toBe(from);
    expect(levelFor(threshold + 0.01, from, C)).toBe(from);
    expect(levelFor(threshold + 0.019, from, C)).toBe(from);
    expect(levelFor(threshold + 0.021, from, C)).toBe(from + 1);
    expect(levelFor(threshold + 0.03, from, C)).toBe(from + 1);
  });

  it.each([
    [1, 0.25],
    [2, 0.5],
    [3, 0.75],
  ])('moves down from level %i only once the score falls past threshold %s - hysteresis', (from, threshold) => {
    expect(levelFor(threshold, from, C)).toBe(from);
    expect(levelFor(threshold - 0.001, from, C)).toBe(from);
    expect(levelFor(threshold - 0.019, from, C)).toBe(from);
    expect(levelFor(threshold - 0.021, from, C)).toBe(from - 1);
    expect(levelFor(threshold - 0.03, from, C)).toBe(from - 1);
  });

  it('jumps several levels when the score passes several thresholds by more than the margin', () => {
    expect(levelFor(0.9, 0, C)).toBe(3);
    expect(levelFor(0.6, 0, C)).toBe(2);
    expect(levelFor(0.1, 3, C)).toBe(0);
  });

  it('moves up as far as the margins allow: a score past 0.5 + 0.02 but within the margin of 0.75 lifts level 0 or 1 to 2', () => {
    // 0.76 is past the 1/2 threshold by far more than the margin; only the 2/3 threshold is within it.
    expect(levelFor(0.76, 0, C)).toBe(2);
    expect(levelFor(0.765, 1, C)).toBe(2);
    expect(levelFor(0.26, 0, C)).toBe(0);
  });

  it('gives a level whose band, widened by the margin, holds the score; and keeps the current level whenever its widened band holds it', () => {
    const lower = (level: number) => (level === 0 ? -Infinity : TH[level - 1] - H);
    const upper = (level: number) => (level === TH.length ? Infinity : TH[level] + H);
    fc.assert(
      // Scores spread evenly over [0, 1] (fc.double would crowd them near 0).
      fc.property(
        fc.integer({ min: 0, max: 100000 }).map((k) => k / 100000),
        fc.integer({ min: 0, max: 3 }),
        (score, current) => {
          const level = levelFor(score, current, C);
          expect(level).toBeGreaterThanOrEqual(0);
          expect(level).toBeLessThanOrEqual(3);
          expect(score >= lower(level) && score < upper(level), `score ${score} from level ${current} gave ${level}`).toBe(true);
          // Strictly inside the current level's widened band (away from float rounding at its edges): no move.
          if (score > lower(current) + 1e-9 && score < upper(current) - 1e-9) expect(level).toBe(current);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

// The mechanism's step, on a partnership of three organisations with every tie set by hand: its four features, its score,
// its members' trust as they see it, its peak, and its moves along the continuum with their events.
describe('scoreContinuumInPlace', () => {
  /** A partnership of organisations 0, 1 and 2 (a triangle of ties, strength 0.4) with norms 0.2, 0.4, 0.6, the
   * members' commitments 0.3, 0.6, 0.9 and organisation-level trust 0.6 and leader-level 0.2 in every direction but
   * 0's in 1 (organisation 0.9, leader 0.5); culture 1 in the area. */
  function triangle(): { world: World; p: Partnership } {
    const world = smallWorld(3);
    const p = world.partnerships[inPartnership(world, [0, 1, 2])];
    const t = world.ties;
    expect(p.ties).toHaveLength(3);
    for (const slot of p.ties) {
      t.strength[slot] = 0.4;
      t.trustAB[slot] = t.trustBA[slot] = 0.6;
      t.leaderAB[slot] = t.leaderBA[slot] = 0.2;
      if (t.a[slot] + t.b[slot] === 1) {
        // The tie between 0 and 1: 0's trust in 1.
        if (t.a[slot] === 0) [t.trustAB[slot], t.leaderAB[slot]] = [0.9, 0.5];
        else [t.trustBA[slot], t.leaderBA[slot]] = [0.9, 0.5];
      }
    }
    world.orgs.norms.set([0.2, 0.4, 0.6]);
    p.roles.forEach((role, k) => (world.roles.commitment[role] = [0.3, 0.6, 0.9][k]));
    return { world, p };
  }

  function score(world: World, culture = 1): SmallContext {
    const rng = scriptedRng([]);
    const ctx = smallContext(world, rng, { levers: { culture } });
    scoreContinuumInPlace(world, ctx);
    expect(rng.left()).toBe(0);
    return ctx;
  }

  it('scores the four features and their mean, and records each member’s trust in those it is tied to', () => {
    // Effective trust (leader weight 0.5): 0.4 in five directions, 0.7 in 0's in 1: trust (5 × 0.4 + 0.7) / 6 = 0.45.
    // Network: 0.4 × density 1 + 0.6 × strength 0.4 = 0.64. Norms: their spread sqrt(0.02/0.75)… = 0.163299, the area's
    // 1/sqrt(12) = 0.288675: 1 − 0.565685 = 0.434315. Motivation: mean commitment 0.6. Score: 2.124315 / 4.
    const { world, p } = triangle();
    score(world);
    expect(p.trust).toBeCloseTo(0.45, 12);
    expect(p.network).toBeCloseTo(0.64, 12);
    expect(p.norms).toBeCloseTo(1 - Math.sqrt(2 / 75) * Math.sqrt(12), 12);
    expect(p.motivation).toBeCloseTo(0.6, 12);
    expect(p.score).toBeCloseTo((0.45 + 0.64 + p.norms + 0.6) / 4, 12);
    // 0 sees 1 at 0.7 and 2 at 0.4; 1 and 2 see 0.4 everywhere.
    expect(p.roles.map((r) => world.roles.trust[r])).toEqual([0.55, 0.4, 0.4].map((x) => expect.closeTo(x, 12)));
    expect(p.roles.map((r) => world.roles.orgTrust[r])).toEqual([0.75, 0.6, 0.6].map((x) => expect.closeTo(x, 12)));
    expect(p.roles.map((r) => world.roles.leaderTrust[r])).toEqual([0.35, 0.2, 0.2].map((x) => expect.closeTo(x, 12)));
  });

  it('reads the norms feature against the spread of cultures in the area: half the culture, twice the spread', () => {
    const { world, p } = triangle();
    score(world, 0.5);
    expect(p.norms).toBeCloseTo(Math.max(0, 1 - 2 * Math.sqrt(2 / 75) * Math.sqrt(12)), 12);
  });

  it('moves a networking partnership up by as many levels as its score has cleared, saying so once, with its strongest feature', () => {
    // Score 0.531 clears 0.25 + 0.02 and 0.5 + 0.02: networking to cooperating in one step; network (0.64) is highest.
    const { world, p } = triangle();
    p.level = 0;
    p.peakLevel = 0;
    p.peak = { trust: 0, network: 0, norms: 0, motivation: 0, score: 0 };
    const ctx = score(world);
    expect(p.level).toBe(2);
    expect(p.peakLevel).toBe(2);
    expect(ctx.events).toEqual([
      { step: 1, kind: 'strengthened', partnership: p.id, organisations: [0, 1, 2], cause: 'network', level: 'cooperating' },
    ]);
    expect(p.peak).toEqual({ trust: p.trust, network: p.network, norms: p.norms, motivation: p.motivation, score: p.score });
    // Scored again, the same: no move, no event.
    const again = score(world);
    expect([p.level, again.events.length]).toEqual([2, 0]);
  });

  it('moves a collaborating partnership down, naming its weakest feature, and keeps its peak', () => {
    const { world, p } = triangle();
    p.level = 3;
    p.peakLevel = 3;
    p.peak = { trust: 1, network: 1, norms: 1, motivation: 1, score: 1 };
    const ctx = score(world);
    expect(p.level).toBe(2);
    expect(p.peakLevel).toBe(3);
    expect(ctx.events).toEqual([
      { step: 1, kind: 'weakened', partnership: p.id, organisations: [0, 1, 2], cause: 'norms', level: 'cooperating' },
    ]);
    expect(p.peak.score).toBe(1);
  });

  it('leaves a dissolved partnership alone', () => {
    const { world, p } = triangle();
    world.active.length = 0;
    p.level = 0;
    const before = p.score;
    const ctx = score(world);
    expect([p.level, p.score, ctx.events.length]).toEqual([0, before, 0]);
    expect(p.trust).not.toBeCloseTo(0.45, 3);
  });
});
