// The sbatch script of a calibration on a SLURM cluster: each submission is a job array that runs one round of
// proposals in N shards; its lowest task submits the merge (--dependency=afterok), which gathers the shards' runs and
// either writes the results (the calibration is complete) or submits the same script again for the next round. So the
// generations chain themselves, one round per array, with nothing to watch.
import { checkSlurmOptions, nodeComment, shellQuote } from '../sweep/slurm.ts';

/** What the script needs: what to run, where, and how to ask SLURM for it. */
export interface CalibrationSlurmOptions {
  readonly name: string;
  readonly hash: string;
  readonly version: string;
  readonly shards: number;
  /** At most this many shards run at once. */
  readonly throttle: number;
  readonly cpusPerTask: number;
  readonly time?: string;
  readonly partition?: string;
  readonly format: string;
  /** The command that starts partnersim: node (as the job finds it: `node` on its PATH, or a path), then bin/partnersim.js. */
  readonly command: readonly string[];
  /** The directory the jobs run in (absolute); the paths below are relative to it or absolute. */
  readonly workdir: string;
  readonly calibrationFile: string;
  /** Where the results go; the shards work in <out>.parts/shard-<i>. */
  readonly out: string;
  /** The logs' directory, absolute: SLURM opens --output before the job's working directory is set. */
  readonly logsDir: string;
  readonly scriptPath: string;
  /** The exit status of `calibrate --merge` when the shards must run again. */
  readonly pendingExit: number;
}

/** Returns the text of the sbatch job-array script for a calibration. */
export function calibrationSlurmScript(o: CalibrationSlurmOptions): string {
  checkSlurmOptions({
    time: o.time,
    partition: o.partition,
    texts: {
      name: o.name,
      '--node': o.command[0],
      'the command': o.command.join(' '),
      'the calibration file': o.calibrationFile,
      '--out': o.out,
      'the working directory': o.workdir,
      '--script': o.scriptPath,
      'the log directory': o.logsDir,
    },
  });
  const q = shellQuote;
  const partnersim = o.command.map(q).join(' ');
  const calibrate = `${partnersim} calibrate ${q(o.calibrationFile)}`;
  const merge = `${calibrate} --merge --format ${q(o.format)} --out ${q(o.out)} --quiet; status=$?; if [ "$status" -eq ${o.pendingExit} ]; then sbatch ${q(o.scriptPath)}; else exit "$status"; fi`;
  return [
    '#!/bin/bash',
    `# A SLURM job array for the partnersim calibration ${o.name} (hash ${o.hash}), written by partnersim ${o.version} emit slurm.`,
    `# Each submission runs one round of the calibration's proposals in ${o.shards} shards, at most ${o.throttle} at once. Submit it with:`,
    `#   sbatch ${q(o.scriptPath)}`,
    '# The lowest task also submits the merge, which starts once every shard has succeeded (--dependency=afterok): it',
    `# gathers the shards' runs into ${o.out} and writes the results when the calibration is complete, or submits this`,
    `# script again for the next round (calibrate --merge exits ${o.pendingExit}). If a shard fails, submit the script again:`,
    '# the shards resume where they stopped.',
    ...nodeComment(o.command[0]),
    `#SBATCH --job-name=${q(`partnersim-${o.name}`)}`,
    `#SBATCH --array=0-${o.shards - 1}%${o.throttle}`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    `#SBATCH --output=${q(`${o.logsDir}/shard-%A-%a.out`)}`,
    `#SBATCH --chdir=${q(o.workdir)}`,
    ...(o.time === undefined ? [] : [`#SBATCH --time=${q(o.time)}`]),
    ...(o.partition === undefined ? [] : [`#SBATCH --partition=${q(o.partition)}`]),
    'set -euo pipefail',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell variables, expanded by the job's shell
    'if [ "${SLURM_ARRAY_TASK_ID}" = "${SLURM_ARRAY_TASK_MIN}" ]; then',
    `  sbatch --parsable --job-name=${q(`partnersim-${o.name}-merge`)} --dependency="afterok:\${SLURM_ARRAY_JOB_ID}" --kill-on-invalid-dep=yes \\`,
    `    --chdir=${q(o.workdir)} --output=${q(`${o.logsDir}/merge-%j.out`)} --wrap=${q(merge)}`,
    'fi',
    `${calibrate} --shard auto/${o.shards} --workers "\${SLURM_CPUS_PER_TASK:-1}" --format ${q(o.format)} --out ${q(o.out)} --quiet`,
    '',
  ].join('\n');
}
