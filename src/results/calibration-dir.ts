// A calibration's directory on disk. While it runs, `journal.jsonl` gains one line per finished run (proposals of
// every generation, then the predictive check), in the order runs finish, so a killed calibration loses nothing it
// finished and resumes by replaying the journal; shards keep their own journals under <dir>.parts/shard-<i>, merged
// into the directory's. Once the sampler has finished, the tables, posterior.json and calibrated.yaml are written and
// the journal rewritten sorted, each file atomically: the same records give the same bytes, however they were made.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  CHECK,
  isFailedRecord,
  posteriorGeneration,
  recordKey,
  type AbcResult,
  type GenerationBrief,
  type ProposalRecord,
} from '../calibration/abc.ts';
import { replaySampler } from '../calibration/calibrate.ts';
import type { LoadedCalibration } from '../calibration/load.ts';
import * as message from '../calibration/messages.ts';
import { predictiveCheck, summarisePosterior, type PosteriorSummary, type TargetCheck } from '../calibration/posterior.ts';
import type { CalibrationSpec, CalibrationTarget } from '../calibration/schema.ts';
import { statisticIds } from '../calibration/statistics.ts';
import { PartnersimError } from '../errors.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { pointScenario } from '../sweep/expand.ts';
import { sameShard, shardText, type Shard } from '../sweep/manifest.ts';
import { encodeTable, type Cell, type Column, type TableFormat } from '../sweep/table.ts';
import { buildCalibrationReport } from '../report/calibration-build.ts';
import type { CalibrationView } from '../report/calibration-findings.ts';
import { VERSION } from '../version.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { resultDirOccupied } from './messages.ts';
import { REPORT_FILE } from './run-files.ts';
import { JOURNAL_FILE } from './sweep-dir.ts';
import { makeDirectories, writeFileAtomic } from './write.ts';

/** What a calibration directory's manifest says its `kind` is. */
export const CALIBRATION_KIND = 'partnersim calibration';
/** The posterior's file: its summary, each target's predictive check, and the particles to draw from. */
export const POSTERIOR_FILE = 'posterior.json';
/** The scenario with the posterior medians, which partnersim run takes. */
export const CALIBRATED_FILE = 'calibrated.yaml';

/** The manifest of a calibration directory: what the calibration is, who made it, which part this is and how far it got. */
export interface CalibrationManifest {
  readonly kind: typeof CALIBRATION_KIND;
  readonly hash: string;
  readonly partnersim: string;
  readonly commit: string | null;
  readonly node: string;
  readonly format: TableFormat;
  readonly shard: Shard;
  /** The calibration file as given on the command line: what the report shows as the command. */
  readonly file: string;
  readonly calibration: CalibrationSpec;
  readonly seedRule: string;
  readonly scenarioHash: string;
  readonly scenario: Scenario;
  readonly status: 'running' | 'complete';
  /** Once complete: the sampler's runs, the predictive check's, why it stopped, and each generation in brief. */
  readonly runs?: number;
  readonly checkRuns?: number;
  readonly stop?: AbcResult['stop'];
  readonly generations?: readonly GenerationBrief[];
}

/** How proposal seeds are made, in words, for the manifest. */
export const CALIBRATION_SEED_RULE =
  'proposal g:i draws its values from deriveSeed(seed, "proposal", g, i) and runs with seed deriveSeed(seed, "run", g, i); predictive check run i draws its particle from deriveSeed(seed, "check", i) and runs with deriveSeed(seed, "check-run", i)';

/** Returns the manifest a calibration directory (or a shard's) starts with. */
export function startCalibrationManifest(
  loaded: LoadedCalibration,
  options: {
    readonly file: string;
    readonly format: TableFormat;
    readonly shard: Shard;
    readonly provenance: { readonly commit: string | null; readonly node: string };
  },
): CalibrationManifest {
  const { scenario: _path, ...calibration } = loaded.calibration;
  return {
    kind: CALIBRATION_KIND,
    hash: loaded.hash,
    partnersim: VERSION,
    commit: options.provenance.commit,
    node: options.provenance.node,
    format: options.format,
    shard: options.shard,
    file: options.file,
    calibration,
    seedRule: CALIBRATION_SEED_RULE,
    scenarioHash: loaded.scenarioHash,
    scenario: loaded.scenario,
    status: 'running',
  };
}

/** Returns a calibration directory's manifest, or throws a PartnersimError saying the directory holds no calibration. */
export function readCalibrationManifest(dir: string): CalibrationManifest {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new PartnersimError('calibration-mismatch', message.notACalibrationDir(dir));
  }
  const manifest = parseJson(text, join(dir, MANIFEST_FILE), 1) as CalibrationManifest;
  if (manifest?.kind !== CALIBRATION_KIND) throw new PartnersimError('calibration-mismatch', message.notACalibrationDir(dir));
  return manifest;
}

/** Returns the records of a calibration directory's journal, the last of each proposal kept; a last line cut short by a
 * kill is left out. */
export function readCalibrationJournal(dir: string): ProposalRecord[] {
  const path = join(dir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  // Only lines that ended with a newline were written whole.
  return latestProposals(lines.slice(0, -1).map((line, i) => parseJson(line, path, i + 1) as ProposalRecord));
}

/** Returns records with the last one of each proposal kept, in journal order of first appearance. */
export function latestProposals(records: readonly ProposalRecord[]): ProposalRecord[] {
  const byKey = new Map<string, ProposalRecord>();
  for (const record of records) byKey.set(recordKey(record), record);
  return [...byKey.values()];
}

// A file partnersim wrote that no longer parses was changed by hand or damaged on disk: say where, not a stack trace.
function parseJson(text: string, path: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PartnersimError('calibration-damaged', message.damagedCalibrationFile(path, line, (error as Error).message));
  }
}

/** Prepares a directory for a calibration (or a shard of one) and returns the records it already holds: a new directory
 * gets the manifest; one holding the same calibration (and shard, and format) is resumed. Refuses anything else. */
export function openCalibrationDir(dir: string, manifest: CalibrationManifest): ProposalRecord[] {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new PartnersimError('output-occupied', resultDirOccupied(dir, 'a file'));
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      if (!entries.includes(MANIFEST_FILE))
        throw new PartnersimError('output-occupied', resultDirOccupied(dir, 'files that are not partnersim results'));
      checkSameCalibration(dir, readCalibrationManifest(dir), manifest);
      return readCalibrationJournal(dir);
    }
  }
  makeDirectories(dir);
  writeFileAtomic(join(dir, MANIFEST_FILE), renderCalibrationManifest(manifest));
  return [];
}

/** Throws a PartnersimError when a directory's manifest is of another calibration, shard or format than expected. */
export function checkSameCalibration(dir: string, found: CalibrationManifest, expected: CalibrationManifest): void {
  if (found.hash !== expected.hash)
    throw new PartnersimError(
      'calibration-mismatch',
      message.resumeOtherCalibration(dir, found.calibration.name, found.hash, expected.calibration.name, expected.hash),
    );
  if (!sameShard(found.shard, expected.shard))
    throw new PartnersimError(
      'calibration-mismatch',
      message.resumeOtherCalibrationShard(dir, shardText(found.shard), shardText(expected.shard)),
    );
  if (found.format !== expected.format)
    throw new PartnersimError('calibration-mismatch', message.resumeOtherCalibrationFormat(dir, found.format, expected.format));
}

/** Returns a manifest as it is written: indented JSON with a final newline. */
export function renderCalibrationManifest(manifest: CalibrationManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns the journal's records in their canonical order: generations in order, then the predictive check, each by index. */
export function sortProposals(records: readonly ProposalRecord[]): ProposalRecord[] {
  const rank = (record: ProposalRecord) => (record.generation === CHECK ? Number.POSITIVE_INFINITY : record.generation);
  return [...records].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

/** The posterior's file: the summary, each target with its predictive check, and the particles (values and weights). */
export interface PosteriorFile {
  readonly kind: 'partnersim posterior';
  readonly calibration: string;
  readonly hash: string;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly summary: PosteriorSummary;
  readonly targets: readonly (CalibrationTarget & { readonly id: string; readonly check: TargetCheck })[];
  /** The last complete generation's particles, in proposal order: the posterior to draw parameter sets from. */
  readonly draws: {
    readonly parameters: readonly string[];
    readonly particles: readonly { readonly index: number; readonly weight: number; readonly values: readonly number[] }[];
  };
}

/** Returns the posterior file of a finished calibration, or null when no generation completed. */
export function posteriorFile(manifest: CalibrationManifest, result: AbcResult): PosteriorFile | null {
  const { calibration } = manifest;
  const generation = posteriorGeneration(result.generations);
  if (generation === undefined) return null;
  const checks = predictiveCheck(calibration.targets, result.check);
  const ids = statisticIds(calibration.targets);
  return {
    kind: 'partnersim posterior',
    calibration: calibration.name,
    hash: manifest.hash,
    scenario: manifest.scenario.name,
    scenarioHash: manifest.scenarioHash,
    summary: summarisePosterior(calibration.parameters, generation),
    targets: calibration.targets.map((target, k) => ({ id: ids[k], ...target, check: checks[k] })),
    draws: {
      parameters: calibration.parameters.map((p) => p.name),
      particles: generation.particles.map(({ index, weight, values }) => ({ index, weight, values })),
    },
  };
}

/** Returns the text of calibrated.yaml: the base scenario as written (extends applied) with each parameter set to its
 * posterior median, normalised, as a proposal's scenario is made. */
export function calibratedYaml(manifest: CalibrationManifest, posterior: PosteriorFile, scenarioInput: ScenarioInput): string {
  const { calibration, scenario } = manifest;
  const medians = posterior.summary.parameters.map((p) => p.median);
  const keys = posterior.summary.parameters.map((p) => ({ key: p.name }));
  const name = `${calibration.name}-calibrated`;
  const values = keys.map(({ key }, k) => `${key} ${medians[k]}`).join(', ');
  const description = `${scenario.name} with the posterior medians of calibration ${calibration.name}: ${values}.`;
  const calibrated = { ...pointScenario(scenarioInput, name, keys, medians), name, description };
  const header = [
    `# ${name}: scenario ${scenario.name} (hash ${manifest.scenarioHash}) with the posterior medians of calibration`,
    `# ${calibration.name} (hash ${manifest.hash}), generation ${posterior.summary.generation} (${posterior.summary.particles} particles), written by partnersim ${manifest.partnersim}.`,
    '# Run it with: partnersim run calibrated.yaml. To carry the posterior uncertainty, not only its medians,',
    '# use: partnersim run SCENARIO --posterior <this directory> (or compare --posterior).',
  ];
  return `${header.join('\n')}\n${stringify(calibrated, { lineWidth: 0 })}`;
}

/** A table of a calibration directory: its columns and rows. */
export interface CalibrationTable {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Returns the tables of a finished calibration, by file stem: `particles` (every generation's accepted particles with
 * their weights, distances and statistics), `proposals` (every run the sampler used, accepted or not), `generations`
 * (each in brief) and `check` (the predictive check's runs). */
export function calibrationTables(calibration: CalibrationSpec, result: AbcResult): Record<string, CalibrationTable> {
  const keys = calibration.parameters.map((p): Column => ({ name: p.name, type: 'float' }));
  const targets = statisticIds(calibration.targets).map((id): Column => ({ name: id, type: 'float' }));
  const ids: Column[] = [
    { name: 'generation', type: 'int' },
    { name: 'index', type: 'int' },
    { name: 'seed', type: 'int' },
  ];
  const statistics = (record: ProposalRecord): (number | null)[] =>
    isFailedRecord(record) ? calibration.targets.map(() => null) : [...record.statistics];
  const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);
  const particles = {
    columns: [...ids, ...keys, { name: 'weight', type: 'float' }, { name: 'distance', type: 'float' }, ...targets] as Column[],
    rows: result.generations.flatMap((g) =>
      g.particles.map((p): Cell[] => [
        g.generation,
        p.index,
        (g.records[p.index] as ProposalRecord).seed,
        ...p.values,
        p.weight,
        finite(p.distance),
        ...p.statistics,
      ]),
    ),
  };
  const proposals = {
    columns: [
      ...ids,
      ...keys,
      { name: 'status', type: 'string' },
      { name: 'error', type: 'string' },
      { name: 'distance', type: 'float' },
      { name: 'accepted', type: 'int' },
      ...targets,
    ] as Column[],
    rows: result.generations.flatMap((g) =>
      g.records.map((r): Cell[] => [
        g.generation,
        r.index,
        r.seed,
        ...r.values,
        r.status,
        isFailedRecord(r) ? r.error.split('\n')[0] : null,
        finite(r.distance),
        Number(r.accepted),
        ...statistics(r),
      ]),
    ),
  };
  const generations = {
    columns: [
      { name: 'generation', type: 'int' },
      { name: 'complete', type: 'int' },
      { name: 'tolerance', type: 'float' },
      { name: 'proposals', type: 'int' },
      { name: 'accepted', type: 'int' },
      { name: 'failed', type: 'int' },
      { name: 'acceptanceRate', type: 'float' },
      { name: 'ess', type: 'float' },
    ] as Column[],
    rows: generationBriefs(result).map((g): Cell[] => [
      g.generation,
      Number(g.complete),
      g.tolerance,
      g.proposals,
      g.accepted,
      g.failed,
      g.acceptanceRate,
      g.ess,
    ]),
  };
  const check = {
    columns: [
      { name: 'index', type: 'int' },
      { name: 'particle', type: 'int' },
      { name: 'seed', type: 'int' },
      ...keys,
      { name: 'status', type: 'string' },
      { name: 'error', type: 'string' },
      ...targets,
    ] as Column[],
    rows: result.check.map((r): Cell[] => [
      r.index,
      r.particle ?? null,
      r.seed,
      ...r.values,
      r.status,
      isFailedRecord(r) ? r.error.split('\n')[0] : null,
      ...statistics(r),
    ]),
  };
  return { particles, proposals, generations, check };
}

/** Returns each generation in brief. */
export function generationBriefs(result: AbcResult): GenerationBrief[] {
  return result.generations.map(({ generation, complete, tolerance, proposals, accepted, failed, acceptanceRate, ess }) => ({
    generation,
    complete,
    tolerance,
    proposals,
    accepted,
    failed,
    acceptanceRate,
    ess,
  }));
}

/** Returns the files of a finished calibration's directory, by name: the tables in its format, posterior.json and
 * calibrated.yaml (when a generation completed), the journal sorted, and the manifest marked complete. */
export function completeCalibrationFiles(
  manifest: CalibrationManifest,
  result: AbcResult,
  records: readonly ProposalRecord[],
  scenarioInput: ScenarioInput,
): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (const [stem, table] of Object.entries(calibrationTables(manifest.calibration, result)))
    files[`${stem}.${manifest.format}`] = encodeTable(table.columns, table.rows, manifest.format);
  const posterior = posteriorFile(manifest, result);
  if (posterior !== null) {
    files[POSTERIOR_FILE] = JSON.stringify(posterior, null, 2) + '\n';
    files[CALIBRATED_FILE] = calibratedYaml(manifest, posterior, scenarioInput);
  }
  files[JOURNAL_FILE] = sortProposals(latestProposals(records))
    .map((record) => JSON.stringify(record) + '\n')
    .join('');
  files[MANIFEST_FILE] = renderCalibrationManifest({
    ...manifest,
    status: 'complete',
    runs: result.runs,
    checkRuns: result.check.length,
    stop: result.stop,
    generations: generationBriefs(result),
  });
  return files;
}

/** Returns the posterior file of a calibration directory; throws a PartnersimError when it has none or it is damaged. */
export function readPosteriorFile(dir: string): PosteriorFile {
  const manifest = readCalibrationManifest(dir);
  const path = join(dir, POSTERIOR_FILE);
  if (manifest.status !== 'complete' || !existsSync(path))
    throw new PartnersimError('calibration-mismatch', message.noPosterior(dir, manifest.calibration.name));
  return parseJson(readFileSync(path, 'utf8'), path, 1) as PosteriorFile;
}

/** Returns what a calibration's report shows, from its manifest and what the sampler found. */
export function calibrationView(manifest: CalibrationManifest, result: AbcResult): CalibrationView {
  const generation = posteriorGeneration(result.generations);
  const { calibration } = manifest;
  return {
    calibration,
    hash: manifest.hash,
    scenario: { name: manifest.scenario.name, hash: manifest.scenarioHash },
    result,
    posterior: generation === undefined ? null : summarisePosterior(calibration.parameters, generation),
    checks: generation === undefined ? null : predictiveCheck(calibration.targets, result.check),
  };
}

/** Returns the report files of a calibration, by name: report.html and charts/<id>.svg and .png. */
export async function calibrationReportFiles(
  manifest: CalibrationManifest,
  result: AbcResult,
): Promise<Record<string, string | Uint8Array>> {
  const report = await buildCalibrationReport(calibrationView(manifest, result), {
    version: manifest.partnersim,
    commit: manifest.commit,
    node: manifest.node,
    command: `partnersim calibrate ${manifest.file}`,
  });
  const files: Record<string, string | Uint8Array> = { [REPORT_FILE]: report.html };
  for (const chart of report.charts) {
    files[`charts/${chart.id}.svg`] = chart.svg;
    files[`charts/${chart.id}.png`] = chart.png;
  }
  return files;
}

/** Returns what the sampler made of a calibration directory's journal, replayed without running anything; throws a
 * PartnersimError when the journal does not complete it. */
export async function replayCalibrationDir(dir: string): Promise<{ manifest: CalibrationManifest; result: AbcResult }> {
  const manifest = readCalibrationManifest(dir);
  const { parameters, targets, settings } = manifest.calibration;
  const result = await replaySampler({ parameters, observations: targets, settings }, readCalibrationJournal(dir));
  if (result === null) throw new PartnersimError('calibration-mismatch', message.calibrationUnfinished(dir, manifest.calibration.name));
  return { manifest, result };
}
