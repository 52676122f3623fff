// A calibration's runner for the sweep's worker threads: runs a proposal's scenario and records its targets'
// statistics in the record's metrics, in the targets' order. Loaded by URL in each worker; it imports no mathjs.
import { runScenario } from '../engine/run.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepRun } from '../sweep/expand.ts';
import type { RunRecord } from '../sweep/record.ts';
import type { StatisticsSpec } from './schema.ts';
import { evaluateStatistics } from './statistics.ts';

/** The URL of this module, for the sweep's executor (`runner`): compiled, the record-run.js beside the module this code
 * runs in, dist/calibration/record-run.js or the command line's bundle's own (dist/cli.bundle/record-run.js), whose
 * chunks export nothing by this name. */
export const CALIBRATION_RUNNER = import.meta.url.endsWith('.ts') ? import.meta.url : new URL('./record-run.js', import.meta.url).href;

/** Returns the record of one run of a proposal's scenario: its targets' statistics (null where not measured) as the
 * record's metrics, or the error it threw, so that one failing run does not stop the calibration. */
export function recordRun(run: SweepRun, scenario: Scenario, spec: StatisticsSpec): RunRecord {
  try {
    const result = runScenario(scenario, { seed: run.seed });
    return { ...run, status: 'ok', metrics: evaluateStatistics(result, spec.statistics, spec.stepsPerYear), timeseries: [] };
  } catch (error) {
    return { ...run, status: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
