// Meeting new contacts: through a partner's partner (triadic closure; Granovetter 1973) or by proximity in the area,
// more often where politics supports collaboration (ABPP).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { startingTrust } from './partnerships.ts';
import { chanceIn } from './time.ts';
import { addTieInPlace, findTie, type World } from './world.ts';

/**
 * Lets organisations meet new contacts, in place: through a partner's partner (triadic closure) or by
 * proximity in their area, more often where politics supports collaboration (ABPP); a new tie starts
 * at calculus-based trust set by the area's history (Lewicki & Bunker 1996).
 */
export function meetInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const rng = ctx.rng;
  const P = ctx.params.meeting;
  const strength = ctx.params.partnerships.newTieStrength;
  // The chance depends on the area alone: worked out once per area, not once per organisation.
  const chance = Float64Array.from(ctx.levers.politics, (politics) => chanceIn(P.rate * (P.politicsOffset + politics), ctx.dt));
  for (let i = 0; i < o.n; i++) {
    const a = o.area[i];
    if (rng() >= chance[a]) continue;
    const lists = o.ties;
    const partner = lists.columns.partner;
    const mine = lists.length[i];
    let j = -1;
    if (mine > 0 && rng() < P.triadicShare) {
      const via = partner[lists.start[i] + Math.floor(rng() * mine)];
      j = partner[lists.start[via] + Math.floor(rng() * lists.length[via])];
    } else {
      const local = world.areaMembers[a];
      j = local[Math.floor(rng() * local.length)];
    }
    if (j !== i && findTie(world, i, j) < 0) addTieInPlace(world, i, j, startingTrust(ctx, a), strength);
  }
}

/** Organisations meet new contacts (ODD 7.10.2). */
export const meeting: Mechanism = { id: 'meeting', odd: '7.10.2', blocks: ['meeting', 'partnerships'], run: meetInPlace };
