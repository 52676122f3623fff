// A run that throws is recorded with its error while the others go on; the command names the failed runs and a
// second attempt runs only those again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { FAILING_RUNNER, filesOf, tinySweep } from './sweep-fixtures.ts';

const tmp = useTempDir('sweep-failures', { 'tiny.yaml': tinyScenario({ steps: 12 }), 'sweep.yaml': tinySweep({ replicates: 2 }) });
const sweep = tmp.path('sweep.yaml');

describe('a sweep with failing runs', { timeout: 60_000 }, () => {
  it('records the failures, finishes the other runs, exits 1 naming the failed runs and how to rerun them', async () => {
    const dir = tmp.path('failing');
    const result = await runCli(['sweep', sweep, '--out', dir, '--workers', '2', '--quiet'], { sweepRunner: FAILING_RUNNER });
    expect(result.code).toBe(1);
    // Point 1 (carrot 0, competition 0.6) holds runs 2 and 3.
    expect(result.err).toBe(message.errorLine(message.sweepRunsFailed([2, 3], 12, dir, 'Error: planted failure in run 2')) + '\n');
    const rows = readFileSync(`${dir}/runs.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.map((row) => row[6])).toEqual(['ok', 'ok', 'failed', 'failed', ...Array(8).fill('ok')]);
    expect(rows[2][7]).toBe('Error: planted failure in run 2');
    expect(rows[2].slice(8).every((cell) => cell === '')).toBe(true);
    expect(rows[4].slice(8).some((cell) => cell !== '')).toBe(true);
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ status: 'complete', finished: 12, failed: [2, 3] });
    expect(readFileSync(`${dir}/journal.jsonl`, 'utf8')).toContain('at Object.get time');
  });

  it('runs only the failed runs again on the next attempt, giving what a clean sweep gives', async () => {
    const dir = tmp.path('retried');
    await runCli(['sweep', sweep, '--out', dir, '--workers', '1', '--quiet'], { sweepRunner: FAILING_RUNNER });
    const retry = await runCli(['sweep', sweep, '--out', dir, '--workers', '1']);
    expect(retry.code).toBe(0);
    expect(retry.out).toBe(message.sweepFinished('tiny-sweep', 'the whole sweep', 12, 2, 10, 0, dir) + '\n');
    const clean = tmp.path('clean');
    expect((await runCli(['sweep', sweep, '--out', clean, '--workers', '2', '--quiet'])).code).toBe(0);
    const [a, b] = [filesOf(dir), filesOf(clean)];
    for (const name of Object.keys(b)) expect(a[name].equals(b[name]), name).toBe(true);
  });
});
