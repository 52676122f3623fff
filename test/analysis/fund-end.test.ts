// After a fund ends: the step its carrot falls to zero, and the share of partnerships then active still active later.
import { describe, expect, it } from 'vitest';
import { fundEndOutcome, fundEndStep, stillActiveShare } from '../../src/analysis/fund-end.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';

const scenario = (name: string, carrot: unknown, steps = 120) => normalizeScenario({ name, time: { steps }, policy: { carrot } } as never);

describe('fundEndStep', () => {
  it('is the first step at which a positive carrot falls to zero', () => {
    expect(
      fundEndStep(
        scenario('a', [
          { from: 0, value: 0 },
          { from: 12, value: 0.8 },
          { from: 48, value: 0 },
        ]),
      ),
    ).toBe(48);
    expect(
      fundEndStep(
        scenario('b', [
          { from: 0, value: 0.5 },
          { from: 30, value: 0 },
          { from: 60, value: 0.5 },
          { from: 90, value: 0 },
        ]),
      ),
    ).toBe(30);
  });

  it('is null for a fund that never ends, or never starts', () => {
    expect(fundEndStep(scenario('c', 0.8))).toBeNull();
    expect(fundEndStep(scenario('d', 0))).toBeNull();
    expect(
      fundEndStep(
        scenario('e', [
          { from: 0, value: 0.5 },
          { from: 30, value: 0.2 },
        ]),
      ),
    ).toBeNull();
  });
});

describe('stillActiveShare', () => {
  const partnerships = [
    { formedStep: 0, endedStep: null }, // active throughout
    { formedStep: 10, endedStep: 50 }, // active at 48, gone by 72
    { formedStep: 20, endedStep: 80 }, // active at 48 and still at 72
    { formedStep: 0, endedStep: 40 }, // gone before the fund ends: not counted
    { formedStep: 60, endedStep: null }, // formed after: not counted
    { formedStep: 48, endedStep: 72 }, // formed in the step: counted; ended at 72: not active at 72
  ];

  it('counts the partnerships active at the step and the share of them still active later', () => {
    expect(stillActiveShare(partnerships, 48, 72)).toBe(2 / 4);
  });

  it('is null when none were active', () => {
    expect(stillActiveShare([{ formedStep: 50, endedStep: null }], 48, 72)).toBeNull();
  });
});

describe('fundEndOutcome', () => {
  const runs = (fundScenario: ReturnType<typeof scenario>) => [
    {
      scenario: scenario('baseline', 0),
      results: [{ partnerships: [{ formedStep: 0, endedStep: null }] }, { partnerships: [{ formedStep: 0, endedStep: 60 }] }],
    },
    {
      scenario: fundScenario,
      results: [{ partnerships: [{ formedStep: 12, endedStep: 55 }] }, { partnerships: [{ formedStep: 12, endedStep: null }] }],
    },
  ];

  it('measures every scenario at the step the first ending fund ends, two years on', () => {
    const outcome = fundEndOutcome(
      runs(
        scenario('carrots', [
          { from: 0, value: 0 },
          { from: 12, value: 0.8 },
          { from: 48, value: 0 },
        ]),
      ),
    );
    expect(outcome).toMatchObject({ scenario: 'carrots', step: 48, years: 2 });
    expect(outcome?.shares.map((s) => [s.scenario, s.share.mean])).toEqual([
      ['baseline', 0.5],
      ['carrots', 0.5],
    ]);
  });

  it('shortens the horizon to the whole years left, and gives nothing when under a year is left', () => {
    expect(
      fundEndOutcome(
        runs(
          scenario('late', [
            { from: 0, value: 0.8 },
            { from: 100, value: 0 },
          ]),
        ),
      )?.years,
    ).toBe(1);
    expect(
      fundEndOutcome(
        runs(
          scenario('too-late', [
            { from: 0, value: 0.8 },
            { from: 110, value: 0 },
          ]),
        ),
      ),
    ).toBeUndefined();
  });
});
