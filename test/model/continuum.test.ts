// The weak-to-strong continuum's ordinal levels: thresholds, and hysteresis that keeps noise from flapping the level.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelFor } from '../../src/model/continuum.ts';
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
