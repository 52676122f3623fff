// Every model parameter, by block: one table from which the scenario schema (`model.<block>.<name>`, and `trust.*` for
// the trust update's published keys), defaults, --set, sweeps, manifests and ODD §8 derive. The model reads the values
// in force through ModelParams, resolved once per run.
import { interaction, ties, trust, trustTypes } from './ties.ts';
import { effort, governance, leaders, norms, power, trustWeights } from './organisations.ts';
import {
  areaWide,
  brokerage,
  continuum,
  funding,
  initiation,
  joining,
  mandate,
  meeting,
  membership,
  partnerships,
} from './partnerships.ts';
import { limitsOf, type BlockSpec, type ParameterSpec } from './spec.ts';
import { init, kinds } from './world.ts';

export { limitsOf, sourceInWords, type BlockSpec, type ParameterSpec, type Source } from './spec.ts';

/** The blocks, in the order of the ODD's §8 and of the schema. */
export const BLOCKS = {
  kinds,
  init,
  funding,
  leaders,
  governance,
  effort,
  interaction,
  trust,
  trustTypes,
  ties,
  trustWeights,
  norms,
  power,
  membership,
  partnerships,
  meeting,
  joining,
  initiation,
  brokerage,
  areaWide,
  mandate,
  continuum,
} as const satisfies Record<string, BlockSpec>;

export type BlockId = keyof typeof BLOCKS;
export const BLOCK_IDS = Object.keys(BLOCKS) as readonly BlockId[];

/** The block whose keys are `trust.*` (published before the other blocks, and kept for scenario files that set them). */
export const TOP_LEVEL_BLOCK = 'trust' satisfies BlockId;
/** The blocks written under `model.` in a scenario file. */
export type ModelBlockId = Exclude<BlockId, typeof TOP_LEVEL_BLOCK>;
export const MODEL_BLOCK_IDS = BLOCK_IDS.filter((id): id is ModelBlockId => id !== TOP_LEVEL_BLOCK);

/** The value of every parameter, by block and name: what the model reads. */
export type ModelParams = { readonly [B in BlockId]: { readonly [P in keyof (typeof BLOCKS)[B]['params']]: number } };

/** One parameter with its full dotted key, as a scenario file, --set and a sweep write it. */
export interface ParameterEntry {
  readonly key: string;
  readonly block: BlockId;
  readonly name: string;
  readonly spec: ParameterSpec;
}

/** Returns the dotted key of a parameter: `trust.up`, `model.interaction.benefitBase`, `model.kinds.school.power`. */
export function parameterKey(block: BlockId, name: string): string {
  return block === TOP_LEVEL_BLOCK ? `${block}.${name}` : `model.${block}.${name}`;
}

/** Every parameter in table order. */
export const PARAMETERS: readonly ParameterEntry[] = BLOCK_IDS.flatMap((block) =>
  Object.entries(BLOCKS[block].params as Record<string, ParameterSpec>).map(([name, spec]) => ({
    key: parameterKey(block, name),
    block,
    name,
    spec,
  })),
);

/** Returns the parameters with every value at its default. */
export function defaultParams(): ModelParams {
  return Object.fromEntries(
    BLOCK_IDS.map((block) => [
      block,
      Object.fromEntries(Object.entries(BLOCKS[block].params as Record<string, ParameterSpec>).map(([name, spec]) => [name, spec.default])),
    ]),
  ) as ModelParams;
}

/** Returns whether a value is one a parameter may take. */
export function withinLimits(spec: ParameterSpec, value: number): boolean {
  const [min, max] = limitsOf(spec);
  return value <= max && (spec.positive ? value > min : value >= min) && (!spec.integer || Number.isInteger(value));
}

/** Returns every parameter's value for a normalised scenario: the table's defaults, with the scenario's trust block
 * and the model parameters it sets in their place. */
export function resolveParams(scenario: {
  readonly trust: Readonly<Record<string, number>>;
  readonly model?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
}): ModelParams {
  const params = defaultParams() as Record<string, Record<string, number>>;
  Object.assign(params[TOP_LEVEL_BLOCK], scenario.trust);
  for (const [block, values] of Object.entries(scenario.model ?? {})) {
    for (const [name, value] of Object.entries(values ?? {})) {
      if (typeof value === 'number') params[block][name] = value;
      else for (const [inner, v] of Object.entries(value as Record<string, number>)) params[block][`${name}.${inner}`] = v;
    }
  }
  return params as ModelParams;
}

/** A condition some parameters must meet together, beyond each one's own limits. */
export interface ParameterRule {
  /** The parameters' dotted keys. */
  readonly keys: readonly string[];
  /** Returns whether their values (in the order of `keys`) make sense together. */
  holds(values: readonly number[]): boolean;
  /** What must hold, in words. */
  readonly says: string;
}

/** The conditions across parameters: what a scenario's values, after every file and --set, must meet. */
export const PARAMETER_RULES: readonly ParameterRule[] = [
  {
    keys: ['model.continuum.thresholdCoordinating', 'model.continuum.thresholdCooperating', 'model.continuum.thresholdCollaborating'],
    holds: ([a, b, c]) => a < b && b < c,
    says: 'the continuum thresholds increase: coordinating < cooperating < collaborating',
  },
  {
    keys: ['model.trustTypes.identificationResilience', 'model.trustTypes.knowledgeResilience'],
    holds: ([identification, knowledge]) => identification <= knowledge,
    says: 'deeper trust is no easier to lose: identificationResilience <= knowledgeResilience',
  },
];

/** Returns a parameter's value in a scenario input (as written or normalised), or its default when the input does not set it. */
export function parameterValue(input: object, key: string): number {
  const entry = PARAMETERS.find((p) => p.key === key);
  if (entry === undefined) throw new RangeError(`no parameter ${key}`);
  const value = key
    .split('.')
    .reduce<unknown>((v, name) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined), input);
  return typeof value === 'number' ? value : entry.spec.default;
}
