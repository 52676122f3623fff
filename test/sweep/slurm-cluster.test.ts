// The local SLURM cluster (scripts/slurm-local.sh) runs what a sweep needs: a job array under `sbatch --wait`, and a
// merge job that task 0 chains with afterok, which runs after every task and only when all of them succeeded.
// Skipped, with a message saying why, where no cluster is up (CI starts one when it can install SLURM).
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slurm, slurmUp, waitForJob } from './slurm-cluster.ts';

const up = slurmUp();
if (!up.ok) console.warn(`SKIPPED: the SLURM cluster tests (test/sweep/slurm-cluster.test.ts): ${up.reason}`);

const REPO = resolve(import.meta.dirname, '../..');
const root = join(tmpdir(), `partnersim-slurm-test-${process.pid}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Writes a 3-task array script into a fresh `dir`: each task records its id (and task 0 its cwd) in done/, exits
 * 3 if it is task `failTask`, and task 0 first chains a merge job (afterok on the whole array) that runs the
 * repo's CLI with this process's node by absolute path and writes the sorted task ids it finds to merged.txt.
 */
function arrayScript(name: string, failTask = -1): { dir: string; script: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'done'), { recursive: true });
  const merge = `"${process.execPath}" "${REPO}/bin/partnersim.js" --version > version.txt && ls done | sort -n > merged.txt`;
  const script = `#!/bin/bash
#SBATCH --array=0-2
#SBATCH --job-name=partnersim-test
#SBATCH --output=${dir}/task-%A_%a.out
set -euo pipefail
if [ "$SLURM_ARRAY_TASK_ID" = 0 ]; then
  pwd > cwd.txt
  sbatch --parsable --dependency=afterok:$SLURM_ARRAY_JOB_ID --kill-on-invalid-dep=yes \\
    --output=${dir}/merge-%j.out --wrap '${merge}' > merge-id.txt
fi
echo "$SLURM_ARRAY_TASK_ID" > "done/$SLURM_ARRAY_TASK_ID"
[ "$SLURM_ARRAY_TASK_ID" != "${failTask}" ] || exit 3
`;
  writeFileSync(join(dir, 'array.sh'), script);
  chmodSync(join(dir, 'array.sh'), 0o755);
  return { dir, script: join(dir, 'array.sh') };
}

describe('the local SLURM cluster', () => {
  it.skipIf(!up.ok)(
    'runs every task of an array under sbatch --wait, then the afterok merge job',
    async () => {
      const { dir, script } = arrayScript('ok');
      const sbatch = slurm('sbatch', ['--wait', script], { cwd: dir, timeoutMs: 90_000 });
      expect(sbatch.status, sbatch.stderr).toBe(0);
      expect(readdirSync(join(dir, 'done')).sort()).toEqual(['0', '1', '2']);
      expect(readFileSync(join(dir, 'cwd.txt'), 'utf8').trim()).toBe(dir); // jobs start where sbatch was run

      const mergeId = readFileSync(join(dir, 'merge-id.txt'), 'utf8').trim();
      expect(mergeId).toMatch(/^\d+$/);
      const outcome = await waitForJob(mergeId, 60_000);
      expect(outcome.state).toBe('COMPLETED');
      expect(readFileSync(join(dir, 'merged.txt'), 'utf8').split('\n').filter(Boolean)).toEqual(['0', '1', '2']);
      expect(readFileSync(join(dir, 'version.txt'), 'utf8')).toMatch(/^\d+\.\d+\.\d+/);
    },
    120_000,
  );

  it.skipIf(!up.ok)(
    'gives the failing exit code to sbatch --wait and cancels the afterok merge job when a task fails',
    async () => {
      const { dir, script } = arrayScript('fail', 1);
      const sbatch = slurm('sbatch', ['--wait', script], { cwd: dir, timeoutMs: 90_000 });
      expect(sbatch.status, sbatch.stderr).toBe(3); // the highest exit code of the tasks
      expect(readdirSync(join(dir, 'done')).sort()).toEqual(['0', '1', '2']); // the others still ran

      const outcome = await waitForJob(readFileSync(join(dir, 'merge-id.txt'), 'utf8').trim(), 60_000);
      expect(outcome.state).toBe('CANCELLED');
      expect(readdirSync(dir)).not.toContain('merged.txt');
    },
    120_000,
  );
});
