// Partners interact, contribute or defect, and update trust: the step loop's hot part, one pass over
// the sparse ties with one typed array per field and branch-free arithmetic where it pays.
import { availableCapacity } from './balance.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { FLUSH, nextDamage, nextTrust, resilienceByType, trustSignal, trustTypeOf } from './trust.ts';
import { effectiveTrust, removeTieInPlace, type World } from './world.ts';

/**
 * Sets each organisation's effort and shadow of the future for this step, in place. Effort: the share of its
 * capacity it gives to partnership work, from how stretched its capacity (availableCapacity: funding adds to it,
 * competition draws some away) is across its
 * partnerships and from its motives (shared values give most, compliance least; Dhillon 2009): on informal ties its
 * own mix of motives; in its partnerships that mix as far as it is committed to them, and what compliance alone
 * gives as far as it is not (a member compelled into a partnership, and not yet won over, gives what compliance asks).
 * Shadow of the future w: the expected continuation of its partnerships, cut short when its benefit depends on funding
 * it expects to end (Nowak 2006: reciprocity holds only while w > c/b), and in proportion to how much of its trust is
 * in other areas (its future lies with them: ABPP).
 */
export function prepareOrgsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const E = ctx.params.effort;
  const I = ctx.params.interaction;
  const fundHorizon = ctx.fundHorizon;
  // Each organisation's mean commitment over the partnerships whose core it is in (1 when it is in none: its effort is
  // its own), and the share of them that are funded; a wider membership takes no share of its effort.
  const committed = o.commitment.fill(0);
  const funded = o.fundedShare.fill(0);
  const roles = world.roles;
  const active = world.active;
  for (let at = 0; at < active.length; at++) {
    const p = world.partnerships[active[at]];
    for (let k = 0; k < p.members.length; k++) {
      if (roles.core[p.roles[k]] === 0) continue;
      committed[p.members[k]] += roles.commitment[p.roles[k]];
      funded[p.members[k]] += +p.funded;
    }
  }
  for (let i = 0; i < o.n; i++) {
    const c = o.memberships[i] > 0 ? committed[i] / o.memberships[i] : 1;
    funded[i] = o.memberships[i] > 0 ? funded[i] / o.memberships[i] : 0;
    const mix = E.valuesWeight * o.motValues[i] + E.resourcesWeight * o.motResources[i] + E.complianceWeight * o.motCompliance[i];
    const stretch = Math.min(1, availableCapacity(world, ctx, i) / (E.firstMembershipCapacity + E.membershipCapacity * o.memberships[i]));
    o.stretch[i] = stretch;
    o.effort[i] = Math.min(1, mix * stretch);
    o.effortShared[i] = Math.min(1, (c * mix + (1 - c) * E.complianceWeight) * stretch);
    o.resolve[i] = o.trustworthiness[i] - I.costBase - I.costCapacity * (1 - o.capacity[i]);
    const fd = o.fundDependence[i];
    o.shadow[i] = ((1 - fd) * E.continuation + fd * fundHorizon) * (1 - E.nonLocalShadowCut * o.remote[i]);
    o.betrayed[i] = 0;
    o.rewarded[i] = 0;
  }
}

// A margin far above the rounding of 1 − count and of e^−count (about 1e-16 near 1): a draw below 1 − count by more
// than it is certainly below e^−count.
const IDLE_MARGIN = 1e-12;

/**
 * Runs one step of interaction over every tie, in place, and returns the number of ties updated.
 * Members of a shared partnership interact at one yearly rate, other tied organisations at a rate in proportion to
 * their tie's strength: interactions are events, a Poisson number of them in each step (so a year holds the same
 * interactions, each decided on its own, at any step length). In each interaction each side defects with
 * a chance that rises as its temptation c - w b nears and passes its trustworthiness (Nowak 2006; Gorobets & Nooteboom
 * 2004: a threshold of defection, with logistic noise); competitors of the same kind in the same area are more
 * tempted. What each side sees updates its organisation- and leader-level trust (Pant & Yu 2025), deeper trust types
 * losing less (Lewicki & Bunker 1996); tie strength follows trust while the tie is used and fades when it is not
 * (Granovetter 1973). Ties outside any partnership that have faded are listed in `drop`.
 */
export function interactInPlace(world: World, ctx: StepContext, drop: number[]): number {
  const t = world.ties;
  const rng = ctx.rng;
  const dt = ctx.dt;
  const { alive, trustAB, trustBA, leaderAB, leaderBA, strength, age, shared } = t;
  const { sharedRate, informalRate } = ctx.params.interaction;
  const tt = ctx.params.trustTypes;
  const { strengthGrowth, strengthDecay, dropStrength, graceYears } = ctx.params.ties;
  // Strength's growth per interaction and decay per step, as rates of the continuous course they add up to.
  const growthPerInteraction = -Math.log1p(-strengthGrowth);
  const decayPerStep = strengthDecay * dt;
  const sharedCount = sharedRate * dt;
  // A shared tie's expected count is the same for every one: its chance of no interaction, and the share of its strength's
  // distance from where it settles that is left after the step, are worked out once.
  const sharedNone = Math.exp(-sharedCount);
  const sharedLeft = Math.exp(-(growthPerInteraction * sharedCount + decayPerStep));
  const lw = tt.leaderWeight;
  const resilience = resilienceByType(tt);
  let updated = 0;
  for (let e = 0; e < t.count; e++) {
    if (alive[e] === 0) continue;
    updated++;
    const sh = +(shared[e] > 0);
    const st = strength[e];
    // The interactions of this step: a Poisson number with the step's expected count (events at a yearly rate).
    const count = sh === 1 ? sharedCount : informalRate * st * dt;
    let k = 0;
    const u = rng();
    // A draw below 1 − count (less a margin far above rounding) is below e^−count, the chance of none: such an idle tie,
    // most informal ones, skips the exponential and the count it would give is 0 all the same.
    if (sh === 1 || u > 1 - count - IDLE_MARGIN) {
      let term = sh === 1 ? sharedNone : Math.exp(-count);
      let cumulative = term;
      while (u > cumulative && term > 0) {
        k++;
        term *= count / k;
        cumulative += term;
      }
    }
    // Most ties outside partnerships are idle in a step: skipping their exchange halves the loop's cost.
    if (k > 0) exchangeInPlace(world, ctx, e, k, resilience);
    // Strength moves towards the pair's mutual trust with each interaction expected in the step and fades with time,
    // whether or not they interacted in this one (so its course does not depend on the step length): over the step,
    // ds/dt = g (m - s) - d s with g the growth the expected interactions bring and d the yearly decay.
    const mutual = 0.5 * effectiveTrust(trustAB[e] + trustBA[e], leaderAB[e] + leaderBA[e], lw);
    const grow = growthPerInteraction * count;
    const settled = grow > 0 ? (grow * mutual) / (grow + decayPerStep) : 0;
    const next = settled + (st - settled) * (sh === 1 ? sharedLeft : Math.exp(-(grow + decayPerStep)));
    strength[e] = next * +(next > FLUSH);
    age[e] += dt;
    if (sh === 0 && strength[e] < dropStrength && age[e] > graceYears) drop.push(e);
  }
  return updated;
}

// The k interactions of the step on tie e, in place: each side contributes or defects, and what each sees updates its
// trust in the other and the other's reputation damage (see interactInPlace). A function of its own, so that the engine
// compiles the per-interaction arithmetic (the generator's draws and the trust updates) into it whole.
function exchangeInPlace(world: World, ctx: StepContext, e: number, k: number, resilience: readonly number[]): void {
  const o = world.orgs;
  const t = world.ties;
  const rng = ctx.rng;
  const competition = ctx.levers.competition;
  const { market, area, power, exposure, resolve, effort, effortShared, stretch: stretched, shadow, norms, betrayed, rewarded } = o;
  const { a: A, b: B, trustAB, trustBA, leaderAB, leaderBA, damageAB, damageBA, interactions, sharedPrincipled, sharedConvened } = t;
  // Parameters are read into locals once: a property load after a call (each draw) could not be hoisted out of the loop.
  const { rivalryTemptation, benefitBase, benefitShared, complementarity } = ctx.params.interaction;
  const { shadowWeight, decisionNoise, expectedContribution } = ctx.params.interaction;
  const mediation = ctx.params.brokerage.mediation;
  const support = ctx.levers.support;
  const tp = ctx.params.trust;
  const sensitivity = tp.sensitivity;
  const tt = ctx.params.trustTypes;
  const sh = +(t.shared[e] > 0);
  const st = t.strength[e];
  const a = A[e];
  const b = B[e];
  const rivals = rivalryTemptation * competition * +(market[a] === market[b]);
  const benefit = benefitBase + benefitShared * sh + complementarity * Math.abs(power[a] - power[b]);
  const wA = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[a]) + (1 - sh) * st;
  const wB = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[b]) + (1 - sh) * st;
  // Defection has chance 1 / (1 + exp((threshold - (c - w b)) / noise)), c = base + capacity shortfall + rivalry.
  const oddsA = 1 + Math.exp((resolve[a] - rivals * exposure[a] + wA * benefit) / decisionNoise);
  const oddsB = 1 + Math.exp((resolve[b] - rivals * exposure[b] + wB * benefit) / decisionNoise);
  // A defecting side gives nothing; otherwise its effort, for a partnership as far as it is committed to it.
  const giveA = sh === 1 ? effortShared[a] : effort[a];
  const giveB = sh === 1 ? effortShared[b] : effort[b];
  // Trust type from repeated interaction and shared norms sets how fast trust is lost.
  const gap = Math.abs(norms[a] - norms[b]);
  // Dependence on the partner: the weaker side depends on the stronger (Dhillon 2009: partners differ in power).
  const dA = Math.min(1, Math.max(0, 0.5 + power[b] - power[a]));
  const dB = 1 - dA;
  // A statement of principles sets out what each partner is to give: contributions are judged against what the
  // partner can give (its stretched capacity), not a general expectation. Officers of a partnership the local
  // authority takes part in mediate conflicts, saving part of the trust they would cost.
  const agreed = +(sharedPrincipled[e] > 0);
  const expectOfA = expectedContribution * (agreed * stretched[a] + 1 - agreed);
  const expectOfB = expectedContribution * (agreed * stretched[b] + 1 - agreed);
  const mediated = 1 - +(sharedConvened[e] > 0) * mediation * support[area[a]];
  for (let n = 0; n < k; n++) {
    const defectA = +(rng() * oddsA < 1);
    const defectB = +(rng() * oddsB < 1);
    const sOfB = trustSignal((1 - defectB) * giveB, expectOfB, sensitivity);
    const sOfA = trustSignal((1 - defectA) * giveA, expectOfA, sensitivity);
    const resA = mediated * resilience[trustTypeOf(interactions[e], trustAB[e], gap, tt)];
    const resB = mediated * resilience[trustTypeOf(interactions[e], trustBA[e], gap, tt)];
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
  }
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
