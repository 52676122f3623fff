// The public API (src/index.ts): what a researcher imports is enough to load a scenario from text, run it,
// and get its results as plain values, without reaching into src/ or touching the file system.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';
import { fixedProvenance } from './pins/outputs.ts';
import {
  createMemoryHost,
  encodeTable,
  gexfText,
  graphmlText,
  LEADER_COLUMNS,
  leaderRows,
  NETWORK_COLUMNS,
  NETWORK_DIR,
  networkRows,
  networkSteps,
  ORGANISATION_COLUMNS,
  organisationRows,
  resultFiles,
  snapshotFiles,
  snapshotGraph,
  snapshotStem,
  isPartnersimError,
  kaplanMeier,
  loadScenario,
  normalizeScenario,
  parseScenarioText,
  replicateSeed,
  runReplicates,
  runScenario,
  Simulation,
  summarise,
  survivalAt,
  type RunResult,
  type Scenario,
} from '../src/index.ts';

const BASE = `name: base
time: {steps: 24, seed: 3}
organisations:
  areas: 2
  kinds: {school: 14, academy: 8, trust: 2, college: 2, provider: 2, community: 2}
policy: {carrot: 0.5}
`;
const CHILD = `extends: base.yaml
name: child
market: {competition: 0.8}
`;

/** Asserts that a value is made of plain JSON values only: no typed arrays, Maps, class instances, undefined, NaN or functions. */
function expectPlain(value: unknown, path = 'result'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    return;
  }
  expect(typeof value, path).toBe('object');
  if (Array.isArray(value)) {
    value.forEach((v, k) => expectPlain(v, `${path}[${k}]`));
    return;
  }
  expect(Object.getPrototypeOf(value), `${path} is not a plain object`).toBe(Object.prototype);
  for (const [k, v] of Object.entries(value as object)) expectPlain(v, `${path}.${k}`);
}

describe('the public API', () => {
  it('exports what a researcher needs, as functions and constants', () => {
    for (const name of [
      'loadScenario',
      'parseScenarioText',
      'createMemoryHost',
      'normalizeScenario',
      'hashScenario',
      'applyOverrides',
      'runScenario',
      'runReplicates',
      'Simulation',
      'kaplanMeier',
      'survivalAt',
      'valueAt',
      'leversAt',
      'createRng',
      'deriveSeed',
      'replicateSeed',
      'digest',
      'isPartnersimError',
      'summarise',
      'aggregateMetrics',
      'nextTrust',
      'nextDamage',
      'trustSignal',
      'renderScenarioJsonSchema',
      'sobolIndices',
      'morrisEffects',
      'prim',
      'quantile',
      'analyseSweep',
      'readPart',
      'saltelliSample',
      'morrisTrajectories',
    ])
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    expect(api.LEVER_KEYS).toContain('policy.carrot');
    expect(api.ANALYSIS_METHODS).toEqual(['sobol', 'morris', 'prim']);
    expect(api.LEVEL_NAMES).toEqual(['networking', 'coordinating', 'cooperating', 'collaborating']);
    expect(api.MANDATES).toEqual(['voluntary', 'incentivised', 'mandated']);
    expect(api.CAUSES.length).toBeGreaterThan(0);
    expect(api.EVENT_KINDS).toContain('dissolved');
    expect(Object.keys(api.LEVER_MEANINGS).sort()).toEqual([...api.LEVER_KEYS].sort());
  });

  it('loads a scenario from text held in memory, with extends and --set overrides', () => {
    const host = createMemoryHost({ 'scenarios/base.yaml': BASE, 'scenarios/child.yaml': CHILD });
    const scenario = loadScenario('scenarios/child.yaml', host, { set: ['policy.stick=0.4'] });
    expect(scenario.name).toBe('child');
    expect(scenario.time).toEqual({ steps: 24, stepsPerYear: 12, seed: 3 });
    expect(scenario.policy.carrot).toEqual([{ from: 0, value: 0.5 }]);
    expect(scenario.policy.stick).toEqual([{ from: 0, value: 0.4 }]);
    expect(scenario.market.competition).toEqual([{ from: 0, value: 0.8 }]);
  });

  it('parses and normalises a text to the same scenario that loading it gives', () => {
    const parsed = normalizeScenario(parseScenarioText(BASE, 'base.yaml'), 'base');
    expect(parsed).toEqual(loadScenario('base.yaml', createMemoryHost({ 'base.yaml': BASE })));
  });

  it('reports a bad scenario as a typed error with a stable code', () => {
    let caught: unknown;
    try {
      parseScenarioText('time: {steps: -1}\n', 'bad.yaml');
    } catch (error) {
      caught = error;
    }
    expect(isPartnersimError(caught)).toBe(true);
    expect(typeof (caught as { code: unknown }).code).toBe('string');
    expect(() => loadScenario('missing.yaml', createMemoryHost({}))).toThrow();
  });

  it('runs a scenario and returns its results as plain, JSON-serialisable values', () => {
    const scenario: Scenario = normalizeScenario(parseScenarioText(BASE, 'base.yaml'), 'base');
    const result: RunResult = runScenario(scenario, { seed: 4 });
    expectPlain(result);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    expect(structuredClone(result)).toStrictEqual(result);
    expect(result.scenario).toBe('base');
    expect(result.steps).toBe(24);
    expect(result.timeseries).toHaveLength(24);
    expect(result.organisations).toBe(30 + 2);
    expect(result.areas.map((a) => a.area)).toEqual(['Area 1', 'Area 2']);
    // Those formed in the run, beside those the burn-in left at step 0 (formedStep 0 or less).
    expect(result.partnerships.filter((p) => p.formedStep >= 1)).toHaveLength(result.metrics.partnershipsFormed);
  });

  it('writes organisations.csv, leaders.csv, network.csv and the graph files of a run from a script, as a run directory holds them', () => {
    const scenario = normalizeScenario(parseScenarioText(BASE, 'base.yaml'), 'base');
    const result = runScenario(scenario, { seed: 4, networkEvery: 12 });
    expect(result.network.map((snapshot) => snapshot.step)).toEqual(networkSteps(24, 12));
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const organisations = text(encodeTable(ORGANISATION_COLUMNS, organisationRows(result.organisationsAtEnd, 0), 'csv'));
    const leaders = text(encodeTable(LEADER_COLUMNS, leaderRows(result.leaders, 0), 'csv'));
    const network = text(encodeTable(NETWORK_COLUMNS, networkRows(result.network, 0), 'csv'));
    const last = result.network.at(-1);
    if (last === undefined) throw new Error('no snapshot');
    const graph = snapshotGraph(last);
    const stem = `${NETWORK_DIR}/${snapshotStem(0, last.step)}`;
    const files = resultFiles([result], fixedProvenance(scenario, 4, [4]));
    expect(organisations).toBe(files['organisations.csv']);
    expect(leaders).toBe(files['leaders.csv']);
    expect(network).toBe(files['network.csv']);
    expect(snapshotFiles(last, 0)).toEqual({ [`${stem}.graphml`]: graphmlText(graph), [`${stem}.gexf`]: gexfText(graph) });
    expect(files[`${stem}.gexf`]).toBe(gexfText(graph));
  });

  it('runs replicates and summarises a metric across them', () => {
    const scenario = normalizeScenario(parseScenarioText(BASE, 'base.yaml'), 'base');
    const results = runReplicates(scenario, 3);
    expect(results.map((r) => r.seed)).toEqual([0, 1, 2].map((r) => replicateSeed(3, r)));
    const summary = summarise(results.map((r) => r.metrics.participationAtEnd));
    expectPlain(summary, 'summary');
    expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary);
  });

  it('steps a Simulation live, moving a lever, and reads survival from its partnerships', () => {
    const scenario = normalizeScenario(parseScenarioText(BASE, 'base.yaml'), 'base');
    const simulation = new Simulation(scenario, 4);
    const row = simulation.advance();
    expectPlain(row, 'row');
    simulation.setLever('policy.carrot', 0);
    for (let s = 1; s < 24; s++) simulation.advance();
    const result = simulation.result();
    expectPlain(result);
    expect(result.timeseries[1].levers['policy.carrot']).toBe(0);
    const durations = result.partnerships.map((p) => ((p.endedStep ?? result.steps) - p.formedStep) / 12);
    const curve = kaplanMeier(
      durations,
      result.partnerships.map((p) => p.endedStep !== null),
    );
    expectPlain(curve, 'curve');
    const atOneYear = survivalAt(curve, durations, 1);
    expect(atOneYear === null || (atOneYear >= 0 && atOneYear <= 1)).toBe(true);
  });
});

describe('the sensitivity methods, on a model of ones own', () => {
  it("take plain arrays: Sobol' indices of y = 4 x0 + x1 from a Saltelli sample, and a PRIM box where y > 4", () => {
    const rows = api.saltelliSample(512, 2);
    const y = rows.map(([x0, x1]) => 4 * x0 + x1);
    const { first, total } = api.sobolIndices(y, 2, { resamples: 200 });
    // A linear model of independent uniform inputs: S_i = a_i^2 / sum a_j^2, and S_Ti = S_i.
    expect(first[0].estimate).toBeCloseTo(16 / 17, 1);
    expect(total[1].estimate).toBeCloseTo(1 / 17, 1);
    const boxes = api.prim(
      rows,
      y.map((value) => value > 4),
      { minCoverage: 0.8 },
    );
    expect(boxes.boxes[0].box.restricted[0]).toBe(true);
    expect(boxes.boxes[0].box.density).toBeGreaterThan(boxes.density);
  });
});
