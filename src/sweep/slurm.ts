// The sbatch script of a sweep on a SLURM cluster: a job array with one task per shard (N baked in, a throttle on
// how many run at once), whose first task also submits the merge, chained with --dependency=afterok so that it
// starts only when every shard has succeeded.

/** What the script needs: what to run, where, and how to ask SLURM for it. */
export interface SlurmScriptOptions {
  readonly name: string;
  readonly hash: string;
  readonly version: string;
  readonly runs: number;
  readonly shards: number;
  /** At most this many shards run at once. */
  readonly throttle: number;
  readonly cpusPerTask: number;
  readonly time?: string;
  readonly partition?: string;
  readonly format: string;
  /** The command that starts partnersim, as absolute paths (node, then bin/partnersim.js). */
  readonly command: readonly string[];
  /** The directory the jobs run in (absolute); the paths below are relative to it or absolute. */
  readonly workdir: string;
  readonly sweepFile: string;
  /** Where the merged results go, and where the shards, logs and this script go. */
  readonly out: string;
  readonly partsDir: string;
  /** The logs' directory, absolute: SLURM opens --output before the job's working directory is set. */
  readonly logsDir: string;
  readonly scriptPath: string;
}

/** Returns a word quoted for bash: single quotes, with any single quote inside closed, escaped and reopened. */
export function shellQuote(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Returns the text of the sbatch job-array script for a sweep. */
export function slurmScript(o: SlurmScriptOptions): string {
  const q = shellQuote;
  const logs = o.logsDir;
  const partnersim = o.command.map(q).join(' ');
  const shardDirs = `${o.partsDir}/shard-*`;
  const merge = `${partnersim} merge ${q(o.partsDir)}/shard-* --out ${q(o.out)}`;
  return [
    '#!/bin/bash',
    `# A SLURM job array for the partnersim sweep ${o.name} (hash ${o.hash}), written by partnersim ${o.version} emit slurm.`,
    `# ${o.runs} runs in ${o.shards} shards, at most ${o.throttle} running at once. Submit it from any directory with:`,
    `#   sbatch ${q(o.scriptPath)}`,
    '# The lowest task of the array also submits the merge, which starts only once every shard has succeeded',
    `# (--dependency=afterok) and writes the results to ${o.out}. If a shard fails, list what is missing with:`,
    `#   partnersim sweep status ${shardDirs}`,
    `# and resubmit only those shards, e.g. sbatch --array=2,5 ${q(o.scriptPath)} (a rerun shard resumes where it stopped).`,
    `#SBATCH --job-name=${q(`partnersim-${o.name}`)}`,
    `#SBATCH --array=0-${o.shards - 1}%${o.throttle}`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    `#SBATCH --output=${q(`${logs}/shard-%a.out`)}`,
    `#SBATCH --chdir=${q(o.workdir)}`,
    ...(o.time === undefined ? [] : [`#SBATCH --time=${q(o.time)}`]),
    ...(o.partition === undefined ? [] : [`#SBATCH --partition=${q(o.partition)}`]),
    'set -euo pipefail',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell variables, expanded by the job's shell
    'if [ "${SLURM_ARRAY_TASK_ID}" = "${SLURM_ARRAY_TASK_MIN}" ]; then',
    `  sbatch --parsable --job-name=${q(`partnersim-${o.name}-merge`)} --dependency="afterok:\${SLURM_ARRAY_JOB_ID}" --kill-on-invalid-dep=yes \\`,
    `    --chdir=${q(o.workdir)} --output=${q(`${logs}/merge-%j.out`)} --wrap=${q(merge)}`,
    'fi',
    `${partnersim} sweep ${q(o.sweepFile)} --shard auto/${o.shards} --workers "\${SLURM_CPUS_PER_TASK:-1}" --format ${q(o.format)} \\`,
    `  --out ${q(o.partsDir)}/shard-"\${SLURM_ARRAY_TASK_ID}" --quiet`,
    '',
  ].join('\n');
}
