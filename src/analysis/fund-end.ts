// What happens after a fund ends: of the partnerships active in the step a scenario's carrot falls to zero, the
// share still active some years later, per replicate. The question a policy analyst asks of a time-limited fund.
import type { PartnershipRecord } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { FundEnd } from './comparison.ts';
import { summarise } from './stats.ts';

/** The horizon after a fund's end that findings look at, in years (shortened when the run ends sooner). */
export const FUND_END_HORIZON_YEARS = 2;

/** Returns the step at which a scenario's fund ends: the first step where the carrot falls from above 0 to 0; null if it never does. */
export function fundEndStep(scenario: Scenario): number | null {
  const schedule = scenario.policy.carrot;
  for (let i = 1; i < schedule.length; i++) if (schedule[i - 1].value > 0 && schedule[i].value === 0) return schedule[i].from;
  return null;
}

/** Returns the share of the partnerships active at `step` (formed by then, not yet dissolved) that are still active at
 * `later`; null when none were active. */
export function stillActiveShare(
  partnerships: readonly Pick<PartnershipRecord, 'formedStep' | 'endedStep'>[],
  step: number,
  later: number,
): number | null {
  const active = partnerships.filter((p) => p.formedStep <= step && (p.endedStep === null || p.endedStep > step));
  if (active.length === 0) return null;
  return active.filter((p) => p.endedStep === null || p.endedStep > later).length / active.length;
}

/** The runs fund-end outcomes are read from: each scenario's normalised scenario and its replicates' partnerships. */
export interface FundEndRuns {
  readonly scenario: Scenario;
  readonly results: readonly { readonly partnerships: readonly Pick<PartnershipRecord, 'formedStep' | 'endedStep'>[] }[];
}

/** Returns the fund-end outcome of the first scenario (in the order given) whose fund ends at least a year before the
 * shortest run does, measured at that step in every scenario; undefined when no fund ends so. */
export function fundEndOutcome(runs: readonly FundEndRuns[]): FundEnd | undefined {
  for (const run of runs) {
    const step = fundEndStep(run.scenario);
    if (step === null) continue;
    const { stepsPerYear } = run.scenario.time;
    // Every scenario must still be running at the later step, or its partnerships would look active by default.
    const steps = Math.min(...runs.map((other) => other.scenario.time.steps));
    const years = Math.min(FUND_END_HORIZON_YEARS, Math.floor((steps - step) / stepsPerYear));
    if (years < 1) continue;
    const later = step + years * stepsPerYear;
    const shares = runs.map((other) => ({
      scenario: other.scenario.name,
      share: summarise(other.results.map((result) => stillActiveShare(result.partnerships, step, later))),
    }));
    return { scenario: run.scenario.name, step, years, shares };
  }
  return undefined;
}
