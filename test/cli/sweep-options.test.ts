// The sweep command's options and refusals: --shard (given, or taken from a job array's index variable), --workers,
// and a results directory that holds something else.
import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseWorkers, parseShard } from '../../src/cli/sweep.ts';
import { runMemoryBytes } from '../../src/results/estimate.ts';
import { isPartnersimError } from '../../src/errors.ts';
import * as cliMessage from '../../src/cli/messages.ts';
import * as resultsMessage from '../../src/results/messages.ts';
import { readManifest } from '../../src/results/sweep-dir.ts';
import { shardText } from '../../src/sweep/manifest.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinySweep } from './sweep-fixtures.ts';

const tmp = useTempDir('sweep-options', {
  'tiny.yaml': tinyScenario({ steps: 6 }),
  'sweep.yaml': tinySweep({ replicates: 1 }),
  'other.yaml': tinySweep({ replicates: 1, seed: 8 }),
  'mine/notes.txt': 'my own notes',
});

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (isPartnersimError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a PartnersimError');
};

describe('--shard', () => {
  it('takes i/N as given', () => {
    expect(parseShard('2/7', {})).toEqual({ index: 2, count: 7 });
    expect(parseShard('0/1', {})).toEqual({ index: 0, count: 1 });
  });

  it.each([
    ['SLURM_ARRAY_TASK_ID', '3'],
    ['JOB_COMPLETION_INDEX', '4'],
    ['AWS_BATCH_JOB_ARRAY_INDEX', '5'],
  ])('takes i from %s with auto/N', (name, value) => {
    expect(parseShard('auto/8', { [name]: value })).toEqual({ index: Number(value), count: 8 });
  });

  it('prefers SLURM_ARRAY_TASK_ID when several are set', () => {
    expect(parseShard('auto/8', { AWS_BATCH_JOB_ARRAY_INDEX: '5', SLURM_ARRAY_TASK_ID: '1' })).toEqual({ index: 1, count: 8 });
  });

  it.each(['7/7', '1', 'a/3', '2/0', '-1/3', ''])('refuses %j', (text) => {
    expect(messageOf(() => parseShard(text, {}))).toBe(cliMessage.badShard(text));
  });

  it('suggests a shard that exists: 0/1 for 0/0, 0/7 for 9/7', () => {
    expect(cliMessage.badShard('0/0')).toContain('Fix: write --shard 0/1 for the first');
    expect(cliMessage.badShard('9/7')).toContain('Fix: write --shard 0/7 for the first');
    expect(cliMessage.badShard('x')).toContain('Fix: write --shard 0/N for the first');
  });

  it('refuses auto/N with no index variable, or one outside 0..N-1', () => {
    expect(messageOf(() => parseShard('auto/4', {}))).toBe(
      cliMessage.shardIndexUnset(4, ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX']),
    );
    expect(messageOf(() => parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '4' }))).toBe(
      cliMessage.shardIndexBad('SLURM_ARRAY_TASK_ID', '4', 4),
    );
  });
});

describe('partnersim sweep refuses', { timeout: 30_000 }, () => {
  it('--workers beyond the cores, unless --oversubscribe, which says the memory the workers need', async () => {
    const cores = availableParallelism();
    const over = String(cores + 1);
    const refused = await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', over, '--out', tmp.path('over')]);
    expect(refused).toEqual({ code: 2, out: '', err: `${cliMessage.errorLine(cliMessage.tooManyWorkers(cores + 1, cores))}\n` });
    expect(existsSync(tmp.path('over'))).toBe(false);
    const notes: string[] = [];
    const io = { out: () => {}, err: (text: string) => notes.push(text) };
    expect(chooseWorkers('s.yaml', { workers: '10', oversubscribe: true }, 20_400, io, 2)).toBe(10);
    expect(notes).toEqual([`${cliMessage.oversubscribed(10, 2, 10 * runMemoryBytes(20_400))}\n`]);
    expect(chooseWorkers('s.yaml', {}, 100, io, 6)).toBe(6);
    expect(() => chooseWorkers('s.yaml', { workers: '7' }, 100, io, 6)).toThrow(cliMessage.tooManyWorkers(7, 6));
  });

  it('workers whose runs together need more memory than the machine has, saying how much', () => {
    const io = { out: () => {}, err: () => {} };
    const needed = 1000 * runMemoryBytes(20_400);
    expect(() => chooseWorkers('s.yaml', { workers: '1000', oversubscribe: true }, 20_400, io, 2)).toThrow(
      cliMessage.needsMoreMemory(
        's.yaml: 1000 workers, each running a world of this scenario, need',
        needed,
        totalmem(),
        'fewer --workers, or fewer organisations in the scenario.',
      ),
    );
  });

  it('--workers that is not a positive whole number', async () => {
    const result = await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '0']);
    expect(result).toEqual({ code: 2, out: '', err: cliMessage.errorLine(cliMessage.notPositiveInteger('--workers', '0')) + '\n' });
  });

  it('--workers above the most threads it starts says so, not that the number is not positive', async () => {
    const result = await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '4096', '--oversubscribe']);
    expect(result).toEqual({ code: 2, out: '', err: cliMessage.errorLine(cliMessage.tooManyWorkerThreads('4096', 1024)) + '\n' });
  });

  it('a format it does not write', async () => {
    const result = await runCli(['sweep', tmp.path('sweep.yaml'), '--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Fix: use one of csv, parquet, jsonl.');
  });

  it("a directory of the user's own files", async () => {
    const result = await runCli(['sweep', tmp.path('sweep.yaml'), '--out', tmp.path('mine')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      cliMessage.errorLine(resultsMessage.resultDirOccupied(tmp.path('mine'), 'files that are not partnersim results')) + '\n',
    );
  });

  it('a directory holding another sweep, another shard or another format', async () => {
    const dir = tmp.path('taken');
    expect((await runCli(['sweep', tmp.path('sweep.yaml'), '--out', dir, '--shard', '0/2', '--workers', '1', '--quiet'])).code).toBe(0);
    const found = readManifest(dir);

    const other = await runCli(['sweep', tmp.path('other.yaml'), '--out', dir, '--shard', '0/2']);
    expect(other.code).toBe(2);
    expect(other.err).toContain(`holds another sweep: expected sweep tiny-sweep (hash `);
    expect(other.err).toContain(`found tiny-sweep (hash ${found.hash})`);

    const shard = await runCli(['sweep', tmp.path('sweep.yaml'), '--out', dir, '--shard', '1/2']);
    expect(shard.err).toBe(
      cliMessage.errorLine(resultsMessage.resumeOtherShard(dir, shardText({ index: 0, count: 2 }), shardText({ index: 1, count: 2 }))) +
        '\n',
    );

    const format = await runCli(['sweep', tmp.path('sweep.yaml'), '--out', dir, '--shard', '0/2', '--format', 'jsonl']);
    expect(format.err).toBe(cliMessage.errorLine(resultsMessage.resumeOtherFormat(dir, 'csv', 'jsonl')) + '\n');
  });

  it('nothing when run again on a complete directory: it says all runs were kept', async () => {
    const dir = tmp.path('again');
    expect((await runCli(['sweep', tmp.path('sweep.yaml'), '--out', dir, '--workers', '1', '--quiet'])).code).toBe(0);
    const again = await runCli(['sweep', tmp.path('sweep.yaml'), '--out', dir]);
    expect(again).toEqual({ code: 0, out: cliMessage.sweepFinished('tiny-sweep', 'the whole sweep', 6, 0, 6, 0, dir) + '\n', err: '' });
  });
});
