// A sweep's directory on disk. While it runs, `journal.jsonl` gains one line per finished run, in the order runs
// finish, so a killed sweep loses nothing it finished; once every run of the part is in, the tables are written
// in run-index order and the journal is rewritten sorted, each file atomically (a temporary file, then a rename).
// A complete directory is the same bytes however many workers or shards made it.
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import * as message from './messages.ts';
import { designPoints } from '../sweep/expand.ts';
import { latestRecords, renderManifest, sameShard, shardText, type SweepManifest } from '../sweep/manifest.ts';
import type { Part } from '../sweep/parts.ts';
import { sweepTables, type RunRecord } from '../sweep/record.ts';
import { encodeTable } from '../sweep/table.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { writeFileAtomic } from './write.ts';

export const JOURNAL_FILE = 'journal.jsonl';

/** Returns the manifest of a part, parsed, or throws a PartnersimError saying the directory holds no sweep. */
export function readManifest(dir: string): SweepManifest {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new PartnersimError('sweep-mismatch', message.notASweepDir(dir));
  }
  const manifest = parseJson(text, join(dir, MANIFEST_FILE), 1) as SweepManifest;
  if (manifest?.kind !== 'partnersim sweep') throw new PartnersimError('sweep-mismatch', message.notASweepDir(dir));
  return manifest;
}

/** Returns the records in a part's journal; a last line cut short by a kill is left out. */
export function readJournal(dir: string): RunRecord[] {
  const path = join(dir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  // Only lines that ended with a newline were written whole.
  return lines.slice(0, -1).map((line, i) => parseJson(line, path, i + 1) as RunRecord);
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
      return latestRecords(readJournal(dir));
    }
  }
  mkdirSync(dir, { recursive: true });
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
  for (const [stem, table] of Object.entries(sweepTables(sweep, points, sorted)))
    files[`${stem}.${manifest.format}`] = encodeTable(table.columns, table.rows, manifest.format);
  files[JOURNAL_FILE] = sorted.map((record) => JSON.stringify(record) + '\n').join('');
  const failed = sorted.filter((record) => record.status === 'failed').map((record) => record.index);
  files[MANIFEST_FILE] = renderManifest({ ...manifest, status: 'complete', finished: sorted.length, failed });
  return files;
}

/** Returns the part in a directory; throws a PartnersimError when it holds no sweep. */
export function readPart(dir: string): Part {
  return { dir, manifest: readManifest(dir), records: latestRecords(readJournal(dir)) };
}
