// The page's clock: steps at the speed asked, a few at most a frame, and a slow frame never owes steps.
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_MS, MAX_STEPS_PER_FRAME, stepsForFrame } from '../../src/web/clock.ts';

describe('steps for a frame', () => {
  it('takes the speed in steps per second over smooth 60 Hz frames', () => {
    let carry = 0;
    let steps = 0;
    for (let f = 0; f < 60; f++) {
      const next = stepsForFrame(carry, 1000 / 60, 12);
      carry = next.carry;
      steps += next.steps;
    }
    expect(steps).toBe(12);
  });

  it('carries a part of a step to the next frame', () => {
    expect(stepsForFrame(0, 50, 10)).toEqual({ steps: 0, carry: 0.5 });
    expect(stepsForFrame(0.5, 50, 10)).toEqual({ steps: 1, carry: 0 });
  });

  it('takes at most a few steps in a slow frame and drops the backlog', () => {
    const slow = stepsForFrame(0, 2000, 60);
    expect(slow.steps).toBe(MAX_STEPS_PER_FRAME);
    expect(slow.carry).toBeLessThan(1);
    expect(stepsForFrame(0, 10 * MAX_FRAME_MS, 8)).toEqual(stepsForFrame(0, MAX_FRAME_MS, 8));
  });

  it('takes fewer steps when told a smaller budget, and none when paused at speed 0 or with no time', () => {
    expect(stepsForFrame(0, 100, 60, 1).steps).toBe(1);
    expect(stepsForFrame(0, 100, 0).steps).toBe(0);
    expect(stepsForFrame(0, 0, 60).steps).toBe(0);
  });
});
