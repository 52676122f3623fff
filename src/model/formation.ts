// New ties and partnerships: contacts met through networks and proximity, organisations joining when
// enough of their peers have, leaders initiating with trusted partners, local authorities brokering,
// and the stick compelling. Each route's outcome depends on trust, gain and capacity, never on a script.
import { PARAMS } from './params.ts';
import { addTieInPlace, findTie, otherEnd, trustFrom, type World } from './world.ts';
import { addMemberInPlace, formPartnershipInPlace, startingTrust } from './partnerships.ts';
import type { Mandate } from './vocabulary.ts';
import type { StepContext } from './context.ts';
import { ORG_KINDS } from '../scenario/schema.ts';

const LA_KIND = ORG_KINDS.indexOf('localAuthority');
/** Most members a partnership takes by joining. */
const MAX_MEMBERS = 30;

/** Returns how many partnerships organisation i can carry: more with more capacity, which funding buys (the carrot pays for staff time). */
export function partnershipCapacity(world: World, ctx: StepContext, i: number): number {
  return 1 + Math.floor(3 * world.orgs.capacity[i] * (1 + ctx.levers.carrot));
}

/** Returns i's partner-choice score for j: trust against expected gain, weighed by i's adaptive weight (Gorobets & Nooteboom 2006). */
export function partnerScore(world: World, ctx: StepContext, i: number, j: number, trust: number): number {
  const o = world.orgs;
  const rival = +(o.kind[i] === o.kind[j]) * +(o.area[i] === o.area[j]);
  const gain =
    0.3 +
    0.5 * Math.abs(o.power[i] - o.power[j]) +
    0.2 * o.capacity[j] +
    0.4 * ctx.levers.carrot * o.motResources[i] -
    ctx.levers.competition * o.exposure[i] * rival;
  const w = o.trustWeight[i];
  return w * trust + (1 - w) * gain;
}

/**
 * Lets organisations meet new contacts, in place: through a partner's partner (triadic closure) or by
 * proximity in their area, more often where politics supports collaboration (ABPP); a new tie starts
 * at calculus-based trust set by the area's history (Lewicki & Bunker 1996).
 */
export function meetInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const rng = ctx.rng;
  for (let i = 0; i < o.n; i++) {
    const a = o.area[i];
    if (rng() >= PARAMS.meetRate * (0.5 + ctx.levers.politics[a])) continue;
    const mine = o.ties[i];
    let j = -1;
    if (mine.length > 0 && rng() < 0.5) {
      const via = otherEnd(world.ties, mine[Math.floor(rng() * mine.length)], i);
      const theirs = o.ties[via];
      j = otherEnd(world.ties, theirs[Math.floor(rng() * theirs.length)], via);
    } else {
      const local = world.areaMembers[a];
      j = local[Math.floor(rng() * local.length)];
    }
    if (j !== i && findTie(world, i, j) < 0) addTieInPlace(world, i, j, startingTrust(ctx, a), 0.1);
  }
}

/**
 * Lets organisations join partnerships their peers are in, in place (Granovetter 1978): i joins p when
 * the share of its tied peers in p reaches its threshold, lowered by funding, by the stick for those in
 * no partnership, and by political support; among such partnerships it picks the one it scores best on
 * trust and gain (Gorobets & Nooteboom 2006), if that score is high enough.
 */
export function joinInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  // Candidate partnerships of i's peers, with how many peers are in each and i's summed trust in them.
  const ids: number[] = [];
  const peers: number[] = [];
  const trusts: number[] = [];
  for (let i = 0; i < o.n; i++) {
    if (o.kind[i] === LA_KIND || rng() >= PARAMS.joinConsiderRate) continue;
    if (o.memberships[i] >= partnershipCapacity(world, ctx, i)) continue;
    const mine = o.ties[i];
    if (mine.length === 0) continue;
    ids.length = 0;
    peers.length = 0;
    trusts.length = 0;
    for (const slot of mine) {
      const j = otherEnd(world.ties, slot, i);
      const trust = trustFrom(world.ties, slot, i, PARAMS.leaderTrustWeight);
      for (const id of o.partnerships[j]) {
        let at = ids.indexOf(id);
        if (at < 0) {
          at = ids.length;
          ids.push(id);
          peers.push(0);
          trusts.push(0);
        }
        peers[at]++;
        trusts[at] += trust;
      }
    }
    let best = -1;
    let bestScore: number = PARAMS.acceptScore;
    for (let k = 0; k < ids.length; k++) {
      const p = world.partnerships[ids[k]];
      if (p.members.length >= MAX_MEMBERS || o.partnerships[i].includes(p.id)) continue;
      const threshold =
        o.joinThreshold[i] - 0.3 * lv.carrot * +p.funded - 0.4 * lv.stick * +(o.memberships[i] === 0) - 0.15 * lv.politics[o.area[i]];
      if (peers[k] / mine.length < threshold) continue;
      const score = partnerScore(world, ctx, i, p.lead, trusts[k] / peers[k]) + 0.1 * p.score;
      if (score > bestScore) {
        best = p.id;
        bestScore = score;
      }
    }
    if (best >= 0) {
      const p = world.partnerships[best];
      addMemberInPlace(world, ctx, p, i);
      ctx.emit({ step: ctx.step, kind: 'joined', partnership: p.id, organisations: [i], cause: 'peers' });
    }
  }
}

/** Returns the mandate and funding a partnership formed now gets: incentivised and funded while the carrot is on. */
function offerNow(ctx: StepContext): { mandate: Mandate; funded: boolean } {
  const funded = ctx.levers.carrot > 0.05;
  return { mandate: funded ? 'incentivised' : 'voluntary', funded };
}

/**
 * Lets leaders initiate partnerships, in place: a leader with spare capacity, more likely when
 * experienced (ABPP: partnerships led by experienced leaders), when funding is offered (the carrot) and
 * when the stick bites an organisation in no partnership, invites the tied partners it scores highest;
 * each accepts if it scores the initiator highly enough and has capacity (Gorobets & Nooteboom 2006).
 */
export function initiateInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  for (let i = 0; i < o.n; i++) {
    if (o.kind[i] === LA_KIND || o.ties[i].length === 0) continue;
    const a = o.area[i];
    const rate =
      PARAMS.initiateRate *
      (0.5 + o.leaderExperience[i]) *
      (1 + 2 * lv.carrot) *
      (0.5 + lv.politics[a]) *
      (1 + lv.stick * +(o.memberships[i] === 0));
    if (rng() >= rate || o.memberships[i] >= partnershipCapacity(world, ctx, i)) continue;
    const candidates: [number, number][] = [];
    for (const slot of o.ties[i]) {
      const j = otherEnd(world.ties, slot, i);
      if (o.kind[j] === LA_KIND || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
      const score = partnerScore(world, ctx, i, j, trustFrom(world.ties, slot, i, PARAMS.leaderTrustWeight));
      if (score > PARAMS.acceptScore) candidates.push([j, score]);
    }
    candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const members = [i];
    for (const [j] of candidates.slice(0, PARAMS.maxInvitees)) {
      const back = findTie(world, j, i);
      if (partnerScore(world, ctx, j, i, trustFrom(world.ties, back, j, PARAMS.leaderTrustWeight)) > PARAMS.acceptScore) members.push(j);
    }
    if (members.length < 2) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: i,
      members,
      ...offerNow(ctx),
      principles: rng() < lv.principles,
      laInvolved: false,
      cause: 'network',
    });
  }
}

/**
 * Lets local-authority officers broker partnerships, in place (ABPP: the contribution of local-authority
 * officers): with a chance set by their support and local politics, an authority introduces an
 * organisation with spare capacity to a few others in its area and convenes them, taking part itself.
 * Each invitee accepts on its own partner-choice score, the officers' credibility lowering the bar.
 */
export function brokerInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  for (let a = 0; a < world.areaCount; a++) {
    if (rng() >= PARAMS.brokerRate * lv.support[a] * (0.5 + lv.politics[a])) continue;
    const la = world.areaAuthority[a];
    const local = world.areaMembers[a];
    const trust = startingTrust(ctx, a) + 0.1 * lv.support[a];
    const members = [la];
    const size = 2 + Math.floor(rng() * 3);
    for (let tries = 0; tries < 3 * size && members.length <= size; tries++) {
      // Officers know their area: of two organisations they think of, they approach the one whose values
      // are closer to those of the organisation they convened last.
      const first = local[Math.floor(rng() * local.length)];
      const second = local[Math.floor(rng() * local.length)];
      const anchor = o.norms[members[members.length - 1]];
      const j = Math.abs(o.norms[second] - anchor) < Math.abs(o.norms[first] - anchor) ? second : first;
      if (members.includes(j) || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
      const slot = addTieInPlace(world, la, j, trust, 0.1);
      if (
        partnerScore(world, ctx, j, la, trustFrom(world.ties, slot, j, PARAMS.leaderTrustWeight)) >
        PARAMS.acceptScore - 0.1 * lv.support[a]
      )
        members.push(j);
    }
    if (members.length < 3) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: members[1],
      members,
      ...offerNow(ctx),
      principles: rng() < lv.principles,
      laInvolved: true,
      cause: 'broker',
    });
  }
}

/**
 * Lets the stick compel partnership, in place (Glendinning et al. 2002; Dhillon 2009: government
 * enticed, even compelled, partnership): with a chance set by the stick, an authority groups
 * organisations of its area that are in no partnership into a mandated one. No one chooses to join.
 */
export function mandateInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  for (let a = 0; a < world.areaCount; a++) {
    if (rng() >= PARAMS.mandateRate * lv.stick) continue;
    const la = world.areaAuthority[a];
    const local = world.areaMembers[a];
    const members = [la];
    const start = Math.floor(rng() * local.length);
    for (let k = 0; k < local.length && members.length <= PARAMS.mandateSize; k++) {
      const j = local[(start + k) % local.length];
      if (j !== la && o.memberships[j] === 0 && rng() < 0.5) members.push(j);
    }
    if (members.length < 3) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: members[1],
      members,
      mandate: 'mandated',
      funded: lv.carrot > 0.05,
      principles: rng() < lv.principles,
      laInvolved: true,
      cause: 'mandate',
    });
  }
}
