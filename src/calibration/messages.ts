// Every message of calibrations a user can see, as named functions: problems in calibration files, the progress and
// outcome of a calibration, and the words of its report. Tests assert against these functions.
import type { MetricName } from '../engine/types.ts';
import { METRIC_LABELS } from '../messages.ts';
import type { StatisticSpec } from './statistics.ts';

// ---------------------------------------------------------------------------------------------
// Calibration files.

/** Returns the message for a calibration file that does not exist. */
export function calibrationFileMissing(path: string): string {
  return `${path}: calibration file not found: expected a YAML or JSON calibration file there, found nothing. Fix: check the file name and its directory.`;
}

/** Returns the message for a calibration whose base scenario file does not exist. */
export function calibrationScenarioMissing(at: string, target: string, file: string): string {
  return `${at}: scenario names a missing file: expected a scenario file at ${target}, found nothing. Fix: correct the path, which is relative to ${file}.`;
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

// ---------------------------------------------------------------------------------------------
// Statistics in words.

/** What each time-series field is called in words. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  active: 'active partnerships',
  formed: 'partnerships formed in the step',
  dissolved: 'partnerships dissolved in the step',
  participation: 'participation',
  meanTrust: 'mean trust',
  meanStrength: 'mean strength',
};

/** Returns a target's statistic in words: "survival to 5 years", "active partnerships at step 60", "mean trust over
 * steps 49 to 60", "the hazard of dissolution in year of age 2", "partnerships of 3 to 5 members (share)". */
export function statisticLabel(spec: StatisticSpec): string {
  const { statistic, steps, age, size } = spec;
  if (Object.hasOwn(METRIC_LABELS, statistic)) return METRIC_LABELS[statistic as MetricName];
  if (statistic === 'survival') return `survival to ${age} ${age === 1 ? 'year' : 'years'}`;
  if (statistic === 'hazard') return `hazard of dissolution at age ${age} to ${(age as number) + 1}`;
  if (statistic === 'partnershipSize' && size !== undefined)
    return `share of partnerships with ${size.max === null ? `${size.min} or more` : size.min === size.max ? `${size.min}` : `${size.min} to ${size.max}`} members`;
  const field = FIELD_LABELS[statistic] ?? `partnerships at level ${statistic}`;
  if (steps === undefined) return field;
  return steps.from === steps.to ? `${field} at step ${steps.from}` : `${field} over steps ${steps.from} to ${steps.to}`;
}

/** Returns a statistic's value as the messages and the report show it: to 3 significant digits, as written in a file. */
export function statisticValue(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
