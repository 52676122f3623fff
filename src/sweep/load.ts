// Loading a sweep file: parsed and checked like a scenario (every problem placed at file:line:column), its base
// scenario loaded, then what a schema cannot say: each value valid for its key, the design given what it needs.
import { METRIC_NAMES, type MetricName } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import * as message from './messages.ts';
import { checkResultName } from '../scenario/names.ts';
import { digest } from '../random.ts';
import { checkDocument, checkScenarioInput, type DocumentSchema, type Origin } from '../scenario/check.ts';
import { foundInstead, type ScenarioHost } from '../scenario/host.ts';
import { generateJsonSchema, type JsonSchemaNode } from '../scenario/json-schema.ts';
import { baseName, loadScenarioInput } from '../scenario/load.ts';
import { baseScenarioMissing } from '../scenario/messages.ts';
import { closestKey } from '../scenario/keys.ts';
import { hashScenario, normalizeScenario } from '../scenario/normalize.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { parseSource } from '../scenario/source.ts';
import { VERSION } from '../version.ts';
import { SOBOL_MAX_DIMS } from './designs.ts';
import { countPoints } from './expand.ts';
import {
  DEFAULT_MORRIS_LEVELS,
  metricColumn,
  TIMESERIES_FIELDS,
  sweepInputSchema,
  type Design,
  type RecordedMetric,
  type RecordSpec,
  type SweepInput,
  type SweepParameter,
  type Sweep,
  type TimeseriesField,
} from './schema.ts';

/** A sweep ready to expand: the sweep, its base scenario as written (extends applied) and normalised, and the hashes
 * that identify them. */
export interface LoadedSweep {
  readonly sweep: Sweep;
  readonly scenarioInput: ScenarioInput;
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  /** Identifies what the sweep computes (parameters, design, replicates, seed, record, base scenario, partnersim version),
   * not its name or where its files are: parts of one sweep made anywhere share it. */
  readonly hash: string;
}

/** The most runs (points times replicates) a sweep may have: a million runs of a small scenario are days of one
 * machine, and a journal of a gigabyte or more; beyond it, split the question into sweeps. */
export const MAX_SWEEP_RUNS = 1_000_000;

let sweepJson: JsonSchemaNode | undefined;

/** Returns the JSON Schema (draft 2020-12) of sweep files. */
export function sweepJsonSchema(): JsonSchemaNode {
  sweepJson ??= generateJsonSchema(
    sweepInputSchema,
    'partnersim sweep',
    'A parameter sweep for partnersim: a base scenario, the keys to vary, the design, replicates, a seed and what to record.',
  );
  return sweepJson;
}

/** Returns the text of sweeps/schema.json: the schema as indented JSON with a final newline. */
export function renderSweepJsonSchema(): string {
  return JSON.stringify(sweepJsonSchema(), null, 2) + '\n';
}

const SWEEP_SCHEMA: DocumentSchema<SweepInput> = { zod: sweepInputSchema, json: sweepJsonSchema, file: 'sweeps/schema.json' };

/** Returns the sweep in a file with its base scenario loaded; throws a PartnersimError naming the file, line and key of
 * the first problem. */
export function loadSweep(path: string, host: ScenarioHost): LoadedSweep {
  const text = host.readFile(path);
  if (typeof text !== 'string') throw new PartnersimError('file-missing', message.sweepFileMissing(path, foundInstead(text)));
  const { value, origin } = parseSource(text, path);
  // The one key every sweep needs, said with an example rather than as a type.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, 'scenario'))
    throw new PartnersimError('wrong-type', message.sweepWithoutScenario(origin.at([], 'key')));
  const input = checkDocument(value, origin, SWEEP_SCHEMA);
  const at = (path: readonly PropertyKey[]) => origin.at(path, 'value');
  if (input.name !== undefined) checkResultName(input.name, at(['name']));

  const scenarioPath = host.resolve(path, input.scenario);
  const scenarioInput = loadScenarioInput(scenarioPath, host, (found) => baseScenarioMissing(at(['scenario']), scenarioPath, path, found));
  const scenario = normalizeScenario(scenarioInput, baseName(scenarioPath));
  const parameters = normalizeParameters(input, origin);
  const design = normalizeDesign(input, parameters.length, at);
  const replicates = input.replicates ?? 1;
  // Counted, not expanded: a typo in a grid (steps: 10000 twice) is 10^8 runs, which ran validate out of memory.
  const points = countPoints(parameters, design);
  if (points * replicates > MAX_SWEEP_RUNS) throw invalid(message.sweepTooLarge(at(['parameters']), points, replicates, MAX_SWEEP_RUNS));
  const sweep: Sweep = {
    name: input.name ?? baseName(path),
    description: input.description ?? '',
    scenario: scenarioPath,
    parameters,
    design,
    replicates,
    seed: input.seed ?? scenario.time.seed,
    record: normalizeRecord(input, scenario.time.steps, at),
  };
  const scenarioHash = hashScenario(scenario);
  return { sweep, scenarioInput, scenario, scenarioHash, hash: hashSweep(sweep, scenarioHash) };
}

/** Returns the hash of a sweep over a base scenario: the digest of everything that decides its runs' results. */
export function hashSweep(sweep: Sweep, scenarioHash: string): string {
  const { parameters, design, replicates, seed, record } = sweep;
  return digest(JSON.stringify({ partnersim: VERSION, scenarioHash, parameters, design, replicates, seed, record }));
}

// What to record is a set: a metric or field named twice would be a repeated column, which writing the tables
// refuses only after every run; a step named twice would be a repeated row.
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

// What each run records: names checked against the metrics and fields (with the closest when one is misspelt), steps
// and windows inside the run, `every` expanded to its steps; each metric and step once.
function normalizeRecord(input: SweepInput, steps: number, at: (path: readonly PropertyKey[]) => string): RecordSpec {
  const record = input.record;
  const field = (written: string, path: readonly PropertyKey[], key: string): TimeseriesField => {
    if ((TIMESERIES_FIELDS as readonly string[]).includes(written)) return written as TimeseriesField;
    throw invalid(message.unknownRecordField(at(path), key, written, TIMESERIES_FIELDS, closestKey(written, TIMESERIES_FIELDS)));
  };
  const within = (step: number, path: readonly PropertyKey[], key: string): number => {
    if (step > steps) throw invalid(message.recordStepBeyondRun(at(path), key, step, steps));
    return step;
  };
  const metrics = (record?.metrics ?? METRIC_NAMES).map((metric, i): RecordedMetric => {
    const where = ['record', 'metrics', i];
    if (typeof metric === 'string') {
      if ((METRIC_NAMES as readonly string[]).includes(metric)) return metric as MetricName;
      throw invalid(
        message.unknownRecordMetric(
          at(where),
          metric,
          METRIC_NAMES,
          TIMESERIES_FIELDS,
          closestKey(metric, [...METRIC_NAMES, ...TIMESERIES_FIELDS]),
        ),
      );
    }
    const name = field(metric.field, [...where, 'field'], 'record.metrics field');
    if ('step' in metric) return { field: name, step: within(metric.step, [...where, 'step'], 'record.metrics step') };
    const [from, to] = metric.window;
    if (from > to) throw invalid(message.windowNotIncreasing(at([...where, 'window']), from, to));
    return { field: name, window: [from, within(to, [...where, 'window', 1], 'record.metrics window')] };
  });
  const series = record?.timeseries;
  if (series === undefined) return { metrics: uniqueBy(metrics, metricColumn), timeseries: null };
  const listed = series.steps;
  const chosen = Array.isArray(listed)
    ? listed.map((step, i) => within(step, ['record', 'timeseries', 'steps', i], 'record.timeseries.steps'))
    : everyStep(within(listed.every, ['record', 'timeseries', 'steps', 'every'], 'record.timeseries.steps.every'), steps);
  const fields = (series.fields ?? TIMESERIES_FIELDS).map((written, i) =>
    field(written, ['record', 'timeseries', 'fields', i], 'record.timeseries.fields'),
  );
  return { metrics: uniqueBy(metrics, metricColumn), timeseries: { steps: unique(chosen), fields: unique(fields) } };
}

// Every `every` steps up to the last: every, 2 every, ...
const everyStep = (every: number, steps: number): number[] => Array.from({ length: Math.floor(steps / every) }, (_, k) => (k + 1) * every);

// The first of the items with each key.
const uniqueBy = <T>(items: readonly T[], key: (item: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
};

// Saltelli sampling takes two Sobol' dimensions per parameter.
const MAX_SOBOL_PARAMETERS = Math.floor(SOBOL_MAX_DIMS / 2);

const invalid = (text: string) => new PartnersimError('sweep-invalid', text);

// Parameters in the order written; each value is checked as that key of a scenario, with errors placed in the sweep file.
function normalizeParameters(input: SweepInput, origin: Origin): SweepParameter[] {
  const at = (path: readonly PropertyKey[]) => origin.at(path, 'value');
  // zod returns an object's keys in its schema's order; the order written is the text's.
  const written = (key: string) => origin.order(['parameters', key], 'key');
  const entries = Object.entries(input.parameters)
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)
    .sort(([a], [b]) => written(a) - written(b));
  if (entries.length === 0) throw invalid(message.sweepWithoutParameters(at(['parameters'])));
  const grid = (input.design ?? 'grid') === 'grid';
  return entries.map(([key, spec]): SweepParameter => {
    const where = ['parameters', key];
    if (Array.isArray(spec)) {
      spec.forEach((value, i) => checkValue(key, value, [...where, i], origin));
      return { kind: 'values', key, values: spec };
    }
    checkValue(key, spec.from, [...where, 'from'], origin);
    checkValue(key, spec.to, [...where, 'to'], origin);
    if (!(spec.from < spec.to)) throw invalid(message.rangeNotIncreasing(at([...where, 'to']), key, spec.from, spec.to));
    if (!grid) {
      if (spec.steps !== undefined) throw invalid(message.stepsOnlyForGrid(at([...where, 'steps']), key, input.design ?? 'grid'));
      return { kind: 'range', key, from: spec.from, to: spec.to };
    }
    if (spec.steps === undefined) throw invalid(message.gridRangeWithoutSteps(at(where), key, spec.from, spec.to));
    const { from, to, steps } = spec;
    return {
      kind: 'values',
      key,
      values: Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1))),
    };
  });
}

// A value is checked as the scenario that sets only this key, so its bounds and messages are the scenario's own.
function checkValue(key: string, value: number, path: readonly PropertyKey[], origin: Origin): void {
  const scenario = key.split('.').reduceRight<unknown>((inner, name) => ({ [name]: inner }), value);
  const placed: Origin = { kind: 'file', at: (_, target) => origin.at(path, target), order: () => 0 };
  checkScenarioInput(scenario, placed);
}

function normalizeDesign(input: SweepInput, parameters: number, at: (path: readonly PropertyKey[]) => string): Design {
  const kind = input.design ?? 'grid';
  if (input.levels !== undefined && kind !== 'morris') throw invalid(message.levelsOnlyForMorris(at(['levels']), kind));
  if (kind === 'grid') {
    if (input.samples !== undefined) throw invalid(message.samplesNotForGrid(at(['samples'])));
    return { kind };
  }
  if (input.samples === undefined) throw invalid(message.samplesRequired(at(['design']), kind));
  if (kind === 'sobol' && parameters > MAX_SOBOL_PARAMETERS)
    throw invalid(message.tooManySobolParameters(at(['parameters']), parameters, MAX_SOBOL_PARAMETERS));
  if (kind !== 'morris') return { kind, samples: input.samples };
  const levels = input.levels ?? DEFAULT_MORRIS_LEVELS;
  if (levels % 2 !== 0) throw invalid(message.morrisLevelsOdd(at(['levels']), levels));
  return { kind, samples: input.samples, levels };
}
