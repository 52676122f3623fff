// partnersim merge refuses a part from another sweep, a missing run and a duplicate, with messages that say which
// and what to do; partnersim sweep status lists missing runs and the shards to run again; a damaged file is named.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cliMessage from '../../src/cli/messages.ts';
import * as resultsMessage from '../../src/results/messages.ts';
import * as sweepMessage from '../../src/sweep/messages.ts';
import { readManifest } from '../../src/results/sweep-dir.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinySweep } from './sweep-fixtures.ts';

const tmp = useTempDir('sweep-merge', {
  'tiny.yaml': tinyScenario({ steps: 6 }),
  'sweep.yaml': tinySweep({ replicates: 1 }),
  'other.yaml': tinySweep({ replicates: 1, seed: 8 }),
});
const shard = (i: number) => tmp.path(`parts/shard-${i}`);

beforeAll(async () => {
  for (let i = 0; i < 3; i++)
    expect(
      (await runCli(['sweep', tmp.path('sweep.yaml'), '--shard', `${i}/3`, '--out', shard(i), '--workers', '1', '--quiet'])).code,
    ).toBe(0);
  expect(
    (await runCli(['sweep', tmp.path('other.yaml'), '--shard', '2/3', '--out', tmp.path('foreign'), '--workers', '1', '--quiet'])).code,
  ).toBe(0);
}, 60_000);

describe('partnersim merge', () => {
  it('merges complete parts and says so', async () => {
    const result = await runCli(['merge', shard(0), shard(1), shard(2), '--out', tmp.path('merged')]);
    expect(result).toEqual({ code: 0, out: cliMessage.mergeWritten(3, 6, tmp.path('merged')) + '\n', err: '' });
    expect(readManifest(tmp.path('merged'))).toMatchObject({ shard: null, status: 'complete', finished: 6, partRuns: 6 });
  });

  it('refuses a part from another sweep', async () => {
    const [a, b] = [readManifest(shard(0)), readManifest(tmp.path('foreign'))];
    const result = await runCli(['merge', shard(0), shard(1), tmp.path('foreign'), '--out', tmp.path('never')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      cliMessage.errorLine(sweepMessage.foreignPart(tmp.path('foreign'), b.sweep.name, b.hash, shard(0), a.sweep.name, a.hash)) + '\n',
    );
  });

  it('refuses missing runs, naming them and the shards to run again', async () => {
    const result = await runCli(['merge', shard(0), shard(2), '--out', tmp.path('never')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(cliMessage.errorLine(sweepMessage.mergeMissingRuns([1, 4], [1], 3, [1])) + '\n');
  });

  it('refuses a part given twice', async () => {
    const result = await runCli(['merge', shard(0), shard(1), shard(1), shard(2), '--out', tmp.path('never')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(cliMessage.errorLine(sweepMessage.mergeDuplicateRuns(shard(1), shard(1), [1, 4])) + '\n');
  });

  it('refuses a directory that holds no sweep', async () => {
    const result = await runCli(['merge', tmp.root, '--out', tmp.path('never')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(cliMessage.errorLine(resultsMessage.notASweepDir(tmp.root)) + '\n');
  });
});

describe('partnersim sweep status', () => {
  it('says a complete set of shards is complete (exit 0)', async () => {
    const result = await runCli(['sweep', 'status', shard(0), shard(1), shard(2)]);
    const { hash } = readManifest(shard(0));
    expect(result).toEqual({ code: 0, out: cliMessage.sweepStatusReport('tiny-sweep', hash, 6, 6, [], [], 3, [], []) + '\n', err: '' });
  });

  it('lists the missing runs and the shards to resubmit (exit 1)', async () => {
    const result = await runCli(['sweep', 'status', shard(0), shard(2)]);
    const { hash } = readManifest(shard(0));
    expect(result.code).toBe(1);
    expect(result.out).toBe(cliMessage.sweepStatusReport('tiny-sweep', hash, 6, 4, [], [1, 4], 3, [1], [1]) + '\n');
    expect(result.out).toContain('sbatch --array=1 ');
  });
});

describe('a damaged sweep directory', () => {
  it('is reported with the file and line, not a stack trace', async () => {
    const copy = tmp.path('damaged');
    cpSync(shard(0), copy, { recursive: true });
    const journal = `${copy}/journal.jsonl`;
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, [lines[0], '{"index": 3, "sta', ...lines.slice(1)].join('\n'));
    const result = await runCli(['sweep', 'status', copy]);
    expect(result.code).toBe(2);
    expect(result.err.startsWith(`partnersim: ${journal}:2: damaged: expected the JSON that partnersim sweep wrote`)).toBe(true);
  });
});
