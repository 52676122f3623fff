// The table encoders every result table is written with (a sweep's runs and time series, a run's time series and
// partnerships, its network's edge list): CSV, JSON Lines and Parquet, pure and deterministic, exact for every number
// but those of a column with decimals (the edge list's), which the text formats write at 6 decimal places. One CSV
// convention: csv-stringify, numbers in their shortest round-trip form, TRUE/FALSE, an empty field for a missing value,
// and text that a spreadsheet would run as a formula neutralised (OWASP's CSV injection guidance).
import { stringify, type Options } from 'csv-stringify/sync';
import { createRequire } from 'node:module';
import type { SchemaElement } from 'hyparquet-writer';
import { ByteText, type FIXED_DECIMALS, fixedTexts } from './byte-text.ts';

/** The formats a table can be written in; each is also its file extension. */
export const TABLE_FORMATS = ['csv', 'parquet', 'jsonl'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The types a column can have; every column is nullable, null standing for "nothing to measure". */
export const COLUMN_TYPES = ['int', 'float', 'string', 'bool'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** One column of a table: its name (unique in the table) and the type of its cells; a float column with `decimals` is
 * written in the text formats (CSV, JSON Lines) at FIXED_DECIMALS decimal places (ByteText.fixed), in Parquet exactly. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly decimals?: typeof FIXED_DECIMALS;
}

/** One cell: a number in an int or float column, a string in a string column, a boolean in a bool column, or null in any. */
export type Cell = number | string | boolean | null;

/** One row: a cell per column, in column order. */
export type Row = readonly Cell[];

/** Tells a table format from any other string (e.g. a --format option as typed). */
export function isTableFormat(value: string): value is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(value);
}

/** Returns the file name of a table in a format, e.g. `tableFileName('runs', 'csv')` is `runs.csv`. */
export function tableFileName(stem: string, format: TableFormat): string {
  return `${stem}.${format}`;
}

/**
 * Returns the bytes of a table in a format: deterministic, the same rows always give the same bytes.
 * Throws a TypeError naming the column (and row) when a cell does not fit its column: an int that is
 * not a safe integer, NaN or Infinity anywhere, a number in a string column, a string that is not
 * well-formed Unicode, or a row of the wrong length.
 */
export function encodeTable(columns: readonly Column[], rows: readonly Row[], format: TableFormat): Uint8Array {
  checkTable(columns, rows);
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(encodeCsv(columns, rows));
    case 'jsonl':
      return new TextEncoder().encode(encodeJsonl(columns, rows));
    case 'parquet':
      return encodeParquet(columns, rows);
    default:
      throw new TypeError(unknownFormat(format));
  }
}

// ---------------------------------------------------------------------------------------------
// Checks: once, before any format, so that all three refuse exactly the same tables.

// A lone surrogate cannot be written as UTF-8: TextEncoder would silently turn it into U+FFFD.
const LONE_SURROGATE = /\p{Surrogate}/u;

function checkTable(columns: readonly Column[], rows: readonly Row[]): void {
  checkColumns(columns);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== columns.length) throw new TypeError(wrongRowLength(r, row.length, columns.length));
    for (let c = 0; c < columns.length; c++) {
      const problem = cellProblem(columns[c].type, row[c]);
      if (problem !== undefined) throw new TypeError(badCell(columns[c], r, problem));
    }
  }
}

function checkColumns(columns: readonly Column[]): void {
  if (columns.length === 0) throw new TypeError(noColumns());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column.name === '') throw new TypeError(emptyColumnName());
    if (seen.has(column.name)) throw new TypeError(repeatedColumn(column.name));
    if (!(COLUMN_TYPES as readonly string[]).includes(column.type)) throw new TypeError(unknownColumnType(column));
    seen.add(column.name);
  }
}

/** Returns what is wrong with a cell for a column type, or undefined when it fits. */
function cellProblem(type: ColumnType, cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (type === 'bool') return typeof cell === 'boolean' ? undefined : `expected a boolean or null, found ${describeCell(cell)}`;
  if (type === 'string') {
    if (typeof cell !== 'string') return `expected a string or null, found ${describeCell(cell)}`;
    if (LONE_SURROGATE.test(cell)) return `expected well-formed Unicode, found a lone surrogate in ${JSON.stringify(cell)}`;
    return undefined;
  }
  if (typeof cell !== 'number') return `expected a number or null, found ${describeCell(cell)}`;
  // Sweeps store null for "nothing to measure": NaN and Infinity have no CSV or JSON spelling.
  if (!Number.isFinite(cell)) return `expected a finite number or null, found ${cell}`;
  // Beyond 2^53 an integer is no longer exact in a JS number, so it cannot round-trip.
  if (type === 'int' && !Number.isSafeInteger(cell)) return `expected a safe integer or null, found ${cell}`;
  return undefined;
}

function describeCell(cell: unknown): string {
  if (typeof cell === 'string') return `the string ${JSON.stringify(cell)}`;
  if (typeof cell === 'number') return `the number ${cell}`;
  return cell === undefined ? 'nothing' : `a ${typeof cell}`;
}

// The messages of the TypeErrors above: they report a bug in the caller (the sweep), not a user's mistake.

function noColumns(): string {
  return 'a table needs at least one column';
}

function emptyColumnName(): string {
  return 'a table column needs a non-empty name';
}

function repeatedColumn(name: string): string {
  return `table column ${JSON.stringify(name)} appears twice: column names must be unique`;
}

function unknownColumnType(column: Column): string {
  return `table column ${JSON.stringify(column.name)} has type ${JSON.stringify(column.type)}: expected one of ${COLUMN_TYPES.join(', ')}`;
}

function wrongRowLength(row: number, found: number, expected: number): string {
  return `table row ${row} has ${found} cells: expected ${expected}, one per column`;
}

function badCell(column: Column, row: number, problem: string): string {
  return `table column ${JSON.stringify(column.name)} (${column.type}), row ${row}: ${problem}`;
}

function unknownFormat(format: unknown): string {
  return `unknown table format ${JSON.stringify(format)}: expected one of ${TABLE_FORMATS.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Text formats.

/** Returns a number as its column's text: at FIXED_DECIMALS places in a column with decimals, otherwise text that parses
 * back to the very same number (String() does, except for -0). */
function numberText(column: Column, value: number): string {
  if (column.decimals !== undefined) return fixedTexts([value])[0];
  // -0 is a distinct float (1/-0 is -Infinity) but String(-0) is "0"; an int has no sign of zero.
  return column.type === 'float' && Object.is(value, -0) ? '-0' : String(value);
}

// A text cell a spreadsheet would read as a formula (OWASP: =, +, -, @, tab, CR; and their fullwidth forms, which some
// spreadsheets normalise) is written with a leading apostrophe: csv-stringify's escape_formulas does that, and leaves
// numbers alone, so -0.5 stays a number. Text that already starts with apostrophes before such a character gets one
// more here, so that reading strips exactly one and every text round-trips.
const ESCAPED_FORMULA = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const CSV_OPTIONS: Options = {
  eof: true,
  record_delimiter: 'unix',
  escape_formulas: true,
  // The empty string is quoted, so that it stays distinct from a missing value (an empty field); so is a lone CR,
  // which csv-stringify leaves bare and most readers take for a line end.
  quoted_match: [/^$/, /\r/],
  // Only text reaches csv-stringify: csvField writes numbers (numberText), booleans (TRUE, FALSE) and nulls itself.
  cast: { string: (value: string) => (ESCAPED_FORMULA.test(value) ? `'${value}` : value) },
};

/** Returns the text of a CSV text cell as it was before it was written: one apostrophe put before a formula taken off. */
export function csvTextValue(field: string): string {
  return ESCAPED_FORMULA.test(field) ? field.slice(1) : field;
}

/** Returns rows as CSV lines, the header line first when asked, in the one CSV convention; rows are checked first. */
export function encodeCsvRows(columns: readonly Column[], rows: readonly Row[], header: boolean): string {
  checkTable(columns, rows);
  return csvLines(columns, rows, header);
}

// Rows are written a batch at a time through one JSON.stringify, which writes each number as String() does (a checked
// table's numbers are all finite) without a call and a string per number: String() a cell at a time took most of the
// time of writing a large table (a run's network.csv), JSON a few times less. A row goes into the batch as JSON should
// write it: each cell that JSON would not write as its CSV text (bare, or in quotes) replaced by that text, which it
// writes in quotes; the batch's JSON is the CSV once its rows' brackets become line ends and its quotes are taken out.
// A row with text that JSON would escape or that holds a comma (in its CSV text) is written a cell at a time.
const CSV_BATCH = 4096;

function csvLines(columns: readonly Column[], rows: readonly Row[], header: boolean): string {
  let text = header ? columns.map((column) => csvField(TEXT_COLUMN, column.name)).join(',') + '\n' : '';
  if (columns.some((column) => column.decimals !== undefined)) return text + fixedCsvLines(columns, rows);
  // Each text cell's CSV text, or null when it cannot go through JSON.
  const texts = new Map<string, string | null>();
  let batch: Row[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    text += JSON.stringify(batch).slice(2, -2).replace(/\],\[/g, '\n').replace(/"/g, '') + '\n';
    batch = [];
  };
  for (const row of rows) {
    const json = jsonRow(columns, row, texts);
    if (json !== null) {
      batch.push(json);
      if (batch.length === CSV_BATCH) flush();
      continue;
    }
    flush();
    let line = csvField(columns[0], row[0]);
    for (let c = 1; c < columns.length; c++) line += ',' + csvField(columns[c], row[c]);
    text += line + '\n';
  }
  flush();
  return text;
}

// A table with columns at fixed places (a run's network.csv) is written as bytes, by a CsvRowWriter.
function fixedCsvLines(columns: readonly Column[], rows: readonly Row[]): string {
  const writer = new CsvRowWriter(columns);
  for (const row of rows) {
    for (const cell of row) writer.cell(cell);
    writer.end();
  }
  return writer.take();
}

/** Where a table's cells go one at a time, in column order, each row ended by end(): a CsvRowWriter, or a RowCollector
 * that gathers them as rows; a table with many rows (a run's network.csv) is listed once for both, and written to CSV
 * with no array made per row. */
export interface CellSink {
  number(value: number): void;
  text(value: string): void;
  end(): void;
}

/** Returns the rows a table's cells were added as. */
export class RowCollector implements CellSink {
  readonly rows: Row[] = [];
  private row: Cell[] = [];

  number(value: number): void {
    this.row.push(value);
  }

  text(value: string): void {
    this.row.push(value);
  }

  end(): void {
    this.rows.push(this.row);
    this.row = [];
  }
}

// What a column holds, looked up once: numbers at fixed places, ints, other numbers (as numberText writes them), text,
// booleans.
const FIXED = 0;
const INTEGER = 1;
const EXACT = 2;
const TEXT = 3;
const BOOLEAN = 4;

/** A table's CSV lines, without the header, written as bytes a cell at a time: the same bytes as encodeCsvRows writes
 * for the rows of those cells, which are checked as it checks them (a TypeError naming the column and row). A column's
 * numbers at fixed places are written digit by digit (ByteText.fixed), its ints likewise, each text's CSV text encoded
 * once. */
export class CsvRowWriter implements CellSink {
  private readonly out = new ByteText();
  // Each text's CSV text, once it has been checked.
  private readonly texts = new Map<string, Uint8Array>();
  private readonly kinds: Uint8Array;
  private column = 0;
  private row = 0;

  constructor(private readonly columns: readonly Column[]) {
    checkColumns(columns);
    this.kinds = Uint8Array.from(columns, ({ type, decimals }) =>
      type === 'string' ? TEXT : type === 'bool' ? BOOLEAN : decimals !== undefined ? FIXED : type === 'int' ? INTEGER : EXACT,
    );
  }

  /** Adds a number to the row. */
  number(value: number): void {
    // The cells of a large table are mostly these, which fit their column without more checks.
    const c = this.column;
    const kind = this.kinds[c];
    if (kind === FIXED && Number.isFinite(value)) {
      if (c > 0) this.out.byte(44);
      this.out.fixed(value);
    } else if (kind === INTEGER && Number.isSafeInteger(value)) {
      if (c > 0) this.out.byte(44);
      this.out.integer(value);
    } else {
      this.next(value);
      this.out.text(numberText(this.columns[c], value));
      return;
    }
    this.column = c + 1;
  }

  /** Adds a text to the row. */
  text(value: string): void {
    const c = this.column;
    let bytes = this.texts.get(value);
    if (this.kinds[c] === TEXT && bytes !== undefined) {
      if (c > 0) this.out.byte(44);
      this.column = c + 1;
    } else {
      this.next(value);
      bytes = UTF8_ENCODER.encode(csvField(TEXT_COLUMN, value));
      this.texts.set(value, bytes);
    }
    this.out.bytes(bytes);
  }

  /** Adds any cell to the row. */
  cell(value: Cell): void {
    if (typeof value === 'number') this.number(value);
    else if (typeof value === 'string') this.text(value);
    else this.out.text(csvField(this.columns[this.next(value)], value));
  }

  /** Ends the row. */
  end(): void {
    if (this.column !== this.columns.length) throw new TypeError(wrongRowLength(this.row, this.column, this.columns.length));
    this.out.byte(10);
    this.column = 0;
    this.row++;
  }

  /** Returns the lines written, and starts again with none. */
  take(): string {
    return this.out.take();
  }

  /** Returns the lines written as UTF-8 bytes, and starts again with none. */
  takeBytes(): Uint8Array {
    return this.out.takeBytes();
  }

  // Checks a cell against its column, adds the comma before it, and returns its column.
  private next(value: Cell): number {
    const c = this.column;
    if (c === this.columns.length) throw new TypeError(wrongRowLength(this.row, c + 1, this.columns.length));
    const problem = cellProblem(this.columns[c].type, value);
    if (problem !== undefined) throw new TypeError(badCell(this.columns[c], this.row, problem));
    if (c > 0) this.out.byte(44);
    this.column = c + 1;
    return c;
  }
}

const UTF8_ENCODER = new TextEncoder();

// Returns a row as the batch's JSON should hold it (the row itself when JSON writes each cell as its CSV text), or null
// when a text cell's CSV text cannot go through JSON.
function jsonRow(columns: readonly Column[], row: Row, texts: Map<string, string | null>): Row | null {
  let json: Cell[] | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    let value: Cell;
    if (typeof cell === 'number') {
      // JSON writes -0 as String() does, "0": right in an int column only.
      if (cell !== 0 || 1 / cell > 0 || columns[c].type !== 'float') continue;
      value = '-0';
    } else if (typeof cell === 'string') {
      let csv = texts.get(cell);
      if (csv === undefined) {
        csv = csvField(TEXT_COLUMN, cell);
        if (csv.includes(',') || JSON.stringify(csv).length !== csv.length + 2) csv = null;
        texts.set(cell, csv);
      }
      if (csv === null) return null;
      if (csv === cell) continue;
      value = csv;
    } else value = csvField(columns[c], cell);
    json ??= row.slice();
    json[c] = value;
  }
  return json ?? row;
}

// The column a header's names and a text cell are written as.
const TEXT_COLUMN: Column = { name: '', type: 'string' };

// A text cell csv-stringify writes as it is, with these options: not empty, starting with no formula character and no
// apostrophe, and holding no delimiter, quote or line end.
const PLAIN_TEXT = /^[^-=+@\t\uFF1D\uFF0B\uFF0D\uFF20',"\r\n][^,"\r\n]*$/;

/** Returns one cell as csv-stringify writes it with CSV_OPTIONS, field by field as it does: numbers, booleans, nulls and
 * plain text here (the rows of a large table are mostly these), any other text by csv-stringify itself. */
function csvField(column: Column, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(column, cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return PLAIN_TEXT.test(cell) ? cell : stringify([[cell]], CSV_OPTIONS).slice(0, -1);
}

function encodeCsv(columns: readonly Column[], rows: readonly Row[]): string {
  return csvLines(columns, rows, true);
}

function encodeJsonl(columns: readonly Column[], rows: readonly Row[]): string {
  // Each object is written by hand: a JS object would put keys like "2" before the others.
  const keys = columns.map((column) => JSON.stringify(column.name) + ':');
  let text = '';
  for (const row of rows) {
    const members: string[] = [];
    for (let c = 0; c < columns.length; c++) {
      const cell = row[c];
      const value =
        cell === null || typeof cell === 'boolean' || typeof cell === 'string' ? JSON.stringify(cell) : numberText(columns[c], cell);
      members.push(keys[c] + value);
    }
    text += '{' + members.join(',') + '}\n';
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Parquet, through hyparquet-writer (pure JS, so sweeps need no native module).

// Every setting whose default could change in a later hyparquet-writer is pinned, so that the bytes
// depend on the rows alone. One row group per 100,000 rows: sweep tables are read whole, not previewed.
const PARQUET_OPTIONS = {
  codec: 'SNAPPY',
  statistics: true,
  rowGroupSize: 100_000,
  pageSize: 1 << 20,
  createdBy: 'partnersim (hyparquet-writer)',
} as const;

// hyparquet-writer (with the Parquet reader it imports) takes as long to load as the rest of a command's start-up, so it is
// loaded on the first Parquet table, not with this module: synchronously, by require(), which loads ES modules from Node 20.19.
let parquetModule: typeof import('hyparquet-writer') | undefined;
function parquetWriter(): typeof import('hyparquet-writer') {
  parquetModule ??= createRequire(import.meta.url)('hyparquet-writer') as typeof import('hyparquet-writer');
  return parquetModule;
}

/** Returns the Parquet schema element of a column: every column OPTIONAL, as every cell may be null. */
function parquetElement(column: Column): SchemaElement {
  switch (column.type) {
    // INT64, not INT32: run seeds go up to 2^32 - 1, which a signed INT32 cannot hold.
    case 'int':
      return { name: column.name, type: 'INT64', repetition_type: 'OPTIONAL' };
    case 'float':
      return { name: column.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
    // Both the legacy converted type and the logical type, so that old and new readers see text.
    case 'bool':
      return { name: column.name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' };
    case 'string':
      return {
        name: column.name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
        repetition_type: 'OPTIONAL',
      };
  }
}

function encodeParquet(columns: readonly Column[], rows: readonly Row[]): Uint8Array {
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map(parquetElement)];
  const columnData = columns.map((column, c) => ({
    name: column.name,
    // hyparquet-writer takes INT64 values as bigints.
    data: column.type === 'int' ? rows.map((row) => (row[c] === null ? null : BigInt(row[c] as number))) : rows.map((row) => row[c]),
  }));
  const bytes = new Uint8Array(parquetWriter().parquetWriteBuffer({ columnData, schema, ...PARQUET_OPTIONS }));
  return rows.length === 0 ? typeEmptyRowGroupList(bytes) : bytes;
}

/**
 * Returns the file of a table with no rows, its empty list of row groups typed as a list of structs.
 * hyparquet-writer 0.17 writes every empty Thrift list with element type 0, which is no type at all;
 * DuckDB and hyparquet accept that, but Arrow's reader refuses the file ("Expected list element type
 * of Struct but got Byte").
 * The footer then ends: row_groups (field 4) = [], created_by (field 6), column_orders (field 7), so
 * the list header is found just before the created_by this module wrote, and nowhere else.
 */
function typeEmptyRowGroupList(bytes: Uint8Array): Uint8Array {
  const createdBy = new TextEncoder().encode(PARQUET_OPTIONS.createdBy);
  // Compact protocol: 0x19 = field +1, a list; 0x00 = 0 elements of type 0; 0x28 = field +2, binary;
  // then its length (under 128, so one byte) and its bytes.
  const marker = Uint8Array.of(0x19, 0x00, 0x28, createdBy.length, ...createdBy);
  const at = lastIndexOf(bytes, marker);
  if (at < 0) return bytes; // a later writer that types the list itself
  const patched = bytes.slice();
  patched[at + 1] = 0x0c; // 0 elements of structs
  return patched;
}

/** Returns where the last occurrence of a byte sequence starts, or -1 (Buffer's lastIndexOf, without Node). */
function lastIndexOf(bytes: Uint8Array, sequence: Uint8Array): number {
  outer: for (let at = bytes.length - sequence.length; at >= 0; at--) {
    for (let i = 0; i < sequence.length; i++) if (bytes[at + i] !== sequence[i]) continue outer;
    return at;
  }
  return -1;
}
