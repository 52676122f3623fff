// What a sweep records beyond the summary metrics: any time-series field at a named step or as a mean over a window of
// steps, the time series every N steps; the values each run records and the runs table's columns; and each misspelt
// name or step outside the run refused at its file:line:column, with the closest name.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { isPartnersimError, type ErrorCode } from '../../src/errors.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import * as scenarioMessage from '../../src/scenario/messages.ts';
import { loadSweep, type LoadedSweep } from '../../src/sweep/load.ts';
import * as sweepMessage from '../../src/sweep/messages.ts';
import { recordedValue, recordRun, sweepTables, timeseriesField } from '../../src/sweep/record.ts';
import { metricColumn, TIMESERIES_FIELDS } from '../../src/sweep/schema.ts';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import { tinyScenario } from '../cli/fixtures.ts';

const SWEEP = 'sweeps/tiny-sweep.yaml';
const SCENARIO = 'scenarios/tiny.yaml';
const at = (line: number, col: number) => scenarioMessage.fileLocation(SWEEP, line, col);
const sweepText = (...lines: string[]) =>
  ['scenario: ../scenarios/tiny.yaml', 'parameters:', '  policy.carrot: [0, 0.5]', ...lines, ''].join('\n');
const load = (text: string): LoadedSweep => loadSweep(SWEEP, createMemoryHost({ [SCENARIO]: tinyScenario(), [SWEEP]: text }));

function expectFailure(text: string, code: ErrorCode, expected: string): void {
  try {
    load(text);
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    expect(error.message).toBe(expected);
    expect(error.code).toBe(code);
    return;
  }
  expect.fail(`the sweep loaded without error:\n${text}`);
}

describe('record.metrics', () => {
  it('takes a summary metric, a field at a step and a field over a window, once each, in the order written', () => {
    const loaded = load(
      sweepText(
        'record:',
        '  metrics:',
        '    - survival5y',
        '    - {field: density, step: 12}',
        '    - {field: meanTrust, window: [7, 12]}',
        '    - {field: density, step: 12}',
      ),
    );
    expect(loaded.sweep.record.metrics).toEqual(['survival5y', { field: 'density', step: 12 }, { field: 'meanTrust', window: [7, 12] }]);
    expect(loaded.sweep.record.metrics.map(metricColumn)).toEqual(['survival5y', 'density_step12', 'meanTrust_mean7to12']);
  });

  it('records the field at the step, and its mean over the window with both ends included', () => {
    const { scenario, sweep } = load(
      sweepText(
        'record:',
        '  metrics: [participationAtEnd, {field: components, step: 3}, {field: meanTrust, window: [4, 6]}, {field: active, window: [12, 12]}]',
      ),
    );
    const run = { index: 0, point: 0, replicate: 0, seed: 77 };
    const record = recordRun(run, scenario, sweep.record);
    const result = runScenario(scenario, { seed: 77 });
    const rows = result.timeseries;
    const meanTrust = (rows[3].meanTrust + rows[4].meanTrust + rows[5].meanTrust) / 3;
    expect(record).toMatchObject({
      status: 'ok',
      metrics: [result.metrics.participationAtEnd, rows[2].network.components, meanTrust, rows[11].active],
    });
    expect(recordedValue(result, { field: 'meanTrust', window: [4, 6] })).toBe(meanTrust);
    const tables = sweepTables(sweep, [{ index: 0, key: 'policy.carrot=0', values: [0] }], [record], 12);
    expect(tables.runs.columns.slice(-4)).toEqual([
      { name: 'participationAtEnd', type: 'float' },
      { name: 'components_step3', type: 'int' },
      { name: 'meanTrust_mean4to6', type: 'float' },
      { name: 'active_mean12to12', type: 'float' },
    ]);
  });

  it('refuses an unknown metric at its place, with the closest name', () => {
    expectFailure(
      sweepText('record:', '  metrics: [survival5y, survivl3y]'),
      'sweep-invalid',
      sweepMessage.unknownRecordMetric(at(5, 25), 'survivl3y', METRIC_NAMES, TIMESERIES_FIELDS, 'survival3y'),
    );
    expect(sweepMessage.unknownRecordMetric('f:1:1', 'survivl3y', METRIC_NAMES, TIMESERIES_FIELDS, 'survival3y')).toContain(
      'did you mean survival3y?',
    );
  });

  it('tells a time-series field written alone how to ask for it', () => {
    const text = sweepMessage.unknownRecordMetric(at(5, 13), 'density', METRIC_NAMES, TIMESERIES_FIELDS, 'density');
    expectFailure(sweepText('record:', '  metrics: [density]'), 'sweep-invalid', text);
    expect(text).toContain('{field: density, step: 120}');
  });

  it('refuses an unknown field at its place, with the closest name', () => {
    expectFailure(
      sweepText('record:', '  metrics: [{field: densty, step: 3}]'),
      'sweep-invalid',
      sweepMessage.unknownRecordField(at(5, 21), 'record.metrics field', 'densty', TIMESERIES_FIELDS, 'density'),
    );
    expectFailure(
      sweepText('record:', '  timeseries: {steps: [3], fields: [active, brokerag]}'),
      'sweep-invalid',
      sweepMessage.unknownRecordField(at(5, 45), 'record.timeseries.fields', 'brokerag', TIMESERIES_FIELDS, 'brokerage'),
    );
  });

  it('refuses a step or a window beyond the run, and a window that ends before it starts', () => {
    expectFailure(
      sweepText('record:', '  metrics: [{field: density, step: 13}]'),
      'sweep-invalid',
      sweepMessage.recordStepBeyondRun(at(5, 36), 'record.metrics step', 13, 12),
    );
    expectFailure(
      sweepText('record:', '  metrics: [{field: density, window: [3, 20]}]'),
      'sweep-invalid',
      sweepMessage.recordStepBeyondRun(at(5, 42), 'record.metrics window', 20, 12),
    );
    expectFailure(
      sweepText('record:', '  metrics: [{field: density, window: [6, 3]}]'),
      'sweep-invalid',
      sweepMessage.windowNotIncreasing(at(5, 38), 6, 3),
    );
  });

  it('refuses a step before the first as the schema does', () => {
    expectFailure(
      sweepText('record:', '  metrics: [{field: density, step: 0}]'),
      'out-of-range',
      scenarioMessage.outOfRange(at(5, 36), 'record.metrics[0].step', 'a whole number, 1 or more', '0'),
    );
  });
});

describe('record.timeseries.steps', () => {
  it('takes every: N as every N steps up to the last', () => {
    expect(load(sweepText('record:', '  timeseries: {steps: {every: 5}}')).sweep.record.timeseries?.steps).toEqual([5, 10]);
    expect(load(sweepText('record:', '  timeseries: {steps: {every: 12}}')).sweep.record.timeseries?.steps).toEqual([12]);
  });

  it('refuses every: N longer than the run', () => {
    expectFailure(
      sweepText('record:', '  timeseries: {steps: {every: 13}}'),
      'sweep-invalid',
      sweepMessage.recordStepBeyondRun(at(5, 31), 'record.timeseries.steps.every', 13, 12),
    );
  });

  it('records the network measures as any other field', () => {
    const { scenario, sweep } = load(sweepText('record:', '  timeseries: {steps: {every: 6}, fields: [density, brokerage]}'));
    const record = recordRun({ index: 0, point: 0, replicate: 0, seed: 3 }, scenario, sweep.record);
    const rows = runScenario(scenario, { seed: 3 }).timeseries;
    expect(record).toMatchObject({
      timeseries: [6, 12].map((step) => [step, timeseriesField(rows[step - 1], 'density'), timeseriesField(rows[step - 1], 'brokerage')]),
    });
  });
});
