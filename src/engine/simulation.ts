// A run in progress: the world, its generator, the levers in force, the time series and the event log.
// runScenario drives it to the end; the classroom page steps it one frame at a time and moves levers live.
import { createRng, type Rng } from '../random.ts';
import { trustTypeOf } from '../model/trust.ts';
import { LEVEL_NAMES, type PartnershipEvent } from '../model/vocabulary.ts';
import { createLeverValues, type StepContext } from '../model/context.ts';
import { createWorld } from '../model/init.ts';
import type { Mechanism } from '../model/mechanism.ts';
import { scheduleFor } from '../model/schedule.ts';
import { stepInPlace } from '../model/step.ts';
import { inTrustElsewhere, joinsTrusts } from '../model/trusts.ts';
import { effectiveTrust, type World } from '../model/world.ts';
import { type ModelParams, resolveParams } from '../scenario/parameters/index.ts';
import type { LeverKey, Scenario } from '../scenario/schema.ts';
import { fundHorizon, leversAt, setLeverValuesInPlace, withLeverFrom } from './levers.ts';
import { NetworkMeasurer, type NetworkSnapshot, organisationRecords, tieRecords } from './network.ts';
import { PostLog } from './posts.ts';
import { kaplanMeier, medianSurvival, restrictedMean, survivalAt } from './survival.ts';
import {
  type AreaMetrics,
  FEATURE_NAMES,
  type Metrics,
  type PartnershipRecord,
  type RunResult,
  type StepRecord,
  TRUST_TYPES,
} from './types.ts';

/** A run that can be advanced a step at a time. Same scenario and seed: the same sequence of states. */
export class Simulation {
  scenario: Scenario;
  readonly seed: number;
  readonly world: World;
  readonly rng: Rng;
  readonly timeseries: StepRecord[] = [];
  readonly events: PartnershipEvent[] = [];
  /** The network at the steps recordNetwork was called. */
  readonly network: NetworkSnapshot[] = [];
  readonly work = { orgSteps: 0, tieUpdates: 0 };
  private readonly ctx: StepContext;
  private readonly schedule: readonly Mechanism[];
  // Made when the burn-in ends: the posts of the run proper.
  private posts: PostLog | undefined;
  // The burn-in's steps, how many are done, and who hears of each.
  private readonly burnInSteps: number;
  private burnInDone = 0;
  private readonly onBurnIn?: (done: number, total: number) => void;
  /** Measures the network after each step, from what changed since the last. */
  private readonly measurer = new NetworkMeasurer();

  // Events are recorded once the run proper starts: the burn-in's are not counted.
  private recording = false;
  // Joinings of trusts already counted in a step's record.
  private trustJoinsSeen = 0;

  /** Builds the starting world (step 0) of a scenario with a run seed: the areas' organisations, their histories' ties
   * and partnerships, then a burn-in of init.burnInYears in which the model's own mechanisms run with the levers at
   * their step-0 values, so that step 0 is a settled system (its steps numbered up to 0, its events not recorded).
   * `onBurnIn`, when given, is told after each burn-in step how many of them are done (it only watches: the run is the
   * same with it or without). With `deferBurnIn`, the burn-in waits for burnIn() (a caller that stops between steps),
   * or the first advance(). */
  constructor(
    scenario: Scenario,
    seed: number,
    onBurnIn?: (done: number, total: number) => void,
    options: { readonly deferBurnIn?: boolean } = {},
  ) {
    this.scenario = scenario;
    this.seed = seed;
    this.rng = createRng(seed);
    const levers = createLeverValues(scenario.organisations.areas.length);
    setLeverValuesInPlace(levers, scenario, 0);
    const params = resolveParams(scenario);
    const spy = scenario.time.stepsPerYear;
    const burnIn = Math.round(params.init.burnInYears * spy);
    this.ctx = {
      step: -burnIn,
      stepsPerYear: spy,
      dt: 1 / spy,
      rng: this.rng,
      levers,
      params,
      fundHorizon: fundHorizon(scenario.policy.carrot, 0, spy, params.funding),
      emit: (event) => {
        if (this.recording) this.events.push(event);
      },
      formed: 0,
      dissolved: 0,
      tieUpdates: 0,
    };
    this.schedule = scheduleFor(scenario);
    this.world = createWorld(scenario, this.ctx);
    this.burnInSteps = burnIn;
    this.onBurnIn = onBurnIn;
    if (options.deferBurnIn !== true) this.burnIn();
  }

  /** Runs up to `steps` more steps of the burn-in (the rest by default) and tells whether it is over: the run proper
   * starts then (its events are recorded from the next step). */
  burnIn(steps = Number.POSITIVE_INFINITY): boolean {
    for (let left = steps; this.burnInDone < this.burnInSteps && left > 0; left--) {
      this.ctx.step++;
      stepInPlace(this.world, this.ctx, this.schedule);
      this.work.tieUpdates += this.ctx.tieUpdates;
      this.work.orgSteps += this.world.orgs.n;
      this.burnInDone++;
      this.onBurnIn?.(this.burnInDone, this.burnInSteps);
    }
    if (this.burnInDone === this.burnInSteps && this.posts === undefined) {
      this.recording = true;
      this.posts = new PostLog(this.world);
      this.trustJoinsSeen = this.world.trustJoins.length;
    }
    return this.posts !== undefined;
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
    this.burnIn();
    const ctx = this.ctx;
    const s = this.scenario;
    ctx.step++;
    setLeverValuesInPlace(ctx.levers, s, ctx.step);
    ctx.fundHorizon = fundHorizon(s.policy.carrot, ctx.step, s.time.stepsPerYear, ctx.params.funding);
    stepInPlace(this.world, ctx, this.schedule);
    this.work.tieUpdates += ctx.tieUpdates;
    this.work.orgSteps += this.world.orgs.n;
    const joinsBefore = this.trustJoinsSeen;
    this.trustJoinsSeen = this.world.trustJoins.length;
    const record = this.record(ctx.formed, ctx.dissolved, this.trustJoinsSeen - joinsBefore);
    this.timeseries.push(record);
    return record;
  }

  /** Records the network as it is now (every organisation and live tie) in `network`. */
  recordNetwork(): void {
    this.network.push({
      step: this.ctx.step,
      organisations: organisationRecords(this.world, this.scenario, this.ctx.step),
      ties: tieRecords(this.world, this.ctx.params),
    });
  }

  /** Sets a lever to a value from the next step on, everywhere (a live slider). */
  setLever(key: LeverKey, value: number): void {
    this.scenario = withLeverFrom(this.scenario, key, this.ctx.step + 1, value);
  }

  private record(formed: number, dissolved: number, joinedTrust: number): StepRecord {
    const w = this.world;
    const levels = LEVEL_NAMES.map(() => 0);
    const features = FEATURE_NAMES.map(() => 0);
    let strength = 0;
    for (const id of w.active) {
      const p = w.partnerships[id];
      levels[p.level]++;
      strength += p.score;
      FEATURE_NAMES.forEach((name, f) => {
        features[f] += p[name];
      });
    }
    const active = Math.max(1, w.active.length);
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
      features: Object.fromEntries(FEATURE_NAMES.map((name, f) => [name, features[f] / active])) as StepRecord['features'],
      trustTypes: trustTypeShares(w, this.ctx.params),
      network: this.measurer.measure(w),
      ...trustCounts(w),
      joinedTrust,
      ...areaWideCounts(w),
      levers: leversAt(this.scenario, this.ctx.step),
    };
  }

  /** Returns the run's results so far as plain values. */
  result(): RunResult {
    this.burnIn();
    const w = this.world;
    const spy = this.scenario.time.stepsPerYear;
    // The partnerships of the run: those active at step 0 (formed in the burn-in, at steps up to 0) and those formed since.
    const partnerships = w.partnerships
      .filter((p) => p.endedStep === null || p.endedStep >= 1)
      .map(
        (p): PartnershipRecord => ({
          id: p.id,
          area: this.scenario.organisations.areas[p.area].name,
          formedStep: p.formedStep,
          endedStep: p.endedStep,
          endReason: p.endReason,
          members: p.members.length,
          core: p.core,
          scope: p.scope,
          peakLevel: LEVEL_NAMES[p.peakLevel],
          finalLevel: LEVEL_NAMES[p.level],
          peak: { ...p.peak },
          final: { trust: p.trust, network: p.network, norms: p.norms, motivation: p.motivation, score: p.score },
          mandate: p.mandate,
          principles: p.principles,
          laInvolved: p.laInvolved,
          funded: p.funded,
          leadExperience: p.leadExperience,
        }),
      );
    const last = this.timeseries[this.timeseries.length - 1];
    // Survival is of the partnerships formed during the run; those the burn-in left at step 0 are not followed from birth.
    const cohort = partnerships.filter((p) => p.formedStep >= 1);
    const durations = cohort.map((p) => ((p.endedStep ?? this.ctx.step) - p.formedStep) / spy);
    const ended = cohort.map((p) => p.endedStep !== null);
    const curve = kaplanMeier(durations, ended);
    const active = w.active.length;
    const metrics: Metrics = {
      partnershipsFormed: cohort.length,
      partnershipsDissolved: partnerships.filter((p) => p.endedStep !== null).length,
      partnershipsActiveAtEnd: active,
      participationAtEnd: participation(w),
      meanTrustAtEnd: last ? last.meanTrust : meanTrust(w, this.ctx.params.trustTypes.leaderWeight),
      meanStrengthAtEnd: last ? last.meanStrength : 0,
      strongShareAtEnd: active > 0 ? w.active.filter((id) => w.partnerships[id].level >= LEVEL_NAMES.length - 2).length / active : 0,
      medianLifetimeYears: medianSurvival(curve),
      rmst5y: restrictedMean(curve, durations, 5),
      rmst10y: restrictedMean(curve, durations, 10),
      survival3y: survivalAt(curve, durations, 3),
      survival5y: survivalAt(curve, durations, 5),
      ...trustMetrics(w),
    };
    const areaName = (a: number) => this.scenario.organisations.areas[a].name;
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
      trusts: w.trusts
        .filter((t) => t.ended === null || t.ended >= 1)
        .map((t) => ({
          id: t.id,
          name: t.name,
          area: areaName(t.home),
          founded: t.founded,
          ended: t.ended,
          endReason: t.endReason,
          schools: t.members.length,
          schoolsElsewhere: t.members.filter((i) => w.orgs.area[i] !== t.home).length,
        })),
      trustJoins: w.trustJoins.filter((j) => j.step >= 1).map((j) => ({ step: j.step, area: areaName(w.orgs.area[j.org]) })),
      events: [...this.events],
      organisationsAtEnd: organisationRecords(w, this.scenario, this.ctx.step),
      leaders: (this.posts as PostLog).records(),
      network: [...this.network],
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

/** Returns the shares of live ties whose trust (A's in B) is of each type (0 with no ties). */
function trustTypeShares(w: World, params: ModelParams): number[] {
  const t = w.ties;
  const norms = w.orgs.norms;
  const counts = TRUST_TYPES.map(() => 0);
  let live = 0;
  for (let e = 0; e < t.count; e++) {
    if (t.alive[e] === 0) continue;
    live++;
    counts[trustTypeOf(t.interactions[e], t.trustAB[e], Math.abs(norms[t.a[e]] - norms[t.b[e]]), params.trustTypes)]++;
  }
  return counts.map((c) => (live > 0 ? c / live : 0));
}

/** Returns the active area-wide partnerships and their core and wider members, summed. */
function areaWideCounts(w: World) {
  let areaWide = 0;
  let areaWideCore = 0;
  let areaWideWider = 0;
  for (const id of w.active) {
    const p = w.partnerships[id];
    if (p.scope !== 'area') continue;
    areaWide++;
    areaWideCore += p.core;
    areaWideWider += p.members.length - p.core;
  }
  return { areaWide, areaWideCore, areaWideWider };
}

/** Returns the trusts with a school, and with two or more; the shares of schools and academies (of these organisations,
 * default all) in a trust and in one based in another area; and the mean schools per trust with one. */
function trustCounts(w: World, among?: readonly number[]) {
  let trusts = 0;
  let trustsMulti = 0;
  let schools = 0;
  for (const t of w.trusts) {
    if (t.ended !== null || t.members.length === 0) continue;
    trusts++;
    trustsMulti += +(t.members.length >= 2);
    schools += t.members.length;
  }
  let eligible = 0;
  let inTrusts = 0;
  let elsewhere = 0;
  const count = (i: number) => {
    if (!joinsTrusts(w.orgs.kind[i])) return;
    eligible++;
    inTrusts += +(w.orgs.trust[i] >= 0);
    elsewhere += +inTrustElsewhere(w, i);
  };
  if (among) for (const i of among) count(i);
  else for (let i = 0; i < w.orgs.n; i++) count(i);
  return {
    trusts,
    trustsMulti,
    inTrusts: eligible > 0 ? inTrusts / eligible : 0,
    inTrustsElsewhere: eligible > 0 ? elsewhere / eligible : 0,
    meanTrustSize: trusts > 0 ? schools / trusts : 0,
  };
}

/** Returns the summary metrics of trusts at the end. */
function trustMetrics(w: World) {
  const c = trustCounts(w);
  return {
    trustsAtEnd: c.trusts,
    inTrustsAtEnd: c.inTrusts,
    inTrustsElsewhereAtEnd: c.inTrustsElsewhere,
    meanTrustSizeAtEnd: c.trusts > 0 ? c.meanTrustSize : null,
  };
}

function areaMetrics(w: World, a: number, name: string): AreaMetrics {
  const here = w.partnerships.filter((p) => p.area === a && p.formedStep >= 1);
  const active = w.active.map((id) => w.partnerships[id]).filter((p) => p.area === a);
  return {
    area: name,
    organisations: w.areaMembers[a].length,
    participationAtEnd: participation(w, w.areaMembers[a]),
    partnershipsActiveAtEnd: active.length,
    partnershipsFormed: here.length,
    meanStrengthAtEnd: active.length > 0 ? active.reduce((s, p) => s + p.score, 0) / active.length : 0,
    trustsAtEnd: w.trusts.filter((t) => t.ended === null && t.members.length > 0 && t.home === a).length,
    inTrustsAtEnd: trustCounts(w, w.areaMembers[a]).inTrusts,
    inTrustsElsewhereAtEnd: trustCounts(w, w.areaMembers[a]).inTrustsElsewhere,
  };
}
