// Loading sweep files held in memory: the defaults a sweep takes, a grid range becoming its values, parameters in the
// order written, every problem as one message placed at file:line:column with a stable code, and the sweep hash.
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import { isPartnersimError, type ErrorCode } from '../../src/errors.ts';
import * as scenarioMessage from '../../src/scenario/messages.ts';
import * as sweepMessage from '../../src/sweep/messages.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { PARAMETERS } from '../../src/scenario/parameters/index.ts';
import { SOBOL_MAX_DIMS } from '../../src/sweep/designs.ts';
import { loadSweep, type LoadedSweep } from '../../src/sweep/load.ts';
import { SWEEPABLE_KEYS, TIMESERIES_FIELDS } from '../../src/sweep/schema.ts';
import { tinyScenario } from '../cli/fixtures.ts';

const SWEEP = 'sweeps/tiny-sweep.yaml';
const SCENARIO = 'scenarios/tiny.yaml';
const at = (line: number, col: number, file = SWEEP) => scenarioMessage.fileLocation(file, line, col);

/** Returns the text of a sweep over the tiny scenario (12 steps, seed 5) with these lines after `scenario:`. */
const sweepText = (...lines: string[]) => ['scenario: ../scenarios/tiny.yaml', ...lines, ''].join('\n');

/** A sweep of one parameter, the lines below a sweep's first three. */
const CARROT = ['parameters:', '  policy.carrot: [0, 0.5]'];

/** Loads a sweep file from memory, beside the tiny scenario and any other files given. */
function load(text: string, files: Readonly<Record<string, string>> = {}, path = SWEEP): LoadedSweep {
  return loadSweep(path, createMemoryHost({ [SCENARIO]: tinyScenario(), [path]: text, ...files }));
}

function expectFailure(text: string, code: ErrorCode, expected: string, files: Readonly<Record<string, string>> = {}, path = SWEEP): void {
  try {
    load(text, files, path);
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    expect(error.message).toBe(expected);
    expect(error.code).toBe(code);
    return;
  }
  expect.fail(`the sweep loaded without error:\n${text}`);
}

describe('a sweep file that loads', () => {
  it('takes its defaults: name from the file, seed from the scenario, one replicate, every metric, no time series', () => {
    const loaded = load(sweepText(...CARROT));
    expect(loaded.sweep).toEqual({
      name: 'tiny-sweep',
      description: '',
      scenario: SCENARIO,
      parameters: [{ kind: 'values', key: 'policy.carrot', values: [0, 0.5] }],
      design: { kind: 'grid' },
      replicates: 1,
      seed: 5,
      record: { metrics: METRIC_NAMES, timeseries: null },
    });
    expect(loaded.scenario.name).toBe('tiny');
    expect(loaded.scenarioInput.time).toEqual({ steps: 12, seed: 5 });
  });

  it('keeps what is written: name, description, replicates, seed, metrics; time-series fields default to all', () => {
    const loaded = load(
      sweepText(
        'name: mine',
        'description: what it asks',
        ...CARROT,
        'replicates: 3',
        'seed: 42',
        'record:',
        '  metrics: [meanTrustAtEnd, survival3y]',
        '  timeseries: {steps: [1, 6, 12]}',
      ),
    );
    const { name, description, replicates, seed, record } = loaded.sweep;
    expect({ name, description, replicates, seed }).toEqual({ name: 'mine', description: 'what it asks', replicates: 3, seed: 42 });
    expect(record).toEqual({ metrics: ['meanTrustAtEnd', 'survival3y'], timeseries: { steps: [1, 6, 12], fields: TIMESERIES_FIELDS } });
  });

  it('keeps chosen time-series fields', () => {
    const loaded = load(sweepText(...CARROT, 'record:', '  timeseries: {steps: [12], fields: [active, meanTrust]}'));
    expect(loaded.sweep.record.timeseries).toEqual({ steps: [12], fields: ['active', 'meanTrust'] });
  });

  it('records a metric, a field or a step named twice once, in the order first written', () => {
    const loaded = load(
      sweepText(
        ...CARROT,
        'record:',
        '  metrics: [survival3y, meanTrustAtEnd, survival3y]',
        '  timeseries: {steps: [6, 3, 6], fields: [active, active]}',
      ),
    );
    expect(loaded.sweep.record).toEqual({ metrics: ['survival3y', 'meanTrustAtEnd'], timeseries: { steps: [6, 3], fields: ['active'] } });
  });

  it('turns a grid range with steps into its evenly spaced values, ending exactly at `to`', () => {
    const loaded = load(
      sweepText('parameters:', '  policy.carrot: {from: 0, to: 1, steps: 5}', '  market.competition: {from: 0.1, to: 0.7, steps: 4}'),
    );
    expect(loaded.sweep.parameters).toEqual([
      { kind: 'values', key: 'policy.carrot', values: [0, 0.25, 0.5, 0.75, 1] },
      { kind: 'values', key: 'market.competition', values: [0.1, expect.closeTo(0.3, 12), expect.closeTo(0.5, 12), 0.7] },
    ]);
  });

  it('keeps a sampled design’s ranges as ranges, and its lists as lists', () => {
    const loaded = load(
      sweepText('parameters:', '  trust.up: {from: 0.05, to: 0.2}', '  policy.stick: [0, 1]', 'design: lhs', 'samples: 10'),
    );
    expect(loaded.sweep.parameters).toEqual([
      { kind: 'range', key: 'trust.up', from: 0.05, to: 0.2 },
      { kind: 'values', key: 'policy.stick', values: [0, 1] },
    ]);
    expect(loaded.sweep.design).toEqual({ kind: 'lhs', samples: 10 });
  });

  it('takes Morris levels, 4 by default', () => {
    const range = ['parameters:', '  policy.carrot: {from: 0, to: 1}', 'design: morris', 'samples: 3'];
    expect(load(sweepText(...range)).sweep.design).toEqual({ kind: 'morris', samples: 3, levels: 4 });
    expect(load(sweepText(...range, 'levels: 6')).sweep.design).toEqual({ kind: 'morris', samples: 3, levels: 6 });
  });

  it('keeps the parameters in the order written, not the schema’s', () => {
    const loaded = load(sweepText('parameters:', '  trust.up: [0.1]', '  market.competition: [0, 1]', '  policy.carrot: [0.5]'));
    expect(loaded.sweep.parameters.map((p) => p.key)).toEqual(['trust.up', 'market.competition', 'policy.carrot']);
  });

  it('reads a JSON sweep file, parameters in the order written', () => {
    const path = 'sweeps/tiny.json';
    const text = JSON.stringify({
      scenario: '../scenarios/tiny.yaml',
      parameters: { 'market.competition': [0, 1], 'policy.carrot': { from: 0, to: 1, steps: 3 } },
      replicates: 2,
    });
    const loaded = load(text, {}, path);
    expect(loaded.sweep.name).toBe('tiny');
    expect(loaded.sweep.parameters).toEqual([
      { kind: 'values', key: 'market.competition', values: [0, 1] },
      { kind: 'values', key: 'policy.carrot', values: [0, 0.5, 1] },
    ]);
    expect(loaded.sweep.replicates).toBe(2);
  });

  it('follows the base scenario’s extends', () => {
    const child = 'extends: tiny.yaml\nname: child\ntime: {seed: 9}\n';
    const loaded = load(sweepText(...CARROT).replace('tiny.yaml', 'child.yaml'), { 'scenarios/child.yaml': child });
    expect(loaded.scenario.name).toBe('child');
    expect(loaded.sweep.seed).toBe(9);
  });

  it('varies any sweepable key, levers and model parameters alike, and refuses a Sobol design past its direction table', () => {
    expect(SWEEPABLE_KEYS.length).toBeGreaterThan(Math.floor(SOBOL_MAX_DIMS / 2));
    const most = SWEEPABLE_KEYS.slice(0, Math.floor(SOBOL_MAX_DIMS / 2));
    // Each key over its plausible range (a lever's: 0.1 to 0.2), so counts get whole values.
    const range = (key: string) => PARAMETERS.find((p) => p.key === key)?.spec.range ?? [0.1, 0.2];
    const lines = (keys: readonly string[]) => keys.map((key) => `  ${key}: {from: ${range(key)[0]}, to: ${range(key)[1]}}`);
    const loaded = load(sweepText('parameters:', ...lines(most), 'design: sobol', 'samples: 4'));
    expect(loaded.sweep.parameters.map((p) => p.key)).toEqual(most);
    const over = SWEEPABLE_KEYS.slice(0, most.length + 1);
    expectFailure(
      sweepText('parameters:', ...lines(over), 'design: sobol', 'samples: 4'),
      'sweep-invalid',
      sweepMessage.tooManySobolParameters(at(3, 3), over.length, most.length),
    );
  });
});

describe('keys and values', () => {
  it('names a misspelt parameter and the key it was meant to be', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carot: [0, 1]'),
      'unknown-key',
      scenarioMessage.unknownKey(
        at(3, 3),
        'parameters.policy.carot',
        'policy.carot',
        SWEEPABLE_KEYS,
        'parameters.policy.carrot',
        'sweeps/schema.json',
      ),
    );
  });

  it('suggests the full key for a lever written without its heading', () => {
    expectFailure(
      sweepText('parameters:', '  competition: [0, 1]'),
      'unknown-key',
      scenarioMessage.unknownKey(
        at(3, 3),
        'parameters.competition',
        'competition',
        SWEEPABLE_KEYS,
        'parameters.market.competition',
        'sweeps/schema.json',
      ),
    );
  });

  it('names a misspelt top-level key', () => {
    const allowed = [
      '$schema',
      'name',
      'description',
      'scenario',
      'parameters',
      'design',
      'samples',
      'levels',
      'replicates',
      'seed',
      'record',
    ];
    expectFailure(
      sweepText(...CARROT, 'replicate: 3'),
      'unknown-key',
      scenarioMessage.unknownKey(at(4, 1), 'replicate', 'replicate', allowed, 'replicates', 'sweeps/schema.json'),
    );
  });

  it('gives a value out of its key’s range the scenario’s own message, placed at the value in the sweep file', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carrot: [0, 1.5]'),
      'out-of-range',
      scenarioMessage.outOfRange(at(3, 22), 'policy.carrot', 'a number from 0 to 1', '1.5'),
    );
  });

  it('checks both ends of a range against the key, at the end that is wrong', () => {
    expectFailure(
      sweepText('parameters:', '  trust.sensitivity: {from: 0, to: 10}', 'design: random', 'samples: 4'),
      'out-of-range',
      scenarioMessage.outOfRange(at(3, 29), 'trust.sensitivity', 'a number above 0 and at most 50', '0'),
    );
    expectFailure(
      sweepText('parameters:', '  market.competition: {from: 0, to: 2, steps: 3}'),
      'out-of-range',
      scenarioMessage.outOfRange(at(3, 37), 'market.competition', 'a number from 0 to 1', '2'),
    );
  });

  it('reports a parameter of the wrong type', () => {
    const either = 'a list of one or more numbers, or a mapping {from, to, steps}';
    expectFailure(
      sweepText('parameters:', '  policy.carrot: high'),
      'wrong-type',
      scenarioMessage.wrongType(at(3, 18), 'parameters.policy.carrot', either, 'the text "high"'),
    );
    expectFailure(
      sweepText('parameters:', '  policy.carrot: [0, "x"]'),
      'wrong-type',
      scenarioMessage.wrongType(at(3, 22), 'parameters.policy.carrot[1]', 'a number', 'the text "x"'),
    );
  });

  it('reports an empty list of values', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carrot: []'),
      'wrong-type',
      scenarioMessage.wrongType(at(3, 18), 'parameters.policy.carrot', 'a list of one or more numbers', 'an empty list'),
    );
  });

  it('reports other keys of the wrong type or out of range', () => {
    const designs = 'one of "grid", "random", "lhs", "sobol", "morris"';
    expectFailure(
      sweepText(...CARROT, 'design: fractal'),
      'wrong-type',
      scenarioMessage.wrongType(at(4, 9), 'design', designs, 'the text "fractal"'),
    );
    expectFailure(
      sweepText(...CARROT, 'replicates: 1.5'),
      'wrong-type',
      scenarioMessage.wrongType(at(4, 13), 'replicates', 'a whole number from 1 to 100000', '1.5'),
    );
    expectFailure(
      sweepText(...CARROT, 'replicates: 0'),
      'out-of-range',
      scenarioMessage.outOfRange(at(4, 13), 'replicates', 'a whole number from 1 to 100000', '0'),
    );
    expectFailure(
      sweepText(...CARROT, 'seed: -1'),
      'out-of-range',
      scenarioMessage.outOfRange(at(4, 7), 'seed', 'a whole number from 0 to 4294967295', '-1'),
    );
    expectFailure(
      'scenario: 5\nparameters:\n  policy.carrot: [0]\n',
      'wrong-type',
      scenarioMessage.wrongType(at(1, 11), 'scenario', 'non-empty text', '5'),
    );
    expectFailure('parameters:\n  policy.carrot: [0]\n', 'wrong-type', sweepMessage.sweepWithoutScenario(at(1, 1)));
    expectFailure(
      sweepText(...CARROT, 'record:', '  timeseries: {steps: [0]}'),
      'out-of-range',
      scenarioMessage.outOfRange(at(5, 24), 'record.timeseries.steps[0]', 'a whole number, 1 or more', '0'),
    );
    expectFailure(
      sweepText('parameters:', '  policy.carrot: {from: 0, to: 1, steps: 1}'),
      'out-of-range',
      scenarioMessage.outOfRange(at(3, 42), 'parameters.policy.carrot.steps', 'a whole number from 2 to 10000', '1'),
    );
  });

  it('reports an unknown metric (test/sweep/record-forms.test.ts: with the closest name)', () => {
    expectFailure(
      sweepText(...CARROT, 'record:', '  metrics: [goodwill]'),
      'sweep-invalid',
      sweepMessage.unknownRecordMetric(at(5, 13), 'goodwill', METRIC_NAMES, TIMESERIES_FIELDS),
    );
  });
});

describe('what the schema cannot say', () => {
  it('refuses a sweep that varies nothing', () => {
    expectFailure(sweepText('parameters: {}'), 'sweep-invalid', sweepMessage.sweepWithoutParameters(at(2, 13)));
  });

  it('refuses a reversed range, and an empty one', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carrot: {from: 0.5, to: 0.2, steps: 3}'),
      'sweep-invalid',
      sweepMessage.rangeNotIncreasing(at(3, 34), 'policy.carrot', 0.5, 0.2),
    );
    expectFailure(
      sweepText('parameters:', '  policy.carrot: {from: 0.5, to: 0.5}', 'design: lhs', 'samples: 4'),
      'sweep-invalid',
      sweepMessage.rangeNotIncreasing(at(3, 34), 'policy.carrot', 0.5, 0.5),
    );
  });

  it('refuses steps on a sampled design, at the steps', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carrot: {from: 0, to: 0.5, steps: 3}', 'design: lhs', 'samples: 4'),
      'sweep-invalid',
      sweepMessage.stepsOnlyForGrid(at(3, 44), 'policy.carrot', 'lhs'),
    );
  });

  it('refuses a grid range without steps, at the range', () => {
    expectFailure(
      sweepText('parameters:', '  policy.carrot: {from: 0, to: 0.5}'),
      'sweep-invalid',
      sweepMessage.gridRangeWithoutSteps(at(3, 18), 'policy.carrot', 0, 0.5),
    );
  });

  it('refuses samples on a grid, whether the grid is written or the default', () => {
    expectFailure(sweepText(...CARROT, 'samples: 10'), 'sweep-invalid', sweepMessage.samplesNotForGrid(at(4, 10)));
    expectFailure(sweepText(...CARROT, 'design: grid', 'samples: 10'), 'sweep-invalid', sweepMessage.samplesNotForGrid(at(5, 10)));
  });

  it.each(['random', 'lhs', 'sobol', 'morris'])('refuses design %s without samples, at the design', (design) => {
    expectFailure(sweepText(...CARROT, `design: ${design}`), 'sweep-invalid', sweepMessage.samplesRequired(at(4, 9), design));
  });

  it('refuses levels outside a Morris design', () => {
    expectFailure(sweepText(...CARROT, 'levels: 4'), 'sweep-invalid', sweepMessage.levelsOnlyForMorris(at(4, 9), 'grid'));
    expectFailure(
      sweepText(...CARROT, 'design: lhs', 'samples: 4', 'levels: 4'),
      'sweep-invalid',
      sweepMessage.levelsOnlyForMorris(at(6, 9), 'lhs'),
    );
  });

  it('refuses an odd number of Morris levels, and fewer than two', () => {
    expectFailure(
      sweepText(...CARROT, 'design: morris', 'samples: 4', 'levels: 5'),
      'sweep-invalid',
      sweepMessage.morrisLevelsOdd(at(6, 9), 5),
    );
    expectFailure(
      sweepText(...CARROT, 'design: morris', 'samples: 4', 'levels: 1'),
      'out-of-range',
      scenarioMessage.outOfRange(at(6, 9), 'levels', 'a whole number from 2 to 100', '1'),
    );
  });

  it('refuses a time-series step after the base scenario’s last, at that step', () => {
    expectFailure(
      sweepText(...CARROT, 'record:', '  timeseries: {steps: [3, 13]}'),
      'sweep-invalid',
      sweepMessage.recordStepBeyondRun(at(5, 27), 'record.timeseries.steps', 13, 12),
    );
  });
});

describe('files', () => {
  it('reports a missing sweep file', () => {
    const host = createMemoryHost({ [SCENARIO]: tinyScenario() });
    expect(() => loadSweep('sweeps/gone.yaml', host)).toThrow(
      expect.objectContaining({ code: 'file-missing', message: sweepMessage.sweepFileMissing('sweeps/gone.yaml') }),
    );
  });

  it('reports a missing base scenario at the sweep’s scenario key, naming the resolved path', () => {
    expectFailure(
      'scenario: ../scenarios/missing.yaml\nparameters:\n  policy.carrot: [0]\n',
      'file-missing',
      scenarioMessage.baseScenarioMissing(at(1, 11), 'scenarios/missing.yaml', SWEEP),
    );
  });

  it('leaves a problem inside the base scenario to name the scenario file', () => {
    const bad = 'scenarios/bad.yaml';
    expectFailure(
      sweepText(...CARROT).replace('tiny.yaml', 'bad.yaml'),
      'out-of-range',
      scenarioMessage.outOfRange(scenarioMessage.fileLocation(bad, 2, 11), 'policy.carrot', 'a number from 0 to 1', '7'),
      { [bad]: 'policy:\n  carrot: 7\n' },
    );
  });

  it('places a problem in a JSON sweep file at its line and column', () => {
    const path = 'sweeps/bad.json';
    expectFailure(
      '{\n  "scenario": "../scenarios/tiny.yaml",\n  "parameters": {"policy.carrot": [0, 1.5]}\n}\n',
      'out-of-range',
      scenarioMessage.outOfRange(at(3, 39, path), 'policy.carrot', 'a number from 0 to 1', '1.5'),
      {},
      path,
    );
  });
});

describe('the sweep hash', () => {
  const base = sweepText(
    'name: h',
    'description: one',
    'parameters:',
    '  policy.carrot: [0, 0.5]',
    'replicates: 2',
    'seed: 7',
    'record:',
    '  metrics: [meanTrustAtEnd]',
  );
  const hashOf = (text: string, scenario = tinyScenario()) => load(text, { [SCENARIO]: scenario }).hash;
  const reference = hashOf(base);

  it('is a 128-bit hex digest, the same for the same sweep', () => {
    expect(reference).toMatch(/^[0-9a-f]{32}$/);
    expect(hashOf(base)).toBe(reference);
  });

  it.each([
    ['a parameter’s values', ['  policy.carrot: [0, 0.5]', '  policy.carrot: [0, 0.6]']],
    ['another parameter', ['  policy.carrot: [0, 0.5]', '  policy.carrot: [0, 0.5]\n  policy.stick: [1]']],
    ['the design', ['replicates: 2', 'design: random\nsamples: 2\nreplicates: 2']],
    ['the replicates', ['replicates: 2', 'replicates: 3']],
    ['the seed', ['seed: 7', 'seed: 8']],
    ['the metrics recorded', ['metrics: [meanTrustAtEnd]', 'metrics: [survival3y]']],
    ['a time series recorded', ['metrics: [meanTrustAtEnd]', 'metrics: [meanTrustAtEnd]\n  timeseries: {steps: [12]}']],
  ])('changes with %s', (_, [from, to]) => {
    const changed = base.replace(from, to);
    expect(changed).not.toBe(base);
    expect(hashOf(changed)).not.toBe(reference);
  });

  it('changes with the base scenario', () => {
    expect(hashOf(base, tinyScenario({ steps: 13 }))).not.toBe(reference);
    expect(hashOf(base, tinyScenario() + 'policy: {stick: 0.1}\n')).not.toBe(reference);
  });

  it('changes when the seed comes from a scenario with another seed', () => {
    const unseeded = base.replace('seed: 7\n', '');
    expect(hashOf(unseeded)).not.toBe(hashOf(unseeded, tinyScenario().replace('seed: 5', 'seed: 6')));
  });

  it('does not change with the name or the description', () => {
    expect(hashOf(base.replace('name: h', 'name: other').replace('description: one', 'description: two'))).toBe(reference);
    expect(hashOf(base.replace('name: h\n', '').replace('description: one\n', ''))).toBe(reference);
  });

  it('does not change with the sweep file’s name or place', () => {
    expect(load(base, {}, 'elsewhere/other.yaml').hash).toBe(reference);
  });
});
