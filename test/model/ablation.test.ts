// Each mechanism switched off in turn (with the mechanisms that need it): the run completes and the world's invariants
// hold after every step. Switching one off is an experiment, not an edit.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { MECHANISM_IDS, MECHANISMS, type MechanismId } from '../../src/scenario/mechanisms.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { brokenInvariants } from './invariants.ts';

// A mechanism and every one that needs it, directly or through another.
function withDependants(id: MechanismId): MechanismId[] {
  const off = new Set<MechanismId>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const other of MECHANISM_IDS) {
      if (!off.has(other) && (MECHANISMS[other].needs as readonly string[]).some((need) => off.has(need as MechanismId))) {
        off.add(other);
        grew = true;
      }
    }
  }
  return [...off];
}

describe('switching a mechanism off', () => {
  it.each(MECHANISM_IDS.map((id) => [id]))('%s: the run completes with its invariants holding', (id) => {
    const off = withDependants(id);
    const scenario = normalizeScenario(
      {
        time: { steps: 36 },
        organisations: { areas: 2, kinds: { school: 30, academy: 20, trust: 2, college: 2, provider: 4, community: 4 } },
        policy: {
          carrot: [
            { from: 0, value: 0.5 },
            { from: 18, value: 0 },
          ],
          stick: 0.4,
        },
        mechanisms: Object.fromEntries(off.map((m) => [m, false])),
      },
      'ablation',
    );
    expect(Object.keys(scenario.mechanisms ?? {})).toEqual(MECHANISM_IDS.filter((m) => off.includes(m)));
    const sim = new Simulation(scenario, 3);
    expect(brokenInvariants(sim.world)).toEqual([]);
    for (let step = 0; step < scenario.time.steps; step++) {
      sim.advance();
      expect(brokenInvariants(sim.world), `after step ${sim.step}`).toEqual([]);
    }
  });

  it('changes the run: with interaction off, no tie records an interaction, and with it on ties do', () => {
    const base = {
      time: { steps: 24 },
      organisations: { areas: 1, kinds: { school: 20, academy: 10, trust: 1, college: 1, provider: 2, community: 2 } },
    };
    const interactions = (sim: Simulation) => sim.world.ties.interactions.reduce((sum, n, slot) => sum + n * sim.world.ties.alive[slot], 0);
    const on = new Simulation(normalizeScenario(base, 'on'), 5);
    const off = new Simulation(normalizeScenario({ ...base, mechanisms: { interaction: false, trustWeights: false } }, 'off'), 5);
    // The burn-in runs the same schedule, so the two start apart; from there, only the one with interaction moves.
    const [onStart, offStart] = [interactions(on), interactions(off)];
    for (let s = 0; s < 24; s++) {
      on.advance();
      off.advance();
    }
    expect(interactions(off)).toBe(offStart);
    expect(interactions(on)).toBeGreaterThan(onStart);
  });
});
