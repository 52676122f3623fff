// The sbatch script of a sweep on a SLURM cluster: a job array with one task per shard (N baked in, a throttle on
// how many run at once), whose first task also submits the merge, chained with --dependency=afterok so that it
// starts only when every shard has succeeded. Every option and path written into it is checked first
// (checkSlurmOptions), so that none can add a line to the script.
import { PartnersimError } from '../errors.ts';
import { slurmBadPartition, slurmBadTime, slurmUnsafeText } from './messages.ts';

/** What every partnersim job array needs, a sweep's or a calibration's: what to run, where, and how to ask SLURM for it. */
export interface SlurmJobOptions {
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
  /** Where the results go. */
  readonly out: string;
  /** The logs' directory, absolute: SLURM opens --output before the job's working directory is set. */
  readonly logsDir: string;
  readonly scriptPath: string;
}

/** What a sweep's script needs besides: its runs, its file, and where the shards work. */
export interface SlurmScriptOptions extends SlurmJobOptions {
  readonly runs: number;
  readonly sweepFile: string;
  /** Where the shards, logs and this script go. */
  readonly partsDir: string;
}

// sbatch's --time forms (minutes; minutes:seconds; hours:minutes:seconds; days-hours[:minutes[:seconds]]) and no limit.
const SLURM_TIME = /^(\d+(:\d{1,2}){0,2}|\d+-\d{1,2}(:\d{1,2}){0,2}|UNLIMITED|INFINITE)$/i;
const SLURM_PARTITION = /^[\w.-]+(,[\w.-]+)*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** What a script writes that the user chose: the SLURM options, and the texts (paths, names) by what they are called. */
export interface SlurmChoices {
  readonly time?: string;
  readonly partition?: string;
  readonly texts: Readonly<Record<string, string>>;
}

/** Checks what a script will carry: --time and --partition in the forms sbatch takes, and no control character in any
 * path or name (a new line in one, even quoted, would end an #SBATCH or comment line and start a command); throws a
 * PartnersimError naming the option otherwise. */
export function checkSlurmOptions({ time, partition, texts }: SlurmChoices): void {
  if (time !== undefined && !SLURM_TIME.test(time)) throw new PartnersimError('bad-option', slurmBadTime(time));
  if (partition !== undefined && !SLURM_PARTITION.test(partition)) throw new PartnersimError('bad-option', slurmBadPartition(partition));
  for (const [what, text] of Object.entries(texts))
    if (CONTROL.test(text)) throw new PartnersimError('bad-option', slurmUnsafeText(what, text));
}

/** The lines a script says about the node it runs: which one, and how to choose it. */
export function nodeComment(node: string): string[] {
  return node === 'node'
    ? [
        '# It runs `node` as the job finds it on its PATH (sbatch passes on the environment it was submitted from): on a',
        '# cluster with environment modules, load Node.js 20 or later first (such as `module load nodejs`), or emit the',
        '# script again with --node /path/to/node.',
      ]
    : [`# It runs Node.js from ${node} (chosen with --node): that path must exist on the compute nodes.`];
}

/** Returns a word quoted for bash: single quotes, with any single quote inside closed, escaped and reopened. */
export function shellQuote(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Checks a job's options and every text it writes into its script (checkSlurmOptions), `file` being the sweep's or
 * calibration's file by what it is called. */
export function checkSlurmJob(o: SlurmJobOptions, file: readonly [string, string]): void {
  checkSlurmOptions({
    time: o.time,
    partition: o.partition,
    texts: {
      name: o.name,
      '--node': o.command[0],
      'the command': o.command.join(' '),
      [file[0]]: file[1],
      '--out': o.out,
      'the working directory': o.workdir,
      '--script': o.scriptPath,
      'the log directory': o.logsDir,
    },
  });
}

/** Returns a job array's #SBATCH lines (its name, tasks and throttle, CPUs, the shards' log `shardLog`, directory and
 * limits), then the lines by which its lowest task submits `merge` to start once every shard has succeeded. */
export function sbatchLines(o: SlurmJobOptions, shardLog: string, merge: string): string[] {
  const q = shellQuote;
  return [
    `#SBATCH --job-name=${q(`partnersim-${o.name}`)}`,
    `#SBATCH --array=0-${o.shards - 1}%${o.throttle}`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    `#SBATCH --output=${q(`${o.logsDir}/${shardLog}`)}`,
    `#SBATCH --chdir=${q(o.workdir)}`,
    ...(o.time === undefined ? [] : [`#SBATCH --time=${q(o.time)}`]),
    ...(o.partition === undefined ? [] : [`#SBATCH --partition=${q(o.partition)}`]),
    'set -euo pipefail',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell variables, expanded by the job's shell
    'if [ "${SLURM_ARRAY_TASK_ID}" = "${SLURM_ARRAY_TASK_MIN}" ]; then',
    `  sbatch --parsable --job-name=${q(`partnersim-${o.name}-merge`)} --dependency="afterok:\${SLURM_ARRAY_JOB_ID}" --kill-on-invalid-dep=yes \\`,
    `    --chdir=${q(o.workdir)} --output=${q(`${o.logsDir}/merge-%j.out`)} --wrap=${q(merge)}`,
    'fi',
  ];
}

/** Returns the text of the sbatch job-array script for a sweep. */
export function slurmScript(o: SlurmScriptOptions): string {
  checkSlurmJob(o, ['the sweep file', o.sweepFile]);
  const q = shellQuote;
  const partnersim = o.command.map(q).join(' ');
  const merge = `${partnersim} merge ${q(o.partsDir)}/shard-* --out ${q(o.out)}`;
  return [
    '#!/bin/bash',
    `# A SLURM job array for the partnersim sweep ${o.name} (hash ${o.hash}), written by partnersim ${o.version} emit slurm.`,
    `# ${o.runs} runs in ${o.shards} shards, at most ${o.throttle} running at once. Submit it from any directory with:`,
    `#   sbatch ${q(o.scriptPath)}`,
    '# The lowest task of the array also submits the merge, which starts only once every shard has succeeded',
    `# (--dependency=afterok) and writes the results to ${q(o.out)}. If a shard fails, list what is missing with:`,
    `#   partnersim sweep status ${q(o.partsDir)}/shard-*`,
    `# and resubmit only those shards, e.g. sbatch --array=2,5 ${q(o.scriptPath)} (a rerun shard resumes where it stopped).`,
    ...nodeComment(o.command[0]),
    ...sbatchLines(o, 'shard-%a.out', merge),
    `${partnersim} sweep ${q(o.sweepFile)} --shard auto/${o.shards} --workers "\${SLURM_CPUS_PER_TASK:-1}" --format ${q(o.format)} \\`,
    `  --out ${q(o.partsDir)}/shard-"\${SLURM_ARRAY_TASK_ID}" --quiet`,
    '',
  ].join('\n');
}
