// The key findings of a sweep analysis: exact sentences for the fixtures, and what changes when the numbers do (a
// metric not analysed, parameters acting alone, no dropped blocks or wide intervals, no box beating the base rate).
import { describe, expect, it } from 'vitest';
import type { SweepAnalysis } from '../../src/analysis/sweep-analysis.ts';
import * as message from '../../src/report/messages.ts';
import { analysisFindings, boxRestrictions } from '../../src/report/analysis-findings.ts';
import { morrisAnalysis, PRIM_CONDITION_WORDS, primAnalysis, sobolAnalysis } from './analysis-fixture.ts';
import { deepFreeze } from './fixture.ts';

describe("Sobol' findings", () => {
  it('name the parameter that matters most, those that could be fixed, the interactions, dropped blocks and wide intervals', () => {
    expect(analysisFindings(sobolAnalysis())).toEqual([
      'For survival to 5 years, policy.carrot matters most: on its own it accounts for an estimated 42% (95% CI 35% to 50%) of the variance, and with its interactions for 55% (95% CI 47% to 63%).',
      'The total-order interval of leaders.turnover reaches down to 0: survival to 5 years may not depend on it at all over the sweep, so it could be fixed at any value in its range.',
      'The first-order indices add up to 70%, so an estimated 30% of the variance of survival to 5 years comes from parameters acting together (interactions) rather than alone; both figures are estimates from the sampled runs.',
      '12 of 512 base samples were left out because a point in their block had no measured survival to 5 years; the indices rest on the other 500.',
      'The intervals are wide (the total-order index of market.competition lies anywhere from 18% to 42%): raise samples in the sweep file (512 now) for sharper estimates; intervals narrow about as one over the square root of samples.',
    ]);
  });

  it('say the parameters act alone when the first orders add up to nearly all, and leave out notes with nothing to note', () => {
    const analysis: SweepAnalysis = { ...sobolAnalysis(), metric: 'partnershipsFormed' };
    expect(analysisFindings(analysis)).toEqual([
      'For partnerships formed, leaders.turnover matters most: on its own it accounts for an estimated 2% (95% CI 0% to 4%) of the variance, and with its interactions for 104% (95% CI 97% to 108%).',
      'The first-order indices add up to 98%: the parameters act on partnerships formed almost independently of each other, with little or no variance from interactions (within sampling error).',
    ]);
  });

  it('say why the chosen metric was not analysed', () => {
    expect(analysisFindings({ ...sobolAnalysis(), metric: 'meanTrustAtEnd' })).toEqual([
      'Mean trust at end could not be analysed: the output does not vary: every complete block gives the same value.',
    ]);
  });

  it('print negative shares with a true minus sign', () => {
    expect(message.findingSobolNegligible('survival5y', ['a', 'b', 'c'])).toContain('intervals of a, b and c reach down to 0');
    expect(
      message.findingSobolTop('survival5y', 'a', { estimate: -0.004, ci: [-0.03, 0.02] }, { estimate: 0.01, ci: [-0.01, 0.03] }, 0.9),
    ).toContain('an estimated 0% (90% CI −3% to 2%) of the variance');
  });
});

describe('Morris findings', () => {
  it('rank the parameters by mu*, name the negligible and the non-linear, and say which way the monotone ones act', () => {
    expect(analysisFindings(morrisAnalysis())).toEqual([
      'For survival to 5 years, the parameters ranked by μ* (the mean size of their elementary effects) are policy.carrot (0.31), market.competition (0.21), governance.fragmentation (0.15), leaders.turnover (0.12), localAuthority.support (0.09), leaders.experience (0.04) and policy.stick (0.02).',
      "The μ* interval of policy.stick includes 0: its effect on survival to 5 years is negligible over the sweep's ranges.",
      'governance.fragmentation (σ/μ* 1.47) and leaders.turnover (1.25) have σ above μ*: their effect on survival to 5 years is strongly non-linear or depends on the values of other parameters.',
      'Throughout the sweep, raising policy.carrot or localAuthority.support raises survival to 5 years and raising market.competition lowers it: for these, |μ| is close to μ*, so nearly all the elementary effects share a sign.',
    ]);
  });

  it('for another metric: only what holds there (leaders.experience negligible; one that only lowers it)', () => {
    const findings = analysisFindings({ ...morrisAnalysis(), metric: 'partnershipsFormed' });
    expect(findings.slice(1)).toEqual([
      "The μ* interval of leaders.experience includes 0: its effect on partnerships formed is negligible over the sweep's ranges.",
      'governance.fragmentation (σ/μ* 1.25) has σ above μ*: its effect on partnerships formed is strongly non-linear or depends on the values of other parameters.',
      'Throughout the sweep, raising policy.carrot, policy.stick or localAuthority.support raises partnerships formed and raising leaders.turnover lowers it: for these, |μ| is close to μ*, so nearly all the elementary effects share a sign.',
    ]);
  });

  it('name a single direction on its own', () => {
    expect(message.findingMorrisDirections('survival5y', [], ['market.competition'])).toBe(
      'Throughout the sweep, raising market.competition lowers survival to 5 years: for this parameter, |μ| is close to μ*, so nearly all the elementary effects share a sign.',
    );
  });
});

describe('PRIM findings', () => {
  it('give the base rate, then each box with its limits, density, coverage and mass', () => {
    expect(analysisFindings(primAnalysis())).toEqual([
      'Survival to 5 years ≥ 0.6 holds in 34% of runs (340 of 1,000).',
      'In box 1, where policy.carrot is at most 0.4 and market.competition is at least 0.55, survival to 5 years ≥ 0.6 holds in 78% of the runs inside it (density); the box holds 62% of all runs where it holds (coverage) and 27% of all runs (mass).',
      'In box 2, found among the runs outside the first box, where policy.carrot is at least 0.6 and localAuthority.support is at least 0.7, survival to 5 years ≥ 0.6 holds in 55% of the runs inside it (density); the box holds 10% of all runs where it holds (coverage) and 6% of all runs (mass).',
      "Box 2's limit on localAuthority.support (quasi-p 0.3) is weak (a quasi-p-value of 0.05 or more): without it the box would be nearly as dense, so it may come from chance in the sampled runs rather than from the model.",
    ]);
  });

  it('name every weak limit of a box together', () => {
    expect(
      message.findingPrimWeakLimits(1, [
        { parameter: 'policy.stick', quasiP: 0.4123 },
        { parameter: 'market.competition', quasiP: 0.06 },
      ]),
    ).toBe(
      "Box 1's limits on policy.stick (quasi-p 0.41) and market.competition (0.06) are weak (a quasi-p-value of 0.05 or more): without them the box would be nearly as dense, so they may come from chance in the sampled runs rather than from the model.",
    );
  });

  it('say so when no box beats the base rate', () => {
    const analysis = primAnalysis();
    const [first] = analysis.result.boxes;
    const weak = { ...analysis, result: { ...analysis.result, boxes: [{ ...first, box: { ...first.box, density: 0.3 } }] } };
    expect(analysisFindings(weak)).toEqual([
      'Survival to 5 years ≥ 0.6 holds in 34% of runs (340 of 1,000).',
      `No box of parameter values makes ${PRIM_CONDITION_WORDS} more common than its base rate of 34%: over the sweep's ranges it does not gather in any region PRIM can find.`,
    ]);
  });

  it('read a restricted side against the data the trajectory started from, so both sides read "between"', () => {
    const analysis = primAnalysis();
    const [first] = analysis.result.boxes;
    const limits = [[0.2, 0.4], ...first.box.limits.slice(1)] as const;
    expect(boxRestrictions(analysis.parameters, { ...first, box: { ...first.box, limits } })).toEqual([
      { parameter: 'policy.carrot', low: 0.2, high: 0.4 },
      { parameter: 'market.competition', low: 0.55, high: null },
    ]);
    expect(
      message.findingPrimBox(3, PRIM_CONDITION_WORDS, [{ parameter: 'policy.carrot', low: 0.2, high: 0.4 }], {
        density: 0.5,
        coverage: 0.1,
        mass: 0.05,
      }),
    ).toMatch(/^In box 3, found among the runs outside the first 2 boxes, where policy\.carrot is between 0\.2 and 0\.4, /);
  });
});

it('analysisFindings leaves a deep-frozen analysis as it was', () => {
  for (const analysis of [sobolAnalysis(), morrisAnalysis(), primAnalysis()]) {
    const frozen = deepFreeze(structuredClone(analysis));
    expect(analysisFindings(frozen)).toEqual(analysisFindings(analysis));
    expect(frozen).toEqual(analysis);
  }
});

it('analysisTitle names the method, the subject and the sweep', () => {
  expect(message.analysisTitle('sobol', 'levers', 'survival5y')).toBe("partnersim: Sobol' indices of survival5y over sweep levers");
  expect(message.analysisTitle('morris', 'screening', 'survival5y')).toBe(
    'partnersim: Morris elementary effects on survival5y over sweep screening',
  );
  expect(message.analysisTitle('prim', 'lever space', 'survival5y >= 0.6')).toBe(
    'partnersim: where survival5y >= 0.6 holds in sweep lever space (PRIM)',
  );
});
