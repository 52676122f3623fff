// A calibration's results are the same bytes on 1 or 2 worker threads, split into shards and merged, or killed and
// resumed: every proposal's values and seed come from (seed, generation, index), and the sampler takes runs in
// proposal order whatever order they finish in.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generationLine } from '../../src/calibration/messages.ts';
import { PENDING_EXIT } from '../../src/cli/commands.ts';
import { BIN, runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinyCalibration } from './calibrate-fixtures.ts';
import { filesOf } from './sweep-fixtures.ts';

const tmp = useTempDir('calibrate-determinism', { 'tiny.yaml': tinyScenario({ steps: 24 }), 'cal.yaml': tinyCalibration() });
const calibration = tmp.path('cal.yaml');

const expectSameFiles = (dir: string, reference: string) => {
  const [a, b] = [filesOf(dir), filesOf(reference)];
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const name of Object.keys(b)) expect(a[name].equals(b[name]), name).toBe(true);
};

const journalLines = (dir: string): number =>
  existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').length - 1 : 0;

describe('partnersim calibrate determinism', { timeout: 300_000 }, () => {
  const one = tmp.path('one');

  it('writes the same bytes on 1 and 2 workers, and says each generation as it finishes', async () => {
    const first = await runCli(['calibrate', calibration, '--out', one, '--workers', '1']);
    expect(first.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'partnersim calibration', status: 'complete', stop: { reason: 'generations' } });
    expect(first.err).toBe(manifest.generations.map((g: Parameters<typeof generationLine>[0]) => generationLine(g) + '\n').join(''));
    const two = tmp.path('two');
    expect((await runCli(['calibrate', calibration, '--out', two, '--workers', '2', '--quiet'])).code).toBe(0);
    expectSameFiles(two, one);
  });

  it('writes the same bytes from two shards merged, round after round, as from one machine', async () => {
    const dir = tmp.path('sharded');
    let merged = PENDING_EXIT;
    for (let attempt = 0; merged === PENDING_EXIT && attempt < 20; attempt++) {
      for (const shard of ['0/2', '1/2'])
        expect((await runCli(['calibrate', calibration, '--out', dir, '--shard', shard, '--workers', '1', '--quiet'])).code).toBe(0);
      merged = (await runCli(['calibrate', calibration, '--out', dir, '--merge', '--quiet'])).code;
    }
    expect(merged).toBe(0);
    expectSameFiles(dir, one);
  });

  it('resumes after a kill, keeping what it finished, and writes the bytes of an uninterrupted calibration', async () => {
    const dir = tmp.path('killed');
    const child = spawn(process.execPath, [BIN, 'calibrate', calibration, '--out', dir, '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    while (journalLines(dir) < 10 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const finished = journalLines(dir);
    expect(finished).toBeGreaterThanOrEqual(10);
    expect(existsSync(join(dir, 'posterior.json'))).toBe(false);
    expect((await runCli(['calibrate', calibration, '--out', dir, '--workers', '2', '--quiet'])).code).toBe(0);
    expectSameFiles(dir, one);
  });
});
