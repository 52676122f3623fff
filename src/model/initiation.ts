// Leaders initiating partnerships with the tied partners they score highest (ABPP: partnerships led by experienced
// leaders; Gorobets & Nooteboom 2006: partner choice by trust and gain).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { expectedNet, formPartnershipInPlace, LA_KIND, offerNow, partnerScore, partnershipCapacity } from './partnerships.ts';
import { chanceIn } from './time.ts';
import { experienceOf, findTie, trustFrom, trustOf, type World } from './world.ts';

// A factor far above the rounding of rate dt and of its chance (about 1e-16 of them).
const ABOVE_ROUNDING = 1 + 1e-9;

/**
 * Lets leaders initiate partnerships, in place: a leader with spare capacity considers it at a yearly rate, higher when
 * experienced (ABPP: professional networks led by experienced leaders) and where politics supports collaboration; it
 * invites the tied partners it scores highest, and each accepts if it scores the initiator highly enough, has capacity
 * and expects membership to pay (Gorobets & Nooteboom 2006; Jackson & Wolinsky 1996). The leader goes ahead if it
 * expects the partnership of those who accepted to pay it too. Funding and the stick act only through those balances.
 */
export function initiateInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  const P = ctx.params.initiation;
  const accept = ctx.params.partnerships.acceptScore;
  const lw = ctx.params.trustTypes.leaderWeight;
  for (let i = 0; i < o.n; i++) {
    if (o.kind[i] === LA_KIND || o.ties.length[i] === 0) continue;
    const a = o.area[i];
    const rate = P.rate * (P.experienceOffset + experienceOf(world, i)) * (P.politicsOffset + lv.politics[a]);
    // The chance, 1 − e^−(rate dt), is below rate dt: a draw above that (with a margin far above rounding) is above the
    // chance too, and most draws are, so most organisations skip the exponential.
    const u = rng();
    if (u >= rate * ctx.dt * ABOVE_ROUNDING || u >= chanceIn(rate, ctx.dt) || o.memberships[i] >= partnershipCapacity(world, ctx, i))
      continue;
    const candidates: [number, number][] = [];
    const { slot, partner } = o.ties.columns;
    const mine = o.ties.start[i];
    for (let s = mine; s < mine + o.ties.length[i]; s++) {
      const j = partner[s];
      if (o.kind[j] === LA_KIND || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
      const score = partnerScore(world, ctx, i, j, trustOf(world.ties, slot[s], i < j, lw));
      if (score > accept) candidates.push([j, score]);
    }
    candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const offer = offerNow(ctx);
    // The leader and its best-scored candidates, in an indexed loop: destructuring the pairs deoptimised the function
    // when their arrays changed elements kind, which cost a recompile of the whole mechanism each time.
    const invited = [i];
    for (let c = 0; c < candidates.length && c < P.maxInvitees; c++) invited.push(candidates[c][0]);
    const terms = (members: readonly number[]) => ({ area: a, members, funded: offer.funded, mandated: false, laInvolved: false });
    const members = [i];
    for (let c = 1; c < invited.length; c++) {
      const j = invited[c];
      const back = findTie(world, j, i);
      if (partnerScore(world, ctx, j, i, trustFrom(world.ties, back, j, lw)) > accept && expectedNet(world, ctx, j, terms(invited)) > 0) {
        members.push(j);
      }
    }
    if (members.length < 2 || expectedNet(world, ctx, i, terms(members)) <= 0) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: i,
      members,
      ...offer,
      principles: rng() < lv.principles,
      laInvolved: false,
      cause: 'network',
    });
  }
}

/** Leaders initiate partnerships with trusted partners (ODD 7.10.4). */
export const initiation: Mechanism = {
  id: 'initiation',
  odd: '7.10.4',
  blocks: ['initiation', 'partnerships', 'power'],
  run: initiateInPlace,
};
