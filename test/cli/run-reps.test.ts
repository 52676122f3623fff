// `partnersim run --reps 3`: the aggregated summary, replicate columns and fields, progress on stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import { PARTNERSHIP_COLUMNS, TIMESERIES_COLUMNS } from '../../src/results/run-files.ts';
import { replicateDone } from '../../src/cli/messages.ts';
import { replicateSeed } from '../../src/random.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

const tmp = useTempDir('reps', { 'tiny.yaml': tinyScenario({ steps: 12 }) });
const dir = tmp.path('out');
let code: number;
let out: string;
let err: string;
beforeAll(async () => {
  ({ code, out, err } = await runCli(['run', tmp.path('tiny.yaml'), '--reps', '3', '--out', dir]));
});

const seeds = [0, 1, 2].map((r) => replicateSeed(5, r));

describe('partnersim run --reps 3', () => {
  it('summarises each metric over the replicates', () => {
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(Object.keys(summary)).toEqual(['scenario', 'seed', 'steps', 'organisations', 'metrics', 'areas', 'replicates', 'work']);
    expect(summary.seed).toBe(5);
    expect(Object.keys(summary.metrics)).toEqual([...METRIC_NAMES]);
    const formed = summary.metrics.partnershipsFormed;
    const values = summary.replicates.map((replicate: { metrics: { partnershipsFormed: number } }) => replicate.metrics.partnershipsFormed);
    expect(formed.mean).toBeCloseTo((values[0] + values[1] + values[2]) / 3, 12);
    expect(formed.ci95[0]).toBeLessThanOrEqual(formed.mean);
    expect(summary.replicates.map((replicate: { replicate: number; seed: number }) => [replicate.replicate, replicate.seed])).toEqual(
      seeds.map((seed, r) => [r, seed]),
    );
  });

  it('records the master seed and one seed per replicate', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ masterSeed: 5, reps: 3, seeds });
  });

  it('leads the CSV files with a replicate column and each event with a replicate field', () => {
    const timeseries = readFileSync(join(dir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(timeseries[0]).toBe(TIMESERIES_COLUMNS.map((column) => column.name).join(','));
    expect(timeseries).toHaveLength(1 + 3 * 12);
    expect(new Set(timeseries.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(['0', '1', '2']));
    expect(readFileSync(join(dir, 'partnerships.csv'), 'utf8').split('\n')[0]).toBe(
      PARTNERSHIP_COLUMNS.map((column) => column.name).join(','),
    );
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.every((event) => Object.keys(event)[0] === 'replicate')).toBe(true);
  });

  it('prints means with 95% intervals, and progress on stderr', () => {
    expect(out).toContain('master seed 5, 3 replicates');
    expect(out).toContain('mean [95% interval]');
    expect(err).toBe(seeds.map((seed, r) => replicateDone(r + 1, 3, seed) + '\n').join(''));
  });
});
