// Expanding a sweep into points and runs: grid order and sizes, sampled designs' sizes and values, run seeds that are
// distinct, stable when points or replicates are added, and distinct for repeated points; a point's scenario; purity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryHost } from '../../src/scenario/host.ts';
import {
  countPoints,
  designPoints,
  expandSweep,
  pointScenario,
  runSeed,
  parameterValueAt,
  type SweepPlan,
} from '../../src/sweep/expand.ts';
import { loadSweep, MAX_SWEEP_RUNS, type LoadedSweep } from '../../src/sweep/load.ts';
import { sweepTooLarge } from '../../src/sweep/messages.ts';
import type { Design, Sweep, SweepParameter } from '../../src/sweep/schema.ts';
import { tinyScenario } from '../cli/fixtures.ts';

const SCENARIO = 'scenarios/tiny.yaml';

/** Loads a sweep file from memory beside the tiny scenario (or the scenario text given). */
function load(text: string, scenario = tinyScenario()): LoadedSweep {
  return loadSweep(
    'sweeps/s.yaml',
    createMemoryHost({ [SCENARIO]: scenario, 'sweeps/s.yaml': `scenario: ../scenarios/tiny.yaml\n${text}` }),
  );
}

const BASE = load('parameters:\n  policy.carrot: [0]\n');

/** Returns the base sweep with these parts changed. */
function sweepWith(change: Partial<Pick<Sweep, 'parameters' | 'design' | 'replicates' | 'seed'>>): LoadedSweep {
  return { ...BASE, sweep: { ...BASE.sweep, ...change } };
}

const values = (key: string, list: readonly number[]): SweepParameter => ({ kind: 'values', key, values: list });
const range = (key: string, from: number, to: number): SweepParameter => ({ kind: 'range', key, from, to });

/** Returns the seed of each run by its point's key and replicate. */
function seedsByKey(plan: SweepPlan): Map<string, number> {
  return new Map(plan.runs.map((run) => [`${plan.points[run.point].key}|${run.replicate}`, run.seed]));
}

describe('a grid', () => {
  const carrot = values('policy.carrot', [0, 0.5]);
  const competition = values('market.competition', [0.1, 0.2, 0.3]);

  it('takes every combination in row-major order: the first parameter varies slowest', () => {
    const points = designPoints([carrot, competition], { kind: 'grid' }, 1);
    expect(points.map((p) => p.values)).toEqual([
      [0, 0.1],
      [0, 0.2],
      [0, 0.3],
      [0.5, 0.1],
      [0.5, 0.2],
      [0.5, 0.3],
    ]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points[4].key).toBe('policy.carrot=0.5,market.competition=0.2');
  });

  it('has the product of the parameters’ sizes as its points, whatever the order', () => {
    const stick = values('policy.stick', [0, 1]);
    expect(designPoints([competition, stick, carrot], { kind: 'grid' }, 1)).toHaveLength(12);
    expect(designPoints([competition, stick, carrot], { kind: 'grid' }, 1).map((p) => p.values[0])).toEqual([
      0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3,
    ]);
    expect(designPoints([values('policy.carrot', [0.4])], { kind: 'grid' }, 1)).toHaveLength(1);
  });

  it('numbers runs point-major: run index = point x replicates + replicate', () => {
    const plan = expandSweep(sweepWith({ parameters: [carrot, competition], replicates: 3 }));
    expect(plan.points).toHaveLength(6);
    expect(plan.runs).toHaveLength(18);
    plan.runs.forEach((run, i) => {
      expect(run.index).toBe(i);
      expect(run.index).toBe(run.point * 3 + run.replicate);
      expect(run.replicate).toBeLessThan(3);
    });
  });

  it('follows the order the file gives the parameters', () => {
    const plan = expandSweep(load('parameters:\n  market.competition: [0.1, 0.2]\n  policy.carrot: [0, 0.5, 1]\n'));
    expect(plan.points.map((p) => p.values)).toEqual([
      [0.1, 0],
      [0.1, 0.5],
      [0.1, 1],
      [0.2, 0],
      [0.2, 0.5],
      [0.2, 1],
    ]);
  });

  it('refuses a range, which a loaded grid never holds', () => {
    expect(() => designPoints([range('policy.carrot', 0, 1)], { kind: 'grid' }, 1)).toThrow(RangeError);
  });
});

describe('sampled designs', () => {
  const parameters = [range('policy.carrot', 0.3, 0.9), values('market.competition', [0.1, 0.5, 0.7]), range('trust.sensitivity', 1, 50)];
  const k = parameters.length;

  it.each<[string, Design, number]>([
    ['random', { kind: 'random', samples: 7 }, 7],
    ['lhs', { kind: 'lhs', samples: 7 }, 7],
    ['sobol', { kind: 'sobol', samples: 8 }, 8 * (k + 2)],
    ['morris', { kind: 'morris', samples: 5, levels: 4 }, 5 * (k + 1)],
  ])('%s gives its number of points, each value inside its range or from its list', (_, design, count) => {
    const points = designPoints(parameters, design, 11);
    expect(points).toHaveLength(count);
    expect(countPoints(parameters, design)).toBe(count);
    for (const point of points) {
      expect(point.values).toHaveLength(k);
      expect(point.values[0]).toBeGreaterThanOrEqual(0.3);
      expect(point.values[0]).toBeLessThanOrEqual(0.9);
      expect([0.1, 0.5, 0.7]).toContain(point.values[1]);
      expect(point.values[2]).toBeGreaterThanOrEqual(1);
      expect(point.values[2]).toBeLessThanOrEqual(50);
    }
    expect(new Set(points.map((p) => p.key)).size).toBe(count);
  });

  it('gives runs = points x replicates', () => {
    const plan = expandSweep(sweepWith({ parameters, design: { kind: 'sobol', samples: 4 }, replicates: 3 }));
    expect(plan.points).toHaveLength(4 * (k + 2));
    expect(plan.runs).toHaveLength(4 * (k + 2) * 3);
  });

  it('gives a count (an integer parameter) whole values only, each of its range equally often', () => {
    const counts = range('model.joining.maxMembers', 15, 18);
    const values = Array.from({ length: 400 }, (_, k) => parameterValueAt(counts, (k + 0.5) / 400));
    expect(values.every(Number.isInteger)).toBe(true);
    expect([15, 16, 17, 18].map((v) => values.filter((x) => x === v).length)).toEqual([100, 100, 100, 100]);
    expect(parameterValueAt(counts, 1)).toBe(18);
    expect(parameterValueAt(range('model.joining.considerRate', 0.05, 0.2), 0.5)).toBeCloseTo(0.125, 12);
  });

  it('puts Morris’s top level at the range’s end exactly, never past it (0.3 + 0.6 rounds above 0.9)', () => {
    expect(0.3 + (0.9 - 0.3)).toBeGreaterThan(0.9);
    expect(parameterValueAt(range('policy.carrot', 0.3, 0.9), 1)).toBe(0.9);
    expect(parameterValueAt(range('policy.carrot', 0.3, 0.9), 0)).toBe(0.3);
    const tops = designPoints([range('policy.carrot', 0.3, 0.9)], { kind: 'morris', samples: 20, levels: 4 }, 3).map((p) => p.values[0]);
    expect(Math.max(...tops)).toBe(0.9);
  });

  it('maps a position to a listed value by equal shares of [0, 1], the last value at 1', () => {
    const list = values('policy.carrot', [0, 0.4, 0.8]);
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => parameterValueAt(list, u))).toEqual([0, 0, 0.4, 0.4, 0.8, 0.8, 0.8]);
  });

  it('draws the same design from the same master seed, and another from another', () => {
    const design: Design = { kind: 'lhs', samples: 6 };
    expect(designPoints(parameters, design, 5)).toEqual(designPoints(parameters, design, 5));
    expect(designPoints(parameters, design, 5)).not.toEqual(designPoints(parameters, design, 6));
  });
});

describe('the size of a sweep, counted before anything is made', () => {
  it("counts a grid's points as the product of its parameters' counts", () => {
    const grid = [
      values('policy.carrot', [0, 0.4, 0.8]),
      values('market.competition', [0, 0.5]),
      values('trust.sensitivity', [1, 2, 3, 4]),
    ];
    expect(countPoints(grid, { kind: 'grid' })).toBe(designPoints(grid, { kind: 'grid' }, 1).length);
    expect(countPoints(grid, { kind: 'grid' })).toBe(24);
  });

  it('refuses a sweep of more than MAX_SWEEP_RUNS runs when loaded, without expanding it (a grid of 10^8 ran validate out of memory)', () => {
    const typo = 'parameters:\n  policy.carrot: {from: 0, to: 1, steps: 10000}\n  market.competition: {from: 0, to: 1, steps: 10000}\n';
    expect(() => load(typo)).toThrow(sweepTooLarge('sweeps/s.yaml:3:3', 100_000_000, 1, MAX_SWEEP_RUNS));
    const sampled = 'parameters:\n  policy.carrot: {from: 0, to: 1}\ndesign: sobol\nsamples: 400000\nreplicates: 2\n';
    expect(() => load(sampled)).toThrow(sweepTooLarge('sweeps/s.yaml:3:3', 1_200_000, 2, MAX_SWEEP_RUNS));
    expect(() => load('parameters:\n  policy.carrot: {from: 0, to: 1, steps: 1000}\nreplicates: 1000\n')).not.toThrow();
  });
});

describe('run seeds', () => {
  const levels = [0, 0.25, 0.5, 0.75, 1];
  const keys = ['policy.carrot', 'market.competition', 'trust.up'];
  const listArb = fc.array(fc.constantFrom(...levels), { minLength: 1, maxLength: 3 });
  const parameterArb = (key: string, grid: boolean) =>
    grid
      ? listArb.map((list) => values(key, list))
      : fc.oneof(
          listArb.map((list) => values(key, list)),
          fc.constant(range(key, 0.1, 0.9)),
        );
  const sweepArb = fc
    .record({
      kind: fc.constantFrom('grid', 'random', 'lhs', 'sobol', 'morris'),
      k: fc.integer({ min: 1, max: 3 }),
      samples: fc.integer({ min: 1, max: 6 }),
      replicates: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    })
    .chain(({ kind, k, samples, replicates, seed }) =>
      fc.tuple(...keys.slice(0, k).map((key) => parameterArb(key, kind === 'grid'))).map((parameters) => {
        const design: Design = kind === 'grid' ? { kind } : kind === 'morris' ? { kind, samples, levels: 4 } : { kind, samples };
        return sweepWith({ parameters, design, replicates, seed });
      }),
    );

  it('are distinct across every run of a sweep, and every run is a distinct (point, replicate)', () => {
    fc.assert(
      fc.property(sweepArb, (loaded) => {
        const plan = expandSweep(loaded);
        expect(plan.runs).toHaveLength(plan.points.length * loaded.sweep.replicates);
        expect(new Set(plan.runs.map((run) => run.seed)).size).toBe(plan.runs.length);
        expect(new Set(plan.points.map((point) => point.key)).size).toBe(plan.points.length);
        expect(new Set(plan.runs.map((run) => `${run.point}|${run.replicate}`)).size).toBe(plan.runs.length);
      }),
    );
  });

  it('are the hash of (master seed, scenario hash, point key, replicate), not of when a run comes', () => {
    const loaded = sweepWith({ parameters: [values('policy.carrot', [0, 0.5])], replicates: 2, seed: 9 });
    for (const run of expandSweep(loaded).runs) {
      expect(run.seed).toBe(runSeed(9, loaded.scenarioHash, expandSweep(loaded).points[run.point].key, run.replicate));
    }
  });

  it('stay as they were when grid values are added between', () => {
    const before = seedsByKey(expandSweep(sweepWith({ parameters: [values('policy.carrot', [0, 0.5])], replicates: 2 })));
    const after = seedsByKey(expandSweep(sweepWith({ parameters: [values('policy.carrot', [0, 0.25, 0.5])], replicates: 2 })));
    expect(before.size).toBe(4);
    for (const [key, seed] of before) expect(after.get(key), key).toBe(seed);
  });

  it('stay as they were, with the first points, when a random design takes more samples', () => {
    const parameters = [range('policy.carrot', 0, 1), values('market.competition', [0.2, 0.6])];
    const five = expandSweep(sweepWith({ parameters, design: { kind: 'random', samples: 5 }, replicates: 2 }));
    const eight = expandSweep(sweepWith({ parameters, design: { kind: 'random', samples: 8 }, replicates: 2 }));
    expect(eight.points.slice(0, 5)).toEqual(five.points);
    expect(eight.runs.slice(0, 10)).toEqual(five.runs);
  });

  it('do not depend on how many replicates the sweep runs', () => {
    const parameters = [values('policy.carrot', [0, 0.5, 1])];
    const two = seedsByKey(expandSweep(sweepWith({ parameters, replicates: 2 })));
    const five = seedsByKey(expandSweep(sweepWith({ parameters, replicates: 5 })));
    expect(five.size).toBe(15);
    for (const [key, seed] of two) expect(five.get(key), key).toBe(seed);
  });

  it('change with the master seed and with the base scenario', () => {
    const parameters = [values('policy.carrot', [0, 0.5])];
    const seeds = (loaded: LoadedSweep) => expandSweep(loaded).runs.map((run) => run.seed);
    const reference = seeds(sweepWith({ parameters }));
    expect(seeds(sweepWith({ parameters, seed: BASE.sweep.seed + 1 }))).not.toEqual(reference);
    const other = load('parameters:\n  policy.carrot: [0, 0.5]\n', tinyScenario({ steps: 13 }));
    expect(seeds(other)).not.toEqual(reference);
  });

  it('give a repeated point its own key (#2) and its own seeds', () => {
    const plan = expandSweep(load('parameters:\n  policy.carrot: [0.5, 0.5]\nreplicates: 2\n'));
    expect(plan.points.map((p) => p.key)).toEqual(['policy.carrot=0.5', 'policy.carrot=0.5#2']);
    expect(plan.points.map((p) => p.values)).toEqual([[0.5], [0.5]]);
    expect(new Set(plan.runs.map((run) => run.seed)).size).toBe(4);
  });
});

describe('a point’s scenario', () => {
  const TWO_AREAS = `name: two
time: {steps: 12, seed: 5}
organisations:
  areas:
    - name: North
      context: {history: 0.9}
    - name: South
  kinds: {school: 12, academy: 8, trust: 2, college: 2, provider: 2, community: 2}
context: {history: 0.4}
policy:
  carrot: [{from: 0, value: 0.2}, {from: 6, value: 0.6}]
`;
  const loaded = load('parameters:\n  context.history: [0.1, 0.7]\n  policy.carrot: [0.3]\n', TWO_AREAS);
  const { parameters } = loaded.sweep;

  it('sets each lever scenario-wide, replacing a schedule, and every area that does not set its own follows it', () => {
    const scenario = pointScenario(loaded.scenarioInput, loaded.scenario.name, parameters, [0.1, 0.3]);
    expect(scenario.name).toBe('two');
    expect(scenario.context.history).toEqual([{ from: 0, value: 0.1 }]);
    expect(scenario.policy.carrot).toEqual([{ from: 0, value: 0.3 }]);
    const [north, south] = scenario.organisations.areas;
    expect(north.name).toBe('North');
    expect(north.context.history).toEqual([{ from: 0, value: 0.9 }]);
    expect(south.context.history).toEqual([{ from: 0, value: 0.1 }]);
    expect(scenario.context.culture).toEqual(loaded.scenario.context.culture);
  });

  it('sets a trust parameter', () => {
    const trust = load('parameters:\n  trust.up: [0.2]\n');
    expect(pointScenario(trust.scenarioInput, 'p', trust.sweep.parameters, [0.2]).trust.up).toBe(0.2);
  });

  it('leaves the base scenario as written untouched', () => {
    const before = structuredClone(loaded.scenarioInput);
    pointScenario(loaded.scenarioInput, 'p', parameters, [0.7, 0.3]);
    expect(loaded.scenarioInput).toEqual(before);
  });
});

describe('expansion is pure', () => {
  it('gives equal plans for the same sweep, without changing it', () => {
    const loaded = load(
      'parameters:\n  policy.carrot: {from: 0, to: 1}\n  market.competition: [0.2, 0.4]\ndesign: morris\nsamples: 4\nreplicates: 2\n',
    );
    const before = structuredClone(loaded);
    const first = expandSweep(loaded);
    expect(expandSweep(loaded)).toEqual(first);
    expect(loaded).toEqual(before);
  });
});
