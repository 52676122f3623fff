// Shared norms and values: members' norms converge towards their partnership's, faster with trust, a
// statement of principles and an experienced lead (Field 2003; Dhillon 2009; ABPP).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import type { World } from './world.ts';

/** Moves every member's norms towards its partnership's mean, in place, at a rate raised by the partnership's trust, its principles and its lead's experience. */
export function convergeNormsInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const P = ctx.params.norms;
  for (const id of world.active) {
    const p = world.partnerships[id];
    let mean = 0;
    for (const j of p.members) mean += o.norms[j];
    mean /= p.members.length;
    const rate =
      P.convergence *
      (P.trustOffset + p.trust) *
      (1 + P.principlesBoost * +p.principles) *
      (P.experienceFloor + P.experienceGain * o.leaderExperience[p.lead]);
    for (const j of p.members) o.norms[j] += rate * (mean - o.norms[j]);
  }
}

/** Members' norms converge towards their partnership's (ODD 7.8). */
export const norms: Mechanism = { id: 'norms', odd: '7.8', blocks: ['norms'], run: convergeNormsInPlace };
