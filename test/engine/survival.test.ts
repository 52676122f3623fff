// Kaplan-Meier survival against the textbook example: the 6-MP arm of Freireich et al. (1963), as worked
// in Kaplan & Meier's method (e.g. Kleinbaum & Klein, Survival Analysis, table 2.1), with censoring,
// and its Greenwood standard errors and log-log intervals against the published tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, restrictedMean, survivalAt, survivalInterval, Z_975 } from '../../src/engine/survival.ts';

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
const TEXTBOOK: [number, number][] = [
  [6, 0.857],
  [7, 0.807],
  [10, 0.753],
  [13, 0.69],
  [16, 0.627],
  [22, 0.538],
  [23, 0.448],
];
// Greenwood's sum Σ d / (n (n − d)) in exact fractions, from the at-risk and event counts above.
const GREENWOOD_TERMS = [3 / (21 * 18), 1 / (17 * 16), 1 / (15 * 14), 1 / (12 * 11), 1 / (11 * 10), 1 / (7 * 6), 1 / (6 * 5)];
const GREENWOOD = GREENWOOD_TERMS.map((_, k) => GREENWOOD_TERMS.slice(0, k + 1).reduce((sum, term) => sum + term, 0));
// Greenwood standard errors as published (Klein & Moeschberger, Survival Analysis, table 4.1A; Kleinbaum & Klein).
const TEXTBOOK_SE: [number, number][] = [
  [6, 0.076],
  [7, 0.087],
  [10, 0.096],
  [13, 0.107],
  [16, 0.114],
  [22, 0.128],
  [23, 0.135],
];

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

  it("carries Greenwood's sum exactly", () => {
    curve.forEach((p, k) => expect(p.greenwoodSum).toBeCloseTo(GREENWOOD[k], 15));
  });

  it('gives the textbook Greenwood standard errors to three decimals', () => {
    expect(curve.map((p) => [p.time, Math.round(p.survival * Math.sqrt(p.greenwoodSum) * 1000) / 1000])).toEqual(TEXTBOOK_SE);
  });

  it('counts a censored time tied with an event time as still at risk at that time', () => {
    // 6+ is at risk at 6 (21 at risk, not 20), and leaves before 7.
    expect(curve[0].atRisk).toBe(21);
    expect(curve[1].atRisk).toBe(17);
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          DURATIONS.map((_, k) => k),
          { minLength: DURATIONS.length, maxLength: DURATIONS.length },
        ),
        (order) => {
          expect(
            kaplanMeier(
              order.map((k) => DURATIONS[k]),
              order.map((k) => ENDED[k]),
            ),
          ).toEqual(curve);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('has no steps when nothing ended, and falls to 0 when everything did', () => {
    expect(kaplanMeier([1, 2, 3], [false, false, false])).toEqual([]);
    expect(kaplanMeier([], [])).toEqual([]);
    const all = kaplanMeier([2, 1, 2], [true, true, true]);
    expect(all.map((p) => [p.time, p.atRisk, p.events])).toEqual([
      [1, 3, 1],
      [2, 2, 2],
    ]);
    expect(all[0].survival).toBeCloseTo(2 / 3, 15);
    expect(all[1].survival).toBe(0);
    // Everyone at risk ended at 2: the variance of log survival is unbounded there.
    expect(all[0].greenwoodSum).toBeCloseTo(1 / (3 * 2), 15);
    expect(all[1].greenwoodSum).toBe(Infinity);
  });

  it('is non-increasing and in [0, 1] for any durations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 40 }), (rows) => {
        const points = kaplanMeier(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
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

describe('survivalInterval', () => {
  const curve = kaplanMeier(DURATIONS, ENDED);

  it('gives the log-log interval at 6 weeks computed by hand', () => {
    // S = 18/21 = 6/7, Greenwood sum V = 3/(21·18) = 1/126; log S = −0.1541507, √V = 0.0890871,
    // se of log(−log S) = √V / |log S| = 0.5779221, exp(1.959964 × 0.5779221) = exp(1.1327065) = 3.1040461,
    // so the interval is [(6/7)^3.1040461, (6/7)^(1/3.1040461)] = [0.6197180, 0.9515517].
    const [low, high] = survivalInterval(curve[0].survival, curve[0].greenwoodSum);
    expect(low).toBeCloseTo(0.619718, 6);
    expect(high).toBeCloseTo(0.951552, 6);
  });

  it("matches Stata's and R's (conf.type = 'log-log') published intervals for the 6-MP arm at 6 and 7 weeks", () => {
    const rounded = curve.slice(0, 2).map((p) => survivalInterval(p.survival, p.greenwoodSum).map((v) => Math.round(v * 1e4) / 1e4));
    expect(rounded).toEqual([
      [0.6197, 0.9516],
      [0.5631, 0.9228],
    ]);
  });

  it('is [1, 1] before any event and [0, 0] where survival reaches 0', () => {
    expect(survivalInterval(1, 0)).toEqual([1, 1]);
    const all = kaplanMeier([2, 1, 2], [true, true, true]);
    expect(survivalInterval(all[1].survival, all[1].greenwoodSum)).toEqual([0, 0]);
  });

  it('narrows with a smaller z and holds the estimate inside [0, 1] for any curve', () => {
    const [low, high] = survivalInterval(curve[3].survival, curve[3].greenwoodSum, 1);
    const [low95, high95] = survivalInterval(curve[3].survival, curve[3].greenwoodSum, Z_975);
    expect(low).toBeGreaterThan(low95);
    expect(high).toBeLessThan(high95);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 40 }), (rows) => {
        for (const p of kaplanMeier(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        )) {
          const [lo, hi] = survivalInterval(p.survival, p.greenwoodSum);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(lo).toBeLessThanOrEqual(p.survival);
          expect(hi).toBeGreaterThanOrEqual(p.survival);
          expect(hi).toBeLessThanOrEqual(1);
        }
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

describe('medianSurvival and restrictedMean', () => {
  // Five lives: events at 1, 2 and 4 years, one censored at 3, one still alive at 6.
  const durations = [1, 2, 3, 4, 6];
  const curve = kaplanMeier(durations, [true, true, false, true, false]);

  it('gives the first event time at which survival falls to one half or below, and null when it never does', () => {
    // S: 0.8 after 1, 0.6 after 2, 0.6 × 1/2 = 0.3 after 4 (two at risk then).
    expect(medianSurvival(curve)).toBe(4);
    expect(medianSurvival(kaplanMeier([1, 5, 5], [true, false, false]))).toBeNull();
  });

  it('gives the area under the step function to tau, counting an event at t in S(t)', () => {
    // 1 × 1 + 0.8 × 1 + 0.6 × 2 + 0.3 × 1 to tau = 5.
    expect(restrictedMean(curve, durations, 5)).toBeCloseTo(1 + 0.8 + 1.2 + 0.3, 12);
    expect(restrictedMean(curve, durations, 2)).toBeCloseTo(1 + 0.8, 12);
    expect(restrictedMean(curve, durations, 0.5)).toBe(0.5);
  });

  it('is null when no life reaches tau, and tau itself when nothing ended before it', () => {
    expect(restrictedMean(curve, durations, 7)).toBeNull();
    expect(restrictedMean(kaplanMeier([3, 4], [false, true]), [3, 4], 3)).toBe(3);
  });
});
