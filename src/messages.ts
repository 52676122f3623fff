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
export function unknownKey(at: string, key: string, name: string, allowed: readonly string[], suggestion?: string): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? 'remove it, or check its spelling and nesting against scenarios/schema.json' : `use ${suggestion} instead`;
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
  return `replicate ${done} of ${total} done (seed ${seed})`;
}

/** Returns the cli-progress format of the bar shown on a terminal while replicates run. */
export function replicateBarFormat(): string {
  return 'replicates {bar} {value}/{total} | ETA {eta_formatted}';
}

const METRIC_LABELS: Record<MetricName, string> = {
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
  const lines = (Object.keys(METRIC_LABELS) as MetricName[]).map((name) => metricLine(name, metrics[name] === null ? NOT_MEASURED : shown(metrics[name])));
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
    return ci95 === null ? `${shown(mean)}  (measured in one replicate: no interval)` : `${shown(mean)}  [${shown(ci95[0])}, ${shown(ci95[1])}]`;
  };
  const lines = (Object.keys(METRIC_LABELS) as MetricName[]).map((name) => metricLine(name, value(metrics[name])));
  return [`${scenario}: master seed ${masterSeed}, ${reps} replicates, ${steps} steps, ${organisations} organisations; mean [95% interval]`, ...lines].join('\n');
}

/** Returns the line naming the directory the results were written to. */
export function resultsWritten(dir: string): string {
  return `results written to ${dir}`;
}
