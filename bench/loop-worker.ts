// The benchmark's plain loop, in a worker thread of its own so that it starts as fresh as a sweep's worker: it
// records runs `from`..`to` of a sweep by calling the engine directly, and posts the milliseconds that took.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeHost } from '../src/cli/node-host.ts';
import { expandSweep, pointScenario } from '../src/sweep/expand.ts';
import { loadSweep } from '../src/sweep/load.ts';
import { recordRun } from '../src/sweep/record.ts';

const { file, from, to } = workerData as { file: string; from: number; to: number };
const loaded = loadSweep(file, nodeHost);
const plan = expandSweep(loaded);
const start = performance.now();
for (const run of plan.runs.slice(from, to)) {
  const scenario = pointScenario(loaded.scenarioInput, loaded.scenario.name, loaded.sweep.parameters, plan.points[run.point].values);
  recordRun(run, scenario, loaded.sweep.record);
}
parentPort?.postMessage(performance.now() - start);
