// The sbatch script of a calibration on a SLURM cluster: each submission is a job array that runs one round of
// proposals in N shards; its lowest task submits the merge (--dependency=afterok), which gathers the shards' runs and
// either writes the results (the calibration is complete) or submits the same script again for the next round. So the
// generations chain themselves, one round per array, with nothing to watch.
import { checkSlurmJob, nodeComment, sbatchLines, shellQuote, type SlurmJobOptions } from '../sweep/slurm.ts';

/** What a calibration's script needs besides a job's options: its file, and how its merge says another round is due.
 * The shards work in <out>.parts/shard-<i>. */
export interface CalibrationSlurmOptions extends SlurmJobOptions {
  readonly calibrationFile: string;
  /** The exit status of `calibrate --merge` when the shards must run again. */
  readonly pendingExit: number;
}

/** Returns the text of the sbatch job-array script for a calibration. */
export function calibrationSlurmScript(o: CalibrationSlurmOptions): string {
  checkSlurmJob(o, ['the calibration file', o.calibrationFile]);
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
    `# gathers the shards' runs into ${q(o.out)} and writes the results when the calibration is complete, or submits this`,
    `# script again for the next round (calibrate --merge exits ${o.pendingExit}). If a shard fails, submit the script again:`,
    '# the shards resume where they stopped.',
    ...nodeComment(o.command[0]),
    ...sbatchLines(o, 'shard-%A-%a.out', merge),
    `${calibrate} --shard auto/${o.shards} --workers "\${SLURM_CPUS_PER_TASK:-1}" --format ${q(o.format)} --out ${q(o.out)} --quiet`,
    '',
  ].join('\n');
}
