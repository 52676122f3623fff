// Area-wide partnerships (the ABPP's subject): convened by local-authority officers or by an area's most experienced
// leader, open to every organisation of the area, with no mandate; members take part in a core group or a wider
// membership, and the partnership's pull is soft power and its convenor's social capital (ABPP; Ansell & Gash 2008).
import type { PartnershipTerms } from './balance.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import {
  addMemberInPlace,
  depthsOf,
  expectedNet,
  formPartnershipInPlace,
  joinCoreInPlace,
  LA_KIND,
  leadFor,
  offerNow,
  partnerScore,
  partnershipCapacity,
  startingTrust,
} from './partnerships.ts';
import { chanceIn } from './time.ts';
import { coreOf, experienceOf, findTie, type Partnership, trustFrom, type World } from './world.ts';

/** Returns the organisation of area a (never its authority) whose leader has most experience, the lowest index on a
 * tie; -1 when the area has none. */
export function mostExperienced(world: World, a: number): number {
  let best = -1;
  let bestExperience = Number.NEGATIVE_INFINITY;
  const members = world.areaMembers[a];
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    if (world.orgs.kind[i] === LA_KIND) continue;
    const e = experienceOf(world, i);
    if (e > bestExperience) [best, bestExperience] = [i, e];
  }
  return best;
}

/** Returns the yearly rates at which area a's officers and its most experienced leader convene an area-wide
 * partnership: officerRate × localAuthority.support (none without an authority), and leaderRate × how far that
 * leader's experience is above experienceBar, as a share of the way from the bar to full experience. */
export function conveningRates(world: World, ctx: StepContext, a: number): { officers: number; leader: number; convenor: number } {
  const P = ctx.params.areaWide;
  const officers = world.areaAuthority[a] >= 0 ? P.officerRate * ctx.levers.support[a] : 0;
  const convenor = mostExperienced(world, a);
  const above = convenor >= 0 ? Math.max(0, experienceOf(world, convenor) - P.experienceBar) / Math.max(1e-9, 1 - P.experienceBar) : 0;
  return { officers, leader: P.leaderRate * above, convenor };
}

/** Returns i's trust in the convenor or lead c: through their tie, or the area's starting trust with none. */
function trustIn(world: World, ctx: StepContext, i: number, c: number): number {
  const slot = findTie(world, i, c);
  return slot >= 0 ? trustFrom(world.ties, slot, i, ctx.params.trustTypes.leaderWeight) : startingTrust(ctx, world.orgs.area[i]);
}

/** Returns whether i takes up an invitation from c into this partnership at this load of a membership (1: the core):
 * it scores c well enough as a partner (its trust in c against what c brings: social capital and soft power; Gorobets &
 * Nooteboom 2006) and expects that membership to pay (Jackson & Wolinsky 1996). */
function accepts(world: World, ctx: StepContext, i: number, c: number, terms: PartnershipTerms, load: number): boolean {
  return (
    partnerScore(world, ctx, i, c, trustIn(world, ctx, i, c)) > ctx.params.partnerships.acceptScore &&
    expectedNet(world, ctx, i, terms, load) > 0
  );
}

/**
 * Convenes an area-wide partnership in area a, in place, if enough accept: the convenor (the authority, through its
 * officers, or an experienced leader's organisation) invites every organisation of the area. Those tied to the convenor
 * with spare capacity that take up a full membership form the core; of the rest, those that expect a wider membership
 * (areaWide.widerLoad of one) to pay form the wider membership. With two or more in the core it forms, with no mandate;
 * officers take part but do not lead (the core's member of most standing does), a leader leads what they convene.
 * Returns the partnership, or null.
 */
export function conveneInPlace(world: World, ctx: StepContext, a: number, convenor: number): Partnership | null {
  const o = world.orgs;
  const byOfficers = o.kind[convenor] === LA_KIND;
  const offer = offerNow(ctx);
  const core = [convenor];
  const terms = (members: readonly number[]) => ({ area: a, members, funded: offer.funded, mandated: false, laInvolved: byOfficers });
  const partner = o.ties.columns.partner;
  for (let k = o.ties.start[convenor]; k < o.ties.start[convenor] + o.ties.length[convenor]; k++) {
    const j = partner[k];
    if (o.area[j] !== a || o.kind[j] === LA_KIND || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
    if (accepts(world, ctx, j, convenor, terms([...core, j]), 1)) core.push(j);
  }
  if (core.length < 2) return null;
  const widerLoad = ctx.params.areaWide.widerLoad;
  const wider: number[] = [];
  for (const j of world.areaMembers[a]) {
    if (o.kind[j] === LA_KIND || core.includes(j)) continue;
    if (accepts(world, ctx, j, convenor, terms([...core, j]), widerLoad)) wider.push(j);
  }
  return formPartnershipInPlace(world, ctx, {
    area: a,
    lead: byOfficers ? leadFor(world, core, ctx.params.power.influence) : convenor,
    members: core,
    wider,
    scope: 'area',
    ...offer,
    principles: ctx.rng() < ctx.levers.principles,
    laInvolved: byOfficers,
    cause: byOfficers ? 'convened-officers' : 'convened-leader',
  });
}

/**
 * Keeps an area-wide partnership open, in place: each organisation of its area outside it (never the authority)
 * considers the invitation at areaWide.considerRate a year and joins the wider membership if it scores the lead well
 * enough and expects a wider membership to pay; each wider member that judges the partnership worth it (its belief is
 * positive), has spare capacity and expects a full membership to pay moves into the core at areaWide.deepenRate a year.
 */
export function keepOpenInPlace(world: World, ctx: StepContext, p: Partnership): void {
  const o = world.orgs;
  const P = ctx.params.areaWide;
  const consider = chanceIn(P.considerRate, ctx.dt);
  const deepen = chanceIn(P.deepenRate, ctx.dt);
  const core = coreOf(world, p);
  const terms = (i: number) => ({ area: p.area, members: [...core, i], funded: p.funded, mandated: false, laInvolved: p.laInvolved });
  const members = world.areaMembers[p.area];
  // Its members marked, so that each organisation of the area is checked without reading its list of partnerships.
  const inKept = o.inKept;
  for (let k = 0; k < p.members.length; k++) inKept[p.members[k]] = 1;
  for (let m = 0; m < members.length; m++) {
    const j = members[m];
    if (o.kind[j] === LA_KIND || inKept[j] === 1 || ctx.rng() >= consider) continue;
    if (!accepts(world, ctx, j, p.lead, terms(j), P.widerLoad)) continue;
    addMemberInPlace(world, ctx, p, j, false, 'wider');
    ctx.emit({ step: ctx.step, kind: 'joined', partnership: p.id, organisations: [j], cause: 'open', ...depthsOf(world, p, [j]) });
  }
  for (let k = 0; k < p.members.length; k++) inKept[p.members[k]] = 0;
  for (let k = 0; k < p.members.length; k++) {
    const i = p.members[k];
    const role = p.roles[k];
    if (world.roles.core[role] === 1 || world.roles.belief[role] <= 0 || ctx.rng() >= deepen) continue;
    if (o.memberships[i] >= partnershipCapacity(world, ctx, i) || expectedNet(world, ctx, i, terms(i)) <= 0) continue;
    joinCoreInPlace(world, ctx, p, i);
    ctx.emit({ step: ctx.step, kind: 'joined', partnership: p.id, organisations: [i], cause: 'deepened', ...depthsOf(world, p, [i]) });
  }
}

/**
 * Runs the area-wide partnerships of a step, in place (ABPP; Ansell & Gash 2008): an area with none has one convened
 * at the yearly rate of its officers and of its most experienced leader together (conveningRates), by one or the other
 * in proportion to their rates; an area with one keeps it open. An area has at most one: it is the area's partnership.
 */
export function runAreaWideInPlace(world: World, ctx: StepContext): void {
  const byArea: (Partnership | null)[] = new Array(world.areaCount).fill(null);
  const active = world.active;
  for (let k = 0; k < active.length; k++) {
    const p = world.partnerships[active[k]];
    if (p.scope === 'area') byArea[p.area] = p;
  }
  for (let a = 0; a < world.areaCount; a++) {
    const p = byArea[a];
    if (p !== null) {
      keepOpenInPlace(world, ctx, p);
      continue;
    }
    const rates = conveningRates(world, ctx, a);
    const total = rates.officers + rates.leader;
    if (total <= 0 || ctx.rng() >= chanceIn(total, ctx.dt)) continue;
    const convenor = ctx.rng() * total < rates.officers ? world.areaAuthority[a] : rates.convenor;
    conveneInPlace(world, ctx, a, convenor);
  }
}

/** Officers and experienced leaders convene area-wide partnerships, open to every organisation of the area (ODD 7.10.8). */
export const areaWide: Mechanism = {
  id: 'areaWide',
  odd: '7.10.8',
  blocks: ['areaWide', 'partnerships', 'power'],
  run: runAreaWideInPlace,
};
