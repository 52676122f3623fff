// Calibrating a partnersim scenario: the sampler's proposals become the base scenario with the proposal's values set,
// run on the sweep's worker threads (kept alive across rounds) by the calibration's runner, which records the targets'
// statistics. Records a journal already holds are not run again; a shard runs only its share of the first round that
// still needs runs, and stops.
import { PartnersimError } from '../errors.ts';
import { pointScenario } from '../sweep/expand.ts';
import { RunExecutor } from '../sweep/execute.ts';
import type { Shard } from '../sweep/manifest.ts';
import { AbcSampler, SamplerStuck, type AbcResult, type Proposal, type ProposalRecord } from './abc.ts';
import { driveSampler, type DriveEvents } from './calibrate.ts';
import type { LoadedCalibration } from './load.ts';
import { sampleFailed } from './messages.ts';
import { CALIBRATION_RUNNER } from './record-run.ts';
import { statisticsSpec, type StatisticsSpec } from './schema.ts';

/** How to run a scenario's calibration. */
export interface ScenarioCalibrationOptions extends DriveEvents {
  /** Worker threads; 0 runs nothing, and says which proposals the next round still needs. */
  readonly workers: number;
  /** Records already made (a journal), by recordKey. */
  readonly known?: ReadonlyMap<string, ProposalRecord>;
  /** Hears each record as its run finishes, in the order they finish (to journal it). */
  onRecord?(record: ProposalRecord): void;
  /** Stops the work; records finished by then have been heard. */
  readonly signal?: AbortSignal;
  /** Run only the proposals whose index modulo count is index, of the first round that needs runs, then stop. */
  readonly shard?: Shard;
  /** A module URL exporting recordRun, instead of the calibration's (tests make runs fail with it). */
  readonly runner?: string;
}

/** How a scenario's calibration ended: complete with its result, interrupted, a shard that ran its share of a round,
 * or (with no workers) the round that still needs runs. */
export type ScenarioCalibrationOutcome =
  | { readonly status: 'complete'; readonly result: AbcResult }
  | { readonly status: 'interrupted' }
  | { readonly status: 'shard-done'; readonly ran: number; readonly round: readonly Proposal[] }
  | { readonly status: 'pending'; readonly missing: readonly Proposal[] };

/** Runs a calibration of a scenario to the end (or to the end of its shard's share of a round). Throws a
 * PartnersimError when the sampler cannot go on (no perturbed proposal inside the priors). */
export async function calibrateScenario(
  loaded: LoadedCalibration,
  options: ScenarioCalibrationOptions,
): Promise<ScenarioCalibrationOutcome> {
  const { calibration, scenarioInput, scenario } = loaded;
  const parameters = calibration.parameters.map((parameter) => ({ key: parameter.name }));
  const sampler = new AbcSampler({ parameters: calibration.parameters, observations: calibration.targets, settings: calibration.settings });
  // What the runs came to: interrupted, or a shard's share done (the sampler then stops short of a result).
  const state: {
    executor: RunExecutor<StatisticsSpec> | null;
    interrupted: boolean;
    shard: { ran: number; round: readonly Proposal[] } | null;
    missing: readonly Proposal[] | null;
  } = { executor: null, interrupted: false, shard: null, missing: null };
  const run = async (proposals: readonly Proposal[]): Promise<readonly ProposalRecord[] | null> => {
    if (options.workers === 0) {
      state.missing = proposals;
      return null;
    }
    const shard = options.shard ?? null;
    const mine = shard === null ? proposals : proposals.filter((proposal) => proposal.index % shard.count === shard.index);
    state.executor ??= new RunExecutor({
      workers: options.workers,
      spec: statisticsSpec(calibration, scenario),
      runner: options.runner ?? CALIBRATION_RUNNER,
    });
    const records: ProposalRecord[] = [];
    const outcome = await state.executor.run(
      mine.map((proposal, k) => ({ index: k, point: k, replicate: 0, seed: proposal.seed })),
      {
        scenarioOf: (run) => pointScenario(scenarioInput, scenario.name, parameters, mine[run.point].values),
        onRecord: (record) => {
          const proposal = mine[record.point];
          const made: ProposalRecord =
            record.status === 'ok'
              ? { ...proposal, status: 'ok', statistics: record.metrics }
              : { ...proposal, status: 'failed', error: record.error };
          records.push(made);
          options.onRecord?.(made);
        },
        signal: options.signal,
      },
    );
    if (outcome.interrupted) {
      state.interrupted = true;
      return null;
    }
    if (shard !== null) {
      state.shard = { ran: mine.length, round: proposals };
      return null;
    }
    return records;
  };
  try {
    const result = await driveSampler(sampler, run, options.known, options);
    if (result !== null) return { status: 'complete', result };
    if (state.shard !== null) return { status: 'shard-done', ...state.shard };
    if (state.missing !== null) return { status: 'pending', missing: state.missing };
    return { status: 'interrupted' };
  } catch (error) {
    if (error instanceof SamplerStuck) throw new PartnersimError('calibration-invalid', sampleFailed(calibration.name, error.message));
    throw error;
  } finally {
    await state.executor?.close();
  }
}
