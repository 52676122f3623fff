// The statistics a calibration target can name, as a registry: each summary metric, each time-series field at a step
// or over a window, survival at an age, the hazard at an age, the share of partnerships of a size, and multi-academy
// trusts' (the share of schools in trusts, the share of trusts of a size, joinings in a window; each for an area too). Each entry
// says what else a target must give (a step, an age, a size), the values the statistic can take, and how one run
// yields it. A new statistic is one entry here (and its words in messages.ts). Workers evaluate them: no mathjs.
import { hazardByAge, partnershipLifetimes } from '../analysis/compare.ts';
import { kaplanMeier, survivalAt } from '../engine/survival.ts';
import { METRIC_NAMES, type MetricName, type RunResult } from '../engine/types.ts';
import { timeseriesField } from '../sweep/record.ts';
import { TIMESERIES_FIELDS, type TimeseriesField } from '../sweep/schema.ts';

/** What a target gives besides the statistic's name: the steps of a time series, an age in years, a size range. */
export type StatisticOption = 'steps' | 'age' | 'size';

/** A statistic as a target names it, normalised: its name and the options its definition needs. */
export interface StatisticSpec {
  readonly statistic: string;
  /** A time-series field's steps (1 = after the first step), both ends included; one step is from = to. */
  readonly steps?: { readonly from: number; readonly to: number };
  /** Partnership age in years. */
  readonly age?: number;
  /** Members of a partnership (schools of a trust for trustSize), both ends included; max null for no upper limit. */
  readonly size?: { readonly min: number; readonly max: number | null };
  /** An area's name: the statistic of that area alone (statistics that take one). */
  readonly area?: string;
}

/** How a statistic is defined: its family, the options it needs, the values it can take and its value in one run. */
export interface StatisticDefinition {
  readonly family: 'metric' | 'series' | 'survival' | 'hazard' | 'share';
  readonly needs: readonly StatisticOption[];
  /** The values it can take, both ends included (high may be Infinity). */
  readonly range: readonly [low: number, high: number];
  /** Whether an age must be a whole number of years. */
  readonly wholeAge?: boolean;
  /** Whether a target may name an area, for the statistic of that area alone. */
  readonly byArea?: boolean;
  /** Returns the statistic of one run, or null when the run has nothing to measure it by. */
  evaluate(result: RunResult, spec: StatisticSpec, stepsPerYear: number): number | null;
}

const COUNTS = [0, Number.POSITIVE_INFINITY] as const;
const SHARES = [0, 1] as const;

// Counts and lifetimes have no upper bound; shares, trust and strength lie in [0, 1].
const METRIC_RANGES: Record<MetricName, readonly [number, number]> = {
  partnershipsFormed: COUNTS,
  partnershipsDissolved: COUNTS,
  partnershipsActiveAtEnd: COUNTS,
  participationAtEnd: SHARES,
  meanTrustAtEnd: SHARES,
  meanStrengthAtEnd: SHARES,
  strongShareAtEnd: SHARES,
  medianLifetimeYears: COUNTS,
  rmst5y: [0, 5],
  rmst10y: [0, 10],
  survival3y: SHARES,
  survival5y: SHARES,
  trustsAtEnd: COUNTS,
  inTrustsAtEnd: SHARES,
  inTrustsElsewhereAtEnd: SHARES,
  meanTrustSizeAtEnd: COUNTS,
};

const SHARE_FIELDS: ReadonlySet<TimeseriesField> = new Set([
  'participation',
  'meanTrust',
  'meanStrength',
  'density',
  'clustering',
  'centralisation',
  'crossAreaShare',
  'inTrusts',
  'inTrustsElsewhere',
]);

const metric = (name: MetricName): StatisticDefinition => ({
  family: 'metric',
  needs: [],
  range: METRIC_RANGES[name],
  evaluate: (result) => result.metrics[name],
});

// A window's statistic is the mean of the field over its steps.
const series = (field: TimeseriesField): StatisticDefinition => ({
  family: 'series',
  needs: ['steps'],
  range: SHARE_FIELDS.has(field) ? SHARES : COUNTS,
  evaluate: (result, spec) => {
    const steps = spec.steps as { from: number; to: number };
    let sum = 0;
    for (let step = steps.from; step <= steps.to; step++) {
      const row = result.timeseries[step - 1];
      if (row === undefined) return null;
      sum += timeseriesField(row, field);
    }
    return sum / (steps.to - steps.from + 1);
  },
});

/** Every statistic a target can name, by name. */
export const STATISTICS: Readonly<Record<string, StatisticDefinition>> = {
  ...Object.fromEntries(METRIC_NAMES.map((name) => [name, metric(name)])),
  ...Object.fromEntries(TIMESERIES_FIELDS.map((field) => [field, series(field)])),
  // Kaplan-Meier survival of partnerships to an age, dissolution the event, those still active censored.
  survival: {
    family: 'survival',
    needs: ['age'],
    range: SHARES,
    evaluate: (result, spec, stepsPerYear) => {
      const { durations, ended } = partnershipLifetimes([result], stepsPerYear);
      return survivalAt(kaplanMeier(durations, ended), durations, spec.age as number);
    },
  },
  // The life-table hazard of dissolution in the year of age from `age` to `age` + 1: dissolutions per partnership-year.
  hazard: {
    family: 'hazard',
    needs: ['age'],
    range: COUNTS,
    wholeAge: true,
    evaluate: (result, spec, stepsPerYear) =>
      hazardByAge('', partnershipLifetimes([result], stepsPerYear))[spec.age as number]?.hazard ?? null,
  },
  // The share of schools and academies in a multi-academy trust at the end (of an area's, with an area).
  schoolsInTrusts: {
    family: 'metric',
    needs: [],
    range: SHARES,
    byArea: true,
    evaluate: (result, spec) =>
      spec.area === undefined ? result.metrics.inTrustsAtEnd : (result.areas.find((a) => a.area === spec.area)?.inTrustsAtEnd ?? null),
  },
  // Of the trusts with a school at the end (based in an area, with an area), the share with a number of schools in the
  // size range; null with none.
  trustSize: {
    family: 'share',
    needs: ['size'],
    range: SHARES,
    byArea: true,
    evaluate: (result, spec) => {
      const { min, max } = spec.size as { min: number; max: number | null };
      const open = result.trusts.filter((t) => t.ended === null && t.schools > 0 && (spec.area === undefined || t.area === spec.area));
      if (open.length === 0) return null;
      return open.filter((t) => t.schools >= min && (max === null || t.schools <= max)).length / open.length;
    },
  },
  // Schools that joined a trust in the window's steps (of an area's schools, with an area): a count.
  trustJoins: {
    family: 'series',
    needs: ['steps'],
    range: COUNTS,
    byArea: true,
    evaluate: (result, spec) => {
      const steps = spec.steps as { from: number; to: number };
      if (steps.to > result.steps) return null;
      return result.trustJoins.filter(
        (j) => j.step >= steps.from && j.step <= steps.to && (spec.area === undefined || j.area === spec.area),
      ).length;
    },
  },
  // Of the partnerships active at the end, the share with a number of members in the size range.
  partnershipSize: {
    family: 'share',
    needs: ['size'],
    range: SHARES,
    evaluate: (result, spec) => {
      const { min, max } = spec.size as { min: number; max: number | null };
      const active = result.partnerships.filter((p) => p.endedStep === null);
      if (active.length === 0) return null;
      return active.filter((p) => p.members >= min && (max === null || p.members <= max)).length / active.length;
    },
  },
};

/** The statistic names, in registry order. */
export const STATISTIC_NAMES: readonly string[] = Object.keys(STATISTICS);

/** Tells a known statistic's name from any other string. */
export function isStatisticName(name: string): boolean {
  return Object.hasOwn(STATISTICS, name);
}

/** Returns each statistic of one run, in order: what a calibration's worker records of a run. */
export function evaluateStatistics(result: RunResult, specs: readonly StatisticSpec[], stepsPerYear: number): (number | null)[] {
  return specs.map((spec) => {
    const value = STATISTICS[spec.statistic].evaluate(result, spec, stepsPerYear);
    return value === null || Number.isFinite(value) ? value : null;
  });
}

/** Returns a statistic's short identifier, for table columns and files: the name, with its step or window
 * (`active@60`, `active@49-60`), age (`survival@5y`) or size range (`partnershipSize@3-5`, `partnershipSize@3+`), then its area if it names one
 * (`schoolsInTrusts@Northfield`, `trustSize@2-5@Northfield`). */
export function statisticId(spec: StatisticSpec): string {
  const { statistic, steps, age, size, area } = spec;
  const where = area === undefined ? '' : `@${area}`;
  if (steps !== undefined) return `${statistic}@${steps.from === steps.to ? steps.from : `${steps.from}-${steps.to}`}${where}`;
  if (age !== undefined) return `${statistic}@${age}y${where}`;
  if (size !== undefined) return `${statistic}@${size.max === null ? `${size.min}+` : `${size.min}-${size.max}`}${where}`;
  return `${statistic}${where}`;
}

/** Returns the identifiers of several statistics, unique: a repeated one gets `#2`, `#3` after it. */
export function statisticIds(specs: readonly StatisticSpec[]): string[] {
  const seen = new Map<string, number>();
  return specs.map((spec) => {
    const id = statisticId(spec);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  });
}
