// Multi-academy trusts as state: founding one, a school joining or leaving one, where a trust is based, and how far
// each member's trust lies in other areas. The governance mechanism (governance.ts) decides when these happen.
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import { addTieInPlace, type TrustEnd, type World } from './world.ts';

const SCHOOL = ORG_KINDS.indexOf('school');
const ACADEMY = ORG_KINDS.indexOf('academy');

/** Returns whether an organisation of this kind can be a trust's school: maintained schools (which convert on joining)
 * and academies. */
export function joinsTrusts(kind: number): boolean {
  return kind === SCHOOL || kind === ACADEMY;
}

/** Founds a trust, in place, led by its office (an organisation of kind trust) or by the school that founds it (which
 * joins it at once); returns its id. */
export function foundTrustInPlace(
  world: World,
  ctx: StepContext,
  founder: { readonly office: number } | { readonly school: number },
  register?: { readonly uid: number; readonly name: string; readonly founded: number },
): number {
  const id = world.trusts.length;
  const office = 'office' in founder ? founder.office : -1;
  const lead = 'office' in founder ? founder.office : founder.school;
  world.trusts.push({
    id,
    uid: register?.uid ?? null,
    name: register?.name ?? `Trust ${id + 1}`,
    founded: register?.founded ?? ctx.step,
    ended: null,
    endReason: null,
    office,
    lead,
    members: [],
    home: world.orgs.area[lead],
  });
  if ('office' in founder) world.orgs.trust[office] = id;
  else joinTrustInPlace(world, ctx, founder.school, id);
  return id;
}

/**
 * Puts school i into trust t, in place, and records the joining. A maintained school converts to an academy (Academies
 * Act 2010: it leaves the local authority's maintenance). Membership then changes its local ties and its motives: each
 * tie to an organisation outside the trust keeps strengthKept of its strength where all the trust's other schools are in
 * other areas, in proportion to that share otherwise (ABPP: trusts not based on localities loosen local links); it ties
 * itself to memberTies of the trust's schools (or office), at least memberTieStrength and memberTieTrust; and its motive
 * mix closes motiveAlign of the gap to its trust's lead's (the trust's direction). Not for the trust's own office.
 */
export function joinTrustInPlace(world: World, ctx: StepContext, i: number, t: number): void {
  const o = world.orgs;
  const P = ctx.params.governance;
  const trust = world.trusts[t];
  if (o.kind[i] === SCHOOL) {
    o.kind[i] = ACADEMY;
    o.market[i] = o.area[i] * ORG_KINDS.length + ACADEMY;
  }
  const others = trust.office >= 0 ? [trust.office, ...trust.members] : [...trust.members];
  trust.members.push(i);
  o.trust[i] = t;
  o.trustJoined[i] = ctx.step;
  world.trustJoins.push({ step: ctx.step, org: i, trust: t });
  updateTrustInPlace(world, t);
  const cut = (1 - P.strengthKept) * o.remote[i];
  const { slot, partner } = o.ties.columns;
  for (let k = o.ties.start[i]; k < o.ties.start[i] + o.ties.length[i]; k++) {
    if (o.trust[partner[k]] !== t) world.ties.strength[slot[k]] *= 1 - cut;
  }
  for (let k = 0; k < P.memberTies && others.length > 0; k++) {
    const j = others.splice(Math.floor(ctx.rng() * others.length), 1)[0];
    const slot = addTieInPlace(world, i, j, P.memberTieTrust, P.memberTieStrength);
    const t2 = world.ties;
    t2.strength[slot] = Math.max(t2.strength[slot], P.memberTieStrength);
    for (const field of [t2.trustAB, t2.trustBA, t2.leaderAB, t2.leaderBA]) field[slot] = Math.max(field[slot], P.memberTieTrust);
  }
  const lead = trust.lead;
  if (lead !== i) {
    const a = P.motiveAlign;
    o.motValues[i] += a * (o.motValues[lead] - o.motValues[i]);
    o.motResources[i] += a * (o.motResources[lead] - o.motResources[i]);
    o.motCompliance[i] = 1 - o.motValues[i] - o.motResources[i];
  }
}

/** Takes school i out of its trust, in place; a trust left with no school and no office ends (closed, or as given). The
 * most powerful remaining school leads a trust whose lead school left. */
export function leaveTrustInPlace(world: World, ctx: StepContext, i: number, reason: TrustEnd = 'closed'): void {
  const o = world.orgs;
  const t = o.trust[i];
  const trust = world.trusts[t];
  trust.members.splice(trust.members.indexOf(i), 1);
  o.trust[i] = -1;
  o.trustJoined[i] = Number.NaN;
  o.remote[i] = 0;
  if (trust.lead === i && trust.members.length > 0)
    trust.lead = trust.members.reduce((best, j) => (o.power[j] > o.power[best] ? j : best), trust.members[0]);
  if (trust.members.length === 0 && trust.office < 0) {
    trust.ended = ctx.step;
    trust.endReason = reason;
  }
  updateTrustInPlace(world, t);
}

/** Sets, in place, a trust's home (the area most of its schools are in; its office's, or its last, with none) and each
 * member's (and its office's) remote share: how much of the rest of the trust is in other areas. */
export function updateTrustInPlace(world: World, t: number): void {
  const o = world.orgs;
  const trust = world.trusts[t];
  const everyone = trust.office >= 0 ? [trust.office, ...trust.members] : trust.members;
  const counts = new Map<number, number>();
  for (const j of trust.members) counts.set(o.area[j], (counts.get(o.area[j]) ?? 0) + 1);
  let home = trust.office >= 0 ? o.area[trust.office] : trust.home;
  let most = 0;
  for (const [area, count] of counts) if (count > most || (count === most && area < home)) [home, most] = [area, count];
  trust.home = home;
  for (const i of everyone) {
    let away = 0;
    for (const j of everyone) away += +(o.area[j] !== o.area[i]);
    o.remote[i] = everyone.length > 1 ? away / (everyone.length - 1) : 0;
  }
}

/** Returns whether organisation i is in a trust based in another area than its own. */
export function inTrustElsewhere(world: World, i: number): boolean {
  const t = world.orgs.trust[i];
  return t >= 0 && world.trusts[t].home !== world.orgs.area[i];
}
