// One step of the model (a month by default): the scenario's schedule of mechanisms, run in this order, each
// a value of one shape (src/model/mechanism.ts) whose id is its entry in src/scenario/mechanisms.ts:
//
//   levers in force (engine) ─► leaders ─► governance ─► interaction ─► trustWeights ─► norms
//   ─► membership ─► meeting ─► joining ─► initiation ─► brokerage ─► areaWide ─► mandate ─► continuum
//   ─► the step's record (engine); events are recorded as they happen (through ctx.emit)
//
// A scenario may switch any mechanism off (`mechanisms: { <id>: false }`); the rest run in the same order.
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import type { World } from './world.ts';

/** Advances the world by one step, in place, running each mechanism of the schedule in turn; the context counts
 * the partnerships formed and dissolved and the ties updated. */
export function stepInPlace(world: World, ctx: StepContext, schedule: readonly Mechanism[]): void {
  ctx.formed = 0;
  ctx.dissolved = 0;
  ctx.tieUpdates = 0;
  for (const mechanism of schedule) mechanism.run(world, ctx);
}
