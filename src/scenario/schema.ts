// The scenario file's shape: the zod schema is the single source of truth for what a person may
// write, for the normalised scenario the engine runs, and for the published JSON Schema.
import * as z from 'zod';
import { MAX_SEED } from '../random.ts';

/** The organisation kinds, in the order the engine numbers them. Local authorities are one per area. */
export const ORG_KINDS = ['school', 'academy', 'trust', 'college', 'provider', 'community', 'localAuthority'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** Kinds whose counts a scenario sets; `localAuthority` is always one per area. */
export const COUNTED_KINDS = ['school', 'academy', 'trust', 'college', 'provider', 'community'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

import {
  AREA_LEVER_KEYS,
  type AreaLeverKey,
  type GroupOf,
  groupsOf,
  LEVER_KEYS,
  LEVERS,
  type LeverGroups,
  type LeverKey,
  type NameOf,
  splitKey,
} from './levers.ts';
import { MECHANISM_IDS, MECHANISMS, type MechanismId } from './mechanisms.ts';
import { BLOCKS, type BlockId, MODEL_BLOCK_IDS, type ModelBlockId, type ParameterSpec, TOP_LEVEL_BLOCK } from './parameters/index.ts';
import { limitsOf } from './parameters/spec.ts';

export { AREA_LEVER_KEYS, LEVER_KEYS, LEVERS, type AreaLeverKey, type LeverKey } from './levers.ts';
export type { BlockId, ModelParams } from './parameters/index.ts';
export type { MechanismId } from './mechanisms.ts';

const unit = z.number().min(0).max(1);
const step = z.number().int().min(0);

/** One change of a lever: from this step on, the lever has this value. */
export const scheduleEntrySchema = z.strictObject({ from: step, value: unit });
/** A lever as written: a constant, or a list of {from, value} starting at step 0, in increasing order. */
export const leverSchema = z.union([unit, z.array(scheduleEntrySchema).min(1)]);

/** What each lever means (the lever table's meanings): the schema, the CLI help, the ODD and the classroom's hover text. */
export const LEVER_MEANINGS = Object.fromEntries(LEVER_KEYS.map((key) => [key, LEVERS[key].meaning])) as Readonly<Record<LeverKey, string>>;

type LeverGroupSchemas<Keys extends string> = {
  [G in GroupOf<Keys>]: z.ZodOptional<z.ZodObject<{ [N in NameOf<Extract<Keys, `${G}.${string}`>>]: z.ZodOptional<typeof leverSchema> }>>;
};

// The lever headings of these keys, each a mapping of its levers, in the table's order.
function leverGroupSchemas<Keys extends LeverKey>(keys: readonly Keys[]): LeverGroupSchemas<Keys> {
  return Object.fromEntries(
    groupsOf(keys).map((group) => [
      group,
      z
        .strictObject(
          Object.fromEntries(
            keys
              .filter((key) => splitKey(key)[0] === group)
              .map((key) => [splitKey(key)[1], leverSchema.optional().describe(LEVERS[key].meaning)]),
          ),
        )
        .optional(),
    ]),
  ) as LeverGroupSchemas<Keys>;
}

// Area headings come in alphabetical order (context before localAuthority), as normalised areas list them.
const AREA_GROUP_KEYS = [...AREA_LEVER_KEYS].sort((a, b) => splitKey(a)[0].localeCompare(splitKey(b)[0]));

/** The longest run a scenario may ask for: a thousand years of months, or fifty of days. */
export const MAX_STEPS = 20_000;

/** A seed: a whole number from 0 to MAX_SEED (2^32 - 1). */
export const seedSchema = z.number().int().min(0).max(MAX_SEED);

/** The most areas, as a number or a list: England has about 150 local authorities. */
export const MAX_AREAS = 10_000;
/** The most organisations of a scenario in all (checked on the merged scenario): 20 times national (400,400) completes
 * in one replicate; the schema's former 6 million did not (Map maximum size exceeded after 41 s). */
export const MAX_ORGANISATIONS = 500_000;
/** The largest relative weight of an area: any more spread is meaningless, and weights of 1e308 summed to infinity. */
export const MAX_AREA_WEIGHT = 1_000_000;

/** An area as written: a name, a weight (its share of organisations) and any levers of its own. */
export const areaInputSchema = z.strictObject({
  name: z.string().min(1).describe('name of the local-authority area'),
  weight: z
    .number()
    .positive()
    .max(MAX_AREA_WEIGHT)
    .optional()
    .describe('relative share of the organisations placed in this area (default 1)'),
  ...leverGroupSchemas(AREA_GROUP_KEYS),
});

// A day of the calendar, YYYY-MM-DD (zod's ISO date: 2025-02-30 and 2025-13-01 are refused, 2024-02-29 taken).
const isoDate = z.iso.date().describe('a date, YYYY-MM-DD');

/** Whether a text is a day of the calendar written YYYY-MM-DD, as a scenario's dates must be. */
export function isIsoDate(text: string): boolean {
  return isoDate.safeParse(text).success;
}

/** Organisations read from the register of English schools (Get Information About Schools extracts). */
export const registerSourceSchema = z.strictObject({
  establishments: z
    .string()
    .min(1)
    .describe("the GIAS establishments extract ('Establishment fields' CSV, edubasealldataYYYYMMDD.csv), relative to this file"),
  links: z
    .string()
    .min(1)
    .optional()
    .describe(
      "the GIAS group links extract ('Group links' CSV, alllinksdataYYYYMMDD.csv), relative to this file: when schools joined their trusts",
    ),
  localAuthorities: z
    .array(z.union([z.string().min(1), z.number().int().min(0)]))
    .min(1)
    .optional()
    .describe('the local authorities to place, by name or code, one area each (default: every local authority in the extract)'),
  date: isoDate.optional().describe("the extract's date, YYYY-MM-DD (default: the date in the establishments file's name)"),
});

/** One establishment placed from the register: what a register extract resolves to, and what a run's manifest records. */
export const establishmentSchema = z.strictObject({
  urn: z.number().int().min(0).describe('unique reference number in the register'),
  name: z.string().describe('establishment name'),
  kind: z.enum(COUNTED_KINDS).describe('the organisation kind it is placed as'),
  area: z.string().min(1).describe("its area: one of organisations.areas' names"),
  easting: z.number().positive().describe('position east on the British National Grid, metres'),
  northing: z.number().positive().describe('position north on the British National Grid, metres'),
  pupils: z.number().int().min(0).nullable().describe('pupils on roll (null: not in the register; power is then drawn)'),
  trust: z
    .strictObject({
      uid: z.number().int().min(0).describe('the trust group UID'),
      name: z.string().describe('the trust name'),
      joined: isoDate.nullable().describe('when the establishment joined the trust (null: not known)'),
    })
    .nullable()
    .describe('the multi-academy trust it belongs to (null: none)'),
  federation: z
    .strictObject({ uid: z.string().min(1).describe('the federation code'), name: z.string().describe('the federation name') })
    .nullable()
    .describe('the federation it belongs to (null: none)'),
});

/** The register as resolved: its source, what was left out, and the establishments, as a run's manifest records it. */
export const registerSchema = z.strictObject({
  extract: z.string().min(1).describe('the establishments extract read'),
  links: z.string().min(1).nullable().describe('the group links extract read (null: none)'),
  date: isoDate.describe("the extract's date"),
  localAuthorities: z.array(z.string().min(1)).min(1).describe('the local authorities placed, one area each'),
  leftOut: z.record(z.string(), z.number().int().min(0)).describe('open establishments of each type left out'),
  skipped: z.array(z.string()).describe('rows skipped for values that do not parse: file:line and what was wrong'),
  establishments: z.array(establishmentSchema).min(1).describe('the establishments placed, by area, kind and URN'),
});

/** One establishment as the register gives it: what the model places. */
export type Establishment = z.infer<typeof establishmentSchema>;
/** What a register extract resolved to: where it came from, what was left out, and the establishments. */
export type Register = z.infer<typeof registerSchema>;

/** Returns the zod schema of one parameter's value: a number (whole for counts) within its limits, described with its meaning and default. */
function parameterSchema(spec: ParameterSpec): z.ZodNumber {
  const [min, max] = limitsOf(spec);
  // The checks in one call, as int().min().max() would add them: each call copies the schema, which for two hundred
  // parameters cost about 15 ms of every command's start-up.
  const checks = [
    ...(spec.integer ? [z.int()] : []),
    spec.positive ? z.gt(min) : z.gte(min),
    ...(Number.isFinite(max) ? [z.lte(max)] : []),
  ];
  return z
    .number()
    .check(...checks)
    .describe(`${spec.meaning} (${spec.unit}; default ${spec.default})`);
}

// A block's parameters as written: names with a dot (`school.power`) nest one mapping deeper.
function blockSchema(block: BlockId) {
  const nested: Record<string, Record<string, z.ZodOptional<z.ZodNumber>>> = {};
  const shape: Record<string, z.ZodOptional<z.ZodNumber> | z.ZodOptional<z.ZodObject>> = {};
  for (const [name, spec] of Object.entries(BLOCKS[block].params as Record<string, ParameterSpec>)) {
    const dot = name.indexOf('.');
    if (dot < 0) shape[name] = parameterSchema(spec).optional();
    else {
      const [outer, inner] = [name.slice(0, dot), name.slice(dot + 1)];
      if (nested[outer] === undefined) nested[outer] = {};
      nested[outer][inner] = parameterSchema(spec).optional();
    }
  }
  for (const [outer, inner] of Object.entries(nested)) shape[outer] = z.strictObject(inner).optional();
  return z.strictObject(shape).describe(`${BLOCKS[block].title} (ODD ${BLOCKS[block].odd})`);
}

/** The trust update's parameters (Pant & Yu 2025), under their published keys `trust.*`. */
export const trustInputSchema = blockSchema(TOP_LEVEL_BLOCK);

/** The other blocks of model parameters, under `model.<block>.<name>`. */
export const modelInputSchema = z
  .strictObject(Object.fromEntries(MODEL_BLOCK_IDS.map((block) => [block, blockSchema(block).optional()])))
  .describe("the model's parameters, by mechanism: each default, range and source is in docs/ODD.md §8");

/** Mechanisms switched off, for an ablation study: `mechanisms: { <id>: false }`. */
export const mechanismsInputSchema = z
  .strictObject(
    Object.fromEntries(MECHANISM_IDS.map((id) => [id, z.boolean().optional().describe(MECHANISMS[id].meaning)])) as Record<
      MechanismId,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .describe('the mechanisms of a step, each on unless set to false (an ablation): see docs/ODD.md §3');

/** A scenario as a person writes it: every key optional, levers as constants or schedules. */
export const scenarioInputSchema = z.strictObject({
  $schema: z.string().optional().describe('path or URL of scenarios/schema.json, for editors'),
  extends: z.string().optional().describe('a scenario file (relative to this one) whose keys this file overrides'),
  name: z.string().min(1).optional().describe('short name; results go to results/<name>/ (default: the file name)'),
  description: z.string().optional().describe('what the scenario shows and its source'),
  time: z
    .strictObject({
      steps: z.number().int().positive().max(MAX_STEPS).optional().describe('steps to simulate (default 120)'),
      stepsPerYear: z.number().int().positive().max(365).optional().describe('steps per year (default 12: a step is a month)'),
      seed: seedSchema.optional().describe('master seed (default 1)'),
    })
    .optional(),
  organisations: z
    .strictObject({
      areas: z
        .union([z.number().int().positive().max(MAX_AREAS), z.array(areaInputSchema).min(1).max(MAX_AREAS)])
        .optional()
        .describe('number of local-authority areas, or a list of areas with their own levers'),
      kinds: z
        .strictObject(
          Object.fromEntries(COUNTED_KINDS.map((k) => [k, z.number().int().min(0).max(MAX_ORGANISATIONS).optional()])) as Record<
            CountedKind,
            z.ZodOptional<z.ZodNumber>
          >,
        )
        .optional()
        .describe('how many organisations of each kind, in all areas together (one local authority per area is added)'),
      from: registerSourceSchema
        .optional()
        .describe('read the organisations from the register of English schools instead of drawing them from counts'),
      register: registerSchema
        .optional()
        .describe('organisations as read from the register (what organisations.from resolves to; written into manifests)'),
    })
    .optional(),
  ...leverGroupSchemas(LEVER_KEYS),
  trust: trustInputSchema.optional(),
  model: modelInputSchema.optional(),
  mechanisms: mechanismsInputSchema.optional(),
});
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;
export type LeverInput = z.infer<typeof leverSchema>;

/** A lever after normalising: a schedule starting at step 0, in increasing order of `from`. */
export type Schedule = readonly { readonly from: number; readonly value: number }[];

/** The trust update's parameters after normalising: every one explicit. */
export type TrustParams = { readonly [P in keyof (typeof BLOCKS)['trust']['params']]: number };

/** Parameter values a scenario sets under `model.`, as written (a block's dotted names nest): only those it sets. */
export type ModelInput = { readonly [B in ModelBlockId]?: Readonly<Record<string, number | Readonly<Record<string, number>>>> };

/** A scenario after normalising: every lever a schedule, time, organisations and the trust block explicit. Model
 * parameters and switched-off mechanisms are listed only where set (a default is the table's, recorded in every
 * manifest), so that a scenario's hash, and so its runs' seeds, stay the same for the same file. It is itself a valid
 * scenario file, so normalising it again gives it back unchanged, and a manifest's copy can be re-run. */
export type Scenario = LeverGroups<LeverKey, Schedule> & {
  readonly name: string;
  readonly description: string;
  readonly time: { readonly steps: number; readonly stepsPerYear: number; readonly seed: number };
  readonly organisations: {
    readonly areas: readonly Area[];
    readonly kinds: Readonly<Record<CountedKind, number>>;
    /** The organisations read from the register, when they are not drawn from counts. */
    readonly register?: Register;
  };
  readonly trust: TrustParams;
  readonly model?: ModelInput;
  readonly mechanisms?: { readonly [M in MechanismId]?: false };
};

/** An area after normalising: its weight and every area lever explicit, in the same nesting as written. */
export type Area = LeverGroups<AreaLeverKey, Schedule> & {
  readonly name: string;
  readonly weight: number;
};

/** Returns the schedule of a lever, by its dotted key. */
export function leverSchedule(holder: Scenario | Area, key: string): Schedule {
  let path = LEVER_PATHS.get(key);
  if (path === undefined) {
    path = splitKey(key);
    LEVER_PATHS.set(key, path);
  }
  return (holder as unknown as Record<string, Record<string, Schedule>>)[path[0]][path[1]];
}

// Each dotted key's heading and name, split once: the engine looks levers up every step.
const LEVER_PATHS = new Map<string, [string, string]>();

/** Returns how many organisations a scenario has: those of every counted kind, and one local authority per area. */
export function countOrganisations(scenario: Scenario): number {
  return COUNTED_KINDS.reduce((total, kind) => total + scenario.organisations.kinds[kind], 0) + scenario.organisations.areas.length;
}
