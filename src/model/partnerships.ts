// Partnerships as collectives: forming one, members joining and leaving, and dissolution when fewer than
// two members remain. Membership changes keep each tie's count of shared partnerships current.
import { availableCapacity, emptyBalance, fillBalance, LA_KIND, type PartnershipTerms } from './balance.ts';
import type { StepContext } from './context.ts';
import { levelFor, scorePartnershipInPlace } from './continuum.ts';
import type { Cause, Depth, Mandate, Scope } from './vocabulary.ts';
import {
  addRoleInPlace,
  addTieInPlace,
  coreOf,
  countSharedInPlace,
  depthOf,
  experienceOf,
  findTie,
  isCore,
  listPartnershipInPlace,
  type Partnership,
  trustFrom,
  unlistPartnershipInPlace,
  type World,
} from './world.ts';

export { LA_KIND } from './balance.ts';

/** What a new partnership is made of. */
export interface PartnershipSpec {
  readonly area: number;
  readonly lead: number;
  /** Its members (the core group, for an area-wide partnership). */
  readonly members: readonly number[];
  /** An area-wide partnership's wider membership (none unless given), and its scope ('group' unless given). */
  readonly wider?: readonly number[];
  readonly scope?: Scope;
  readonly mandate: Mandate;
  readonly principles: boolean;
  readonly laInvolved: boolean;
  readonly funded: boolean;
  /** What brought it about: 'network', 'broker', 'mandate', 'history', 'convened-officers' or 'convened-leader'. */
  readonly cause: string;
}

/** Returns the starting trust of a new tie in an area: deeper earlier collaboration and political support give more (ABPP). */
export function startingTrust(ctx: StepContext, area: number): number {
  const P = ctx.params.partnerships;
  return P.startTrust + P.startTrustHistory * ctx.levers.history[area] + P.startTrustPolitics * ctx.levers.politics[area];
}

/** Returns how many partnerships organisation i can carry: more with more capacity for partnership work (funding buys
 * some, competition draws some away). */
export function partnershipCapacity(world: World, ctx: StepContext, i: number): number {
  const P = ctx.params.partnerships;
  return P.capacityBase + Math.floor(P.capacityScale * availableCapacity(world, ctx, i));
}

/** Returns i's partner-choice score for j: trust against expected gain, weighed by i's adaptive weight (Gorobets &
 * Nooteboom 2006). An experienced leader also judges j's reliability (its trustworthiness, as a share of the most any
 * organisation has): it trusts a reliable partner more than the trust built so far, and an unreliable one less (ABPP:
 * experienced leaders bring judgement). */
export function partnerScore(world: World, ctx: StepContext, i: number, j: number, built: number): number {
  const o = world.orgs;
  const P = ctx.params.partnerships;
  const L = ctx.params.leaders;
  const judged = Math.min(1, L.judgement * experienceOf(world, i));
  const reliability = o.trustworthiness[j] / (L.trustworthinessValues + L.trustworthinessSpread);
  const trust = built + judged * (reliability - 0.5);
  const rival = +(o.kind[i] === o.kind[j]) * +(o.area[i] === o.area[j]);
  const gain =
    P.gainBase +
    P.gainComplementarity * Math.abs(o.power[i] - o.power[j]) +
    P.gainCapacity * o.capacity[j] -
    P.gainRivalry * ctx.levers.competition * o.exposure[i] * rival;
  const w = o.trustWeight[i];
  return w * trust + (1 - w) * gain;
}

/** Returns the mandate and funding a partnership formed now gets: incentivised and funded while the carrot is on. */
export function offerNow(ctx: StepContext): { mandate: Mandate; funded: boolean } {
  const funded = ctx.levers.carrot > ctx.params.partnerships.fundedAbove;
  return { mandate: funded ? 'incentivised' : 'voluntary', funded };
}

// One balance, reused by every expected-balance question of a step.
const expected = emptyBalance();

/** Returns the net benefit organisation i expects of a partnership of these members (itself among them), were it to
 * choose it: its balance with its present trust in those it is tied to (starting trust with none), fully committed,
 * carrying one partnership more — or, for a wider membership, this load of one (areaWide.widerLoad). Organisations
 * form, join and accept partnerships they expect to pay (Jackson & Wolinsky 1996), so funding, the stick and
 * competition act on formation through what they do to this balance. */
export function expectedNet(world: World, ctx: StepContext, i: number, terms: PartnershipTerms, load = 1): number {
  const ties = world.ties;
  const lw = ctx.params.trustTypes.leaderWeight;
  let trust = 0;
  let tied = 0;
  const members = terms.members;
  for (let k = 0; k < members.length; k++) {
    const j = members[k];
    if (j === i) continue;
    const slot = findTie(world, i, j);
    if (slot < 0) continue;
    trust += trustFrom(ties, slot, i, lw);
    tied++;
  }
  const mean = tied > 0 ? trust / tied : startingTrust(ctx, world.orgs.area[i]);
  fillBalance(expected, world, ctx, terms, i, mean, 1, world.orgs.memberships[i] + load, load);
  return expected.net;
}

/** Creates a partnership from a spec, adds its members, places it on the continuum, records the event, and returns it. */
export function formPartnershipInPlace(world: World, ctx: StepContext, spec: PartnershipSpec): Partnership {
  const scope = spec.scope ?? 'group';
  const p: Partnership = {
    id: world.partnerships.length,
    area: spec.area,
    scope,
    core: 0,
    formedStep: ctx.step,
    endedStep: null,
    endReason: null,
    lead: spec.lead,
    mandate: spec.mandate,
    principles: spec.principles,
    laInvolved: spec.laInvolved,
    funded: spec.funded,
    leadExperience: experienceOf(world, spec.lead),
    members: [],
    roles: [],
    ties: [],
    trust: 0,
    network: 0,
    norms: 0,
    motivation: 0,
    score: 0,
    level: 0,
    peakLevel: 0,
    peak: { trust: 0, network: 0, norms: 0, motivation: 0, score: 0 },
  };
  world.partnerships.push(p);
  world.active.push(p.id);
  // A mandate compels every member but the authority that convenes it; every other partnership is chosen.
  const compelled = spec.mandate === 'mandated';
  for (const i of spec.members) addMemberInPlace(world, ctx, p, i, compelled && world.orgs.kind[i] !== LA_KIND);
  for (const i of spec.wider ?? []) addMemberInPlace(world, ctx, p, i, false, 'wider');
  scorePartnershipInPlace(world, ctx, p);
  p.level = levelFor(p.score, 0, ctx.params.continuum);
  p.peakLevel = p.level;
  p.peak = { trust: p.trust, network: p.network, norms: p.norms, motivation: p.motivation, score: p.score };
  ctx.formed++;
  ctx.emit({
    step: ctx.step,
    kind: 'formed',
    partnership: p.id,
    organisations: [...p.members],
    cause: spec.cause,
    ...depthsOf(world, p, p.members),
  });
  return p;
}

/** Returns, for an area-wide partnership, its scope and these members' depths, as its events record them; nothing for a group. */
export function depthsOf(world: World, p: Partnership, members: readonly number[]): { scope?: Scope; depths?: Depth[] } {
  if (p.scope === 'group') return {};
  return { scope: p.scope, depths: members.map((i) => depthOf(world.roles, p.roles[p.members.indexOf(i)])) };
}

/** Adds organisation i to p, in place, at this depth (the core unless given), committed to it unless compelled: it gets a
 * tie to the lead; in the core it gets ties to a few core members too, and every tie it has to a core member joins p's
 * internal network and counts one more shared partnership. A wider member's contact is light: its tie to the lead stays
 * informal, and it takes no share of its capacity (ABPP: members take part at different depths). */
export function addMemberInPlace(
  world: World,
  ctx: StepContext,
  p: Partnership,
  i: number,
  compelled = false,
  depth: Depth = 'core',
): void {
  const o = world.orgs;
  const P = ctx.params.partnerships;
  if (i !== p.lead) addTieInPlace(world, i, p.lead, startingTrust(ctx, o.area[i]), P.newTieStrength);
  if (depth === 'core') tieIntoCoreInPlace(world, ctx, p, i);
  p.members.push(i);
  p.roles.push(addRoleInPlace(world, ctx.step, depth, compelled));
  listPartnershipInPlace(o, i, p.id);
}

/** Moves wider member i of p into its core, in place (tieIntoCoreInPlace). */
export function joinCoreInPlace(world: World, ctx: StepContext, p: Partnership, i: number): void {
  tieIntoCoreInPlace(world, ctx, p, i);
  world.roles.core[p.roles[p.members.indexOf(i)]] = 1;
}

// Ties i into p's core, in place, before it is listed there (a new member not yet listed, or a wider member): ties to a
// few core members, and every tie it has to a core member joins p's internal network and counts one more shared
// partnership; the membership takes its share of i's capacity.
function tieIntoCoreInPlace(world: World, ctx: StepContext, p: Partnership, i: number): void {
  const P = ctx.params.partnerships;
  const trust = startingTrust(ctx, world.orgs.area[i]);
  const fellows = coreOf(world, p).filter((j) => j !== i);
  for (let k = 0; k < Math.min(P.newMemberTies, fellows.length); k++) {
    const j = fellows[Math.floor(ctx.rng() * fellows.length)];
    addTieInPlace(world, i, j, trust, P.newTieStrength);
  }
  for (const j of fellows) {
    const slot = findTie(world, i, j);
    if (slot >= 0) {
      countSharedInPlace(world.ties, slot, p, 1);
      p.ties.push(slot);
    }
  }
  p.core++;
  world.orgs.memberships[i]++;
}

/** Removes member i from p for this cause, in place; when fewer than two members remain, p dissolves with that cause. */
export function removeMemberInPlace(world: World, ctx: StepContext, p: Partnership, i: number, cause: Cause): void {
  const wasCore = +isCore(world, p, i);
  detachInPlace(world, p, i);
  ctx.emit({ step: ctx.step, kind: 'left', partnership: p.id, organisations: [i], cause });
  // A partnership ends when fewer than two remain in its core: an area-wide one's wider members go with it.
  if (p.core < 2) {
    const remaining = [...p.members];
    // Its last members (kept in p.members below), and of those how many were in its core.
    const lastCore = p.core + wasCore;
    for (const j of remaining) detachInPlace(world, p, j);
    p.core = lastCore;
    p.endedStep = ctx.step;
    p.endReason = cause;
    world.active.splice(world.active.indexOf(p.id), 1);
    ctx.dissolved++;
    ctx.emit({ step: ctx.step, kind: 'dissolved', partnership: p.id, organisations: [i, ...remaining], cause });
    p.members = [i, ...remaining];
    p.roles = [];
    return;
  }
  if (p.lead === i) p.lead = leadFor(world, coreOf(world, p), ctx.params.power.influence);
}

function detachInPlace(world: World, p: Partnership, i: number): void {
  const o = world.orgs;
  const at = p.members.indexOf(i);
  const core = world.roles.core[p.roles[at]];
  world.roles.free.push(p.roles[at]);
  p.members.splice(at, 1);
  p.roles.splice(at, 1);
  o.memberships[i] -= core;
  p.core -= core;
  unlistPartnershipInPlace(o, i, p.id);
  const t = world.ties;
  p.ties = p.ties.filter((slot) => {
    const touches = t.a[slot] === i || t.b[slot] === i;
    if (touches) countSharedInPlace(t, slot, p, -1);
    return !touches;
  });
}

/** Returns the member who takes a partnership's lead: of its members other than a local authority (whose officers
 * convene but do not lead), the one of most standing, (1 − influence) × its leader's experience + influence × its power
 * (ABPP: partnerships led by experienced leaders; Dhillon 2009, Ansell & Gash 2008: the more powerful partners lead);
 * the earlier listed on a tie. */
export function leadFor(world: World, members: readonly number[], influence: number): number {
  const o = world.orgs;
  let best = members[0];
  let bestStanding = Number.NEGATIVE_INFINITY;
  for (const j of members) {
    if (o.kind[j] === LA_KIND) continue;
    const standing = (1 - influence) * experienceOf(world, j) + influence * o.power[j];
    if (standing > bestStanding) [best, bestStanding] = [j, standing];
  }
  return best;
}
