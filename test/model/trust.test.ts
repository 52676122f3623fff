// Trust dynamics (Pant & Yu 2025) against closed forms: slow gain towards a ceiling, fast loss, reputation
// damage, resilience of deeper trust types, and the trust-type thresholds (Lewicki & Bunker 1996).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDamage, nextTrust, resilienceByType, trustSignal, trustTypeOf } from '../../src/model/trust.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import type { TrustParams } from '../../src/scenario/schema.ts';

/** Pant & Yu's defaults (their TR-2 §8): l_up 0.10, l_down 0.30, R growth 0.60, R decay 0.03, x 0.5; k 4 (ours). */
const TT = defaultParams().trustTypes;
const RESILIENCE = resilienceByType(TT);
const P: TrustParams = { up: 0.1, down: 0.3, damageGrowth: 0.6, damageDecay: 0.03, dependenceWeight: 0.5, sensitivity: 4 };

const iterate = (n: number, t0: number, r: number, s: number, resilience = 1): number[] => {
  const path = [t0];
  for (let k = 0; k < n; k++) path.push(nextTrust(path[k], r, s, resilience, 0, P));
  return path;
};

describe('trustSignal', () => {
  it('is tanh(k (a - b)): zero at expectation, odd around it, bounded by 1', () => {
    expect(trustSignal(0.5, 0.5, 4)).toBe(0);
    expect(trustSignal(0.8, 0.5, 4)).toBeCloseTo(Math.tanh(1.2), 15);
    expect(trustSignal(0.2, 0.5, 4)).toBeCloseTo(-Math.tanh(1.2), 15);
    expect(trustSignal(1, 0, 50)).toBeLessThanOrEqual(1);
    expect(trustSignal(0, 1, 50)).toBeGreaterThanOrEqual(-1);
  });
});

describe('nextTrust: built slowly', () => {
  it.each([
    [0, 0.9, 0.5],
    [0.2, 0.7, 0.1],
    [0.55, 0.6, 0.3],
  ])('a run of cooperations from T0 = %s follows T_n = 1 - (1 - T0)(1 - l_up s)^n (a = %s, b = %s)', (t0, a, b) => {
    const s = trustSignal(a, b, P.sensitivity);
    expect(s).toBeGreaterThan(0);
    const path = iterate(200, t0, 0, s);
    for (let n = 0; n <= 200; n++) expect(Math.abs(path[n] - (1 - (1 - t0) * (1 - P.up * s) ** n)), `n = ${n}`).toBeLessThan(1e-12);
  });

  it('rises monotonically towards the ceiling 1 - R without passing it', () => {
    const s = trustSignal(0.9, 0.5, P.sensitivity);
    for (const r of [0, 0.2, 0.5]) {
      const path = iterate(400, 0.1, r, s);
      for (let n = 1; n < path.length; n++) {
        if (n <= 100) expect(path[n]).toBeGreaterThan(path[n - 1]);
        else expect(path[n]).toBeGreaterThanOrEqual(path[n - 1]);
        expect(path[n]).toBeLessThanOrEqual(1 - r);
      }
      // Closed form with a fixed ceiling: T_n = (1 - R) - (1 - R - T0)(1 - l_up s)^n.
      expect(path[400]).toBeCloseTo(1 - r - (1 - r - 0.1) * (1 - P.up * s) ** 400, 12);
      expect(1 - r - path[400]).toBeLessThan(1e-6);
    }
  });

  it('does not change on a zero signal', () => {
    expect(nextTrust(0.37, 0.2, 0, 1, 0, P)).toBe(0.37);
  });
});

describe('nextTrust: lost quickly', () => {
  it('one defection (-s) costs exactly l_down s T and one cooperation (+s) gains l_up s (1 - T)', () => {
    const s = trustSignal(0.9, 0.5, P.sensitivity);
    for (const t of [0.1, 0.3, 0.5, 0.9]) {
      expect(t - nextTrust(t, 0, -s, 1, 0, P)).toBeCloseTo(P.down * s * t, 14);
      expect(nextTrust(t, 0, s, 1, 0, P) - t).toBeCloseTo(P.up * s * (1 - t), 14);
    }
  });

  it('one defection costs more than one cooperation gains at the same T, for T above l_up / (l_up + l_down) = 0.25', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.26, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (t, s) => {
        const loss = t - nextTrust(t, 0, -s, 1, 0, P);
        const gain = nextTrust(t, 0, s, 1, 0, P) - t;
        expect(loss).toBeGreaterThan(gain);
      }),
    );
  });

  it('a defection undoes many cooperations: from T = 0.5, one loss needs at least three gains to recover', () => {
    const s = trustSignal(0.9, 0.5, P.sensitivity);
    let t = nextTrust(0.5, 0, -s, 1, 0, P);
    let gains = 0;
    while (t < 0.5) {
      t = nextTrust(t, 0, s, 1, 0, P);
      gains++;
    }
    expect(gains).toBeGreaterThanOrEqual(3);
  });
});

describe('dependence', () => {
  const s = trustSignal(0.9, 0.5, P.sensitivity);

  it('speeds loss by the factor 1 + x D', () => {
    for (const d of [0.2, 0.5, 1]) {
      const lossDependent = 0.6 - nextTrust(0.6, 0, -s, 1, d, P);
      const lossFree = 0.6 - nextTrust(0.6, 0, -s, 1, 0, P);
      expect(lossDependent).toBeCloseTo(lossFree * (1 + P.dependenceWeight * d), 14);
      expect(lossDependent).toBeGreaterThan(lossFree);
    }
  });

  it('does not change gains', () => {
    expect(nextTrust(0.4, 0, s, 1, 1, P)).toBe(nextTrust(0.4, 0, s, 1, 0, P));
  });
});

describe('reputation damage', () => {
  const s = trustSignal(0.9, 0.5, P.sensitivity);

  it('lowers the ceiling: trust at or above 1 - R gains nothing from cooperation', () => {
    expect(nextTrust(0.7, 0.3, s, 1, 0, P)).toBeCloseTo(0.7, 15);
    expect(nextTrust(0.8, 0.3, s, 1, 0, P)).toBe(0.8);
    expect(nextTrust(0.5, 0.3, s, 1, 0, P) - 0.5).toBeCloseTo(P.up * s * (1 - 0.3 - 0.5), 15);
    expect(nextTrust(0.5, 0.3, s, 1, 0, P)).toBeLessThan(nextTrust(0.5, 0, s, 1, 0, P));
  });

  it('leaves the loss itself alone: damage acts through the ceiling', () => {
    expect(0.6 - nextTrust(0.6, 0.5, -s, 1, 0, P)).toBeCloseTo(0.6 - nextTrust(0.6, 0, -s, 1, 0, P), 15);
  });

  it('grows with a violation by g |s| (1 - R)', () => {
    expect(nextDamage(0, -s, P)).toBeCloseTo(P.damageGrowth * s, 15);
    expect(nextDamage(0.4, -s, P)).toBeCloseTo(0.4 + P.damageGrowth * s * 0.6, 15);
  });

  it('decays by (1 - 0.03) per step without violation, whether the partner cooperated or gave the signal 0', () => {
    let r = 0.8;
    for (let n = 1; n <= 100; n++) {
      r = nextDamage(r, n % 2 === 0 ? 0 : s, P);
      expect(Math.abs(r - 0.8 * (1 - 0.03) ** n), `n = ${n}`).toBeLessThan(1e-12);
    }
  });
});

describe('resilience of deeper trust types', () => {
  it('scales the loss proportionally and leaves the gain alone', () => {
    const s = trustSignal(0.1, 0.5, P.sensitivity);
    for (const [t, r] of [
      [0.6, 0],
      [0.8, 0.3],
      [0.3, 0.9],
    ]) {
      const full = t - nextTrust(t, r, s, 1, 0, P);
      for (const resilience of [0.75, 0.5, 0]) expect(t - nextTrust(t, r, s, resilience, 0, P)).toBeCloseTo(resilience * full, 14);
    }
    expect(nextTrust(0.4, 0, 0.5, 0.5, 0, P)).toBe(nextTrust(0.4, 0, 0.5, 1, 0, P));
  });
});

describe('bounds', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const params = fc.record({
    up: unit,
    down: unit,
    damageGrowth: unit,
    damageDecay: unit,
    dependenceWeight: fc.double({ min: 0, max: 5, noNaN: true }),
    sensitivity: fc.constant(4),
  });

  it('keeps trust and damage in [0, 1] for any T, R in [0, 1], s in [-1, 1], resilience and D in [0, 1] (default parameters)', () => {
    fc.assert(
      fc.property(unit, unit, fc.double({ min: -1, max: 1, noNaN: true }), unit, unit, (t, r, s, resilience, d) => {
        const next = nextTrust(t, r, s, resilience, d, P);
        const damage = nextDamage(r, s, P);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThanOrEqual(1);
        expect(damage).toBeGreaterThanOrEqual(0);
        expect(damage).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps trust and damage in [0, 1] for every trust parameter a scenario may set', () => {
    fc.assert(
      fc.property(unit, unit, fc.double({ min: -1, max: 1, noNaN: true }), unit, unit, params, (t, r, s, resilience, d, p) => {
        const next = nextTrust(t, r, s, resilience, d, p);
        const damage = nextDamage(r, s, p);
        expect(next >= 0 && next <= 1).toBe(true);
        expect(damage >= 0 && damage <= 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('trustTypeOf', () => {
  it('uses the documented thresholds: 12 interactions, trust 0.6, norm gap 0.12', () => {
    expect([TT.knowledgeInteractions, TT.identificationTrust, TT.identificationNormGap]).toEqual([12, 0.6, 0.12]);
  });

  it('is calculus-based (0) before 12 interactions, however high trust and close norms', () => {
    expect(trustTypeOf(0, 0.1, 0.5, TT)).toBe(0);
    expect(trustTypeOf(11, 1, 0, TT)).toBe(0);
  });

  it('is knowledge-based (1) from 12 interactions', () => {
    expect(trustTypeOf(12, 0.1, 0.5, TT)).toBe(1);
    expect(trustTypeOf(12, 0.59, 0, TT)).toBe(1);
    expect(trustTypeOf(40, 0.9, 0.13, TT)).toBe(1);
  });

  it('is identification-based (2) with trust at least 0.6 and a norm gap at most 0.12', () => {
    expect(trustTypeOf(12, 0.6, 0.12, TT)).toBe(2);
    expect(trustTypeOf(100, 1, 0, TT)).toBe(2);
  });

  it('sets the resilience of each type: deeper trust loses less (1, 0.75, 0.5)', () => {
    expect(RESILIENCE).toEqual([1, 0.75, 0.5]);
    const s = trustSignal(0.1, 0.5, P.sensitivity);
    const losses = [0, 1, 2].map((type) => 0.7 - nextTrust(0.7, 0, s, RESILIENCE[type], 0, P));
    expect(losses[1]).toBeLessThan(losses[0]);
    expect(losses[2]).toBeLessThan(losses[1]);
  });
});
