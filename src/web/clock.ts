// The model's clock (its worker's, model-worker.ts): steps are taken at a fixed rate (steps per second) from an
// accumulator of elapsed time, separately from drawing. A slow span takes at most a few steps and drops the rest of its
// backlog, so the run slows down rather than falls behind; results depend only on how many steps were taken, never on timing.

/** The most steps taken in one frame. */
export const MAX_STEPS_PER_FRAME = 4;

/** The longest frame counted, in ms: a tab that was hidden for a minute does not come back owing steps. */
export const MAX_FRAME_MS = 250;

/** The slowest and fastest speeds of the speed slider, in steps per second. */
export const SPEED_MIN = 1;
export const SPEED_MAX = 60;

/** Returns how many steps to take in a frame of `elapsedMs` at `speed` steps per second, and the fraction of a step carried to the next frame. */
export function stepsForFrame(
  carry: number,
  elapsedMs: number,
  speed: number,
  maxSteps = MAX_STEPS_PER_FRAME,
): { steps: number; carry: number } {
  const owed = carry + (Math.min(Math.max(0, elapsedMs), MAX_FRAME_MS) * Math.max(0, speed)) / 1000;
  const steps = Math.min(maxSteps, Math.floor(owed));
  // What the frame could not take is dropped but for less than one step, so a slow machine never falls further behind.
  return { steps, carry: Math.min(owed - steps, 1 - 1e-9) };
}
