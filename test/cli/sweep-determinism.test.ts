// Determinism of sweeps: 1 and 2 workers, and 1, 3 or 7 shards merged in any order, give the same bytes.
import { describe, expect, it } from 'vitest';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { filesOf, tinySweep } from './sweep-fixtures.ts';

const tmp = useTempDir('sweep-determinism', { 'tiny.yaml': tinyScenario({ steps: 12 }), 'sweep.yaml': tinySweep({ replicates: 3 }) });
const sweep = tmp.path('sweep.yaml');

async function sweepInto(dir: string, ...extra: string[]): Promise<Record<string, Buffer>> {
  const result = await runCli(['sweep', sweep, '--out', tmp.path(dir), '--quiet', ...extra]);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return filesOf(tmp.path(dir));
}

function expectSameFiles(actual: Record<string, Buffer>, expected: Record<string, Buffer>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const name of Object.keys(expected)) expect(actual[name].equals(expected[name]), name).toBe(true);
}

describe('partnersim sweep determinism', { timeout: 60_000 }, () => {
  it('writes the tables, the sorted journal and the manifest, and the same bytes with 1 and 2 workers', async () => {
    const one = await sweepInto('one', '--workers', '1');
    expect(Object.keys(one).sort()).toEqual(['journal.jsonl', 'manifest.json', 'runs.csv', 'timeseries.csv']);
    expect(one['runs.csv'].toString().trim().split('\n')).toHaveLength(1 + 18);
    expect(one['timeseries.csv'].toString().trim().split('\n')).toHaveLength(1 + 18 * 2);
    expectSameFiles(await sweepInto('two', '--workers', '2'), one);
  });

  it.each([1, 3, 7])('gives the same bytes from %i shards merged, in any order', async (count) => {
    const whole = await sweepInto('whole', '--workers', '2');
    const parts = [];
    for (let i = 0; i < count; i++) {
      await sweepInto(`parts-${count}/shard-${i}`, '--workers', '1', '--shard', `${i}/${count}`);
      parts.push(tmp.path(`parts-${count}/shard-${i}`));
    }
    const reversed = await runCli(['merge', ...parts.reverse(), '--out', tmp.path(`merged-${count}`)]);
    expect(reversed.code).toBe(0);
    expectSameFiles(filesOf(tmp.path(`merged-${count}`)), whole);
    const rotated = await runCli(['merge', ...parts.slice(1), parts[0], '--out', tmp.path(`merged-${count}-again`)]);
    expect(rotated.code).toBe(0);
    expectSameFiles(filesOf(tmp.path(`merged-${count}-again`)), whole);
  });

  it.each(['parquet', 'jsonl'])('writes %s tables deterministically', async (format) => {
    const first = await sweepInto(`${format}-1`, '--format', format, '--workers', '2');
    expect(Object.keys(first)).toContain(`runs.${format}`);
    expectSameFiles(await sweepInto(`${format}-2`, '--format', format, '--workers', '1'), first);
  });

  it('takes the shard index from SLURM_ARRAY_TASK_ID with --shard auto/N', async () => {
    const explicit = await sweepInto('explicit', '--shard', '1/3', '--workers', '1');
    const result = await runCli(['sweep', sweep, '--out', tmp.path('auto'), '--quiet', '--shard', 'auto/3', '--workers', '1'], {
      env: { SLURM_ARRAY_TASK_ID: '1' },
    });
    expect(result.code).toBe(0);
    expectSameFiles(filesOf(tmp.path('auto')), explicit);
  });
});
