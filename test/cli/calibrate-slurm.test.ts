// partnersim emit slurm with a calibration file: one job array per round of proposals, whose merge (afterok) writes the
// results once the calibration is complete or submits the script again for the next round. Run here by a stand-in
// sbatch that runs the array's tasks and then the merge, as SLURM would; the results are the bytes one machine writes.
// On a real cluster (where one answers), the same through sbatch.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import { PENDING_EXIT } from '../../src/cli/commands.ts';
import { slurm, slurmUp } from '../sweep/slurm-cluster.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinyCalibration } from './calibrate-fixtures.ts';
import { filesOf } from './sweep-fixtures.ts';

const up = slurmUp();
if (!up.ok) console.warn(`SKIPPED: the calibration on SLURM test (test/cli/calibrate-slurm.test.ts): ${up.reason}`);

const tmp = useTempDir('calibrate-slurm', { 'tiny.yaml': tinyScenario({ steps: 24 }), 'cal.yaml': tinyCalibration() });
const FAKE = join(import.meta.dirname, '..', 'calibration', 'fixtures', 'fake-sbatch.sh');

const expectSameFiles = (dir: string, reference: string) => {
  const [a, b] = [filesOf(dir), filesOf(reference)];
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const name of Object.keys(b)) expect(a[name].equals(b[name]), name).toBe(true);
};

describe('a calibration on a cluster', { timeout: 600_000 }, () => {
  it('writes a job-array script whose tasks run the round in progress and whose merge submits the next round', async () => {
    const out = tmp.path('results/tiny-cal');
    const result = await runCli([
      'emit',
      'slurm',
      tmp.path('cal.yaml'),
      '--shards',
      '2',
      '--cpus',
      '2',
      '--time',
      '00:10:00',
      '--out',
      out,
    ]);
    const script = `${out}.parts/tiny-cal.sbatch`;
    expect(result).toEqual({ code: 0, out: message.slurmScriptWritten(script, 2) + '\n', err: '' });
    expect(statSync(script).mode & 0o111).not.toBe(0);
    expect(existsSync(`${out}.parts/logs`)).toBe(true);
    const text = readFileSync(script, 'utf8');
    for (const line of ['#SBATCH --array=0-1%2', '#SBATCH --cpus-per-task=2', '#SBATCH --time=00:10:00'])
      expect(text.split('\n')).toContain(line);
    expect(text).toContain(
      `calibrate ${tmp.path('cal.yaml')} --shard auto/2 --workers "\${SLURM_CPUS_PER_TASK:-1}" --format csv --out ${out} --quiet`,
    );
    expect(text).toContain(
      `--merge --format csv --out ${out} --quiet; status=$?; if [ "$status" -eq ${PENDING_EXIT} ]; then sbatch ${script}; else exit "$status"; fi`,
    );
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  it('chains its rounds through the merge until the calibration is complete, with the bytes of one machine', async () => {
    const out = tmp.path('chained/tiny-cal');
    expect((await runCli(['emit', 'slurm', tmp.path('cal.yaml'), '--shards', '2', '--out', out])).code).toBe(0);
    const bin = tmp.path('bin');
    mkdirSync(bin, { recursive: true });
    copyFileSync(FAKE, join(bin, 'sbatch'));
    chmodSync(join(bin, 'sbatch'), 0o755);
    const log = tmp.path('sbatch.log');
    const submitted = spawnSync('sbatch', [`${out}.parts/tiny-cal.sbatch`], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_SBATCH_LOG: log },
      encoding: 'utf8',
      timeout: 500_000,
    });
    expect(submitted.status, submitted.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    // One array and one merge per round: at least the two generations and the predictive check.
    expect(calls.filter((call) => call === 'merge').length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((call) => call.startsWith('array')).length).toBe(calls.filter((call) => call === 'merge').length);
    expect((await runCli(['calibrate', tmp.path('cal.yaml'), '--out', tmp.path('one-machine'), '--quiet'])).code).toBe(0);
    expectSameFiles(out, tmp.path('one-machine'));
  });

  it.skipIf(!up.ok)('runs on a real SLURM cluster through sbatch, round after round, to the bytes of one machine', async () => {
    const out = tmp.path('cluster/tiny-cal');
    expect((await runCli(['emit', 'slurm', tmp.path('cal.yaml'), '--shards', '2', '--out', out])).code).toBe(0);
    const submitted = slurm('sbatch', [`${out}.parts/tiny-cal.sbatch`], { timeoutMs: 60_000 });
    expect(submitted.status, submitted.stderr).toBe(0);
    // The rounds chain themselves; wait for the merge that writes the results.
    const deadline = Date.now() + 540_000;
    const complete = () =>
      existsSync(join(out, 'manifest.json')) && JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status === 'complete';
    while (!complete() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(complete()).toBe(true);
    expect((await runCli(['calibrate', tmp.path('cal.yaml'), '--out', tmp.path('one-machine-cluster'), '--quiet'])).code).toBe(0);
    expectSameFiles(out, tmp.path('one-machine-cluster'));
  });
});
