// Shared norms and values: members' norms converge towards their partnership's, faster with trust, a
// statement of principles and an experienced lead (Field 2003; Dhillon 2009; ABPP).
import { PARAMS } from './params.ts';
import type { World } from './world.ts';

/** Moves every member's norms towards its partnership's mean, in place, at a rate raised by the partnership's trust, its principles and its lead's experience. */
export function convergeNormsInPlace(world: World): void {
  const o = world.orgs;
  for (const id of world.active) {
    const p = world.partnerships[id];
    let mean = 0;
    for (const j of p.members) mean += o.norms[j];
    mean /= p.members.length;
    const rate = PARAMS.normConvergence * (0.5 + p.trust) * (1 + +p.principles) * (0.7 + 0.6 * o.leaderExperience[p.lead]);
    for (const j of p.members) o.norms[j] += rate * (mean - o.norms[j]);
  }
}
