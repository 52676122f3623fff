// A sweep's directory on disk. While it runs, `journal.jsonl` gains one line per finished run, in the order runs
// finish, so a killed sweep loses nothing it finished; once every run of the part is in, the tables are written
// in run-index order and the journal is rewritten sorted, each file atomically (a temporary file, then a rename).
// A complete directory is the same bytes however many workers or shards made it.
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import * as message from '../messages.ts';
import type { Scenario } from '../scenario/schema.ts';
import { designPoints } from './expand.ts';
import { sweepTables, type RunRecord } from './record.ts';
import type { Sweep } from './schema.ts';
import { encodeTable, type TableFormat } from './table.ts';

export const MANIFEST_FILE = 'manifest.json';
export const JOURNAL_FILE = 'journal.jsonl';

/** Which runs a part holds: those whose index modulo `count` is `index`; null for the whole sweep. */
export type Shard = { readonly index: number; readonly count: number } | null;

/** A sweep's description of itself and its runs, without where its files were. */
export type SweepSpec = Omit<Sweep, 'scenario'>;

/** The manifest of a sweep directory: what the sweep is, who made it, which part this is and how far it got. */
export interface SweepManifest {
  readonly kind: 'partnersim sweep';
  readonly hash: string;
  readonly partnersim: string;
  readonly commit: string | null;
  readonly node: string;
  readonly format: TableFormat;
  readonly shard: Shard;
  readonly sweep: SweepSpec;
  readonly seedRule: string;
  readonly scenarioHash: string;
  readonly scenario: Scenario;
  readonly points: number;
  readonly runs: number;
  /** Runs in this part: all of them without a shard. */
  readonly partRuns: number;
  readonly status: 'running' | 'complete';
  readonly finished: number;
  /** Indices of runs that threw, in order. */
  readonly failed: readonly number[];
}

/** How run seeds are made, in words, for the manifest. */
export const SEED_RULE =
  'seed = deriveSeed(sweep.seed, scenarioHash, point key, replicate): cyrb53 of the parts joined by U+001F, modulo 2^32';

/** Returns the run indices a shard holds, of `runs` in all. */
export function shardIndices(runs: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let i = shard?.index ?? 0; i < runs; i += shard?.count ?? 1) indices.push(i);
  return indices;
}

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

/** Returns the records with the last one of each run kept: a run retried after failing appears twice in a journal. */
export function latestRecords(records: readonly RunRecord[]): RunRecord[] {
  const byIndex = new Map<number, RunRecord>();
  for (const record of records) byIndex.set(record.index, record);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Appends records to a part's journal, one JSON line each, as runs finish. */
export class JournalWriter {
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
  append(record: RunRecord): void {
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

/** Writes files (names may hold subdirectories) into a directory, each through a temporary file and a rename, the
 * manifest last, so that a reader never sees a half-written file and a manifest saying complete only once everything
 * else is in place. */
export function writeFilesInPlace(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const names = Object.keys(files).sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
  for (const name of names) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileAtomic(join(dir, name), files[name]);
  }
}

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Returns a manifest as it is written: indented JSON with a final newline. */
export function renderManifest(manifest: SweepManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns a shard as written on the command line (`2/7`), or `the whole sweep`. */
export function shardText(shard: Shard): string {
  return shard === null ? 'the whole sweep' : `shard ${shard.index}/${shard.count}`;
}

function sameShard(a: Shard, b: Shard): boolean {
  return a === null || b === null ? a === b : a.index === b.index && a.count === b.count;
}
