// Invariants of the world's state that every mechanism must keep: checked after every step of shipped
// scenarios with and without carrots and sticks (mandated and funded partnerships, dissolutions, ties dropped).
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { brokenInvariants } from './invariants.ts';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));

// Carrots run through the funded period and past its end (steps 12-48), so funded partnerships lose their funding.
const RUNS: [string, number][] = [
  ['baseline', 60],
  ['sticks', 60],
  ['carrots', 72],
  ['fragmentation', 60],
  ['local-authority', 36],
];

// A run with its burn-in and a check after every step takes seconds on a loaded machine: the limit catches a hang.
vi.setConfig({ testTimeout: 60_000 });

describe('world invariants', () => {
  it.each(RUNS)('hold at the start and after every step of %s (%i steps)', (name, steps) => {
    const scenario = loadScenario(scenarioPath(name), nodeHost);
    const simulation = new Simulation(scenario, 12345);
    expect(brokenInvariants(simulation.world), 'at step 0').toEqual([]);
    for (let s = 1; s <= steps; s++) {
      simulation.advance();
      expect(brokenInvariants(simulation.world), `after step ${s}`).toEqual([]);
    }
    // The run exercised what the invariants are about: formation, dissolution, and (for sticks) mandates.
    const w = simulation.world;
    expect(w.partnerships.some((p) => p.endedStep !== null)).toBe(true);
    expect(w.active.length).toBeGreaterThan(0);
    if (name === 'sticks') expect(w.partnerships.some((p) => p.mandate === 'mandated')).toBe(true);
    if (name === 'carrots') expect(w.partnerships.some((p) => p.funded)).toBe(true);
    // Trusts: schools joined during the run; the register's trusts start with their schools.
    if (name === 'fragmentation' || name === 'local-authority') expect(w.trustJoins.some((j) => j.step >= 1)).toBe(true);
  });

  it('catches a broken count (the check itself can fail)', () => {
    const simulation = new Simulation(loadScenario(scenarioPath('baseline'), nodeHost), 1);
    for (let s = 0; s < 3; s++) simulation.advance();
    const w = simulation.world;
    const id = w.active[0];
    const slot = w.partnerships[id].ties[0];
    w.ties.shared[slot]++;
    w.orgs.memberships[w.partnerships[id].members[0]]++;
    const broken = brokenInvariants(w);
    expect(broken.some((m) => m.includes(`tie ${slot}`) && m.includes('shared'))).toBe(true);
    expect(broken.some((m) => m.includes('memberships'))).toBe(true);
  });

  it("catches an organisation's copy of its leader's experience that is not theirs", () => {
    const simulation = new Simulation(loadScenario(scenarioPath('baseline'), nodeHost), 1);
    simulation.advance();
    const w = simulation.world;
    w.orgs.leaderExperience[5] = Number.NaN;
    expect(brokenInvariants(w).filter((m) => m.includes('experience'))).toEqual([
      expect.stringContaining("organisation 5's copy of its leader's experience"),
    ]);
  });

  it('catches a school listed by two trusts, and a record that disagrees with its trust', () => {
    const simulation = new Simulation(loadScenario(scenarioPath('local-authority'), nodeHost), 1);
    const w = simulation.world;
    const [first, second] = w.trusts.filter((t) => t.members.length > 1);
    const school = first.members[1];
    second.members.push(school);
    const broken = brokenInvariants(w);
    expect(broken.some((m) => m.includes(`school ${school} is listed by trusts ${first.id} and ${second.id}`))).toBe(true);
    expect(broken.some((m) => m.includes(`trust ${second.id} lists school ${school}`))).toBe(true);
  });
});
