// Expanding a sweep into runs, purely: the design gives points in the unit cube, each mapped to parameter values;
// each point runs `replicates` times. A run's seed hashes (master seed, scenario hash, point, replicate), so it does
// not depend on the order runs execute in, and adding points leaves the other runs' seeds as they were.
import { createRng, deriveSeed } from '../random.ts';
import { mergeScenarioInputs } from '../scenario/merge.ts';
import { normalizeScenario } from '../scenario/normalize.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { latinHypercube, morrisTrajectories, randomSample, saltelliSample } from './designs.ts';
import type { LoadedSweep } from './load.ts';
import { type Design, INTEGER_KEYS, type SweepParameter } from './schema.ts';

/** One point of a design: its position, the value of each parameter (in the sweep's order), and its identity. */
export interface SweepPoint {
  readonly index: number;
  readonly values: readonly number[];
  /** `key=value` pairs, with `#n` for the n-th repeat of the same values: what a point's run seeds hash. */
  readonly key: string;
}

/** One run: its index (point-major: index = point x replicates + replicate), its point, replicate and seed. */
export interface SweepRun {
  readonly index: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
}

/** A sweep expanded: its points and runs, in index order. */
export interface SweepPlan {
  readonly points: readonly SweepPoint[];
  readonly runs: readonly SweepRun[];
}

/** Returns the points and runs of a loaded sweep. */
export function expandSweep(loaded: LoadedSweep): SweepPlan {
  const { sweep, scenarioHash } = loaded;
  const points = designPoints(sweep.parameters, sweep.design, sweep.seed);
  const runs: SweepRun[] = [];
  for (const point of points) {
    for (let replicate = 0; replicate < sweep.replicates; replicate++) {
      runs.push({ index: runs.length, point: point.index, replicate, seed: runSeed(sweep.seed, scenarioHash, point.key, replicate) });
    }
  }
  return { points, runs };
}

/** Returns how many points a design over these parameters has, without making them: a grid's product of the
 * parameters' counts of values; the samples of random and lhs; N (k + 2) for sobol; r (k + 1) for morris. */
export function countPoints(parameters: readonly SweepParameter[], design: Design): number {
  const k = parameters.length;
  switch (design.kind) {
    case 'grid':
      return parameters.reduce((product, parameter) => product * gridValues(parameter).length, 1);
    case 'random':
    case 'lhs':
      return design.samples;
    case 'sobol':
      return design.samples * (k + 2);
    case 'morris':
      return design.samples * (k + 1);
  }
}

/** Returns the seed of a run: a hash of the master seed, the base scenario's hash, the point's key and the replicate. */
export function runSeed(masterSeed: number, scenarioHash: string, pointKey: string, replicate: number): number {
  return deriveSeed(masterSeed, scenarioHash, pointKey, replicate);
}

/** Returns the points of a design over these parameters: a grid in row-major order (the first parameter varies
 * slowest), or the sampled design's rows mapped from the unit cube to values. */
export function designPoints(parameters: readonly SweepParameter[], design: Design, masterSeed: number): SweepPoint[] {
  const rows =
    design.kind === 'grid'
      ? gridRows(parameters)
      : unitRows(design, parameters.length, masterSeed).map((row) => row.map((u, i) => parameterValueAt(parameters[i], u)));
  const seen = new Map<string, number>();
  return rows.map((values, index) => {
    const base = values.map((value, i) => `${parameters[i].key}=${value}`).join(',');
    const repeat = (seen.get(base) ?? 0) + 1;
    seen.set(base, repeat);
    return { index, values, key: repeat === 1 ? base : `${base}#${repeat}` };
  });
}

/** Returns the scenario a point runs: the base scenario as written with the point's values set (each parameter's key
 * to its value), then normalised, so that a scenario-wide lever reaches every area that does not set its own (as --set
 * does). A calibration's proposals run the same way. */
export function pointScenario(
  base: ScenarioInput,
  name: string,
  parameters: readonly { readonly key: string }[],
  values: readonly number[],
): Scenario {
  const override = parameters.reduce<ScenarioInput>(
    (input, parameter, i) => mergeScenarioInputs(input, nested(parameter.key, values[i])),
    {},
  );
  return normalizeScenario(mergeScenarioInputs(base, override), name);
}

function nested(key: string, value: number): ScenarioInput {
  return key.split('.').reduceRight<unknown>((inner, name) => ({ [name]: inner }), value) as ScenarioInput;
}

// Every combination of the parameters' values, the last parameter varying fastest.
function gridRows(parameters: readonly SweepParameter[]): number[][] {
  return parameters.reduce<number[][]>(
    (rows, parameter) => rows.flatMap((row) => gridValues(parameter).map((value) => [...row, value])),
    [[]],
  );
}

function gridValues(parameter: SweepParameter): readonly number[] {
  // A loaded grid sweep has only lists (a range with steps becomes its list); a range here has no grid values.
  if (parameter.kind === 'range') throw new RangeError(`parameter ${parameter.key} is a range: a grid needs its values`);
  return parameter.values;
}

/** Returns the rows of a sampled design in the unit cube, before they are mapped onto the parameters' values: what
 * the sensitivity analyses read. The design's own generator is seeded from the master seed, apart from every run's. */
export function unitRows(design: Exclude<Design, { kind: 'grid' }>, k: number, masterSeed: number): number[][] {
  const rng = () => createRng(deriveSeed(masterSeed, 'design', design.kind));
  switch (design.kind) {
    case 'random':
      return randomSample(design.samples, k, rng());
    case 'lhs':
      return latinHypercube(design.samples, k, rng());
    case 'sobol':
      return saltelliSample(design.samples, k);
    case 'morris':
      return morrisTrajectories(design.samples, k, design.levels, rng());
  }
}

/** Returns a parameter's value at a position u in [0, 1]: along its range, or the listed value whose equal share of
 * [0, 1] holds u (the last value for u = 1). */
export function parameterValueAt(parameter: SweepParameter, u: number): number {
  // Rounding can carry from + (to - from) past `to` (0.3 + 0.6 = 0.9000000000000001): the range's end bounds it.
  if (parameter.kind === 'range' && INTEGER_KEYS.has(parameter.key)) {
    // A count takes each whole value in its range with equal chance.
    return Math.min(parameter.to, Math.ceil(parameter.from) + Math.floor(u * (Math.floor(parameter.to) - Math.ceil(parameter.from) + 1)));
  }
  if (parameter.kind === 'range') return Math.min(parameter.to, parameter.from + (parameter.to - parameter.from) * u);
  const n = parameter.values.length;
  return parameter.values[Math.min(n - 1, Math.floor(u * n))];
}
