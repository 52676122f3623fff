// Every message of calibrations a user can see, as named functions: problems in calibration files, and the progress
// and outcome of a calibration (its report's words are in report/calibration-words.ts). Tests assert against these.
import type { FoundInstead } from '../scenario/host.ts';
import { documentFileMissing } from '../scenario/messages.ts';
import { groupedCount, wholePercent } from '../wording.ts';
import type { GenerationBrief } from './abc.ts';

// ---------------------------------------------------------------------------------------------
// Calibration files.

/** Returns the message for a calibration file that does not exist, or is a directory or a file that is not a regular
 * file. */
export function calibrationFileMissing(path: string, found: FoundInstead = 'nothing'): string {
  return documentFileMissing(path, 'calibration', found);
}

/** Returns the message for a calibration that fits nothing. */
export function calibrationWithoutParameters(at: string): string {
  return `${at}: parameters is empty: expected at least one key to fit, such as market.competition: {prior: uniform, min: 0, max: 1}. Fix: add a parameter with its prior.`;
}

/** Returns the message for a parameter key that --set takes but that holds a whole number (a count, steps, a seed). */
export function parameterNotContinuous(at: string, key: string): string {
  return `${at}: parameters.${key} cannot be calibrated: expected a key whose value is a number that need not be whole (a lever, trust or model parameter), found ${key}, a whole number or text. Fix: fix ${key} in the base scenario and fit other parameters.`;
}

/** Returns the message for a prior without a value its kind needs. */
export function priorNeeds(at: string, key: string, kind: string, field: string, example: string): string {
  return `${at}: the ${kind} prior of ${key} needs ${field}: expected ${field}, found nothing. Fix: write {prior: ${kind}, ${example}}.`;
}

/** Returns the message for a prior given a value its kind does not take. */
export function priorTakesNo(at: string, key: string, kind: string, field: string, takes: readonly string[]): string {
  return `${at}: ${field} does not apply to a ${kind} prior (of ${key}): expected only ${takes.join(', ')}, found ${field}. Fix: remove ${field}, or choose the prior that takes it.`;
}

/** Returns the message for a prior whose min is not below its max. */
export function priorRangeEmpty(at: string, key: string, min: number, max: number): string {
  return `${at}: the prior of ${key} is an empty range: expected min below max, found min: ${min}, max: ${max}. Fix: swap them, or widen the range.`;
}

/** Returns the message for a prior that reaches values the parameter cannot take. */
export function priorOutsideRange(at: string, key: string, expected: string, found: string, fix: string): string {
  return `${at}: the prior of ${key} reaches outside the parameter's range: expected values ${expected}, found ${found}. Fix: ${fix}.`;
}

/** Returns the message for a log-uniform prior whose min is not above 0. */
export function logUniformNotPositive(at: string, key: string, min: number): string {
  return `${at}: the logUniform prior of ${key} needs a positive min: expected min above 0 (its logarithm is uniform), found ${min}. Fix: use a small positive min such as 0.001, or a uniform prior.`;
}

/** Returns the message for a truncated normal that keeps almost none of its normal's mass. */
export function truncatedMassTiny(at: string, key: string, mass: number): string {
  return `${at}: the truncatedNormal prior of ${key} keeps almost nothing between min and max: expected at least one millionth of the normal's mass inside, found ${mass.toExponential(1)}. Fix: move the mean inside [min, max] or widen sd.`;
}

/** Returns the message for a statistic name the registry does not know, with the closest known one when near. */
export function unknownStatistic(at: string, name: string, allowed: readonly string[], suggestion?: string): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? 'choose one of the statistics listed' : `write statistic: ${suggestion}`;
  return `${at}: unknown statistic ${JSON.stringify(name)}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(name)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a target whose statistic needs an option it does not give. */
export function statisticNeeds(at: string, statistic: string, option: string, example: string): string {
  return `${at}: statistic ${statistic} needs ${option}: expected ${example}, found nothing. Fix: add ${example} to the target.`;
}

/** Returns the message for a target giving an option its statistic does not take. */
export function statisticTakesNo(at: string, statistic: string, option: string): string {
  return `${at}: ${option} does not apply to statistic ${statistic}: expected no ${option}, found ${option}. Fix: remove ${option}.`;
}

/** Returns the message for a target naming an area the base scenario does not have. */
export function unknownTargetArea(at: string, area: string, areas: readonly string[]): string {
  return `${at}: unknown area ${JSON.stringify(area)}: expected one of the base scenario's areas (${areas.join(', ')}), found ${JSON.stringify(area)}. Fix: write one of them, or leave out area for the whole scenario.`;
}

/** Returns the message for a time-series target giving both a step and a window. */
export function stepAndWindow(at: string, statistic: string): string {
  return `${at}: statistic ${statistic} takes a step or a window, not both: expected one of them, found both. Fix: remove one.`;
}

/** Returns the message for a target step after the base scenario's last step. */
export function targetStepBeyondRun(at: string, step: number, steps: number): string {
  return `${at}: the target asks for step ${step}: expected a step from 1 to ${steps} (the base scenario's time.steps), found ${step}. Fix: use a step of at most ${steps}.`;
}

/** Returns the message for a window whose end comes before its start. */
export function windowBackwards(at: string, from: number, to: number): string {
  return `${at}: the window is backwards: expected from at or before to, found from: ${from}, to: ${to}. Fix: swap them.`;
}

/** Returns the message for an age a run is too short to reach. */
export function targetAgeBeyondRun(at: string, statistic: string, age: number, years: number): string {
  return `${at}: statistic ${statistic} at age ${age} cannot be measured: expected an age below the run's ${years} years (no partnership grows older than the run), found ${age}. Fix: lengthen time.steps in the base scenario, or choose a younger age.`;
}

/** Returns the message for a hazard age that is not a whole number of years. */
export function hazardAgeNotWhole(at: string, age: number): string {
  return `${at}: the hazard's age is not a whole number: expected a year of age such as 0 (the first year) or 2, found ${age}. Fix: use ${Math.floor(age)}, the year of age from ${Math.floor(age)} to ${Math.floor(age) + 1}.`;
}

/** Returns the message for a size range whose max is below its min. */
export function sizeRangeEmpty(at: string, min: number, max: number): string {
  return `${at}: the size range is empty: expected max at or above min, found min: ${min}, max: ${max}. Fix: swap them.`;
}

/** Returns the message for an observed value (or interval end) outside what its statistic can take. */
export function observedOutOfRange(at: string, statistic: string, what: string, value: number, range: string): string {
  return `${at}: ${what} is outside what statistic ${statistic} can take: expected a value ${range}, found ${value}. Fix: check the figure and its units (a share is written as 0.5, not 50).`;
}

/** Returns the message for a target with neither an sd nor an interval, or with both. */
export function uncertaintyNeeded(at: string, both: boolean): string {
  return both
    ? `${at}: the target gives both sd and interval: expected one uncertainty, found both. Fix: keep the one the source reports.`
    : `${at}: the target has no uncertainty: expected sd or interval (a 95% interval [low, high]), found neither. Fix: add the uncertainty the source reports, or an assumed one such as sd: 0.05, saying so in source.`;
}

/** Returns the message for an interval that does not contain the observed value. */
export function intervalNotAround(at: string, low: number, high: number, observed: number): string {
  return `${at}: the interval does not contain the observed value: expected low <= ${observed} <= high with low below high, found [${low}, ${high}]. Fix: correct the interval or the observed value.`;
}

/** Returns the message for a target without a source. */
export function targetWithoutSource(at: string, statistic: string): string {
  return `${at}: the target ${statistic} has no source: expected source, the citation the observed value comes from (author, year, page or table), found nothing. Fix: add source: "Author (year), p. N", or source: "assumption: <why>".`;
}

/** Returns the message for fewer particles than the kernel needs. */
export function tooFewParticles(at: string, particles: number, parameters: number): string {
  return `${at}: too few particles: expected at least ${parameters + 2} (the number of parameters, ${parameters}, plus 2, for a covariance to perturb them by), found ${particles}. Fix: use particles: ${Math.max(parameters + 2, 100)} or more.`;
}

/** Returns the message for an ABC-SMC setting given to rejection ABC. */
export function smcOnlySetting(at: string, setting: string): string {
  return `${at}: method.${setting} applies only to algorithm smc: expected no ${setting} with algorithm rejection, found ${setting}. Fix: remove it, or use algorithm: smc.`;
}

/** Returns the line `partnersim validate` prints for a good calibration file. */
export function validateCalibrationOk(
  file: string,
  name: string,
  parameters: number,
  targets: number,
  particles: number,
  scenario: string,
): string {
  return `ok  ${file}  (calibration ${name}: ${parameters} ${parameters === 1 ? 'parameter' : 'parameters'} fitted to ${targets} ${targets === 1 ? 'target' : 'targets'}, ${particles} particles, over scenario ${scenario})`;
}

/** Returns the message for --set given with a calibration file to validate. */
export function setOnCalibration(file: string): string {
  return `${file}: --set does not apply to a calibration file: expected scenario files with --set, found a calibration. Fix: validate the calibration without --set, and set fixed keys in its base scenario.`;
}

// ---------------------------------------------------------------------------------------------
// Running a calibration.

/** Returns the message for a sampler that cannot go on (a kernel whose draws all fall outside the priors). */
export function sampleFailed(name: string, detail: string): string {
  return `calibration ${name} cannot propose further: ${detail}. Fix: widen the priors that the posterior presses against, or stop earlier with fewer generations.`;
}

/** Returns the message for a directory that holds no calibration. */
export function notACalibrationDir(dir: string): string {
  return `${dir}: not a calibration directory: expected a manifest.json written by partnersim calibrate, found no calibration manifest. Fix: give a directory that partnersim calibrate wrote.`;
}

/** Returns the message for a calibration's file that no longer parses. */
export function damagedCalibrationFile(path: string, line: number, reason: string): string {
  return `${path}:${line}: damaged: expected the JSON that partnersim calibrate wrote, found text that does not parse (${reason}). Fix: restore the file, or delete the calibration's directory and run it again.`;
}

/** Returns the message for resuming into a directory that holds another calibration. */
export function resumeOtherCalibration(dir: string, foundName: string, foundHash: string, name: string, hash: string): string {
  return `${dir}: holds another calibration: expected calibration ${name} (hash ${hash}), found ${foundName} (hash ${foundHash}); the calibration file, its scenario or partnersim's version has changed since. Fix: choose another directory with --out, or delete ${dir} to start again.`;
}

/** Returns the message for resuming a calibration with another table format. */
export function resumeOtherCalibrationFormat(dir: string, found: string, asked: string): string {
  return `${dir}: holds this calibration in another format: expected --format ${asked}, found ${found}. Fix: run again with --format ${found}, or choose another --out directory.`;
}

/** Returns the message for resuming a calibration's shard into another shard's directory. */
export function resumeOtherCalibrationShard(dir: string, found: string, asked: string): string {
  return `${dir}: holds ${found} of this calibration: expected ${asked}. Fix: give each shard its own directory (the default), or choose another --out.`;
}

/** Returns the message for a calibration directory without a posterior (not finished, or no generation completed). */
export function noPosterior(dir: string, name: string): string {
  return `${dir}: has no posterior: expected a finished calibration with posterior.json, found calibration ${name} unfinished or stopped before its first generation completed. Fix: finish it (run partnersim calibrate again to resume), or give another calibration's directory.`;
}

const plural = (n: number, one: string, many: string): string => `${groupedCount(n)} ${n === 1 ? one : many}`;
/** Returns a number to 3 significant figures, as the messages and the report show figures such as a tolerance. */
export const threeFigures = (value: number): string => Number(value.toPrecision(3)).toString();

/** Returns the cli-progress format of the bar shown on a terminal over each round of a calibration's runs. */
export function roundBarFormat(): string {
  return 'round {bar} {value}/{total} runs | {rate} runs/s | {eta_formatted} left';
}

/** Returns the line printed as a generation finishes. */
export function generationLine(generation: GenerationBrief): string {
  const { tolerance, proposals, accepted, failed, acceptanceRate, ess } = generation;
  const limit = tolerance === null ? 'any measured run' : `tolerance ${threeFigures(tolerance)}`;
  const failures = failed > 0 ? `, ${plural(failed, 'run', 'runs')} failed` : '';
  const end = generation.complete ? `, effective sample size ${Math.round(ess)}` : ', incomplete';
  return `generation ${generation.generation} (${limit}): ${plural(accepted, 'particle', 'particles')} from ${plural(proposals, 'run', 'runs')} (${wholePercent(acceptanceRate)} accepted${failures})${end}`;
}

/** Returns why a calibration stopped, in words. */
export function stopReasonText(
  reason: string,
  settings: { readonly generations: number; readonly tolerance: number; readonly minAcceptance: number; readonly budget: number | null },
): string {
  switch (reason) {
    case 'rejection':
      return 'rejection ABC takes one generation';
    case 'generations':
      return `it reached method.generations (${settings.generations})`;
    case 'tolerance':
      return `its tolerance reached method.tolerance (${settings.tolerance})`;
    case 'acceptance':
      return `the acceptance rate fell below method.minAcceptance (${settings.minAcceptance})`;
    case 'budget':
      return `it used method.budget (${groupedCount(settings.budget ?? 0)} runs)`;
    default:
      return 'its tolerance could fall no further (every particle is at the same distance)';
  }
}

/** Returns what a finished calibration prints: generations, runs and why it stopped; each parameter's posterior median
 * and 90% credible interval beside its prior's; where the results are. */
export function calibrationFinished(
  name: string,
  generations: number,
  runs: number,
  checkRuns: number,
  stop: string,
  parameters: readonly {
    readonly name: string;
    readonly median: number;
    readonly ci90: readonly [number, number];
    readonly prior: { readonly ci90: readonly [number, number] };
  }[],
  dir: string,
): string {
  const width = Math.max(...parameters.map((p) => p.name.length));
  const lines = parameters.map(
    (p) =>
      `  ${p.name.padEnd(width)}  median ${threeFigures(p.median)}, 90% credible interval ${threeFigures(p.ci90[0])} to ${threeFigures(p.ci90[1])} (prior ${threeFigures(p.prior.ci90[0])} to ${threeFigures(p.prior.ci90[1])})`,
  );
  return [
    `calibration ${name}: ${plural(generations, 'generation', 'generations')}, ${plural(runs, 'run', 'runs')} and ${plural(checkRuns, 'predictive check run', 'predictive check runs')}; stopped because ${stop}.`,
    ...lines,
    `results written to ${dir} (report.html, posterior.json, calibrated.yaml)`,
  ].join('\n');
}

/** Returns the message for a calibration that stopped inside a generation (its budget spent, or its acceptance rate
 * too low to finish it), naming the targets its runs came nearest to missing, and what was kept. */
export function calibrationStoppedShort(
  name: string,
  generation: { readonly generation: number; readonly accepted: number; readonly proposals: number },
  particles: number,
  stop: string,
  targets: readonly { readonly label: string; readonly measured: number; readonly within: number; readonly closest: number | null }[],
  threshold: number,
  kept: number | null,
  dir: string,
): string {
  const worst = [...targets].sort((a, b) => a.within - b.within || b.measured - a.measured).slice(0, 3);
  const named = worst.map((t) =>
    t.measured === 0
      ? `${t.label} (never measured: no run had anything to measure it by)`
      : `${t.label} (within ${threeFigures(threshold)} of its uncertainty in ${wholePercent(t.within)} of runs; the closest came ${threeFigures(t.closest as number)} uncertainties off)`,
  );
  const posterior =
    kept === null
      ? 'No generation completed, so there is no posterior; the runs made are kept in'
      : `The posterior is generation ${kept}'s; everything made so far is kept in`;
  return `calibration ${name} stopped in generation ${generation.generation}: ${groupedCount(generation.accepted)} of ${groupedCount(particles)} particles accepted in ${plural(generation.proposals, 'run', 'runs')}, because ${stop}. The targets it could not meet: ${named.join('; ')}. ${posterior} ${dir}. Fix: check these targets against what the model can produce (report.html shows the runs), widen the priors, or raise method.budget or lower method.minAcceptance.`;
}

/** Returns the message for a calibration interrupted by Ctrl-C or a kill signal. */
export function calibrationInterrupted(ran: number, kept: number, dir: string): string {
  return `calibration interrupted: ${plural(ran + kept, 'run', 'runs')} kept in ${dir}/journal.jsonl (${groupedCount(ran)} made now). Fix: run the same command again to resume where it stopped.`;
}

/** Returns a generation's name in words: "generation 2", or "the posterior predictive check". */
export function generationName(generation: number | string): string {
  return typeof generation === 'number' ? `generation ${generation}` : 'the posterior predictive check';
}

/** Returns what a shard prints once it has run its share of the round in progress. */
export function calibrationShardDone(shard: string, ran: number, generation: number | string, dir: string): string {
  return `${shard}: ran ${plural(ran, 'run', 'runs')} of the round in progress (${generationName(generation)}) into ${dir}. Merge the shards with partnersim calibrate FILE --merge.`;
}

/** Returns what a shard prints when the calibration has nothing left to run. */
export function calibrationNothingToRun(dir: string): string {
  return `nothing to run: the journal in ${dir} completes the calibration. Merge with partnersim calibrate FILE --merge to write its results.`;
}

/** Returns what merging shards prints when a round still needs runs (exit status 3). */
export function calibrationPending(missing: number, generation: number | string, dir: string): string {
  return `${dir}: merged; the round in progress (${generationName(generation)}) still needs ${plural(missing, 'run', 'runs')}. Run the shards again (sbatch the script from partnersim emit slurm), then merge again.`;
}

/** Returns the message for a calibration directory whose journal does not complete the calibration. */
export function calibrationUnfinished(dir: string, name: string): string {
  return `${dir}: calibration ${name} is unfinished: expected a journal that completes it, found one that stops before the end. Fix: run partnersim calibrate again (it resumes), then rebuild the report.`;
}

/** Returns the message for --set fixing a key that --posterior draws for every replicate. */
export function posteriorSetConflict(arg: string, key: string, dir: string): string {
  return `--set ${arg}: ${key} is drawn from the posterior in ${dir} for every replicate: expected --set and --posterior to name different keys, found ${key} in both. Fix: drop --set ${key}=..., or run without --posterior to fix it.`;
}

/** Returns the message for a scenario that sets a key a posterior draws otherwise than the calibration's base scenario. */
export function posteriorOverwrites(
  file: string,
  key: string,
  value: string,
  calibration: string,
  base: string,
  calibrated: string,
): string {
  return `${file}: sets ${key} to ${value}, which calibration ${calibration} fits over its base scenario ${base} (${calibrated} there): expected the scenarios run with --posterior to leave the calibrated keys as the base scenario has them, found ${key} changed; a posterior draw would overwrite it. Fix: run this scenario without --posterior, or calibrate keys that it does not change.`;
}
