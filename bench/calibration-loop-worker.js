// The calibration benchmark's plain loop, in plain JavaScript on the build (dist/), in a worker thread of its own so
// that it starts as fresh as a calibration's worker: it makes the very runs a calibration made (each proposal's
// scenario and seed) by calling the engine and the statistics directly, and posts the milliseconds that took.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCalibration } from '../dist/calibration/load.js';
import { recordRun } from '../dist/calibration/record-run.js';
import { statisticsSpec } from '../dist/calibration/schema.js';
import { nodeHost } from '../dist/cli/node-host.js';
import { pointScenario } from '../dist/sweep/expand.js';

const { file, proposals } = workerData;
const { calibration, scenarioInput, scenario } = loadCalibration(file, nodeHost);
const keys = calibration.parameters.map((p) => ({ key: p.name }));
const spec = statisticsSpec(calibration, scenario);
const start = performance.now();
proposals.forEach((proposal, k) => {
  recordRun(
    { index: k, point: k, replicate: 0, seed: proposal.seed },
    pointScenario(scenarioInput, scenario.name, keys, proposal.values),
    spec,
  );
});
parentPort?.postMessage(performance.now() - start);
