// Kaplan-Meier survival of partnerships from their lifetimes, with dissolution as the event and
// partnerships still active at the end censored (Kaplan & Meier 1958).

/** One step of a Kaplan-Meier curve: at this time, so many at risk, so many events, and survival after them. */
export interface SurvivalPoint {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
}

/** Returns the Kaplan-Meier curve from durations and whether each ended in the event (false: censored). Censored times tied with event times count as still at risk. */
export function kaplanMeier(durations: readonly number[], ended: readonly boolean[]): SurvivalPoint[] {
  const order = durations.map((d, k) => k).sort((x, y) => durations[x] - durations[y]);
  const curve: SurvivalPoint[] = [];
  let atRisk = durations.length;
  let survival = 1;
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
      curve.push({ time, atRisk, events, survival });
    }
    atRisk -= leaving;
  }
  return curve;
}

/** Returns survival at time t from a curve, or null when no duration reached t (the curve says nothing there). */
export function survivalAt(curve: readonly SurvivalPoint[], durations: readonly number[], t: number): number | null {
  if (!durations.some((d) => d >= t)) return null;
  let survival = 1;
  for (const point of curve) if (point.time <= t) survival = point.survival;
  return survival;
}
