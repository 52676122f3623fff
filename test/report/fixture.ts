// Hand-built comparisons for the report tests: two scenarios over six years (quarterly steps), and one alone.
import type {
  Comparison,
  Difference,
  HazardYear,
  LevelPoint,
  LeverPoint,
  ScenarioSummary,
  SeriesPoint,
  SurvivalStep,
} from '../../src/analysis/comparison.ts';
import { SERIES_FIELDS } from '../../src/analysis/comparison.ts';
import { LEVEL_NAMES, METRIC_NAMES, type MetricName } from '../../src/engine/types.ts';
import { LEVER_KEYS } from '../../src/scenario/schema.ts';

const STEPS = 24;
const STEPS_PER_YEAR = 4;
const NAMES = ['baseline', 'more funding'] as const;

/** Returns a scenario's summary with every metric given (survival5y unmeasured: the run is six years). */
function summary(name: string, k: number): ScenarioSummary {
  const metrics = Object.fromEntries(
    METRIC_NAMES.map((m, j) => [
      m,
      m === 'survival5y' ? { mean: null, sd: null, ci95: null } : { mean: 10 + j + k, sd: 1, ci95: [9 + j + k, 11 + j + k] as const },
    ]),
  ) as Record<MetricName, ScenarioSummary['metrics'][MetricName]>;
  return {
    name,
    description: `${name} scenario`,
    scenarioHash: `hash-${k}`,
    steps: STEPS,
    stepsPerYear: STEPS_PER_YEAR,
    organisations: 120,
    replicates: 5,
    metrics,
  };
}

/** Returns the second scenario's differences from the baseline: one metric without pairs, one with a single pair. */
function differences(): Difference[] {
  return METRIC_NAMES.map((metric, j): Difference => {
    if (metric === 'survival5y')
      return { scenario: NAMES[1], baseline: NAMES[0], metric, pairs: 0, mean: null, ci95: null, effectSize: null };
    if (metric === 'medianLifetimeYears')
      return { scenario: NAMES[1], baseline: NAMES[0], metric, pairs: 1, mean: 0.4, ci95: null, effectSize: null };
    const scale = metric.startsWith('partnerships') ? 10 : 0.1;
    const mean = scale * (j % 3 === 0 ? -0.5 : 1.2);
    return { scenario: NAMES[1], baseline: NAMES[0], metric, pairs: 5, mean, ci95: [mean - scale, mean + scale], effectSize: mean / scale };
  });
}

/** Returns the series of every field: a rising mean per scenario, banded. */
function series(): SeriesPoint[] {
  return NAMES.flatMap((scenario, k) =>
    SERIES_FIELDS.flatMap((field) =>
      Array.from({ length: STEPS + 1 }, (_, step): SeriesPoint => {
        const scale = field === 'active' ? 40 : 0.8;
        const mean = (scale * (1 + k * 0.2) * step) / (STEPS + 4);
        return { scenario, field, step, year: step / STEPS_PER_YEAR, mean, low: mean * 0.85, high: mean * 1.15 };
      }),
    ),
  );
}

/** Returns a Kaplan-Meier curve per scenario: falling steps, with a band that widens. */
function survival(): SurvivalStep[] {
  return NAMES.flatMap((scenario, k) =>
    [0, 0.5, 1.25, 2, 3, 4.5].map((years, j): SurvivalStep => {
      const s = (0.85 + 0.05 * k) ** j;
      return {
        scenario,
        years,
        atRisk: 60 - 8 * j,
        events: j === 0 ? 0 : 5,
        survival: s,
        low: Math.max(0, s - 0.03 * j),
        high: Math.min(1, s + 0.03 * j),
      };
    }),
  );
}

/** Returns the hazard per year of life: six years, the last with no exposure. */
function hazard(): HazardYear[] {
  return NAMES.flatMap((scenario, k) =>
    Array.from({ length: 6 }, (_, age): HazardYear => {
      const exposureYears = age === 5 ? 0 : 50 - 8 * age;
      const events = age === 5 ? 0 : 6 - age + k;
      return { scenario, age, exposureYears, events, hazard: exposureYears > 0 ? events / exposureYears : null };
    }),
  );
}

/** Returns mean counts at each level: partnerships drift from networking towards collaborating. */
function levels(): LevelPoint[] {
  return NAMES.flatMap((scenario, k) =>
    Array.from({ length: STEPS + 1 }, (_, step) => {
      const counts = LEVEL_NAMES.map((_, j) => Math.max(0, (step * (1 + k * 0.3) * (4 - j)) / 10 + j * (step / 8)));
      const total = counts.reduce((a, b) => a + b, 0);
      return LEVEL_NAMES.map(
        (level, j): LevelPoint => ({
          scenario,
          step,
          year: step / STEPS_PER_YEAR,
          level,
          mean: counts[j],
          share: total > 0 ? counts[j] / total : 0,
        }),
      );
    }).flat(),
  );
}

/** Returns every lever at every step: policy.carrot rises in the second scenario from year 2, market.competition differs but is constant, the rest are equal. */
function levers(): LeverPoint[] {
  return NAMES.flatMap((scenario, k) =>
    Array.from({ length: STEPS + 1 }, (_, step) =>
      LEVER_KEYS.map((lever, j): LeverPoint => {
        let value = 0.1 + 0.05 * j;
        if (lever === 'policy.carrot' && k === 1 && step >= 8) value = 0.7;
        if (lever === 'market.competition') value = k === 0 ? 0.5 : 0.3;
        return { scenario, lever, step, year: step / STEPS_PER_YEAR, value };
      }),
    ).flat(),
  );
}

/** Returns a comparison of two scenarios with every part filled in. */
export function twoScenarios(): Comparison {
  return {
    baseline: NAMES[0],
    scenarios: NAMES.map((name, k) => summary(name, k)),
    differences: differences(),
    survival: survival(),
    hazard: hazard(),
    series: series(),
    levels: levels(),
    levers: levers(),
  };
}

/** Returns the baseline alone, as `partnersim run` reports it: a comparison without differences and with constant levers. */
export function oneScenario(): Comparison {
  const both = twoScenarios();
  const mine = <T extends { readonly scenario: string }>(rows: readonly T[]): T[] => rows.filter((row) => row.scenario === NAMES[0]);
  return {
    baseline: NAMES[0],
    scenarios: both.scenarios.slice(0, 1),
    differences: [],
    survival: mine(both.survival),
    hazard: mine(both.hazard),
    series: mine(both.series),
    levels: mine(both.levels),
    levers: mine(both.levers),
  };
}

/** Returns a copy of a value frozen all the way down, so that any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
