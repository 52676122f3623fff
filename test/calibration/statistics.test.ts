// Each statistic of the registry on a real run of the tiny scenario, against what the run's own records say: a metric,
// a time-series field at a step and over a window, survival and the hazard at an age, the share of a size.
import { describe, expect, it } from 'vitest';
import { hazardByAge, partnershipLifetimes } from '../../src/analysis/compare.ts';
import {
  evaluateStatistics,
  isStatisticName,
  STATISTIC_NAMES,
  STATISTICS,
  statisticId,
  statisticIds,
} from '../../src/calibration/statistics.ts';
import { runScenario } from '../../src/engine/run.ts';
import { kaplanMeier, survivalAt } from '../../src/engine/survival.ts';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { TIMESERIES_FIELDS } from '../../src/sweep/schema.ts';
import { tinyScenario } from '../cli/fixtures.ts';

const scenario = loadScenario('tiny.yaml', createMemoryHost({ 'tiny.yaml': tinyScenario({ steps: 96 }) }));
const result = runScenario(scenario, { seed: 11 });
const spy = scenario.time.stepsPerYear;

describe('the statistics registry', () => {
  it('holds every metric, every time-series field, survival, hazard, the trusts’ statistics and partnershipSize', () => {
    expect(STATISTIC_NAMES).toEqual([
      ...METRIC_NAMES,
      ...TIMESERIES_FIELDS,
      'survival',
      'hazard',
      'schoolsInTrusts',
      'trustSize',
      'trustJoins',
      'partnershipSize',
    ]);
    expect(isStatisticName('survival')).toBe(true);
    expect(isStatisticName('survivl')).toBe(false);
    expect(STATISTICS.survival.needs).toEqual(['age']);
    expect(STATISTICS.active.needs).toEqual(['steps']);
  });

  it('evaluates the trusts’ statistics, overall and for an area, as the run records its trusts and joinings', () => {
    const busy = loadScenario('tiny.yaml', createMemoryHost({ 'tiny.yaml': tinyScenario({ steps: 96 }) }), {
      set: ['governance.fragmentation=0.5'],
    });
    const run = runScenario(busy, { seed: 11 });
    const area = run.areas[1].area;
    const open = run.trusts.filter((t) => t.ended === null && t.schools > 0);
    const here = open.filter((t) => t.area === area);
    expect(open.length).toBeGreaterThan(0);
    expect(run.trustJoins.length).toBeGreaterThan(0);
    const values = evaluateStatistics(
      run,
      [
        { statistic: 'schoolsInTrusts' },
        { statistic: 'schoolsInTrusts', area },
        { statistic: 'trustSize', size: { min: 2, max: 5 } },
        { statistic: 'trustSize', size: { min: 1, max: null }, area },
        { statistic: 'trustJoins', steps: { from: 1, to: 48 } },
        { statistic: 'trustJoins', steps: { from: 49, to: 96 }, area },
      ],
      spy,
    );
    expect(values).toEqual([
      run.metrics.inTrustsAtEnd,
      run.areas[1].inTrustsAtEnd,
      open.filter((t) => t.schools >= 2 && t.schools <= 5).length / open.length,
      here.length === 0 ? null : 1,
      run.trustJoins.filter((j) => j.step <= 48).length,
      run.trustJoins.filter((j) => j.step >= 49 && j.area === area).length,
    ]);
    expect(statisticId({ statistic: 'trustSize', size: { min: 2, max: 5 }, area })).toBe(`trustSize@2-5@${area}`);
  });

  it('evaluates each kind of statistic as the run records it', () => {
    const { durations, ended } = partnershipLifetimes([result], spy);
    const active = result.partnerships.filter((p) => p.endedStep === null);
    const window = result.timeseries.slice(23, 36).map((row) => row.meanTrust);
    const values = evaluateStatistics(
      result,
      [
        { statistic: 'survival5y' },
        { statistic: 'active', steps: { from: 60, to: 60 } },
        { statistic: 'meanTrust', steps: { from: 24, to: 36 } },
        { statistic: 'coordinating', steps: { from: 12, to: 12 } },
        { statistic: 'survival', age: 2.5 },
        { statistic: 'hazard', age: 1 },
        { statistic: 'partnershipSize', size: { min: 3, max: null } },
      ],
      spy,
    );
    expect(values).toEqual([
      result.metrics.survival5y,
      result.timeseries[59].active,
      window.reduce((sum, v) => sum + v, 0) / window.length,
      result.timeseries[11].levels[1],
      survivalAt(kaplanMeier(durations, ended), durations, 2.5),
      hazardByAge('', { durations, ended })[1]?.hazard ?? null,
      active.length === 0 ? null : active.filter((p) => p.members >= 3).length / active.length,
    ]);
  });

  it('names each statistic with its options for tables, one repeated with #2', () => {
    expect(statisticId({ statistic: 'active', steps: { from: 49, to: 60 } })).toBe('active@49-60');
    expect(statisticId({ statistic: 'survival', age: 5 })).toBe('survival@5y');
    expect(statisticId({ statistic: 'partnershipSize', size: { min: 3, max: 5 } })).toBe('partnershipSize@3-5');
    expect(statisticIds([{ statistic: 'survival5y' }, { statistic: 'survival5y' }])).toEqual(['survival5y', 'survival5y#2']);
  });
});
