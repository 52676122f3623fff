// Determinism of the engine: the same scenario and seed give the same results to the byte, another seed
// other results; replicates take seeds hashed from the master seed; stepping a Simulation equals a run.
import { describe, expect, it } from 'vitest';
import { runReplicates, runScenario } from '../../src/engine/run.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { withLeverFrom } from '../../src/engine/levers.ts';
import { replicateSeed } from '../../src/random.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';

// Small, but with a carrot that starts and ends and a stick, so that every route of formation runs.
const scenario = normalizeScenario({
  name: 'small',
  time: { steps: 36, seed: 9 },
  organisations: { areas: 2, kinds: { school: 20, academy: 12, trust: 2, college: 2, provider: 3, community: 3 } },
  policy: {
    carrot: [
      { from: 0, value: 0 },
      { from: 6, value: 0.7 },
      { from: 24, value: 0 },
    ],
    stick: 0.3,
  },
});

describe('runScenario', () => {
  it('gives deep-equal, JSON byte-identical results for the same scenario and seed', () => {
    const first = runScenario(scenario, { seed: 77 });
    const second = runScenario(scenario, { seed: 77 });
    expect(second).toStrictEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.steps).toBe(36);
    expect(first.seed).toBe(77);
    expect(first.partnerships.length).toBeGreaterThan(0);
    expect(first.events.length).toBeGreaterThan(0);
  });

  it('gives different results for different seeds', () => {
    const first = runScenario(scenario, { seed: 77 });
    const second = runScenario(scenario, { seed: 78 });
    expect(JSON.stringify(second.events)).not.toBe(JSON.stringify(first.events));
    expect(JSON.stringify(second.timeseries)).not.toBe(JSON.stringify(first.timeseries));
    expect(second.metrics).not.toEqual(first.metrics);
  });

  it("defaults to replicate 0's seed from the scenario's master seed, and to the scenario's steps", () => {
    const result = runScenario(scenario);
    expect(result.seed).toBe(replicateSeed(9, 0));
    expect(result.steps).toBe(36);
    expect(result).toStrictEqual(runScenario(scenario, { seed: replicateSeed(9, 0), steps: 36 }));
  });

  it('runs the number of steps asked for', () => {
    const result = runScenario(scenario, { seed: 1, steps: 5 });
    expect(result.steps).toBe(5);
    expect(result.timeseries.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('runReplicates', () => {
  it('runs replicate r with replicateSeed(master, r), in order, reporting progress', () => {
    const done: number[] = [];
    const results = runReplicates(scenario, 3, (d) => done.push(d));
    expect(done).toEqual([1, 2, 3]);
    expect(results.map((r) => r.seed)).toEqual([0, 1, 2].map((r) => replicateSeed(9, r)));
    results.forEach((result, r) => expect(result).toStrictEqual(runScenario(scenario, { seed: replicateSeed(9, r) })));
    expect(results[1].events).not.toEqual(results[0].events);
  });
});

describe('Simulation', () => {
  it('stepped by advance() gives the same result as runScenario, row by row', () => {
    const simulation = new Simulation(scenario, 31);
    expect(simulation.step).toBe(0);
    const rows = [];
    for (let s = 1; s <= 36; s++) {
      rows.push(simulation.advance());
      expect(simulation.step).toBe(s);
    }
    const run = runScenario(scenario, { seed: 31 });
    expect(rows).toStrictEqual(run.timeseries);
    expect(simulation.result()).toStrictEqual(run);
    expect(JSON.stringify(simulation.result())).toBe(JSON.stringify(run));
  });

  it('with its burn-in deferred and run a few steps at a time, gives the same result', () => {
    const simulation = new Simulation(scenario, 31, undefined, { deferBurnIn: true });
    expect(simulation.step).toBeLessThan(0);
    let calls = 1;
    while (!simulation.burnIn(7)) calls++;
    expect(simulation.step).toBe(0);
    expect(calls).toBe(Math.ceil(-new Simulation(scenario, 31, undefined, { deferBurnIn: true }).step / 7));
    for (let s = 1; s <= 36; s++) simulation.advance();
    expect(JSON.stringify(simulation.result())).toBe(JSON.stringify(runScenario(scenario, { seed: 31 })));
    // advance() finishes a burn-in left deferred.
    const deferred = new Simulation(scenario, 31, undefined, { deferBurnIn: true });
    for (let s = 1; s <= 36; s++) deferred.advance();
    expect(JSON.stringify(deferred.result())).toBe(JSON.stringify(runScenario(scenario, { seed: 31 })));
  });

  it('read part-way gives the result of a shorter run', () => {
    const simulation = new Simulation(scenario, 31);
    for (let s = 0; s < 10; s++) simulation.advance();
    expect(simulation.result()).toStrictEqual(runScenario(scenario, { seed: 31, steps: 10 }));
  });

  it('moving a lever live equals a run whose schedule moves it at the next step', () => {
    const simulation = new Simulation(scenario, 31);
    for (let s = 0; s < 12; s++) simulation.advance();
    simulation.setLever('market.competition', 0.9);
    for (let s = 12; s < 36; s++) simulation.advance();
    const scheduled = runScenario(withLeverFrom(scenario, 'market.competition', 13, 0.9), { seed: 31 });
    expect(simulation.result()).toStrictEqual(scheduled);
    expect(simulation.result().timeseries[12].levers['market.competition']).toBe(0.9);
    expect(simulation.result().timeseries[11].levers['market.competition']).toBe(0.3);
    expect(simulation.result().events).not.toEqual(runScenario(scenario, { seed: 31 }).events);
  });
});
