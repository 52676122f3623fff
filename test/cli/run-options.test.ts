// Bad input to `partnersim run`: each gives one clear message, exit status 2, and no result directory.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badSeed, emptyOptionValue, errorLine, networkEveryBeyondRun, notPositiveInteger, tooManySteps } from '../../src/cli/messages.ts';
import { resultDirOccupied, resultDirUnwritable, writeFailureReason } from '../../src/results/messages.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

// A fresh directory for each test, holding only tiny.yaml.
const tmp = useTempDir(
  'options',
  { 'tiny.yaml': tinyScenario({ steps: 6, areas: 1, kinds: { school: 6, academy: 4, trust: 1, college: 1, provider: 1, community: 1 } }) },
  'test',
);
const root = tmp.root;
const file = tmp.path('tiny.yaml');
const dir = tmp.path('out');

describe('partnersim run with bad options', () => {
  it.each([
    ['--steps', '0'],
    ['--steps', '-3'],
    ['--steps', '2.5'],
    ['--steps', 'ten'],
    ['--reps', '0'],
    ['--reps', '1.5'],
    ['--network-every', '0'],
    ['--network-every', '1.5'],
  ])('rejects %s %j', async (option, value) => {
    expect(await runCli(['run', file, '--out', dir, option, value])).toEqual({
      code: 2,
      out: '',
      err: errorLine(notPositiveInteger(option, value)) + '\n',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('rejects --reps "" as an empty value', async () => {
    expect(await runCli(['run', file, '--out', dir, '--reps', ''])).toEqual({
      code: 2,
      out: '',
      err: errorLine(emptyOptionValue('--reps', 'run')) + '\n',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('rejects --network-every beyond the run', async () => {
    expect(await runCli(['run', file, '--out', dir, '--network-every', '7'])).toEqual({
      code: 2,
      out: '',
      err: errorLine(networkEveryBeyondRun('7', 6)) + '\n',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('rejects --steps beyond the longest run a scenario may ask for', async () => {
    expect(await runCli(['run', file, '--out', dir, '--steps', '20001'])).toEqual({
      code: 2,
      out: '',
      err: errorLine(tooManySteps('20001', 20000)) + '\n',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it.each(['-1', '1.5', 'abc', '4294967296'])('rejects --seed %j', async (value) => {
    expect(await runCli(['run', file, '--out', dir, '--seed', value])).toEqual({ code: 2, out: '', err: errorLine(badSeed(value)) + '\n' });
    expect(existsSync(dir)).toBe(false);
  });

  it('reports a missing scenario file through the loader', async () => {
    const { code, out, err } = await runCli(['run', join(root, 'missing.yaml'), '--out', dir]);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^partnersim: .*missing\.yaml.*not found/);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('reports a bad --set through the loader', async () => {
    const { code, err } = await runCli(['run', file, '--out', dir, '--set', 'policy.carot=0.5']);
    expect(code).toBe(2);
    expect(err).toContain('policy.carrot');
    expect(existsSync(dir)).toBe(false);
  });

  it('reports an output directory under a regular file, naming it, the reason and the fix', async () => {
    writeFileSync(join(root, 'file'), '');
    const out = join(root, 'file', 'results');
    expect(await runCli(['run', file, '--out', out])).toEqual({
      code: 2,
      out: '',
      err: errorLine(resultDirUnwritable(out, writeFailureReason('ENOTDIR', ''))) + '\n',
    });
    expect(readdirSync(root).sort()).toEqual(['file', 'tiny.yaml']);
  });

  it('refuses to replace a directory of other files', async () => {
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(await runCli(['run', file, '--out', dir])).toEqual({
      code: 2,
      out: '',
      err: errorLine(resultDirOccupied(dir, 'files that are not partnersim results')) + '\n',
    });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
