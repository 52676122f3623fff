// partnersim analyse: a finished sweep read as the inputs and outputs of Sobol', Morris or PRIM, one directory with
// analysis.json, the charts and report.html; the refusals (a design that does not fit, a shard, an unfinished sweep,
// a metric not recorded, PRIM without a condition); and partnersim report, which rebuilds the report from analysis.json.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestCondition } from '../../src/analysis/analyse-sweep.ts';
import { morrisEffects } from '../../src/analysis/morris.ts';
import { sobolIndices } from '../../src/analysis/sobol.ts';
import type { SweepAnalysis } from '../../src/analysis/sweep-analysis.ts';
import { parseCondition } from '../../src/cli/analyse.ts';
import { parseCsv } from '../../src/results/read-run.ts';
import { METRIC_NAMES, type MetricName } from '../../src/engine/types.ts';
import * as analysisMessage from '../../src/analysis/messages.ts';
import * as cliMessage from '../../src/cli/messages.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { filesOf } from './sweep-fixtures.ts';

const PARAMETERS = `parameters:
  policy.carrot: {from: 0, to: 1}
  market.competition: {from: 0, to: 1}
  localAuthority.support: {from: 0, to: 1}`;

const tmp = useTempDir('analyse', {
  'tiny.yaml': tinyScenario({ steps: 48 }),
  'sobol.yaml': `name: tiny-sobol\nscenario: tiny.yaml\n${PARAMETERS}\ndesign: sobol\nsamples: 8\n`,
  'morris.yaml': `name: tiny-morris\nscenario: tiny.yaml\n${PARAMETERS}\ndesign: morris\nsamples: 4\nreplicates: 2\n`,
  'lhs.yaml': `name: tiny-lhs\nscenario: tiny.yaml\n${PARAMETERS}\ndesign: lhs\nsamples: 24\nrecord: {metrics: [partnershipsFormed, participationAtEnd, survival5y]}\n`,
});

const analysisIn = (dir: string): SweepAnalysis => JSON.parse(readFileSync(`${dir}/analysis.json`, 'utf8'));

/** Returns each point's mean of a metric over its replicates, from the sweep's runs.csv (NaN when none measured it). */
function pointMeansFromCsv(dir: string, metric: MetricName): { values: number[][]; y: Float64Array } {
  const [header, ...rows] = parseCsv(readFileSync(`${dir}/runs.csv`, 'utf8')).filter((row) => row.length > 1);
  const column = (name: string) => header.indexOf(name);
  const points = new Map<number, { values: number[]; sum: number; count: number }>();
  for (const row of rows) {
    const point = Number(row[column('point')]);
    const entry = points.get(point) ?? {
      values: ['policy.carrot', 'market.competition', 'localAuthority.support'].map((key) => Number(row[column(key)])),
      sum: 0,
      count: 0,
    };
    const cell = row[column(metric)];
    if (cell !== null) {
      entry.sum += Number(cell);
      entry.count += 1;
    }
    points.set(point, entry);
  }
  const ordered = [...points.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  return {
    values: ordered.map((entry) => entry.values),
    y: Float64Array.from(ordered, (entry) => (entry.count === 0 ? Number.NaN : entry.sum / entry.count)),
  };
}

describe('partnersim analyse', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    for (const name of ['sobol', 'morris', 'lhs']) {
      const result = await runCli(['sweep', tmp.path(`${name}.yaml`), '--workers', '1', '--out', tmp.path(name), '--quiet']);
      expect(result.code, result.err).toBe(0);
    }
  }, 120_000);

  it("gives a sobol design's first- and total-order indices of every recorded metric, the chosen one first, as sobolIndices does on the runs", async () => {
    const out = tmp.path('sobol-analysis');
    const result = await runCli(['analyse', tmp.path('sobol'), '--metric', 'partnershipsFormed', '--resamples', '200', '--out', out]);
    expect(result.code, result.err).toBe(0);
    const analysis = analysisIn(out);
    expect(analysis.method).toBe('sobol');
    expect(analysis.metric).toBe('partnershipsFormed');
    expect(analysis.sweep).toMatchObject({ name: 'tiny-sobol', design: 'sobol', samples: 8, points: 40, runs: 40, failed: 0 });
    expect(analysis.parameters.map((p) => [p.key, p.low, p.high])).toEqual([
      ['policy.carrot', 0, 1],
      ['market.competition', 0, 1],
      ['localAuthority.support', 0, 1],
    ]);
    if (analysis.method !== 'sobol') throw new Error('not sobol');
    expect(analysis.results[0].metric).toBe('partnershipsFormed');
    expect(analysis.results).toHaveLength(METRIC_NAMES.length);
    // The same numbers from runs.csv, read independently: point order is the Saltelli layout.
    const expected = sobolIndices(pointMeansFromCsv(tmp.path('sobol'), 'partnershipsFormed').y, 3, { resamples: 200, seed: 5 });
    expect(JSON.parse(JSON.stringify(analysis.results[0].result))).toEqual(JSON.parse(JSON.stringify(expected)));
    for (const name of ['report.html', 'manifest.json', 'charts/sobol-indices.svg', 'charts/sobol-indices.png'])
      expect(existsSync(`${out}/${name}`), name).toBe(true);
    expect(JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8'))).toMatchObject({
      kind: 'partnersim analysis',
      method: 'sobol',
      metric: 'partnershipsFormed',
      sweepDir: tmp.path('sobol'),
    });
    expect(result.out.trim().endsWith(`report written to ${out}/report.html (analysis.json and charts/ beside it)`)).toBe(true);
  });

  it('gives the same bytes when run again, and partnersim report rebuilds them from analysis.json', async () => {
    const a = tmp.path('again');
    const analyse = () => runCli(['analyse', tmp.path('sobol'), '--resamples', '100', '--out', a, '--quiet']);
    expect((await analyse()).code).toBe(0);
    const first = { ...filesOf(a), ...filesOf(`${a}/charts`) };
    expect((await analyse()).code).toBe(0);
    expect({ ...filesOf(a), ...filesOf(`${a}/charts`) }).toEqual(first);
    const before = filesOf(a);
    writeFileSync(`${a}/report.html`, 'stale');
    const rebuilt = await runCli(['report', a]);
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(filesOf(a)).toEqual(before);
  });

  it("reads a morris design's trajectories in the unit cube: mu* and sigma as morrisEffects gives them on the runs", async () => {
    const out = tmp.path('morris-analysis');
    const result = await runCli(['analyse', tmp.path('morris'), '--metric', 'participationAtEnd', '--resamples', '100', '--out', out]);
    expect(result.code, result.err).toBe(0);
    const analysis = analysisIn(out);
    if (analysis.method !== 'morris') throw new Error(`expected morris, found ${analysis.method}`);
    const { values, y } = pointMeansFromCsv(tmp.path('morris'), 'participationAtEnd');
    expect(analysis.results[0].result).toEqual(JSON.parse(JSON.stringify(morrisEffects(values, y, { resamples: 100, seed: 5 }))));
    expect(analysis.sweep).toMatchObject({ design: 'morris', samples: 4, points: 16, replicates: 2, runs: 32 });
  });

  it('finds PRIM boxes where a condition holds, in any design, each run a case', async () => {
    const out = tmp.path('prim-analysis');
    // A condition that about half of the runs meet: at least the median number formed.
    const formed = pointMeansFromCsv(tmp.path('lhs'), 'partnershipsFormed').y;
    const median = [...formed].sort((x, y) => x - y)[Math.floor(formed.length / 2)];
    const result = await runCli(['analyse', tmp.path('lhs'), '--where', `partnershipsFormed >= ${median}`, '--out', out]);
    expect(result.code, result.err).toBe(0);
    const analysis = analysisIn(out);
    if (analysis.method !== 'prim') throw new Error(`expected prim, found ${analysis.method}`);
    expect(analysis.metric).toBe('partnershipsFormed');
    expect(analysis.condition).toEqual({ metric: 'partnershipsFormed', op: '>=', value: median });
    expect(analysis.result.n).toBe(24);
    expect(analysis.result.positives).toBe(formed.filter((value) => value >= median).length);
    expect(analysis.result.boxes.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(`${out}/charts/prim-tradeoff.svg`)).toBe(true);
  });

  it.each([
    ['sobol', ['--method', 'sobol'], analysisMessage.methodNeedsDesign('sobol', 'tiny-lhs', 'lhs')],
    ['morris', ['--method', 'morris'], analysisMessage.methodNeedsDesign('morris', 'tiny-lhs', 'lhs')],
    ['an unknown method', ['--method', 'fast'], analysisMessage.unknownMethod('fast', ['sobol', 'morris', 'prim'])],
    [
      'a metric not recorded',
      ['--metric', 'meanTrustAtEnd', '--where', 'meanTrustAtEnd > 0.5'],
      analysisMessage.metricNotRecorded('meanTrustAtEnd', 'tiny-lhs', ['partnershipsFormed', 'participationAtEnd', 'survival5y']),
    ],
    [
      'two metrics',
      ['--metric', 'survival5y', '--where', 'partnershipsFormed > 2'],
      analysisMessage.whereMetricConflict('survival5y', 'partnershipsFormed'),
    ],
    [
      'an unquoted condition',
      ['--where', 'survival5y'],
      analysisMessage.whereUnparsable('survival5y', ['partnershipsFormed', 'participationAtEnd', 'survival5y']),
    ],
  ])('refuses %s, saying what fits', async (_, options, expected) => {
    const result = await runCli(['analyse', tmp.path('lhs'), ...options, '--out', tmp.path('refused')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${cliMessage.errorLine(expected)}\n`);
    expect(existsSync(tmp.path('refused'))).toBe(false);
  });

  it('refuses PRIM without a condition, suggesting one that about a quarter of the runs meet', async () => {
    const result = await runCli(['analyse', tmp.path('lhs'), '--metric', 'partnershipsFormed']);
    expect(result.code).toBe(2);
    const formed = [...pointMeansFromCsv(tmp.path('lhs'), 'partnershipsFormed').y];
    expect(result.err).toBe(`${cliMessage.errorLine(analysisMessage.whereMissing(suggestCondition('partnershipsFormed', formed)))}\n`);
  });

  it('refuses a shard, and a sweep that has not finished', async () => {
    const shard = tmp.path('shard');
    expect((await runCli(['sweep', tmp.path('lhs.yaml'), '--shard', '0/2', '--workers', '1', '--out', shard, '--quiet'])).code).toBe(0);
    const onShard = await runCli(['analyse', shard, '--where', 'survival5y > 0.5']);
    expect(onShard.err).toBe(`${cliMessage.errorLine(analysisMessage.analyseShard(shard, 'tiny-lhs', 'shard 0/2'))}\n`);

    const unfinished = tmp.path('unfinished');
    cpSync(tmp.path('lhs'), unfinished, { recursive: true });
    const manifest = JSON.parse(readFileSync(`${unfinished}/manifest.json`, 'utf8'));
    writeFileSync(`${unfinished}/manifest.json`, JSON.stringify({ ...manifest, status: 'running' }));
    const journal = readFileSync(`${unfinished}/journal.jsonl`, 'utf8').split('\n');
    writeFileSync(`${unfinished}/journal.jsonl`, journal.slice(0, 10).join('\n') + '\n');
    const onUnfinished = await runCli(['analyse', unfinished, '--where', 'survival5y > 0.5']);
    expect(onUnfinished.code).toBe(2);
    expect(onUnfinished.err).toBe(`${cliMessage.errorLine(analysisMessage.analyseIncomplete(unfinished, 'tiny-lhs', 10, 24))}\n`);
  });
});

describe('the condition suggested to PRIM', () => {
  it.each([
    ['at or above the upper quartile', [1, 2, 3, 4, 5, 6, 7, 8, 9], { op: '>=', value: 7 }],
    ['below the lower quartile when the upper one is the largest value', [0.5, 0.7, 0.9, 1, 1, 1, 1, 1, 1], { op: '<', value: 0.9 }],
    ['at or above the median when every value is the same', [1, 1, 1], { op: '>=', value: 1 }],
  ])('is %s', (_, values, expected) => {
    expect(suggestCondition('survival5y', values)).toEqual({ metric: 'survival5y', ...expected });
  });
});

describe('a --where condition', () => {
  it.each([
    ['survival5y >= 0.6', { metric: 'survival5y', op: '>=', value: 0.6 }],
    ['participationAtEnd<.5', { metric: 'participationAtEnd', op: '<', value: 0.5 }],
    [' partnershipsFormed > 1e2 ', { metric: 'partnershipsFormed', op: '>', value: 100 }],
    ['meanTrustAtEnd <= -0.25', { metric: 'meanTrustAtEnd', op: '<=', value: -0.25 }],
  ])('reads %j', (text, expected) => {
    expect(parseCondition(text)).toEqual(expected);
  });

  it.each(['survival5y', 'survival5y = 0.6', 'survival >= 0.6', 'survival5y >= high', '>= 0.6'])('refuses %j', (text) => {
    expect(() => parseCondition(text)).toThrow(analysisMessage.whereUnparsable(text, METRIC_NAMES));
  });
});
