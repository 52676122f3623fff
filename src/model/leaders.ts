// Leaders: turnover, which takes leader-level trust with the leader who leaves, and the experience and
// personal network a leader brings and builds (Dhillon 2009; ABPP: professional networks of leaders).
import { PARAMS } from './params.ts';
import { addTieInPlace, type World } from './world.ts';
import type { StepContext } from './context.ts';

/** Returns a new leader's experience: the lever's mean with a spread, in [0, 1]. */
export function drawExperience(ctx: StepContext): number {
  return Math.min(1, Math.max(0, ctx.levers.experience + (ctx.rng() - 0.5) * 0.5));
}

/**
 * Replaces leaders at the lever's yearly rate, in place. The leaving leader's trust with every partner
 * is lost (leader-level trust restarts at a calculus-based level); the new leader brings experience
 * drawn around the lever, values of their own (spread by the culture lever), and a personal network of
 * contacts in proportion to experience. Sitting leaders gain experience with tenure.
 */
export function turnOverLeadersInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const t = world.ties;
  const rng = ctx.rng;
  const chance = ctx.levers.turnover / ctx.stepsPerYear;
  const growth = PARAMS.experienceGrowth / ctx.stepsPerYear;
  for (let i = 0; i < o.n; i++) {
    o.leaderTenure[i] += 1;
    o.leaderExperience[i] += growth * (1 - o.leaderExperience[i]);
    if (rng() >= chance) continue;
    const a = o.area[i];
    o.leaderTenure[i] = 0;
    o.leaderExperience[i] = drawExperience(ctx);
    o.norms[i] = Math.min(1, Math.max(0, o.norms[i] + (rng() - 0.5) * ctx.levers.culture[a] * 0.3));
    o.trustworthiness[i] = trustworthinessOf(o.motValues[i], o.leaderExperience[i], rng());
    const restart = 0.1 + 0.1 * ctx.levers.history[a];
    for (const slot of o.ties[i]) {
      t.leaderAB[slot] = restart;
      t.leaderBA[slot] = restart;
    }
    const contacts = Math.round(PARAMS.newLeaderContacts * o.leaderExperience[i]);
    const local = world.areaMembers[a];
    for (let k = 0; k < contacts; k++) {
      const j = local[Math.floor(rng() * local.length)];
      if (j === i) continue;
      const slot = addTieInPlace(world, i, j, restart, 0.15);
      t.leaderAB[slot] = Math.max(t.leaderAB[slot], 0.45);
      t.leaderBA[slot] = Math.max(t.leaderBA[slot], 0.45);
    }
  }
}

/** Returns an organisation's trustworthiness, the temptation it resists (Gorobets & Nooteboom 2004): higher with shared-values motives and an experienced leader. */
export function trustworthinessOf(values: number, experience: number, draw: number): number {
  return 0.35 * values + 0.25 * experience + 0.15 * draw;
}
