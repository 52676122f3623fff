// Calibration files: what a person writes (a base scenario, the parameters to fit with their priors, the targets with
// observed values, uncertainties and sources, the method's settings and a seed) and the normalised calibration the
// sampler runs. calibrations/schema.json is generated from here. A parameter is any key `--set` takes that holds a
// number that is not a whole number: levers, trust and every model parameter, so new parameters are calibratable as
// soon as the scenario schema has them.
import * as z from 'zod';
import { scenarioJsonSchema, schemaAt, type JsonSchemaNode } from '../scenario/json-schema.ts';
import { settableKeys } from '../scenario/overrides.ts';
import { seedSchema, type Scenario } from '../scenario/schema.ts';
import { ABC_METHODS, DISTANCE_KINDS, type AbcParameter, type AbcSettings } from './abc.ts';
import type { Observation } from './distance.ts';
import { PRIOR_KINDS } from './priors.ts';
import { STATISTIC_NAMES, type StatisticSpec } from './statistics.ts';

/** The range of values a scenario key takes: its bounds, each open or closed (infinite where the schema sets none). */
export interface KeyRange {
  readonly low: number;
  readonly high: number;
  readonly lowOpen: boolean;
  readonly highOpen: boolean;
}

/** Returns the number branch of a scenario key's schema node (a lever is a number or a schedule), or undefined when the
 * key holds no number, or only a whole number. */
function numberNode(key: string): JsonSchemaNode | undefined {
  const node = schemaAt(key.split('.'), {}, scenarioJsonSchema());
  return [node, ...(node?.anyOf ?? [])].find((branch) => branch?.type === 'number');
}

/** Returns the keys a calibration can fit, in schema order: every key --set takes whose value is a number that need not
 * be whole (levers, trust and model parameters), not counts, steps or seeds. */
export function calibratableKeys(): string[] {
  return settableKeys().filter((key) => numberNode(key) !== undefined);
}

/** Returns the range of a calibratable key, from the scenario schema. */
export function keyRange(key: string): KeyRange {
  const node = numberNode(key) ?? {};
  const low = node.minimum ?? node.exclusiveMinimum ?? Number.NEGATIVE_INFINITY;
  const high = node.maximum ?? node.exclusiveMaximum ?? Number.POSITIVE_INFINITY;
  return { low, high, lowOpen: node.minimum === undefined, highOpen: node.maximum === undefined };
}

/** Returns what a key means, from the scenario schema's description. */
export function keyMeaning(key: string): string {
  const node = schemaAt(key.split('.'), {}, scenarioJsonSchema());
  return node?.description ?? numberNode(key)?.description ?? key;
}

const priorSchema = z
  .strictObject({
    prior: z
      .enum(PRIOR_KINDS)
      .describe('uniform {min, max}, logUniform {min, max}, normal {mean, sd} or truncatedNormal {mean, sd, min, max}'),
    min: z.number().optional().describe('uniform, logUniform, truncatedNormal: the lowest value'),
    max: z.number().optional().describe('uniform, logUniform, truncatedNormal: the highest value'),
    mean: z.number().optional().describe('normal, truncatedNormal: the mean (before truncation)'),
    sd: z.number().positive().optional().describe('normal, truncatedNormal: the standard deviation (before truncation)'),
  })
  .describe('the prior: what is believed of the value before the targets are seen');

const stepSchema = z.number().int().min(1);

const targetSchema = z.strictObject({
  statistic: z
    .enum(STATISTIC_NAMES as [string, ...string[]])
    .describe(
      'a summary metric (such as survival5y), a time-series field (such as active, with step or window), survival or hazard (with age), partnershipSize (with size), or a trust statistic: schoolsInTrusts, trustSize (with size), trustJoins (with step or window), each optionally with area',
    ),
  step: stepSchema.optional().describe('time-series fields: the step (1 = after the first step) at which to take the field'),
  window: z
    .strictObject({ from: stepSchema.describe('first step'), to: stepSchema.describe('last step') })
    .optional()
    .describe('time-series fields: the steps over which to average the field, both ends included'),
  age: z
    .number()
    .positive()
    .optional()
    .describe('survival: the age in years; hazard: the year of age (0 = the first year), a whole number'),
  size: z
    .strictObject({
      min: z.number().int().min(1).describe('fewest members'),
      max: z.number().int().min(1).optional().describe('most members (default: no limit)'),
    })
    .optional()
    .describe('partnershipSize: the numbers of members counted; trustSize: the numbers of schools; both ends included'),
  area: z
    .string()
    .min(1)
    .optional()
    .describe("schoolsInTrusts, trustSize, trustJoins: an area's name, for the statistic of that area alone"),
  observed: z.number().describe('the observed value of the statistic'),
  sd: z.number().positive().optional().describe("the observation's standard deviation (give sd or interval)"),
  interval: z.tuple([z.number(), z.number()]).optional().describe("the observation's 95% interval [low, high] (give sd or interval)"),
  source: z.string().describe('where the observed value comes from: a citation (author, year, page or table), or "assumption" and why'),
});

/** Returns the zod schema of a calibration as a person writes it: built on first use, as its parameters are the
 * scenario schema's calibratable keys. */
export function calibrationInputSchema(): ReturnType<typeof buildInputSchema> {
  inputSchema ??= buildInputSchema();
  return inputSchema;
}

let inputSchema: ReturnType<typeof buildInputSchema> | undefined;

const buildInputSchema = () =>
  z.strictObject({
    $schema: z.string().optional().describe('path or URL of calibrations/schema.json, for editors'),
    name: z.string().min(1).optional().describe('short name; results go to results/<name>/ (default: the file name)'),
    description: z.string().optional().describe('what the calibration fits, and to what'),
    scenario: z.string().min(1).describe('the base scenario file, relative to this file'),
    parameters: z
      .strictObject(
        Object.fromEntries(calibratableKeys().map((key) => [key, priorSchema.optional().describe(keyMeaning(key))])) as Record<
          string,
          z.ZodOptional<typeof priorSchema>
        >,
      )
      .describe('the scenario keys to fit (dotted, as --set takes them), each with its prior'),
    targets: z
      .array(targetSchema)
      .min(1)
      .describe('the observed figures to fit, each a statistic of a run with its value, uncertainty and source'),
    method: z
      .strictObject({
        algorithm: z.enum(ABC_METHODS).optional().describe('smc (ABC-SMC, the default) or rejection (rejection ABC)'),
        particles: z.number().int().min(3).max(1_000_000).optional().describe('accepted proposals per generation (default 200)'),
        generations: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe('smc: the most generations, the first drawn from the priors (default 10)'),
        alpha: z
          .number()
          .gt(0)
          .lt(1)
          .optional()
          .describe("smc: the share of a generation's effective sample size the next generation's tolerance keeps (default 0.5)"),
        tolerance: z
          .number()
          .min(0)
          .optional()
          .describe('rejection: the largest distance accepted (default 1); smc: stop once a generation reaches it (default 0: never)'),
        minAcceptance: z
          .number()
          .min(0)
          .lt(1)
          .optional()
          .describe("stop when a generation's acceptance rate falls below this (default 0.01; 0: never)"),
        budget: z.number().int().positive().optional().describe('the most model runs in all (default: no limit)'),
        predictive: z.number().int().min(0).max(1_000_000).optional().describe('runs of the posterior predictive check (default 100)'),
        distance: z
          .enum(DISTANCE_KINDS)
          .optional()
          .describe("rms (default): the root mean square of the targets' deviations in units of their uncertainty; max: the largest"),
      })
      .optional()
      .describe('how to sample'),
    seed: seedSchema.optional().describe("master seed of the calibration (default: the scenario's time.seed)"),
  });
export type CalibrationInput = z.infer<ReturnType<typeof buildInputSchema>>;

/** A target after normalising: the statistic (with its options), the observation and its source. */
export type CalibrationTarget = StatisticSpec & Observation & { readonly source: string };

/** A calibration after normalising: every setting explicit, parameters in the order written. */
export interface Calibration {
  readonly name: string;
  readonly description: string;
  /** The base scenario's path, resolved against the calibration file's directory. */
  readonly scenario: string;
  readonly parameters: readonly AbcParameter[];
  readonly targets: readonly CalibrationTarget[];
  readonly settings: AbcSettings;
}

/** A calibration's description of itself, without where its files were: what manifests record and reports read. */
export type CalibrationSpec = Omit<Calibration, 'scenario'>;

/** What a calibration's worker needs to record a run: each target's statistic and the scenario's steps per year. */
export interface StatisticsSpec {
  readonly statistics: readonly StatisticSpec[];
  readonly stepsPerYear: number;
}

/** Returns the statistics spec of a calibration over its base scenario. */
export function statisticsSpec(calibration: Calibration, scenario: Scenario): StatisticsSpec {
  return {
    statistics: calibration.targets.map(({ statistic, steps, age, size, area }) => ({
      statistic,
      ...(steps === undefined ? {} : { steps }),
      ...(age === undefined ? {} : { age }),
      ...(size === undefined ? {} : { size }),
      ...(area === undefined ? {} : { area }),
    })),
    stepsPerYear: scenario.time.stepsPerYear,
  };
}
