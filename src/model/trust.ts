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

/** Returns trust after signal s (Pant & Yu 2025): for s > 0, T + l_up s (1 - R - T), the ceiling lowered
 * by reputation damage R; for s < 0, T - l_down |s| T (1 + x D), faster the more the truster depends on
 * its partner (D in [0, 1]), the loss scaled by `resilience` (below 1 for deeper trust types, Lewicki &
 * Bunker 1996). Branch-free, clamped to [0, 1], near-zero flushed. */
export function nextTrust(t: number, r: number, s: number, resilience: number, dependence: number, p: TrustParams): number {
  const pos = +(s > 0);
  const neg = +(s < 0);
  const gain = pos * p.up * s * Math.max(0, 1 - r - t);
  const loss = neg * p.down * resilience * -s * t * (1 + p.dependenceWeight * dependence);
  const next = Math.min(1, Math.max(0, t + gain - loss));
  return next * +(next > FLUSH);
}

/** Returns reputation damage after signal s (Pant & Yu 2025): it grows by g |s| (1 - R) with a violation and decays by R's decay rate otherwise. */
export function nextDamage(r: number, s: number, p: TrustParams): number {
  const neg = +(s < 0);
  const next = Math.min(1, r + neg * p.damageGrowth * -s * (1 - r) - (1 - neg) * p.damageDecay * r);
  return next * +(next > FLUSH);
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
