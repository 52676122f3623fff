// Joining by thresholds: an organisation joins a partnership once enough of its tied peers are in it
// (Granovetter 1978), choosing among such partnerships by trust and gain (Gorobets & Nooteboom 2006).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { addMemberInPlace, expectedNet, LA_KIND, partnerScore, partnershipCapacity } from './partnerships.ts';
import { chanceIn } from './time.ts';
import { indexInList, trustOf, type World } from './world.ts';

/**
 * Lets organisations join partnerships their peers are in, in place (Granovetter 1978): i considers p when the share
 * of its tied peers in p reaches its threshold, lowered by political support; among such partnerships it picks the
 * one whose lead it scores best on trust and gain (Gorobets & Nooteboom 2006), if that score is high enough, and joins
 * it if it expects membership to pay (funding that covers coordination, and the stick's penalty for an organisation in
 * no partnership, count through that balance).
 */
export function joinInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  const P = ctx.params.joining;
  const lw = ctx.params.trustTypes.leaderWeight;
  const consider = chanceIn(P.considerRate, ctx.dt);
  // Candidate partnerships of i's peers, with how many peers are in each and i's summed trust in them.
  const ids: number[] = [];
  const peers: number[] = [];
  const trusts: number[] = [];
  for (let i = 0; i < o.n; i++) {
    if (o.kind[i] === LA_KIND || rng() >= consider) continue;
    if (o.memberships[i] >= partnershipCapacity(world, ctx, i)) continue;
    const tieCount = o.ties.length[i];
    if (tieCount === 0) continue;
    // The columns are read here, for each organisation: joining moves lists (and may rebuild the columns) as it goes.
    const { slot, partner } = o.ties.columns;
    const held = o.partnerships.columns.id;
    const mine = o.ties.start[i];
    ids.length = 0;
    peers.length = 0;
    trusts.length = 0;
    for (let s = mine; s < mine + tieCount; s++) {
      const j = partner[s];
      // A peer in no partnership adds nothing: neither its list nor its tie's trust is read (each read is a trip to
      // memory at scale).
      const theirCount = o.partnerships.length[j];
      if (theirCount === 0) continue;
      const theirs = o.partnerships.start[j];
      const trust = trustOf(world.ties, slot[s], i < j, lw);
      for (let q = theirs; q < theirs + theirCount; q++) {
        const id = held[q];
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
    let bestScore: number = ctx.params.partnerships.acceptScore;
    const threshold = o.joinThreshold[i] - P.politicsRelief * lv.politics[o.area[i]];
    for (let k = 0; k < ids.length; k++) {
      // Too few peers in it rules a partnership out before it is looked up.
      if (peers[k] / tieCount < threshold) continue;
      // Its own partnerships, where its peers are too, are ruled out before they are looked up.
      if (indexInList(o.partnerships, 'id', i, ids[k]) >= 0) continue;
      const p = world.partnerships[ids[k]];
      // An area-wide partnership is joined through its open invitation (areaWide.ts), not through peers.
      if (p.scope === 'area' || p.members.length >= P.maxMembers) continue;
      const score = partnerScore(world, ctx, i, p.lead, trusts[k] / peers[k]);
      if (score > bestScore) {
        best = p.id;
        bestScore = score;
      }
    }
    if (best < 0) continue;
    const p = world.partnerships[best];
    const terms = {
      area: p.area,
      members: [...p.members, i],
      funded: p.funded,
      mandated: p.mandate === 'mandated',
      laInvolved: p.laInvolved,
    };
    if (expectedNet(world, ctx, i, terms) > 0) {
      addMemberInPlace(world, ctx, p, i);
      ctx.emit({ step: ctx.step, kind: 'joined', partnership: p.id, organisations: [i], cause: 'peers' });
    }
  }
}

/** Organisations join their peers' partnerships (ODD 7.10.3). */
export const joining: Mechanism = { id: 'joining', odd: '7.10.3', blocks: ['joining', 'partnerships', 'power'], run: joinInPlace };
