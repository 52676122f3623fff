// Partner choice weighs trust against expected gain, with a weight each organisation adapts to what it suffers
// (Gorobets & Nooteboom 2006).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import type { World } from './world.ts';

/**
 * Adapts each organisation's weight on trust in partner choice, in place (Gorobets & Nooteboom 2006): each defection
 * it suffered this step raises it, and in a step without one each cooperation it received lowers it slowly towards
 * gain (the counts are the interactions of the step, so a year does the same at any step length).
 */
export function adaptTrustWeightsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.trustWeights;
  const up = Math.log1p(-P.up);
  const down = Math.log1p(-P.down);
  for (let i = 0; i < o.n; i++) {
    const w = o.trustWeight[i];
    o.trustWeight[i] = o.betrayed[i] > 0 ? 1 - (1 - w) * Math.exp(up * o.betrayed[i]) : w * Math.exp(down * o.rewarded[i]);
  }
}

/** Partner-choice weights adapt to what the interaction of this step brought (ODD 7.7). */
export const trustWeights: Mechanism = { id: 'trustWeights', odd: '7.7', blocks: ['trustWeights'], run: adaptTrustWeightsInPlace };
