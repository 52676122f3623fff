// Comparing scenarios run with the same replicate seeds (common random numbers): each scenario's summary, survival
// curve, hazard by age and time-series bands, and each other scenario's paired differences from the baseline.
import { kaplanMeier, survivalInterval } from '../engine/survival.ts';
import { LEVEL_NAMES, METRIC_NAMES, type RunResult, type StepRecord } from '../engine/types.ts';
import { countOrganisations, LEVER_KEYS, type Scenario } from '../scenario/schema.ts';
import {
  SERIES_FIELDS,
  type Comparison,
  type Difference,
  type HazardYear,
  type LevelPoint,
  type LeverPoint,
  type ScenarioSummary,
  type SeriesPoint,
  type SurvivalStep,
} from './comparison.ts';
import { aggregateMetrics, summarise } from './stats.ts';

/** What comparing needs of one scenario's runs (a RunResult has it; so do results read back from disk). */
export type ReplicateResult = Pick<RunResult, 'metrics' | 'timeseries' | 'partnerships' | 'steps' | 'organisations'>;

/** One scenario's runs: its normalised scenario, that scenario's hash, and its replicates' results in replicate order. */
export interface ScenarioRuns {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly results: readonly ReplicateResult[];
}

/** A paired difference of one quantity, without the names of what was compared. */
export type PairedDifference = Pick<Difference, 'pairs' | 'mean' | 'ci95' | 'effectSize'>;

/** Partnerships' lifetimes pooled over replicates: durations in years, and whether each ended in dissolution. */
export interface Lifetimes {
  readonly durations: readonly number[];
  readonly ended: readonly boolean[];
}

// Differences that are equal in exact arithmetic can differ in their last bits (0.1 + 0.1 + 0.1 is not 0.3), leaving a
// standard deviation of about 1e-17 × |mean| and an effect size of 1e16. Far below any real spread between replicates.
const ROUNDING_SD = 1e-12;

/**
 * Returns the paired difference scenario − baseline, replicate by replicate, over the replicates where both were
 * measured (neither null): how many pairs, the mean difference, its Student-t 95% interval (n − 1 degrees of freedom;
 * null with fewer than two pairs), and Cohen's d_z, the mean over the standard deviation of the differences (null with
 * fewer than two pairs, or when that deviation is 0 or within rounding of it). Identical inputs give exactly 0, [0, 0]
 * and null. Throws a RangeError when the two have different lengths: pairs need the same replicates.
 */
export function pairedDifference(scenario: readonly (number | null)[], baseline: readonly (number | null)[]): PairedDifference {
  if (scenario.length !== baseline.length) {
    throw new RangeError(`paired differences need the same replicates: ${scenario.length} values against ${baseline.length}`);
  }
  const differences: number[] = [];
  scenario.forEach((value, r) => {
    const base = baseline[r];
    if (value !== null && base !== null) differences.push(value - base);
  });
  const { mean, sd, ci95 } = summarise(differences);
  const effectSize = mean !== null && sd !== null && sd > ROUNDING_SD * Math.abs(mean) ? mean / sd : null;
  return { pairs: differences.length, mean, ci95, effectSize };
}

/** Returns the lifetimes of the partnerships formed during the runs (step 1 on; those the burn-in left at step 0 were not
 * followed from birth) of all replicates: duration ((endedStep, or the run's last step while active) − formedStep) /
 * stepsPerYear years, ended when it dissolved (those still active are censored). */
export function partnershipLifetimes(results: readonly Pick<ReplicateResult, 'partnerships' | 'steps'>[], stepsPerYear: number): Lifetimes {
  const durations: number[] = [];
  const ended: boolean[] = [];
  for (const result of results) {
    for (const p of result.partnerships) {
      if (p.formedStep < 1) continue;
      durations.push(((p.endedStep ?? result.steps) - p.formedStep) / stepsPerYear);
      ended.push(p.endedStep !== null);
    }
  }
  return { durations, ended };
}

/** Returns the Kaplan-Meier curve of these lifetimes with its Greenwood log-log 95% interval at each event time, after a
 * starting step at years 0 with survival 1 (all at risk, no events, interval [1, 1]) so that charts start at 1. */
export function survivalSteps(scenario: string, { durations, ended }: Lifetimes): SurvivalStep[] {
  const start: SurvivalStep = { scenario, years: 0, atRisk: durations.length, events: 0, survival: 1, low: 1, high: 1 };
  return [
    start,
    ...kaplanMeier(durations, ended).map((point): SurvivalStep => {
      const [low, high] = survivalInterval(point.survival, point.greenwoodSum);
      return { scenario, years: point.time, atRisk: point.atRisk, events: point.events, survival: point.survival, low, high };
    }),
  ];
}

/**
 * Returns the life-table hazard of dissolution in each whole year of partnership age a = 0, 1, ... up to the oldest
 * partnership: the partnership-years lived in the year (dissolved and censored ones alike count the time they lived in
 * it), the dissolutions in it, and their ratio (null with no exposure). Year a is (a, a + 1]: a partnership that
 * dissolves exactly at its first anniversary has lived the whole of its first year, so it dissolved at age 0.
 */
export function hazardByAge(scenario: string, { durations, ended }: Lifetimes): HazardYear[] {
  const ageOf = (duration: number) => Math.max(0, Math.ceil(duration) - 1);
  // One year per year of age anyone lived in; a dissolution at age 0 (duration 0) still needs year 0.
  const years = durations.reduce((most, duration, k) => Math.max(most, Math.ceil(duration), ended[k] ? 1 : 0), 0);
  const exposure = new Array<number>(years).fill(0);
  const events = new Array<number>(years).fill(0);
  durations.forEach((duration, k) => {
    for (let age = 0; age < duration; age++) exposure[age] += Math.min(1, duration - age);
    if (ended[k]) events[ageOf(duration)]++;
  });
  return exposure.map((exposureYears, age) => ({
    scenario,
    age,
    exposureYears,
    events: events[age],
    hazard: exposureYears > 0 ? events[age] / exposureYears : null,
  }));
}

/** Returns, for each SERIES_FIELDS field (in that order) at each step, the mean over replicates and the Student-t 95%
 * interval of that mean (low = high = mean with one replicate). Steps are the first replicate's. */
export function seriesBands(scenario: string, timeseries: readonly (readonly StepRecord[])[]): SeriesPoint[] {
  const rows = timeseries[0] ?? [];
  return SERIES_FIELDS.flatMap((field) =>
    rows.map(({ step, year }, k): SeriesPoint => {
      const { mean, ci95 } = summarise(timeseries.map((replicate) => replicate[k]?.[field] ?? null));
      // The first replicate has this row, so the mean is never null.
      const centre = mean as number;
      return { scenario, field, step, year, mean: centre, low: ci95?.[0] ?? centre, high: ci95?.[1] ?? centre };
    }),
  );
}

/** Returns, for each continuum level (weakest first) at each step, the mean number of active partnerships at that level
 * over replicates, and its share of the mean number active (0 when none are). */
export function levelShares(scenario: string, timeseries: readonly (readonly StepRecord[])[]): LevelPoint[] {
  const rows = timeseries[0] ?? [];
  return LEVEL_NAMES.flatMap((level, l) =>
    rows.map(({ step, year }, k): LevelPoint => {
      const present = timeseries.map((replicate) => replicate[k]).filter((row) => row !== undefined);
      const atLevel = present.reduce((sum, row) => sum + row.levels[l], 0);
      const active = present.reduce((sum, row) => sum + row.active, 0);
      // Sums over the same replicates: their ratio is the ratio of the means, without a second rounding.
      return { scenario, step, year, level, mean: atLevel / present.length, share: active > 0 ? atLevel / active : 0 };
    }),
  );
}

/** Returns each lever's scenario-wide value in force at each step (LEVER_KEYS order), from the first replicate's time
 * series: levers are scheduled, not drawn, so every replicate has the same. */
export function leverValues(scenario: string, timeseries: readonly (readonly StepRecord[])[]): LeverPoint[] {
  const rows = timeseries[0] ?? [];
  return LEVER_KEYS.flatMap((lever) =>
    rows.map(({ step, year, levers }): LeverPoint => ({ scenario, lever, step, year, value: levers[lever] })),
  );
}

/** Returns one scenario's summary: its name, description, hash, steps (its runs', or its own with no runs), steps per
 * year, organisations, number of replicates and each metric summarised over them. */
export function summariseScenario({ scenario, scenarioHash, results }: ScenarioRuns): ScenarioSummary {
  return {
    name: scenario.name,
    description: scenario.description,
    scenarioHash,
    steps: results[0]?.steps ?? scenario.time.steps,
    stepsPerYear: scenario.time.stepsPerYear,
    organisations: countOrganisations(scenario),
    replicates: results.length,
    metrics: aggregateMetrics(results.map((result) => result.metrics)),
  };
}

/**
 * Returns the comparison of these scenarios' runs with the one named `baseline` (default: the first): every scenario
 * summarised, the baseline first and the others in the order given; for each other scenario, its paired difference
 * from the baseline in every metric (METRIC_NAMES order), replicate r paired with replicate r, which common random
 * numbers make a like-for-like pair; and per scenario (same order) its pooled survival curve, hazard by age, series
 * bands, levels and levers. Throws a RangeError when there are no scenarios, two share a name, the baseline is not
 * among them, or their replicate counts differ.
 */
export function compareScenarios(runs: readonly ScenarioRuns[], baseline?: string): Comparison {
  if (runs.length === 0) throw new RangeError('comparing needs at least one scenario');
  const names = runs.map((run) => run.scenario.name);
  const repeated = names.find((name, k) => names.indexOf(name) !== k);
  // Every chart and difference names its scenario, so two of one name could not be told apart.
  if (repeated !== undefined)
    throw new RangeError(`two scenarios are named ${JSON.stringify(repeated)}: each compared scenario needs its own name`);
  const baselineName = baseline ?? names[0];
  const base = runs.find((run) => run.scenario.name === baselineName);
  if (base === undefined)
    throw new RangeError(
      `the baseline ${JSON.stringify(baselineName)} is not among the scenarios: ${names.map((name) => JSON.stringify(name)).join(', ')}`,
    );
  const uneven = runs.find((run) => run.results.length !== base.results.length);
  if (uneven !== undefined) {
    throw new RangeError(
      `paired differences need the same replicates: ${JSON.stringify(uneven.scenario.name)} has ${uneven.results.length}, the baseline ${JSON.stringify(baselineName)} ${base.results.length}`,
    );
  }
  const ordered = [base, ...runs.filter((run) => run !== base)];
  const differences = ordered.slice(1).flatMap((run) =>
    METRIC_NAMES.map(
      (metric): Difference => ({
        scenario: run.scenario.name,
        baseline: baselineName,
        metric,
        ...pairedDifference(
          run.results.map((result) => result.metrics[metric]),
          base.results.map((result) => result.metrics[metric]),
        ),
      }),
    ),
  );
  const perScenario = ordered.map((run) => {
    const name = run.scenario.name;
    const lifetimes = partnershipLifetimes(run.results, run.scenario.time.stepsPerYear);
    const timeseries = run.results.map((result) => result.timeseries);
    return {
      survival: survivalSteps(name, lifetimes),
      hazard: hazardByAge(name, lifetimes),
      series: seriesBands(name, timeseries),
      levels: levelShares(name, timeseries),
      levers: leverValues(name, timeseries),
    };
  });
  return {
    baseline: baselineName,
    scenarios: ordered.map(summariseScenario),
    differences,
    survival: perScenario.flatMap((part) => part.survival),
    hazard: perScenario.flatMap((part) => part.hazard),
    series: perScenario.flatMap((part) => part.series),
    levels: perScenario.flatMap((part) => part.levels),
    levers: perScenario.flatMap((part) => part.levers),
  };
}
