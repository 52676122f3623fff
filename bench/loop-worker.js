// The benchmark's plain loop, in plain JavaScript on the build (dist/): it records runs `from`..`to` of a sweep by
// calling the engine directly, and reports the milliseconds that took. Started as a worker thread of its own (so that
// it starts as fresh as a sweep's worker), it posts them; as a process (`node loop-worker.js <json>`), it prints them.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeHost } from '../dist/cli/node-host.js';
import { expandSweep, pointScenario } from '../dist/sweep/expand.js';
import { loadSweep } from '../dist/sweep/load.js';
import { recordRun } from '../dist/sweep/record.js';

const { file, from, to } = parentPort === null ? JSON.parse(process.argv[2]) : workerData;
const loaded = loadSweep(file, nodeHost);
const plan = expandSweep(loaded);
const start = performance.now();
for (const run of plan.runs.slice(from, to)) {
  const scenario = pointScenario(loaded.scenarioInput, loaded.scenario.name, loaded.sweep.parameters, plan.points[run.point].values);
  recordRun(run, scenario, loaded.sweep.record);
}
const ms = performance.now() - start;
if (parentPort === null) process.stdout.write(`${ms}\n`);
else parentPort.postMessage(ms);
