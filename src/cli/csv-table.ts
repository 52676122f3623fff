// Reading a CSV file from disk as a stream of records, in bounded memory: the bytes are read a block at a time and
// decoded (UTF-8 or UTF-16 when the file starts with their byte-order mark; otherwise, from the first block with a
// byte beyond ASCII, UTF-8 when that block is valid UTF-8 and Windows-1252, the encoding of the register's extracts,
// when not: Windows-1252 text that happens to be valid UTF-8 takes sequences such as "Ã©" that no name holds); the text is cut into records at line ends outside quotes, a caller's quick test passes over the records
// that cannot matter, and csv-parse parses the rest. Only the Node host reads files this way.
import { closeSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PartnersimError } from '../errors.ts';
import { openRegularFile } from '../results/regular-file.ts';
import type { NotAFile, TableRecord } from '../scenario/host.ts';
import { dataFileUnreadable, malformedCsv, mixedEncoding } from '../scenario/messages.ts';

/** Bytes read at a time: the memory a table takes, whatever its size. */
export const BLOCK_BYTES = 1 << 20;

// The byte-order marks that name an encoding.
const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Returns the records of a CSV file, its header first; undefined when there is none, or what stands there instead of a
 * regular file (unread); see ScenarioHost.readTable. */
export function readCsvTable(path: string, wanted?: (text: string) => boolean): Iterable<TableRecord> | NotAFile | undefined {
  let opened: number | NotAFile | undefined;
  try {
    opened = openRegularFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return typeof opened === 'number' ? records(path, opened, wanted) : opened;
}

function* records(path: string, fd: number, wanted?: (text: string) => boolean): Generator<TableRecord> {
  const block = Buffer.alloc(BLOCK_BYTES);
  // Chosen by the first block that tells (until then, the text is ASCII, the same in each).
  let decoder: TextDecoder | undefined;
  let first = true;
  let carry = ''; // the start of a record the last block cut off
  let carryLine = 1;
  let inQuotes = false;
  let header = true;
  try {
    for (;;) {
      const got = read(path, fd, block);
      const bytes = block.subarray(0, got);
      decoder ??= chooseDecoder(bytes, first);
      first = false;
      const text = carry + decode(path, decoder, bytes, got > 0, carryLine + countNewlines(carry));
      const kept: string[] = [];
      const lines: number[] = [];
      let start = 0;
      let startLine = carryLine;
      let scan = carry.length; // the carried text was scanned already: its quotes are in inQuotes
      let line = carryLine + countNewlines(carry); // the line the text at `scan` is on
      for (;;) {
        const quote = text.indexOf('"', scan);
        const newline = text.indexOf('\n', scan);
        if (newline < 0 && quote < 0) break;
        if (quote >= 0 && (newline < 0 || quote < newline)) {
          inQuotes = !inQuotes;
          scan = quote + 1;
          continue;
        }
        scan = newline + 1;
        line++;
        if (inQuotes) continue;
        const record = text.slice(start, scan);
        if (!isBlank(record) && (header || wanted === undefined || wanted(record.toLowerCase()))) {
          kept.push(record);
          lines.push(startLine);
          header = false;
        }
        start = scan;
        startLine = line;
      }
      if (got === 0) {
        const rest = text.slice(start);
        if (!isBlank(rest) && (header || wanted === undefined || wanted(rest.toLowerCase()))) {
          kept.push(rest);
          lines.push(startLine);
        }
      }
      carry = text.slice(start);
      carryLine = startLine;
      if (kept.length > 0) yield* parseRecords(path, kept, lines);
      if (got === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

// csv-parse reads the kept records in one call; should it not find them one for one (a quote out of place), each is
// parsed alone to name the line that is not CSV.
function parseRecords(path: string, kept: readonly string[], lines: readonly number[]): TableRecord[] {
  const options = { relax_column_count: true, skip_empty_lines: false } as const;
  try {
    const parsed = parse(kept.join(''), options) as string[][];
    if (parsed.length === kept.length) return parsed.map((values, k) => ({ line: lines[k], values }));
  } catch {
    // found below, record by record
  }
  return kept.map((record, k) => {
    try {
      const [values] = parse(record, options) as string[][];
      return { line: lines[k], values };
    } catch (error) {
      throw new PartnersimError('register-malformed', malformedCsv(`${path}:${lines[k]}`, firstSentence(error)));
    }
  });
}

function read(path: string, fd: number, block: Buffer): number {
  try {
    return readSync(fd, block, 0, block.length, null);
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): PartnersimError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new PartnersimError(
    'file-unreadable',
    dataFileUnreadable(path, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message),
  );
}

// The decoder a block tells: by its byte-order mark (the file's first block only), or by its first byte beyond ASCII
// (UTF-8, checked strictly, when the block is valid UTF-8; Windows-1252 when not); undefined for ASCII alone.
function chooseDecoder(bytes: Buffer, first: boolean): TextDecoder | undefined {
  const bom = first ? BOMS.find(({ bytes: mark }) => bytes.length >= mark.length && mark.every((byte, i) => bytes[i] === byte)) : undefined;
  if (bom !== undefined) return new TextDecoder(bom.encoding);
  if (ascii(bytes)) return undefined;
  // A sequence the block's end cuts is kept for the next block, not taken for an error.
  if (validUtf8(bytes)) return new TextDecoder('utf-8', { fatal: true });
  return new TextDecoder('windows-1252');
}

function ascii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

function validUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

// Decodes a block (ASCII while no decoder is chosen); a file read as UTF-8 that stops being UTF-8 further on is said to
// be, at the block's first line.
function decode(path: string, decoder: TextDecoder | undefined, bytes: Buffer, more: boolean, line: number): string {
  if (decoder === undefined) return bytes.toString('latin1');
  try {
    return decoder.decode(bytes, { stream: more });
  } catch {
    throw new PartnersimError('register-malformed', mixedEncoding(path, line));
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function isBlank(record: string): boolean {
  return record.trim() === '';
}

// csv-parse's messages end with the options it was given; the first sentence says what it found.
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
}
