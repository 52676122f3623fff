// Loading a calibration file: parsed and checked like a scenario or a sweep (every problem placed at file:line:column,
// with a fix), its base scenario loaded, then what a schema cannot say: each prior complete and inside its parameter's
// range, each target's statistic known and given what it needs, its observed value one the statistic can take, its
// uncertainty and source present, enough particles for the kernel.
import { PartnersimError } from '../errors.ts';
import { checkResultName } from '../scenario/names.ts';
import { digest } from '../random.ts';
import { checkDocument, type DocumentSchema, type Origin } from '../scenario/check.ts';
import { foundInstead, type ScenarioHost } from '../scenario/host.ts';
import { generateJsonSchema, type JsonSchemaNode } from '../scenario/json-schema.ts';
import { closestKey } from '../scenario/keys.ts';
import { baseName, loadScenarioInput } from '../scenario/load.ts';
import { baseScenarioMissing } from '../scenario/messages.ts';
import { hashScenario, normalizeScenario } from '../scenario/normalize.ts';
import { settableKeys } from '../scenario/overrides.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { parseSource } from '../scenario/source.ts';
import { VERSION } from '../version.ts';
import type { AbcParameter, AbcSettings } from './abc.ts';
import { DEFAULT_SETTINGS, defaultTolerance } from './calibrate.ts';
import * as message from './messages.ts';
import { truncatedMass, type Prior } from './priors.ts';
import {
  calibratableKeys,
  calibrationInputSchema,
  keyRange,
  type Calibration,
  type CalibrationInput,
  type CalibrationTarget,
  type KeyRange,
} from './schema.ts';
import { STATISTIC_NAMES, STATISTICS, type StatisticSpec } from './statistics.ts';

/** A calibration ready to run: the calibration, its base scenario as written (extends applied) and normalised, and
 * the hashes that identify them. */
export interface LoadedCalibration {
  readonly calibration: Calibration;
  readonly scenarioInput: ScenarioInput;
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  /** Identifies what the calibration computes (parameters, priors, targets' statistics and values, settings, base
   * scenario, partnersim version), not its name, description, sources or where its files are. */
  readonly hash: string;
}

let calibrationJson: JsonSchemaNode | undefined;

/** Returns the JSON Schema (draft 2020-12) of calibration files. */
export function calibrationJsonSchema(): JsonSchemaNode {
  calibrationJson ??= generateJsonSchema(
    calibrationInputSchema(),
    'partnersim calibration',
    'A calibration for partnersim: a base scenario, the parameters to fit with their priors, the observed targets with their uncertainty and source, the method and a seed.',
  );
  return calibrationJson;
}

/** Returns the text of calibrations/schema.json: the schema as indented JSON with a final newline. */
export function renderCalibrationJsonSchema(): string {
  return JSON.stringify(calibrationJsonSchema(), null, 2) + '\n';
}

const invalid = (text: string) => new PartnersimError('calibration-invalid', text);

/** Returns the calibration in a file with its base scenario loaded; throws a PartnersimError naming the file, line and
 * key of the first problem, with a fix. */
export function loadCalibration(path: string, host: ScenarioHost): LoadedCalibration {
  const text = host.readFile(path);
  if (typeof text !== 'string') throw new PartnersimError('file-missing', message.calibrationFileMissing(path, foundInstead(text)));
  const { value, origin } = parseSource(text, path);
  precheck(value, origin);
  const schema: DocumentSchema<CalibrationInput> = {
    zod: calibrationInputSchema(),
    json: calibrationJsonSchema,
    file: 'calibrations/schema.json',
  };
  const input = checkDocument(value, origin, schema);
  const at = (path: readonly PropertyKey[]) => origin.at(path, 'value');
  if (input.name !== undefined) checkResultName(input.name, at(['name']));

  const scenarioPath = host.resolve(path, input.scenario);
  const scenarioInput = loadScenarioInput(scenarioPath, host, (found) => baseScenarioMissing(at(['scenario']), scenarioPath, path, found));
  const scenario = normalizeScenario(scenarioInput, baseName(scenarioPath));
  const parameters = normalizeParameters(input, origin);
  const targets = input.targets.map((target, i) => normalizeTarget(target, ['targets', i], scenario, at));
  const settings = normalizeSettings(input, parameters.length, scenario, at);
  const calibration: Calibration = {
    name: input.name ?? baseName(path),
    description: input.description ?? '',
    scenario: scenarioPath,
    parameters,
    targets,
    settings,
  };
  const scenarioHash = hashScenario(scenario);
  return { calibration, scenarioInput, scenario, scenarioHash, hash: hashCalibration(calibration, scenarioHash) };
}

/** Returns the hash of a calibration over a base scenario: the digest of everything that decides its runs and what it
 * accepts. Sources and names are left out, so correcting a citation does not throw away runs already made. */
export function hashCalibration(calibration: Calibration, scenarioHash: string): string {
  const { parameters, targets, settings } = calibration;
  const statistics = targets.map(({ source: _source, ...target }) => target);
  return digest(JSON.stringify({ partnersim: VERSION, scenarioHash, parameters, targets: statistics, settings }));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// What a schema check would say less well, looked for first: a parameter key that holds a whole number (the schema
// would call it unknown), a statistic it does not know (with the nearest name), a target without a source.
function precheck(value: unknown, origin: Origin): void {
  if (!isRecord(value)) return;
  const { parameters, targets } = value;
  if (isRecord(parameters)) {
    const settable = new Set(settableKeys());
    const calibratable = new Set(calibratableKeys());
    for (const key of Object.keys(parameters))
      if (settable.has(key) && !calibratable.has(key))
        throw invalid(message.parameterNotContinuous(origin.at(['parameters', key], 'key'), key));
  }
  if (!Array.isArray(targets)) return;
  targets.forEach((target, i) => {
    if (!isRecord(target)) return;
    const { statistic } = target;
    if (typeof statistic === 'string' && !STATISTIC_NAMES.includes(statistic))
      throw new PartnersimError(
        'unknown-statistic',
        message.unknownStatistic(
          origin.at(['targets', i, 'statistic'], 'value'),
          statistic,
          STATISTIC_NAMES,
          closestKey(statistic, STATISTIC_NAMES),
        ),
      );
    if (target.source === undefined || (typeof target.source === 'string' && target.source.trim() === ''))
      throw invalid(message.targetWithoutSource(origin.at(['targets', i], 'value'), typeof statistic === 'string' ? statistic : 'target'));
  });
}

// Parameters in the order written, each prior checked against its kind and its parameter's range.
function normalizeParameters(input: CalibrationInput, origin: Origin): AbcParameter[] {
  const written = (key: string) => origin.order(['parameters', key], 'key');
  const entries = Object.entries(input.parameters)
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)
    .sort(([a], [b]) => written(a) - written(b));
  if (entries.length === 0) throw invalid(message.calibrationWithoutParameters(origin.at(['parameters'], 'value')));
  return entries.map(([key, spec]) => ({
    name: key,
    prior: normalizePrior(key, spec, (field) => origin.at(['parameters', key, ...field], 'value')),
  }));
}

const PRIOR_FIELDS: Record<Prior['kind'], readonly ('min' | 'max' | 'mean' | 'sd')[]> = {
  uniform: ['min', 'max'],
  logUniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  truncatedNormal: ['mean', 'sd', 'min', 'max'],
};

const PRIOR_EXAMPLES: Record<Prior['kind'], string> = {
  uniform: 'min: 0, max: 1',
  logUniform: 'min: 0.01, max: 1',
  normal: 'mean: 0.5, sd: 0.1',
  truncatedNormal: 'mean: 0.5, sd: 0.2, min: 0, max: 1',
};

type PriorInput = { prior: Prior['kind']; min?: number; max?: number; mean?: number; sd?: number };

function normalizePrior(key: string, spec: PriorInput, at: (field: readonly string[]) => string): Prior {
  const kind = spec.prior;
  const fields = PRIOR_FIELDS[kind];
  for (const field of ['min', 'max', 'mean', 'sd'] as const) {
    if (fields.includes(field) && spec[field] === undefined)
      throw invalid(message.priorNeeds(at([]), key, kind, field, PRIOR_EXAMPLES[kind]));
    if (!fields.includes(field) && spec[field] !== undefined) throw invalid(message.priorTakesNo(at([field]), key, kind, field, fields));
  }
  const range = keyRange(key);
  if (kind === 'normal') {
    const { mean, sd } = spec as { mean: number; sd: number };
    if (Number.isFinite(range.low) || Number.isFinite(range.high))
      throw invalid(
        message.priorOutsideRange(
          at([]),
          key,
          `in ${rangeText(range)}`,
          'a normal prior, which reaches every value',
          `use {prior: truncatedNormal, mean: ${mean}, sd: ${sd}, min: ..., max: ...} with min and max in ${rangeText(range)}`,
        ),
      );
    return { kind, mean, sd };
  }
  const { min, max } = spec as { min: number; max: number };
  if (!(min < max)) throw invalid(message.priorRangeEmpty(at(['max']), key, min, max));
  if (kind === 'logUniform' && !(min > 0)) throw invalid(message.logUniformNotPositive(at(['min']), key, min));
  for (const [field, value] of [
    ['min', min],
    ['max', max],
  ] as const)
    if (!inRange(range, value))
      throw invalid(
        message.priorOutsideRange(
          at([field]),
          key,
          `in ${rangeText(range)}`,
          `${field}: ${value}`,
          `keep min and max in ${rangeText(range)}`,
        ),
      );
  if (kind !== 'truncatedNormal') return { kind, min, max };
  const { mean, sd } = spec as { mean: number; sd: number };
  const mass = truncatedMass(mean, sd, min, max);
  if (!(mass >= 1e-6)) throw invalid(message.truncatedMassTiny(at([]), key, mass));
  return { kind, mean, sd, min, max };
}

function inRange(range: KeyRange, value: number): boolean {
  const above = range.lowOpen ? value > range.low : value >= range.low;
  const below = range.highOpen ? value < range.high : value <= range.high;
  return above && below;
}

/** Returns a key's range in interval notation: "[0, 1]", "(0, 50]", "(-∞, ∞)". */
function rangeText(range: KeyRange): string {
  const end = (value: number) => (Number.isFinite(value) ? String(value) : value > 0 ? '∞' : '-∞');
  return `${range.lowOpen ? '(' : '['}${end(range.low)}, ${end(range.high)}${range.highOpen ? ')' : ']'}`;
}

type TargetInput = CalibrationInput['targets'][number];

/** Returns an example of each option a statistic may need, its steps valid for this run: the last step, or the last
 * year's window. */
function optionExamples({ steps, stepsPerYear }: Scenario['time']): Record<'steps' | 'age' | 'size', string> {
  return {
    steps: `step: ${steps} (or window: {from: ${Math.max(1, steps - stepsPerYear + 1)}, to: ${steps}})`,
    age: 'age: 5',
    size: 'size: {min: 3, max: 5}',
  };
}

function normalizeTarget(
  target: TargetInput,
  path: readonly PropertyKey[],
  scenario: Scenario,
  at: (path: readonly PropertyKey[]) => string,
): CalibrationTarget {
  const { statistic } = target;
  const definition = STATISTICS[statistic];
  const here = (...rest: PropertyKey[]) => at([...path, ...rest]);
  const given = { steps: target.step ?? target.window, age: target.age, size: target.size };
  const option = { steps: target.step !== undefined ? 'step' : 'window', age: 'age', size: 'size' } as const;
  for (const name of ['steps', 'age', 'size'] as const) {
    const needed = definition.needs.includes(name);
    if (needed && given[name] === undefined)
      throw invalid(
        message.statisticNeeds(
          here('statistic'),
          statistic,
          name === 'steps' ? 'a step or a window' : name,
          optionExamples(scenario.time)[name],
        ),
      );
    if (!needed && given[name] !== undefined) throw invalid(message.statisticTakesNo(here(option[name]), statistic, option[name]));
  }
  const spec: { -readonly [K in keyof StatisticSpec]: StatisticSpec[K] } = { statistic };
  const { steps: lastStep, stepsPerYear } = scenario.time;
  if (target.step !== undefined && target.window !== undefined) throw invalid(message.stepAndWindow(here('window'), statistic));
  if (target.step !== undefined) {
    if (target.step > lastStep) throw invalid(message.targetStepBeyondRun(here('step'), target.step, lastStep));
    spec.steps = { from: target.step, to: target.step };
  }
  if (target.window !== undefined) {
    const { from, to } = target.window;
    if (from > to) throw invalid(message.windowBackwards(here('window'), from, to));
    if (to > lastStep) throw invalid(message.targetStepBeyondRun(here('window', 'to'), to, lastStep));
    spec.steps = { from, to };
  }
  if (target.age !== undefined) {
    const years = lastStep / stepsPerYear;
    if (definition.wholeAge && !Number.isInteger(target.age)) throw invalid(message.hazardAgeNotWhole(here('age'), target.age));
    if (target.age >= years) throw invalid(message.targetAgeBeyondRun(here('age'), statistic, target.age, years));
    spec.age = target.age;
  }
  if (target.area !== undefined) {
    if (!definition.byArea) throw invalid(message.statisticTakesNo(here('area'), statistic, 'area'));
    const names = scenario.organisations.areas.map((a) => a.name);
    if (!names.includes(target.area)) throw invalid(message.unknownTargetArea(here('area'), target.area, names));
    spec.area = target.area;
  }
  if (target.size !== undefined) {
    const { min, max } = target.size;
    if (max !== undefined && max < min) throw invalid(message.sizeRangeEmpty(here('size', 'max'), min, max));
    spec.size = { min, max: max ?? null };
  }
  const [low, high] = definition.range;
  const range = Number.isFinite(high) ? `from ${low} to ${high}` : `of ${low} or more`;
  const check = (what: string, value: number, where: readonly PropertyKey[]) => {
    if (value < low || value > high) throw invalid(message.observedOutOfRange(here(...where), statistic, what, value, range));
  };
  check('observed', target.observed, ['observed']);
  if ((target.sd === undefined) === (target.interval === undefined))
    throw invalid(message.uncertaintyNeeded(here(target.sd === undefined ? 'observed' : 'interval'), target.sd !== undefined));
  if (target.interval !== undefined) {
    const [lowEnd, highEnd] = target.interval;
    if (!(lowEnd <= target.observed && target.observed <= highEnd && lowEnd < highEnd))
      throw invalid(message.intervalNotAround(here('interval'), lowEnd, highEnd, target.observed));
    check('the interval', lowEnd, ['interval', 0]);
    check('the interval', highEnd, ['interval', 1]);
  }
  return { ...spec, observed: target.observed, sd: target.sd ?? null, interval: target.interval ?? null, source: target.source.trim() };
}

function normalizeSettings(
  input: CalibrationInput,
  parameters: number,
  scenario: Scenario,
  at: (path: readonly PropertyKey[]) => string,
): AbcSettings {
  const method = input.method ?? {};
  const algorithm = method.algorithm ?? DEFAULT_SETTINGS.method;
  if (algorithm === 'rejection')
    for (const setting of ['generations', 'alpha'] as const)
      if (method[setting] !== undefined) throw invalid(message.smcOnlySetting(at(['method', setting]), setting));
  const particles = method.particles ?? DEFAULT_SETTINGS.particles;
  if (particles < parameters + 2) throw invalid(message.tooFewParticles(at(['method', 'particles']), particles, parameters));
  return {
    method: algorithm,
    particles,
    generations: algorithm === 'rejection' ? 1 : (method.generations ?? DEFAULT_SETTINGS.generations),
    alpha: method.alpha ?? DEFAULT_SETTINGS.alpha,
    tolerance: method.tolerance ?? defaultTolerance(algorithm),
    minAcceptance: method.minAcceptance ?? DEFAULT_SETTINGS.minAcceptance,
    budget: method.budget ?? DEFAULT_SETTINGS.budget,
    predictive: method.predictive ?? DEFAULT_SETTINGS.predictive,
    distance: method.distance ?? DEFAULT_SETTINGS.distance,
    seed: input.seed ?? scenario.time.seed,
  };
}
