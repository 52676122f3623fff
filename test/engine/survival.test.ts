// Kaplan-Meier survival against the textbook example: the 6-MP arm of Freireich et al. (1963), as worked
// in Kaplan & Meier's method (e.g. Kleinbaum & Klein, Survival Analysis, table 2.1), with censoring.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../../src/engine/survival.ts';

// Weeks of remission: 9 relapses and 12 censored (+).
const RELAPSED = [6, 6, 6, 7, 10, 13, 16, 22, 23];
const CENSORED = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const DURATIONS = [...RELAPSED, ...CENSORED];
const ENDED = [...RELAPSED.map(() => true), ...CENSORED.map(() => false)];

// The product-limit estimate in exact fractions, then as the textbook prints it.
const EXACT: [number, number, number, number][] = [
  // time, at risk, events, survival
  [6, 21, 3, 18 / 21],
  [7, 17, 1, (18 / 21) * (16 / 17)],
  [10, 15, 1, (18 / 21) * (16 / 17) * (14 / 15)],
  [13, 12, 1, (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12)],
  [16, 11, 1, (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11)],
  [22, 7, 1, (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7)],
  [23, 6, 1, (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7) * (5 / 6)],
];
const TEXTBOOK: [number, number][] = [[6, 0.857], [7, 0.807], [10, 0.753], [13, 0.69], [16, 0.627], [22, 0.538], [23, 0.448]];

describe('kaplanMeier', () => {
  const curve = kaplanMeier(DURATIONS, ENDED);

  it('steps at each event time, with those at risk and the events there', () => {
    expect(curve.map((p) => [p.time, p.atRisk, p.events])).toEqual(EXACT.map(([t, n, d]) => [t, n, d]));
  });

  it('gives the product-limit survival exactly', () => {
    curve.forEach((p, k) => expect(p.survival).toBeCloseTo(EXACT[k][3], 12));
  });

  it('matches the textbook to three decimals', () => {
    expect(curve.map((p) => [p.time, Math.round(p.survival * 1000) / 1000])).toEqual(TEXTBOOK);
  });

  it('counts a censored time tied with an event time as still at risk at that time', () => {
    // 6+ is at risk at 6 (21 at risk, not 20), and leaves before 7.
    expect(curve[0].atRisk).toBe(21);
    expect(curve[1].atRisk).toBe(17);
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(DURATIONS.map((d, k) => k), { minLength: DURATIONS.length, maxLength: DURATIONS.length }), (order) => {
        expect(kaplanMeier(order.map((k) => DURATIONS[k]), order.map((k) => ENDED[k]))).toEqual(curve);
      }),
      { numRuns: 50 },
    );
  });

  it('has no steps when nothing ended, and falls to 0 when everything did', () => {
    expect(kaplanMeier([1, 2, 3], [false, false, false])).toEqual([]);
    expect(kaplanMeier([], [])).toEqual([]);
    const all = kaplanMeier([2, 1, 2], [true, true, true]);
    expect(all.map((p) => [p.time, p.atRisk, p.events])).toEqual([[1, 3, 1], [2, 2, 2]]);
    expect(all[0].survival).toBeCloseTo(2 / 3, 15);
    expect(all[1].survival).toBe(0);
  });

  it('is non-increasing and in [0, 1] for any durations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 40 }), (rows) => {
        const points = kaplanMeier(rows.map((r) => r[0]), rows.map((r) => r[1]));
        let last = 1;
        for (const p of points) {
          expect(p.survival).toBeLessThanOrEqual(last);
          expect(p.survival).toBeGreaterThanOrEqual(0);
          expect(p.events).toBeGreaterThan(0);
          expect(p.events).toBeLessThanOrEqual(p.atRisk);
          last = p.survival;
        }
        expect(points.reduce((s, p) => s + p.events, 0)).toBe(rows.filter((r) => r[1]).length);
      }),
    );
  });
});

describe('survivalAt', () => {
  const curve = kaplanMeier(DURATIONS, ENDED);

  it('is 1 before the first event and the last step at or before t after it', () => {
    expect(survivalAt(curve, DURATIONS, 0)).toBe(1);
    expect(survivalAt(curve, DURATIONS, 5.9)).toBe(1);
    expect(survivalAt(curve, DURATIONS, 6)).toBeCloseTo(EXACT[0][3], 12);
    expect(survivalAt(curve, DURATIONS, 9)).toBeCloseTo(EXACT[1][3], 12);
    expect(survivalAt(curve, DURATIONS, 22.5)).toBeCloseTo(EXACT[5][3], 12);
    expect(survivalAt(curve, DURATIONS, 35)).toBeCloseTo(EXACT[6][3], 12);
  });

  it('is null beyond the longest duration, where the curve says nothing', () => {
    expect(survivalAt(curve, DURATIONS, 35.01)).toBeNull();
    expect(survivalAt(curve, DURATIONS, 100)).toBeNull();
    expect(survivalAt([], [], 0)).toBeNull();
  });
});
