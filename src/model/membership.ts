// Each member weighs what its partnership gives against what it costs, and leaves when the balance it
// has seen stays negative. Partnerships end when fewer than two members remain: nothing else ends them.
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { removeMemberInPlace } from './partnerships.ts';
import type { Cause } from './vocabulary.ts';
import type { Partnership, World } from './world.ts';

/** One member's view of one partnership this step: the terms of its benefit and cost. */
export interface MemberBalance {
  fund: number;
  compliance: number;
  social: number;
  resource: number;
  goodwill: number;
  coordination: number;
  capacity: number;
  competition: number;
  values: number;
  /** Mean effective trust in the members it is tied to. */
  trust: number;
  net: number;
}

/** Returns a balance with every term zero, to be filled by fillMemberBalance. */
export function emptyBalance(): MemberBalance {
  return {
    fund: 0,
    compliance: 0,
    social: 0,
    resource: 0,
    goodwill: 0,
    coordination: 0,
    capacity: 0,
    competition: 0,
    values: 0,
    trust: 0,
    net: 0,
  };
}

/**
 * Fills `out` with member i's balance in p (Jackson & Wolinsky 1996: a tie is kept while its benefit
 * exceeds its cost). Benefits: funding (the carrot), avoiding the stick's penalty, social capital (trust
 * in partners and the partnership's strength: Field 2003; Dhillon 2009), access to partners' resources,
 * and the initial stock of goodwill (Fichman & Levinthal 1991). Costs: coordination (lighter with
 * local-authority officers' support, twice as much where they are involved, with a statement of
 * principles, and with political support: ABPP), capacity spread over several partnerships, helping
 * competitors of its own kind, and distance from its partners' norms (which converge) and organisational
 * cultures (which do not: Dhillon 2009, partners differ in culture). `trust` is i's mean effective
 * trust in the members it is tied to; the means are over the other members.
 */
export function fillMemberBalance(
  out: MemberBalance,
  world: World,
  ctx: StepContext,
  p: Partnership,
  i: number,
  trust: number,
  meanNorms: number,
  meanCulture: number,
  meanPower: number,
  rivals: number,
): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const P = ctx.params.membership;
  const funded = 1 + ctx.params.partnerships.carrotCapacity * lv.carrot;
  const local = o.nonLocal[i] === 1 ? P.nonLocalValue : 1;
  const only = +(o.memberships[i] === 1);
  const mandated = +(p.mandate === 'mandated');
  const fund = lv.carrot * +p.funded * P.fundBenefit * (P.fundMotiveFloor + o.motResources[i]);
  const compliance = lv.stick * o.motCompliance[i] * P.complianceBenefit * Math.max(only, mandated, P.complianceOtherShare);
  const social =
    local * P.socialBenefit * (P.socialTrustWeight * trust + (1 - P.socialTrustWeight) * p.score) * (P.socialValuesFloor + o.motValues[i]);
  const resource =
    local * P.resourceBenefit * (P.resourceMotiveFloor + o.motResources[i]) * Math.max(0, meanPower - o.power[i] + P.resourcePowerOffset);
  const a = p.area;
  const coordination =
    P.coordinationCost *
    Math.sqrt(p.members.length / P.coordinationSize) *
    (1 - P.supportRelief * (1 + P.laInvolvedBoost * +p.laInvolved) * lv.support[a]) *
    (1 - P.principlesRelief * +p.principles) *
    (P.politicsCost - P.politicsRelief * lv.politics[a]);
  const capacity = (P.capacityCost * o.memberships[i]) / Math.max(P.capacityFloor, o.capacity[i] * funded);
  const competition = P.competitionCost * lv.competition * o.exposure[i] * rivals;
  const values =
    P.valuesCost * (P.normsWeight * Math.abs(o.norms[i] - meanNorms) + (1 - P.normsWeight) * Math.abs(o.culture[i] - meanCulture));
  out.fund = fund;
  out.compliance = compliance;
  out.social = social;
  out.resource = resource;
  out.goodwill = p.goodwill;
  out.coordination = coordination;
  out.capacity = capacity;
  out.competition = competition;
  out.values = values;
  out.trust = trust;
  out.net = fund + compliance + social + resource + p.goodwill - coordination - capacity - competition - values;
}

/** Returns the cause behind a member's deficit: the largest of its shortfalls (funding fallen from its peak, trust below a middling level, a leader new within the year) and costs. */
export function deficitCause(world: World, ctx: StepContext, p: Partnership, i: number, b: MemberBalance): Cause {
  const o = world.orgs;
  const P = ctx.params.membership;
  const lostFunding = +p.funded * P.fundBenefit * (P.fundMotiveFloor + o.motResources[i]) * Math.max(0, p.peakCarrot - ctx.levers.carrot);
  const lostTrust = P.socialBenefit * Math.max(0, P.causeTrustReference - b.trust) * (P.socialValuesFloor + o.motValues[i]);
  const recent = P.causeLeaderYears * ctx.stepsPerYear;
  const recentLeader = o.leaderTenure[i] < recent || o.leaderTenure[p.lead] < recent;
  const terms: [Cause, number][] = [
    ['funding-ended', lostFunding],
    [recentLeader ? 'leader-left' : 'trust-collapsed', lostTrust],
    ['competition', b.competition],
    ['capacity', b.capacity],
    ['values-diverged', b.values],
    ['no-purpose', b.coordination],
  ];
  let best = terms[0];
  for (const term of terms) if (term[1] > best[1]) best = term;
  return best[0];
}

/**
 * Updates every member's running satisfaction with its partnership as last scored on the continuum and lets members whose satisfaction
 * is negative leave, with a chance that grows with the deficit; records each organisation's dependence
 * on funding (for its shadow of the future next step) and spends each partnership's goodwill.
 */
export function weighMembershipsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.membership;
  const fundSum = o.fundSeen.fill(0);
  const benefitSum = o.benefitSeen.fill(0);
  const kinds = new Int32Array(ORG_KINDS.length);
  const b = emptyBalance();
  const leaving: [Partnership, number, Cause][] = [];
  for (const id of world.active) {
    const p = world.partnerships[id];
    let norms = 0;
    let culture = 0;
    let power = 0;
    kinds.fill(0);
    for (const j of p.members) {
      norms += o.norms[j];
      culture += o.culture[j];
      power += o.power[j];
      kinds[o.kind[j]]++;
    }
    const m = p.members.length;
    for (let k = 0; k < m; k++) {
      const i = p.members[k];
      fillMemberBalance(
        b,
        world,
        ctx,
        p,
        i,
        p.memberTrust[k],
        (norms - o.norms[i]) / (m - 1),
        (culture - o.culture[i]) / (m - 1),
        (power - o.power[i]) / (m - 1),
        (kinds[o.kind[i]] - 1) / (m - 1),
      );
      fundSum[i] += b.fund;
      benefitSum[i] += b.fund + b.compliance + b.social + b.resource + b.goodwill;
      const sat = P.satisfactionMemory * p.satisfaction[k] + (1 - P.satisfactionMemory) * b.net;
      p.satisfaction[k] = sat;
      if (sat < 0 && ctx.rng() < P.leaveRate * -sat) leaving.push([p, i, deficitCause(world, ctx, p, i, b)]);
    }
    p.goodwill *= 1 - P.goodwillDecay;
    p.peakCarrot = Math.max(p.peakCarrot, +p.funded * ctx.levers.carrot);
  }
  for (let i = 0; i < o.n; i++) o.fundDependence[i] = benefitSum[i] > 0 ? fundSum[i] / benefitSum[i] : 0;
  for (const [p, i, cause] of leaving) if (p.endedStep === null) removeMemberInPlace(world, ctx, p, i, cause);
}

/** Members weigh benefit against cost and leave; partnerships with fewer than two members dissolve (ODD 7.9). */
export const membership: Mechanism = { id: 'membership', odd: '7.9', blocks: ['membership'], run: weighMembershipsInPlace };
