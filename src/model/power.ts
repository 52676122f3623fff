// Power in governance: how much say each member has in its partnership's agenda (the norms it pursues, which members'
// norms converge on and are judged against), and with it who takes the lead (partnerships.ts: leadFor) (Dhillon 2009: partners of varying power; Ansell &
// Gash 2008: power and resource imbalances among stakeholders; DeGroot 1974, Jia et al. 2015: a group's opinions move
// towards an average weighted by its members' social power).
import type { World } from './world.ts';

/** Returns a member's say in its partnership: 1 − influence + influence × power, so that with influence 0 every member
 * has an equal say and with influence 1 a member's say is its power. */
export function sayOf(power: number, influence: number): number {
  return 1 - influence + influence * power;
}

/** A partnership's agenda in parts, summed in member order: its members' norms weighted by their say, and their says. */
export interface AgendaSums {
  weighted: number;
  says: number;
}

/** Sums the parts of the agenda of these members into `out`, in place, and returns it. */
export function sumAgendaInPlace(out: AgendaSums, world: World, members: readonly number[], influence: number): AgendaSums {
  const o = world.orgs;
  let weighted = 0;
  let says = 0;
  for (let k = 0; k < members.length; k++) {
    const j = members[k];
    const say = sayOf(o.power[j], influence);
    weighted += say * o.norms[j];
    says += say;
  }
  out.weighted = weighted;
  out.says = says;
  return out;
}

// The parts of the agenda agendaOf last summed: one object, reused.
const sums: AgendaSums = { weighted: 0, says: 0 };

/** Returns a partnership's agenda: its members' norms averaged with each member's say as its weight (the plain mean
 * when no member has any say). */
export function agendaOf(world: World, members: readonly number[], influence: number): number {
  sumAgendaInPlace(sums, world, members, influence);
  if (sums.says > 0) return sums.weighted / sums.says;
  let plain = 0;
  for (const j of members) plain += world.orgs.norms[j];
  return plain / members.length;
}
