// `partnersim run`: loads a scenario, runs its replicates and writes the result directory
// (manifest, summary, time series, partnerships, events, and the report), then prints a short summary.
import type { Command } from 'commander';
import { aggregateMetrics } from '../analysis/stats.ts';
import type { RunResult } from '../engine/types.ts';
import { replicatesSummary, resultsWritten, runSummary } from './messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { hashScenario } from '../scenario/normalize.ts';
import { parseStoredRun } from '../results/read-run.ts';
import { resultFiles, type ResultFile } from '../results/run-files.ts';
import { checkResultDir, defaultResultDir, writeResultDir } from '../results/write.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { gitCommit } from './provenance.ts';
import { collect, parseCount, parseSeed, parseSteps } from './options.ts';
import { reportFiles } from './report.ts';
import { runScenarios } from './run-replicates.ts';

/** The options of `partnersim run`, as commander hands them over (numbers still text, to be checked here). */
interface RunCommandOptions {
  readonly seed?: string;
  readonly steps?: string;
  readonly set: readonly string[];
  readonly reps: string;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly report: boolean;
}

/** Registers `partnersim run SCENARIO` on the program; its action sets `state.code` to 1 when a run fails. */
export function registerRun(program: Command, io: Io, state: { code: number }): void {
  program
    .command('run')
    .description('run a scenario and write its results to results/<scenario name>/ (or --out)')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--seed <n>', "master seed, overriding the scenario's time.seed")
    .option('--steps <n>', "steps to simulate, overriding the scenario's time.steps")
    .option('--set <key=value>', 'override a scenario key, e.g. --set policy.carrot=0.8 (repeatable)', collect, [])
    .option('--reps <n>', 'replicates, each with its own seed derived from the master seed', '1')
    .option('--out <dir>', 'directory to write the results into (default: results/<scenario name>)')
    .option('--quiet', 'print only the results directory')
    .option('--no-report', 'skip report.html (its charts take about a second to draw)')
    .action(async (file: string, options: RunCommandOptions, command: Command) => {
      state.code = await runCommand(file, options, command.parent?.args ?? command.args, io);
    });
}

// Parse, load, check the output, run, write, print: the library does the work, this only joins it up.
async function runCommand(file: string, options: RunCommandOptions, args: readonly string[], io: Io): Promise<number> {
  const reps = parseCount('--reps', options.reps);
  const overrides = [
    ...options.set,
    ...(options.seed === undefined ? [] : [`time.seed=${parseSeed(options.seed)}`]),
    ...(options.steps === undefined ? [] : [`time.steps=${parseSteps(options.steps)}`]),
  ];
  const scenario = loadScenario(file, nodeHost, { set: overrides });
  const dir = options.out ?? defaultResultDir(scenario.name);
  checkResultDir(dir);

  const masterSeed = scenario.time.seed;
  const [results] = runScenarios([scenario], reps, io, options.quiet === true || reps === 1) ?? [];
  if (results === undefined) return 1;
  const seeds = results.map((result) => result.seed);

  const provenance = {
    version: VERSION,
    commit: gitCommit(),
    node: process.version,
    args,
    scenario,
    scenarioHash: hashScenario(scenario),
    masterSeed,
    seeds,
  };
  const files = resultFiles(results, provenance);
  // The report reads the results as written, so that `partnersim report` rebuilds it byte for byte from the directory.
  const report = options.report
    ? await reportFiles([parseStoredRun(dir, (name) => files[name as ResultFile])], scenario.name, provenance, false)
    : {};
  writeResultDir(dir, { ...files, ...report });
  io.out(options.quiet === true ? `${dir}\n` : `${summaryText(results, masterSeed)}\n${resultsWritten(dir)}\n`);
  return 0;
}

function summaryText(results: readonly RunResult[], masterSeed: number): string {
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
