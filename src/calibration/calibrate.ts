// Driving the sampler: round after round, records already known (a journal) are handed back without running them
// again, the others run by whoever drives it. `calibrate` drives it with a simulator function of one's own, in-process:
// the library's entry point for calibrating any model.
import {
  AbcSampler,
  posteriorGeneration,
  recordKey,
  type AbcParameter,
  type AbcProblem,
  type AbcResult,
  type AbcSettings,
  type Generation,
  type Proposal,
  type ProposalRecord,
} from './abc.ts';
import type { Observation } from './distance.ts';
import { summarisePosterior, type PosteriorSummary } from './posterior.ts';

/** Runs a round's proposals that no journal holds; resolves with their records, or null when stopped before the end
 * (interrupted, or a shard that runs only its share). */
export type RoundRunner = (proposals: readonly Proposal[]) => Promise<readonly ProposalRecord[] | null>;

/** What a driver hears: a generation finished (complete or not), and a round about to run (its proposals, and how
 * many of them are already known). */
export interface DriveEvents {
  onGeneration?(generation: Generation): void;
  onRound?(proposals: readonly Proposal[], known: number): void;
}

/** Drives a sampler to the end: each round's known records are taken from `known`, the rest run by `run`. Resolves
 * with the result, or null when `run` stopped before a round was complete. */
export async function driveSampler(
  sampler: AbcSampler,
  run: RoundRunner,
  known: ReadonlyMap<string, ProposalRecord> = new Map(),
  events: DriveEvents = {},
): Promise<AbcResult | null> {
  let reported = 0;
  const report = () => {
    const generations = sampler.finishedGenerations();
    for (; reported < generations.length; reported++) events.onGeneration?.(generations[reported]);
  };
  for (let proposals = sampler.nextRound(); proposals !== null; proposals = sampler.nextRound()) {
    report();
    const found = proposals.flatMap((proposal) => {
      const record = known.get(recordKey(proposal));
      return record === undefined ? [] : [record];
    });
    events.onRound?.(proposals, found.length);
    const missing = proposals.filter((proposal) => !known.has(recordKey(proposal)));
    const records = missing.length === 0 ? [] : await run(missing);
    if (records === null) return null;
    sampler.receive([...found, ...records]);
  }
  report();
  return sampler.result();
}

/** Returns what a sampler made of these records, replayed without running anything: its result when they complete
 * it, or null when a round still needs runs (`partnersim report` rebuilds a calibration's report this way). */
export async function replaySampler(problem: AbcProblem, records: readonly ProposalRecord[]): Promise<AbcResult | null> {
  const known = new Map(records.map((record) => [recordKey(record), record]));
  return driveSampler(new AbcSampler(problem), async () => null, known);
}

/** The settings a calibration takes when it does not say: ABC-SMC with 200 particles over at most 10 generations, each
 * keeping half the previous effective sample size, stopping when acceptance falls below 1%, 100 predictive runs. */
export const DEFAULT_SETTINGS: Omit<AbcSettings, 'seed' | 'tolerance'> = {
  method: 'smc',
  particles: 200,
  generations: 10,
  alpha: 0.5,
  minAcceptance: 0.01,
  budget: null,
  predictive: 100,
  distance: 'rms',
};

/** Returns the default tolerance of a method: rejection accepts a distance of 1 (one uncertainty off on average);
 * ABC-SMC stops on no tolerance (0) but on its other rules. */
export function defaultTolerance(method: AbcSettings['method']): number {
  return method === 'rejection' ? 1 : 0;
}

/** A target of `calibrate`: its observed value and a standard deviation or a 95% interval, and a name for messages. */
export interface CalibrateTarget {
  readonly name?: string;
  readonly observed: number;
  readonly sd?: number | null;
  readonly interval?: readonly [low: number, high: number] | null;
}

/** What `calibrate` fits: parameters with priors, targets, a simulator, and any settings to change. */
export interface CalibrateOptions extends Partial<Omit<AbcSettings, 'seed'>> {
  readonly parameters: readonly AbcParameter[];
  readonly targets: readonly CalibrateTarget[];
  /** Returns the statistics (one per target, in order; null where nothing can be measured) of one run of the model
   * at these parameter values with this seed; a throw fails the run, which is recorded and not accepted. */
  simulate(values: readonly number[], seed: number): readonly (number | null)[] | Promise<readonly (number | null)[]>;
  readonly seed?: number;
  /** Hears each generation as it completes. */
  onGeneration?(generation: Generation): void;
}

/** What `calibrate` returns: the sampler's result and, when a generation completed, the posterior summary. */
export interface Calibrated extends AbcResult {
  readonly posterior: PosteriorSummary | null;
}

/**
 * Fits the parameters of any simulator to observed targets by ABC-SMC (or rejection ABC), running it in this process
 * one proposal at a time. Throws a RangeError for settings that cannot work (no parameters or targets, fewer particles
 * than parameters + 2, a target with neither sd nor interval).
 */
export async function calibrate(options: CalibrateOptions): Promise<Calibrated> {
  const { parameters, targets, simulate, onGeneration, seed = 1, ...given } = options;
  const method = given.method ?? DEFAULT_SETTINGS.method;
  const settings: AbcSettings = {
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
    tolerance: given.tolerance ?? defaultTolerance(method),
    seed,
  };
  const problem: AbcProblem = { parameters, observations: targets.map(toObservation), settings };
  checkProblem(problem);
  const result = await driveSampler(
    new AbcSampler(problem),
    async (proposals) => {
      const records: ProposalRecord[] = [];
      for (const proposal of proposals) records.push(await runOne(simulate, proposal, targets.length));
      return records;
    },
    new Map(),
    { onGeneration },
  );
  const finished = result as AbcResult;
  const posterior = posteriorGeneration(finished.generations);
  return { ...finished, posterior: posterior === undefined ? null : summarisePosterior(parameters, posterior) };
}

/** Returns a target as an observation: its sd or its interval, the other null. */
export function toObservation(target: CalibrateTarget): Observation {
  const [sd, interval] = [target.sd ?? null, target.interval ?? null];
  if ((sd === null) === (interval === null))
    throw new RangeError(`target ${JSON.stringify(target.name ?? target.observed)} needs an sd or an interval, not both`);
  return { observed: target.observed, sd, interval };
}

/** Throws a RangeError naming what cannot work in a problem: no parameters or targets, too few particles, bad settings. */
export function checkProblem({ parameters, observations, settings }: AbcProblem): void {
  if (parameters.length === 0) throw new RangeError('a calibration needs at least one parameter');
  if (observations.length === 0) throw new RangeError('a calibration needs at least one target');
  if (!(Number.isInteger(settings.particles) && settings.particles >= parameters.length + 2))
    throw new RangeError(
      `particles must be a whole number of at least parameters + 2 (${parameters.length + 2}), found ${settings.particles}`,
    );
  if (!(settings.alpha > 0 && settings.alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, found ${settings.alpha}`);
  if (!(Number.isInteger(settings.generations) && settings.generations >= 1))
    throw new RangeError(`generations must be a whole number of at least 1, found ${settings.generations}`);
}

async function runOne(simulate: CalibrateOptions['simulate'], proposal: Proposal, targets: number): Promise<ProposalRecord> {
  try {
    const statistics = [...(await simulate(proposal.values, proposal.seed))];
    if (statistics.length !== targets)
      throw new RangeError(`the simulator returned ${statistics.length} statistics for ${targets} targets`);
    return { ...proposal, status: 'ok', statistics: statistics.map((value) => (value === null || Number.isFinite(value) ? value : null)) };
  } catch (error) {
    return { ...proposal, status: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
