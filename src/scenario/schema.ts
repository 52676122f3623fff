// The scenario file's shape: the zod schema is the single source of truth for what a person may
// write, for the normalised scenario the engine runs, and for the published JSON Schema.
import { z } from 'zod';

/** The organisation kinds, in the order the engine numbers them. Local authorities are one per area. */
export const ORG_KINDS = ['school', 'academy', 'trust', 'college', 'provider', 'community', 'localAuthority'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** Kinds whose counts a scenario sets; `localAuthority` is always one per area. */
export const COUNTED_KINDS = ['school', 'academy', 'trust', 'college', 'provider', 'community'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

/** The public levers (docs/ODD.md 2.5), as dotted keys, each a number in [0, 1] or a schedule. */
export const LEVER_KEYS = [
  'policy.carrot',
  'policy.stick',
  'market.competition',
  'governance.fragmentation',
  'localAuthority.support',
  'leaders.experience',
  'leaders.turnover',
  'partnerships.principles',
  'context.history',
  'context.culture',
  'context.politics',
] as const;
export type LeverKey = (typeof LEVER_KEYS)[number];

/** Levers an area may set for itself (its history, culture, politics and officers). */
export const AREA_LEVER_KEYS = ['context.history', 'context.culture', 'context.politics', 'localAuthority.support'] as const;
export type AreaLeverKey = (typeof AREA_LEVER_KEYS)[number];

const unit = z.number().min(0).max(1);
const step = z.number().int().min(0);

/** One change of a lever: from this step on, the lever has this value. */
export const scheduleEntrySchema = z.strictObject({ from: step, value: unit });
/** A lever as written: a constant, or a list of {from, value} starting at step 0, in increasing order. */
export const leverSchema = z.union([unit, z.array(scheduleEntrySchema).min(1)]);

const leverBlock = <K extends string>(keys: readonly K[], describe: Record<K, string>) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, leverSchema.optional().describe(describe[k])])) as Record<K, z.ZodOptional<typeof leverSchema>>,
  );

/** What each lever means; used for the schema, the CLI help, the ODD and the classroom's hover text. */
export const LEVER_MEANINGS: Record<LeverKey, string> = {
  'policy.carrot': 'funding and incentives for being in a partnership',
  'policy.stick': 'compulsion: penalties or inspection pressure for not being in a partnership',
  'market.competition': 'intensity of competition between neighbouring organisations for pupils and resources',
  'governance.fragmentation': 'rate at which organisations move into trusts not based on their locality',
  'localAuthority.support': 'capacity of local-authority officers to broker and support partnerships',
  'leaders.experience': "mean experience of organisations' leaders",
  'leaders.turnover': 'share of leaders replaced per year',
  'partnerships.principles': 'chance that a new partnership sets out a clear statement of principles',
  'context.history': 'depth of earlier collaboration in the area: starting ties and trust',
  'context.culture': 'diversity of organisational cultures and values',
  'context.politics': 'local political support for collaboration',
};

const group = (prefix: string) => {
  const keys = LEVER_KEYS.filter((k) => k.startsWith(prefix + '.')).map((k) => k.slice(prefix.length + 1));
  const describe = Object.fromEntries(keys.map((k) => [k, LEVER_MEANINGS[`${prefix}.${k}` as LeverKey]]));
  return leverBlock(keys, describe).optional();
};

/** An area as written: a name, a weight (its share of organisations) and any levers of its own. */
export const areaInputSchema = z.strictObject({
  name: z.string().min(1).describe('name of the local-authority area'),
  weight: z.number().positive().optional().describe('relative share of the organisations placed in this area (default 1)'),
  context: leverBlock(['history', 'culture', 'politics'] as const, {
    history: LEVER_MEANINGS['context.history'],
    culture: LEVER_MEANINGS['context.culture'],
    politics: LEVER_MEANINGS['context.politics'],
  }).optional(),
  localAuthority: leverBlock(['support'] as const, { support: LEVER_MEANINGS['localAuthority.support'] }).optional(),
});

/** The trust dynamics' parameters (Pant & Yu 2025 defaults); exposed so researchers can sweep them. */
export const trustInputSchema = z.strictObject({
  up: unit.optional().describe('l_up: rate at which trust rises after a contribution above expectation (0.10)'),
  down: unit.optional().describe('l_down: rate at which trust falls after a shortfall (0.30)'),
  damageGrowth: unit.optional().describe('growth of reputation damage with each violation (0.60)'),
  damageDecay: unit.optional().describe('decay of reputation damage per step without violation (0.03)'),
  dependenceWeight: z
    .number()
    .min(0)
    .max(5)
    .optional()
    .describe("x: how much the truster's dependence on its partner speeds trust loss (0.5)"),
  sensitivity: z
    .number()
    .positive()
    .max(50)
    .optional()
    .describe('k in s = tanh(k (a - b)): how sharply a contribution above or below expectation registers (4)'),
});

/** A scenario as a person writes it: every key optional, levers as constants or schedules. */
export const scenarioInputSchema = z.strictObject({
  $schema: z.string().optional().describe('path or URL of scenarios/schema.json, for editors'),
  extends: z.string().optional().describe('a scenario file (relative to this one) whose keys this file overrides'),
  name: z.string().min(1).optional().describe('short name; results go to results/<name>/ (default: the file name)'),
  description: z.string().optional().describe('what the scenario shows and its source'),
  time: z
    .strictObject({
      steps: z.number().int().positive().max(100000).optional().describe('steps to simulate (default 120)'),
      stepsPerYear: z.number().int().positive().max(365).optional().describe('steps per year (default 12: a step is a month)'),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional()
        .describe('master seed (default 1)'),
    })
    .optional(),
  organisations: z
    .strictObject({
      areas: z
        .union([z.number().int().positive().max(10000), z.array(areaInputSchema).min(1)])
        .optional()
        .describe('number of local-authority areas, or a list of areas with their own levers'),
      kinds: z
        .strictObject(
          Object.fromEntries(COUNTED_KINDS.map((k) => [k, z.number().int().min(0).max(1_000_000).optional()])) as Record<
            CountedKind,
            z.ZodOptional<z.ZodNumber>
          >,
        )
        .optional()
        .describe('how many organisations of each kind, in all areas together (one local authority per area is added)'),
    })
    .optional(),
  policy: group('policy'),
  market: group('market'),
  governance: group('governance'),
  localAuthority: group('localAuthority'),
  leaders: group('leaders'),
  partnerships: group('partnerships'),
  context: group('context'),
  trust: trustInputSchema.optional(),
});
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;
export type LeverInput = z.infer<typeof leverSchema>;

/** A lever after normalising: a schedule starting at step 0, in increasing order of `from`. */
export type Schedule = readonly { readonly from: number; readonly value: number }[];

/** The trust parameters after normalising. */
export interface TrustParams {
  readonly up: number;
  readonly down: number;
  readonly damageGrowth: number;
  readonly damageDecay: number;
  readonly dependenceWeight: number;
  readonly sensitivity: number;
}

/** A scenario after normalising: every key explicit, every lever a schedule. It is itself a valid
 * scenario file, so normalising it again gives it back unchanged, and a manifest's copy can be re-run. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly time: { readonly steps: number; readonly stepsPerYear: number; readonly seed: number };
  readonly organisations: { readonly areas: readonly Area[]; readonly kinds: Readonly<Record<CountedKind, number>> };
  readonly policy: { readonly carrot: Schedule; readonly stick: Schedule };
  readonly market: { readonly competition: Schedule };
  readonly governance: { readonly fragmentation: Schedule };
  readonly localAuthority: { readonly support: Schedule };
  readonly leaders: { readonly experience: Schedule; readonly turnover: Schedule };
  readonly partnerships: { readonly principles: Schedule };
  readonly context: { readonly history: Schedule; readonly culture: Schedule; readonly politics: Schedule };
  readonly trust: TrustParams;
}

/** An area after normalising: its weight and every area lever explicit, in the same nesting as written. */
export interface Area {
  readonly name: string;
  readonly weight: number;
  readonly context: { readonly history: Schedule; readonly culture: Schedule; readonly politics: Schedule };
  readonly localAuthority: { readonly support: Schedule };
}

/** Returns the schedule of a lever, by its dotted key. */
export function leverSchedule(holder: Scenario | Area, key: string): Schedule {
  const [group, name] = key.split('.');
  return (holder as unknown as Record<string, Record<string, Schedule>>)[group][name];
}

/** Returns how many organisations a scenario has: those of every counted kind, and one local authority per area. */
export function countOrganisations(scenario: Scenario): number {
  return COUNTED_KINDS.reduce((total, kind) => total + scenario.organisations.kinds[kind], 0) + scenario.organisations.areas.length;
}
