// Distances between simulated statistics and observed targets, each target's deviation scaled by its own stated
// uncertainty, so that a target known to within a percentage point weighs more than one known to within ten, and
// statistics of different units (counts, shares, rates) add up.
import { Z_975 } from '../engine/survival.ts';

/** An observed value and its uncertainty: a standard deviation, or a 95% interval (which may be asymmetric). */
export interface Observation {
  readonly observed: number;
  readonly sd: number | null;
  readonly interval: readonly [low: number, high: number] | null;
}

/**
 * Returns a simulated value's deviation from an observation in units of the observation's uncertainty: (simulated −
 * observed) / sd, or, for a 95% interval, over the half-width on the side where the simulated value falls divided by
 * z₀.₉₇₅ = 1.96 (the sd a normal with that interval would have). Infinity when the value is null (not measured).
 */
export function targetDeviation(observation: Observation, simulated: number | null): number {
  if (simulated === null) return Number.POSITIVE_INFINITY;
  const difference = simulated - observation.observed;
  if (difference === 0) return 0;
  const scale = observationScale(observation, difference > 0 ? 'above' : 'below');
  return scale > 0 ? difference / scale : Math.sign(difference) * Number.POSITIVE_INFINITY;
}

/** Returns an observation's standard deviation on one side: its sd, or the interval's half-width on that side / 1.96. */
export function observationScale(observation: Observation, side: 'above' | 'below'): number {
  if (observation.sd !== null) return observation.sd;
  const [low, high] = observation.interval as readonly [number, number];
  return (side === 'above' ? high - observation.observed : observation.observed - low) / Z_975;
}

/** Returns the root mean square of scaled deviations: the distance, in units of uncertainty, of simulated statistics
 * from their targets (Infinity when any is); a distance of 1 means one standard deviation off on average. */
export function rmsDistance(deviations: readonly number[]): number {
  let sum = 0;
  for (const deviation of deviations) sum += deviation * deviation;
  return deviations.length === 0 ? 0 : Math.sqrt(sum / deviations.length);
}

/** Returns the distance of simulated statistics from their observations: the root mean square of their scaled deviations. */
export function scaledDistance(observations: readonly Observation[], simulated: readonly (number | null)[]): number {
  return rmsDistance(observations.map((observation, k) => targetDeviation(observation, simulated[k])));
}

/** Tells whether a simulated value lies within its observation's 95% interval (observed ± 1.96 sd, or the interval). */
export function withinUncertainty(observation: Observation, simulated: number | null): boolean {
  return Math.abs(targetDeviation(observation, simulated)) <= Z_975;
}
