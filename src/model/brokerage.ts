// Local-authority officers brokering partnerships: they introduce organisations of their area to each other and
// convene them, taking part themselves (ABPP: the contribution of local-authority officers).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import {
  expectedNet,
  formPartnershipInPlace,
  leadFor,
  offerNow,
  partnerScore,
  partnershipCapacity,
  startingTrust,
} from './partnerships.ts';
import { chanceIn } from './time.ts';
import { addTieInPlace, trustFrom, type World } from './world.ts';

/**
 * Lets local-authority officers broker partnerships, in place (ABPP: the contribution of local-authority
 * officers): at a yearly rate set by their support and local politics, an authority introduces organisations with
 * spare capacity in its area to each other and convenes them, taking part itself (its officers then take on part of
 * the coordination: see the balance). Each invitee accepts on its own partner-choice score, if it expects membership
 * to pay.
 */
export function brokerInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  const P = ctx.params.brokerage;
  const lw = ctx.params.trustTypes.leaderWeight;
  for (let a = 0; a < world.areaCount; a++) {
    if (rng() >= chanceIn(P.rate * lv.support[a] * (P.politicsOffset + lv.politics[a]), ctx.dt)) continue;
    const offer = offerNow(ctx);
    const la = world.areaAuthority[a];
    const local = world.areaMembers[a];
    const trust = startingTrust(ctx, a) + P.trustBoost * lv.support[a];
    const members = [la];
    const size = P.sizeMin + Math.floor(rng() * P.sizeSpread);
    for (let tries = 0; tries < P.triesPerInvitee * size && members.length <= size; tries++) {
      // Officers know their area: of two organisations they think of, they approach the one whose values
      // are closer to those of the organisation they convened last.
      const first = local[Math.floor(rng() * local.length)];
      const second = local[Math.floor(rng() * local.length)];
      const anchor = o.norms[members[members.length - 1]];
      const j = Math.abs(o.norms[second] - anchor) < Math.abs(o.norms[first] - anchor) ? second : first;
      if (members.includes(j) || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
      const slot = addTieInPlace(world, la, j, trust, ctx.params.partnerships.newTieStrength);
      const bar = ctx.params.partnerships.acceptScore;
      const terms = { area: a, members: [...members, j], funded: offer.funded, mandated: false, laInvolved: true };
      if (partnerScore(world, ctx, j, la, trustFrom(world.ties, slot, j, lw)) > bar && expectedNet(world, ctx, j, terms) > 0)
        members.push(j);
    }
    if (members.length < 3) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: leadFor(world, members, ctx.params.power.influence),
      members,
      ...offer,
      principles: rng() < lv.principles,
      laInvolved: true,
      cause: 'broker',
    });
  }
}

/** Local-authority officers broker partnerships (ODD 7.10.5). */
export const brokerage: Mechanism = { id: 'brokerage', odd: '7.10.5', blocks: ['brokerage', 'partnerships', 'power'], run: brokerInPlace };
