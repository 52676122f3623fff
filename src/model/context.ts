// What a step needs besides the world: the step number, the levers and parameters in force, the generator, where
// events go, and the counters the mechanisms keep for the step's record.
import type { Rng } from '../random.ts';
import { AREA_LEVER_KEYS, type AreaLeverKey, LEVER_KEYS, type LeverKey, type NameOf, splitKey } from '../scenario/levers.ts';
import type { ModelParams } from '../scenario/parameters/index.ts';
import type { PartnershipEvent } from './vocabulary.ts';

/** The lever values in force during one step, by lever name (`carrot` of `policy.carrot`): a number for a scenario-wide
 * lever, and for an area lever an array indexed by area. Derived from the lever table, so a lever the model reads exists. */
export type LeverValues = {
  -readonly [K in LeverKey as NameOf<K>]: K extends AreaLeverKey ? Float64Array : number;
};

/** Returns lever values with per-area arrays for this many areas, all zero. */
export function createLeverValues(areas: number): LeverValues {
  return Object.fromEntries(
    LEVER_KEYS.map((key) => [splitKey(key)[1], (AREA_LEVER_KEYS as readonly string[]).includes(key) ? new Float64Array(areas) : 0]),
  ) as LeverValues;
}

/** The context of one step. */
export interface StepContext {
  step: number;
  readonly stepsPerYear: number;
  /** The length of a step in years (1 / stepsPerYear): every rate is per year. */
  readonly dt: number;
  readonly rng: Rng;
  readonly levers: LeverValues;
  /** Every model parameter's value in this run. */
  readonly params: ModelParams;
  /** Expected continuation of funding: steps until the carrot is due to fall, as a share in [0, 1]. */
  fundHorizon: number;
  readonly emit: (event: PartnershipEvent) => void;
  /** Partnerships formed and dissolved during this step, and ties updated. */
  formed: number;
  dissolved: number;
  tieUpdates: number;
}
