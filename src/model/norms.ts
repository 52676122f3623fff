// Shared norms and values: members' norms converge towards their partnership's agenda, which the more powerful shape
// more, faster with trust, a statement of principles and an experienced lead (Field 2003; Dhillon 2009; ABPP).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { agendaOf } from './power.ts';
import { experienceOf, type World } from './world.ts';

/** Moves every member's norms towards its partnership's agenda (its members' norms weighted by their say, which power
 * sets: DeGroot 1974; Jia et al. 2015; Dhillon 2009), in place, at a yearly rate raised by the partnership's trust, by
 * a statement of principles (which sets out the values members share) and by its lead's experience (an experienced
 * leader articulates them: ABPP). */
export function convergeNormsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.norms;
  for (const id of world.active) {
    const p = world.partnerships[id];
    const agenda = agendaOf(world, p.members, ctx.params.power.influence);
    const rate =
      P.convergence *
      (P.trustOffset + p.trust) *
      (1 + P.principlesBoost * +p.principles) *
      (P.experienceFloor + P.experienceGain * experienceOf(world, p.lead));
    const closed = -Math.expm1(-rate * ctx.dt);
    for (const j of p.members) o.norms[j] += closed * (agenda - o.norms[j]);
  }
}

/** Members' norms converge towards their partnership's agenda (ODD 7.8). */
export const norms: Mechanism = { id: 'norms', odd: '7.8', blocks: ['norms', 'power'], run: convergeNormsInPlace };
