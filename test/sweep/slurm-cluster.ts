// Helpers for the tests that submit jobs to the one-node SLURM cluster of scripts/slurm-local.sh:
// is it up, which environment SLURM's commands need, and waiting for a job to end.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** The slurm.conf that `scripts/slurm-local.sh start` writes: in $PARTNERSIM_SLURM_DIR, default /tmp/partnersim-slurm. */
const LOCAL_SLURM_DIR = process.env.PARTNERSIM_SLURM_DIR || '/tmp/partnersim-slurm';
export const LOCAL_SLURM_CONF = join(LOCAL_SLURM_DIR, 'slurm.conf');

/**
 * The environment for SLURM's commands (and so for the jobs they submit, which inherit it): this process's,
 * plus `extra`, plus SLURM_CONF pointing at the local cluster's config when neither the environment nor
 * /etc/slurm/slurm.conf (a symlink to it that `start` makes when it can) names one.
 */
export function slurmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!env.SLURM_CONF && !existsSync('/etc/slurm/slurm.conf') && existsSync(LOCAL_SLURM_CONF)) env.SLURM_CONF = LOCAL_SLURM_CONF;
  return env;
}

/** Runs a SLURM command (`sbatch`, `squeue`, ...) with {@link slurmEnv}, capturing its output as text; never throws. */
export function slurm(
  command: string,
  args: readonly string[],
  { cwd, timeoutMs = 10_000 }: { cwd?: string; timeoutMs?: number } = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: slurmEnv(), encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why a finished spawnSync did not answer: the error, the signal or the exit status with stderr; '' when it did. */
function failure(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) return `${what}: ${r.error.message}`;
  if (r.signal) return `${what} was killed by ${r.signal}`;
  if (r.status !== 0) return `${what} exited ${r.status}: ${r.stderr.trim() || r.stdout.trim()}`;
  return '';
}

/**
 * Whether a SLURM cluster answers and has a node that can take a job now (sinfo says idle or mix), asked with a
 * 5 s limit; the reason when not, e.g. to print beside a skipped test. Start one with `scripts/slurm-local.sh start`.
 */
export function slurmUp(): { ok: true } | { ok: false; reason: string } {
  const path = (process.env.PATH ?? '').split(':').filter(Boolean);
  if (!path.some((dir) => existsSync(join(dir, 'sinfo')))) {
    return {
      ok: false,
      reason: 'SLURM is not installed (no sinfo on PATH): run scripts/slurm-local.sh install, then scripts/slurm-local.sh start',
    };
  }
  if (usesLocalConf() && !localControllerRuns()) {
    // sinfo would spend ~9 s retrying a controller that is not there.
    return { ok: false, reason: `the local cluster (${LOCAL_SLURM_DIR}) is stopped: run scripts/slurm-local.sh start` };
  }
  const r = slurm('sinfo', ['-h', '-N', '-o', '%N %t'], { timeoutMs: 5_000 });
  const why = failure(r, 'sinfo');
  if (why) return { ok: false, reason: `${why}; is a cluster up? (scripts/slurm-local.sh start)` };
  const nodes = r.stdout.trim().split('\n').filter(Boolean);
  if (!nodes.some((line) => /\s(idle|mix)$/.test(line)))
    return { ok: false, reason: `no node is idle: sinfo says ${JSON.stringify(nodes.join('; '))}` };
  return { ok: true };
}

/** Whether SLURM's commands would read the local cluster's slurm.conf (through SLURM_CONF or /etc/slurm/slurm.conf). */
function usesLocalConf(): boolean {
  const conf = slurmEnv().SLURM_CONF || '/etc/slurm/slurm.conf';
  try {
    return realpathSync(conf) === realpathSync(LOCAL_SLURM_CONF);
  } catch {
    return false;
  }
}

/** Whether the slurmctld that scripts/slurm-local.sh started (its pid file) is still running. */
function localControllerRuns(): boolean {
  try {
    const pid = readFileSync(join(LOCAL_SLURM_DIR, 'slurmctld.pid'), 'utf8').trim();
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('slurmctld');
  } catch {
    return false;
  }
}

/** A job's state as scontrol tells it: one entry per task of an array, one for a plain job. */
export interface JobTask {
  readonly jobId: string;
  readonly arrayTaskId: string | null;
  readonly state: string;
  /** `exit code:signal`, e.g. '0:0', '3:0'. */
  readonly exitCode: string;
}

/** How {@link waitForJob} found a job at the end. */
export interface JobOutcome {
  /** COMPLETED when every task completed, else the first other final state (FAILED, CANCELLED, TIMEOUT, ...); null when slurmctld had already purged the job. */
  readonly state: string | null;
  readonly tasks: readonly JobTask[];
}

const FINAL_STATES = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
]);

/** Parses `scontrol -o show job` output: one line per job record. */
function parseJobs(text: string): JobTask[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('JobId='))
    .map((line) => {
      const field = (name: string): string | null => new RegExp(`(?:^|\\s)${name}=(\\S*)`).exec(line)?.[1] ?? null;
      return {
        jobId: field('JobId') ?? '',
        arrayTaskId: field('ArrayTaskId'),
        state: field('JobState') ?? '',
        exitCode: field('ExitCode') ?? '',
      };
    });
}

/**
 * Polls `scontrol show job` every `pollMs` until the job (every task, for an array) is in a final state or is no
 * longer known, and returns how it ended; rejects after `timeoutMs`. sacct cannot tell (the local cluster keeps no
 * accounting); scontrol knows a finished job for MinJobAge (300 s) to a minute more, so a job found no longer
 * known ends the wait with state null.
 */
export async function waitForJob(jobId: string, timeoutMs: number, pollMs = 250): Promise<JobOutcome> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const r = slurm('scontrol', ['-o', 'show', 'job', jobId], { timeoutMs: 10_000 });
    if (r.status !== 0 && /Invalid job id/i.test(r.stderr)) return { state: null, tasks: [] };
    if (r.status === 0) {
      const tasks = parseJobs(r.stdout);
      if (tasks.length > 0 && tasks.every((t) => FINAL_STATES.has(t.state))) {
        return { state: tasks.find((t) => t.state !== 'COMPLETED')?.state ?? 'COMPLETED', tasks };
      }
      last = tasks.map((t) => `${t.jobId}:${t.state}`).join(' ');
    } else {
      last = failure(r, 'scontrol');
    }
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not end within ${timeoutMs} ms (last seen: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
