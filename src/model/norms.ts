// Shared norms and values: members' norms converge towards their partnership's agenda, which the more powerful shape
// more, faster with trust, a statement of principles and an experienced lead (Field 2003; Dhillon 2009; ABPP).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { agendaOf } from './power.ts';
import { coreOf, experienceOf, type World } from './world.ts';

/** Moves every member's norms towards its partnership's agenda (its members' norms weighted by their say, which power
 * sets: DeGroot 1974; Jia et al. 2015; Dhillon 2009), in place, at a yearly rate raised by the partnership's trust, by
 * a statement of principles (which sets out the values members share) and by its lead's experience (an experienced
 * leader articulates them: ABPP). An area-wide partnership's agenda is its core's, and its wider members, in lighter
 * contact, move towards it at areaWide.widerLoad of that rate. */
export function convergeNormsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.norms;
  const widerLoad = ctx.params.areaWide.widerLoad;
  const active = world.active;
  for (let at = 0; at < active.length; at++) {
    const p = world.partnerships[active[at]];
    // An area-wide partnership's agenda is its core's; its wider members move towards it at their load of the rate.
    const agenda = agendaOf(world, coreOf(world, p), ctx.params.power.influence);
    const rate =
      P.convergence *
      (P.trustOffset + p.trust) *
      (1 + P.principlesBoost * +p.principles) *
      (P.experienceFloor + P.experienceGain * experienceOf(world, p.lead));
    const closed = -Math.expm1(-rate * ctx.dt);
    const closedWider = -Math.expm1(-rate * widerLoad * ctx.dt);
    for (let k = 0; k < p.members.length; k++) {
      const j = p.members[k];
      o.norms[j] += (p.scope === 'area' && world.roles.core[p.roles[k]] === 0 ? closedWider : closed) * (agenda - o.norms[j]);
    }
  }
}

/** Members' norms converge towards their partnership's agenda (ODD 7.8). */
export const norms: Mechanism = { id: 'norms', odd: '7.8', blocks: ['norms', 'power', 'areaWide'], run: convergeNormsInPlace };
