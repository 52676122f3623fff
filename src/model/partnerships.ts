// Partnerships as collectives: forming one, members joining and leaving, and dissolution when fewer than
// two members remain. Membership changes keep each tie's count of shared partnerships current.
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import { levelFor, scorePartnershipInPlace } from './continuum.ts';
import type { Cause, Mandate } from './vocabulary.ts';
import { addTieInPlace, findTie, type Partnership, type World } from './world.ts';

/** The kind number of local authorities, which take part in partnerships they broker or mandate but do not join or initiate. */
export const LA_KIND = ORG_KINDS.indexOf('localAuthority');

/** What a new partnership is made of. */
export interface PartnershipSpec {
  readonly area: number;
  readonly lead: number;
  readonly members: readonly number[];
  readonly mandate: Mandate;
  readonly principles: boolean;
  readonly laInvolved: boolean;
  readonly funded: boolean;
  /** What brought it about: 'network', 'broker', 'mandate' or 'history'. */
  readonly cause: string;
}

/** Returns the starting trust of a new tie in an area: deeper earlier collaboration and political support give more (ABPP). */
export function startingTrust(ctx: StepContext, area: number): number {
  const P = ctx.params.partnerships;
  return P.startTrust + P.startTrustHistory * ctx.levers.history[area] + P.startTrustPolitics * ctx.levers.politics[area];
}

/** Returns how many partnerships organisation i can carry: more with more capacity, which funding buys (the carrot pays for staff time). */
export function partnershipCapacity(world: World, ctx: StepContext, i: number): number {
  const P = ctx.params.partnerships;
  return P.capacityBase + Math.floor(P.capacityScale * world.orgs.capacity[i] * (1 + P.carrotCapacity * ctx.levers.carrot));
}

/** Returns i's partner-choice score for j: trust against expected gain, weighed by i's adaptive weight (Gorobets & Nooteboom 2006). */
export function partnerScore(world: World, ctx: StepContext, i: number, j: number, trust: number): number {
  const o = world.orgs;
  const P = ctx.params.partnerships;
  const rival = +(o.kind[i] === o.kind[j]) * +(o.area[i] === o.area[j]);
  const gain =
    P.gainBase +
    P.gainComplementarity * Math.abs(o.power[i] - o.power[j]) +
    P.gainCapacity * o.capacity[j] +
    P.gainFunding * ctx.levers.carrot * o.motResources[i] -
    P.gainRivalry * ctx.levers.competition * o.exposure[i] * rival;
  const w = o.trustWeight[i];
  return w * trust + (1 - w) * gain;
}

/** Returns the mandate and funding a partnership formed now gets: incentivised and funded while the carrot is on. */
export function offerNow(ctx: StepContext): { mandate: Mandate; funded: boolean } {
  const funded = ctx.levers.carrot > ctx.params.partnerships.fundedAbove;
  return { mandate: funded ? 'incentivised' : 'voluntary', funded };
}

/** Creates a partnership from a spec, adds its members, places it on the continuum, records the event, and returns it. */
export function formPartnershipInPlace(world: World, ctx: StepContext, spec: PartnershipSpec): Partnership {
  const p: Partnership = {
    id: world.partnerships.length,
    area: spec.area,
    formedStep: ctx.step,
    endedStep: null,
    endReason: null,
    lead: spec.lead,
    mandate: spec.mandate,
    principles: spec.principles,
    laInvolved: spec.laInvolved,
    funded: spec.funded,
    members: [],
    ties: [],
    satisfaction: [],
    memberTrust: [],
    goodwill: ctx.params.membership.goodwillStart + ctx.params.membership.goodwillFundedExtra * +spec.funded,
    peakCarrot: 0,
    trust: 0,
    network: 0,
    norms: 0,
    motivation: 0,
    score: 0,
    level: 0,
    peakLevel: 0,
  };
  world.partnerships.push(p);
  world.active.push(p.id);
  for (const i of spec.members) addMemberInPlace(world, ctx, p, i);
  scorePartnershipInPlace(world, ctx, p);
  p.level = levelFor(p.score, 0, ctx.params.continuum);
  p.peakLevel = p.level;
  ctx.formed++;
  ctx.emit({ step: ctx.step, kind: 'formed', partnership: p.id, organisations: [...p.members], cause: spec.cause });
  return p;
}

/** Adds organisation i to p, in place: it gets ties to the lead and a few members, and every tie it has to a member joins p's internal network and counts one more shared partnership. */
export function addMemberInPlace(world: World, ctx: StepContext, p: Partnership, i: number): void {
  const o = world.orgs;
  const P = ctx.params.partnerships;
  const trust = startingTrust(ctx, o.area[i]);
  if (i !== p.lead) addTieInPlace(world, i, p.lead, trust, P.newTieStrength);
  for (let k = 0; k < Math.min(P.newMemberTies, p.members.length); k++) {
    const j = p.members[Math.floor(ctx.rng() * p.members.length)];
    if (j !== i) addTieInPlace(world, i, j, trust, P.newTieStrength);
  }
  const mandated = +(p.mandate === 'mandated');
  for (const j of p.members) {
    const slot = findTie(world, i, j);
    if (slot >= 0) {
      world.ties.shared[slot]++;
      world.ties.sharedMandated[slot] += mandated;
      p.ties.push(slot);
    }
  }
  p.members.push(i);
  p.satisfaction.push(0);
  p.memberTrust.push(0);
  o.memberships[i]++;
  o.partnerships[i].push(p.id);
}

/** Removes member i from p for this cause, in place; when fewer than two members remain, p dissolves with that cause. */
export function removeMemberInPlace(world: World, ctx: StepContext, p: Partnership, i: number, cause: Cause): void {
  detachInPlace(world, p, i);
  ctx.emit({ step: ctx.step, kind: 'left', partnership: p.id, organisations: [i], cause });
  if (p.members.length < 2) {
    const remaining = [...p.members];
    for (const j of remaining) detachInPlace(world, p, j);
    p.endedStep = ctx.step;
    p.endReason = cause;
    world.active.splice(world.active.indexOf(p.id), 1);
    ctx.dissolved++;
    ctx.emit({ step: ctx.step, kind: 'dissolved', partnership: p.id, organisations: [i, ...remaining], cause });
    p.members = [i, ...remaining];
    p.satisfaction = p.members.map(() => 0);
    p.memberTrust = p.members.map(() => 0);
    return;
  }
  if (p.lead === i) p.lead = strongestMember(world, p);
}

function detachInPlace(world: World, p: Partnership, i: number): void {
  const o = world.orgs;
  const at = p.members.indexOf(i);
  p.members.splice(at, 1);
  p.satisfaction.splice(at, 1);
  p.memberTrust.splice(at, 1);
  o.memberships[i]--;
  const list = o.partnerships[i];
  list.splice(list.indexOf(p.id), 1);
  const mandated = +(p.mandate === 'mandated');
  const t = world.ties;
  p.ties = p.ties.filter((slot) => {
    const touches = t.a[slot] === i || t.b[slot] === i;
    t.shared[slot] -= +touches;
    t.sharedMandated[slot] -= +touches * mandated;
    return !touches;
  });
}

/** Returns the member with the most power: the one who takes the lead when the lead leaves. */
function strongestMember(world: World, p: Partnership): number {
  let best = p.members[0];
  for (const j of p.members) if (world.orgs.power[j] > world.orgs.power[best]) best = j;
  return best;
}
