// The journal of a resumable run's replicates: one line for each replicate finished, in order, with its outcome and
// how long each table file was once its rows were written. A run taken over after an interruption or a kill keeps the
// replicates its journal holds, cuts its tables back to their lengths (dropping what an unfinished replicate had begun
// to write) and goes on from the next. Outcomes are written so that they read back exactly (a non-finite number or -0
// would not survive plain JSON), so a resumed run's summary is the same bytes as one run without a break.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { RunOutcome } from './run-files.ts';

/** A replicate the journal says is finished: its outcome, and each table file's length in bytes after its rows. */
export interface FinishedReplicate {
  readonly outcome: RunOutcome;
  readonly sizes: Readonly<Record<string, number>>;
}

// The key under which a number that plain JSON would change is written, as text.
const EXACT = '$number';

const exactReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? { [EXACT]: Object.is(value, -0) ? '-0' : String(value) }
    : value;

const exactReviver = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[EXACT] === 'string'
    ? Number((value as Record<string, string>)[EXACT])
    : value;

/** Returns the replicates a journal holds, from replicate 0 on; stops at the first line that is incomplete (a kill
 * while writing it), does not parse or is not the next replicate, and returns none when there is no journal. */
export function readReplicateJournal(path: string): FinishedReplicate[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  // The last piece follows the last newline: empty, or a line a kill left incomplete.
  lines.pop();
  const finished: FinishedReplicate[] = [];
  for (const line of lines) {
    let entry: { replicate?: unknown; sizes?: unknown; outcome?: unknown };
    try {
      entry = JSON.parse(line, exactReviver) as typeof entry;
    } catch {
      break;
    }
    if (entry.replicate !== finished.length || !isRecord(entry.sizes) || !isRecord(entry.outcome)) break;
    finished.push({ outcome: entry.outcome as unknown as RunOutcome, sizes: entry.sizes as Record<string, number> });
  }
  return finished;
}

/** Writes a journal holding these replicates only (what is kept of it when a run goes on from it). */
export function rewriteReplicateJournal(path: string, finished: readonly FinishedReplicate[]): void {
  writeFileSync(path, finished.map((entry, replicate) => journalLine(replicate, entry)).join(''));
}

/** Adds the next finished replicate to a journal. */
export function appendReplicateJournal(path: string, replicate: number, entry: FinishedReplicate): void {
  appendFileSync(path, journalLine(replicate, entry));
}

function journalLine(replicate: number, { sizes, outcome }: FinishedReplicate): string {
  return `${JSON.stringify({ replicate, sizes, outcome }, exactReplacer)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
