// The calibration benchmark's plain loop, in a worker thread of its own so that it starts as fresh as a calibration's
// worker: it makes the very runs a calibration made (each proposal's scenario and seed) by calling the engine and the
// statistics directly, and posts the milliseconds that took.
import { parentPort, workerData } from 'node:worker_threads';
import type { Proposal } from '../src/calibration/abc.ts';
import { loadCalibration } from '../src/calibration/load.ts';
import { recordRun } from '../src/calibration/record-run.ts';
import { statisticsSpec } from '../src/calibration/schema.ts';
import { nodeHost } from '../src/cli/node-host.ts';
import { pointScenario } from '../src/sweep/expand.ts';

const { file, proposals } = workerData as { file: string; proposals: readonly Proposal[] };
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
