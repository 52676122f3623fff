// A calibration's key findings as sentences: how it ran and what its posterior rests on; which targets the calibrated
// model meets; which targets (alone or in pairs) no parameter set drawn from the prior meets; which parameters the
// targets pin down or leave to the prior; which pairs trade off.
import { posteriorGeneration, type AbcResult, type ProposalRecord } from '../calibration/abc.ts';
import { observationScale, withinUncertainty, type Observation } from '../calibration/distance.ts';
import { stopReasonText } from '../calibration/messages.ts';
import type { PosteriorSummary, TargetCheck } from '../calibration/posterior.ts';
import type { CalibrationSpec } from '../calibration/schema.ts';
import { Z_975 } from '../engine/survival.ts';
import {
  findingCalibrationRun,
  findingLoose,
  findingPinned,
  findingPriorCannotMeet,
  findingPriorCannotMeetBoth,
  findingTargetMet,
  findingTargetMissed,
  findingTradeOff,
  statisticLabel,
} from './calibration-words.ts';

/** What a calibration's report shows: the calibration, its base scenario, what the sampler found, the posterior summary
 * and each target's posterior predictive check (null when no generation completed). */
export interface CalibrationView {
  readonly calibration: CalibrationSpec;
  readonly hash: string;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly result: AbcResult;
  readonly posterior: PosteriorSummary | null;
  readonly checks: readonly TargetCheck[] | null;
}

/** A parameter's 90% credible interval narrower than this share of its prior's counts as pinned down; wider than
 * LOOSE, as left to the prior. */
export const PINNED = 0.5;
export const LOOSE = 0.8;
/** A posterior correlation at least this large (in absolute value) makes a pair that trades off. */
export const TRADE_OFF = 0.5;

/** Returns the 95% interval of an observation: its interval, or observed ± 1.96 sd. */
export function observedInterval(observation: Observation): [low: number, high: number] {
  if (observation.interval !== null) return [observation.interval[0], observation.interval[1]];
  return [
    observation.observed - Z_975 * observationScale(observation, 'below'),
    observation.observed + Z_975 * observationScale(observation, 'above'),
  ];
}

/** Returns the key findings of a calibration, in this order: the run, the targets met or not, what the prior cannot
 * meet, the parameters pinned down or loose, the pairs that trade off. */
export function calibrationFindings(view: CalibrationView): string[] {
  const { calibration, result, posterior, checks } = view;
  const generation = posteriorGeneration(result.generations);
  const findings = [
    findingCalibrationRun(
      result.generations.length,
      result.runs,
      stopReasonText(result.stop.reason, calibration.settings),
      generation === undefined || posterior === null ? null : { ...posterior, tolerance: generation.tolerance },
    ),
  ];
  if (checks !== null)
    calibration.targets.forEach((target, k) => {
      const check = checks[k];
      if (check.median === null || check.ci90 === null || check.within === null) return;
      const interval = observedInterval(target);
      const met = check.median >= interval[0] && check.median <= interval[1];
      const label = statisticLabel(target);
      findings.push(
        met
          ? findingTargetMet(label, check.median, check.ci90, target.observed, interval, target.source)
          : findingTargetMissed(label, check.median, check.ci90, target.observed, interval, check.within, target.source),
      );
    });
  findings.push(...priorFindings(calibration, result.generations[0]?.records ?? []));
  if (posterior !== null) findings.push(...parameterFindings(posterior));
  return findings;
}

// What the prior's draws (generation 0) can meet: a target none meets, and pairs that each is met alone but never together.
function priorFindings(calibration: CalibrationSpec, records: readonly ProposalRecord[]): string[] {
  const measured = records.filter((record) => record.status === 'ok');
  if (measured.length === 0) return [];
  const met = calibration.targets.map((target, k) =>
    measured.map((record) => record.status === 'ok' && withinUncertainty(target, record.statistics[k])),
  );
  const labels = calibration.targets.map((target) => statisticLabel(target));
  const findings: string[] = [];
  calibration.targets.forEach((target, k) => {
    if (met[k].some(Boolean)) return;
    const deviations = measured.flatMap((record) => {
      const value = record.status === 'ok' ? record.statistics[k] : null;
      return value === null
        ? []
        : [Math.abs(value - target.observed) / observationScale(target, value > target.observed ? 'above' : 'below')];
    });
    findings.push(findingPriorCannotMeet(labels[k], measured.length, deviations.length === 0 ? null : Math.min(...deviations)));
  });
  for (let a = 0; a < labels.length; a++)
    for (let b = a + 1; b < labels.length; b++) {
      const [inA, inB] = [met[a].filter(Boolean).length, met[b].filter(Boolean).length];
      if (inA > 0 && inB > 0 && !met[a].some((hit, i) => hit && met[b][i]))
        findings.push(findingPriorCannotMeetBoth(labels[a], labels[b], measured.length, inA / measured.length, inB / measured.length));
    }
  return findings;
}

// Parameters the targets pin down or leave to the prior, then pairs that trade off, strongest first.
function parameterFindings(posterior: PosteriorSummary): string[] {
  const findings: string[] = [];
  for (const p of posterior.parameters) {
    const priorWidth = p.prior.ci90[1] - p.prior.ci90[0];
    if (!(priorWidth > 0)) continue;
    const ratio = (p.ci90[1] - p.ci90[0]) / priorWidth;
    if (ratio < PINNED) findings.push(findingPinned(p.name, p.ci90, ratio));
    else if (ratio > LOOSE) findings.push(findingLoose(p.name, p.ci90, ratio));
  }
  const pairs: { a: string; b: string; r: number }[] = [];
  posterior.correlations.forEach((row, a) =>
    row.forEach((r, b) => {
      if (b > a && r !== null && Math.abs(r) >= TRADE_OFF)
        pairs.push({ a: posterior.parameters[a].name, b: posterior.parameters[b].name, r });
    }),
  );
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
  for (const { a, b, r } of pairs.slice(0, 3)) findings.push(findingTradeOff(a, b, r));
  return findings;
}
