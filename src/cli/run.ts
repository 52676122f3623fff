// `partnersim run`: loads a scenario, runs its replicates and writes the result directory
// (manifest, summary, time series, partnerships, events, and the report), then prints a short summary.
// The report's code and a calibration's posterior are loaded only when a run asks for them (not --no-report; --posterior).
import { aggregateMetrics } from '../analysis/stats.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PartnersimError } from '../errors.ts';
import { join } from 'node:path';
import { networkEveryBeyondRun, replicatesSummary, resultsWritten, runSummary } from './messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { registerNotes } from '../scenario/register.ts';
import { hashScenario } from '../scenario/normalize.ts';
import { MANIFEST_FILE } from '../results/manifest.ts';
import { estimateRunSize } from '../results/estimate.ts';
import { manifestJson, type RunOutcome, runIdentity, summaryJson } from '../results/run-files.ts';
import { defaultNetwork, type NetworkOutput } from '../results/network-output.ts';
import { defaultResultDir, openResultDir, outputError, type PendingResultDir, UNFINISHED_DIR, writeFilesInto } from '../results/write.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { gitCommit } from './provenance.ts';
import { parseCount, parseSeed, parseSteps } from './options.ts';
import type { PosteriorDraws } from '../calibration/posterior-draws.ts';
import { checkRunFits } from './size-check.ts';
import { keepInterrupted, runScenarios } from './run-replicates.ts';
import { withInterrupt } from './interrupt.ts';

/** The options of `partnersim run`, as commander hands them over (numbers still text, to be checked here). */
export interface RunCommandOptions {
  readonly seed?: string;
  readonly steps?: string;
  readonly set: readonly string[];
  readonly reps: string;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly force?: boolean;
  readonly report: boolean;
  readonly networkEvery?: string;
  readonly network: boolean;
  readonly allGraphs?: boolean;
  readonly posterior?: string;
}

/** `partnersim run`: parse, load, check the output, run, write, print (the library does the work, this only joins it
 * up); returns the exit status. */
export async function runCommand(file: string, options: RunCommandOptions, args: readonly string[], io: Io): Promise<number> {
  const reps = parseCount('--reps', options.reps);
  const overrides = [
    ...options.set,
    ...(options.seed === undefined ? [] : [`time.seed=${parseSeed(options.seed)}`]),
    ...(options.steps === undefined ? [] : [`time.steps=${await parseSteps(options.steps)}`]),
  ];
  const scenario = loadScenario(file, nodeHost, { set: overrides });
  const network = parseNetwork(options, scenario.time);
  for (const note of registerNotes(scenario)) io.err(`${note}\n`);
  const masterSeed = scenario.time.seed;
  let posterior: PosteriorDraws | undefined;
  let drawn: ((replicate: number) => Scenario) | undefined;
  if (options.posterior !== undefined) {
    const { posteriorDraws, drawOverrides } = await import('./posterior.ts');
    const draws = posteriorDraws(options.posterior, options.set, [{ file, scenario }], masterSeed, reps);
    posterior = draws;
    drawn = (r) => loadScenario(file, nodeHost, { set: [...overrides, ...drawOverrides(draws, r)] });
  }
  // A run with overrides (or a posterior) has a directory of its own, named after them, so that it never replaces the
  // plain scenario's.
  const named = posterior === undefined ? overrides : [...overrides, `posterior=${posterior.calibration}`];
  const dir = options.out ?? defaultResultDir(scenario.name, named);
  checkRunFits(file, estimateRunSize(scenario, reps, network), dir, (note) => io.err(`${note}\n`));
  const scenarioHash = hashScenario(scenario);
  const identity = runIdentity(scenarioHash, masterSeed, reps, posterior?.hash);
  const pending = openResultDir(dir, {
    identity,
    force: options.force === true,
    onNote: (note) => io.err(`${note}\n`),
    // An interrupted run of the same inputs, writing the same network, is taken up where it stopped.
    resume: { ...identity, network },
  });
  try {
    return await runInto(pending, dir, scenario, scenarioHash, reps, network, options, args, io, posterior, drawn);
  } catch (error) {
    // A full disk or a read-only file system is said in one line; the directory is left as it was.
    throw outputError(dir, error);
  } finally {
    pending.abort();
  }
}

// Runs the replicates into the pending directory, writes the summary, manifest and report beside their tables, and publishes it.
async function runInto(
  pending: PendingResultDir,
  dir: string,
  scenario: Scenario,
  scenarioHash: string,
  reps: number,
  network: NetworkOutput | null,
  options: RunCommandOptions,
  args: readonly string[],
  io: Io,
  posterior?: PosteriorDraws,
  replicateScenario?: (replicate: number) => Scenario,
): Promise<number> {
  const masterSeed = scenario.time.seed;
  // git answers while the replicates run.
  const commit = gitCommit();
  const journal = join(pending.path, UNFINISHED_DIR, 'replicates.jsonl');
  const outcome = await withInterrupt((signal) =>
    runScenarios([{ scenario, dir: pending.path, replicateScenario, network, journal }], reps, io, {
      quiet: options.quiet === true || reps === 1,
      signal,
      resumedFrom: pending.resumedFrom,
    }),
  );
  if (outcome.status === 'failed') return 1;
  if (outcome.status === 'interrupted') return keepInterrupted(outcome, pending, dir, io);
  const [results] = outcome.results;
  const seeds = results.map((result) => result.seed);

  const provenance = {
    version: VERSION,
    commit: await commit,
    node: process.version,
    args,
    scenario,
    scenarioHash,
    masterSeed,
    seeds,
    ...(posterior === undefined ? {} : { posterior }),
  };
  writeFilesInto(pending.path, { [MANIFEST_FILE]: manifestJson(provenance), 'summary.json': summaryJson(results, masterSeed) });
  // The report reads the results as written, so that `partnersim report` rebuilds it byte for byte from the directory.
  if (options.report) {
    const [{ reportFiles }, { readStoredRun }] = await Promise.all([import('./report.ts'), import('../results/read-run.ts')]);
    writeFilesInto(pending.path, await reportFiles([readStoredRun(pending.path, dir)], scenario.name, provenance, false));
  }
  pending.publish();
  io.out(options.quiet === true ? `${dir}\n` : `${summaryText(results, masterSeed)}\n${resultsWritten(dir)}\n`);
  return 0;
}

// The network the run writes: every --network-every steps (at most the run's steps) or yearly, graph files at each
// recorded step with --all-graphs; none with --no-network.
function parseNetwork(options: RunCommandOptions, time: Scenario['time']): NetworkOutput | null {
  if (!options.network) return null;
  const allGraphs = options.allGraphs === true;
  if (options.networkEvery === undefined) return { ...defaultNetwork(time), allGraphs };
  const every = parseCount('--network-every', options.networkEvery);
  if (every > time.steps) throw new PartnersimError('bad-option', networkEveryBeyondRun(options.networkEvery, time.steps));
  return { every, allGraphs };
}

function summaryText(results: readonly RunOutcome[], masterSeed: number): string {
  const [first] = results;
  return results.length === 1
    ? runSummary(first.scenario, masterSeed, first.seed, first.steps, first.organisations, first.metrics)
    : replicatesSummary(
        first.scenario,
        masterSeed,
        results.length,
        first.steps,
        first.organisations,
        aggregateMetrics(results.map((result) => result.metrics)),
      );
}
