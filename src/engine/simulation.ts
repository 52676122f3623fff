// A run in progress: the world, its generator, the levers in force, the time series and the event log.
// runScenario drives it to the end; the classroom page steps it one frame at a time and moves levers live.
import { createRng, type Rng } from '../random.ts';
import { LEVEL_NAMES, type PartnershipEvent } from '../model/vocabulary.ts';
import { createLeverValues, type StepContext } from '../model/context.ts';
import { createWorld } from '../model/init.ts';
import type { Mechanism } from '../model/mechanism.ts';
import { scheduleFor } from '../model/schedule.ts';
import { stepInPlace } from '../model/step.ts';
import { effectiveTrust, type World } from '../model/world.ts';
import { type ModelParams, resolveParams } from '../scenario/parameters/index.ts';
import type { LeverKey, Scenario } from '../scenario/schema.ts';
import { fundHorizon, leversAt, setLeverValuesInPlace, withLeverFrom } from './levers.ts';
import { kaplanMeier, survivalAt } from './survival.ts';
import type { AreaMetrics, Metrics, PartnershipRecord, RunResult, StepRecord } from './types.ts';

/** A run that can be advanced a step at a time. Same scenario and seed: the same sequence of states. */
export class Simulation {
  scenario: Scenario;
  readonly seed: number;
  readonly world: World;
  readonly rng: Rng;
  readonly timeseries: StepRecord[] = [];
  readonly events: PartnershipEvent[] = [];
  readonly work = { orgSteps: 0, tieUpdates: 0 };
  private readonly ctx: StepContext;
  private readonly schedule: readonly Mechanism[];

  /** Builds the starting world (step 0) of a scenario with a run seed. */
  constructor(scenario: Scenario, seed: number) {
    this.scenario = scenario;
    this.seed = seed;
    this.rng = createRng(seed);
    const levers = createLeverValues(scenario.organisations.areas.length);
    setLeverValuesInPlace(levers, scenario, 0);
    this.ctx = {
      step: 0,
      stepsPerYear: scenario.time.stepsPerYear,
      rng: this.rng,
      levers,
      params: resolveParams(scenario),
      fundHorizon: 1,
      emit: (event) => this.events.push(event),
      formed: 0,
      dissolved: 0,
      tieUpdates: 0,
    };
    this.schedule = scheduleFor(scenario);
    this.world = createWorld(scenario, this.ctx);
  }

  /** Returns every model parameter's value in this run. */
  get params(): ModelParams {
    return this.ctx.params;
  }

  /** Returns the step last completed (0 before the first). */
  get step(): number {
    return this.ctx.step;
  }

  /** Advances one step and returns its time-series row. */
  advance(): StepRecord {
    const ctx = this.ctx;
    const s = this.scenario;
    ctx.step++;
    setLeverValuesInPlace(ctx.levers, s, ctx.step);
    ctx.fundHorizon = fundHorizon(s.policy.carrot, ctx.step, s.time.stepsPerYear, ctx.params.funding);
    stepInPlace(this.world, ctx, this.schedule);
    this.work.tieUpdates += ctx.tieUpdates;
    this.work.orgSteps += this.world.orgs.n;
    const record = this.record(ctx.formed, ctx.dissolved);
    this.timeseries.push(record);
    return record;
  }

  /** Sets a lever to a value from the next step on, everywhere (a live slider). */
  setLever(key: LeverKey, value: number): void {
    this.scenario = withLeverFrom(this.scenario, key, this.ctx.step + 1, value);
  }

  private record(formed: number, dissolved: number): StepRecord {
    const w = this.world;
    const levels = LEVEL_NAMES.map(() => 0);
    let strength = 0;
    for (const id of w.active) {
      levels[w.partnerships[id].level]++;
      strength += w.partnerships[id].score;
    }
    return {
      step: this.ctx.step,
      year: this.ctx.step / this.scenario.time.stepsPerYear,
      active: w.active.length,
      formed,
      dissolved,
      participation: participation(w),
      meanTrust: meanTrust(w, this.ctx.params.trustTypes.leaderWeight),
      meanStrength: w.active.length > 0 ? strength / w.active.length : 0,
      levels,
      levers: leversAt(this.scenario, this.ctx.step),
    };
  }

  /** Returns the run's results so far as plain values. */
  result(): RunResult {
    const w = this.world;
    const spy = this.scenario.time.stepsPerYear;
    const partnerships = w.partnerships.map(
      (p): PartnershipRecord => ({
        id: p.id,
        area: this.scenario.organisations.areas[p.area].name,
        formedStep: p.formedStep,
        endedStep: p.endedStep,
        endReason: p.endReason,
        members: p.members.length,
        peakLevel: LEVEL_NAMES[p.peakLevel],
        finalLevel: LEVEL_NAMES[p.level],
        mandate: p.mandate,
        principles: p.principles,
        laInvolved: p.laInvolved,
        funded: p.funded,
      }),
    );
    const last = this.timeseries[this.timeseries.length - 1];
    const durations = partnerships.map((p) => ((p.endedStep ?? this.ctx.step) - p.formedStep) / spy);
    const ended = partnerships.map((p) => p.endedStep !== null);
    const curve = kaplanMeier(durations, ended);
    const lifetimes = durations.filter((_, k) => ended[k]);
    const active = w.active.length;
    const metrics: Metrics = {
      partnershipsFormed: partnerships.length,
      partnershipsDissolved: lifetimes.length,
      partnershipsActiveAtEnd: active,
      participationAtEnd: participation(w),
      meanTrustAtEnd: last ? last.meanTrust : meanTrust(w, this.ctx.params.trustTypes.leaderWeight),
      meanStrengthAtEnd: last ? last.meanStrength : 0,
      strongShareAtEnd: active > 0 ? w.active.filter((id) => w.partnerships[id].level >= LEVEL_NAMES.length - 2).length / active : 0,
      meanLifetimeYears: lifetimes.length > 0 ? lifetimes.reduce((s, d) => s + d, 0) / lifetimes.length : null,
      survival3y: survivalAt(curve, durations, 3),
      survival5y: survivalAt(curve, durations, 5),
    };
    return {
      scenario: this.scenario.name,
      seed: this.seed,
      steps: this.ctx.step,
      organisations: w.orgs.n,
      metrics,
      areas: this.scenario.organisations.areas.map((area, a) => areaMetrics(w, a, area.name)),
      work: { ...this.work },
      timeseries: [...this.timeseries],
      partnerships,
      events: [...this.events],
    };
  }
}

/** Returns the share of these organisations (default: all) in at least one partnership. */
function participation(w: World, members?: readonly number[]): number {
  const m = w.orgs.memberships;
  let inOne = 0;
  if (members) for (const i of members) inOne += +(m[i] > 0);
  else for (let i = 0; i < w.orgs.n; i++) inOne += +(m[i] > 0);
  const count = members ? members.length : w.orgs.n;
  return count > 0 ? inOne / count : 0;
}

/** Returns the mean effective trust over every tie, both directions (0 with no ties). */
function meanTrust(w: World, lw: number): number {
  const t = w.ties;
  let sum = 0;
  let count = 0;
  for (let e = 0; e < t.count; e++) {
    const on = t.alive[e];
    sum += on * effectiveTrust(t.trustAB[e] + t.trustBA[e], t.leaderAB[e] + t.leaderBA[e], lw);
    count += 2 * on;
  }
  return count > 0 ? sum / count : 0;
}

function areaMetrics(w: World, a: number, name: string): AreaMetrics {
  const here = w.partnerships.filter((p) => p.area === a);
  const active = here.filter((p) => p.endedStep === null);
  return {
    area: name,
    organisations: w.areaMembers[a].length,
    participationAtEnd: participation(w, w.areaMembers[a]),
    partnershipsActiveAtEnd: active.length,
    partnershipsFormed: here.length,
    meanStrengthAtEnd: active.length > 0 ? active.reduce((s, p) => s + p.score, 0) / active.length : 0,
  };
}
