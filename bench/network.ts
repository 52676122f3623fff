// The network benchmark (`npm run bench:network`), of the build in dist/: what the network outputs cost a run at their
// defaults, as ratios measured in one process. A run of the baseline (burn-in included) is timed as `partnersim run`
// drives it; the network measures are timed again on each step's world, by a measurer of their own that follows the
// run's as it does (triangles from the ties changed since the last step: they run inside every step's record), and the
// snapshots at the default steps (yearly and the last) are timed as the run writer makes them: records and network.csv's
// rows, and the GraphML and GEXF texts of the last step in the pieces the writer writes (of every one with --all-graphs, timed apart). The measures are also timed once on the national scenario's settled world against
// one of its steps.
import type { Scenario } from '../src/scenario/schema.ts';
import { built } from './built.ts';

const { loadScenario } = await built<typeof import('../src/scenario/load.ts')>('scenario/load');
const { nodeHost } = await built<typeof import('../src/cli/node-host.ts')>('cli/node-host');
const { Simulation } = await built<typeof import('../src/engine/simulation.ts')>('engine/simulation');
const { NetworkMeasurer, networkSteps, worldNetworkMeasures } = await built<typeof import('../src/engine/network.ts')>('engine/network');
const { NETWORK_COLUMNS, networkRows } = await built<typeof import('../src/results/run-files.ts')>('results/run-files');
const { snapshotWriters } = await built<typeof import('../src/results/network-files.ts')>('results/network-files');
const { encodeCsvRows } = await built<typeof import('../src/sweep/table.ts')>('sweep/table');
const { replicateSeed } = await built<typeof import('../src/random.ts')>('random');

interface Timing {
  readonly runMs: number;
  readonly measuresMs: number;
  readonly snapshotsMs: number;
  /** The graph files of the recorded steps other than the last, which only --all-graphs writes (not in runMs). */
  readonly allGraphsMs: number;
}

// One run as the writer drives it, with the measures timed a second time on each step's world and the snapshots timed.
function timeRun(scenario: Scenario, seed: number): Timing {
  const chosen = new Set(networkSteps(scenario.time.steps, scenario.time.stepsPerYear));
  let measuresMs = 0;
  let snapshotsMs = 0;
  let allGraphsMs = 0;
  const start = performance.now();
  const simulation = new Simulation(scenario, seed);
  const measurer = new NetworkMeasurer();
  const snapshot = () => {
    const t = performance.now();
    simulation.recordNetwork();
    const snapshots = simulation.network.splice(0);
    encodeCsvRows(NETWORK_COLUMNS, networkRows(snapshots, 0), false);
    const graphs = performance.now();
    for (const s of snapshots) for (const [, write] of snapshotWriters(s, 0)) write(() => {});
    if (snapshots[0].step === scenario.time.steps) snapshotsMs += performance.now() - t;
    else {
      snapshotsMs += graphs - t;
      allGraphsMs += performance.now() - graphs;
    }
  };
  if (chosen.has(0)) snapshot();
  for (let s = 1; s <= scenario.time.steps; s++) {
    simulation.advance();
    const m = performance.now();
    measurer.measure(simulation.world);
    measuresMs += performance.now() - m;
    if (chosen.has(s)) snapshot();
  }
  simulation.result();
  // The run is what `partnersim run` spends: construction (burn-in), steps (their measures included) and snapshots; the
  // second timing of the measures is taken out.
  const runMs = performance.now() - start - measuresMs - allGraphsMs;
  return { runMs, measuresMs, snapshotsMs, allGraphsMs };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

const baseline = loadScenario(new URL('../scenarios/baseline.yaml', import.meta.url).pathname, nodeHost);
timeRun(baseline, replicateSeed(baseline.time.seed, 99));
const runs = Array.from({ length: 5 }, (_, r) => timeRun(baseline, replicateSeed(baseline.time.seed, r)));
const run = median(runs.map((t) => t.runMs));
const measures = median(runs.map((t) => t.measuresMs));
const snapshots = median(runs.map((t) => t.snapshotsMs));
console.log(`baseline, ${runs.length} runs (medians): a run ${run.toFixed(0)} ms (burn-in included)`);
console.log(`  network measures, every step: ${measures.toFixed(1)} ms = ${percent(measures, run)} of a run`);
console.log(
  `  snapshots at the default steps (records, edge list; GraphML and GEXF of the last): ${snapshots.toFixed(1)} ms = ${percent(snapshots, run)}`,
);
console.log(`  together: ${percent(measures + snapshots, run)} of a run`);
const allGraphs = median(runs.map((t) => t.allGraphsMs));
console.log(`  --all-graphs adds the other steps' graph files: ${allGraphs.toFixed(1)} ms = ${percent(allGraphs, run)}`);

const national = loadScenario(new URL('../scenarios/national.yaml', import.meta.url).pathname, nodeHost);
const simulation = new Simulation(national, replicateSeed(national.time.seed, 0));
const measurer = new NetworkMeasurer();
measurer.measure(simulation.world);
const steps: number[] = [];
const measured: number[] = [];
const afresh: number[] = [];
for (let s = 0; s < 3; s++) {
  let t = performance.now();
  simulation.advance();
  steps.push(performance.now() - t);
  t = performance.now();
  measurer.measure(simulation.world);
  measured.push(performance.now() - t);
  t = performance.now();
  worldNetworkMeasures(simulation.world);
  afresh.push(performance.now() - t);
}
console.log(
  `national (${simulation.world.orgs.n} organisations): a step ${median(steps).toFixed(0)} ms, its network measures ${median(measured).toFixed(1)} ms = ${percent(median(measured), median(steps))} of a step (measured afresh: ${median(afresh).toFixed(1)} ms = ${percent(median(afresh), median(steps))})`,
);
