// What a step needs besides the world: the step number, the levers in force, the generator, and where events go.
import type { TrustParams } from '../scenario/schema.ts';
import type { Rng } from '../random.ts';
import type { PartnershipEvent } from './vocabulary.ts';

/** The lever values in force during one step: scenario-wide values, and per-area ones indexed by area. */
export interface LeverValues {
  carrot: number;
  stick: number;
  competition: number;
  fragmentation: number;
  experience: number;
  turnover: number;
  principles: number;
  readonly history: Float64Array;
  readonly culture: Float64Array;
  readonly politics: Float64Array;
  readonly support: Float64Array;
}

/** Returns lever values with per-area arrays for this many areas, all zero. */
export function createLeverValues(areas: number): LeverValues {
  return {
    carrot: 0,
    stick: 0,
    competition: 0,
    fragmentation: 0,
    experience: 0,
    turnover: 0,
    principles: 0,
    history: new Float64Array(areas),
    culture: new Float64Array(areas),
    politics: new Float64Array(areas),
    support: new Float64Array(areas),
  };
}

/** The context of one step. */
export interface StepContext {
  step: number;
  readonly stepsPerYear: number;
  readonly rng: Rng;
  readonly levers: LeverValues;
  /** Expected continuation of funding: steps until the carrot is due to fall, as a share in [0, 1]. */
  fundHorizon: number;
  readonly trust: TrustParams;
  readonly emit: (event: PartnershipEvent) => void;
  /** Partnerships formed and dissolved during this step. */
  formed: number;
  dissolved: number;
}
