// Comparing scenarios: the statistics against hand-computed values (paired differences, hazard by age, series bands,
// levels, levers, survival steps) and compareScenarios on two tiny real scenarios run with the same seeds.
import fc from 'fast-check';
import { mean as mathMean, std as mathStd } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  hazardByAge,
  leverValues,
  levelShares,
  pairedDifference,
  partnershipLifetimes,
  seriesBands,
  survivalSteps,
  type ReplicateResult,
  type ScenarioRuns,
} from '../../src/analysis/compare.ts';
import { SERIES_FIELDS } from '../../src/analysis/comparison.ts';
import { aggregateMetrics } from '../../src/analysis/stats.ts';
import { studentTQuantile } from '../../src/analysis/student-t.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { LEVEL_NAMES, METRIC_NAMES, type PartnershipRecord, type StepRecord } from '../../src/engine/types.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { hashScenario } from '../../src/scenario/normalize.ts';
import { countOrganisations, LEVER_KEYS, type LeverKey } from '../../src/scenario/schema.ts';

describe('pairedDifference', () => {
  it('gives the mean, t interval and d_z of the differences computed by hand', () => {
    // Differences [2, 1, 0, 3]: mean 1.5, sd √(5/3) = 1.2909944; t(0.975, 3) = 3.1824463,
    // half width 3.1824463 × 1.2909944 / √4 = 2.0542603; d_z = 1.5 / 1.2909944 = 1.1618950.
    const { pairs, mean, ci95, effectSize } = pairedDifference([3, 5, 4, 6], [1, 4, 4, 3]);
    expect(pairs).toBe(4);
    expect(mean).toBe(1.5);
    expect(ci95![0]).toBeCloseTo(1.5 - 2.0542603, 6);
    expect(ci95![1]).toBeCloseTo(1.5 + 2.0542603, 6);
    expect(effectSize).toBeCloseTo(1.161895, 6);
  });

  it('pairs only the replicates where both were measured', () => {
    // Replicates 0 and 3 pair: differences [2, 1]; sd √½, t(0.975, 1) = 12.7062047, half width 12.7062047 × √½ / √2 = 6.3531024.
    const { pairs, mean, ci95, effectSize } = pairedDifference([3, null, 5, 4], [1, 2, null, 3]);
    expect(pairs).toBe(2);
    expect(mean).toBe(1.5);
    expect(ci95![0]).toBeCloseTo(1.5 - 6.3531024, 6);
    expect(ci95![1]).toBeCloseTo(1.5 + 6.3531024, 6);
    expect(effectSize).toBeCloseTo(1.5 / Math.SQRT1_2, 12);
  });

  it('gives a mean without interval or effect size for one pair, and nulls for none', () => {
    expect(pairedDifference([0.5, null], [0.25, 1])).toEqual({ pairs: 1, mean: 0.25, ci95: null, effectSize: null });
    expect(pairedDifference([null, 2], [1, null])).toEqual({ pairs: 0, mean: null, ci95: null, effectSize: null });
    expect(pairedDifference([], [])).toEqual({ pairs: 0, mean: null, ci95: null, effectSize: null });
  });

  it('gives exactly zero for a scenario against itself', () => {
    const values = [0.1, 0.7, null, 1 / 3, 12];
    expect(pairedDifference(values, values)).toEqual({ pairs: 4, mean: 0, ci95: [0, 0], effectSize: null });
  });

  it('has no effect size when the differences are equal but for rounding', () => {
    // 0.1 + 0.1 + 0.1 is not 0.3, so the sd comes out near 1.7e-17 rather than 0: d_z would be 6e15.
    const { mean, effectSize } = pairedDifference([0.1, 0.1, 0.1], [0, 0, 0]);
    expect(mean).toBeCloseTo(0.1, 15);
    expect(effectSize).toBeNull();
    expect(pairedDifference([5, 6, 7], [4, 5, 6]).effectSize).toBeNull();
  });

  it('refuses values of different replicates', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(RangeError);
  });

  it("agrees with mathjs's mean and unbiased sd of the differences", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 2, maxLength: 30 }),
        (rows) => {
          const differences = rows.map(([s, b]) => (s - b) / 8);
          const { mean, ci95, effectSize } = pairedDifference(
            rows.map(([s]) => s / 8),
            rows.map(([, b]) => b / 8),
          );
          const sd = mathStd(differences, 'unbiased') as number;
          const half = (studentTQuantile(0.975, rows.length - 1) * sd) / Math.sqrt(rows.length);
          expect(mean).toBeCloseTo(mathMean(differences) as number, 9);
          expect(ci95![1] - mean!).toBeCloseTo(half, 9);
          if (sd > 0) expect(effectSize).toBeCloseTo((mathMean(differences) as number) / sd, 9);
          else expect(effectSize).toBeNull();
        },
      ),
    );
  });
});

const partnership = (formedStep: number, endedStep: number | null): PartnershipRecord => ({
  id: 0,
  area: 'Area 1',
  formedStep,
  endedStep,
  endReason: endedStep === null ? null : 'trust-fell',
  members: 2,
  core: 2,
  scope: 'group',
  peakLevel: 'networking',
  finalLevel: 'networking',
  mandate: 'voluntary',
  principles: false,
  laInvolved: false,
  funded: false,
  leadExperience: 0,
  peak: { trust: 0, network: 0, norms: 0, motivation: 0, score: 0 },
  final: { trust: 0, network: 0, norms: 0, motivation: 0, score: 0 },
});

describe('partnershipLifetimes', () => {
  it('pools the replicates, censoring the active at their run’s last step, in years, leaving out those the burn-in left', () => {
    const results = [
      { steps: 12, partnerships: [partnership(-3, 4), partnership(1, 7), partnership(2, null)] },
      { steps: 10, partnerships: [partnership(0, null), partnership(1, null)] },
    ];
    expect(partnershipLifetimes(results, 4)).toEqual({ durations: [1.5, 2.5, 2.25], ended: [true, false, false] });
  });
});

describe('hazardByAge', () => {
  // Durations in years: 0.5 and 1 dissolved, 1.5 censored, 2.25 dissolved, 3 censored.
  const lifetimes = { durations: [0.5, 1, 1.5, 2.25, 3], ended: [true, true, false, true, false] };

  it('divides the dissolutions in each year of age by the partnership-years lived in it', () => {
    expect(hazardByAge('s', lifetimes)).toEqual([
      // Age 0: 0.5 + 1 + 1 + 1 + 1 years lived; dissolved at 0.5 and at the first anniversary.
      { scenario: 's', age: 0, exposureYears: 4.5, events: 2, hazard: 2 / 4.5 },
      // Age 1: 0.5 (to 1.5) + 1 + 1 years; the one leaving at 1.5 was censored.
      { scenario: 's', age: 1, exposureYears: 2.5, events: 0, hazard: 0 },
      // Age 2: 0.25 + 1 years; the one at 3 lived all of year 2 and none of year 3.
      { scenario: 's', age: 2, exposureYears: 1.25, events: 1, hazard: 0.8 },
    ]);
  });

  it('counts every dissolution once and every year lived once', () => {
    const years = hazardByAge('s', lifetimes);
    expect(years.reduce((sum, y) => sum + y.events, 0)).toBe(3);
    expect(years.reduce((sum, y) => sum + y.exposureYears, 0)).toBe(0.5 + 1 + 1.5 + 2.25 + 3);
  });

  it('is empty with no partnerships, and null where a year has dissolutions but no time lived', () => {
    expect(hazardByAge('s', { durations: [], ended: [] })).toEqual([]);
    expect(hazardByAge('s', { durations: [0], ended: [true] })).toEqual([
      { scenario: 's', age: 0, exposureYears: 0, events: 1, hazard: null },
    ]);
  });
});

describe('survivalSteps', () => {
  it('starts at years 0 with survival 1, then steps with the Greenwood log-log interval', () => {
    // The 6-MP arm of Freireich et al. (1963) (test/engine/survival.test.ts), read as years.
    const durations = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
    const ended = durations.map((_, k) => k < 9);
    const steps = survivalSteps('6-MP', { durations, ended });
    expect(steps[0]).toEqual({ scenario: '6-MP', years: 0, atRisk: 21, events: 0, survival: 1, low: 1, high: 1 });
    expect(steps.map((s) => s.years)).toEqual([0, 6, 7, 10, 13, 16, 22, 23]);
    expect(steps[1].survival).toBeCloseTo(6 / 7, 15);
    expect([steps[1].low, steps[1].high].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.6197, 0.9516]);
  });

  it('is the starting step alone when nothing dissolved', () => {
    expect(survivalSteps('s', { durations: [1, 2], ended: [false, false] })).toEqual([
      { scenario: 's', years: 0, atRisk: 2, events: 0, survival: 1, low: 1, high: 1 },
    ]);
  });
});

const LEVERS = (carrot: number) =>
  Object.fromEntries(LEVER_KEYS.map((key) => [key, key === 'policy.carrot' ? carrot : 0.5])) as Record<LeverKey, number>;
const row = (step: number, active: number, levels: number[], carrot = 0.5): StepRecord => ({
  step,
  year: step / 4,
  active,
  formed: 0,
  dissolved: 0,
  participation: active / 10,
  meanTrust: 0.5,
  meanStrength: 0.25 * step,
  levels,
  features: { trust: 0.5, network: 0.5, norms: 0.5, motivation: 0.5 },
  trustTypes: [1, 0, 0],
  network: { density: 0.1, clustering: 0.2, components: 3, largestComponent: 5, centralisation: 0.3, crossAreaShare: 0, brokerage: 2 },
  trusts: 2,
  trustsMulti: 1,
  inTrusts: 0.25,
  inTrustsElsewhere: 0,
  meanTrustSize: 1.5,
  joinedTrust: 1,
  areaWide: 0,
  areaWideCore: 0,
  areaWideWider: 0,
  levers: LEVERS(carrot),
});

describe('seriesBands', () => {
  const timeseries = [
    [row(1, 2, [2, 0, 0, 0]), row(2, 2, [1, 1, 0, 0])],
    [row(1, 4, [2, 1, 1, 0]), row(2, 2, [0, 2, 0, 0])],
    [row(1, 6, [3, 3, 0, 0]), row(2, 2, [2, 0, 0, 0])],
  ];

  it('gives each field at each step its mean and the t interval of the mean', () => {
    const bands = seriesBands('s', timeseries);
    expect(bands.map((b) => [b.field, b.step])).toEqual(
      SERIES_FIELDS.flatMap((field) => [
        [field, 1],
        [field, 2],
      ]),
    );
    // active at step 1: 2, 4, 6: mean 4, sd 2, half width t(0.975, 2) × 2 / √3 = 4.3026527 × 1.1547005 = 4.9682754.
    const active = bands[0];
    expect(active).toMatchObject({ scenario: 's', field: 'active', step: 1, year: 0.25, mean: 4 });
    expect(active.low).toBeCloseTo(4 - 4.9682754, 6);
    expect(active.high).toBeCloseTo(4 + 4.9682754, 6);
    // Equal across replicates: a zero-width band.
    expect(bands[1]).toEqual({ scenario: 's', field: 'active', step: 2, year: 0.5, mean: 2, low: 2, high: 2 });
  });

  it('has low = high = mean with one replicate, and nothing with none', () => {
    const bands = seriesBands('s', [timeseries[1]]);
    expect(bands.find((b) => b.field === 'participation' && b.step === 1)).toEqual({
      scenario: 's',
      field: 'participation',
      step: 1,
      year: 0.25,
      mean: 0.4,
      low: 0.4,
      high: 0.4,
    });
    expect(seriesBands('s', [])).toEqual([]);
  });
});

describe('levelShares', () => {
  it('averages each level over replicates and divides by the mean active, 0 when none are', () => {
    const points = levelShares('s', [
      [row(1, 2, [1, 1, 0, 0]), row(2, 0, [0, 0, 0, 0])],
      [row(1, 4, [2, 1, 1, 0]), row(2, 0, [0, 0, 0, 0])],
    ]);
    expect(points.filter((p) => p.step === 1)).toEqual([
      { scenario: 's', step: 1, year: 0.25, level: LEVEL_NAMES[0], mean: 1.5, share: 0.5 },
      { scenario: 's', step: 1, year: 0.25, level: LEVEL_NAMES[1], mean: 1, share: 2 / 6 },
      { scenario: 's', step: 1, year: 0.25, level: LEVEL_NAMES[2], mean: 0.5, share: 1 / 6 },
      { scenario: 's', step: 1, year: 0.25, level: LEVEL_NAMES[3], mean: 0, share: 0 },
    ]);
    expect(points.filter((p) => p.step === 2).map((p) => [p.mean, p.share])).toEqual(LEVEL_NAMES.map(() => [0, 0]));
  });
});

describe('leverValues', () => {
  it("gives every lever at every step from the first replicate's series", () => {
    const points = leverValues('s', [[row(1, 0, [0, 0, 0, 0], 0.8), row(2, 0, [0, 0, 0, 0], 0)]]);
    expect(points.map((p) => p.lever)).toEqual(LEVER_KEYS.flatMap((key) => [key, key]));
    expect(points.filter((p) => p.lever === 'policy.carrot')).toEqual([
      { scenario: 's', lever: 'policy.carrot', step: 1, year: 0.25, value: 0.8 },
      { scenario: 's', lever: 'policy.carrot', step: 2, year: 0.5, value: 0 },
    ]);
  });
});

describe('compareScenarios', () => {
  // Ten years of quarterly steps, small enough to run in a moment; the funded scenario's carrot ends at step 20.
  const kinds = '{school: 12, academy: 8, trust: 2, college: 2, provider: 2, community: 2}';
  const time = 'time: {steps: 40, stepsPerYear: 4, seed: 5}';
  const host = createMemoryHost({
    'base.yaml': `name: base\n${time}\norganisations: {areas: 2, kinds: ${kinds}}\n`,
    'funded.yaml': `name: funded\n${time}\norganisations: {areas: 2, kinds: ${kinds}}\npolicy: {carrot: [{from: 0, value: 0.8}, {from: 20, value: 0}]}\n`,
  });
  const REPS = 3;
  const runsOf = (file: string): ScenarioRuns => {
    const scenario = loadScenario(file, host);
    return { scenario, scenarioHash: hashScenario(scenario), results: runReplicates(scenario, REPS) };
  };
  const base = runsOf('base.yaml');
  const funded = runsOf('funded.yaml');
  const comparison = compareScenarios([base, funded]);

  it('takes the first as baseline, summarises each scenario and pairs every metric of the other', () => {
    expect(comparison.baseline).toBe('base');
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['base', 'funded']);
    expect(comparison.scenarios[1]).toEqual({
      name: 'funded',
      description: '',
      scenarioHash: funded.scenarioHash,
      steps: 40,
      stepsPerYear: 4,
      organisations: countOrganisations(funded.scenario),
      replicates: REPS,
      metrics: aggregateMetrics(funded.results.map((r) => r.metrics)),
    });
    expect(comparison.differences.map((d) => [d.scenario, d.baseline, d.metric])).toEqual(
      METRIC_NAMES.map((metric) => ['funded', 'base', metric]),
    );
    const formed = comparison.differences.find((d) => d.metric === 'partnershipsFormed')!;
    expect(formed).toMatchObject(
      pairedDifference(
        funded.results.map((r) => r.metrics.partnershipsFormed),
        base.results.map((r) => r.metrics.partnershipsFormed),
      ),
    );
    expect(formed.pairs).toBe(REPS);
  });

  it('moves a named baseline to the front, and its differences change sign', () => {
    const swapped = compareScenarios([base, funded], 'funded');
    expect(swapped.baseline).toBe('funded');
    expect(swapped.scenarios.map((s) => s.name)).toEqual(['funded', 'base']);
    expect(swapped.survival[0].scenario).toBe('funded');
    swapped.differences.forEach((d, k) => {
      expect([d.scenario, d.baseline]).toEqual(['base', 'funded']);
      const other = comparison.differences[k];
      if (other.mean === null) expect(d.mean).toBeNull();
      else expect(d.mean).toBeCloseTo(-other.mean, 12);
    });
  });

  it('gives exactly zero differences against identical runs', () => {
    const copy: ScenarioRuns = { ...base, scenario: { ...base.scenario, name: 'copy' } };
    const same = compareScenarios([base, copy]);
    expect(same.differences).toHaveLength(METRIC_NAMES.length);
    for (const d of same.differences) {
      const measured = base.results.filter((r) => r.metrics[d.metric] !== null).length;
      expect(d.pairs).toBe(measured);
      if (measured === 0) expect(d).toMatchObject({ mean: null, ci95: null, effectSize: null });
      else expect(d).toMatchObject({ mean: 0, ci95: measured > 1 ? [0, 0] : null, effectSize: null });
    }
  });

  it('pools each scenario’s partnerships into one survival curve and one hazard table', () => {
    for (const runs of [base, funded]) {
      const name = runs.scenario.name;
      const steps = comparison.survival.filter((s) => s.scenario === name);
      // Those formed during the runs: the burn-in's, at steps up to 0, were not followed from birth.
      const cohort = runs.results.flatMap((r) => r.partnerships.filter((p) => p.formedStep >= 1));
      const partnerships = cohort.length;
      const dissolved = cohort.filter((p) => p.endedStep !== null).length;
      expect(steps[0]).toEqual({ scenario: name, years: 0, atRisk: partnerships, events: 0, survival: 1, low: 1, high: 1 });
      expect(steps.reduce((sum, s) => sum + s.events, 0)).toBe(dissolved);
      for (const s of steps) expect(s.low <= s.survival && s.survival <= s.high).toBe(true);
      const hazard = comparison.hazard.filter((h) => h.scenario === name);
      expect(hazard.map((h) => h.age)).toEqual(hazard.map((_, a) => a));
      expect(hazard.reduce((sum, h) => sum + h.events, 0)).toBe(dissolved);
      const lived = partnershipLifetimes(runs.results, 4).durations.reduce((sum, d) => sum + d, 0);
      expect(hazard.reduce((sum, h) => sum + h.exposureYears, 0)).toBeCloseTo(lived, 9);
    }
  });

  it('gives series, levels and levers at every step of each scenario, baseline first', () => {
    const stepsOf = (points: readonly { scenario: string; step: number }[], name: string) =>
      points.filter((p) => p.scenario === name).length;
    for (const name of ['base', 'funded']) {
      expect(stepsOf(comparison.series, name)).toBe(SERIES_FIELDS.length * 40);
      expect(stepsOf(comparison.levels, name)).toBe(LEVEL_NAMES.length * 40);
      expect(stepsOf(comparison.levers, name)).toBe(LEVER_KEYS.length * 40);
    }
    expect(comparison.series[0]).toMatchObject({ scenario: 'base', field: 'active', step: 1, year: 0.25 });
    expect(comparison.series[0].mean).toBeCloseTo(base.results.reduce((sum, r) => sum + r.timeseries[0].active, 0) / REPS, 12);
    const carrot = comparison.levers.filter((p) => p.scenario === 'funded' && p.lever === 'policy.carrot');
    expect(carrot.map((p) => p.value)).toEqual(carrot.map((p) => (p.step < 20 ? 0.8 : 0)));
    for (const step of [1, 20, 40]) {
      const levels = comparison.levels.filter((p) => p.scenario === 'funded' && p.step === step);
      const active = levels.reduce((sum, p) => sum + p.mean, 0);
      expect(levels.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(active > 0 ? 1 : 0, 12);
    }
  });

  it('compares one scenario alone: a comparison without differences', () => {
    const alone = compareScenarios([funded]);
    expect(alone.baseline).toBe('funded');
    expect(alone.differences).toEqual([]);
    expect(alone.scenarios).toHaveLength(1);
  });

  it('refuses an unknown baseline, uneven replicates, a repeated name and nothing to compare', () => {
    expect(() => compareScenarios([base, funded], 'nowhere')).toThrow(RangeError);
    const fewer: ScenarioRuns = { ...funded, results: funded.results.slice(0, 2) as readonly ReplicateResult[] };
    expect(() => compareScenarios([base, fewer])).toThrow(/same replicates/);
    expect(() => compareScenarios([base, base])).toThrow(/two scenarios are named "base"/);
    expect(() => compareScenarios([])).toThrow(RangeError);
  });
});
