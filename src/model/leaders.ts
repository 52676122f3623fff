// Leaders: turnover, which takes leader-level trust with the leader who leaves, and the experience and
// personal network a leader brings and builds (Dhillon 2009; ABPP: professional networks of leaders).
import type { ModelParams } from '../scenario/parameters/index.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { chanceOfShareIn } from './time.ts';
import { addTieInPlace, type World } from './world.ts';

/** Returns a new leader's experience: the lever's mean with a spread, in [0, 1]. */
export function drawExperience(ctx: StepContext): number {
  return Math.min(1, Math.max(0, ctx.levers.experience + (ctx.rng() - 0.5) * ctx.params.leaders.experienceSpread));
}

/**
 * Replaces leaders, in place, so that the lever's share of them is replaced in a year. The leaving leader's trust with every partner
 * is lost (leader-level trust restarts at a calculus-based level), but for the share that officers carry over on the
 * ties of a partnership the local authority takes part in (ABPP: the contribution of local-authority officers); the new leader brings experience
 * drawn around the lever, values of their own (spread by the culture lever), and a personal network of
 * contacts in proportion to experience. Sitting leaders gain experience with tenure.
 */
export function turnOverLeadersInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const t = world.ties;
  const rng = ctx.rng;
  const P = ctx.params.leaders;
  const chance = chanceOfShareIn(ctx.levers.turnover, ctx.dt);
  const growth = -Math.expm1(-P.experienceGrowth * ctx.dt);
  for (let i = 0; i < o.n; i++) {
    o.leaderTenure[i] += 1;
    o.leaderExperience[i] += growth * (1 - o.leaderExperience[i]);
    if (rng() >= chance) continue;
    const a = o.area[i];
    o.leaderTenure[i] = 0;
    o.leaderExperience[i] = drawExperience(ctx);
    o.norms[i] = Math.min(1, Math.max(0, o.norms[i] + (rng() - 0.5) * ctx.levers.culture[a] * P.normShift));
    o.trustworthiness[i] = trustworthinessOf(ctx.params, o.motValues[i], rng());
    const restart = P.restartTrust + P.restartTrustHistory * ctx.levers.history[a];
    // Officers of a partnership the local authority takes part in introduce the newcomer: part of the leaving leader's
    // trust carries over on the ties of that partnership.
    const carried = ctx.params.brokerage.continuity * ctx.levers.support[a];
    for (const slot of o.ties[i]) {
      const keep = +(t.sharedConvened[slot] > 0) * carried;
      t.leaderAB[slot] = restart + keep * Math.max(0, t.leaderAB[slot] - restart);
      t.leaderBA[slot] = restart + keep * Math.max(0, t.leaderBA[slot] - restart);
    }
    const contacts = Math.round(P.newContacts * o.leaderExperience[i]);
    const local = world.areaMembers[a];
    for (let k = 0; k < contacts; k++) {
      const j = local[Math.floor(rng() * local.length)];
      if (j === i) continue;
      const slot = addTieInPlace(world, i, j, restart, P.contactStrength);
      t.leaderAB[slot] = Math.max(t.leaderAB[slot], P.contactTrust);
      t.leaderBA[slot] = Math.max(t.leaderBA[slot], P.contactTrust);
    }
  }
}

/** Returns an organisation's trustworthiness, the temptation it resists (Gorobets & Nooteboom 2004): higher with
 * shared-values motives, and drawn again with each new leader. */
export function trustworthinessOf(params: ModelParams, values: number, draw: number): number {
  const P = params.leaders;
  return P.trustworthinessValues * values + P.trustworthinessSpread * draw;
}

/** Leaders turn over and gain experience (ODD 7.1). */
export const leaders: Mechanism = { id: 'leaders', odd: '7.1', blocks: ['leaders'], run: turnOverLeadersInPlace };
