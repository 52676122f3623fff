// The result files' contents on hand-made runs: columns, the one CSV convention (round-trip numbers, TRUE/FALSE,
// empty for missing, formulas neutralised), replicate columns.
import { resolveParams } from '../../src/scenario/parameters/index.ts';
import { describe, expect, it } from 'vitest';
import type { Metrics, RunResult, StepRecord } from '../../src/engine/types.ts';
import { parseCsv } from '../../src/results/read-run.ts';
import {
  eventLines,
  manifestJson,
  PARTNERSHIP_COLUMNS,
  partnershipRows,
  resultFiles,
  RESULT_FILES,
  summaryJson,
  TIMESERIES_COLUMNS,
  timeseriesRows,
} from '../../src/results/run-files.ts';
import { encodeCsvRows } from '../../src/sweep/table.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { LEVER_KEYS } from '../../src/scenario/schema.ts';

const levers = Object.fromEntries(LEVER_KEYS.map((key, i) => [key, i / 10])) as StepRecord['levers'];

const metrics = (formed: number, survival5y: number | null): Metrics => ({
  partnershipsFormed: formed,
  partnershipsDissolved: 1,
  partnershipsActiveAtEnd: formed - 1,
  participationAtEnd: 0.5,
  meanTrustAtEnd: 0.4,
  meanStrengthAtEnd: 0.3,
  strongShareAtEnd: 0.25,
  medianLifetimeYears: 1.5,
  rmst5y: 1.25,
  rmst10y: 1.5,
  survival3y: 1,
  survival5y,
  trustsAtEnd: 2,
  inTrustsAtEnd: 0.5,
  inTrustsElsewhereAtEnd: 0.25,
  meanTrustSizeAtEnd: 3,
});

const run = (seed: number, formed: number, survival5y: number | null = null): RunResult => ({
  scenario: 'fixture',
  seed,
  steps: 2,
  organisations: 12,
  metrics: metrics(formed, survival5y),
  areas: [
    {
      area: 'North, upper',
      organisations: 12,
      participationAtEnd: 0.5,
      partnershipsActiveAtEnd: formed - 1,
      partnershipsFormed: formed,
      meanStrengthAtEnd: 0.3,
      trustsAtEnd: 1,
      inTrustsAtEnd: 0.5,
      inTrustsElsewhereAtEnd: 0,
    },
  ],
  work: { orgSteps: 24, tieUpdates: 100 },
  timeseries: [
    {
      step: 0,
      year: 0,
      active: 1,
      formed: 1,
      dissolved: 0,
      participation: 1 / 6,
      meanTrust: 0.1 + 0.2,
      meanStrength: 0.25,
      levels: [1, 0, 0, 0],
      features: { trust: 0.5, network: 0.25, norms: 0.75, motivation: 1 },
      trustTypes: [0.5, 0.5, 0],
      network: {
        density: 0.25,
        clustering: 0.5,
        components: 4,
        largestComponent: 6,
        centralisation: 0.125,
        crossAreaShare: 0,
        brokerage: 1.5,
      },
      trusts: 2,
      trustsMulti: 1,
      inTrusts: 0.25,
      inTrustsElsewhere: 0,
      meanTrustSize: 1.5,
      joinedTrust: 1,
      areaWide: 1,
      areaWideCore: 3,
      areaWideWider: 9,
      levers,
    },
    {
      step: 1,
      year: 1 / 12,
      active: 1,
      formed: 1,
      dissolved: 1,
      participation: 0.25,
      meanTrust: 2 / 3,
      meanStrength: 0.000012345678,
      levels: [0, 1, 0, 0],
      features: { trust: 0, network: 0, norms: 0, motivation: 0 },
      trustTypes: [0, 0, 1],
      network: {
        density: 0.5,
        clustering: 1 / 3,
        components: 2,
        largestComponent: 10,
        centralisation: 0,
        crossAreaShare: 0.1,
        brokerage: 0,
      },
      trusts: 2,
      trustsMulti: 1,
      inTrusts: 0.25,
      inTrustsElsewhere: 0,
      meanTrustSize: 1.5,
      joinedTrust: 1,
      areaWide: 1,
      areaWideCore: 3,
      areaWideWider: 9,
      levers,
    },
  ],
  partnerships: [
    {
      id: 0,
      area: 'North, upper',
      formedStep: 0,
      endedStep: 1,
      endReason: 'trust-fell',
      members: 2,
      core: 2,
      scope: 'group',
      peakLevel: 'coordinating',
      finalLevel: 'networking',
      mandate: 'voluntary',
      principles: true,
      laInvolved: false,
      funded: false,
      leadExperience: 0.5,
      peak: { trust: 0.5, network: 0.5, norms: 0.5, motivation: 0.5, score: 0.5 },
      final: { trust: 0.25, network: 0.25, norms: 0.25, motivation: 0.25, score: 0.25 },
    },
    {
      id: 1,
      area: 'North, upper',
      formedStep: 1,
      endedStep: null,
      endReason: null,
      members: 3,
      core: 2,
      scope: 'area',
      peakLevel: 'networking',
      finalLevel: 'networking',
      mandate: 'incentivised',
      principles: false,
      laInvolved: true,
      funded: true,
      leadExperience: 0,
      peak: { trust: 0.1, network: 0.2, norms: 0.3, motivation: 0.4, score: 0.25 },
      final: { trust: 0.1, network: 0.2, norms: 0.3, motivation: 0.4, score: 0.25 },
    },
  ],
  trusts: [
    { id: 0, name: 'Trust 1', area: 'North, upper', founded: 0, ended: null, endReason: null, schools: 3, schoolsElsewhere: 0 },
    { id: 1, name: 'Trust 2', area: 'North, upper', founded: 1, ended: null, endReason: null, schools: 1, schoolsElsewhere: 1 },
    { id: 2, name: 'Trust 3', area: 'North, upper', founded: 0, ended: 2, endReason: 'merged', schools: 0, schoolsElsewhere: 0 },
  ],
  trustJoins: [{ step: 1, area: 'North, upper' }],
  events: [
    { step: 0, kind: 'formed', partnership: 0, organisations: [1, 2], cause: 'network' },
    { step: 1, kind: 'dissolved', partnership: 0, organisations: [1, 2], cause: 'trust-fell' },
  ],
  organisationsAtEnd: [],
  leaders: [],
  network: [],
});

const csv = (columns: readonly { name: string }[], rows: ReturnType<typeof timeseriesRows>): string[] =>
  encodeCsvRows(columns as typeof TIMESERIES_COLUMNS, rows, true).split('\n');

describe('timeseries.csv', () => {
  it("has the sweep's column names: replicate, step, year, the time-series fields, then one per lever", () => {
    expect(TIMESERIES_COLUMNS.map((column) => column.name)).toEqual([
      'replicate',
      'step',
      'year',
      'active',
      'formed',
      'dissolved',
      'participation',
      'meanTrust',
      'meanStrength',
      'networking',
      'coordinating',
      'cooperating',
      'collaborating',
      'featureTrust',
      'featureNetwork',
      'featureNorms',
      'featureMotivation',
      'trustCalculus',
      'trustKnowledge',
      'trustIdentification',
      'density',
      'clustering',
      'components',
      'largestComponent',
      'centralisation',
      'crossAreaShare',
      'brokerage',
      'trusts',
      'trustsMulti',
      'inTrusts',
      'inTrustsElsewhere',
      'meanTrustSize',
      'joinedTrust',
      'areaWide',
      'areaWideCore',
      'areaWideWider',
      ...LEVER_KEYS,
    ]);
  });

  it('writes every number in its shortest round-trip form, the replicate first', () => {
    const lines = csv(TIMESERIES_COLUMNS, timeseriesRows(run(7, 2).timeseries, 3));
    expect(lines[0]).toBe(TIMESERIES_COLUMNS.map((column) => column.name).join(','));
    expect(lines[1]).toBe(
      '3,0,0,1,1,0,0.16666666666666666,0.30000000000000004,0.25,1,0,0,0,0.5,0.25,0.75,1,0.5,0.5,0,0.25,0.5,4,6,0.125,0,1.5,2,1,0.25,0,1.5,1,1,3,9,0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1',
    );
    expect(lines[2].startsWith('3,1,0.08333333333333333,1,1,1,0.25,0.6666666666666666,0.000012345678,0,1,0,0,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});

describe('partnerships.csv', () => {
  it('writes one quoted, typed row per partnership: TRUE/FALSE, an empty field while active', () => {
    expect(csv(PARTNERSHIP_COLUMNS, partnershipRows(run(7, 2).partnerships, 0))).toEqual([
      PARTNERSHIP_COLUMNS.map((column) => column.name).join(','),
      '0,0,"North, upper",0,1,trust-fell,2,2,group,coordinating,networking,0.5,0.5,0.5,0.5,0.5,0.25,0.25,0.25,0.25,0.25,voluntary,TRUE,FALSE,FALSE,0.5',
      '0,1,"North, upper",1,,,3,2,area,networking,networking,0.1,0.2,0.3,0.4,0.25,0.1,0.2,0.3,0.4,0.25,incentivised,FALSE,TRUE,TRUE,0',
      '',
    ]);
  });

  it('neutralises an area name a spreadsheet would run as a formula (OWASP), and keeps numbers as they are', () => {
    const partnerships = ['=HYPERLINK("http://x","y")', '+cmd|x', '-2+3', '@SUM(A1)', '\tx', "'=already"].map((area, id) => ({
      ...run(7, 2).partnerships[1],
      id: -id,
      area,
    }));
    const lines = csv(PARTNERSHIP_COLUMNS, partnershipRows(partnerships, 0)).slice(1, -1);
    expect(lines.map((line) => line.split(',')[1])).toEqual(['0', '-1', '-2', '-3', '-4', '-5']);
    expect(lines.map((line) => line.slice(line.indexOf(',', 2) + 1, line.lastIndexOf(',1,,,')))).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+cmd|x",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "''=already",
    ]);
    expect(parseCsv(lines.join('\n')).map((row) => row[2])).toEqual(partnerships.map((p) => p.area));
  });
});

describe('events.jsonl', () => {
  it('writes one JSON event per line, its replicate first', () => {
    const lines = eventLines(run(7, 2).events, 1).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(run(7, 2).events.map((event) => ({ replicate: 1, ...event })));
    expect(lines[0]).toBe('{"replicate":1,"step":0,"kind":"formed","partnership":0,"organisations":[1,2],"cause":"network"}');
  });

  it('is empty for a run without events', () => {
    expect(eventLines([], 0)).toBe('');
  });
});

describe('summaryJson', () => {
  it('gives one run its own seed, metrics, areas, open trusts by size and work', () => {
    const summary = JSON.parse(summaryJson([run(7, 2)], 1));
    expect(Object.keys(summary)).toEqual(['scenario', 'seed', 'steps', 'organisations', 'metrics', 'areas', 'trustSizes', 'work']);
    expect(summary.trustSizes).toEqual({ 1: 1, 3: 1 });
    expect(summary.seed).toBe(7);
    expect(summary.metrics).toEqual(metrics(2, null));
    expect(summary.work).toEqual({ orgSteps: 24, tieUpdates: 100 });
  });

  it('aggregates several replicates: master seed, mean/sd/ci95 per metric, replicates, summed work', () => {
    const summary = JSON.parse(summaryJson([run(7, 2, 0.5), run(8, 4), run(9, 6, 1)], 1));
    expect(Object.keys(summary)).toEqual(['scenario', 'seed', 'steps', 'organisations', 'metrics', 'areas', 'replicates', 'work']);
    expect(summary.seed).toBe(1);
    expect(summary.metrics.partnershipsFormed.mean).toBe(4);
    expect(summary.metrics.partnershipsFormed.sd).toBe(2);
    // t(0.975, 2) * 2 / sqrt(3) = 4.302653 * 1.154701
    expect(summary.metrics.partnershipsFormed.ci95[0]).toBeCloseTo(4 - 4.968275, 5);
    expect(summary.metrics.survival5y.mean).toBe(0.75);
    expect(summary.replicates).toEqual([
      { replicate: 0, seed: 7, metrics: metrics(2, 0.5), trustSizes: { 1: 1, 3: 1 } },
      { replicate: 1, seed: 8, metrics: metrics(4, null), trustSizes: { 1: 1, 3: 1 } },
      { replicate: 2, seed: 9, metrics: metrics(6, 1), trustSizes: { 1: 1, 3: 1 } },
    ]);
    expect(summary.areas[0].area).toBe('North, upper');
    expect(summary.areas[0].partnershipsFormed.mean).toBe(4);
    expect(summary.work).toEqual({ orgSteps: 72, tieUpdates: 300 });
  });
});

describe('manifestJson and resultFiles', () => {
  const scenario = normalizeScenario({ name: 'fixture' });
  const provenance = {
    version: '0.1.0',
    commit: null,
    node: 'v20.0.0',
    args: ['run', 'x.yaml'],
    scenario,
    scenarioHash: 'abc',
    masterSeed: 1,
    seeds: [7, 8],
  };

  it('records provenance without any clock, and every parameter in force', () => {
    const manifest = JSON.parse(manifestJson(provenance));
    expect(manifest).toEqual({
      kind: 'partnersim run',
      partnersim: '0.1.0',
      commit: null,
      node: 'v20.0.0',
      args: ['run', 'x.yaml'],
      scenario,
      parameters: resolveParams(scenario),
      scenarioHash: 'abc',
      masterSeed: 1,
      reps: 2,
      seeds: [7, 8],
    });
  });

  it('gives every result file', () => {
    expect(Object.keys(resultFiles([run(7, 2), run(8, 3)], provenance))).toEqual([...RESULT_FILES]);
  });
});
