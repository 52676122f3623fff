// `partnersim compare A.yaml B.yaml ...`: runs every scenario with the same replicate seeds (common random numbers:
// one master seed for all), compares each with the baseline, and writes one directory: each scenario's results as
// `partnersim run` writes them, comparison.json, the charts, and report.html. Prints the key findings.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import { compareFinished, duplicateScenarioName, unknownBaseline } from './messages.ts';
import { keyFindings } from '../report/findings.ts';
import { loadScenario } from '../scenario/load.ts';
import { registerNotes } from '../scenario/register.ts';
import { hashScenario } from '../scenario/normalize.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  COMPARE_KIND,
  compareIdentity,
  compareManifestJson,
  defaultCompareDir,
  scenarioDirs,
  type CompareManifest,
} from '../results/compare-dir.ts';
import { MANIFEST_FILE } from '../results/manifest.ts';
import { readStoredRun } from '../results/read-run.ts';
import { manifestJson, summaryJson } from '../results/run-files.ts';
import { openResultDir, outputError, UNFINISHED_DIR, writeFilesInto } from '../results/write.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { parseCount, parseSeed, parseSteps } from './options.ts';
import { gitCommit } from './provenance.ts';
import { drawOverrides, posteriorDraws } from './posterior.ts';
import { comparisonOf, reportFiles, uncertaintyNotes } from './report.ts';
import { keepInterrupted, runScenarios } from './run-replicates.ts';
import { withInterrupt } from './interrupt.ts';
import { checkRunFits } from './size-check.ts';
import { estimateRunSize } from '../results/estimate.ts';

export interface CompareOptions {
  readonly reps: string;
  readonly baseline?: string;
  readonly seed?: string;
  readonly steps?: string;
  readonly set: readonly string[];
  readonly out?: string;
  readonly quiet?: boolean;
  readonly posterior?: string;
  readonly force?: boolean;
}

/** `partnersim compare`: runs the scenarios, compares them and writes the directory; returns the exit status. */
export async function compareCommand(files: readonly string[], options: CompareOptions, args: readonly string[], io: Io): Promise<number> {
  const reps = parseCount('--reps', options.reps);
  const steps = options.steps === undefined ? [] : [`time.steps=${await parseSteps(options.steps)}`];
  const loaded = files.map((file) => loadScenario(file, nodeHost, { set: [...options.set, ...steps] }));
  for (const note of loaded.flatMap(registerNotes)) io.err(`${note}\n`);
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
  const posterior =
    options.posterior === undefined
      ? undefined
      : posteriorDraws(
          options.posterior,
          options.set,
          loaded.map((scenario, i) => ({ file: files[i], scenario })),
          masterSeed,
          reps,
        );
  const named = defaultCompareDir(scenarios.map((s) => s.name));
  const dir = options.out ?? (posterior === undefined ? named : `${named}+posterior=${posterior.calibration}`);
  const subdirs = scenarioDirs(scenarios.map((s) => s.name));
  const entries = scenarios.map((scenario, i) => ({ name: scenario.name, dir: subdirs[i], scenarioHash: hashScenario(scenario) }));
  const sizes = scenarios.map((scenario) => estimateRunSize(scenario, reps, null));
  const largest = sizes.reduce((a, b) => (b.memoryBytes > a.memoryBytes ? b : a));
  const outputBytes = sizes.reduce((total, size) => total + size.outputBytes, 0);
  checkRunFits(files[sizes.indexOf(largest)], { ...largest, outputBytes }, dir, (note) => io.err(`${note}\n`));
  const identity = compareIdentity(baseline, masterSeed, reps, entries, posterior?.hash);
  const pending = openResultDir(dir, {
    identity,
    force: options.force === true,
    onNote: (note) => io.err(`${note}\n`),
    // An interrupted comparison of the same inputs is taken up where it stopped.
    resume: identity,
  });
  try {
    // Replicate r of every scenario runs the same drawn parameter set, under the common master seed.
    const targets = scenarios.map((scenario, i) => ({
      scenario,
      dir: join(pending.path, subdirs[i]),
      journal: join(pending.path, UNFINISHED_DIR, `replicates-${i}.jsonl`),
      replicateScenario:
        posterior &&
        ((r: number): Scenario => {
          const drawn = loadScenario(files[i], nodeHost, { set: [...options.set, ...steps, ...drawOverrides(posterior, r)] });
          return { ...drawn, time: { ...drawn.time, seed: masterSeed } };
        }),
    }));
    for (const target of targets) mkdirSync(target.dir, { recursive: true });
    // git answers while the replicates run.
    const commit = gitCommit();
    const outcome = await withInterrupt((signal) =>
      runScenarios(targets, reps, io, { quiet: options.quiet === true, signal, resumedFrom: pending.resumedFrom }),
    );
    if (outcome.status === 'failed') return 1;
    if (outcome.status === 'interrupted') return keepInterrupted(outcome, pending, dir, io);
    const { results } = outcome;
    const seeds = results[0].map((result) => result.seed);
    const source = {
      version: VERSION,
      commit: await commit,
      node: process.version,
      args,
      masterSeed,
      seeds,
      ...(posterior === undefined ? {} : { posterior }),
    };
    const stored = scenarios.map((scenario, i) => {
      const provenance = { ...source, scenario, scenarioHash: entries[i].scenarioHash };
      writeFilesInto(targets[i].dir, { [MANIFEST_FILE]: manifestJson(provenance), 'summary.json': summaryJson(results[i], masterSeed) });
      // The report reads the results as written, so that `partnersim report` rebuilds it byte for byte from the directory.
      return readStoredRun(targets[i].dir, subdirs[i]);
    });
    writeFilesInto(pending.path, await reportFiles(stored, baseline, source, true));
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
      scenarios: entries,
      ...(posterior === undefined ? {} : { posterior: posterior.hash }),
    };
    writeFilesInto(pending.path, { [MANIFEST_FILE]: compareManifestJson(manifest) });
    pending.publish();
    const findings = [...uncertaintyNotes(stored), ...keyFindings(comparisonOf(stored, baseline))];
    io.out(options.quiet === true ? `${dir}\n` : compareFinished(findings, dir) + '\n');
    return 0;
  } catch (error) {
    // A full disk or a read-only file system is said in one line; the directory is left as it was.
    throw outputError(dir, error);
  } finally {
    pending.abort();
  }
}
