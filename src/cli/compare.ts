// `partnersim compare A.yaml B.yaml ...`: runs every scenario with the same replicate seeds (common random numbers:
// one master seed for all), compares each with the baseline, and writes one directory: each scenario's results as
// `partnersim run` writes them, comparison.json, the charts, and report.html. Prints the key findings.
import type { Command } from 'commander';
import type { RunResult } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import { compareFinished, duplicateScenarioName, unknownBaseline } from './messages.ts';
import { keyFindings } from '../report/findings.ts';
import { loadScenario } from '../scenario/load.ts';
import { hashScenario } from '../scenario/normalize.ts';
import type { Scenario } from '../scenario/schema.ts';
import { COMPARE_KIND, compareManifestJson, defaultCompareDir, scenarioDirs, type CompareManifest } from '../results/compare-dir.ts';
import { MANIFEST_FILE } from '../results/manifest.ts';
import { parseStoredRun } from '../results/read-run.ts';
import { resultFiles, type ResultFile } from '../results/run-files.ts';
import { checkResultDir, writeResultDir } from '../results/write.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { collect, parseCount, parseSeed, parseSteps } from './options.ts';
import { gitCommit } from './provenance.ts';
import { comparisonOf, reportFiles } from './report.ts';
import { runScenarios } from './run-replicates.ts';

// A scenario's runs as the engine returned them (with their seeds), before they are written.
interface CompletedRuns {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly results: readonly RunResult[];
}

interface CompareOptions {
  readonly reps: string;
  readonly baseline?: string;
  readonly seed?: string;
  readonly steps?: string;
  readonly set: readonly string[];
  readonly out?: string;
  readonly quiet?: boolean;
}

/** The replicates a comparison runs by default: enough for intervals that mean something, few enough to be quick. */
export const DEFAULT_COMPARE_REPS = 10;

/** Registers `partnersim compare SCENARIO...`; its action sets `state.code` to 1 when a run fails. */
export function registerCompare(program: Command, io: Io, state: { code: number }): void {
  program
    .command('compare')
    .description('run scenarios with the same replicate seeds and compare each with a baseline: statistics, charts and report.html')
    .argument('<scenarios...>', 'scenario files (YAML or JSON); the first is the baseline unless --baseline says otherwise')
    .option('--reps <n>', 'replicates of each scenario, paired across scenarios by seed', String(DEFAULT_COMPARE_REPS))
    .option('--baseline <name>', 'the scenario the others are compared with: its name or its file (default: the first)')
    .option('--seed <n>', "master seed for every scenario (default: the baseline's time.seed)")
    .option('--steps <n>', "steps to simulate in every scenario, overriding each scenario's time.steps")
    .option('--set <key=value>', 'override a key in every scenario, e.g. --set market.competition=0.6 (repeatable)', collect, [])
    .option('--out <dir>', 'directory for the comparison (default: results/compare-<names>)')
    .option('--quiet', 'print only the directory')
    .action(async (files: string[], options: CompareOptions, command: Command) => {
      state.code = await compareCommand(files, options, command.parent?.args ?? command.args, io);
    });
}

async function compareCommand(files: readonly string[], options: CompareOptions, args: readonly string[], io: Io): Promise<number> {
  const reps = parseCount('--reps', options.reps);
  const steps = options.steps === undefined ? [] : [`time.steps=${parseSteps(options.steps)}`];
  const loaded = files.map((file) => loadScenario(file, nodeHost, { set: [...options.set, ...steps] }));
  loaded.forEach((scenario, i) => {
    const first = loaded.findIndex((other) => other.name === scenario.name);
    if (first < i) throw new PartnersimError('bad-option', duplicateScenarioName(scenario.name, files[first], files[i]));
  });
  const baselineIndex =
    options.baseline === undefined ? 0 : loaded.findIndex((s, i) => s.name === options.baseline || files[i] === options.baseline);
  if (baselineIndex < 0)
    throw new PartnersimError(
      'bad-option',
      unknownBaseline(
        options.baseline ?? '',
        loaded.map((s) => s.name),
      ),
    );
  // Common random numbers: every scenario runs under one master seed, so replicate r has the same seed everywhere.
  const masterSeed = options.seed === undefined ? loaded[baselineIndex].time.seed : parseSeed(options.seed);
  const scenarios = loaded.map((scenario): Scenario => ({ ...scenario, time: { ...scenario.time, seed: masterSeed } }));
  const baseline = scenarios[baselineIndex].name;
  const dir = options.out ?? defaultCompareDir(scenarios.map((s) => s.name));
  checkResultDir(dir);

  const results = runScenarios(scenarios, reps, io, options.quiet === true);
  if (results === null) return 1;
  const runs: CompletedRuns[] = scenarios.map((scenario, i) => ({ scenario, scenarioHash: hashScenario(scenario), results: results[i] }));
  const seeds = runs[0].results.map((result) => result.seed);
  const source = { version: VERSION, commit: gitCommit(), node: process.version, args, masterSeed, seeds };
  const subdirs = scenarioDirs(scenarios.map((s) => s.name));
  const output: Record<string, string | Uint8Array> = {};
  const stored = runs.map((run, i) => {
    const files = resultFiles(run.results, { ...source, scenario: run.scenario, scenarioHash: run.scenarioHash });
    for (const [name, text] of Object.entries(files)) output[`${subdirs[i]}/${name}`] = text;
    // The report reads the results as written, so that `partnersim report` rebuilds it byte for byte from the directory.
    return parseStoredRun(subdirs[i], (name) => files[name as ResultFile]);
  });
  Object.assign(output, await reportFiles(stored, baseline, source, true));
  const manifest: CompareManifest = {
    kind: COMPARE_KIND,
    partnersim: VERSION,
    commit: source.commit,
    node: source.node,
    args,
    baseline,
    masterSeed,
    reps,
    seeds,
    scenarios: runs.map((run, i) => ({ name: run.scenario.name, dir: subdirs[i], scenarioHash: run.scenarioHash })),
  };
  output[MANIFEST_FILE] = compareManifestJson(manifest);
  writeResultDir(dir, output);
  const findings = keyFindings(comparisonOf(stored, baseline));
  io.out(options.quiet === true ? `${dir}\n` : compareFinished(findings, dir) + '\n');
  return 0;
}
