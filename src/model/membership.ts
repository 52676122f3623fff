// Members weigh what their partnership gives against what it costs, learn its worth over time, and leave when they
// judge it not worth it. Partnerships end when fewer than two members remain: nothing else ends them.
import { emptyBalance, fillBalanceWithAgenda } from './balance.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { removeMemberInPlace } from './partnerships.ts';
import { type AgendaSums, sayOf, sumAgendaInPlace } from './power.ts';
import { chanceIn } from './time.ts';
import type { Cause } from './vocabulary.ts';
import { type BalanceTerms, coreOf, experienceOf, type Partnership, type Roles, type World } from './world.ts';

/** The change a cause names, and the cause, for each term an exit can be put down to (benefits that fell, costs that rose). */
const CHANGES: readonly [Cause, (now: BalanceTerms, r: Roles, role: number) => number][] = [
  ['funding-ended', (now, r, role) => r.bestFund[role] - now.fund],
  ['trust-fell', (now, r, role) => r.bestSocial[role] - now.social],
  ['competition', (now, r, role) => now.competition - r.bestCompetition[role]],
  ['capacity', (now, r, role) => now.capacity - r.bestCapacity[role]],
  ['values-diverged', (now, r, role) => now.values - r.bestValues[role]],
];

/**
 * Returns the cause of a member's exit: the change since its judgement of the partnership was at its best that cost it
 * most — funding that ended (only when the carrot its partnership receives, `carrot`, fell below what it was then: the
 * fund's worth also falls with the member's commitment and trust), trust that fell (put down to a leader's departure
 * when it fell more between leaders than between the organisations), rising competition, capacity stretched, values
 * drifting apart — or, when nothing changed for the worse (the partnership never paid), no purpose.
 */
export function exitCause(r: Roles, role: number, now: BalanceTerms, carrot: number): Cause {
  if (r.bestBelief[role] === Number.NEGATIVE_INFINITY) return 'no-purpose';
  let cause: Cause = 'no-purpose';
  let largest = 0;
  for (const [name, change] of CHANGES) {
    if (name === 'funding-ended' && carrot >= r.bestCarrot[role]) continue;
    const size = change(now, r, role);
    if (size > largest) [cause, largest] = [name, size];
  }
  if (cause !== 'trust-fell') return cause;
  // Trust between leaders is lost when a leader leaves: a fall mostly there is a leader's departure.
  return r.bestLeaderTrust[role] - r.leaderTrust[role] > r.bestOrgTrust[role] - r.orgTrust[role] ? 'leader-left' : cause;
}

/**
 * Lets every member weigh its partnership this step, in place. Its judgement is a running estimate of the partnership's
 * net benefit that starts at indifference and weighs the evidence of each step against a prior worth `priorYears` of
 * it, and its recent years against older ones beyond `memoryYears`: early on a member suspends judgement while it learns
 * the partnership's worth, so the hazard of leaving rises as poor matches are found out and falls as they are gone
 * (Fichman & Levinthal 1991's liability of adolescence; Levinthal & Fichman 1988). An experienced leader judges on a
 * longer memory (ABPP: experienced leaders bring judgement), a new one on a shorter. Commitment moves towards what the
 * judgement says. A member whose judgement is negative leaves at a yearly rate in proportion to the deficit, its exit
 * put down to the change that cost it most. Records each organisation's dependence on funding (for its shadow of the
 * future next step).
 */
export function weighMembershipsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.membership;
  const dt = ctx.dt;
  const fundSum = o.fundSeen.fill(0);
  const benefitSum = o.benefitSeen.fill(0);
  const towards = chanceIn(P.commitmentRate, dt);
  const judgement = ctx.params.leaders.judgement;
  const b = emptyBalance();
  const leaving: [Partnership, number, Cause][] = [];
  const widerLoad = ctx.params.areaWide.widerLoad;
  const influence = ctx.params.power.influence;
  const agenda: AgendaSums = { weighted: 0, says: 0 };
  const withOneAgenda: AgendaSums = { weighted: 0, says: 0 };
  const r = world.roles;
  const active = world.active;
  for (let at = 0; at < active.length; at++) {
    const p = world.partnerships[active[at]];
    // An area-wide partnership is weighed as its core: a wider member, as if it were one more of the core at its load.
    const core = coreOf(world, p);
    const carrot = ctx.levers.carrot * +p.funded;
    const terms = { area: p.area, members: core, funded: p.funded, mandated: p.mandate === 'mandated', laInvolved: p.laInvolved };
    const withOne = p.scope === 'area' ? { ...terms, members: [...core, -1] } : terms;
    // Every member is weighed against the same agenda: its parts are summed once, over the core (a wider member's own
    // part added last, as it is listed last).
    sumAgendaInPlace(agenda, world, core, influence);
    for (let k = 0; k < p.members.length; k++) {
      const i = p.members[k];
      const role = p.roles[k];
      if (r.core[role] === 1) fillBalanceWithAgenda(b, world, ctx, terms, agenda, i, r.trust[role], r.commitment[role], o.memberships[i]);
      else {
        withOne.members[core.length] = i;
        const say = sayOf(o.power[i], influence);
        withOneAgenda.weighted = agenda.weighted + say * o.norms[i];
        withOneAgenda.says = agenda.says + say;
        fillBalanceWithAgenda(
          b,
          world,
          ctx,
          withOne,
          withOneAgenda,
          i,
          r.trust[role],
          r.commitment[role],
          o.memberships[i] + widerLoad,
          widerLoad,
        );
      }
      fundSum[i] += b.fund;
      benefitSum[i] += b.fund + b.compliance + b.social + b.resource;
      // The weight of what it knew before this step: its prior and the evidence of its years so far, up to its memory,
      // which an experienced leader's judgement makes longer (and an inexperienced one's shorter).
      const memory = P.memoryYears * Math.max(0, 1 + judgement * (experienceOf(world, i) - 0.5));
      const weight = P.priorYears + Math.min((ctx.step - r.joined[role]) * dt, memory);
      const belief = r.belief[role] + (weight > 0 ? -Math.expm1(-dt / weight) : 1) * (b.net - r.belief[role]);
      r.belief[role] = belief;
      r.commitment[role] += towards * (+(belief > 0) - r.commitment[role]);
      if (belief >= r.bestBelief[role]) {
        r.bestBelief[role] = belief;
        r.bestFund[role] = b.fund;
        r.bestSocial[role] = b.social;
        r.bestCompetition[role] = b.competition;
        r.bestCapacity[role] = b.capacity;
        r.bestValues[role] = b.values;
        r.bestOrgTrust[role] = r.orgTrust[role];
        r.bestLeaderTrust[role] = r.leaderTrust[role];
        r.bestCarrot[role] = carrot;
      }
      if (belief < 0 && ctx.rng() < chanceIn(P.leaveRate * -belief, dt)) {
        leaving.push([p, i, exitCause(r, role, b, carrot)]);
      }
    }
  }
  for (let i = 0; i < o.n; i++) o.fundDependence[i] = benefitSum[i] > 0 ? fundSum[i] / benefitSum[i] : 0;
  for (const [p, i, cause] of leaving) if (p.endedStep === null) removeMemberInPlace(world, ctx, p, i, cause);
}

/** Members weigh benefit against cost and leave; partnerships with fewer than two members dissolve (ODD 7.9). */
export const membership: Mechanism = {
  id: 'membership',
  odd: '7.9',
  blocks: ['membership', 'power', 'areaWide'],
  run: weighMembershipsInPlace,
};
