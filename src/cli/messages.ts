// Every message a command prints: errors in options, progress, summaries and the lines naming what was written, as
// named functions (tests assert against these functions). The messages of each stage live beside it (scenario/, sweep/...).
import type { MetricName } from '../engine/types.ts';
import { METRIC_LABELS } from '../report/messages.ts';
import { writeFailureReason } from '../results/messages.ts';
import type { RunSize } from '../results/estimate.ts';
import type { FoundInstead } from '../scenario/host.ts';
import { describeFoundInstead, notAFileFix } from '../scenario/messages.ts';
import { byteSize, listedIndices, shownNumber } from '../wording.ts';

// ---------------------------------------------------------------------------------------------
// Commands.

/** Returns an error line as the CLI prints it. */
export function errorLine(message: string): string {
  return `partnersim: ${message}`;
}

// Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides that can reorder what a
// terminal shows: a name, key or file name holding them could retitle, clear or rewrite the user's terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Returns text with every control character (but tab and newline) and bidirectional override written as a \\uXXXX
 * escape, so that what a command prints cannot act on the terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Returns one of commander's own errors (an unknown option or command, a missing argument, a value not among the
 * choices) as a message with a fix; `command` is the command named on the command line, if any. */
export function commanderErrorLine(code: string, message: string, command: string | undefined): string {
  const [first, ...rest] = message.replace(/^error: /, '').split('\n');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  const text = first.replace(/\.$/, '');
  const help = code === 'commander.unknownCommand' || command === undefined ? 'partnersim --help' : `partnersim ${command} --help`;
  const choices = /Allowed choices are (.+)$/.exec(text)?.[1];
  const fix =
    suggestion !== undefined
      ? `use ${suggestion} instead (${help} lists them)`
      : code === 'commander.unknownCommand'
        ? `${help} lists the commands`
        : code === 'commander.unknownOption'
          ? `check its spelling; ${help} lists the options`
          : choices !== undefined
            ? `use one of ${choices}`
            : `${help} says what each argument and option takes`;
  return `${choices === undefined ? text : text.replace(/\.? Allowed choices are .+$/, '')}${suggestion === undefined ? '.' : `; did you mean ${suggestion}?`} Fix: ${fix}.`;
}

/** Returns the message for an argument given as empty text. */
export function emptyArgument(name: string, command: string): string {
  return `${command} <${name}>: expected a value, found an empty one. Fix: give the ${name} (partnersim ${command} --help says what it takes).`;
}

/** Returns the message for an option given an empty value. */
export function emptyOptionValue(flag: string, command: string): string {
  return `${flag}: expected a value, found an empty one. Fix: give ${flag} a value (partnersim ${command} --help says what it takes), or leave it out for its default.`;
}

// The system's errors that are about the user's surroundings (files, disks, ports), not a bug in partnersim.
const SYSTEM_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EMFILE',
  'ENFILE',
]);

/** Returns the message for an operating-system error that reached the command line (a file that cannot be read or
 * written, a full disk, a port in use or out of range), or undefined for anything else: a bug, whose trace is wanted. */
export function systemErrorLine(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, path, dest, syscall, port } = error as NodeJS.ErrnoException & { dest?: string; port?: number };
  if (code === 'EADDRINUSE' && typeof port === 'number') return portInUse(port);
  if ((code === 'EACCES' || code === 'EPERM') && syscall === 'listen' && typeof port === 'number') return portDenied(port);
  if (code === 'ERR_SOCKET_BAD_PORT') return badPort(String((error as Error).message.match(/\((.*)\)\.?$/)?.[1] ?? ''));
  if (typeof code !== 'string' || !SYSTEM_ERRORS.has(code)) return undefined;
  const where = dest ?? path;
  const reason = writeFailureReason(code, (error as Error).message);
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'free some space, or write to another disk (--out)'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'write somewhere writable (--out), or change the permissions'
        : code === 'EMFILE' || code === 'ENFILE'
          ? 'raise the limit of open files (ulimit -n), or use fewer --workers'
          : 'check the path: that it names a file, and that its directory exists';
  return `${where === undefined ? '' : `${where}: `}cannot ${syscall ?? 'do that'}: ${reason}. Fix: ${fix}.`;
}

/** Returns the message for a --port that is not a port number. */
export function badPort(value: string): string {
  return `--port: expected a port from 0 to 65535 (0 takes any free port), found ${JSON.stringify(value)}. Fix: choose a port such as 8080.`;
}

/** Returns the line `partnersim validate` prints for a good scenario file. */
export function validateOk(file: string, name: string, areas: number, steps: number, size: RunSize): string {
  return `ok  ${file}  (${name}, ${size.organisations} organisations in ${areas} ${areas === 1 ? 'area' : 'areas'}, ${steps} steps; a run needs about ${byteSize(size.memoryBytes)} of memory and writes about ${byteSize(size.outputBytes)})`;
}

/** Returns the line `partnersim validate` prints for a good sweep file. */
export function validateSweepOk(
  file: string,
  name: string,
  design: string,
  points: number,
  runs: number,
  scenario: string,
  runMemoryBytes: number,
): string {
  return `ok  ${file}  (sweep ${name}: ${design} design, ${points} ${points === 1 ? 'point' : 'points'}, ${runs} ${runs === 1 ? 'run' : 'runs'} over scenario ${scenario}; each worker needs about ${byteSize(runMemoryBytes)} of memory)`;
}

/** Returns the message for --set given with a sweep file to validate. */
export function setOnSweep(file: string): string {
  return `${file}: --set does not apply to a sweep file: expected scenario files with --set, found a sweep. Fix: validate the sweep without --set, and set fixed keys in its base scenario.`;
}

/** Returns the line `partnersim schema --write` prints once the schema file is written. */
export function schemaWritten(path: string): string {
  return `wrote ${path}`;
}

// ---------------------------------------------------------------------------------------------
// partnersim run: options, progress and the printed summary.

/** Returns the message for a --steps or --reps value that is not a positive whole number. */
export function notPositiveInteger(option: string, value: string): string {
  return `${option}: expected a positive whole number, found ${JSON.stringify(value)}. Fix: write ${option} followed by a number such as 12.`;
}

/** Returns the message for a --workers above the most threads a sweep or calibration starts. */
export function tooManyWorkerThreads(value: string, most: number): string {
  return `--workers: expected at most ${most} worker threads, found ${JSON.stringify(value)}. Fix: give --workers the number of cores, or fewer.`;
}

/** Returns the message for a --steps value above the longest run a scenario may ask for. */
export function tooManySteps(value: string, max: number): string {
  return `--steps: expected a whole number from 1 to ${max}, found ${value}. Fix: run at most ${max} steps.`;
}

/** Returns the message for a --network-every value longer than the run. */
export function networkEveryBeyondRun(value: string, steps: number): string {
  return `--network-every: expected a whole number of steps from 1 to ${steps} (the run's steps), found ${value}. Fix: use at most ${steps}; the network is recorded at step 0 and at the last step whatever the interval, or --no-network records none.`;
}

/** Returns the message for a --seed value that is not a whole number in the seed range. */
export function badSeed(value: string): string {
  return `--seed: expected a whole number from 0 to 4294967295, found ${JSON.stringify(value)}. Fix: write --seed followed by a number such as 42.`;
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

const LABEL_WIDTH = Math.max(...Object.values(METRIC_LABELS).map((label) => label.length)) + 2;

const metricLine = (name: MetricName, value: string): string => `  ${METRIC_LABELS[name].padEnd(LABEL_WIDTH)}${value}`;

const SUMMARY_NOT_MEASURED = 'not measured (no partnership reached that age)';

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
    metricLine(name, metrics[name] === null ? SUMMARY_NOT_MEASURED : shownNumber(metrics[name])),
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
    if (mean === null) return SUMMARY_NOT_MEASURED;
    return ci95 === null
      ? `${shownNumber(mean)}  (measured in one replicate: no interval)`
      : `${shownNumber(mean)}  [${shownNumber(ci95[0])}, ${shownNumber(ci95[1])}]`;
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
// partnersim compare and report.

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
  return `${failed.length} of ${total} runs failed: runs ${listedIndices(failed)}; the first error was: ${firstError}. Their errors are in ${dir}/journal.jsonl and the error column of the runs table. Fix: correct the cause, then run the same command again: finished runs are kept and only the failed ones run again.`;
}

/** Returns the message for an interrupted sweep. */
export function sweepInterrupted(finished: number, total: number, dir: string): string {
  return `interrupted: ${finished} of ${total} runs are finished and kept in ${dir}. Run the same command again to resume.`;
}

/** Returns the message for a run or comparison interrupted: what is kept of its replicates, if any finished. */
export function runsInterrupted(finished: number, total: number, dir: string): string {
  if (finished === 0) return `interrupted before the first of ${total} runs finished: nothing is written to ${dir} or kept.`;
  return `interrupted: ${finished} of ${total} runs are finished and kept for ${dir}. Run the same command again to resume.`;
}

/** Returns the note that a run or comparison goes on from the replicates an interrupted one finished. */
export function runsResumed(finished: number, total: number, from: string): string {
  return `resuming: ${finished} of ${total} runs were finished by an interrupted run of the same inputs (kept in ${from})`;
}

/** Returns the message for `emit slurm --shards` beyond a sweep's runs. */
export function moreShardsThanRuns(shards: number, runs: number, file: string): string {
  return `--shards ${shards}: expected at most ${runs}, the runs of ${file} (a shard runs at least one), found ${shards}. Fix: use --shards ${runs} or fewer.`;
}

/** Returns the message for --workers beyond the machine's cores without --oversubscribe. */
export function tooManyWorkers(workers: number, cores: number): string {
  return `--workers ${workers}: expected at most ${cores}, this machine's cores (more threads than cores run no faster, and each holds a run's model in memory), found ${workers}. Fix: use --workers ${cores}, or add --oversubscribe to run ${workers} anyway.`;
}

/** Returns the warning printed when --oversubscribe runs more workers than cores. */
export function oversubscribed(workers: number, cores: number, bytes: number): string {
  return `note: ${workers} workers on ${cores} cores (--oversubscribe): they need about ${byteSize(bytes)} of memory together, and share the cores, so the sweep runs no faster than with ${cores}.`;
}

/** Returns the message for a --shard that is not i/N or auto/N. */
export function badShard(text: string): string {
  return `--shard ${text}: expected i/N with 0 <= i < N (such as 2/7), or auto/N to take i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, found ${JSON.stringify(text)}. Fix: write --shard 0/${shardCountIn(text)} for the first of N shards.`;
}

// The shard count a bad --shard gave (at least 1), or N when it gave none.
function shardCountIn(text: string): string {
  const count = /\/(\d+)$/.exec(text)?.[1];
  return count === undefined ? 'N' : String(Math.max(1, Number(count)));
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
  if (missing.length > 0) lines.push(`missing runs: ${listedIndices(missing)}`);
  if (failed.length > 0) lines.push(`failed runs: ${listedIndices(failed)}`);
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
// partnersim analyse.

/** Returns what `partnersim analyse` prints: the key findings, then where the report is. */
export function analysisFinished(findings: readonly string[], dir: string): string {
  return [...findings.map((finding) => `- ${finding}`), `report written to ${dir}/report.html (analysis.json and charts/ beside it)`].join(
    '\n',
  );
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

/** Returns the message for a --port the system does not let this user listen on (below 1024, for most users). */
export function portDenied(port: number): string {
  return `--port ${port}: cannot listen on the port: permission denied (on most systems only the administrator may use ports below 1024). Fix: choose a port from 1024 up, such as 8080, or --port 0 for any free port.`;
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

/** Returns the message for an extract `partnersim data targets` cannot find: nothing is there, or a directory or a file
 * that is not a regular file. */
export function dataFileMissing(path: string, what: 'establishments' | 'links', found: FoundInstead = 'nothing'): string {
  const extract =
    what === 'establishments'
      ? 'the GIAS establishments extract (edubasealldataYYYYMMDD.csv)'
      : 'the GIAS group links extract (alllinksdataYYYYMMDD.csv)';
  if (found !== 'nothing')
    return `${path}: not a file: expected ${extract}, found ${describeFoundInstead(found)}. Fix: ${notAFileFix(found)}.`;
  return `${path}: no such file: expected ${extract}, found nothing. Fix: correct the path, or download the extract from the GIAS Downloads page (README, 'Real places').`;
}

/** Returns the message for a bad option of `partnersim data targets`. */
export function badDataOption(option: string, found: string, expected: string): string {
  return `${option}: expected ${expected}, found ${JSON.stringify(found)}. Fix: give ${option} ${expected}.`;
}

/** Returns the line `partnersim data targets --out` prints: where the targets went, and how many. */
export function dataTargetsWritten(path: string, targets: number, authorities: number): string {
  return `wrote ${targets} targets for ${authorities} local authorit${authorities === 1 ? 'y' : 'ies'} and overall to ${path}\n`;
}

// ---------------------------------------------------------------------------------------------
// What a machine can do.

/** Returns the message for work whose estimated memory is more than the machine has; `what` ends with its verb. */
export function needsMoreMemory(what: string, needed: number, total: number, fix: string): string {
  return `${what} about ${byteSize(needed)} of memory, more than this machine's ${byteSize(total)}. Fix: ${fix}`;
}

/** Returns the message for a run whose estimated memory is more than Node's heap may take, though the machine may have it. */
export function needsMoreHeap(file: string, size: RunSize, heapLimit: number, total: number): string {
  const raise = Math.ceil((size.memoryBytes * 1.25) / 2 ** 20);
  const heap =
    size.memoryBytes * 1.25 < total
      ? `; or, as this machine has the memory, raise the limit with NODE_OPTIONS=--max-old-space-size=${raise}`
      : '';
  const network = size.networkMemoryBytes > 0;
  return `${file}: a run of ${size.organisations} organisations needs about ${byteSize(size.memoryBytes)} of memory, more than Node's heap limit of ${byteSize(heapLimit)} (${network ? "most of it at the end, writing the network's graph files" : "the model's state: its organisations, ties and partnerships"}). Fix: ${network ? '--no-network, or fewer organisations' : 'fewer organisations (organisations.kinds)'}${heap}.`;
}

/** Returns the message for a run whose estimated results are more than the free space where they go. */
export function needsMoreDisk(dir: string, needed: number, free: number): string {
  return `${dir}: the run would write about ${byteSize(needed)} of results, more than the ${byteSize(free)} free there. Fix: free some space, write elsewhere with --out, fewer network snapshots with --network-every (or --no-network), or fewer --reps.`;
}

/** Returns the note for a run that will write a lot: what most of it is, and how to write less. */
export function largeOutput(dir: string, size: RunSize): string {
  const most =
    size.networkOutputBytes * 2 > size.outputBytes
      ? 'most of it the network (network.csv and its graph files); --network-every with more steps, or --no-network, writes less'
      : 'most of it events.jsonl, every event of every replicate; fewer steps or --reps write less';
  return `note: this run will write about ${byteSize(size.outputBytes)} into ${dir}, ${most}.`;
}
