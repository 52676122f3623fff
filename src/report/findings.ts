// The key findings of a report, as sentences built from the numbers: how partnerships fare after a fund ends, and
// for each scenario the metrics that differ most clearly from the baseline (largest standardised effect first).
import type { Comparison } from '../analysis/comparison.ts';
import { findingDifference, findingFundEnd, findingNoDifference, findingSingle } from './messages.ts';

/** How many clear differences a report names for each scenario. */
export const FINDINGS_PER_SCENARIO = 3;

/** Returns the key findings of a comparison as sentences: the fund-end outcome when there is one; then, for each
 * scenario compared with the baseline, its clearest differences (95% interval excluding zero, largest |effect size|
 * first), or that there is none; for a single scenario, a summary of its outcomes. */
export function keyFindings(comparison: Comparison): string[] {
  const findings: string[] = [];
  const { fundEnd } = comparison;
  if (fundEnd !== undefined) {
    const measured = fundEnd.shares
      .filter((s) => s.share.mean !== null)
      .map((s) => ({ scenario: s.scenario, mean: s.share.mean as number, ci95: s.share.ci95 }));
    const own = measured.find((s) => s.scenario === fundEnd.scenario);
    const scenario = comparison.scenarios.find((s) => s.name === fundEnd.scenario);
    if (own !== undefined && scenario !== undefined) {
      findings.push(
        findingFundEnd(
          fundEnd.scenario,
          fundEnd.step / scenario.stepsPerYear,
          fundEnd.years,
          own,
          measured.filter((s) => s.scenario !== fundEnd.scenario),
        ),
      );
    }
  }
  const [baseline, ...others] = comparison.scenarios;
  if (others.length === 0) {
    const m = baseline.metrics;
    findings.push(
      findingSingle(
        baseline.name,
        baseline.replicates,
        baseline.steps / baseline.stepsPerYear,
        m.partnershipsFormed.mean ?? 0,
        m.partnershipsActiveAtEnd.mean ?? 0,
        m.participationAtEnd.mean ?? 0,
        m.survival5y.mean,
      ),
    );
    return findings;
  }
  for (const scenario of others) {
    const clear = comparison.differences
      .filter((d) => d.scenario === scenario.name && d.mean !== null && d.ci95 !== null && (d.ci95[0] > 0 || d.ci95[1] < 0))
      .sort((a, b) => Math.abs(b.effectSize ?? 0) - Math.abs(a.effectSize ?? 0))
      .slice(0, FINDINGS_PER_SCENARIO);
    if (clear.length === 0) findings.push(findingNoDifference(scenario.name, baseline.name, scenario.replicates));
    for (const d of clear) {
      const value = scenario.metrics[d.metric].mean;
      const baseValue = baseline.metrics[d.metric].mean;
      if (value === null || baseValue === null || d.mean === null || d.ci95 === null) continue;
      findings.push(findingDifference(scenario.name, baseline.name, d.metric, value, baseValue, d.mean, d.ci95));
    }
  }
  return findings;
}
