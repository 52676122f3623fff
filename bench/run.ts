// The benchmark (`npm run bench`), of the build in dist/ (bench/built.ts): engine speed on the baseline and national
// scenarios; the engine against a minimal typed-array loop doing exactly its per-tie arithmetic over the ties that
// interact each step, as many as in the engine's runs, step by step; a sweep of 2,000 baseline runs on 1 and 2 worker
// threads against the engine in a plain loop, in one process and in two at once; and a calibration of the baseline on
// one worker against the same runs in a plain loop.
// Figures come from one process, so their ratios compare like with like on whatever machine runs it.
import { availableParallelism } from 'node:os';
import type { RunResult } from '../src/engine/types.ts';
import type { StepContext } from '../src/model/context.ts';
import type { Mechanism } from '../src/model/mechanism.ts';
import type { World } from '../src/model/world.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { built } from './built.ts';
import { benchCalibration } from './calibration.ts';
import { benchSweep } from './sweep.ts';

const { loadScenario } = await built<typeof import('../src/scenario/load.ts')>('scenario/load');
const { nodeHost } = await built<typeof import('../src/cli/node-host.ts')>('cli/node-host');
const { runScenario } = await built<typeof import('../src/engine/run.ts')>('engine/run');
const { Simulation } = await built<typeof import('../src/engine/simulation.ts')>('engine/simulation');
const { MECHANISM_IMPLEMENTATIONS } = await built<typeof import('../src/model/schedule.ts')>('model/schedule');
const { createRng, replicateSeed } = await built<typeof import('../src/random.ts')>('random');
const { FLUSH, nextDamage, nextTrust, resilienceByType, trustSignal, trustTypeOf } =
  await built<typeof import('../src/model/trust.ts')>('model/trust');
const { effectiveTrust } = await built<typeof import('../src/model/world.ts')>('model/world');

interface Timing {
  readonly label: string;
  readonly runs: number;
  readonly msPerRun: number;
  readonly orgStepsPerSecond: number;
  readonly tieUpdatesPerSecond: number;
  readonly nsPerTieUpdate: number;
  readonly ms: number;
}

/** Returns the median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Times `runs` runs of a scenario (replicates 0.., after `warmup` untimed ones) and returns the median figures. */
function timeScenario(label: string, scenario: Scenario, runs: number, warmup: number): Timing {
  for (let r = 0; r < warmup; r++) runScenario(scenario, { seed: replicateSeed(scenario.time.seed, 1000 + r) });
  const times: number[] = [];
  let work = { orgSteps: 0, tieUpdates: 0 };
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const result: RunResult = runScenario(scenario, { seed: replicateSeed(scenario.time.seed, r) });
    const ms = performance.now() - start;
    times.push(ms);
    total += ms;
    work = { orgSteps: work.orgSteps + result.work.orgSteps, tieUpdates: work.tieUpdates + result.work.tieUpdates };
  }
  return {
    label,
    runs,
    msPerRun: median(times),
    orgStepsPerSecond: work.orgSteps / (total / 1000),
    tieUpdatesPerSecond: work.tieUpdates / (total / 1000),
    nsPerTieUpdate: (total * 1e6) / work.tieUpdates,
    ms: total,
  };
}

/** What the engine's interaction pass did in the same runs: the ties that exchanged (both sides contributing or
 * defecting, trust updated) each step of each run, the pass's own time, and the world and context of the first run's
 * last step (whose ties and parameters the minimal loop takes). */
interface Exchanges {
  readonly perStep: number[];
  readonly total: number;
  readonly passMs: number;
  readonly world: World;
  readonly ctx: StepContext;
}

/** Runs the same runs as timeScenario with the interaction mechanism wrapped: it times the pass and counts the ties
 * that exchanged (each adds 1 to its interactions; the pass adds and reuses no slot, and a tie it drops keeps its count). */
function countExchanges(scenario: Scenario, runs: number): Exchanges {
  const implementations = MECHANISM_IMPLEMENTATIONS as unknown as Record<string, Mechanism>;
  const original = implementations.interaction;
  const perStep: number[] = [];
  let passMs = 0;
  let last: { world: World; ctx: StepContext } | null = null;
  const interactions = (world: World) => {
    let sum = 0;
    for (let e = 0; e < world.ties.count; e++) sum += world.ties.interactions[e];
    return sum;
  };
  implementations.interaction = {
    ...original,
    run(world, ctx) {
      const before = interactions(world);
      const start = performance.now();
      original.run(world, ctx);
      passMs += performance.now() - start;
      perStep.push(interactions(world) - before);
      // The first run's world, kept: later runs build their own, so by the time the loop reads it it is that run's
      // world at its end (counting its steps would land inside the burn-in, which the pass also runs).
      if (last === null) last = { world, ctx };
    },
  };
  try {
    for (let r = 0; r < runs; r++) {
      const simulation = new Simulation(scenario, replicateSeed(scenario.time.seed, r));
      for (let s = 0; s < scenario.time.steps; s++) simulation.advance();
    }
  } finally {
    implementations.interaction = original;
  }
  const { world, ctx } = last as unknown as { world: World; ctx: StepContext };
  return { perStep, total: perStep.reduce((sum, n) => sum + n, 0), passMs, world, ctx };
}

/**
 * Returns the milliseconds of the minimal loop: step by step, as many ties as exchanged in that step of the engine's
 * runs, each doing exactly the engine's arithmetic for a tie that exchanges (interactInPlace: two defection draws,
 * two signals, two trust types, four trust and two damage updates, the sides' tallies, the mutual trust and the
 * strength), on one typed array per field and the same generator; the ties and parameters are those of the engine's
 * world at the end of its first run, laid out contiguously. Nothing else: no idle ties, no other mechanism.
 */
function timeMinimalLoop(exchanges: Exchanges): number {
  const { world, ctx, perStep } = exchanges;
  const o = world.orgs;
  const live: number[] = [];
  for (let e = 0; e < world.ties.count; e++) if (world.ties.alive[e] === 1) live.push(e);
  const size = Math.max(...perStep);
  const pick = <T extends Float64Array | Int32Array>(field: T): T => {
    const out = new (field.constructor as { new (n: number): T })(size);
    for (let k = 0; k < size; k++) out[k] = field[live[k % live.length]];
    return out;
  };
  const t = world.ties;
  const [A, B, shared, principled, convened] = [pick(t.a), pick(t.b), pick(t.shared), pick(t.sharedPrincipled), pick(t.sharedConvened)];
  const [trustAB, trustBA, leaderAB, leaderBA] = [pick(t.trustAB), pick(t.trustBA), pick(t.leaderAB), pick(t.leaderBA)];
  const [damageAB, damageBA, strength, interactions] = [pick(t.damageAB), pick(t.damageBA), pick(t.strength), pick(t.interactions)];
  const { market, area, power, exposure, resolve, effort, effortShared, stretch, shadow, norms, betrayed, rewarded } = o;
  const competition = ctx.levers.competition;
  const { rivalryTemptation, benefitBase, benefitShared, complementarity } = ctx.params.interaction;
  const { mediation } = ctx.params.brokerage;
  const support = ctx.levers.support;
  const { shadowWeight, decisionNoise, expectedContribution } = ctx.params.interaction;
  const tp = ctx.params.trust;
  const sensitivity = tp.sensitivity;
  const tt = ctx.params.trustTypes;
  const growth = -Math.log1p(-ctx.params.ties.strengthGrowth);
  const decay = ctx.params.ties.strengthDecay * ctx.dt;
  const lw = tt.leaderWeight;
  const resilience = resilienceByType(tt);
  const rng = createRng(7);
  const pass = () => {
    for (const ties of perStep) {
      for (let e = 0; e < ties; e++) {
        const sh = +(shared[e] > 0);
        const st = strength[e];
        const a = A[e];
        const b = B[e];
        const rivals = rivalryTemptation * competition * +(market[a] === market[b]);
        const benefit = benefitBase + benefitShared * sh + complementarity * Math.abs(power[a] - power[b]);
        const wA = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[a]) + (1 - sh) * st;
        const wB = sh * ((1 - shadowWeight) * st + shadowWeight * shadow[b]) + (1 - sh) * st;
        const defectA = +(rng() * (1 + Math.exp((resolve[a] - rivals * exposure[a] + wA * benefit) / decisionNoise)) < 1);
        const defectB = +(rng() * (1 + Math.exp((resolve[b] - rivals * exposure[b] + wB * benefit) / decisionNoise)) < 1);
        const giveA = sh === 1 ? effortShared[a] : effort[a];
        const giveB = sh === 1 ? effortShared[b] : effort[b];
        const agreed = +(principled[e] > 0);
        const expectOfA = expectedContribution * (agreed * stretch[a] + 1 - agreed);
        const expectOfB = expectedContribution * (agreed * stretch[b] + 1 - agreed);
        const mediated = 1 - +(convened[e] > 0) * mediation * support[area[a]];
        const sOfB = trustSignal((1 - defectB) * giveB, expectOfB, sensitivity);
        const sOfA = trustSignal((1 - defectA) * giveA, expectOfA, sensitivity);
        const gap = Math.abs(norms[a] - norms[b]);
        const resA = mediated * resilience[trustTypeOf(interactions[e], trustAB[e], gap, tt)];
        const resB = mediated * resilience[trustTypeOf(interactions[e], trustBA[e], gap, tt)];
        const dA = Math.min(1, Math.max(0, 0.5 + power[b] - power[a]));
        const dB = 1 - dA;
        const rAB = damageAB[e];
        const rBA = damageBA[e];
        leaderAB[e] = nextTrust(leaderAB[e], rAB, sOfB, resA, dA, tp);
        leaderBA[e] = nextTrust(leaderBA[e], rBA, sOfA, resB, dB, tp);
        trustAB[e] = nextTrust(trustAB[e], rAB, sOfB, resA, dA, tp);
        trustBA[e] = nextTrust(trustBA[e], rBA, sOfA, resB, dB, tp);
        damageAB[e] = nextDamage(rAB, sOfB, tp);
        damageBA[e] = nextDamage(rBA, sOfA, tp);
        betrayed[a] += defectB;
        betrayed[b] += defectA;
        rewarded[a] += 1 - defectB;
        rewarded[b] += 1 - defectA;
        interactions[e] += 1;
        // The strength's course over the step, as the engine computes it once per tie (here once per exchange).
        const mutual = 0.5 * effectiveTrust(trustAB[e] + trustBA[e], leaderAB[e] + leaderBA[e], lw);
        const settled = (growth * mutual) / (growth + decay);
        const next = settled + (st - settled) * Math.exp(-(growth + decay));
        strength[e] = next * +(next > FLUSH);
      }
    }
  };
  pass();
  const start = performance.now();
  pass();
  return performance.now() - start;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs the benchmark and prints its tables; `--quick` runs fewer repetitions (and a sweep of 200 runs), `--sweep-only` only the sweep. */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  if (!process.argv.includes('--sweep-only')) benchEngine(quick);
  const sweep = await benchSweep(quick ? 200 : 2000);
  const [one, two] = sweep.workerSeconds;
  const rate = (seconds: number) => fmt(sweep.runs / seconds, 1);
  console.log(`\nsweep of ${fmt(sweep.runs)} baseline runs (${availableParallelism()} cores)`);
  const line = (label: string, seconds: number) =>
    console.log(`${label.padEnd(28)} ${fmt(seconds, 1).padStart(7)} s  ${rate(seconds).padStart(6)} runs/s`);
  line('engine in a plain loop', sweep.loopSeconds);
  line('sweep on 1 worker', one);
  line('sweep on 2 workers', two);
  line('loop in 2 processes at once', sweep.twoProcessSeconds);
  console.log(`parallel efficiency on 2 workers: ${fmt((100 * one) / (2 * two), 1)}% (target: at least 90%)`);
  console.log(
    `the loop's in 2 processes against 1 thread: ${fmt((100 * sweep.loopSeconds) / (2 * sweep.twoProcessSeconds), 1)}% (what two cores give two independent copies); 2 workers against 2 processes: ${fmt((100 * sweep.twoProcessSeconds) / two, 1)}%`,
  );
  console.log(`sweep machinery overhead over the loop (1 worker): ${fmt(100 * (one / sweep.loopSeconds - 1), 1)}% (target: under 5%)`);
  const calibration = await benchCalibration(quick ? 30 : 100);
  console.log(
    `\ncalibration of the baseline (ABC-SMC, ${calibration.generations} generations, ${fmt(calibration.runs)} runs, 1 worker): ${fmt(calibration.calibrationSeconds, 1)} s; the same runs in a plain loop ${fmt(calibration.loopSeconds, 1)} s`,
  );
  console.log(
    `calibration machinery overhead over its model runs: ${fmt(100 * (calibration.calibrationSeconds / calibration.loopSeconds - 1), 1)}% (target: under 5%)`,
  );
}

/** Times the engine on the baseline and national scenarios and against the minimal loop, and prints the tables. */
function benchEngine(quick: boolean): void {
  const scenarios = [
    { label: 'baseline', scenario: loadScenario('scenarios/baseline.yaml', nodeHost), runs: quick ? 10 : 40, warmup: quick ? 3 : 10 },
    { label: 'national', scenario: loadScenario('scenarios/national.yaml', nodeHost), runs: 1, warmup: 0 },
  ];
  const rows = scenarios.map(({ label, scenario, runs, warmup }) => timeScenario(label, scenario, runs, warmup));
  console.log(`partnersim benchmark — Node ${process.version}, one thread, the build in dist/\n`);
  console.log('scenario   runs  ms/run     org-steps/s   tie-updates/s  ns/tie-update');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(10)} ${String(r.runs).padStart(4)}  ${fmt(r.msPerRun, 1).padStart(9)}  ${fmt(r.orgStepsPerSecond).padStart(12)}  ${fmt(r.tieUpdatesPerSecond).padStart(13)}  ${fmt(r.nsPerTieUpdate, 1).padStart(13)}`,
    );
  }
  console.log('\nper tie exchange (a tie whose sides contribute or defect and update trust; the other live ties only fade):');
  console.log('scenario   exchanges/step  engine ns  interaction pass ns  minimal loop ns  engine/minimal  pass/minimal');
  scenarios.forEach(({ label, scenario, runs }, k) => {
    const exchanges = countExchanges(scenario, runs);
    const ns = (ms: number) => (ms * 1e6) / exchanges.total;
    const [engine, pass, minimal] = [ns(rows[k].ms), ns(exchanges.passMs), ns(timeMinimalLoop(exchanges))];
    console.log(
      `${label.padEnd(10)} ${fmt(exchanges.total / exchanges.perStep.length).padStart(14)}  ${fmt(engine, 1).padStart(9)}  ${fmt(pass, 1).padStart(19)}  ${fmt(minimal, 1).padStart(15)}  ${`${fmt(engine / minimal, 1)}x`.padStart(14)}  ${`${fmt(pass / minimal, 1)}x`.padStart(12)}`,
    );
  });
  console.log(
    'engine: the whole step (every mechanism) per exchange; interaction pass: the pass over every live tie; minimal loop: the exchanges alone',
  );
  console.log(
    `targets: baseline under 20 ms/run (${fmt(rows[0].msPerRun, 1)} ms), national under 5 s on one core (${fmt(rows[1].msPerRun / 1000, 2)} s)`,
  );
}

await main();
