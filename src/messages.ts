// Every message a user can see, as a named function, so that wording lives in one place and tests
// assert against these functions rather than copies of their text. Grouped by where they arise.
import type { MetricName } from './engine/types.ts';

// ---------------------------------------------------------------------------------------------
// Where a problem is: a position in a file, or a --set argument.

/** Returns the location of a problem in a file, as `file:line:column` (both from 1). */
export function fileLocation(file: string, line: number, col: number): string {
  return `${file}:${line}:${col}`;
}

/** Returns the location of a problem in a --set argument. */
export function setLocation(arg: string): string {
  return `--set ${arg}`;
}

// ---------------------------------------------------------------------------------------------
// Fragments: how a found value is named inside a message.

/** Returns a short description of a value as it was found in a scenario, e.g. `1.5`, `the text "high"`, `a list`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a mapping';
}

// ---------------------------------------------------------------------------------------------
// Scenario files: syntax.

/** Returns the message for a YAML file that does not parse. */
export function malformedYaml(at: string, problem: string, found: string): string {
  return `${at}: malformed YAML: ${problem}: expected valid YAML, found ${found}. Fix: check the indentation and that each key is followed by ": " and its value.`;
}

/** Returns the message for a JSON file that does not parse. */
export function malformedJson(at: string, expected: string, found: string): string {
  return `${at}: malformed JSON: expected ${expected}, found ${found}. Fix: JSON needs double-quoted keys and text, a comma between entries and none after the last.`;
}

/** Returns the message for a key written twice in one mapping (YAML or JSON). */
export function repeatedKey(at: string, found: string): string {
  return `${at}: repeated key: expected each key once in a mapping, found ${found} a second time. Fix: remove one of the two, keeping the value you mean.`;
}

// ---------------------------------------------------------------------------------------------
// Scenario files: keys and values.

/** Returns the message for a key the scenario schema does not know, with the closest valid key when one is near. */
export function unknownKey(
  at: string,
  key: string,
  name: string,
  allowed: readonly string[],
  suggestion?: string,
  schemaFile = 'scenarios/schema.json',
): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? `remove it, or check its spelling and nesting against ${schemaFile}` : `use ${suggestion} instead`;
  return `${at}: unknown key ${key}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(name)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a value of the wrong kind (text for a number, a mapping for a list...). */
export function wrongType(at: string, key: string, expected: string, found: string): string {
  return `${at}: ${key} has the wrong type: expected ${expected}, found ${found}. Fix: replace ${found} with ${expected}.`;
}

/** Returns the message for a number outside its allowed range. */
export function outOfRange(at: string, key: string, expected: string, found: string): string {
  return `${at}: ${key} is out of range: expected ${expected}, found ${found}. Fix: change ${found} to ${expected}.`;
}

/** Returns the message for a required key that is absent (a schedule entry's `from` or `value`, an area's `name`). */
export function missingKey(at: string, key: string, expected: string): string {
  return `${at}: ${key} is missing: expected ${expected}, found nothing. Fix: add ${key} with ${expected}.`;
}

/** Returns the message for a schedule whose first entry does not start at step 0. */
export function scheduleNotFromZero(at: string, key: string, from: number): string {
  return `${at}: ${key} does not start at step 0: expected the first entry to have from: 0, found from: ${from}. Fix: add {from: 0, value: ...} first, giving the value before step ${from}.`;
}

/** Returns the message for a schedule whose `from` steps do not strictly increase. */
export function scheduleOutOfOrder(at: string, key: string, previous: number, from: number): string {
  return `${at}: ${key} is out of order: expected a step after ${previous} (the entry before), found from: ${from}. Fix: list the entries in increasing order of from, at most one per step.`;
}

/** Returns the message for two areas with the same name. */
export function duplicateAreaName(at: string, key: string, name: string, first: string): string {
  return `${at}: ${key} repeats an area name: expected each area's name to be unique, found ${JSON.stringify(name)} again (first at ${first}). Fix: rename one of the two areas.`;
}

// ---------------------------------------------------------------------------------------------
// Scenario files: finding them and following `extends`.

/** Returns the message for a scenario file that does not exist. */
export function fileMissing(path: string): string {
  return `${path}: scenario file not found: expected a YAML or JSON file there, found nothing. Fix: check the file name and its directory.`;
}

/** Returns the message for a scenario file that exists but cannot be read. */
export function fileUnreadable(path: string, reason: string): string {
  return `${path}: scenario file unreadable: expected a readable file, found ${reason}. Fix: check the file's permissions.`;
}

/** Returns the message for an `extends` that names a file that does not exist. */
export function extendsMissing(at: string, target: string, fromFile: string): string {
  return `${at}: extends names a missing file: expected a scenario file at ${target}, found nothing. Fix: correct the path, which is relative to ${fromFile}.`;
}

/** Returns the message for `extends` that leads back to a file already in the chain. */
export function extendsCycle(at: string, chain: readonly string[]): string {
  return `${at}: extends makes a cycle ${chain.join(' -> ')}: expected a chain that ends in a file without extends, found one that returns to ${chain[chain.length - 1]}. Fix: remove extends from one of these files.`;
}

// ---------------------------------------------------------------------------------------------
// --set overrides.

/** Returns the message for a --set argument without `=`. */
export function setMissingEquals(arg: string): string {
  return `${setLocation(arg)}: expected key=value, found no "=". Fix: write --set ${arg}=<value>.`;
}

/** Returns the message for a --set key that is not the key of one value in a scenario file, with the closest such key when one is near. */
export function setUnknownKey(arg: string, key: string, value: string, suggestion?: string): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? 'partnersim schema lists every key' : `--set ${suggestion}=${value}`;
  return `${setLocation(arg)}: unknown key ${key}: expected the dotted key of one value as written in a scenario file (such as policy.carrot), found ${JSON.stringify(key)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a --set value that is not valid YAML flow. */
export function setUnparsable(arg: string, key: string, problem: string): string {
  return `${setLocation(arg)}: the value of ${key} does not parse: expected a YAML flow value such as 0.5 or [{from: 0, value: 0.8}, {from: 36, value: 0}], found ${problem}. Fix: correct the value, and quote the whole argument for the shell.`;
}

// ---------------------------------------------------------------------------------------------
// Commands.

/** Returns an error line as the CLI prints it. */
export function errorLine(message: string): string {
  return `partnersim: ${message}`;
}

/** Returns the line `partnersim validate` prints for a good scenario file. */
export function validateOk(file: string, name: string, organisations: number, areas: number, steps: number): string {
  return `ok  ${file}  (${name}, ${organisations} organisations in ${areas} ${areas === 1 ? 'area' : 'areas'}, ${steps} steps)`;
}

/** Returns the line `partnersim validate` prints for a good sweep file. */
export function validateSweepOk(file: string, name: string, design: string, points: number, runs: number, scenario: string): string {
  return `ok  ${file}  (sweep ${name}: ${design} design, ${points} ${points === 1 ? 'point' : 'points'}, ${runs} ${runs === 1 ? 'run' : 'runs'} over scenario ${scenario})`;
}

/** Returns the message for --set given with a sweep file to validate. */
export function setOnSweep(file: string): string {
  return `${file}: --set does not apply to a sweep file: expected scenario files with --set, found a sweep. Fix: validate the sweep without --set, and set fixed keys in its base scenario.`;
}

/** Returns the line `partnersim schema --write` prints once the schema file is written. */
export function schemaWritten(path: string): string {
  return `wrote ${path}`;
}

/** Returns the message for an output file that cannot be written. */
export function outputUnwritable(path: string, reason: string): string {
  return `${path}: cannot write: ${reason}. Fix: check that the directory exists and is writable.`;
}

// ---------------------------------------------------------------------------------------------
// partnersim run: options, result directories, progress and the printed summary.

/** Returns the message for a --steps or --reps value that is not a positive whole number. */
export function notPositiveInteger(option: string, value: string): string {
  return `${option}: expected a positive whole number, found ${JSON.stringify(value)}. Fix: write ${option} followed by a number such as 12.`;
}

/** Returns the message for a --steps value above the longest run a scenario may ask for. */
export function tooManySteps(value: string, max: number): string {
  return `--steps: expected a whole number from 1 to ${max}, found ${value}. Fix: run at most ${max} steps.`;
}

/** Returns the message for a --seed value that is not a whole number in the seed range. */
export function badSeed(value: string): string {
  return `--seed: expected a whole number from 0 to 4294967295, found ${JSON.stringify(value)}. Fix: write --seed followed by a number such as 42.`;
}

/** Returns the reason an operating-system error code gives for failing to write, in words. */
export function writeFailureReason(code: string | undefined, detail: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'part of the path is a file, not a directory';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return detail;
  }
}

/** Returns the message for a result directory that cannot be written. */
export function resultDirUnwritable(dir: string, reason: string): string {
  return `${dir}: cannot write results: ${reason}. Fix: choose another directory with --out, or make this path a writable directory.`;
}

/** Returns the message for an output path that holds something other than earlier results, which a run will not replace. */
export function resultDirOccupied(dir: string, found: 'a file' | 'files that are not partnersim results'): string {
  return `${dir}: will not replace it with results: expected nothing there, an empty directory or earlier partnersim results (with manifest.json), found ${found}. Fix: choose another directory with --out, or move what is there.`;
}

/** Returns the message for a run that failed inside the model (a bug, not bad input), with what was thrown. */
export function runFailed(replicate: number, seed: number, detail: string): string {
  return `replicate ${replicate} (seed ${seed}) failed; no results were written. Please report this with the scenario and seed:\n${detail}`;
}

/** Returns the plain progress line printed on a non-terminal stderr as each replicate finishes. */
export function replicateDone(done: number, total: number, seed: number): string {
  return `run ${done} of ${total} done (seed ${seed})`;
}

/** Returns the cli-progress format of the bar shown on a terminal while replicates run. */
export function replicateBarFormat(): string {
  return 'runs {bar} {value}/{total} | ETA {eta_formatted}';
}

/** What each metric is called in words, in summaries and reports. */
export const METRIC_LABELS: Record<MetricName, string> = {
  partnershipsFormed: 'partnerships formed',
  partnershipsDissolved: 'partnerships dissolved',
  partnershipsActiveAtEnd: 'partnerships active at end',
  participationAtEnd: 'participation at end',
  meanTrustAtEnd: 'mean trust at end',
  meanStrengthAtEnd: 'mean strength at end',
  strongShareAtEnd: 'strong share at end',
  meanLifetimeYears: 'mean lifetime (years)',
  survival3y: 'survival to 3 years',
  survival5y: 'survival to 5 years',
};
const LABEL_WIDTH = Math.max(...Object.values(METRIC_LABELS).map((label) => label.length)) + 2;

const shown = (value: number): string => (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3))));
const metricLine = (name: MetricName, value: string): string => `  ${METRIC_LABELS[name].padEnd(LABEL_WIDTH)}${value}`;
const NOT_MEASURED = 'not measured (no partnership reached that age)';

/** Returns the summary `partnersim run` prints for one run: scenario, seeds, steps, organisations, then each metric. */
export function runSummary(
  scenario: string,
  masterSeed: number,
  runSeed: number,
  steps: number,
  organisations: number,
  metrics: Readonly<Record<MetricName, number | null>>,
): string {
  const lines = (Object.keys(METRIC_LABELS) as MetricName[]).map((name) =>
    metricLine(name, metrics[name] === null ? NOT_MEASURED : shown(metrics[name])),
  );
  return [`${scenario}: seed ${masterSeed} (run seed ${runSeed}), ${steps} steps, ${organisations} organisations`, ...lines].join('\n');
}

/** Returns the summary `partnersim run --reps` prints: scenario, master seed and replicates, then each metric's mean and 95% interval. */
export function replicatesSummary(
  scenario: string,
  masterSeed: number,
  reps: number,
  steps: number,
  organisations: number,
  metrics: Readonly<Record<MetricName, { readonly mean: number | null; readonly ci95: readonly [number, number] | null }>>,
): string {
  const value = ({ mean, ci95 }: { readonly mean: number | null; readonly ci95: readonly [number, number] | null }): string => {
    if (mean === null) return NOT_MEASURED;
    return ci95 === null
      ? `${shown(mean)}  (measured in one replicate: no interval)`
      : `${shown(mean)}  [${shown(ci95[0])}, ${shown(ci95[1])}]`;
  };
  const lines = (Object.keys(METRIC_LABELS) as MetricName[]).map((name) => metricLine(name, value(metrics[name])));
  return [
    `${scenario}: master seed ${masterSeed}, ${reps} replicates, ${steps} steps, ${organisations} organisations; mean [95% interval]`,
    ...lines,
  ].join('\n');
}

/** Returns the line naming the directory the results were written to. */
export function resultsWritten(dir: string): string {
  return `results written to ${dir}`;
}

// ---------------------------------------------------------------------------------------------
// Sweep files.

/** Returns the message for a sweep file that does not exist. */
export function sweepFileMissing(path: string): string {
  return `${path}: sweep file not found: expected a YAML or JSON sweep file there, found nothing. Fix: check the file name and its directory.`;
}

/** Returns the message for a sweep whose base scenario file does not exist. */
export function sweepScenarioMissing(at: string, target: string, sweepFile: string): string {
  return `${at}: scenario names a missing file: expected a scenario file at ${target}, found nothing. Fix: correct the path, which is relative to ${sweepFile}.`;
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

/** Returns the message for a time-series step after the run's last step. */
export function recordStepBeyondRun(at: string, step: number, steps: number): string {
  return `${at}: record.timeseries.steps asks for step ${step}: expected a step from 1 to ${steps} (the base scenario's time.steps), found ${step}. Fix: use a step of at most ${steps}.`;
}

// ---------------------------------------------------------------------------------------------
// Sweep directories: resuming, status, merging.

const listed = (indices: readonly number[], max = 20): string =>
  indices.length <= max ? indices.join(', ') : `${indices.slice(0, max).join(', ')} and ${indices.length - max} more`;

/** Returns the message for a directory that holds no sweep (no manifest.json of a sweep). */
export function notASweepDir(dir: string): string {
  return `${dir}: not a sweep directory: expected a manifest.json written by partnersim sweep, found no sweep manifest. Fix: give a directory that partnersim sweep (or merge) wrote.`;
}

/** Returns the message for a manifest or journal line that no longer parses. */
export function damagedSweepFile(path: string, line: number, reason: string): string {
  return `${path}:${line}: damaged: expected the JSON that partnersim sweep wrote, found text that does not parse (${reason}). Fix: restore the file, or delete the sweep's directory and run the sweep again.`;
}

/** Returns the message for resuming into a directory that holds another sweep. */
export function resumeOtherSweep(dir: string, foundName: string, foundHash: string, name: string, hash: string): string {
  return `${dir}: holds another sweep: expected sweep ${name} (hash ${hash}), found ${foundName} (hash ${foundHash}); the sweep file, its scenario or partnersim's version has changed since. Fix: choose another directory with --out, or delete ${dir} to start again.`;
}

/** Returns the message for resuming a shard into a directory that holds another shard. */
export function resumeOtherShard(dir: string, found: string, asked: string): string {
  return `${dir}: holds another part of this sweep: expected ${asked}, found ${found}. Fix: give each shard its own --out directory.`;
}

/** Returns the message for resuming with another output format. */
export function resumeOtherFormat(dir: string, found: string, asked: string): string {
  return `${dir}: holds this sweep in another format: expected --format ${asked}, found ${found}. Fix: run again with --format ${found}, or choose another --out directory.`;
}

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
  return `${dir}: repeats runs already in ${other}: expected each run in exactly one part, found runs ${listed(indices)} twice. Fix: give each shard's directory once.`;
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
  return `cannot merge: expected every run of the sweep, found ${missing.length} missing: runs ${listed(missing)}. Fix: ${which}; partnersim sweep status lists them.`;
}

// ---------------------------------------------------------------------------------------------
// partnersim sweep, merge and emit.

/** Returns the cli-progress format of the bar shown on a terminal while a sweep runs. */
export function sweepBarFormat(): string {
  return 'sweep {bar} {value}/{total} runs | {rate} runs/s | {eta_formatted} left';
}

/** Returns the plain progress line of a sweep (when stderr is not a terminal). */
export function sweepProgressLine(finished: number, total: number, perSecond: number, secondsLeft: number | null): string {
  const percent = Math.floor((100 * finished) / total);
  const left = secondsLeft === null ? '' : `, about ${formatDuration(secondsLeft)} left`;
  return `sweep: ${finished}/${total} runs (${percent}%)${perSecond > 0 ? `, ${perSecond.toFixed(1)} runs/s` : ''}${finished < total ? left : ''}`;
}

/** Returns a duration in seconds as a person reads it: 45 s, 12 min, 3.5 h. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Returns the line a finished sweep prints. */
export function sweepFinished(name: string, part: string, total: number, ran: number, kept: number, failed: number, dir: string): string {
  const from = kept > 0 ? ` (${ran} run now, ${kept} kept from before)` : '';
  return `sweep ${name}, ${part}: ${total} runs done${from}, ${failed} failed; results written to ${dir}`;
}

/** Returns the message for a sweep whose runs failed, naming them and how to run them again. */
export function sweepRunsFailed(failed: readonly number[], total: number, dir: string, firstError: string): string {
  return `${failed.length} of ${total} runs failed: runs ${listed(failed)}; the first error was: ${firstError}. Their errors are in ${dir}/journal.jsonl and the error column of the runs table. Fix: correct the cause, then run the same command again: finished runs are kept and only the failed ones run again.`;
}

/** Returns the message for an interrupted sweep. */
export function sweepInterrupted(finished: number, total: number, dir: string): string {
  return `interrupted: ${finished} of ${total} runs are finished and kept in ${dir}. Run the same command again to resume.`;
}

/** Returns the message for a --shard that is not i/N or auto/N. */
export function badShard(text: string): string {
  return `--shard ${text}: expected i/N with 0 <= i < N (such as 2/7), or auto/N to take i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, found ${JSON.stringify(text)}. Fix: write --shard 0/${/\/(\d+)$/.exec(text)?.[1] ?? 'N'} for the first of N shards.`;
}

/** Returns the message for --shard auto/N when no array-index variable is set. */
export function shardIndexUnset(count: number, names: readonly string[]): string {
  return `--shard auto/${count}: expected the shard index in one of ${names.join(', ')}, found none set. Fix: run inside a job array, or give the index: --shard 0/${count}.`;
}

/** Returns the message for an array-index variable that is not a shard index. */
export function shardIndexBad(name: string, value: string, count: number): string {
  return `--shard auto/${count}: ${name} is ${JSON.stringify(value)}: expected a whole number from 0 to ${count - 1}. Fix: submit the job array as --array=0-${count - 1}.`;
}

/** Returns the lines `partnersim sweep status` prints. */
export function sweepStatusReport(
  name: string,
  hash: string,
  runs: number,
  finished: number,
  failed: readonly number[],
  missing: readonly number[],
  shards: number | null,
  resubmit: readonly number[],
  absent: readonly number[],
): string {
  const lines = [
    `sweep ${name} (hash ${hash}): ${runs} runs${shards === null ? '' : ` in ${shards} shards`}; ${finished - failed.length} finished, ${failed.length} failed, ${missing.length} missing`,
  ];
  if (missing.length > 0) lines.push(`missing runs: ${listed(missing)}`);
  if (failed.length > 0) lines.push(`failed runs: ${listed(failed)}`);
  if (absent.length > 0) lines.push(`shards with no directory given: ${absent.join(', ')}`);
  if (resubmit.length > 0)
    lines.push(
      `shards to run again: ${resubmit.join(', ')} (sbatch --array=${resubmit.join(',')} with the script from partnersim emit slurm)`,
    );
  if (missing.length === 0 && failed.length === 0)
    lines.push(shards === null ? 'complete' : 'complete: merge the parts with partnersim merge');
  else if (shards === null) lines.push('to finish: run the same partnersim sweep command again');
  return lines.join('\n');
}

/** Returns the line partnersim merge prints. */
export function mergeWritten(parts: number, runs: number, dir: string): string {
  return `merged ${parts} parts (${runs} runs) into ${dir}`;
}

/** Returns the lines partnersim emit slurm prints: where the script is and how to submit it. */
export function slurmScriptWritten(path: string, shards: number): string {
  return `wrote ${path}: a job array of ${shards} shards and a chained merge. Submit it with: sbatch ${path}`;
}

// ---------------------------------------------------------------------------------------------
// partnersim analyse: what it refuses, and what it prints.

/** Returns the message for analysing one shard of a sweep. */
export function analyseShard(dir: string, name: string, shard: string): string {
  return `${dir}: holds ${shard} of sweep ${name}: expected a whole sweep, found one shard of it. Fix: merge the shards first (partnersim merge DIR... --out DIR), then analyse the merged directory.`;
}

/** Returns the message for analysing a sweep that has not finished. */
export function analyseIncomplete(dir: string, name: string, finished: number, runs: number): string {
  return `${dir}: sweep ${name} is incomplete: expected all ${runs} runs finished, found ${finished}. Fix: run the same partnersim sweep command again to finish it (partnersim sweep status ${dir} lists what is missing).`;
}

/** Returns the message for a method the sweep's design cannot answer. */
export function methodNeedsDesign(method: 'sobol' | 'morris', sweep: string, design: string): string {
  const needs =
    method === 'sobol' ? "design sobol (Saltelli sampling) for Sobol' indices" : 'design morris (trajectories) for elementary effects';
  const example = method === 'sobol' ? 'sweeps/levers-sobol.yaml' : 'sweeps/levers-morris.yaml';
  return `--method ${method}: sweep ${sweep} was made with design ${design}: expected ${needs}. Fix: analyse a sweep made with design: ${method} (such as ${example}), or use --method prim, which takes any design.`;
}

/** Returns the message for a --method that is none of the analyses. */
export function unknownMethod(text: string, methods: readonly string[]): string {
  return `--method ${text}: expected one of ${methods.join(', ')}, found ${JSON.stringify(text)}. Fix: use ${methods.map((m) => `--method ${m}`).join(', ')}.`;
}

/** Returns the message for a metric the sweep did not record. */
export function metricNotRecorded(metric: string, sweep: string, recorded: readonly string[]): string {
  return `--metric ${metric}: expected a metric sweep ${sweep} recorded (${recorded.join(', ')}), found ${JSON.stringify(metric)}. Fix: use one of those, or add it to the sweep's record.metrics and run it again.`;
}

/** Returns the message for a metric no run of the sweep measured. */
export function metricNeverMeasured(metric: string, sweep: string): string {
  return `--metric ${metric}: no run of sweep ${sweep} measured it (such as survival5y in runs shorter than five years): expected some values to analyse, found none. Fix: choose another metric, or lengthen the base scenario's time.steps.`;
}

/** Returns the message for --metric and --where naming different metrics. */
export function whereMetricConflict(metric: string, whereMetric: string): string {
  return `--where: names ${whereMetric} but --metric names ${metric}: expected one metric. Fix: drop --metric (the condition names it) or make them agree.`;
}

/** Returns the message for PRIM without a condition, with one to try. */
export function whereMissing(suggestion: { readonly metric: string; readonly op: string; readonly value: number }): string {
  return `--method prim: expected an outcome to look for, found no --where. Fix: add one, such as --where "${suggestion.metric} ${suggestion.op} ${suggestion.value}" (about a quarter of this sweep's runs meet it); keep the quotes, or the shell takes > as a redirection.`;
}

/** Returns the message for a --where that does not parse. */
export function whereUnparsable(text: string, metrics: readonly string[]): string {
  const found = /^[A-Za-z0-9]+$/.test(text.trim())
    ? `${JSON.stringify(text)}, with no comparison (unquoted, the shell takes > as a redirection)`
    : JSON.stringify(text);
  return `--where ${text}: expected a metric (${metrics.join(', ')}), a comparison (>=, >, <= or <) and a number, such as "survival5y >= 0.6", found ${found}. Fix: write the condition in quotes: --where "survival5y >= 0.6".`;
}

/** Returns what `partnersim analyse` prints: the key findings, then where the report is. */
export function analysisFinished(findings: readonly string[], dir: string): string {
  return [...findings.map((finding) => `- ${finding}`), `report written to ${dir}/report.html (analysis.json and charts/ beside it)`].join(
    '\n',
  );
}

// ---------------------------------------------------------------------------------------------
// Reports: the key findings, as sentences built from the numbers.

/** The metrics that are shares of a whole, shown as percentages (and their differences as percentage points). */
export const SHARE_METRICS: ReadonlySet<MetricName> = new Set(['participationAtEnd', 'strongShareAtEnd', 'survival3y', 'survival5y']);

/** Returns a value of a metric as a report shows it: a share as a percentage, anything else to 3 significant digits. */
export function formatMetric(metric: MetricName, value: number): string {
  return SHARE_METRICS.has(metric) ? `${Math.round(value * 100)}%` : shown(value);
}

const signed = (text: string, value: number): string => (value > 0 ? `+${text}` : text.replace('-', '−'));
const dash = (low: string, high: string): string => `${low}–${high}`;
const years = (n: number): string => (n === 1 ? 'one year' : n === 2 ? 'two years' : `${n} years`);

/** Returns the sentence on partnerships after a fund ends: the share still active some years later, with its interval, in each scenario. */
export function findingFundEnd(
  scenario: string,
  endYear: number,
  later: number,
  own: { readonly mean: number; readonly ci95: readonly [number, number] | null },
  others: readonly { readonly scenario: string; readonly mean: number; readonly ci95: readonly [number, number] | null }[],
): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const withCi = (mean: number, ci: readonly [number, number] | null, long: boolean) =>
    ci === null
      ? pct(mean)
      : `${pct(mean)} (${long ? '95% CI ' : ''}${dash(String(Math.round(Math.max(0, ci[0]) * 100)), pct(Math.min(1, ci[1])))})`;
  const against = others.map((o) => `${withCi(o.mean, o.ci95, false)} under ${o.scenario}`);
  const tail = against.length === 0 ? '' : `, against ${against.join(' and ')}`;
  return `Under ${scenario}, ${withCi(own.mean, own.ci95, true)} of the partnerships active when the fund ends (year ${shown(endYear)}) are still active ${years(later)} later${tail}.`;
}

/** Returns the sentence on one metric that differs clearly (its 95% interval excludes zero) between a scenario and the baseline. */
export function findingDifference(
  scenario: string,
  baseline: string,
  metric: MetricName,
  value: number,
  baseValue: number,
  difference: number,
  ci95: readonly [number, number],
): string {
  // Shares differ in percentage points, to one decimal; other metrics to 3 significant digits.
  const share = SHARE_METRICS.has(metric);
  const diff = (v: number) => signed(share ? (v * 100).toFixed(1) : shown(v), v);
  const unit = share ? ' points' : '';
  const direction = difference > 0 ? 'higher' : 'lower';
  return `${capitalise(METRIC_LABELS[metric])} is ${direction} under ${scenario} than under ${baseline}: ${formatMetric(metric, value)} against ${formatMetric(metric, baseValue)} (difference ${diff(difference)}${unit}, 95% CI ${diff(ci95[0])} to ${diff(ci95[1])}${unit}).`;
}

/** Returns the sentence for a scenario with no metric clearly different from the baseline. */
export function findingNoDifference(scenario: string, baseline: string, replicates: number): string {
  return `Over ${replicates} paired replicates, ${scenario} shows no clear difference from ${baseline} in any metric: every 95% interval of the difference includes zero.`;
}

/** Returns the sentence summarising a single scenario's outcomes. */
export function findingSingle(
  scenario: string,
  replicates: number,
  runYears: number,
  formed: number,
  activeAtEnd: number,
  participation: number,
  survival5y: number | null,
): string {
  const survival =
    survival5y === null
      ? 'no partnership reached five years, so 5-year survival is not measured'
      : `${Math.round(survival5y * 100)}% of partnerships survive five years`;
  const over = replicates === 1 ? 'In one run' : `Averaged over ${replicates} replicates`;
  return `${over} of ${scenario} (${shown(runYears)} years), ${shown(formed)} partnerships form and ${shown(activeAtEnd)} are active at the end; ${Math.round(participation * 100)}% of organisations take part, and ${survival}.`;
}

/** Returns a text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Returns the message for a result directory that lacks one of its files. */
export function resultFileMissing(dir: string, name: string): string {
  return `${dir}: not a complete result directory: expected ${name} (written by partnersim run, compare or analyse), found none. Fix: give a directory that partnersim run, compare or analyse wrote, or run it again.`;
}

/** Returns the message for a result file that does not parse. */
export function resultFileDamaged(path: string, reason: string): string {
  return `${path}: damaged: expected the file partnersim wrote, found text that does not parse (${reason}). Fix: run the command that wrote it again.`;
}

/** Returns a lever's schedule in words for a report: `0.3`, or `0 → 0.8 from year 1 → 0 from year 4`. */
export function scheduleInWords(schedule: readonly { readonly from: number; readonly value: number }[], stepsPerYear: number): string {
  return schedule
    .map((entry, i) =>
      i === 0 ? shown(entry.value) : `${shown(entry.value)} from year ${shown(Number((entry.from / stepsPerYear).toPrecision(3)))}`,
    )
    .join(' → ');
}

/** Returns the title of a single scenario's report. */
export function runReportTitle(scenario: string): string {
  return `partnersim: ${scenario}`;
}

/** Returns the title of a comparison's report. */
export function compareTitle(others: readonly string[], baseline: string): string {
  return `partnersim: ${others.join(', ')} compared with ${baseline}`;
}

/** Returns the line naming the report written. */
export function reportWritten(path: string): string {
  return `report written to ${path}`;
}

/** Returns what `partnersim compare` prints: the key findings, then where the report is. */
export function compareFinished(findings: readonly string[], dir: string): string {
  return [
    ...findings.map((finding) => `- ${finding}`),
    `report written to ${dir}/report.html (results of each scenario, comparison.json and charts/ beside it)`,
  ].join('\n');
}

/** Returns the message for two compared scenarios with the same name. */
export function duplicateScenarioName(name: string, first: string, second: string): string {
  return `${second}: scenario name ${JSON.stringify(name)} is already used by ${first}: expected each compared scenario to have its own name. Fix: give one of them another name: key.`;
}

/** Returns the message for a --baseline that names none of the scenarios. */
export function unknownBaseline(baseline: string, names: readonly string[]): string {
  return `--baseline ${baseline}: expected the name or file of one of the compared scenarios (${names.join(', ')}), found none called ${JSON.stringify(baseline)}. Fix: use one of those names.`;
}

// ---------------------------------------------------------------------------------------------
// The classroom.

/** Returns the line `partnersim serve` prints once the page is served. */
export function classroomServing(url: string): string {
  return `classroom at ${url} — open it in a browser (it runs offline); Ctrl-C stops the server`;
}

/** Returns the line `partnersim serve` prints when stopped. */
export function classroomStopped(): string {
  return 'classroom server stopped';
}

/** Returns the line `partnersim classroom --export` prints. */
export function classroomExported(path: string): string {
  return `wrote ${path}: the classroom page in one file; open it in a browser, no Node or network needed`;
}

/** Returns the message for a port already in use. */
export function portInUse(port: number): string {
  return `--port ${port}: the port is in use: expected a free port, found another server on it. Fix: choose another with --port, or --port 0 for any free port.`;
}

/** Returns the note printed when `serve --open` could not open a browser, with why (one of the reasons below). */
export function openFailed(url: string, reason: string): string {
  return `could not open a browser (${reason}): open ${url} in a browser yourself; the classroom is served until Ctrl-C`;
}

/** Returns why no browser was tried: a Linux or BSD machine with no graphical display. */
export function openNoDisplay(): string {
  return 'no graphical display: DISPLAY and WAYLAND_DISPLAY are unset';
}

/** Returns why the platform's opener could not be started. */
export function openerMissing(command: string): string {
  return `${command} is not installed`;
}

/** Returns why the platform's opener failed: its exit status, and for xdg-open's status 3 that it found no browser. */
export function openerExited(command: string, status: number | null, signal: string | null): string {
  if (status === null) return `${command} was stopped by ${signal ?? 'a signal'}`;
  return `${command} exited with status ${status}${command === 'xdg-open' && status === 3 ? ': it found no browser to open' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Analysis findings: sentences built from a sweep analysis's numbers (report/analysis-findings.ts picks which).

/** An estimate with its interval, as an analysis gives it. */
type Estimated = { readonly estimate: number; readonly ci: readonly [number, number] };

/** Returns a share as a whole percentage with a true minus sign: `42%`, `−2%`. */
export function wholePercent(share: number): string {
  return `${Math.round(share * 100) + 0}%`.replace('-', '−');
}

/** Returns a share and its interval as percentages: `42% (95% CI 35% to 50%)`. */
const percentWithCi = ({ estimate, ci }: Estimated, confidence: number): string =>
  `${wholePercent(estimate)} (${wholePercent(confidence)} CI ${wholePercent(ci[0])} to ${wholePercent(ci[1])})`;
const count = (n: number): string => new Intl.NumberFormat('en-GB').format(n);
const CONDITION_SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** Returns items joined as in a sentence: `a`, `a and b`, `a, b and c` (or `or` for `and`). */
export function listInWords(items: readonly string[], join: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${join} ${items[items.length - 1]}`;
}

/** Returns the title of an analysis's report, such as `partnersim: Sobol' indices of survival5y over sweep levers`. */
export function analysisTitle(method: 'sobol' | 'morris' | 'prim', sweep: string, subject: string): string {
  if (method === 'sobol') return `partnersim: Sobol' indices of ${subject} over sweep ${sweep}`;
  if (method === 'morris') return `partnersim: Morris elementary effects on ${subject} over sweep ${sweep}`;
  return `partnersim: where ${subject} holds in sweep ${sweep} (PRIM)`;
}

/** Returns a PRIM condition in words: `survival to 5 years ≥ 0.6`. */
export function conditionInWords(condition: {
  readonly metric: MetricName;
  readonly op: '>=' | '>' | '<=' | '<';
  readonly value: number;
}): string {
  return `${METRIC_LABELS[condition.metric]} ${CONDITION_SYMBOLS[condition.op]} ${shown(condition.value)}`;
}

/** Returns the sentence for a chosen metric the analysis could not estimate, with the method's reason. */
export function findingNotAnalysed(metric: MetricName, reason: string): string {
  return `${capitalise(METRIC_LABELS[metric])} could not be analysed: ${reason.replace(/\.$/, '')}.`;
}

/** Returns the sentence naming the parameter with the largest total-order Sobol' index, with both its indices. */
export function findingSobolTop(metric: MetricName, parameter: string, first: Estimated, total: Estimated, confidence: number): string {
  return `For ${METRIC_LABELS[metric]}, ${parameter} matters most: on its own it accounts for an estimated ${percentWithCi(first, confidence)} of the variance, and with its interactions for ${percentWithCi(total, confidence)}.`;
}

/** Returns the sentence naming the parameters whose total-order interval reaches down to 0. */
export function findingSobolNegligible(metric: MetricName, parameters: readonly string[]): string {
  const one = parameters.length === 1;
  return `The total-order ${one ? 'interval' : 'intervals'} of ${listInWords(parameters)} ${one ? 'reaches' : 'reach'} down to 0: ${METRIC_LABELS[metric]} may not depend on ${one ? 'it' : 'them'} at all over the sweep, so ${one ? 'it' : 'they'} could be fixed at any value in ${one ? 'its range' : 'their ranges'}.`;
}

/** Returns the sentence on the share of variance from interactions, when the first-order indices leave a noticeable share. */
export function findingSobolInteractions(metric: MetricName, sumFirst: number): string {
  return `The first-order indices add up to ${wholePercent(sumFirst)}, so an estimated ${wholePercent(1 - sumFirst)} of the variance of ${METRIC_LABELS[metric]} comes from parameters acting together (interactions) rather than alone; both figures are estimates from the sampled runs.`;
}

/** Returns the sentence for first-order indices that account for (nearly) all the variance. */
export function findingSobolAdditive(metric: MetricName, sumFirst: number): string {
  return `The first-order indices add up to ${wholePercent(sumFirst)}: the parameters act on ${METRIC_LABELS[metric]} almost independently of each other, with little or no variance from interactions (within sampling error).`;
}

/** Returns the note on base samples left out because an output in their block was missing. */
export function findingSobolDropped(metric: MetricName, dropped: number, used: number): string {
  const blocks = dropped === 1 ? 'base sample was' : 'base samples were';
  return `${count(dropped)} of ${count(dropped + used)} ${blocks} left out because a point in ${dropped === 1 ? 'its' : 'their'} block had no measured ${METRIC_LABELS[metric]}; the indices rest on the other ${count(used)}.`;
}

/** Returns the note on bootstrap intervals too wide to rank parameters, naming the widest and how to narrow them. */
export function findingSobolWide(parameter: string, total: Estimated, samples: number): string {
  return `The intervals are wide (the total-order index of ${parameter} lies anywhere from ${wholePercent(total.ci[0])} to ${wholePercent(total.ci[1])}): raise samples in the sweep file (${count(samples)} now) for sharper estimates; intervals narrow about as one over the square root of samples.`;
}

/** Returns the sentence ranking parameters by mu*, the largest first. */
export function findingMorrisRanking(
  metric: MetricName,
  ranked: readonly { readonly parameter: string; readonly muStar: number }[],
): string {
  return `For ${METRIC_LABELS[metric]}, the parameters ranked by μ* (the mean size of their elementary effects) are ${listInWords(ranked.map((r) => `${r.parameter} (${shown(r.muStar)})`))}.`;
}

/** Returns the sentence naming the parameters whose mu* interval includes 0. */
export function findingMorrisNegligible(metric: MetricName, parameters: readonly string[]): string {
  const one = parameters.length === 1;
  return `The μ* ${one ? 'interval' : 'intervals'} of ${listInWords(parameters)} ${one ? 'includes' : 'include'} 0: ${one ? 'its' : 'their'} effect on ${METRIC_LABELS[metric]} is negligible over the sweep's ranges.`;
}

/** Returns the sentence naming the parameters whose sigma exceeds their mu*. */
export function findingMorrisNonLinear(
  metric: MetricName,
  parameters: readonly { readonly parameter: string; readonly ratio: number }[],
): string {
  const one = parameters.length === 1;
  const named = listInWords(parameters.map((p, i) => `${p.parameter} (${i === 0 ? 'σ/μ* ' : ''}${p.ratio.toFixed(2)})`));
  return `${named} ${one ? 'has' : 'have'} σ above μ*: ${one ? 'its' : 'their'} effect on ${METRIC_LABELS[metric]} is strongly non-linear or depends on the values of other parameters.`;
}

/** Returns the sentence on parameters whose elementary effects nearly all share a sign: which raise the metric, which lower it. */
export function findingMorrisDirections(metric: MetricName, raising: readonly string[], lowering: readonly string[]): string {
  const label = METRIC_LABELS[metric];
  const parts = [
    ...(raising.length > 0 ? [`raising ${listInWords(raising, 'or')} raises ${label}`] : []),
    ...(lowering.length > 0 ? [`raising ${listInWords(lowering, 'or')} lowers ${raising.length > 0 ? 'it' : label}`] : []),
  ];
  return `Throughout the sweep, ${parts.join(' and ')}: for ${raising.length + lowering.length === 1 ? 'this parameter' : 'these'}, |μ| is close to μ*, so nearly all the elementary effects share a sign.`;
}

/** Returns the sentence on how often a PRIM condition holds over all runs. */
export function findingPrimBase(condition: string, density: number, positives: number, runs: number): string {
  return `${capitalise(condition)} holds in ${wholePercent(density)} of runs (${count(positives)} of ${count(runs)}).`;
}

/** Returns a PRIM box's restrictions in words: `policy.carrot is at most 0.4 and market.competition is at least 0.55`. */
function limitsInWords(
  limits: readonly { readonly parameter: string; readonly low: number | null; readonly high: number | null }[],
): string {
  return listInWords(
    limits.map(({ parameter, low, high }) =>
      low !== null && high !== null
        ? `${parameter} is between ${shown(low)} and ${shown(high)}`
        : low !== null
          ? `${parameter} is at least ${shown(low)}`
          : `${parameter} is at most ${shown(high ?? 0)}`,
    ),
  );
}

/** Returns the sentence on one PRIM box: where it lies, how often the condition holds in it, and how much it holds. */
export function findingPrimBox(
  box: number,
  condition: string,
  limits: readonly { readonly parameter: string; readonly low: number | null; readonly high: number | null }[],
  stats: { readonly density: number; readonly coverage: number; readonly mass: number },
): string {
  const which =
    box === 1 ? 'In box 1' : `In box ${box}, found among the runs outside the ${box === 2 ? 'first box' : `first ${box - 1} boxes`}`;
  return `${which}, where ${limitsInWords(limits)}, ${condition} holds in ${wholePercent(stats.density)} of the runs inside it (density); the box holds ${wholePercent(stats.coverage)} of all runs where it holds (coverage) and ${wholePercent(stats.mass)} of all runs (mass).`;
}

/** Returns the sentence naming a PRIM box's weak limits: those whose quasi-p-value is not below 0.05. */
export function findingPrimWeakLimits(box: number, limits: readonly { readonly parameter: string; readonly quasiP: number }[]): string {
  const named = listInWords(
    limits.map(({ parameter, quasiP }, i) => `${parameter} (${i === 0 ? 'quasi-p ' : ''}${shown(Number(quasiP.toPrecision(2)))})`),
  );
  const [these, be, them] = limits.length === 1 ? ['limit', 'is', 'it'] : ['limits', 'are', 'them'];
  return `Box ${box}'s ${these} on ${named} ${be} weak (a quasi-p-value of 0.05 or more): without ${them} the box would be nearly as dense, so ${limits.length === 1 ? 'it' : 'they'} may come from chance in the sampled runs rather than from the model.`;
}

/** Returns the sentence for a PRIM analysis in which no box beats the base rate. */
export function findingPrimNoBox(condition: string, density: number): string {
  return `No box of parameter values makes ${condition} more common than its base rate of ${wholePercent(density)}: over the sweep's ranges it does not gather in any region PRIM can find.`;
}
