// The one shape every mechanism of the step has: its id (an entry of the scenario's mechanism table), the ODD
// sections that describe it, the parameter blocks it reads, and what it does to the world in a step.
import type { MechanismId } from '../scenario/mechanisms.ts';
import type { BlockId } from '../scenario/parameters/index.ts';
import type { StepContext } from './context.ts';
import type { World } from './world.ts';

/** A mechanism of the step: `run` changes the world in place, drawing from the context's generator. */
export interface Mechanism {
  readonly id: MechanismId;
  readonly odd: string;
  readonly blocks: readonly BlockId[];
  run(world: World, ctx: StepContext): void;
}
