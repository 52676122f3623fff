// A run whose every reading of a lever or a parameter is recorded: the engine's own loop (burn-in, levers in force, fund
// horizon, the scenario's schedule of mechanisms), with the context's levers and parameters behind recording proxies, so a test
// can show that each value the scenario sets is the value a mechanism reads.
import { fundHorizon, setLeverValuesInPlace } from '../../src/engine/levers.ts';
import { createLeverValues, type StepContext } from '../../src/model/context.ts';
import { createWorld } from '../../src/model/init.ts';
import { scheduleFor } from '../../src/model/schedule.ts';
import { stepInPlace } from '../../src/model/step.ts';
import { createRng } from '../../src/random.ts';
import { LEVER_KEYS, splitKey } from '../../src/scenario/levers.ts';
import { type ModelParams, parameterKey, resolveParams, type BlockId } from '../../src/scenario/parameters/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** The first value each lever (by dotted key; an area lever's value in area 0) and each parameter (by dotted key) was read with. */
export type Readings = Map<string, number>;

/** Runs a scenario for some steps with its levers and parameters observed, and returns the first reading of each. */
export function observedRun(scenario: Scenario, steps: number, seed = 1): Readings {
  const readings: Readings = new Map();
  const note = (key: string, value: number) => {
    if (!readings.has(key)) readings.set(key, value);
  };
  const params = resolveParams(scenario);
  const observedParams = Object.fromEntries(
    Object.entries(params).map(([block, values]) => [
      block,
      new Proxy(values, {
        get(target, name) {
          const value = Reflect.get(target, name);
          if (typeof name === 'string' && typeof value === 'number') note(parameterKey(block as BlockId, name), value);
          return value;
        },
      }),
    ]),
  ) as ModelParams;
  const levers = createLeverValues(scenario.organisations.areas.length);
  const keyOf = new Map(LEVER_KEYS.map((key) => [splitKey(key)[1], key]));
  const observedLevers = new Proxy(levers, {
    get(target, name) {
      const value = Reflect.get(target, name);
      const key = typeof name === 'string' ? keyOf.get(name) : undefined;
      if (key !== undefined) note(key, typeof value === 'number' ? value : (value as Float64Array)[0]);
      return value;
    },
  });
  setLeverValuesInPlace(levers, scenario, 0);
  const burnIn = Math.round(observedParams.init.burnInYears * scenario.time.stepsPerYear);
  const ctx: StepContext = {
    step: -burnIn,
    stepsPerYear: scenario.time.stepsPerYear,
    dt: 1 / scenario.time.stepsPerYear,
    rng: createRng(seed),
    levers: observedLevers,
    params: observedParams,
    fundHorizon: 1,
    emit: () => {},
    formed: 0,
    dissolved: 0,
    tieUpdates: 0,
  };
  const world = createWorld(scenario, ctx);
  const schedule = scheduleFor(scenario);
  // The burn-in, as the engine runs it (levers at their step-0 values), then the run proper.
  for (let s = -burnIn + 1; s <= 0; s++) {
    ctx.step = s;
    stepInPlace(world, ctx, schedule);
  }
  for (let s = 1; s <= steps; s++) {
    ctx.step = s;
    setLeverValuesInPlace(levers, scenario, s);
    ctx.fundHorizon = fundHorizon(scenario.policy.carrot, s, scenario.time.stepsPerYear, observedParams.funding);
    stepInPlace(world, ctx, schedule);
  }
  return readings;
}
