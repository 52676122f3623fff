// Trust is built slowly and lost quickly: the asymmetric update of Pant & Yu (2025), with reputation
// damage, and trust types whose depth slows its loss (Lewicki & Bunker 1996).
import type { ModelParams } from '../scenario/parameters/index.ts';
import type { TrustParams } from '../scenario/schema.ts';

/** Values below this are flushed to zero: subnormal floats slow the step loop many-fold (numerical, not a model parameter). */
export const FLUSH = 1e-9;

/** Returns the signal s = tanh(k (a - b)) of a contribution a against the expected b (Pant & Yu 2025). */
export function trustSignal(contribution: number, expected: number, sensitivity: number): number {
  return Math.tanh(sensitivity * (contribution - expected));
}

/** Returns trust after one interaction with signal s (Pant & Yu 2025): for s > 0 it closes a share l_up s of the gap to
 * the ceiling 1 - R (reputation damage R lowers it); for s < 0 it takes a share l_down |s| (1 + x D) of trust, faster
 * the more the truster depends on its partner (D in [0, 1]), the loss scaled by `resilience` (below 1 for deeper trust
 * types, Lewicki & Bunker 1996). A step holds as many interactions as its Poisson draw gives, each its own update, so
 * a year has the same effect at any step length. Clamped to [0, 1], near-zero flushed. */
export function nextTrust(t: number, r: number, s: number, resilience: number, dependence: number, p: TrustParams): number {
  let next = t;
  if (s > 0) next = t + Math.max(0, 1 - r - t) * p.up * s;
  else if (s < 0) next = t * (1 - Math.min(1, p.down * resilience * -s * (1 + p.dependenceWeight * dependence)));
  next = Math.min(1, Math.max(0, next));
  return next * +(next > FLUSH);
}

/** Returns reputation damage after one interaction with signal s (Pant & Yu 2025): a violation closes a share g |s| of
 * the gap to 1, an interaction without one lets a share of it decay. */
export function nextDamage(r: number, s: number, p: TrustParams): number {
  const next = s < 0 ? 1 - (1 - r) * (1 - Math.min(1, p.damageGrowth * -s)) : r * (1 - p.damageDecay);
  const clamped = Math.min(1, next);
  return clamped * +(clamped > FLUSH);
}

/** Returns the trust type (0 calculus, 1 knowledge, 2 identification) from repeated interaction, trust and shared norms (Lewicki & Bunker 1996). */
export function trustTypeOf(interactions: number, trust: number, normGap: number, p: ModelParams['trustTypes']): number {
  const knowledge = +(interactions >= p.knowledgeInteractions);
  return knowledge + knowledge * +(trust >= p.identificationTrust) * +(normGap <= p.identificationNormGap);
}

/** Returns how much of the calculated trust loss each trust type suffers, indexed by trustTypeOf: deeper trust is harder to lose. */
export function resilienceByType(p: ModelParams['trustTypes']): readonly number[] {
  return [1, p.knowledgeResilience, p.identificationResilience];
}
