// `partnersim analyse SWEEP_RESULTS`: reads a finished sweep and answers which levers matter (Sobol' indices, Morris
// elementary effects) or where in the lever space an outcome holds (PRIM), writing analysis.json, the charts and
// report.html into one directory, atomically. Prints the key findings.
import { isMetricName } from '../sweep/schema.ts';
import { analyseSweep, type AnalysisRequest } from '../analysis/analyse-sweep.ts';
import { ANALYSIS_METHODS, type AnalysisMethod, type Condition, type SweepAnalysis } from '../analysis/sweep-analysis.ts';
import { METRIC_NAMES, type MetricName } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import { analyseIncomplete, analyseShard, metricNotRecorded, unknownMethod, whereUnparsable } from '../analysis/messages.ts';
import { analysisFinished } from './messages.ts';
import { analysisTitle } from '../report/messages.ts';
import { analysisFindings } from '../report/analysis-findings.ts';
import { buildAnalysisReport } from '../report/build.ts';
import { ANALYSIS_KIND, analysisDirFiles, analysisIdentity, defaultAnalysisDir, type AnalysisManifest } from '../results/analysis-dir.ts';
import { REPORT_FILE } from '../results/run-files.ts';
import { readPart } from '../results/sweep-dir.ts';
import { writeResultDir } from '../results/write.ts';
import { shardText } from '../sweep/manifest.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { parseCount, parseSeed } from './options.ts';
import { gitCommit } from './provenance.ts';

export interface AnalyseOptions {
  readonly method?: string;
  readonly metric?: string;
  readonly where?: string;
  readonly boxes: string;
  readonly resamples?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly force?: boolean;
}

/** `partnersim analyse SWEEP_RESULTS`: analyses a finished sweep and writes the analysis directory; returns the exit status. */
export async function analyseCommand(dir: string, options: AnalyseOptions, args: readonly string[], io: Io): Promise<number> {
  const part = readPart(dir);
  const { manifest } = part;
  if (manifest.shard !== null)
    throw new PartnersimError('sweep-incomplete', analyseShard(dir, manifest.sweep.name, shardText(manifest.shard)));
  if (manifest.status !== 'complete')
    throw new PartnersimError('sweep-incomplete', analyseIncomplete(dir, manifest.sweep.name, part.records.length, manifest.runs));
  const recorded = manifest.sweep.record.metrics.filter(isMetricName);
  const request: AnalysisRequest = {
    method: options.method === undefined ? undefined : parseMethod(options.method),
    metric: options.metric === undefined ? undefined : parseMetric(options.metric, manifest.sweep.name, recorded),
    condition: options.where === undefined ? undefined : parseCondition(options.where, recorded),
    bootstrap: {
      ...(options.resamples === undefined ? {} : { resamples: parseCount('--resamples', options.resamples) }),
      ...(options.seed === undefined ? {} : { seed: parseSeed(options.seed) }),
    },
    prim: { maxBoxes: parseCount('--boxes', options.boxes) },
  };
  const analysis = analyseSweep(manifest, part.records, request);
  const out = options.out ?? defaultAnalysisDir(dir, analysis.method, analysis.metric);
  const analysisManifest: AnalysisManifest = {
    kind: ANALYSIS_KIND,
    partnersim: VERSION,
    commit: await gitCommit(),
    node: process.version,
    args,
    sweepDir: dir,
    sweepHash: manifest.hash,
    method: analysis.method,
    metric: analysis.metric,
    request: { where: options.where ?? null, boxes: request.prim?.maxBoxes ?? null, ...request.bootstrap },
  };
  writeResultDir(out, await analysisFiles(analysis, analysisManifest), {
    identity: analysisIdentity(analysisManifest),
    force: options.force === true,
    onNote: (note) => io.err(`${note}\n`),
  });
  io.out(options.quiet === true ? `${out}\n` : analysisFinished(analysisFindings(analysis), out) + '\n');
  return 0;
}

/** Returns the files of an analysis directory, by name: analysis.json, report.html, charts/<id>.svg and .png, manifest.json. */
export async function analysisFiles(analysis: SweepAnalysis, manifest: AnalysisManifest): Promise<Record<string, string | Uint8Array>> {
  const subject = analysis.method === 'prim' ? conditionText(analysis.condition) : analysis.metric;
  const report = await buildAnalysisReport(analysisTitle(analysis.method, analysis.sweep.name, subject), analysis, {
    version: manifest.partnersim,
    commit: manifest.commit,
    node: manifest.node,
    command: ['partnersim', ...manifest.args].join(' '),
  });
  const files: Record<string, string | Uint8Array> = { ...analysisDirFiles(analysis, manifest), [REPORT_FILE]: report.html };
  for (const chart of report.charts) {
    files[`charts/${chart.id}.svg`] = chart.svg;
    files[`charts/${chart.id}.png`] = chart.png;
  }
  return files;
}

/** Returns a condition as written: `survival5y >= 0.6`. */
export function conditionText(condition: Condition): string {
  return `${condition.metric} ${condition.op} ${condition.value}`;
}

function parseMethod(text: string): AnalysisMethod {
  if ((ANALYSIS_METHODS as readonly string[]).includes(text)) return text as AnalysisMethod;
  throw new PartnersimError('bad-option', unknownMethod(text, ANALYSIS_METHODS));
}

function parseMetric(text: string, sweep: string, recorded: readonly MetricName[]): MetricName {
  if ((recorded as readonly string[]).includes(text)) return text as MetricName;
  throw new PartnersimError('bad-option', metricNotRecorded(text, sweep, recorded));
}

/** Returns the condition `--where` names, such as `survival5y >= 0.6`; throws a PartnersimError saying how to write one otherwise. */
export function parseCondition(text: string, recorded: readonly MetricName[] = METRIC_NAMES): Condition {
  const match = /^\s*([A-Za-z0-9]+)\s*(>=|<=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i.exec(text);
  if (match === null || !(METRIC_NAMES as readonly string[]).includes(match[1]))
    throw new PartnersimError('bad-option', whereUnparsable(text, recorded));
  return { metric: match[1] as MetricName, op: match[2] as Condition['op'], value: Number(match[3]) };
}
