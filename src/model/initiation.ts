// Leaders initiating partnerships with the tied partners they score highest (ABPP: partnerships led by experienced
// leaders; Gorobets & Nooteboom 2006: partner choice by trust and gain).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { formPartnershipInPlace, LA_KIND, offerNow, partnerScore, partnershipCapacity } from './partnerships.ts';
import { findTie, otherEnd, trustFrom, type World } from './world.ts';

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
  const P = ctx.params.initiation;
  const accept = ctx.params.partnerships.acceptScore;
  const lw = ctx.params.trustTypes.leaderWeight;
  for (let i = 0; i < o.n; i++) {
    if (o.kind[i] === LA_KIND || o.ties[i].length === 0) continue;
    const a = o.area[i];
    const rate =
      P.rate *
      (P.experienceOffset + o.leaderExperience[i]) *
      (1 + P.carrotBoost * lv.carrot) *
      (P.politicsOffset + lv.politics[a]) *
      (1 + P.stickBoost * lv.stick * +(o.memberships[i] === 0));
    if (rng() >= rate || o.memberships[i] >= partnershipCapacity(world, ctx, i)) continue;
    const candidates: [number, number][] = [];
    for (const slot of o.ties[i]) {
      const j = otherEnd(world.ties, slot, i);
      if (o.kind[j] === LA_KIND || o.memberships[j] >= partnershipCapacity(world, ctx, j)) continue;
      const score = partnerScore(world, ctx, i, j, trustFrom(world.ties, slot, i, lw));
      if (score > accept) candidates.push([j, score]);
    }
    candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const members = [i];
    for (const [j] of candidates.slice(0, P.maxInvitees)) {
      const back = findTie(world, j, i);
      if (partnerScore(world, ctx, j, i, trustFrom(world.ties, back, j, lw)) > accept) members.push(j);
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

/** Leaders initiate partnerships with trusted partners (ODD 7.10.4). */
export const initiation: Mechanism = { id: 'initiation', odd: '7.10.4', blocks: ['initiation', 'partnerships'], run: initiateInPlace };
