// Reading a result directory back (what `partnersim run` writes): its manifest, each replicate's metrics, time series
// and partnerships, so that `partnersim report` can rebuild a report from results on disk. Every table is checked as
// it is read (its columns, each cell's type, a row per step and per partnership of every replicate), so that a
// truncated or edited file is refused with its file and line rather than drawn as a partial report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ReplicateResult } from '../analysis/compare.ts';
import type { PosteriorDraws } from '../calibration/posterior-draws.ts';
import {
  CAUSES,
  FEATURE_FIELDS,
  FEATURE_NAMES,
  LEVEL_NAMES,
  MANDATES,
  NETWORK_FIELDS,
  TRUST_FIELDS,
  AREA_WIDE_FIELDS,
  TRUST_TYPE_FIELDS,
  type LevelName,
  type Metrics,
  type PartnershipRecord,
  type StepRecord,
} from '../engine/types.ts';
import { isPartnersimError, PartnersimError } from '../errors.ts';
import { resultFileDamaged, resultFileMissing, resultTableDamaged } from './messages.ts';
import { LEVER_KEYS, type LeverKey, type Scenario } from '../scenario/schema.ts';
import { csvTextValue, type Column } from '../sweep/table.ts';
import { featureColumn, PARTNERSHIP_COLUMNS, PARTNERSHIP_FEATURES, TIMESERIES_COLUMNS } from './run-files.ts';

/** A result directory read back: its provenance and each replicate's results, in replicate order. */
export interface StoredRun {
  readonly dir: string;
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly masterSeed: number;
  readonly seeds: readonly number[];
  readonly args: readonly string[];
  readonly results: readonly ReplicateResult[];
  /** With --posterior: the parameter set each replicate drew from a calibration's posterior. */
  readonly posterior?: PosteriorDraws;
}

/** One CSV cell as read: null for an empty field (a missing value), else its text as it was before it was written. */
export type CsvCell = string | null;

/** Returns the records of a CSV text in the one convention partnersim writes (csv-parse, RFC 4180): an unquoted empty
 * field is null, a quoted one the empty string, and text written with an apostrophe against formulas is given back
 * without it. Throws a CSV error (with its line) when the text is not well-formed CSV. */
export function parseCsv(text: string): CsvCell[][] {
  return parse(text, {
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    cast: (value, context) => (value === '' && !context.quoting ? null : csvTextValue(value)),
  }) as CsvCell[][];
}

/** Returns the run stored in a result directory; throws a PartnersimError naming a missing or damaged file. `dir` is
 * where it is read from, and `named` the directory it is known as (where it is being written, it is still elsewhere). */
export function readStoredRun(dir: string, named: string = dir): StoredRun {
  return parseStoredRun(named, (name) => readText(dir, name, named));
}

/** Returns the run stored in the texts of a result directory's files (as `partnersim run` writes them), read through
 * `text`; a report built from this gives the same bytes whether the files are on disk or just made. */
export function parseStoredRun(dir: string, text: (name: string) => string): StoredRun {
  const manifest = parseJson(dir, 'manifest.json', text) as {
    scenario: Scenario;
    scenarioHash: string;
    masterSeed: number;
    seeds: number[];
    args: string[];
    draws?: PosteriorDraws;
  };
  const summary = parseJson(dir, 'summary.json', text) as {
    steps: number;
    organisations: number;
    metrics: Metrics;
    replicates?: { metrics: Metrics }[];
  };
  if (typeof summary?.steps !== 'number' || typeof summary.metrics !== 'object' || summary.metrics === null)
    throw new PartnersimError('file-unreadable', resultFileDamaged(join(dir, 'summary.json'), 'no steps or metrics'));
  if (!Array.isArray(manifest?.seeds) || typeof manifest.scenario !== 'object' || manifest.scenario === null)
    throw new PartnersimError('file-unreadable', resultFileDamaged(join(dir, 'manifest.json'), 'no scenario or seeds'));
  const metrics = summary.replicates?.map((replicate) => replicate.metrics) ?? [summary.metrics];
  const timeseries = readTable(dir, 'timeseries.csv', text, TIMESERIES_COLUMNS, metrics.length);
  const partnerships = readTable(dir, 'partnerships.csv', text, PARTNERSHIP_COLUMNS, metrics.length);
  const results = metrics.map((m, r): ReplicateResult => {
    const steps = timeseries.rows[r];
    const listed = partnerships.rows[r];
    const formed = listed.filter((row) => Number(row.cells.formedStep) >= 1);
    // A table cut short (or a replicate's rows lost) would draw a partial report: every step and partnership must be there.
    if (steps.length !== summary.steps || steps.some((row, i) => row.cells.step !== String(i + 1)))
      throw damagedTable(
        dir,
        'timeseries.csv',
        steps.at(-1)?.line ?? timeseries.lines,
        `replicate ${r}: expected steps 1 to ${summary.steps}`,
      );
    if (formed.length !== m.partnershipsFormed)
      throw damagedTable(
        dir,
        'partnerships.csv',
        formed.at(-1)?.line ?? partnerships.lines,
        `replicate ${r}: expected ${m.partnershipsFormed} partnerships formed in the run, found ${formed.length}`,
      );
    return {
      metrics: m,
      steps: summary.steps,
      organisations: summary.organisations,
      timeseries: steps.map((row) => stepRecord(row.cells)),
      partnerships: listed.map((row) => partnershipRecord(row.cells)),
    };
  });
  return {
    dir,
    scenario: manifest.scenario,
    scenarioHash: manifest.scenarioHash,
    masterSeed: manifest.masterSeed,
    seeds: manifest.seeds,
    args: manifest.args,
    results,
    ...(manifest.draws === undefined ? {} : { posterior: manifest.draws }),
  };
}

type Cells = Readonly<Record<string, CsvCell>>;

function readText(dir: string, name: string, named: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    throw new PartnersimError('file-missing', resultFileMissing(named, name));
  }
}

function parseJson(dir: string, name: string, text: (name: string) => string): unknown {
  const content = text(name);
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new PartnersimError('file-unreadable', resultFileDamaged(join(dir, name), (error as Error).message));
  }
}

function damagedTable(dir: string, name: string, line: number, reason: string): PartnersimError {
  return new PartnersimError('file-unreadable', resultTableDamaged(join(dir, name), line, reason));
}

// Reads a table, checking its header and each cell against the column's type, and groups its rows by replicate.
function readTable(
  dir: string,
  name: string,
  text: (name: string) => string,
  columns: readonly Column[],
  replicates: number,
): { rows: { line: number; cells: Cells }[][]; lines: number } {
  let records: CsvCell[][];
  try {
    records = parseCsv(text(name));
  } catch (error) {
    // A table that is not there is said so as it is (its own message and fix), not as a damaged one.
    if (isPartnersimError(error)) throw error;
    const line = (error as { lines?: number }).lines ?? 1;
    throw damagedTable(dir, name, line, (error as Error).message);
  }
  const [header, ...rows] = records;
  const expected = columns.map((column) => column.name);
  if (header === undefined || header.join(',') !== expected.join(','))
    throw damagedTable(dir, name, 1, `expected the columns ${expected.join(',')}`);
  const groups: { line: number; cells: Cells }[][] = Array.from({ length: replicates }, () => []);
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== columns.length) throw damagedTable(dir, name, line, `expected ${columns.length} fields, found ${row.length}`);
    columns.forEach((column, c) => {
      if (!cellFits(column, row[c]))
        throw damagedTable(dir, name, line, `${column.name}: expected ${column.type}, found ${JSON.stringify(row[c])}`);
    });
    const replicate = Number(row[0]);
    if (replicate >= replicates) throw damagedTable(dir, name, line, `replicate ${replicate}: expected 0 to ${replicates - 1}`);
    groups[replicate].push({ line, cells: Object.fromEntries(expected.map((column, c) => [column, row[c]])) });
  });
  return { rows: groups, lines: records.length };
}

// Which cells may be missing: a partnership's end while it is active; nothing else.
const NULLABLE = new Set(['endedStep', 'endReason']);

// The text columns whose values come from the model's vocabulary.
const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  endReason: CAUSES,
  peakLevel: LEVEL_NAMES,
  finalLevel: LEVEL_NAMES,
  mandate: MANDATES,
};

function cellFits(column: Column, cell: CsvCell): boolean {
  if (cell === null) return NULLABLE.has(column.name);
  if (column.name in VOCABULARY) return VOCABULARY[column.name].includes(cell);
  switch (column.type) {
    case 'int':
      return /^-?\d+$/.test(cell);
    case 'float':
      return cell.trim() !== '' && Number.isFinite(Number(cell));
    case 'bool':
      return cell === 'TRUE' || cell === 'FALSE';
    case 'string':
      return true;
  }
}

const num = (text: CsvCell): number => Number(text);

function stepRecord(cells: Cells): StepRecord {
  return {
    step: num(cells.step),
    year: num(cells.year),
    active: num(cells.active),
    formed: num(cells.formed),
    dissolved: num(cells.dissolved),
    participation: num(cells.participation),
    meanTrust: num(cells.meanTrust),
    meanStrength: num(cells.meanStrength),
    levels: LEVEL_NAMES.map((level) => num(cells[level])),
    features: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, num(cells[FEATURE_FIELDS[i]])])) as StepRecord['features'],
    trustTypes: TRUST_TYPE_FIELDS.map((name) => num(cells[name])),
    network: Object.fromEntries(NETWORK_FIELDS.map((name) => [name, num(cells[name])])) as StepRecord['network'],
    ...(Object.fromEntries(TRUST_FIELDS.map((name) => [name, num(cells[name])])) as Record<(typeof TRUST_FIELDS)[number], number>),
    ...(Object.fromEntries(AREA_WIDE_FIELDS.map((name) => [name, num(cells[name])])) as Record<(typeof AREA_WIDE_FIELDS)[number], number>),
    levers: Object.fromEntries(LEVER_KEYS.map((key) => [key, num(cells[key])])) as Record<LeverKey, number>,
  };
}

// A partnership's features and score at its peak or at its end, from the columns `peakTrust` … `finalScore`.
function features(cells: Cells, when: 'peak' | 'final'): PartnershipRecord['peak'] {
  return Object.fromEntries(PARTNERSHIP_FEATURES.map((name) => [name, num(cells[featureColumn(when, name)])])) as PartnershipRecord['peak'];
}

function partnershipRecord(cells: Cells): PartnershipRecord {
  return {
    id: num(cells.id),
    area: cells.area ?? '',
    formedStep: num(cells.formedStep),
    endedStep: cells.endedStep === null ? null : num(cells.endedStep),
    endReason: cells.endReason as PartnershipRecord['endReason'],
    members: num(cells.members),
    core: num(cells.core),
    scope: cells.scope as PartnershipRecord['scope'],
    peakLevel: cells.peakLevel as LevelName,
    finalLevel: cells.finalLevel as LevelName,
    mandate: cells.mandate as PartnershipRecord['mandate'],
    principles: cells.principles === 'TRUE',
    laInvolved: cells.laInvolved === 'TRUE',
    funded: cells.funded === 'TRUE',
    leadExperience: num(cells.leadExperience),
    peak: features(cells, 'peak'),
    final: features(cells, 'final'),
  };
}
