// One step of the model (a month by default). The phases run in this order, each a mechanism of its own:
//
//   levers in force (engine) ─► 1 leaders turn over ─► 2 organisations move to non-local trusts
//   ─► 3 partners interact, contribute or defect; trust and reputation update; ties strengthen or fade
//   ─► 4 partner-choice weights adapt ─► 5 norms converge among members
//   ─► 6 members weigh benefit against cost; members leave; partnerships with < 2 members dissolve
//   ─► 7 new ties; joining; new partnerships through leaders, brokers and mandates
//   ─► 8 each partnership scored on the continuum ─► events recorded (through ctx.emit)
import { PARAMS } from './params.ts';
import { removeTieInPlace, type World } from './world.ts';
import { turnOverLeadersInPlace } from './leaders.ts';
import { fragmentInPlace } from './governance.ts';
import { interactInPlace, prepareOrgsInPlace } from './interaction.ts';
import { convergeNormsInPlace } from './norms.ts';
import { weighMembershipsInPlace } from './membership.ts';
import { brokerInPlace, initiateInPlace, joinInPlace, mandateInPlace, meetInPlace } from './formation.ts';
import { scoreContinuumInPlace } from './continuum.ts';
import type { StepContext } from './context.ts';

/**
 * Adapts each organisation's weight on trust in partner choice, in place (Gorobets & Nooteboom 2006):
 * suffering defection raises it, a step of cooperation received lowers it slowly towards gain.
 */
export function adaptTrustWeightsInPlace(world: World): void {
  const o = world.orgs;
  for (let i = 0; i < o.n; i++) {
    const hurt = +(o.betrayed[i] > 0);
    const helped = +(o.rewarded[i] > 0) * (1 - hurt);
    o.trustWeight[i] += hurt * PARAMS.trustWeightUp * (1 - o.trustWeight[i]) - helped * PARAMS.trustWeightDown * o.trustWeight[i];
  }
}

/** Advances the world by one step, in place; returns the number of ties updated. */
export function stepInPlace(world: World, ctx: StepContext): number {
  ctx.formed = 0;
  ctx.dissolved = 0;
  turnOverLeadersInPlace(world, ctx); // 1
  fragmentInPlace(world, ctx); // 2
  prepareOrgsInPlace(world, ctx.fundHorizon, ctx.levers.carrot); // 3
  const drop: number[] = [];
  const updates = interactInPlace(world, ctx.rng, ctx.levers.competition, ctx.trust, drop);
  for (const slot of drop) removeTieInPlace(world, slot);
  adaptTrustWeightsInPlace(world); // 4
  convergeNormsInPlace(world); // 5
  weighMembershipsInPlace(world, ctx); // 6
  meetInPlace(world, ctx); // 7
  joinInPlace(world, ctx);
  initiateInPlace(world, ctx);
  brokerInPlace(world, ctx);
  mandateInPlace(world, ctx);
  scoreContinuumInPlace(world, ctx); // 8
  return updates;
}
