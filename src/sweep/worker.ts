// A sweep worker thread: long-lived, it takes batches of runs by message and answers with one record per run as
// each finishes, then `idle` when the batch is done. It holds no state between batches.
import { parentPort, workerData } from 'node:worker_threads';
import { recordRun as defaultRecordRun } from './record.ts';
import type { Batch, FromWorker, WorkerSetup } from './execute.ts';

const setup = workerData as WorkerSetup;
// Tests swap in a runner that fails on purpose; it must export recordRun with the same signature.
const { recordRun } =
  setup.runner === undefined ? { recordRun: defaultRecordRun } : ((await import(setup.runner)) as { recordRun: typeof defaultRecordRun });
const port = parentPort;
if (port === null) throw new Error('the sweep worker must run in a worker thread');

port.on('message', (batch: Batch) => {
  for (const task of batch.tasks) {
    port.postMessage({ kind: 'record', record: recordRun(task.run, batch.scenarios[task.scenario], setup.spec) } satisfies FromWorker);
  }
  port.postMessage({ kind: 'idle' } satisfies FromWorker);
});
