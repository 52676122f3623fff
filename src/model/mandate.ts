// The stick compelling partnership: government enticed, even compelled, partnership (Glendinning et al. 2002;
// Dhillon 2009).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { formPartnershipInPlace, leadFor } from './partnerships.ts';
import { chanceIn } from './time.ts';
import type { World } from './world.ts';

/**
 * Lets the stick compel partnership, in place (Glendinning et al. 2002; Dhillon 2009: government
 * enticed, even compelled, partnership): at a yearly rate set by the stick, an authority groups
 * organisations of its area that are in no partnership into a mandated one. No one chooses to join: its members start
 * uncommitted, and give what compliance asks until they come to value it.
 */
export function mandateInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const lv = ctx.levers;
  const rng = ctx.rng;
  const P = ctx.params.mandate;
  for (let a = 0; a < world.areaCount; a++) {
    if (rng() >= chanceIn(P.rate * lv.stick, ctx.dt)) continue;
    const la = world.areaAuthority[a];
    const local = world.areaMembers[a];
    const members = [la];
    const start = Math.floor(rng() * local.length);
    for (let k = 0; k < local.length && members.length <= P.size; k++) {
      const j = local[(start + k) % local.length];
      if (j !== la && o.memberships[j] === 0 && rng() < P.takeChance) members.push(j);
    }
    if (members.length < 3) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead: leadFor(world, members, ctx.params.power.influence),
      members,
      mandate: 'mandated',
      funded: lv.carrot > ctx.params.partnerships.fundedAbove,
      principles: rng() < lv.principles,
      laInvolved: true,
      cause: 'mandate',
    });
  }
}

/** The stick compels organisations in no partnership into one (ODD 7.10.6). */
export const mandate: Mechanism = { id: 'mandate', odd: '7.10.6', blocks: ['mandate', 'partnerships', 'power'], run: mandateInPlace };
