// Partner choice weighs trust against expected gain, with a weight each organisation adapts to what it suffers
// (Gorobets & Nooteboom 2006).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import type { World } from './world.ts';

/**
 * Adapts each organisation's weight on trust in partner choice, in place (Gorobets & Nooteboom 2006):
 * suffering defection raises it, a step of cooperation received lowers it slowly towards gain.
 */
export function adaptTrustWeightsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.trustWeights;
  for (let i = 0; i < o.n; i++) {
    const hurt = +(o.betrayed[i] > 0);
    const helped = +(o.rewarded[i] > 0) * (1 - hurt);
    o.trustWeight[i] += hurt * P.up * (1 - o.trustWeight[i]) - helped * P.down * o.trustWeight[i];
  }
}

/** Partner-choice weights adapt to what the interaction of this step brought (ODD 7.7). */
export const trustWeights: Mechanism = { id: 'trustWeights', odd: '7.7', blocks: ['trustWeights'], run: adaptTrustWeightsInPlace };
