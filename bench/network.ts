// The network benchmark (`npm run bench:network`), of the build in dist/: what the network outputs cost a run at their
// defaults, as ratios measured in one process. A run of the baseline (burn-in included) is timed as `partnersim run`
// drives it; the network measures are timed again on each step's world, by a measurer of their own that follows the
// run's as it does (triangles from the ties changed since the last step: they run inside every step's record), and the
// snapshots at the default steps (yearly and the last) are timed as the run writer makes them: records and network.csv's
// lines, and the GraphML and GEXF files of the last step in the pieces the writer writes (of every one with
// --all-graphs, timed apart). The measures are also timed once on the national scenario's settled world against one of
// its steps (dist/'s build only). `npm run bench:network -- --against dist-before` times an earlier build's baseline
// runs too, in turn with dist/'s.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../src/scenario/schema.ts';
import { built } from './built.ts';

// A build's modules, as the benchmark drives them: dist/'s, or with `--against <dir>` also those of another build (a
// copy of an earlier dist/ inside the repository, e.g. dist-before/, so that it finds the same node_modules), whose runs
// take turns with dist/'s in this one process. A build from before networkCsv writes network.csv's lines as it then
// did, by encodeCsvRows of networkRows.
interface Build {
  readonly name: string;
  readonly loadScenario: typeof import('../src/scenario/load.ts').loadScenario;
  readonly nodeHost: typeof import('../src/cli/node-host.ts').nodeHost;
  readonly Simulation: typeof import('../src/engine/simulation.ts').Simulation;
  readonly network: typeof import('../src/engine/network.ts');
  readonly networkLines: (snapshots: Parameters<typeof import('../src/results/run-files.ts').networkCsv>[0]) => unknown;
  readonly snapshotWriters: typeof import('../src/results/network-files.ts').snapshotWriters;
  readonly replicateSeed: typeof import('../src/random.ts').replicateSeed;
}

async function loadBuild(name: string, load: <M>(module: string) => Promise<M>): Promise<Build> {
  const files = await load<typeof import('../src/results/run-files.ts')>('results/run-files');
  const { encodeCsvRows } = await load<typeof import('../src/sweep/table.ts')>('sweep/table');
  const { networkCsv } = files as Partial<typeof files>;
  return {
    name,
    loadScenario: (await load<typeof import('../src/scenario/load.ts')>('scenario/load')).loadScenario,
    nodeHost: (await load<typeof import('../src/cli/node-host.ts')>('cli/node-host')).nodeHost,
    Simulation: (await load<typeof import('../src/engine/simulation.ts')>('engine/simulation')).Simulation,
    network: await load<typeof import('../src/engine/network.ts')>('engine/network'),
    networkLines:
      networkCsv === undefined
        ? (snapshots) => encodeCsvRows(files.NETWORK_COLUMNS, files.networkRows(snapshots, 0), false)
        : (snapshots) => networkCsv(snapshots, 0),
    snapshotWriters: (await load<typeof import('../src/results/network-files.ts')>('results/network-files')).snapshotWriters,
    replicateSeed: (await load<typeof import('../src/random.ts')>('random')).replicateSeed,
  };
}

const against = process.argv.indexOf('--against');
const builds = [await loadBuild('dist', built)];
if (against >= 0) {
  const dir = resolve(process.argv[against + 1] ?? '');
  builds.push(await loadBuild(dir, <M>(module: string) => import(pathToFileURL(`${dir}/${module}.js`).href) as Promise<M>));
}

interface Timing {
  readonly runMs: number;
  readonly measuresMs: number;
  readonly snapshotsMs: number;
  /** The graph files of the recorded steps other than the last, which only --all-graphs writes (not in runMs). */
  readonly allGraphsMs: number;
}

// One run as the writer drives it, with the measures timed a second time on each step's world and the snapshots timed.
function timeRun(build: Build, scenario: Scenario, seed: number): Timing {
  const { Simulation, network, networkLines, snapshotWriters } = build;
  const chosen = new Set(network.networkSteps(scenario.time.steps, scenario.time.stepsPerYear));
  let measuresMs = 0;
  let snapshotsMs = 0;
  let allGraphsMs = 0;
  const start = performance.now();
  const simulation = new Simulation(scenario, seed);
  const measurer = new network.NetworkMeasurer();
  const snapshot = () => {
    const t = performance.now();
    simulation.recordNetwork();
    const snapshots = simulation.network.splice(0);
    networkLines(snapshots);
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

// Each build's runs of the baseline, the builds taking turns run by run, which goes first alternating (the first of a
// pair ran the slower when a build was compared with itself), with more runs when comparing. A part's share of a run is
// the median of its share in each run: the load of a shared machine moves from minute to minute, less within a run.
const runCount = builds.length > 1 ? 16 : 5;
const timings = builds.map(() => [] as Timing[]);
const baselines = builds.map((build) =>
  build.loadScenario(new URL('../scenarios/baseline.yaml', import.meta.url).pathname, build.nodeHost),
);
builds.forEach((build, b) => timeRun(build, baselines[b], build.replicateSeed(baselines[b].time.seed, 99)));
for (let r = 0; r < runCount; r++)
  for (const b of r % 2 === 0 ? builds.keys() : [...builds.keys()].reverse())
    timings[b].push(timeRun(builds[b], baselines[b], builds[b].replicateSeed(baselines[b].time.seed, r)));
builds.forEach((build, b) => {
  const runs = timings[b];
  const ms = (part: (t: Timing) => number) => median(runs.map(part)).toFixed(1);
  const share = (part: (t: Timing) => number) => `${median(runs.map((t) => (100 * part(t)) / t.runMs)).toFixed(1)}%`;
  if (builds.length > 1) console.log(`${build.name}:`);
  console.log(`baseline, ${runs.length} runs (medians): a run ${ms((t) => t.runMs)} ms (burn-in included)`);
  console.log(`  network measures, every step: ${ms((t) => t.measuresMs)} ms = ${share((t) => t.measuresMs)} of a run`);
  console.log(
    `  snapshots at the default steps (records, edge list; GraphML and GEXF of the last): ${ms((t) => t.snapshotsMs)} ms = ${share((t) => t.snapshotsMs)}`,
  );
  console.log(`  together: ${share((t) => t.measuresMs + t.snapshotsMs)} of a run`);
  console.log(`  --all-graphs adds the other steps' graph files: ${ms((t) => t.allGraphsMs)} ms = ${share((t) => t.allGraphsMs)}`);
});

const [{ loadScenario, nodeHost, Simulation, replicateSeed }] = builds;
const { NetworkMeasurer, worldNetworkMeasures } = builds[0].network;
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
