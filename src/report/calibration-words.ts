// The words of a calibration's report and of what the command line says of its targets: each statistic in words, and
// the findings as sentences. Tests assert against these functions.
import type { StatisticSpec } from '../calibration/statistics.ts';
import type { MetricName } from '../engine/types.ts';
import { METRIC_LABELS } from './messages.ts';

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
