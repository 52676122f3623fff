// Time: every rate is per year, so the same years at 4, 12 and 52 steps a year give the same results within noise; and
// the burn-in leaves a settled system, so a long baseline run shows no trend beyond noise.
import { describe, expect, it, vi } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import type { MetricName, RunResult } from '../../src/engine/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';

vi.setConfig({ testTimeout: 600_000 });

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Returns the mean of a metric over replicates and its 95% t interval (20 replicates: t = 2.093). */
function interval(rs: readonly RunResult[], metric: MetricName): [number, number] {
  const xs = rs.map((r) => r.metrics[metric]).filter((x): x is number => x !== null);
  const m = mean(xs);
  const half = (2.093 * Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1))) / Math.sqrt(xs.length);
  return [m - half, m + half];
}

/** Returns the yearly hazard of dissolution by age of the partnerships formed in the runs, pooled. */
function hazardByAge(rs: readonly RunResult[], stepsPerYear: number, years: number): number[] {
  const exposure = new Array<number>(years).fill(0);
  const events = new Array<number>(years).fill(0);
  for (const r of rs)
    for (const p of r.partnerships) {
      if (p.formedStep < 1) continue;
      const age = ((p.endedStep ?? r.steps) - p.formedStep) / stepsPerYear;
      for (let y = 0; y < years && age > y; y++) {
        exposure[y] += Math.min(1, age - y);
        events[y] += +(p.endedStep !== null && age <= y + 1);
      }
    }
  return exposure.map((e, y) => events[y] / e);
}

describe('the step length', () => {
  // Two small areas for ten years, 20 replicates at each step length; a ten-year burn-in (the default's 30 would triple
  // the cost at 52 steps a year, and the three step lengths are compared like for like).
  const runs = (stepsPerYear: number) =>
    runReplicates(
      normalizeScenario(
        {
          time: { steps: 10 * stepsPerYear, stepsPerYear, seed: 11 },
          model: { init: { burnInYears: 10 } },
          organisations: { areas: 2, kinds: { school: 40, academy: 20, trust: 2, college: 2, provider: 4, community: 6 } },
        },
        `steps-${stepsPerYear}`,
      ),
      20,
    );
  let cached: Map<number, RunResult[]> | undefined;
  const bySteps = () => {
    cached ??= new Map([4, 12, 52].map((spy) => [spy, runs(spy)]));
    return cached;
  };

  it.each(['survival5y', 'participationAtEnd', 'partnershipsActiveAtEnd'] as const)(
    'gives %s whose 95% intervals overlap at 4, 12 and 52 steps a year',
    (metric) => {
      const intervals = [...bySteps().values()].map((rs) => interval(rs, metric));
      for (const [low, high] of intervals)
        for (const [otherLow, otherHigh] of intervals)
          expect(low <= otherHigh && otherLow <= high, `${metric}: ${JSON.stringify(intervals)}`).toBe(true);
    },
  );

  it('gives the hazard of dissolution the same level at each step length over the first seven years', () => {
    // The yearly hazard rests on a few events a year and its shape over the years is noise at 20 runs (since trusts
    // joined the model the first year is no longer low: docs/ODD.md §9); its mean over seven years is compared.
    const levels = [...bySteps()].map(([spy, rs]) => [spy, mean(hazardByAge(rs, spy, 7))] as const);
    const [, reference] = levels[0];
    for (const [spy, level] of levels) {
      expect(level, `${spy} steps a year: ${JSON.stringify(levels)}`).toBeGreaterThan(reference / 1.5);
      expect(level, `${spy} steps a year: ${JSON.stringify(levels)}`).toBeLessThan(reference * 1.5);
    }
  });
});

describe('the settled start', () => {
  // With trusts standing still: schools joining trusts through a run is a trend of the system the baseline has by design
  // (at the calibrated defaults its participation falls from 0.40 to 0.34 over 30 years as trusts grow, 4 replicates),
  // not of a start the burn-in left unsettled (0.37 and 0.36 with fragmentation 0).
  let cached: RunResult[] | undefined;
  const runs = () => {
    const set = ['time.steps=360', 'governance.fragmentation=0'];
    cached ??= runReplicates(loadScenario('scenarios/baseline.yaml', nodeHost, { set }), 8);
    return cached;
  };
  const yearsMean = (from: number, to: number, field: 'active' | 'participation') =>
    mean(runs().flatMap((r) => r.timeseries.slice(from * 12, to * 12).map((row) => row[field])));

  it('shows no trend in active partnerships or participation over 30 years beyond noise', () => {
    expect(Math.abs(yearsMean(25, 30, 'active') / yearsMean(0, 5, 'active') - 1)).toBeLessThan(0.15);
    expect(Math.abs(yearsMean(25, 30, 'participation') - yearsMean(0, 5, 'participation'))).toBeLessThan(0.05);
  });

  it('gives partnerships formed early and late in the run the same five-year survival, within noise', () => {
    const cohort = (from: number, to: number) => {
      const formed = runs().flatMap((r) => r.partnerships.filter((p) => p.formedStep > from * 12 && p.formedStep <= to * 12));
      return formed.filter((p) => p.endedStep === null || p.endedStep - p.formedStep >= 60).length / formed.length;
    };
    expect(Math.abs(cohort(0, 10) - cohort(15, 25))).toBeLessThan(0.12);
  });
});
