// Levers over time: the value a schedule gives at a step, the values in force for the whole world,
// and how long funding is set to last (what organisations can read from a published programme).
import type { LeverValues } from '../model/context.ts';
import { isAreaLever, splitKey } from '../scenario/levers.ts';
import type { ModelParams } from '../scenario/parameters/index.ts';
import { LEVER_KEYS, type LeverKey, leverSchedule, type Scenario, type Schedule } from '../scenario/schema.ts';

/** Returns a schedule's value at a step: that of the last entry starting at or before it. */
export function valueAt(schedule: Schedule, step: number): number {
  let value = schedule[0].value;
  for (const entry of schedule) if (entry.from <= step) value = entry.value;
  return value;
}

/** Returns every public lever's scenario-wide value at a step. */
export function leversAt(scenario: Scenario, step: number): Record<LeverKey, number> {
  return Object.fromEntries(LEVER_KEYS.map((k) => [k, valueAt(leverSchedule(scenario, k), step)])) as Record<LeverKey, number>;
}

// Each lever's key, its name in LeverValues and whether areas set it, worked out once rather than every step.
const LEVER_SLOTS = LEVER_KEYS.map((key) => ({ key, name: splitKey(key)[1], perArea: isAreaLever(key) }));

/** Sets the lever values in force at a step, in place: scenario-wide ones, and each area's own. */
export function setLeverValuesInPlace(values: LeverValues, scenario: Scenario, step: number): void {
  const held = values as unknown as Record<string, number | Float64Array>;
  const areas = scenario.organisations.areas;
  for (const { key, name, perArea } of LEVER_SLOTS) {
    if (!perArea) {
      held[name] = valueAt(leverSchedule(scenario, key), step);
      continue;
    }
    const values = held[name] as Float64Array;
    for (let a = 0; a < areas.length; a++) values[a] = valueAt(leverSchedule(areas[a], key), step);
  }
}

/** Returns the expected continuation of funding at a step, in [0, 1]: E / (E + Y), with Y funding.horizonYears and E the
 * years organisations expect the fund to last. They believe the announced schedule to the extent of funding.credibility:
 * E = c r + (1 - c) T, where r is the years until the carrot is scheduled to fall below funding.fallShare of its
 * present value and T funding.typicalYears (what a fund is expected to last when announcements are not believed). An
 * announced fund with no scheduled fall counts as lasting for ever, as far as it is believed. */
export function fundHorizon(carrot: Schedule, step: number, stepsPerYear: number, p: ModelParams['funding']): number {
  const continuation = (years: number) => years / (years + p.horizonYears);
  const now = valueAt(carrot, step);
  const typical = continuation(p.typicalYears);
  for (const entry of carrot) {
    if (entry.from > step && entry.value < now * p.fallShare) {
      const remaining = (entry.from - step) / stepsPerYear;
      return continuation(p.credibility * remaining + (1 - p.credibility) * p.typicalYears);
    }
  }
  return p.credibility + (1 - p.credibility) * typical;
}

/** Returns a copy of the scenario in which a lever takes this value from a step on (scenario-wide and in every area): how a live slider moves a lever. */
export function withLeverFrom(scenario: Scenario, key: LeverKey, step: number, value: number): Scenario {
  const retime = (s: Schedule): Schedule => [...s.filter((e) => e.from < step), { from: step, value }];
  const [group, name] = key.split('.') as [string, string];
  const holder = scenario as unknown as Record<string, Record<string, Schedule>>;
  const next = { ...scenario, [group]: { ...holder[group], [name]: retime(leverSchedule(scenario, key)) } } as Scenario;
  if (!isAreaLever(key)) return next;
  const areas = scenario.organisations.areas.map((area) => {
    const a = area as unknown as Record<string, Record<string, Schedule>>;
    return { ...area, [group]: { ...a[group], [name]: retime(leverSchedule(area, key)) } };
  });
  return { ...next, organisations: { ...scenario.organisations, areas } };
}
