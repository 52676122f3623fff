// Levers over time: the value a schedule gives at a step, the values in force for the whole world,
// and how long funding is set to last (what organisations can read from a published programme).
import { AREA_LEVER_KEYS, LEVER_KEYS, leverSchedule, type LeverKey, type Scenario, type Schedule } from '../scenario/schema.ts';
import type { LeverValues } from '../model/context.ts';

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

/** Sets the lever values in force at a step, in place: scenario-wide ones, and each area's own. */
export function setLeverValuesInPlace(values: LeverValues, scenario: Scenario, step: number): void {
  values.carrot = valueAt(scenario.policy.carrot, step);
  values.stick = valueAt(scenario.policy.stick, step);
  values.competition = valueAt(scenario.market.competition, step);
  values.fragmentation = valueAt(scenario.governance.fragmentation, step);
  values.experience = valueAt(scenario.leaders.experience, step);
  values.turnover = valueAt(scenario.leaders.turnover, step);
  values.principles = valueAt(scenario.partnerships.principles, step);
  scenario.organisations.areas.forEach((area, a) => {
    values.history[a] = valueAt(area.context.history, step);
    values.culture[a] = valueAt(area.context.culture, step);
    values.politics[a] = valueAt(area.context.politics, step);
    values.support[a] = valueAt(area.localAuthority.support, step);
  });
}

/** Returns the expected continuation of funding at a step, in [0, 1]: r / (r + one year), where r is the steps until the carrot is scheduled to fall below half its value; 1 when no fall is scheduled. */
export function fundHorizon(carrot: Schedule, step: number, stepsPerYear: number): number {
  const now = valueAt(carrot, step);
  for (const entry of carrot) {
    if (entry.from > step && entry.value < now / 2) {
      const remaining = entry.from - step;
      return remaining / (remaining + stepsPerYear);
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
  if (!(AREA_LEVER_KEYS as readonly string[]).includes(key)) return next;
  const areas = scenario.organisations.areas.map((area) => {
    const a = area as unknown as Record<string, Record<string, Schedule>>;
    return { ...area, [group]: { ...a[group], [name]: retime(leverSchedule(area, key)) } };
  });
  return { ...next, organisations: { ...scenario.organisations, areas } };
}
