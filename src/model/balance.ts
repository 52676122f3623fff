// The balance of membership: what a partnership gives a member and what it costs it, term by term, per year (Jackson &
// Wolinsky 1996: a tie is kept while its benefit exceeds its cost). Members weigh it every step (membership.ts), and
// organisations weigh it before they choose to form or join a partnership (formation: the expected balance).
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import { type AgendaSums, sumAgendaInPlace } from './power.ts';
import type { BalanceTerms, World } from './world.ts';

/** The kind number of local authorities, which take part in partnerships they broker or mandate but do not join or initiate. */
export const LA_KIND = ORG_KINDS.indexOf('localAuthority');

/** What a partnership is, as far as its balance goes: real, or one an organisation is weighing. */
export interface PartnershipTerms {
  readonly area: number;
  readonly members: readonly number[];
  readonly funded: boolean;
  readonly mandated: boolean;
  readonly laInvolved: boolean;
}

/** Returns the capacity organisation i has for partnership work now: its own, less what market competition draws away
 * (in proportion to the lever and its exposure) and what its trust directs to the trust's own schools (in proportion to
 * the share of them in other areas: a trust is one legal entity that decides for its academies), plus what funding buys for the share of its partnerships that are
 * funded (the carrot pays for staff time in funded partnerships, not elsewhere). A local authority's is its officers'
 * capacity, which localAuthority.support sets. */
export function availableCapacity(world: World, ctx: StepContext, i: number): number {
  const o = world.orgs;
  if (o.kind[i] === LA_KIND) return ctx.params.brokerage.officerCapacity * ctx.levers.support[o.area[i]];
  const diverted = 1 - ctx.params.effort.competitionDiversion * ctx.levers.competition * o.exposure[i];
  const directed = 1 - ctx.params.governance.centralShare * o.remote[i];
  return (
    o.capacity[i] * Math.max(0, diverted) * directed * (1 + ctx.params.partnerships.carrotCapacity * ctx.levers.carrot * o.fundedShare[i])
  );
}

/** Returns a balance with every term zero. */
export function emptyBalance(): BalanceTerms {
  return { fund: 0, compliance: 0, social: 0, resource: 0, coordination: 0, capacity: 0, competition: 0, values: 0, trust: 0, net: 0 };
}

// The parts of the agenda fillBalance last summed: one object, reused.
const agendaSums: AgendaSums = { weighted: 0, says: 0 };

/**
 * Fills `out` with member i's balance in a partnership (Jackson & Wolinsky 1996), in place. `trust` is i's mean
 * effective trust in the members it is tied to, `commitment` how much it wants to be there, `memberships` how many
 * partnerships it carries counting this one (a wider membership of an area-wide partnership counting as `load` of one,
 * and bearing that share of the coordination cost: areaWide.widerLoad). Benefits: the activities funding pays for, worth as much as i is committed
 * to them and trusts the partners it does them with, and more to a member that wants resources (the carrot); avoiding the stick's penalty (compliance motive); social capital, its
 * trust in its partners (Field 2003; Dhillon 2009); access to more powerful partners' resources. Costs: coordination,
 * growing with size, of which funding pays a share (the carrot buys coordination time), and officers take a share
 * where the local authority takes part (they convene it: ABPP), and which political support eases; capacity spread over
 * several partnerships (availableCapacity: funding buys more, competition draws some away); helping competitors of its own kind; distance from the partnership's agenda
 * (its members' norms weighted by their say, which power sets: a weaker member finds the agenda further from its own
 * norms; Dhillon 2009; Ansell & Gash 2008) and from its partners' organisational cultures (which do not converge:
 * Dhillon 2009, partners differ in culture).
 */
export function fillBalance(
  out: BalanceTerms,
  world: World,
  ctx: StepContext,
  p: PartnershipTerms,
  i: number,
  trust: number,
  commitment: number,
  memberships: number,
  load = 1,
): void {
  const agenda = sumAgendaInPlace(agendaSums, world, p.members, ctx.params.power.influence);
  fillBalanceWithAgenda(out, world, ctx, p, agenda, i, trust, commitment, memberships, load);
}

/** fillBalance with the parts of p's agenda already summed over its members (in member order): for weighing every
 * member of one partnership against the same agenda. */
export function fillBalanceWithAgenda(
  out: BalanceTerms,
  world: World,
  ctx: StepContext,
  p: PartnershipTerms,
  agenda: AgendaSums,
  i: number,
  trust: number,
  commitment: number,
  memberships: number,
  load = 1,
): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const P = ctx.params.membership;
  const carrot = lv.carrot * +p.funded;
  // Means over the other members.
  let culture = 0;
  let power = 0;
  let rivals = 0;
  const members = p.members;
  const m = members.length;
  for (let k = 0; k < m; k++) {
    const j = members[k];
    if (j === i) continue;
    culture += o.culture[j];
    power += o.power[j];
    rivals += +(o.kind[j] === o.kind[i]);
  }
  const others = Math.max(1, m - 1);
  const only = +(memberships === 1);
  const activities = carrot * P.fundBenefit * commitment * trust * (P.fundMotiveFloor + o.motResources[i]);
  const compliance = lv.stick * o.motCompliance[i] * P.complianceBenefit * Math.max(only, +p.mandated, P.complianceOtherShare);
  const social = P.socialBenefit * trust * (P.socialValuesFloor + o.motValues[i]);
  const resource =
    P.resourceBenefit * (P.resourceMotiveFloor + o.motResources[i]) * Math.max(0, power / others - o.power[i] + P.resourcePowerOffset);
  const a = p.area;
  const unfunded =
    load *
    P.coordinationCost *
    Math.sqrt(m / P.coordinationSize) *
    (1 - P.supportRelief * +p.laInvolved * lv.support[a]) *
    (P.politicsCost - P.politicsRelief * lv.politics[a]);
  const coordination = unfunded * (1 - Math.min(1, P.coordinationCover * carrot));
  const capacity = (P.capacityCost * memberships) / Math.max(P.capacityFloor, availableCapacity(world, ctx, i));
  const competition = P.competitionCost * lv.competition * o.exposure[i] * (rivals / others);
  // The distance from the agenda, scaled by m / (m − 1): with an equal say it is the distance from the others' mean.
  const says = agenda.says;
  const fromAgenda = says > 0 && m > 1 ? (Math.abs(o.norms[i] - agenda.weighted / says) * m) / (m - 1) : 0;
  const values = P.valuesCost * (P.normsWeight * fromAgenda + (1 - P.normsWeight) * Math.abs(o.culture[i] - culture / others));
  out.fund = activities + (unfunded - coordination);
  out.compliance = compliance;
  out.social = social;
  out.resource = resource;
  out.coordination = coordination;
  out.capacity = capacity;
  out.competition = competition;
  out.values = values;
  out.trust = trust;
  out.net = activities + compliance + social + resource - coordination - capacity - competition - values;
}
