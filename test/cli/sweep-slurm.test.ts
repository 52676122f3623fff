// On a real cluster engine: the script `partnersim emit slurm` writes runs each shard as a task of a SLURM job
// array under `sbatch --wait`; the merge it chains (afterok) writes the same bytes as the sweep run on one machine.
// Skipped, with a message saying why, where no cluster is up (.ci/run starts a one-node cluster when it can).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slurm, slurmUp, waitForJob } from '../sweep/slurm-cluster.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { filesOf, tinySweep } from './sweep-fixtures.ts';

const up = slurmUp();
if (!up.ok) console.warn(`SKIPPED: the sweep on SLURM test (test/cli/sweep-slurm.test.ts): ${up.reason}`);

const tmp = useTempDir('sweep-slurm', { 'tiny.yaml': tinyScenario({ steps: 12 }), 'sweep.yaml': tinySweep({ replicates: 3 }) });

describe('a sweep on a SLURM cluster', { timeout: 240_000 }, () => {
  it.skipIf(!up.ok)(
    'runs the emitted job array with sbatch --wait, merges through the chained job, and matches one machine byte for byte',
    async () => {
      const out = tmp.path('results/tiny-sweep');
      const emitted = await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '3', '--throttle', '2', '--out', out]);
      expect(emitted.code).toBe(0);
      const script = `${out}.parts/tiny-sweep.sbatch`;

      const submitted = slurm('sbatch', ['--wait', script], { timeoutMs: 180_000 });
      const log = (name: string) => readFileSync(`${out}.parts/logs/${name}`, 'utf8');
      expect(submitted.status, `sbatch --wait: ${submitted.stdout}${submitted.stderr}\nshard 0 log:\n${log('shard-0.out')}`).toBe(0);

      // The array's first task printed the merge job's id (sbatch --parsable) into its log.
      const mergeJob = log('shard-0.out').trim().split('\n')[0];
      expect(mergeJob).toMatch(/^\d+$/);
      const merged = await waitForJob(mergeJob, 120_000);
      expect(merged.state ?? 'COMPLETED', log(`merge-${mergeJob}.out`)).toBe('COMPLETED');

      const status = await runCli(['sweep', 'status', `${out}.parts/shard-0`, `${out}.parts/shard-1`, `${out}.parts/shard-2`]);
      expect(status.code).toBe(0);
      expect((await runCli(['sweep', tmp.path('sweep.yaml'), '--out', tmp.path('one-machine'), '--quiet'])).code).toBe(0);
      const [cluster, local] = [filesOf(out), filesOf(tmp.path('one-machine'))];
      expect(Object.keys(cluster).sort()).toEqual(Object.keys(local).sort());
      for (const name of Object.keys(local)) expect(cluster[name].equals(local[name]), name).toBe(true);
    },
  );
});
