// An analysis's directory: analysis.json (the SweepAnalysis itself, from which its report is rebuilt) and its manifest,
// beside the report's files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisMethod, SweepAnalysis } from '../analysis/sweep-analysis.ts';
import type { MetricName } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import { resultFileDamaged, resultFileMissing } from './messages.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** What an analysis directory's manifest says its `kind` is. */
export const ANALYSIS_KIND = 'partnersim analysis';

/** The file holding the analysis itself, from which `partnersim report` rebuilds the report. */
export const ANALYSIS_FILE = 'analysis.json';

/** The manifest of an analysis directory: what was analysed, by which command, with which partnersim. */
export interface AnalysisManifest {
  readonly kind: typeof ANALYSIS_KIND;
  readonly partnersim: string;
  readonly commit: string | null;
  readonly node: string;
  readonly args: readonly string[];
  readonly sweepDir: string;
  readonly sweepHash: string;
  readonly method: AnalysisMethod;
  readonly metric: MetricName;
  /** The settings asked for (unset: the method's defaults): PRIM's condition and boxes, the bootstrap's resamples and seed. */
  readonly request: {
    readonly where: string | null;
    readonly boxes: number | null;
    readonly resamples?: number;
    readonly seed?: number;
  };
}

/** Returns what an analysis directory is for (see ResultIdentity): this method and metric on this sweep, with these settings. */
export function analysisIdentity(manifest: AnalysisManifest): Readonly<Record<string, unknown>> {
  return {
    kind: manifest.kind,
    sweepHash: manifest.sweepHash,
    method: manifest.method,
    metric: manifest.metric,
    request: manifest.request,
  };
}

/** Returns the analysis's own files, by name: analysis.json and manifest.json (the report's files go beside them). */
export function analysisDirFiles(analysis: SweepAnalysis, manifest: AnalysisManifest): Record<string, string> {
  return {
    [ANALYSIS_FILE]: JSON.stringify(analysis, null, 2) + '\n',
    [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) + '\n',
  };
}

/** Returns the default directory of an analysis of a sweep directory: <sweep dir>-<method>-<metric>. */
export function defaultAnalysisDir(sweepDir: string, method: AnalysisMethod, metric: MetricName): string {
  return `${sweepDir.replace(/\/+$/, '')}-${method}-${metric}`;
}

/** Returns the analysis stored in an analysis directory; throws a PartnersimError when it is missing or damaged. */
export function readAnalysis(dir: string): SweepAnalysis {
  const path = join(dir, ANALYSIS_FILE);
  if (!existsSync(path)) throw new PartnersimError('file-missing', resultFileMissing(dir, ANALYSIS_FILE));
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SweepAnalysis;
  } catch (error) {
    throw new PartnersimError('sweep-damaged', resultFileDamaged(path, (error as Error).message));
  }
}
