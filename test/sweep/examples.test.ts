// The shipped sweeps (sweeps/*.yaml): each loads, says what it asks and its design's source, expands to the number of
// runs its header states with every point inside its ranges; the first runs of the grid sweep run and record.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { expandSweep, pointScenario } from '../../src/sweep/expand.ts';
import { loadSweep } from '../../src/sweep/load.ts';
import { recordRun } from '../../src/sweep/record.ts';

const SWEEPS_DIR = fileURLToPath(new URL('../../sweeps/', import.meta.url));
const FILES = readdirSync(SWEEPS_DIR)
  .filter((file) => /\.(ya?ml|json)$/.test(file) && file !== 'schema.json')
  .sort();

/** Returns the comment lines that open a sweep file, without their `# `. */
function header(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, end).map((line) => line.replace(/^# ?/, ''));
}

describe('the shipped sweeps', () => {
  it("include a grid, a Latin hypercube, a Sobol and a Morris sweep, and the Morris screening of the model's parameters", () => {
    expect(FILES).toEqual([
      'carrot-by-competition.yaml',
      'levers-lhs.yaml',
      'levers-morris.yaml',
      'levers-sobol.yaml',
      'params-morris.yaml',
    ]);
  });
});

describe.each(FILES)('sweeps/%s', (file) => {
  const path = `${SWEEPS_DIR}${file}`;
  const text = readFileSync(path, 'utf8');

  it('opens with a header saying what it asks, its design and its source, and points editors at the schema', () => {
    const lines = header(text);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).toMatch(/^Design: .*\(.*\d{4}.*\)|^Design: a full factorial grid/m);
    expect(lines.join('\n')).toMatch(/^Runs: \d+ /m);
    expect(text).toMatch(/^\$schema: \.\/schema\.json$/m);
  });

  it('loads, named after its file, over a shipped scenario', () => {
    const loaded = loadSweep(path, nodeHost);
    expect(loaded.sweep.name).toBe(file.replace(/\.ya?ml$|\.json$/, ''));
    expect(loaded.sweep.description.length).toBeGreaterThan(0);
    expect(loaded.sweep.scenario).toBe(fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url)));
  });

  it('expands to the number of runs its header states, each point inside its ranges', () => {
    const loaded = loadSweep(path, nodeHost);
    const stated = Number(/^Runs: (\d+) /m.exec(header(text).join('\n'))?.[1]);
    const plan = expandSweep(loaded);
    expect(plan.runs).toHaveLength(stated);
    // About a minute of baseline runs on one core at most. The screening of every parameter is the largest; then the
    // Sobol' sweep: fewer than 256 base samples leave intervals too wide to rank five levers.
    expect(plan.runs.length, 'a shipped sweep should stay modest').toBeLessThanOrEqual(3000);
    expect(new Set(plan.runs.map((run) => run.seed)).size).toBe(plan.runs.length);
    const outside = plan.points.flatMap((point) =>
      loaded.sweep.parameters.flatMap((parameter, i) => {
        const value = point.values[i];
        const inside = parameter.kind === 'values' ? parameter.values.includes(value) : value >= parameter.from && value <= parameter.to;
        return inside ? [] : [`${point.key}: ${parameter.key} = ${value}`];
      }),
    );
    expect(outside).toEqual([]);
  });
});

describe('sweeps/carrot-by-competition.yaml runs', () => {
  it('records its first two runs (point 0, replicates 0 and 1) in-process, with the time series it asks for', () => {
    const loaded = loadSweep(`${SWEEPS_DIR}carrot-by-competition.yaml`, nodeHost);
    const { sweep } = loaded;
    const plan = expandSweep(loaded);
    expect(plan.points[0].values).toEqual([0, 0]);
    const records = plan.runs.slice(0, 2).map((run) => {
      const scenario = pointScenario(loaded.scenarioInput, loaded.scenario.name, sweep.parameters, plan.points[run.point].values);
      expect(scenario.policy.carrot).toEqual([{ from: 0, value: 0 }]);
      expect(scenario.market.competition).toEqual([{ from: 0, value: 0 }]);
      return recordRun(run, scenario, sweep.record);
    });
    expect(records.map((r) => [r.index, r.point, r.replicate])).toEqual([
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(records[0].seed).not.toBe(records[1].seed);
    for (const record of records) {
      if (record.status !== 'ok') expect.fail(`run ${record.index} failed: ${record.error}`);
      expect(record.metrics).toHaveLength(sweep.record.metrics.length);
      expect(record.timeseries.map((row) => row[0])).toEqual([12, 36, 60, 120]);
      for (const row of record.timeseries) expect(row).toHaveLength(1 + (sweep.record.timeseries?.fields.length ?? 0));
    }
  });
});
