// Every message about a sweep file or a sweep directory, as a named function (tests assert against these functions).
// Sweep files are read in the browser-safe part of the sweep stage, so this module imports nothing from node:.
import type { FoundInstead } from '../scenario/host.ts';
import { documentFileMissing } from '../scenario/messages.ts';
import { groupedCount, listedIndices } from '../wording.ts';

// ---------------------------------------------------------------------------------------------
// Sweep files.

/** Returns the message for a sweep file that does not exist, or is a directory or a file that is not a regular
 * file. */
export function sweepFileMissing(path: string, found: FoundInstead = 'nothing'): string {
  return documentFileMissing(path, 'sweep', found);
}

/** Returns the message for a sweep file without its base scenario. */
export function sweepWithoutScenario(at: string): string {
  return `${at}: scenario is missing: expected the base scenario the sweep varies, as a path relative to the sweep file, found nothing. Fix: add a line such as scenario: ../scenarios/baseline.yaml.`;
}

/** Returns the message for a sweep with more runs than one sweep may have. */
export function sweepTooLarge(at: string, points: number, replicates: number, max: number): string {
  return `${at}: too many runs: expected at most ${groupedCount(max)} runs (points x replicates), found ${groupedCount(points)} ${points === 1 ? 'point' : 'points'} x ${groupedCount(replicates)} ${replicates === 1 ? 'replicate' : 'replicates'} = ${groupedCount(points * replicates)}. Fix: fewer values or steps (a grid multiplies the counts of its parameters), fewer samples, or fewer replicates.`;
}

/** Returns the message for a sweep that varies nothing. */
export function sweepWithoutParameters(at: string): string {
  return `${at}: parameters is empty: expected at least one key to vary, such as policy.carrot: [0, 0.4, 0.8]. Fix: add a parameter; to repeat one scenario, use partnersim run --reps.`;
}

/** Returns the message for a range whose end is not above its start. */
export function rangeNotIncreasing(at: string, key: string, from: number, to: number): string {
  return `${at}: parameters.${key} is an empty range: expected to above from, found from: ${from}, to: ${to}. Fix: swap them, or list a single value as [${from}].`;
}

/** Returns the message for `steps` on a range in a sampled design. */
export function stepsOnlyForGrid(at: string, key: string, design: string): string {
  return `${at}: parameters.${key}.steps applies only to the grid design: expected a range {from, to} for design ${design}, which draws values from it, found steps. Fix: remove steps, or use design: grid.`;
}

/** Returns the message for a range without `steps` in a grid. */
export function gridRangeWithoutSteps(at: string, key: string, from: number, to: number): string {
  return `${at}: parameters.${key} needs steps in a grid: expected a list of values or {from, to, steps}, found a range without steps. Fix: write {from: ${from}, to: ${to}, steps: 5}, or list the values.`;
}

/** Returns the message for `samples` in a grid. */
export function samplesNotForGrid(at: string): string {
  return `${at}: samples does not apply to the grid design: expected no samples (a grid takes every combination), found samples. Fix: remove samples, or choose design: random, lhs, sobol or morris.`;
}

/** Returns the message for a sampled design without `samples`. */
export function samplesRequired(at: string, design: string): string {
  const what =
    design === 'sobol' ? 'base samples N (N x (k+2) points)' : design === 'morris' ? 'trajectories r (r x (k+1) points)' : 'points';
  return `${at}: design ${design} needs samples: expected samples, the number of ${what}, found nothing. Fix: add samples: 100 (or the number you need).`;
}

/** Returns the message for `levels` outside a Morris design. */
export function levelsOnlyForMorris(at: string, design: string): string {
  return `${at}: levels applies only to the morris design: expected no levels for design ${design}, found levels. Fix: remove levels, or use design: morris.`;
}

/** Returns the message for an odd number of Morris levels. */
export function morrisLevelsOdd(at: string, levels: number): string {
  return `${at}: levels is odd: expected an even number of grid levels (Morris's step of p/(2(p-1)) needs p even), found ${levels}. Fix: use ${levels + 1}.`;
}

/** Returns the message for a Sobol design with more parameters than the sequence's dimensions support. */
export function tooManySobolParameters(at: string, count: number, max: number): string {
  return `${at}: too many parameters for design sobol: expected at most ${max} (Saltelli sampling uses twice as many Sobol' dimensions), found ${count}. Fix: vary fewer keys, or screen them first with design: morris.`;
}

/** Returns the message for a recorded step (record.timeseries.steps, a metric's step or window, `every`) after the run's last step. */
export function recordStepBeyondRun(at: string, key: string, step: number, steps: number): string {
  return `${at}: ${key} asks for step ${step}: expected a step from 1 to ${steps} (the base scenario's time.steps), found ${step}. Fix: use a step of at most ${steps}.`;
}

/** Returns the message for a record.metrics entry that names no summary metric, with the closest name when one is near;
 * a time-series field written alone is told how to ask for it. */
export function unknownRecordMetric(
  at: string,
  written: string,
  metrics: readonly string[],
  fields: readonly string[],
  suggestion?: string,
): string {
  if (fields.includes(written))
    return `${at}: record.metrics names ${written}, a time-series field: expected a summary metric, or the field at a step or over a window. Fix: write {field: ${written}, step: 120} or {field: ${written}, window: [61, 120]}.`;
  const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? `use one of ${metrics.join(', ')}` : `write ${suggestion}`;
  return `${at}: record.metrics names an unknown metric ${JSON.stringify(written)}: expected a summary metric (${metrics.join(', ')}) or a time-series field as {field, step} or {field, window}${hint} Fix: ${fix}.`;
}

/** Returns the message for a time-series field that does not exist (in record.metrics or record.timeseries.fields). */
export function unknownRecordField(at: string, key: string, written: string, fields: readonly string[], suggestion?: string): string {
  const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? `use one of ${fields.join(', ')}` : `write ${suggestion}`;
  return `${at}: ${key} names an unknown time-series field ${JSON.stringify(written)}: expected one of ${fields.join(', ')}${hint} Fix: ${fix}.`;
}

/** Returns the message for a window whose last step comes before its first. */
export function windowNotIncreasing(at: string, from: number, to: number): string {
  return `${at}: record.metrics window [${from}, ${to}] ends before it starts: expected [first step, last step] with the first at most the last. Fix: write [${to}, ${from}].`;
}

// ---------------------------------------------------------------------------------------------
// Sweep directories: merging the parts of a sharded sweep.

/** Returns the message for merge or status without directories. */
export function noParts(): string {
  return 'no sweep directories given: expected one or more directories that partnersim sweep wrote. Fix: list them, e.g. results/my-sweep.parts/shard-*.';
}

/** Returns the message for a part that belongs to another sweep. */
export function foreignPart(dir: string, name: string, hash: string, firstDir: string, firstName: string, firstHash: string): string {
  return `${dir}: is part of another sweep: expected sweep ${firstName} (hash ${firstHash}) like ${firstDir}, found ${name} (hash ${hash}). Fix: leave ${dir} out, or rerun it with the same sweep file and partnersim version.`;
}

/** Returns the message for parts written in different formats. */
export function partFormatDiffers(dir: string, format: string, firstDir: string, firstFormat: string): string {
  return `${dir}: written as ${format}: expected ${firstFormat} like ${firstDir}. Fix: rerun the odd part with --format ${firstFormat}.`;
}

/** Returns the message for parts sharded differently. */
export function partShardingDiffers(dir: string, shard: string, firstDir: string, firstShard: string): string {
  return `${dir}: holds ${shard}: expected the same number of shards as ${firstDir} (${firstShard}). Fix: merge parts of one sharding only.`;
}

/** Returns the message for runs found in two parts. */
export function mergeDuplicateRuns(dir: string, other: string, indices: readonly number[]): string {
  return `${dir}: repeats runs already in ${other}: expected each run in exactly one part, found runs ${listedIndices(indices)} twice. Fix: give each shard's directory once.`;
}

/** Returns the message for a merge that lacks runs, with the shards to run again. */
export function mergeMissingRuns(
  missing: readonly number[],
  resubmit: readonly number[],
  shards: number | null,
  absent: readonly number[],
): string {
  const which =
    shards === null
      ? 'run the sweep again with the same command to finish it'
      : `run shards ${resubmit.join(', ')} (of ${shards}) again${absent.length > 0 ? ` (no directory given for shards ${absent.join(', ')})` : ''}`;
  return `cannot merge: expected every run of the sweep, found ${missing.length} missing: runs ${listedIndices(missing)}. Fix: ${which}; partnersim sweep status lists them.`;
}

// ---------------------------------------------------------------------------------------------
// The SLURM script.

/** Returns the message for a --time that sbatch would not take. */
export function slurmBadTime(value: string): string {
  return `--time: expected a time limit as sbatch takes it (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS), found ${JSON.stringify(value)}. Fix: write it such as --time 02:00:00.`;
}

/** Returns the message for a --partition that is not a partition name (or a comma-separated list of them). */
export function slurmBadPartition(value: string): string {
  return `--partition: expected a partition name (letters, digits, _ . -; several separated by commas), found ${JSON.stringify(value)}. Fix: use a name sinfo lists, such as --partition compute.`;
}

/** Returns the message for a text bound for the script (a path, a name) holding a control character: a new line
 * would start a command of its own. */
export function slurmUnsafeText(what: string, value: string): string {
  return `${what}: expected no control characters in a text written into the script (a new line would start a command of its own), found ${JSON.stringify(value)}. Fix: rename or move it to a path without them.`;
}
