// Levers over time: a schedule's value at a step, the funding horizon organisations read from a published
// programme, and moving a lever from a step on (a live slider) without touching the scenario it came from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundHorizon, leversAt, valueAt, withLeverFrom } from '../../src/engine/levers.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { AREA_LEVER_KEYS, LEVER_KEYS, leverSchedule, type ScenarioInput, type Schedule } from '../../src/scenario/schema.ts';

const FUNDING = defaultParams().funding;

const FUND: Schedule = [
  { from: 0, value: 0 },
  { from: 12, value: 0.8 },
  { from: 48, value: 0 },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('valueAt', () => {
  it('gives the value of the last entry starting at or before the step', () => {
    expect([0, 11, 12, 13, 47, 48, 1000].map((s) => valueAt(FUND, s))).toEqual([0, 0, 0.8, 0.8, 0.8, 0, 0]);
  });

  it('gives a constant schedule its value at every step', () => {
    expect([0, 1, 99].map((s) => valueAt([{ from: 0, value: 0.3 }], s))).toEqual([0.3, 0.3, 0.3]);
  });

  it('leversAt reads every public lever at a step', () => {
    const scenario = normalizeScenario({
      policy: { carrot: [...FUND], stick: 0.4 },
      context: {
        history: [
          { from: 0, value: 0.1 },
          { from: 5, value: 0.9 },
        ],
      },
    });
    const at0 = leversAt(scenario, 0);
    const at20 = leversAt(scenario, 20);
    expect(Object.keys(at0).sort()).toEqual([...LEVER_KEYS].sort());
    expect([at0['policy.carrot'], at0['policy.stick'], at0['context.history']]).toEqual([0, 0.4, 0.1]);
    expect([at20['policy.carrot'], at20['policy.stick'], at20['context.history']]).toEqual([0.8, 0.4, 0.9]);
  });
});

describe('fundHorizon', () => {
  // Organisations who believe announcements exactly, and who do not believe them at all.
  const EXACT = { ...FUNDING, credibility: 1 };
  const DOUBTFUL = { ...FUNDING, credibility: 0 };
  const typical = FUNDING.typicalYears / (FUNDING.typicalYears + FUNDING.horizonYears);

  it('is 1 when no fall is scheduled and announcements are believed', () => {
    expect(fundHorizon([{ from: 0, value: 0.8 }], 30, 12, EXACT)).toBe(1);
    const rising: Schedule = [
      { from: 0, value: 0.2 },
      { from: 10, value: 0.9 },
    ];
    expect(fundHorizon(rising, 3, 12, EXACT)).toBe(1);
    expect(fundHorizon([{ from: 0, value: 0 }], 0, 12, EXACT)).toBe(1);
  });

  it('is E / (E + Y) before a fall E years ahead when announcements are believed, whatever the steps a year', () => {
    expect(fundHorizon(FUND, 12, 12, EXACT)).toBeCloseTo(3 / 4, 15);
    expect(fundHorizon(FUND, 36, 12, EXACT)).toBeCloseTo(1 / 2, 15);
    expect(fundHorizon(FUND, 47, 12, EXACT)).toBeCloseTo(1 / 13, 15);
    expect(fundHorizon([FUND[0], { from: 4, value: 0.8 }, { from: 16, value: 0 }], 4, 4, EXACT)).toBeCloseTo(3 / 4, 15);
  });

  it('is the typical fund’s continuation whatever is announced when announcements are not believed', () => {
    for (const step of [0, 12, 36, 47, 48, 100]) expect(fundHorizon(FUND, step, 12, DOUBTFUL)).toBeCloseTo(typical, 15);
  });

  it('blends the announced and the typical years by credibility', () => {
    const c = FUNDING.credibility;
    const years = c * 3 + (1 - c) * FUNDING.typicalYears;
    expect(fundHorizon(FUND, 12, 12, FUNDING)).toBeCloseTo(years / (years + FUNDING.horizonYears), 15);
    expect(fundHorizon([{ from: 0, value: 0.8 }], 30, 12, FUNDING)).toBeCloseTo(c + (1 - c) * typical, 15);
  });

  it('counts a fall only below fallShare of the current value, and takes the first such fall', () => {
    const halved = (value: number): Schedule => [
      { from: 0, value: 0.8 },
      { from: 24, value },
    ];
    expect(fundHorizon(halved(0.4), 0, 12, EXACT)).toBe(1);
    expect(fundHorizon(halved(0.39), 0, 12, EXACT)).toBeCloseTo(2 / 3, 15);
    const stepped: Schedule = [
      { from: 0, value: 0.8 },
      { from: 24, value: 0.5 },
      { from: 36, value: 0.3 },
      { from: 60, value: 0 },
    ];
    expect(fundHorizon(stepped, 0, 12, EXACT)).toBeCloseTo(3 / 4, 15);
  });

  it('stays in (0, 1] and shrinks as the fall nears, wherever announcements are believed at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 52 }), (fall, spy) => {
        const schedule: Schedule = [
          { from: 0, value: 1 },
          { from: fall, value: 0 },
        ];
        let last = Infinity;
        for (let step = 0; step < fall; step++) {
          const h = fundHorizon(schedule, step, spy, FUNDING);
          expect(h).toBeGreaterThan(0);
          expect(h).toBeLessThanOrEqual(1);
          expect(h).toBeLessThan(last);
          last = h;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('withLeverFrom', () => {
  const input: ScenarioInput = {
    organisations: {
      areas: [
        {
          name: 'North',
          context: {
            history: [
              { from: 0, value: 0.9 },
              { from: 30, value: 0.7 },
            ],
          },
        },
        { name: 'South', localAuthority: { support: 0.1 } },
      ],
    },
    policy: { carrot: [...FUND] },
    leaders: { turnover: 0.2 },
  };

  it.each([...LEVER_KEYS])('moves %s to the value from the step on, and leaves the steps before alone', (key) => {
    const scenario = deepFreeze(normalizeScenario(input));
    const copy = structuredClone(scenario);
    const moved = withLeverFrom(scenario, key, 20, 0.55);
    expect(scenario).toEqual(copy);
    for (const step of [0, 10, 19]) expect(leversAt(moved, step)).toEqual(leversAt(scenario, step));
    for (const step of [20, 21, 48, 500]) expect(leversAt(moved, step)[key]).toBe(0.55);
    // Every other lever is untouched at every step.
    for (const other of LEVER_KEYS.filter((k) => k !== key)) expect(leverSchedule(moved, other)).toEqual(leverSchedule(scenario, other));
    expect(moved.organisations.kinds).toEqual(scenario.organisations.kinds);
    expect(moved.time).toEqual(scenario.time);
    expect(moved.trust).toEqual(scenario.trust);
  });

  it.each([...AREA_LEVER_KEYS])('moves area lever %s in every area, keeping each area its own values before the step', (key) => {
    const scenario = deepFreeze(normalizeScenario(input));
    const moved = withLeverFrom(scenario, key, 20, 0.05);
    scenario.organisations.areas.forEach((area, a) => {
      const was = leverSchedule(area, key);
      const now = leverSchedule(moved.organisations.areas[a], key);
      for (const step of [0, 19]) expect(valueAt(now, step), `${area.name} at ${step}`).toBe(valueAt(was, step));
      for (const step of [20, 30, 200]) expect(valueAt(now, step), `${area.name} at ${step}`).toBe(0.05);
    });
    expect(moved.organisations.areas.map((a) => [a.name, a.weight])).toEqual(scenario.organisations.areas.map((a) => [a.name, a.weight]));
    // Area levers that were not moved stay as each area had them.
    for (const other of AREA_LEVER_KEYS.filter((k) => k !== key)) {
      moved.organisations.areas.forEach((area, a) =>
        expect(leverSchedule(area, other)).toEqual(leverSchedule(scenario.organisations.areas[a], other)),
      );
    }
  });

  it('keeps North its own history before the step (0.9), not the scenario-wide one', () => {
    const scenario = normalizeScenario(input);
    const moved = withLeverFrom(scenario, 'context.history', 20, 0.05);
    expect(moved.organisations.areas[0].context.history).toEqual([
      { from: 0, value: 0.9 },
      { from: 20, value: 0.05 },
    ]);
    expect(moved.organisations.areas[1].context.history).toEqual([
      { from: 0, value: 0.4 },
      { from: 20, value: 0.05 },
    ]);
    expect(moved.context.history).toEqual([
      { from: 0, value: 0.4 },
      { from: 20, value: 0.05 },
    ]);
  });

  it('replaces later entries of the schedule, and replaces the whole schedule from step 0', () => {
    const scenario = normalizeScenario(input);
    expect(withLeverFrom(scenario, 'policy.carrot', 20, 0.3).policy.carrot).toEqual([
      { from: 0, value: 0 },
      { from: 12, value: 0.8 },
      { from: 20, value: 0.3 },
    ]);
    expect(withLeverFrom(scenario, 'policy.carrot', 0, 0.3).policy.carrot).toEqual([{ from: 0, value: 0.3 }]);
  });

  it('gives a scenario that normalises to itself', () => {
    const scenario = normalizeScenario(input);
    for (const key of LEVER_KEYS) {
      const moved = withLeverFrom(scenario, key, 7, 0.25);
      expect(normalizeScenario(moved)).toEqual(moved);
    }
  });
});
