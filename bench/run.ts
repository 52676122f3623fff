// The benchmark (`npm run bench`): engine speed on the baseline and national scenarios, the engine's time per
// tie update against a minimal typed-array loop doing the same trust arithmetic over as many ties, a sweep of 2,000
// baseline runs on 1 and 2 worker threads against the engine in a plain loop, and a calibration of the baseline on one
// worker against the same runs in a plain loop.
// Figures come from one process, so their ratios compare like with like on whatever machine runs it.
import { availableParallelism } from 'node:os';
import { loadScenario } from '../src/scenario/load.ts';
import { nodeHost } from '../src/cli/node-host.ts';
import { runScenario } from '../src/engine/run.ts';
import { createRng, replicateSeed } from '../src/random.ts';
import { nextDamage, nextTrust, trustSignal } from '../src/model/trust.ts';
import type { RunResult } from '../src/engine/types.ts';
import type { Scenario, TrustParams } from '../src/scenario/schema.ts';
import { benchCalibration } from './calibration.ts';
import { benchSweep } from './sweep.ts';

interface Timing {
  readonly label: string;
  readonly runs: number;
  readonly msPerRun: number;
  readonly orgStepsPerSecond: number;
  readonly tieUpdatesPerSecond: number;
  readonly nsPerTieUpdate: number;
  readonly tieUpdates: number;
  readonly steps: number;
}

/** Returns the median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Times `runs` runs of a scenario (after `warmup` untimed ones) and returns the median figures. */
function timeScenario(label: string, scenario: Scenario, runs: number, warmup: number): Timing {
  for (let r = 0; r < warmup; r++) runScenario(scenario, { seed: replicateSeed(scenario.time.seed, 1000 + r) });
  const times: number[] = [];
  let result: RunResult | undefined;
  let work = { orgSteps: 0, tieUpdates: 0 };
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = runScenario(scenario, { seed: replicateSeed(scenario.time.seed, r) });
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
    tieUpdates: work.tieUpdates / runs,
    steps: (result as RunResult).steps,
  };
}

/**
 * Returns ns per tie update of the minimal loop: `ties` ties in one Float64Array per field, each step
 * drawing both sides' contributions and applying the engine's own trust arithmetic (two signals, four
 * trust updates at organisation and leader level, two damage updates), for `steps` steps.
 */
function timeMinimalLoop(ties: number, steps: number, trust: TrustParams): number {
  const f = () => new Float64Array(ties).fill(0.3);
  const tAB = f(),
    tBA = f(),
    lAB = f(),
    lBA = f();
  const dAB = new Float64Array(ties),
    dBA = new Float64Array(ties);
  const rng = createRng(7);
  const pass = () => {
    for (let s = 0; s < steps; s++) {
      for (let e = 0; e < ties; e++) {
        const sB = trustSignal(0.8 * +(rng() < 0.9), 0.5, trust.sensitivity);
        const sA = trustSignal(0.8 * +(rng() < 0.9), 0.5, trust.sensitivity);
        const rAB = dAB[e];
        const rBA = dBA[e];
        lAB[e] = nextTrust(lAB[e], rAB, sB, 1, 0.5, trust);
        lBA[e] = nextTrust(lBA[e], rBA, sA, 1, 0.5, trust);
        tAB[e] = nextTrust(tAB[e], rAB, sB, 1, 0.5, trust);
        tBA[e] = nextTrust(tBA[e], rBA, sA, 1, 0.5, trust);
        dAB[e] = nextDamage(rAB, sB, trust);
        dBA[e] = nextDamage(rBA, sA, trust);
      }
    }
  };
  pass();
  const start = performance.now();
  pass();
  return ((performance.now() - start) * 1e6) / (ties * steps);
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
  console.log(`engine in a plain loop   ${fmt(sweep.loopSeconds, 1).padStart(7)} s  ${rate(sweep.loopSeconds).padStart(6)} runs/s`);
  console.log(`sweep on 1 worker        ${fmt(one, 1).padStart(7)} s  ${rate(one).padStart(6)} runs/s`);
  console.log(`sweep on 2 workers       ${fmt(two, 1).padStart(7)} s  ${rate(two).padStart(6)} runs/s`);
  console.log(`parallel efficiency on 2 workers: ${fmt((100 * one) / (2 * two), 1)}% (target: at least 90%)`);
  console.log(`sweep machinery overhead over the loop (1 worker): ${fmt(100 * (one / sweep.loopSeconds - 1), 1)}% (target: under 5%)`);
  const calibration = await benchCalibration(quick ? 30 : 100);
  console.log(
    `\ncalibration of the baseline (ABC-SMC, ${calibration.generations} generations, ${fmt(calibration.runs)} runs, 1 worker): ${fmt(calibration.calibrationSeconds, 1)} s; the same runs in a plain loop ${fmt(calibration.loopSeconds, 1)} s`,
  );
  console.log(
    `calibration machinery overhead over its model runs: ${fmt(100 * (calibration.calibrationSeconds / calibration.loopSeconds - 1), 1)}% (target: under 5%)`,
  );
}

/** Times the engine on the baseline and national scenarios and against the minimal loop, and prints the table. */
function benchEngine(quick: boolean): void {
  const baseline = loadScenario('scenarios/baseline.yaml', nodeHost);
  const national = loadScenario('scenarios/national.yaml', nodeHost);
  const rows = [timeScenario('baseline', baseline, quick ? 10 : 40, quick ? 3 : 10), timeScenario('national', national, 1, 0)];
  console.log(`partnersim benchmark — Node ${process.version}, one thread\n`);
  console.log('scenario   runs  ms/run     org-steps/s   tie-updates/s  ns/tie-update');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(10)} ${String(r.runs).padStart(4)}  ${fmt(r.msPerRun, 1).padStart(9)}  ${fmt(r.orgStepsPerSecond).padStart(12)}  ${fmt(r.tieUpdatesPerSecond).padStart(13)}  ${fmt(r.nsPerTieUpdate, 1).padStart(13)}`,
    );
  }
  const nat = rows[1];
  const minimal = timeMinimalLoop(Math.round(nat.tieUpdates / nat.steps), nat.steps, national.trust);
  console.log(
    `\nminimal typed-array loop, same trust arithmetic over ${fmt(nat.tieUpdates / nat.steps)} ties x ${nat.steps} steps: ${fmt(minimal, 1)} ns/tie-update`,
  );
  console.log(
    `engine / minimal loop, per tie update: baseline ${fmt(rows[0].nsPerTieUpdate / minimal, 2)}x, national ${fmt(nat.nsPerTieUpdate / minimal, 2)}x (target: within 3x)`,
  );
  console.log(
    `targets: baseline under 20 ms/run (${fmt(rows[0].msPerRun, 1)} ms), national under 5 s on one core (${fmt(nat.msPerRun / 1000, 2)} s)`,
  );
}

await main();
