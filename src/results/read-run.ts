// Reading a result directory back (what `partnersim run` writes): its manifest, each replicate's metrics, time series
// and partnerships, so that `partnersim report` can rebuild a report from results on disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicateResult } from '../analysis/compare.ts';
import { LEVEL_NAMES, type LevelName, type Metrics, type PartnershipRecord, type StepRecord } from '../engine/types.ts';
import { PartnersimError } from '../errors.ts';
import { resultFileDamaged, resultFileMissing } from './messages.ts';
import { LEVER_KEYS, type LeverKey, type Scenario } from '../scenario/schema.ts';

/** A result directory read back: its provenance and each replicate's results, in replicate order. */
export interface StoredRun {
  readonly dir: string;
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly masterSeed: number;
  readonly seeds: readonly number[];
  readonly args: readonly string[];
  readonly results: readonly ReplicateResult[];
}

/** Returns the rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Returns the run stored in a result directory; throws a PartnersimError naming a missing or damaged file. */
export function readStoredRun(dir: string): StoredRun {
  return parseStoredRun(dir, (name) => readText(dir, name));
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
  };
  const summary = parseJson(dir, 'summary.json', text) as {
    steps: number;
    organisations: number;
    metrics: Metrics;
    replicates?: { metrics: Metrics }[];
  };
  const metrics = summary.replicates?.map((replicate) => replicate.metrics) ?? [summary.metrics];
  const timeseries = groupByReplicate(parseTable(dir, 'timeseries.csv', text), metrics.length);
  const partnerships = groupByReplicate(parseTable(dir, 'partnerships.csv', text), metrics.length);
  const results = metrics.map(
    (m, r): ReplicateResult => ({
      metrics: m,
      steps: summary.steps,
      organisations: summary.organisations,
      timeseries: timeseries[r].map(stepRecord),
      partnerships: partnerships[r].map(partnershipRecord),
    }),
  );
  return {
    dir,
    scenario: manifest.scenario,
    scenarioHash: manifest.scenarioHash,
    masterSeed: manifest.masterSeed,
    seeds: manifest.seeds,
    args: manifest.args,
    results,
  };
}

type Row = Readonly<Record<string, string>>;

function readText(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    throw new PartnersimError('file-missing', resultFileMissing(dir, name));
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

function parseTable(dir: string, name: string, text: (name: string) => string): Row[] {
  const [header, ...rows] = parseCsv(text(name));
  if (header === undefined) throw new PartnersimError('file-unreadable', resultFileDamaged(join(dir, name), 'no header line'));
  return rows.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])));
}

// Several replicates share a file with a leading replicate column; one run has none.
function groupByReplicate(rows: readonly Row[], replicates: number): Row[][] {
  const groups: Row[][] = Array.from({ length: replicates }, () => []);
  for (const row of rows) groups[row.replicate === undefined ? 0 : Number(row.replicate)].push(row);
  return groups;
}

const num = (text: string): number => Number(text);
const numOrNull = (text: string): number | null => (text === '' ? null : Number(text));

function stepRecord(row: Row): StepRecord {
  return {
    step: num(row.step),
    year: num(row.year),
    active: num(row.active),
    formed: num(row.formed),
    dissolved: num(row.dissolved),
    participation: num(row.participation),
    meanTrust: num(row.meanTrust),
    meanStrength: num(row.meanStrength),
    levels: LEVEL_NAMES.map((level) => num(row[`level_${level}`])),
    levers: Object.fromEntries(LEVER_KEYS.map((key) => [key, num(row[key])])) as Record<LeverKey, number>,
  };
}

function partnershipRecord(row: Row): PartnershipRecord {
  return {
    id: num(row.id),
    area: row.area,
    formedStep: num(row.formedStep),
    endedStep: numOrNull(row.endedStep),
    endReason: (row.endReason || null) as PartnershipRecord['endReason'],
    members: num(row.members),
    peakLevel: row.peakLevel as LevelName,
    finalLevel: row.finalLevel as LevelName,
    mandate: row.mandate as PartnershipRecord['mandate'],
    principles: row.principles === 'true',
    laInvolved: row.laInvolved === 'true',
    funded: row.funded === 'true',
  };
}
