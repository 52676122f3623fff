// A sweep's directory on disk. While it runs, `journal.jsonl` gains one line per finished run, in the order runs
// finish, so a killed sweep loses nothing it finished; once every run of the part is in, the tables are written
// in run-index order and the journal is rewritten sorted, each file atomically (a temporary file, then a rename).
// A complete directory is the same bytes however many workers or shards made it.
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import * as message from './messages.ts';
import * as z from 'zod';
import { METRIC_NAMES } from '../engine/types.ts';
import { TIMESERIES_FIELDS } from '../sweep/schema.ts';
import { designPoints, runSeed, type SweepPoint } from '../sweep/expand.ts';
import { latestRecords, renderManifest, sameShard, shardText, type SweepManifest } from '../sweep/manifest.ts';
import type { Part } from '../sweep/parts.ts';
import { sweepTables, type RunRecord } from '../sweep/record.ts';
import { encodeTable, TABLE_FORMATS } from '../sweep/table.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { makeDirectories, writeFileAtomic } from './write.ts';

export const JOURNAL_FILE = 'journal.jsonl';

/** Returns what a sweep directory is for (see ResultIdentity): this part of this sweep, in this format. */
export function sweepIdentity(manifest: SweepManifest): Readonly<Record<string, unknown>> {
  return { kind: manifest.kind, hash: manifest.hash, format: manifest.format, shard: manifest.shard };
}

// What a manifest must hold for a part to be read, resumed, merged or analysed: its shape and types, checked so that a
// damaged or edited manifest is refused with its path rather than failing later with a stack trace.
const count = z.number().int().nonnegative();
const manifestSchema = z.looseObject({
  kind: z.literal('partnersim sweep'),
  hash: z.string(),
  partnersim: z.string(),
  commit: z.string().nullable(),
  node: z.string(),
  format: z.enum(TABLE_FORMATS),
  shard: z.object({ index: count, count: z.number().int().positive() }).nullable(),
  sweep: z.looseObject({
    name: z.string(),
    parameters: z.array(z.looseObject({ key: z.string() })),
    design: z.looseObject({ kind: z.string() }),
    replicates: z.number().int().positive(),
    seed: count,
    record: z.looseObject({
      metrics: z.array(
        z.union([
          z.enum(METRIC_NAMES),
          z.object({ field: z.enum(TIMESERIES_FIELDS), step: z.number().int().positive() }),
          z.object({ field: z.enum(TIMESERIES_FIELDS), window: z.tuple([z.number().int().positive(), z.number().int().positive()]) }),
        ]),
      ),
      timeseries: z.object({ steps: z.array(z.number().int().positive()), fields: z.array(z.string()) }).nullable(),
    }),
  }),
  seedRule: z.string(),
  scenarioHash: z.string(),
  scenario: z.looseObject({ name: z.string(), time: z.looseObject({ stepsPerYear: z.number().positive() }) }),
  points: count,
  runs: count,
  partRuns: count,
  status: z.enum(['running', 'complete']),
  finished: count,
  failed: z.array(count),
});

/** Returns the manifest of a part, parsed and checked, or throws a PartnersimError saying the directory holds no sweep,
 * or that its manifest is damaged (where, and what was expected). */
export function readManifest(dir: string): SweepManifest {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PartnersimError('sweep-mismatch', message.notASweepDir(dir));
    throw new PartnersimError('sweep-damaged', message.sweepFileUnreadable(path, (error as Error).message));
  }
  const found = parseJson(text, path, 1) as { kind?: unknown } | null;
  if (found?.kind !== 'partnersim sweep') throw new PartnersimError('sweep-mismatch', message.notASweepDir(dir));
  const checked = manifestSchema.safeParse(found);
  if (!checked.success) throw new PartnersimError('sweep-damaged', message.damagedSweepManifest(path, issueText(checked.error)));
  const manifest = found as SweepManifest;
  const shard = manifest.shard;
  if (shard !== null && shard.index >= shard.count)
    throw new PartnersimError(
      'sweep-damaged',
      message.damagedSweepManifest(path, `shard ${shard.index}/${shard.count}: expected an index below the count`),
    );
  if (manifest.runs !== manifest.points * manifest.sweep.replicates)
    throw new PartnersimError('sweep-damaged', message.damagedSweepManifest(path, `runs ${manifest.runs}: expected points x replicates`));
  return manifest;
}

/** Returns the records in a part's journal, each checked against the part's manifest; a last line cut short by a kill
 * is left out. Throws a PartnersimError naming the file and line of a record that is damaged or does not belong. */
export function readJournal(dir: string, manifest: SweepManifest = readManifest(dir)): RunRecord[] {
  const path = join(dir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PartnersimError('sweep-damaged', message.sweepFileUnreadable(path, (error as Error).message));
  }
  const lines = text.split('\n');
  const check = recordChecker(manifest);
  // Only lines that ended with a newline were written whole.
  return lines.slice(0, -1).map((line, i) => {
    const record = parseJson(line, path, i + 1);
    const problem = check(record);
    if (problem !== undefined) throw new PartnersimError('sweep-damaged', message.damagedSweepRecord(path, i + 1, problem));
    return record as RunRecord;
  });
}

const recordSchema = z.discriminatedUnion('status', [
  z.object({
    index: count,
    point: count,
    replicate: count,
    seed: count,
    status: z.literal('ok'),
    metrics: z.array(z.number().nullable()),
    timeseries: z.array(z.array(z.number())),
  }),
  z.object({ index: count, point: count, replicate: count, seed: count, status: z.literal('failed'), error: z.string() }),
]);

// Returns a function saying what is wrong with a record for this part (its shape, and whether its index, point,
// replicate and seed are those the sweep's plan gives that run), or undefined when it belongs.
function recordChecker(manifest: SweepManifest): (record: unknown) => string | undefined {
  const { sweep, shard } = manifest;
  let points: SweepPoint[] | undefined;
  const series = sweep.record.timeseries;
  return (found) => {
    const parsed = recordSchema.safeParse(found);
    if (!parsed.success) return issueText(parsed.error);
    const record = parsed.data;
    if (record.index >= manifest.runs) return `run ${record.index}: expected an index below ${manifest.runs}, the sweep's runs`;
    if (shard !== null && record.index % shard.count !== shard.index)
      return `run ${record.index}: not in ${shardText(shard)}, which this directory holds`;
    points ??= designPoints(sweep.parameters, sweep.design, sweep.seed);
    const point = Math.floor(record.index / sweep.replicates);
    const replicate = record.index % sweep.replicates;
    const seed = runSeed(sweep.seed, manifest.scenarioHash, points[point].key, replicate);
    if (record.point !== point || record.replicate !== replicate || record.seed !== seed)
      return `run ${record.index}: expected point ${point}, replicate ${replicate}, seed ${seed}, found point ${record.point}, replicate ${record.replicate}, seed ${record.seed}`;
    if (record.status === 'failed') return undefined;
    if (record.metrics.length !== sweep.record.metrics.length)
      return `run ${record.index}: expected ${sweep.record.metrics.length} metrics, found ${record.metrics.length}`;
    const rows = series === null ? 0 : series.steps.length;
    const width = series === null ? 0 : series.fields.length + 1;
    if (record.timeseries.length !== rows || record.timeseries.some((row) => row.length !== width))
      return `run ${record.index}: expected ${rows} time-series rows of ${width} numbers`;
    return undefined;
  };
}

// A zod error's first issue in words: where in the record, and what was expected.
function issueText(error: z.ZodError): string {
  const [issue] = error.issues;
  const at = issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  return `${at}${issue.message}`;
}

// A file partnersim wrote that no longer parses was changed by hand or damaged on disk: say where, not a stack trace.
function parseJson(text: string, path: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PartnersimError('sweep-damaged', message.damagedSweepFile(path, line, (error as Error).message));
  }
}

/** Prepares a directory for a part of a sweep and returns the records it already holds: a new directory gets the
 * manifest; one holding the same part of the same sweep is resumed. Refuses anything else with a PartnersimError. */
export function openPart(dir: string, manifest: SweepManifest): RunRecord[] {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new PartnersimError('output-occupied', message.resultDirOccupied(dir, 'a file'));
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      if (!entries.includes(MANIFEST_FILE))
        throw new PartnersimError('output-occupied', message.resultDirOccupied(dir, 'files that are not partnersim results'));
      const found = readManifest(dir);
      if (found.hash !== manifest.hash)
        throw new PartnersimError(
          'sweep-mismatch',
          message.resumeOtherSweep(dir, found.sweep.name, found.hash, manifest.sweep.name, manifest.hash),
        );
      if (!sameShard(found.shard, manifest.shard))
        throw new PartnersimError('sweep-mismatch', message.resumeOtherShard(dir, shardText(found.shard), shardText(manifest.shard)));
      if (found.format !== manifest.format)
        throw new PartnersimError('sweep-mismatch', message.resumeOtherFormat(dir, found.format, manifest.format));
      return latestRecords(readJournal(dir, found));
    }
  }
  makeDirectories(dir);
  writeFileAtomic(join(dir, MANIFEST_FILE), renderManifest(manifest));
  return [];
}

/** Appends records to a journal (a sweep part's runs, a calibration's proposals), one JSON line each, as runs finish. */
export class JournalWriter<T = RunRecord> {
  private readonly fd: number;

  /** Opens the journal for appending, first cutting off a last line left incomplete by a kill. */
  constructor(dir: string) {
    const path = join(dir, JOURNAL_FILE);
    this.fd = openSync(path, 'a+');
    const text = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const end = text.lastIndexOf(0x0a) + 1;
    if (end < text.length) ftruncateSync(this.fd, end);
  }

  /** Appends one record in a single write, so a kill leaves at worst one incomplete line. */
  append(record: T): void {
    writeSync(this.fd, JSON.stringify(record) + '\n');
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Returns the files of a complete part, by name: the tables in the format, the journal sorted by run index and the
 * manifest marked complete. The same records give the same bytes, however they were made. */
export function completeFiles(manifest: SweepManifest, records: readonly RunRecord[]): Record<string, string | Uint8Array> {
  const sorted = latestRecords(records);
  const { sweep } = manifest;
  const points = designPoints(sweep.parameters, sweep.design, sweep.seed);
  const files: Record<string, string | Uint8Array> = {};
  for (const [stem, table] of Object.entries(sweepTables(sweep, points, sorted, manifest.scenario.time.stepsPerYear)))
    files[`${stem}.${manifest.format}`] = encodeTable(table.columns, table.rows, manifest.format);
  files[JOURNAL_FILE] = sorted.map((record) => JSON.stringify(record) + '\n').join('');
  const failed = sorted.filter((record) => record.status === 'failed').map((record) => record.index);
  files[MANIFEST_FILE] = renderManifest({ ...manifest, status: 'complete', finished: sorted.length, failed });
  return files;
}

/** Returns the part in a directory, its manifest and records checked; throws a PartnersimError when it holds no sweep
 * or something in it is damaged or does not belong. */
export function readPart(dir: string): Part {
  const manifest = readManifest(dir);
  return { dir, manifest, records: latestRecords(readJournal(dir, manifest)) };
}
