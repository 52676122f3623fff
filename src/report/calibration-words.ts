// The words of a calibration's report and of what the command line says of its targets: each statistic in words, and
// the findings as sentences. Tests assert against these functions.
import type { Observation } from '../calibration/distance.ts';
import type { Prior } from '../calibration/priors.ts';
import { threeFigures } from '../calibration/messages.ts';
import type { StatisticSpec } from '../calibration/statistics.ts';
import type { MetricName } from '../engine/types.ts';
import type { LevelName, TimeseriesField } from '../sweep/schema.ts';
import { capitalise, groupedCount, wholePercent } from '../wording.ts';
import { METRIC_LABELS } from './messages.ts';

/** What each time-series field but the continuum levels is called in words: a Record, so that a new field needs words. */
const FIELD_LABELS: Readonly<Record<Exclude<TimeseriesField, LevelName>, string>> = {
  active: 'active partnerships',
  formed: 'partnerships formed in the step',
  dissolved: 'partnerships dissolved in the step',
  participation: 'participation',
  meanTrust: 'mean trust',
  meanStrength: 'mean strength',
  featureTrust: "partnerships' trust (feature)",
  featureNetwork: "partnerships' networks (feature)",
  featureNorms: "partnerships' shared norms (feature)",
  featureMotivation: "partnerships' motivation (feature)",
  trustCalculus: 'share of ties with calculus-based trust',
  trustKnowledge: 'share of ties with knowledge-based trust',
  trustIdentification: 'share of ties with identification-based trust',
  density: 'network density',
  clustering: 'network clustering',
  components: 'network components',
  largestComponent: 'largest network component',
  centralisation: 'network centralisation',
  crossAreaShare: 'share of ties across areas',
  brokerage: 'brokerage by local authorities',
  trusts: 'trusts with a school',
  trustsMulti: 'trusts with two or more schools',
  inTrusts: 'share of schools in trusts',
  inTrustsElsewhere: 'share of schools in trusts based elsewhere',
  meanTrustSize: 'mean schools per trust',
  joinedTrust: 'schools joining a trust in the step',
  areaWide: 'area-wide partnerships',
  areaWideCore: 'core members of area-wide partnerships',
  areaWideWider: 'wider members of area-wide partnerships',
};

const between = (min: number, max: number | null): string =>
  max === null ? `${min} or more` : min === max ? `${min}` : `${min} to ${max}`;

/** Returns a target's statistic in words: "survival to 5 years", "active partnerships at step 60", "mean trust over
 * steps 49 to 60", "the hazard of dissolution in year of age 2", "partnerships of 3 to 5 members (share)", "share of
 * schools in multi-academy trusts in Northfield". */
export function statisticLabel(spec: StatisticSpec): string {
  const { statistic, steps, age, size, area } = spec;
  const where = area === undefined ? '' : ` in ${area}`;
  if (Object.hasOwn(METRIC_LABELS, statistic)) return METRIC_LABELS[statistic as MetricName];
  if (statistic === 'survival') return `survival to ${age} ${age === 1 ? 'year' : 'years'}`;
  if (statistic === 'hazard') return `hazard of dissolution at age ${age} to ${(age as number) + 1}`;
  if (statistic === 'partnershipSize' && size !== undefined) return `share of partnerships with ${between(size.min, size.max)} members`;
  if (statistic === 'schoolsInTrusts') return `share of schools in multi-academy trusts${where}`;
  if (statistic === 'trustSize' && size !== undefined) return `share of trusts with ${between(size.min, size.max)} schools${where}`;
  const field =
    statistic === 'trustJoins'
      ? `schools joining trusts${where}`
      : (FIELD_LABELS[statistic as Exclude<TimeseriesField, LevelName>] ?? `partnerships at level ${statistic}`);
  if (steps === undefined) return field;
  return steps.from === steps.to ? `${field} at step ${steps.from}` : `${field} over steps ${steps.from} to ${steps.to}`;
}

// ---------------------------------------------------------------------------------------------
// The calibration report: its title and findings.

/** Returns the title of a calibration's report. */
export function calibrationTitle(name: string, scenario: string): string {
  return `partnersim: calibration ${name} of scenario ${scenario}`;
}

/** Returns the finding on how the calibration ran and what its posterior rests on. */
export function findingCalibrationRun(
  generations: number,
  runs: number,
  stop: string,
  posterior: { readonly generation: number; readonly particles: number; readonly ess: number; readonly tolerance: number | null } | null,
): string {
  const ran = `The calibration ran ${generations} ${generations === 1 ? 'generation' : 'generations'} (${groupedCount(runs)} model runs) and stopped because ${stop}.`;
  if (posterior === null)
    return `${ran} No generation completed, so there is no posterior: see the generations below for how near the runs came.`;
  const tolerance =
    posterior.tolerance === null
      ? 'with every measured run accepted (the prior itself, weighted by nothing)'
      : `at a tolerance of ${threeFigures(posterior.tolerance)} (runs whose statistics lie on average within ${threeFigures(posterior.tolerance)} uncertainties of the targets)`;
  return `${ran} Its posterior is generation ${posterior.generation}'s ${posterior.particles} particles (effective sample size ${Math.round(posterior.ess)}), ${tolerance}.`;
}

/** Returns the finding that a target is met: the posterior predictive median lies inside the observation's interval. */
export function findingTargetMet(
  label: string,
  median: number,
  ci90: readonly [number, number],
  observed: number,
  interval: readonly [number, number],
  source: string,
): string {
  return `${capitalise(label)} is met: the calibrated model gives ${threeFigures(median)} (90% of posterior runs between ${threeFigures(ci90[0])} and ${threeFigures(ci90[1])}) against ${threeFigures(observed)} observed (95% interval ${threeFigures(interval[0])} to ${threeFigures(interval[1])}; ${source}).`;
}

/** Returns the finding that a target is not met: the posterior predictive median lies outside the observation's interval. */
export function findingTargetMissed(
  label: string,
  median: number,
  ci90: readonly [number, number],
  observed: number,
  interval: readonly [number, number],
  within: number,
  source: string,
): string {
  const side = median > observed ? 'high' : 'low';
  return `${capitalise(label)} is not met: the calibrated model gives ${threeFigures(median)} (90% of posterior runs between ${threeFigures(ci90[0])} and ${threeFigures(ci90[1])}) against ${threeFigures(observed)} observed (95% interval ${threeFigures(interval[0])} to ${threeFigures(interval[1])}; ${source}); it runs ${side}, and ${wholePercent(within)} of posterior runs fall inside the observed interval.`;
}

/** Returns the finding that no parameter set drawn from the prior meets a target on its own. */
export function findingPriorCannotMeet(label: string, draws: number, closest: number | null): string {
  const near = closest === null ? 'none of them measured it' : `the closest came ${threeFigures(closest)} uncertainties off`;
  return `No parameter set drawn from the prior (${groupedCount(draws)} of them) meets ${label}: ${near}. The model cannot reach it with these priors.`;
}

/** Returns the finding that no parameter set drawn from the prior meets two targets together, though each is met alone. */
export function findingPriorCannotMeetBoth(a: string, b: string, draws: number, shareA: number, shareB: number): string {
  return `No parameter set drawn from the prior (${groupedCount(draws)} of them) meets both ${a} and ${b}: ${wholePercent(shareA)} meet the first and ${wholePercent(shareB)} the second, never together. The model cannot reproduce them together.`;
}

/** Returns the finding that the targets pin a parameter down: its credible interval is a small part of its prior's. */
export function findingPinned(parameter: string, ci90: readonly [number, number], ratio: number): string {
  return `The targets pin down ${parameter}: its 90% credible interval, ${threeFigures(ci90[0])} to ${threeFigures(ci90[1])}, is ${wholePercent(ratio)} of its prior's.`;
}

/** Returns the finding that the targets say little about a parameter: its credible interval is nearly its prior's. */
export function findingLoose(parameter: string, ci90: readonly [number, number], ratio: number): string {
  return `The targets say little about ${parameter}: its 90% credible interval, ${threeFigures(ci90[0])} to ${threeFigures(ci90[1])}, is ${wholePercent(ratio)} of its prior's, so its value rests on the prior.`;
}

/** Returns the finding that two parameters trade off (negative correlation) or move together (positive). */
export function findingTradeOff(a: string, b: string, correlation: number): string {
  return correlation < 0
    ? `${a} and ${b} trade off (posterior correlation ${threeFigures(correlation)}): a higher ${a} fits the targets as well with a lower ${b}, so the targets fix a combination of the two more than either alone.`
    : `${a} and ${b} move together (posterior correlation ${threeFigures(correlation)}): a higher ${a} fits the targets as well with a higher ${b}, so the targets fix a combination of the two more than either alone.`;
}

/** Returns the sentence a run or comparison report gives when its replicates drew their parameters from a posterior. */
export function findingParameterUncertainty(calibration: string, parameters: readonly string[], particles: number): string {
  return `Its intervals include parameter uncertainty: each replicate drew ${parameters.join(', ')} from the posterior of calibration ${calibration} (${particles} weighted particles), the same draw for the same replicate in every scenario, so the spread between replicates is the model's noise and the parameters' uncertainty together.`;
}

/** Returns a prior in words: "uniform from 0 to 1", "log-uniform from 1 to 20", "normal, mean 0.5 and sd 0.1",
 * "normal, mean 0.5 and sd 0.2, truncated to 0 to 1". */
export function priorInWords(prior: Prior): string {
  switch (prior.kind) {
    case 'uniform':
      return `uniform from ${threeFigures(prior.min)} to ${threeFigures(prior.max)}`;
    case 'logUniform':
      return `log-uniform from ${threeFigures(prior.min)} to ${threeFigures(prior.max)}`;
    case 'normal':
      return `normal, mean ${threeFigures(prior.mean)} and sd ${threeFigures(prior.sd)}`;
    case 'truncatedNormal':
      return `normal, mean ${threeFigures(prior.mean)} and sd ${threeFigures(prior.sd)}, truncated to ${threeFigures(prior.min)} to ${threeFigures(prior.max)}`;
  }
}

/** Returns an observation's uncertainty in words: "sd 0.05" or "95% interval 0.4 to 0.6". */
export function uncertaintyInWords(observation: Observation): string {
  return observation.interval === null
    ? `sd ${threeFigures(observation.sd as number)}`
    : `95% interval ${threeFigures(observation.interval[0])} to ${threeFigures(observation.interval[1])}`;
}

/** Returns a calibration method in words, for the report's facts. */
export function methodInWords(method: 'smc' | 'rejection', distance: 'rms' | 'max'): string {
  const how = method === 'smc' ? 'ABC-SMC (sequential Monte Carlo)' : 'rejection ABC';
  const measure =
    distance === 'rms'
      ? "the root mean square of the targets' deviations, each in units of its uncertainty"
      : "the largest of the targets' deviations, each in units of its uncertainty";
  return `${how}; distance: ${measure}`;
}
