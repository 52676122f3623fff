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

/** Returns the expected continuation of funding at a step, in [0, 1]: r / (r + Y), where r is the steps until the carrot is
 * scheduled to fall below a share of its present value and Y the horizon in steps (funding.fallShare, funding.horizonYears);
 * 1 when no fall is scheduled. */
export function fundHorizon(carrot: Schedule, step: number, stepsPerYear: number, p: ModelParams['funding']): number {
  const now = valueAt(carrot, step);
  for (const entry of carrot) {
    if (entry.from > step && entry.value < now * p.fallShare) {
      const remaining = entry.from - step;
      return remaining / (remaining + p.horizonYears * stepsPerYear);
    }
  }
  return 1;
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
