// Reports on disk: the files a report adds to a result directory (report.html; for a comparison also comparison.json
// and every chart as SVG and PNG), and `partnersim report DIR`, which rebuilds them from the results stored there.
import { join } from 'node:path';
import { compareScenarios, type ScenarioRuns } from '../analysis/compare.ts';
import type { Comparison } from '../analysis/comparison.ts';
import { fundEndOutcome } from '../analysis/fund-end.ts';
import { reportWritten } from './messages.ts';
import { compareTitle, runReportTitle } from '../report/messages.ts';
import { buildReport } from '../report/build.ts';
import { findingParameterUncertainty } from '../report/calibration-words.ts';
import type { PosteriorDraws } from '../calibration/posterior-draws.ts';
import { ANALYSIS_KIND, readAnalysis, type AnalysisManifest } from '../results/analysis-dir.ts';
import { CALIBRATION_KIND, calibrationReportFiles, replayCalibrationDir } from '../results/calibration-dir.ts';
import { COMPARE_KIND, readComparedRuns, type CompareManifest } from '../results/compare-dir.ts';
import { readResultManifest } from '../results/manifest.ts';
import { readStoredRun } from '../results/read-run.ts';
import { REPORT_FILE, type Provenance } from '../results/run-files.ts';
import { writeFilesInPlace } from '../results/write.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { gitCommit } from './provenance.ts';
import { analysisFiles } from './analyse.ts';

/** Where a report's numbers came from, as its provenance section shows them: a result directory's provenance
 * without the scenario, which a comparison has one of per scenario. */
export type ReportSource = Omit<Provenance, 'scenario' | 'scenarioHash'>;

/** Returns the comparison of these runs with the baseline, with the fund-end outcome when a fund ends. */
export function comparisonOf(runs: readonly ScenarioRuns[], baseline: string): Comparison {
  const comparison = compareScenarios(runs, baseline);
  const ordered = comparison.scenarios.map((summary) => runs.find((run) => run.scenario.name === summary.name) as ScenarioRuns);
  const fundEnd = fundEndOutcome(ordered);
  return fundEnd === undefined ? comparison : { ...comparison, fundEnd };
}

/** Returns the files of a report on these runs, by name: report.html, and with `charts` also comparison.json and
 * charts/<id>.svg and .png. */
export async function reportFiles(
  runs: readonly (ScenarioRuns & { readonly posterior?: PosteriorDraws })[],
  baseline: string,
  source: ReportSource,
  charts: boolean,
): Promise<Record<string, string | Uint8Array>> {
  const comparison = comparisonOf(runs, baseline);
  const others = comparison.scenarios.slice(1).map((s) => s.name);
  const title = others.length === 0 ? runReportTitle(baseline) : compareTitle(others, baseline);
  const provenance = {
    version: source.version,
    commit: source.commit,
    node: source.node,
    command: ['partnersim', ...source.args].join(' '),
    masterSeed: source.masterSeed,
    seeds: source.seeds,
    scenarios: runs.map((run) => ({ name: run.scenario.name, hash: run.scenarioHash })),
  };
  const report = await buildReport(
    title,
    comparison,
    comparison.scenarios.map((s) => runs.find((run) => run.scenario.name === s.name)!.scenario),
    provenance,
    uncertaintyNotes(runs),
  );
  const files: Record<string, string | Uint8Array> = { [REPORT_FILE]: report.html };
  if (!charts) return files;
  files['comparison.json'] = JSON.stringify(comparison, null, 2) + '\n';
  for (const chart of report.charts) {
    files[`charts/${chart.id}.svg`] = chart.svg;
    files[`charts/${chart.id}.png`] = chart.png;
  }
  return files;
}

/** Returns what a report says first when its replicates drew their parameters from a calibration's posterior: that its
 * intervals include parameter uncertainty; nothing otherwise. */
export function uncertaintyNotes(runs: readonly { readonly posterior?: PosteriorDraws }[]): string[] {
  const posterior = runs.find((run) => run.posterior !== undefined)?.posterior;
  return posterior === undefined ? [] : [findingParameterUncertainty(posterior.calibration, posterior.parameters, posterior.particles)];
}

/** `partnersim report DIR`: rebuilds the report of a result directory in place and says where it is. */
export async function reportCommand(dir: string, io: Io): Promise<void> {
  const files = await rebuildReport(dir);
  writeFilesInPlace(dir, files);
  io.out(reportWritten(join(dir, REPORT_FILE)) + '\n');
}

/** Returns the report files of a result directory, rebuilt from the results stored in it: an analysis (from its
 * analysis.json), a calibration (its journal replayed), a comparison (its manifest lists the scenarios'
 * subdirectories and the baseline) or a single run. */
export async function rebuildReport(dir: string): Promise<Record<string, string | Uint8Array>> {
  const manifest = readResultManifest(dir);
  if (manifest.kind === ANALYSIS_KIND) return analysisFiles(readAnalysis(dir), manifest as AnalysisManifest);
  if (manifest.kind === CALIBRATION_KIND) {
    const { manifest: calibration, result } = await replayCalibrationDir(dir);
    return calibrationReportFiles(calibration, result);
  }
  const commit = await gitCommit();
  const source = (args: readonly string[], masterSeed: number, seeds: readonly number[]): ReportSource => ({
    version: VERSION,
    commit,
    node: process.version,
    args,
    masterSeed,
    seeds,
  });
  if (manifest.kind === COMPARE_KIND) {
    const compare = manifest as CompareManifest;
    const runs = readComparedRuns(dir, compare);
    return reportFiles(runs, compare.baseline, source(compare.args, compare.masterSeed, compare.seeds), true);
  }
  const run = readStoredRun(dir);
  return reportFiles([run], run.scenario.name, source(run.args, run.masterSeed, run.seeds), false);
}
