// Recovery (`npm run bench:recovery`): data simulated from known parameter values of partnersim itself, calibrated
// back by ABC-SMC, ten times with ten seeds; the known values should lie inside the 90% credible intervals in at least
// 8 of 10 trials. Too slow for the test suite on two cores (about a minute and a half), so its result is committed in
// bench/results/recovery.json, which test/calibration/recovery.test.ts checks, re-running one trial to the same numbers.
import { writeFileSync } from 'node:fs';
import { calibrate } from '../src/calibration/calibrate.ts';
import type { Prior } from '../src/calibration/priors.ts';
import { evaluateStatistics, type StatisticSpec } from '../src/calibration/statistics.ts';
import { runScenario } from '../src/engine/run.ts';
import { deriveSeed } from '../src/random.ts';
import { createMemoryHost } from '../src/scenario/host.ts';
import { loadScenarioInput } from '../src/scenario/load.ts';
import { pointScenario } from '../src/sweep/expand.ts';

/** The recovery study: a small scenario, the parameters with their known values and priors, the statistics observed,
 * the sampler's settings, and how many trials. */
export const RECOVERY = {
  scenario:
    'name: tiny\ntime: {steps: 60, seed: 5}\norganisations: {areas: 2, kinds: {school: 12, academy: 8, trust: 2, college: 2, provider: 2, community: 2}}\n',
  parameters: [
    { name: 'market.competition', truth: 0.5, prior: { kind: 'uniform', min: 0, max: 1 } as Prior },
    { name: 'leaders.experience', truth: 0.6, prior: { kind: 'uniform', min: 0, max: 1 } as Prior },
  ],
  statistics: [
    { statistic: 'partnershipsFormed' },
    { statistic: 'meanTrustAtEnd' },
    { statistic: 'participationAtEnd' },
    { statistic: 'meanStrengthAtEnd' },
  ] as StatisticSpec[],
  /** Runs at the known values that give each statistic's standard deviation: the targets' uncertainty. */
  noiseRuns: 30,
  particles: 60,
  generations: 4,
  trials: 10,
} as const;

const input = loadScenarioInput('tiny.yaml', createMemoryHost({ 'tiny.yaml': RECOVERY.scenario }));
const keys = RECOVERY.parameters.map(({ name }) => ({ key: name }));
const statistics = (values: readonly number[], seed: number): (number | null)[] =>
  evaluateStatistics(runScenario(pointScenario(input, 'tiny', keys, values), { seed }), RECOVERY.statistics, 12);
const truth = RECOVERY.parameters.map((p) => p.truth);

/** Returns each statistic's standard deviation over runs at the known values: how far one observation strays. */
export function noise(): number[] {
  const runs = Array.from({ length: RECOVERY.noiseRuns }, (_, r) => statistics(truth, deriveSeed(99, 'noise', r)) as number[]);
  return RECOVERY.statistics.map((_, k) => {
    const values = runs.map((run) => run[k]);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
  });
}

/** One trial's result: the observation it fitted, each parameter's 90% credible interval, and whether every known
 * value lies inside its interval. */
export interface RecoveryTrial {
  readonly trial: number;
  readonly observed: readonly number[];
  readonly runs: number;
  readonly ci90: readonly (readonly [number, number])[];
  readonly covered: boolean;
}

/** Runs trial t: one run at the known values (its own seed) as the observation, calibrated back from the priors. */
export async function recoveryTrial(trial: number, sds: readonly number[]): Promise<RecoveryTrial> {
  const observed = statistics(truth, deriveSeed(7, 'observed', trial)) as number[];
  const result = await calibrate({
    parameters: RECOVERY.parameters.map(({ name, prior }) => ({ name, prior })),
    targets: observed.map((value, k) => ({ observed: value, sd: sds[k] })),
    simulate: statistics,
    particles: RECOVERY.particles,
    generations: RECOVERY.generations,
    predictive: 0,
    seed: trial + 1,
  });
  const ci90 = (result.posterior?.parameters ?? []).map((p) => p.ci90);
  return { trial, observed, runs: result.runs, ci90, covered: ci90.every(([low, high], k) => low <= truth[k] && truth[k] <= high) };
}

async function main(): Promise<void> {
  const start = performance.now();
  const sds = noise();
  const trials: RecoveryTrial[] = [];
  for (let t = 0; t < RECOVERY.trials; t++) {
    trials.push(await recoveryTrial(t, sds));
    const last = trials[trials.length - 1];
    console.log(
      `trial ${t}: ${last.runs} runs, 90% credible intervals ${last.ci90.map(([a, b]) => `${a.toFixed(2)} to ${b.toFixed(2)}`).join(', ')}: ${last.covered ? 'covers' : 'misses'}`,
    );
  }
  const covered = trials.filter((t) => t.covered).length;
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `recovery: the known values (${truth.join(', ')}) inside the 90% credible intervals in ${covered} of ${trials.length} trials (${seconds.toFixed(0)} s)`,
  );
  const file = new URL('./results/recovery.json', import.meta.url);
  writeFileSync(file, JSON.stringify({ settings: RECOVERY, sds, trials, covered }, null, 2) + '\n');
}

if (process.argv[1]?.endsWith('recovery.ts')) await main();
