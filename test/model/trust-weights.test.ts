// Adaptive weights on trust (ODD 7.7; Gorobets & Nooteboom 2006): each defection an organisation suffers closes a share
// 0.05 of its weight's gap to 1; in a step without one, each cooperation it received takes a share 0.005 of its weight away.
// Closed forms: w' = 1 − (1 − w)(1 − up)^betrayed, or w' = w (1 − down)^rewarded.
import { describe, expect, it } from 'vitest';
import { adaptTrustWeightsInPlace } from '../../src/model/trust-weights.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { scriptedRng, smallContext, smallWorld } from './small-world.ts';

const P = defaultParams().trustWeights;

describe('adaptTrustWeightsInPlace', () => {
  it('uses the defaults the hand-worked values below assume', () => {
    expect([P.up, P.down]).toEqual([0.05, 0.005]);
  });

  it('moves each weight by its closed form, and draws nothing', () => {
    // [weight, defections suffered, cooperations received] → weight after the step:
    const cases = [
      [0.5, 1, 0, 0.525], // 1 − 0.5 × 0.95
      [0.5, 2, 7, 0.54875], // 1 − 0.5 × 0.95²: cooperation counts for nothing in a step with a defection
      [0.2, 3, 0, 0.3141], // 1 − 0.8 × 0.857375 = 0.3141
      [0.5, 0, 1, 0.4975], // 0.5 × 0.995
      [0.8, 0, 4, 0.7841196005], // 0.8 × 0.995⁴ = 0.8 × 0.980149500625
      [0.6, 0, 0, 0.6], // nothing happened
      [1, 5, 0, 1], // at 1 a defection keeps it there
      [0, 0, 9, 0], // at 0 cooperation keeps it there
    ];
    const world = smallWorld(cases.length);
    cases.forEach(([w, betrayed, rewarded], i) => {
      world.orgs.trustWeight[i] = w;
      world.orgs.betrayed[i] = betrayed;
      world.orgs.rewarded[i] = rewarded;
    });
    const rng = scriptedRng([]);
    adaptTrustWeightsInPlace(world, smallContext(world, rng));
    cases.forEach(([, , , after], i) => expect(world.orgs.trustWeight[i], `case ${i}`).toBeCloseTo(after, 12));
  });

  it.each([
    ['betrayed', 1, 1 - 0.7 * 0.95 ** 12],
    ['rewarded', 3, 0.3 * 0.995 ** 36],
  ] as const)('does over twelve monthly steps with %s %s each what one step does with the year’s count', (field, each, after) => {
    // The counts are the interactions of the step, not rates: twelve steps of k do what one of 12 k does, at any length.
    const monthly = smallWorld(1);
    monthly.orgs.trustWeight[0] = 0.3;
    monthly.orgs[field][0] = each;
    const ctx = smallContext(monthly, scriptedRng([]), { stepsPerYear: 12 });
    for (let s = 0; s < 12; s++) adaptTrustWeightsInPlace(monthly, ctx);
    const yearly = smallWorld(1);
    yearly.orgs.trustWeight[0] = 0.3;
    yearly.orgs[field][0] = 12 * each;
    adaptTrustWeightsInPlace(yearly, smallContext(yearly, scriptedRng([])));
    expect(monthly.orgs.trustWeight[0]).toBeCloseTo(after, 14);
    expect(yearly.orgs.trustWeight[0]).toBeCloseTo(after, 14);
  });
});
