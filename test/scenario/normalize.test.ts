// Normalising: defaults, shorthand, per-area levers, canonical key order, idempotence, no mutation, the hash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../src/scenario/defaults.ts';
import { LEVERS } from '../../src/scenario/levers.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { hashScenario, normalizeScenario } from '../../src/scenario/normalize.ts';
import { LEVER_KEYS, leverSchedule, scenarioInputSchema } from '../../src/scenario/schema.ts';
import { scenarioInput } from './arbitraries.ts';

const constant = (value: number) => [{ from: 0, value }];

describe('normalizeScenario', () => {
  it('gives the baseline for an empty input', () => {
    const scenario = normalizeScenario({}, 'baseline');
    expect(scenario.name).toBe('baseline');
    expect(scenario.description).toBe('');
    expect(scenario.time).toEqual({ steps: 120, stepsPerYear: 12, seed: 1 });
    expect(scenario.organisations.kinds).toEqual({ school: 80, academy: 50, trust: 6, college: 6, provider: 10, community: 10 });
    expect(scenario.organisations.areas.map((a) => [a.name, a.weight])).toEqual([
      ['Area 1', 1],
      ['Area 2', 1],
      ['Area 3', 1],
      ['Area 4', 1],
    ]);
    for (const key of LEVER_KEYS) expect(leverSchedule(scenario, key)).toEqual(constant(LEVERS[key].default));
    expect(scenario.trust).toEqual({ up: 0.1, down: 0.3, damageGrowth: 0.6, damageDecay: 0.03, dependenceWeight: 0.5, sensitivity: 4 });
  });

  it('names an unnamed scenario "scenario" when no fallback is given', () => {
    expect(normalizeScenario({}).name).toBe('scenario');
    expect(normalizeScenario({ name: 'mine' }, 'file').name).toBe('mine');
  });

  it('turns constant levers into schedules from step 0 and keeps schedules as written', () => {
    const schedule = [
      { from: 0, value: 0.8 },
      { from: 36, value: 0 },
    ];
    const scenario = normalizeScenario({ policy: { carrot: 0.6, stick: schedule } });
    expect(scenario.policy).toEqual({ carrot: constant(0.6), stick: schedule });
  });

  it('expands a count of areas into named areas that take the scenario-wide levers', () => {
    const scenario = normalizeScenario({ organisations: { areas: 2 }, context: { history: 0.9 }, localAuthority: { support: 0.1 } });
    expect(scenario.organisations.areas).toEqual(
      [1, 2].map((i) => ({
        name: `Area ${i}`,
        weight: 1,
        context: { history: constant(0.9), culture: constant(0.4), politics: constant(0.5) },
        localAuthority: { support: constant(0.1) },
      })),
    );
  });

  it('lets listed areas override their own levers, falling back to the scenario-wide ones', () => {
    const scenario = normalizeScenario({
      context: { culture: 0.2 },
      organisations: { areas: [{ name: 'North', weight: 2, context: { history: 0.1 } }, { name: 'South' }] },
    });
    const [north, south] = scenario.organisations.areas;
    expect(north).toEqual({
      name: 'North',
      weight: 2,
      context: { history: constant(0.1), culture: constant(0.2), politics: constant(0.5) },
      localAuthority: { support: constant(0.5) },
    });
    expect(south.weight).toBe(1);
    expect(south.context.history).toEqual(constant(0.4));
  });

  it('fills kinds and trust parameters left out', () => {
    const scenario = normalizeScenario({ organisations: { kinds: { school: 3 } }, trust: { down: 0.4 } });
    expect(scenario.organisations.kinds).toEqual({ ...DEFAULT_KINDS, school: 3 });
    expect(scenario.trust).toEqual({ ...defaultParams().trust, down: 0.4 });
  });

  it('drops $schema and extends', () => {
    const scenario = normalizeScenario({ $schema: './schema.json', extends: 'baseline.yaml' });
    expect(Object.keys(scenario)).not.toContain('$schema');
    expect(Object.keys(scenario)).not.toContain('extends');
  });

  it('writes keys in one fixed order, whatever the order of the input', () => {
    const scenario = normalizeScenario({ trust: { sensitivity: 2, up: 0.2 }, policy: { stick: 0.1, carrot: 0.2 }, name: 'x' });
    expect(Object.keys(scenario)).toEqual([
      'name',
      'description',
      'time',
      'organisations',
      'policy',
      'market',
      'governance',
      'localAuthority',
      'leaders',
      'partnerships',
      'context',
      'trust',
    ]);
    expect(Object.keys(scenario.policy)).toEqual(['carrot', 'stick']);
    expect(Object.keys(scenario.trust)).toEqual(['up', 'down', 'damageGrowth', 'damageDecay', 'dependenceWeight', 'sensitivity']);
    expect(Object.keys(scenario.organisations.areas[0])).toEqual(['name', 'weight', 'context', 'localAuthority']);
  });

  it('shares no object with its input', () => {
    const input = { policy: { carrot: [{ from: 0, value: 0.5 }] } };
    const scenario = normalizeScenario(input);
    expect(scenario.policy.carrot).not.toBe(input.policy.carrot);
    expect(scenario.policy.carrot[0]).not.toBe(input.policy.carrot[0]);
    expect(scenario.organisations.areas[0].context.history).not.toBe(scenario.context.history);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const once = normalizeScenario(input, 'fallback');
        expect(normalizeScenario(once, 'other')).toStrictEqual(once);
      }),
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const before = structuredClone(input);
        normalizeScenario(input);
        expect(input).toStrictEqual(before);
      }),
    );
  });

  it('gives a scenario that is itself a valid scenario file, which reads back equal', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        expect(scenarioInputSchema.safeParse(input).success).toBe(true);
        const scenario = normalizeScenario(input, 'fallback');
        const text = JSON.stringify(scenario);
        expect(normalizeScenario(parseScenarioText(text, 'copy.json'), 'copy')).toStrictEqual(scenario);
      }),
    );
  });
});

describe('hashScenario', () => {
  it('is a 32-digit hex digest, the same for scenarios that normalise alike', () => {
    const a = normalizeScenario({ policy: { carrot: 0.5 }, name: 'x' });
    const b = normalizeScenario({ name: 'x', policy: { carrot: [{ from: 0, value: 0.5 }] } });
    expect(hashScenario(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashScenario(a)).toBe(hashScenario(b));
  });

  it('differs when any value differs', () => {
    const a = normalizeScenario({ name: 'x' });
    expect(hashScenario(normalizeScenario({ name: 'x', policy: { carrot: 0.01 } }))).not.toBe(hashScenario(a));
    expect(hashScenario(normalizeScenario({ name: 'y' }))).not.toBe(hashScenario(a));
  });
});
