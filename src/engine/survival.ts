// Kaplan-Meier survival of partnerships from their lifetimes, with dissolution as the event and
// partnerships still active at the end censored (Kaplan & Meier 1958), with Greenwood's (1926) variance.
// Plain arithmetic only: the engine uses it for its metrics and the browser runs the engine.

/** One step of a Kaplan-Meier curve: at this time, so many at risk, so many events, and survival after them. */
export interface SurvivalPoint {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
  /** Greenwood's sum over the event times so far, Σ d / (n (n − d)): the variance of log survival, so that
   * Var(survival) = survival² × greenwoodSum (Greenwood 1926). Infinity once every partnership at risk has ended. */
  readonly greenwoodSum: number;
}

/** The standard normal quantile z(0.975), for two-sided 95% intervals. */
export const Z_975 = 1.959963984540054;

/** Returns the Kaplan-Meier curve from durations and whether each ended in the event (false: censored). Censored times tied with event times count as still at risk. */
export function kaplanMeier(durations: readonly number[], ended: readonly boolean[]): SurvivalPoint[] {
  const order = durations.map((_, k) => k).sort((x, y) => durations[x] - durations[y]);
  const curve: SurvivalPoint[] = [];
  let atRisk = durations.length;
  let survival = 1;
  let greenwoodSum = 0;
  for (let k = 0; k < order.length; ) {
    const time = durations[order[k]];
    let events = 0;
    let leaving = 0;
    while (k < order.length && durations[order[k]] === time) {
      events += +ended[order[k]];
      leaving++;
      k++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwoodSum += events / (atRisk * (atRisk - events));
      curve.push({ time, atRisk, events, survival, greenwoodSum });
    }
    atRisk -= leaving;
  }
  return curve;
}

/**
 * Returns the pointwise 95% interval of Kaplan-Meier survival by the log-log transform (Kalbfleisch & Prentice
 * 1980; Stata's default, R's conf.type = "log-log"): log(−log S) ± z·√greenwoodSum / |log S|, mapped back to
 * S^exp(±z·se) and clamped to [0, 1]. Unlike the plain interval S ± z·SE it never leaves [0, 1], and unlike R's
 * default "log" its upper limit does not pin at 1 early in the curve. Where survival is 1 (no events yet) the
 * interval is [1, 1]; where it is 0 (everyone at risk ended) the transform is undefined and the interval is [0, 0],
 * the limit of the Greenwood variance S² × greenwoodSum there.
 */
export function survivalInterval(survival: number, greenwoodSum: number, z = Z_975): [low: number, high: number] {
  if (survival >= 1) return [1, 1];
  if (survival <= 0) return [0, 0];
  const se = Math.sqrt(greenwoodSum) / -Math.log(survival);
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return [clamp(survival ** Math.exp(z * se)), clamp(survival ** Math.exp(-z * se))];
}

/** Returns survival at time t from a curve, or null when no duration reached t (the curve says nothing there). */
export function survivalAt(curve: readonly SurvivalPoint[], durations: readonly number[], t: number): number | null {
  if (!durations.some((d) => d >= t)) return null;
  let survival = 1;
  for (const point of curve) if (point.time <= t) survival = point.survival;
  return survival;
}

/** Returns the Kaplan–Meier median: the first event time at which survival falls to one half or below, or null when it
 * never does (more than half are still alive, or censored, at the last event). */
export function medianSurvival(curve: readonly SurvivalPoint[]): number | null {
  for (const point of curve) if (point.survival <= 0.5) return point.time;
  return null;
}

/** Returns the restricted mean survival time to age tau: the area under the Kaplan–Meier step function from 0 to tau,
 * or null when no duration reaches tau (the curve says nothing that far). */
export function restrictedMean(curve: readonly SurvivalPoint[], durations: readonly number[], tau: number): number | null {
  if (!durations.some((d) => d >= tau)) return null;
  let area = 0;
  let from = 0;
  let survival = 1;
  for (const point of curve) {
    if (point.time >= tau) break;
    area += survival * (point.time - from);
    from = point.time;
    survival = point.survival;
  }
  return area + survival * (tau - from);
}
