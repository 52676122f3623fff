// The key findings of a sweep analysis, as sentences built from the numbers of its chosen metric (Sobol', Morris) or
// condition (PRIM); the wording lives in report/messages.ts, the judgement of what is worth saying here.
import type { PrimTrajectory } from '../analysis/prim.ts';
import type { AnalysedParameter, SweepAnalysis } from '../analysis/sweep-analysis.ts';
import * as message from './messages.ts';

/** Interactions are worth a sentence when the first-order indices leave more than this share of the variance unexplained. */
export const INTERACTION_SHARE = 0.05;
/** A total-order interval wider than this (20 percentage points) cannot tell neighbouring parameters apart: say raise samples. */
export const WIDE_INTERVAL = 0.2;
/** A parameter acts in one direction when |mu| is at least this share of mu*: at most 5% of its effects' size cancels out. */
export const MONOTONE = 0.9;
/** Sigma above this multiple of mu* reads as strongly non-linear or interacting (Morris's reading). */
export const NON_LINEAR = 1;

/** Returns the index of the largest value (the first of ties). */
function largest(values: readonly number[]): number {
  return values.reduce((best, value, i) => (value > values[best] ? i : best), 0);
}

function sobolFindings(analysis: Extract<SweepAnalysis, { method: 'sobol' }>): string[] {
  const { metric } = analysis;
  const entry = analysis.results.find((r) => r.metric === metric);
  if (entry === undefined) return [];
  if (entry.result === null) return [message.findingNotAnalysed(metric, entry.reason)];
  const indices = entry.result;
  const keys = analysis.parameters.map((p) => p.key);
  const top = largest(indices.total.map((t) => t.estimate));
  const findings = [message.findingSobolTop(metric, keys[top], indices.first[top], indices.total[top], indices.confidence)];
  const negligible = keys.filter((_, i) => indices.total[i].ci[0] <= 0);
  if (negligible.length > 0) findings.push(message.findingSobolNegligible(metric, negligible));
  const sumFirst = indices.first.reduce((sum, f) => sum + f.estimate, 0);
  findings.push(
    1 - sumFirst > INTERACTION_SHARE ? message.findingSobolInteractions(metric, sumFirst) : message.findingSobolAdditive(metric, sumFirst),
  );
  if (indices.dropped > 0) findings.push(message.findingSobolDropped(metric, indices.dropped, indices.samples));
  const widest = largest(indices.total.map((t) => t.ci[1] - t.ci[0]));
  const total = indices.total[widest];
  if (total.ci[1] - total.ci[0] > WIDE_INTERVAL)
    findings.push(message.findingSobolWide(keys[widest], total, analysis.sweep.samples ?? indices.samples + indices.dropped));
  return findings;
}

function morrisFindings(analysis: Extract<SweepAnalysis, { method: 'morris' }>): string[] {
  const { metric } = analysis;
  const entry = analysis.results.find((r) => r.metric === metric);
  if (entry === undefined) return [];
  if (entry.result === null) return [message.findingNotAnalysed(metric, entry.reason)];
  const ranked = entry.result.factors
    .map((factor, i) => ({ ...factor, parameter: analysis.parameters[i].key, i }))
    .sort((a, b) => b.muStar.estimate - a.muStar.estimate || a.i - b.i);
  const findings = [
    message.findingMorrisRanking(
      metric,
      ranked.map((f) => ({ parameter: f.parameter, muStar: f.muStar.estimate })),
    ),
  ];
  const negligible = ranked.filter((f) => f.muStar.ci[0] <= 0);
  if (negligible.length > 0)
    findings.push(
      message.findingMorrisNegligible(
        metric,
        negligible.map((f) => f.parameter),
      ),
    );
  // A negligible parameter's sigma and sign are noise around nothing: say nothing of them.
  const effective = ranked.filter((f) => f.muStar.ci[0] > 0 && f.muStar.estimate > 0);
  const nonLinear = effective.flatMap((f) =>
    f.sigma !== null && f.sigma / f.muStar.estimate > NON_LINEAR ? [{ parameter: f.parameter, ratio: f.sigma / f.muStar.estimate }] : [],
  );
  if (nonLinear.length > 0) findings.push(message.findingMorrisNonLinear(metric, nonLinear));
  const monotone = effective.filter((f) => Math.abs(f.mu) >= MONOTONE * f.muStar.estimate);
  const raising = monotone.filter((f) => f.mu > 0).map((f) => f.parameter);
  const lowering = monotone.filter((f) => f.mu < 0).map((f) => f.parameter);
  if (monotone.length > 0) findings.push(message.findingMorrisDirections(metric, raising, lowering));
  return findings;
}

/** Returns the sides on which a PRIM box restricts each parameter it restricts: a limit is null where the box reaches
 * as far as its trajectory's first box (the data it started from), so "at most", "at least" or "between" is exact. */
export function boxRestrictions(
  parameters: readonly AnalysedParameter[],
  trajectory: PrimTrajectory,
): { parameter: string; low: number | null; high: number | null }[] {
  return parameters.flatMap((p, i) => {
    if (!trajectory.box.restricted[i]) return [];
    const [fromLow, fromHigh] = trajectory.steps[0]?.limits[i] ?? [p.low, p.high];
    const [low, high] = trajectory.box.limits[i];
    const restriction = { parameter: p.key, low: low > fromLow ? low : null, high: high < fromHigh ? high : null };
    return restriction.low === null && restriction.high === null ? [] : [restriction];
  });
}

/** A box's limit whose quasi-p-value is at least this is called weak (Bryant & Lempert, 2010, read it at 0.05). */
export const WEAK_LIMIT = 0.05;

function primFindings(analysis: Extract<SweepAnalysis, { method: 'prim' }>): string[] {
  const { result } = analysis;
  const condition = message.conditionInWords(analysis.condition);
  const findings = [message.findingPrimBase(condition, result.density, result.positives, result.n)];
  const boxes = result.boxes.flatMap((trajectory, b) => {
    const limits = boxRestrictions(analysis.parameters, trajectory);
    if (!(trajectory.box.density > result.density && limits.length > 0)) return [];
    const weak = limits.flatMap(({ parameter }) => {
      const quasiP = trajectory.box.quasiP[analysis.parameters.findIndex((p) => p.key === parameter)];
      return quasiP !== null && quasiP >= WEAK_LIMIT ? [{ parameter, quasiP }] : [];
    });
    return [
      message.findingPrimBox(b + 1, condition, limits, trajectory.box),
      ...(weak.length > 0 ? [message.findingPrimWeakLimits(b + 1, weak)] : []),
    ];
  });
  return [...findings, ...(boxes.length > 0 ? boxes : [message.findingPrimNoBox(condition, result.density)])];
}

/** Returns the key findings of an analysis as sentences. Sobol': the parameter that matters most, those that could
 * be fixed, the share from interactions, and notes on dropped blocks or wide intervals. Morris: the ranking by mu*,
 * the negligible, the non-linear, and which way the monotone ones act. PRIM: the base rate, then each box that beats
 * it, or that none does. */
export function analysisFindings(analysis: SweepAnalysis): string[] {
  if (analysis.method === 'sobol') return sobolFindings(analysis);
  if (analysis.method === 'morris') return morrisFindings(analysis);
  return primFindings(analysis);
}
