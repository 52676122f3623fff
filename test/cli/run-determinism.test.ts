// Determinism: the same scenario and seed give byte-identical result files; another seed gives other results.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_FILES } from '../../src/results/run-files.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

const tmp = useTempDir('determinism', { 'tiny.yaml': tinyScenario({ steps: 24 }) });
const file = tmp.path('tiny.yaml');

// Runs into the same directory each time (so that the recorded arguments match; --force, as results of other inputs
// are moved aside rather than replaced) and returns the files' bytes.
async function runFiles(...extra: string[]): Promise<Record<string, Buffer>> {
  const dir = tmp.path('out');
  expect((await runCli(['run', file, '--out', dir, '--force', ...extra])).code).toBe(0);
  return Object.fromEntries(RESULT_FILES.map((name) => [name, readFileSync(join(dir, name))]));
}

describe('partnersim run determinism', { timeout: 60_000 }, () => {
  it('gives byte-identical files for the same scenario and seed', async () => {
    const first = await runFiles('--seed', '11');
    const second = await runFiles('--seed', '11');
    for (const name of RESULT_FILES) expect(second[name].equals(first[name]), name).toBe(true);
  });

  it('gives byte-identical files for the same replicates', async () => {
    const first = await runFiles('--reps', '2');
    const second = await runFiles('--reps', '2');
    for (const name of RESULT_FILES) expect(second[name].equals(first[name]), name).toBe(true);
  });

  it('gives different results for different seeds', async () => {
    const first = await runFiles('--seed', '11');
    const second = await runFiles('--seed', '12');
    expect(second['summary.json'].equals(first['summary.json'])).toBe(false);
    expect(second['timeseries.csv'].equals(first['timeseries.csv'])).toBe(false);
    expect(second['events.jsonl'].equals(first['events.jsonl'])).toBe(false);
  });
});
