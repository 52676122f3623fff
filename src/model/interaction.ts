// Partners interact, contribute or defect, and update trust: the step loop's hot part, one pass over
// the sparse ties with one typed array per field and branch-free arithmetic.
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { FLUSH, nextDamage, nextTrust, resilienceByType, trustSignal, trustTypeOf } from './trust.ts';
import { effectiveTrust, removeTieInPlace, type World } from './world.ts';

/**
 * Sets each organisation's effort and shadow of the future for this step, in place. Effort: the share of
 * its capacity it gives to partnership work, from its motivation mix (shared values give most, compliance
 * least; Dhillon 2009) and how stretched its capacity (which funding adds to) is across partnerships. Shadow of the future w: the expected
 * continuation of its partnerships, cut short when its benefit depends on funding that is due to end
 * (Nowak 2006: reciprocity holds only while w > c/b).
 */
export function prepareOrgsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const E = ctx.params.effort;
  const I = ctx.params.interaction;
  const funded = 1 + ctx.params.partnerships.carrotCapacity * ctx.levers.carrot;
  const fundHorizon = ctx.fundHorizon;
  for (let i = 0; i < o.n; i++) {
    const mix = E.valuesWeight * o.motValues[i] + E.resourcesWeight * o.motResources[i] + E.complianceWeight * o.motCompliance[i];
    const stretch = Math.min(1, (o.capacity[i] * funded) / (E.firstMembershipCapacity + E.membershipCapacity * o.memberships[i]));
    o.effort[i] = Math.min(1, mix * stretch * (E.experienceFloor + E.experienceGain * o.leaderExperience[i]));
    o.resolve[i] = o.trustworthiness[i] - I.costBase - I.costCapacity * (1 - o.capacity[i]);
    const fd = o.fundDependence[i];
    o.shadow[i] = ((1 - fd) * E.continuation + fd * fundHorizon) * (1 - E.nonLocalShadowCut * o.nonLocal[i]);
    o.betrayed[i] = 0;
    o.rewarded[i] = 0;
  }
}

/**
 * Runs one round of interaction over every tie, in place, and returns the number of ties updated.
 * Co-members interact every step, other ties by chance in proportion to their strength. Each side
 * defects with a chance that rises as its temptation c - w b nears and passes its trustworthiness
 * (Nowak 2006; Gorobets & Nooteboom 2004: a threshold of defection, with logistic noise); competitors
 * of the same kind in the same area are more tempted. What each side sees updates its organisation-
 * and leader-level trust (Pant & Yu 2025), deeper trust types losing less (Lewicki & Bunker 1996); tie
 * strength follows trust while the tie is used and fades when it is not (Granovetter 1973). Ties
 * outside any partnership that have faded are listed in `drop`.
 */
export function interactInPlace(world: World, ctx: StepContext, drop: number[]): number {
  const o = world.orgs;
  const t = world.ties;
  const rng = ctx.rng;
  const competition = ctx.levers.competition;
  const { market, power, exposure, resolve, effort, shadow, norms, betrayed, rewarded } = o;
  const {
    a: A,
    b: B,
    alive,
    trustAB,
    trustBA,
    leaderAB,
    leaderBA,
    damageAB,
    damageBA,
    strength,
    age,
    interactions,
    shared,
    sharedMandated,
  } = t;
  // Parameters are read into locals once: a property load after a call (each draw) could not be hoisted out of the loop.
  const { informalContact, mandatedContributionCut, rivalryTemptation, benefitBase, benefitShared, complementarity } =
    ctx.params.interaction;
  const { shadowWeight, decisionNoise, expectedContribution } = ctx.params.interaction;
  const tp = ctx.params.trust;
  const sensitivity = tp.sensitivity;
  const tt = ctx.params.trustTypes;
  const { strengthGrowth, strengthDecay, dropStrength, graceSteps } = ctx.params.ties;
  const lw = tt.leaderWeight;
  const resilience = resilienceByType(tt);
  let updated = 0;
  for (let e = 0; e < t.count; e++) {
    if (alive[e] === 0) continue;
    updated++;
    const sh = +(shared[e] > 0);
    const st = strength[e];
    const interact = +(rng() < sh + (1 - sh) * informalContact * st);
    let mutual = 0;
    // Most ties outside partnerships are idle in a step: skipping their exchange halves the loop's cost.
    if (interact === 1) {
      const a = A[e];
      const b = B[e];
      // Contribution: a defecting side gives nothing; in a partnership held together only by mandate,
      // the motive is compliance and the contribution the minimum (Dhillon 2009).
      const compelled = 1 - mandatedContributionCut * sh * +(shared[e] === sharedMandated[e]);
      const rivals = rivalryTemptation * competition * +(market[a] === market[b]);
      const benefit = benefitBase + benefitShared * sh + complementarity * Math.abs(power[a] - power[b]);
      const wA = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[a]) + (1 - sh) * st;
      const wB = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[b]) + (1 - sh) * st;
      // Defection has chance 1 / (1 + exp((threshold - (c - w b)) / noise)), c = base + capacity shortfall + rivalry.
      const defectA = +(rng() * (1 + Math.exp((resolve[a] - rivals * exposure[a] + wA * benefit) / decisionNoise)) < 1);
      const defectB = +(rng() * (1 + Math.exp((resolve[b] - rivals * exposure[b] + wB * benefit) / decisionNoise)) < 1);
      const sOfB = trustSignal((1 - defectB) * effort[b] * compelled, expectedContribution, sensitivity);
      const sOfA = trustSignal((1 - defectA) * effort[a] * compelled, expectedContribution, sensitivity);
      // Trust type from repeated interaction and shared norms sets how fast trust is lost.
      const gap = Math.abs(norms[a] - norms[b]);
      const resA = resilience[trustTypeOf(interactions[e], trustAB[e], gap, tt)];
      const resB = resilience[trustTypeOf(interactions[e], trustBA[e], gap, tt)];
      // Dependence on the partner: the weaker side depends on the stronger (Dhillon 2009: partners differ in power).
      const dA = Math.min(1, Math.max(0, 0.5 + power[b] - power[a]));
      const dB = 1 - dA;
      const rAB = damageAB[e];
      const rBA = damageBA[e];
      leaderAB[e] = nextTrust(leaderAB[e], rAB, sOfB, resA, dA, tp);
      leaderBA[e] = nextTrust(leaderBA[e], rBA, sOfA, resB, dB, tp);
      trustAB[e] = nextTrust(trustAB[e], rAB, sOfB, resA, dA, tp);
      trustBA[e] = nextTrust(trustBA[e], rBA, sOfA, resB, dB, tp);
      damageAB[e] = nextDamage(rAB, sOfB, tp);
      damageBA[e] = nextDamage(rBA, sOfA, tp);
      betrayed[a] += defectB;
      betrayed[b] += defectA;
      rewarded[a] += 1 - defectB;
      rewarded[b] += 1 - defectA;
      interactions[e] += 1;
      mutual = 0.5 * effectiveTrust(trustAB[e] + trustBA[e], leaderAB[e] + leaderBA[e], lw);
    }
    const rate = strengthDecay + (strengthGrowth - strengthDecay) * interact;
    const next = st + rate * (mutual - st);
    strength[e] = next * +(next > FLUSH);
    age[e] += 1;
    if (sh === 0 && strength[e] < dropStrength && age[e] > graceSteps) drop.push(e);
  }
  return updated;
}

/** Partners interact, contribute or defect; trust and reputation update; ties strengthen, fade, and faded ties
 * outside any partnership are dropped (ODD 7.3–7.6). Counts the ties updated in the context. */
export const interaction: Mechanism = {
  id: 'interaction',
  odd: '7.3–7.6',
  blocks: ['effort', 'interaction', 'trust', 'trustTypes', 'ties'],
  run(world, ctx) {
    prepareOrgsInPlace(world, ctx);
    const drop: number[] = [];
    ctx.tieUpdates += interactInPlace(world, ctx, drop);
    for (const slot of drop) removeTieInPlace(world, slot);
  },
};
