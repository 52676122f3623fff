// The sweep's table encoders: exact CSV and JSON Lines text, exact round trips, the cells they refuse,
// deterministic bytes, and Parquet files that three independent readers (DuckDB, Arrow's Rust reader
// through parquet-wasm, hyparquet) read back with the very same values, nulls and types.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { type Options as StringifyOptions, stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { parquetMetadata, parquetRead } from 'hyparquet';
import { readParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CsvRowWriter,
  csvTextValue,
  encodeCsvRows,
  encodeTable,
  isTableFormat,
  tableFileName,
  TABLE_FORMATS,
  type Cell,
  type Column,
  type ColumnType,
  type Row,
} from '../../src/sweep/table.ts';

// ---------------------------------------------------------------------------------------------
// A small table with every hard case: nulls in each type, a comma, a quote and a newline in one string,
// a non-ASCII string, the empty string, -0, a float that prints long, a seed at 2^32 - 1.

const COLUMNS: readonly Column[] = [
  { name: 'seed', type: 'int' },
  { name: 'area', type: 'string' },
  { name: 'trust', type: 'float' },
  { name: 'note', type: 'string' },
];

const ROWS: readonly Row[] = [
  [1, 'north', 0.1 + 0.2, 'plain'],
  [2, 'south, east', null, 'said "hi"'],
  [null, 'a,"b"\nc', -0, ''],
  [4294967295, 'Ōtautahi ✓', 1e21, null],
  [-9007199254740991, 'cr\rhere', 5e-324, 'x'],
];

const CSV = `seed,area,trust,note
1,north,0.30000000000000004,plain
2,"south, east",,"said ""hi"""
,"a,""b""
c",-0,""
4294967295,Ōtautahi ✓,1e+21,
-9007199254740991,"cr\rhere",5e-324,x
`;

const JSONL = `{"seed":1,"area":"north","trust":0.30000000000000004,"note":"plain"}
{"seed":2,"area":"south, east","trust":null,"note":"said \\"hi\\""}
{"seed":null,"area":"a,\\"b\\"\\nc","trust":-0,"note":""}
{"seed":4294967295,"area":"Ōtautahi ✓","trust":1e+21,"note":null}
{"seed":-9007199254740991,"area":"cr\\rhere","trust":5e-324,"note":"x"}
`;

const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// ---------------------------------------------------------------------------------------------
// Reading back, as a user's tool would.

/** Returns the records of RFC 4180 text, each field with whether it was quoted (so "" differs from an empty field). */
function parseCsv(source: string): { text: string; quoted: boolean }[][] {
  const records: { text: string; quoted: boolean }[][] = [];
  let record: { text: string; quoted: boolean }[] = [];
  let i = 0;
  if (!source.endsWith('\n')) throw new Error('CSV text must end with a newline');
  while (i < source.length) {
    let field = '';
    let quoted = false;
    if (source[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= source.length) throw new Error('unterminated quoted field');
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += source[i++];
      }
      if (source[i] !== ',' && source[i] !== '\n') throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (source[i] !== ',' && source[i] !== '\n') {
        if (source[i] === '"' || source[i] === '\r') throw new Error(`unquoted ${JSON.stringify(source[i])} at ${i}`);
        field += source[i++];
      }
    }
    record.push({ text: field, quoted });
    if (source[i++] === '\n') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** Returns the cells of a CSV table read back by column type: an unquoted empty field is null. */
function readCsv(columns: readonly Column[], source: string): { header: string[]; rows: Cell[][] } {
  const [header, ...records] = parseCsv(source);
  const rows = records.map((record) =>
    record.map(({ text: field, quoted }, c) => {
      if (field === '' && !quoted) return null;
      if (columns[c].type === 'bool') return field === 'TRUE' ? true : field === 'FALSE' ? false : `not a boolean: ${field}`;
      return columns[c].type === 'string' ? csvTextValue(field) : Number(field);
    }),
  );
  return { header: header.map((field) => csvTextValue(field.text)), rows };
}

/** Returns the first cell where two tables differ (numbers compared with Object.is), or undefined. */
function firstDifference(actual: readonly (readonly unknown[])[], expected: readonly (readonly unknown[])[]): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}`;
  for (let r = 0; r < expected.length; r++) {
    if (actual[r].length !== expected[r].length) return `row ${r}: ${actual[r].length} cells, expected ${expected[r].length}`;
    for (let c = 0; c < expected[r].length; c++) {
      if (!Object.is(actual[r][c], expected[r][c]))
        return `row ${r}, column ${c}: ${String(actual[r][c])} (${typeof actual[r][c]}), expected ${String(expected[r][c])} (${typeof expected[r][c]})`;
    }
  }
  return undefined;
}

/** Returns the rows as a Parquet reader gives them: int cells as bigints (INT64). */
function asParquetRows(columns: readonly Column[], rows: readonly Row[]): unknown[][] {
  return rows.map((row) => row.map((cell, c) => (columns[c].type === 'int' && cell !== null ? BigInt(cell) : cell)));
}

/** Returns the rows and column types of a Parquet file as Arrow's Rust reader (parquet-wasm) gives them. */
function readWithArrow(bytes: Uint8Array): { types: string[]; rows: unknown[][] } {
  const table = tableFromIPC(readParquet(bytes).intoIPCStream());
  const vectors = table.schema.fields.map((_, c) => [...table.getChildAt(c)!]);
  return {
    types: table.schema.fields.map((field) => `${field.name}: ${field.type}${field.nullable ? '?' : ''}`),
    rows: Array.from({ length: table.numRows }, (_, r) => vectors.map((vector) => vector[r])),
  };
}

/** Returns the rows of a Parquet file as hyparquet gives them. */
async function readWithHyparquet(bytes: Uint8Array): Promise<unknown[][]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: unknown[][] = [];
  await parquetRead({ file, rowFormat: 'array', onComplete: (data) => (rows = data) });
  return rows;
}

const ARROW_TYPE: Record<ColumnType, string> = { int: 'Int64', float: 'Float64', string: 'Utf8', bool: 'Bool' };
const DUCKDB_TYPE: Record<ColumnType, string> = { int: 'BIGINT', float: 'DOUBLE', string: 'VARCHAR', bool: 'BOOLEAN' };

let dir = '';
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;
let files = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnersim-table-'));
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
});

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** Returns the rows and column types of a Parquet file as DuckDB reads it from disk. */
async function readWithDuckdb(bytes: Uint8Array): Promise<{ names: string[]; types: string[]; rows: unknown[][] }> {
  const path = join(dir, `table-${files++}.parquet`);
  writeFileSync(path, bytes);
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
  return { names: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRows() };
}

// ---------------------------------------------------------------------------------------------
// Arbitrary tables, weighted towards what breaks encoders.

const awkwardString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', 'Ō', '✓', '😀', '\\', '=', '+', '-', '@', '\t', "'", '＝'),
    maxLength: 8,
  }),
);

const cellOf: Record<ColumnType, fc.Arbitrary<Cell>> = {
  int: fc.oneof(fc.maxSafeInteger(), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
  float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  string: awkwardString,
  bool: fc.boolean(),
};

/** Any valid table: 1 to 5 columns of any type with unique names, 0 to 20 rows, any cell possibly null. */
const table = fc
  .uniqueArray(
    fc.record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      type: fc.constantFrom<ColumnType>('int', 'float', 'string', 'bool'),
    }),
    {
      minLength: 1,
      maxLength: 5,
      selector: (column) => column.name,
    },
  )
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns as readonly Column[]),
      rows: fc.array(fc.tuple(...columns.map((column) => fc.option(cellOf[column.type], { freq: 4 }))) as fc.Arbitrary<Cell[]>, {
        maxLength: 20,
      }),
    }),
  );

// ---------------------------------------------------------------------------------------------

describe('formats', () => {
  it('lists csv, parquet and jsonl, each its own file extension', () => {
    expect(TABLE_FORMATS).toEqual(['csv', 'parquet', 'jsonl']);
    expect(TABLE_FORMATS.map((format) => tableFileName('runs', format))).toEqual(['runs.csv', 'runs.parquet', 'runs.jsonl']);
  });

  it('tells a format from any other string', () => {
    expect(TABLE_FORMATS.every(isTableFormat)).toBe(true);
    expect(['CSV', 'json', 'parquet ', ''].some(isTableFormat)).toBe(false);
  });
});

describe('CSV', () => {
  it('writes a header, String() numbers, empty nulls, quotes only where needed, \\n line ends and a final newline', () => {
    expect(text(encodeTable(COLUMNS, ROWS, 'csv'))).toBe(CSV);
  });

  it('quotes a column name like any other field', () => {
    expect(
      text(
        encodeTable(
          [
            { name: 'mean, trust', type: 'float' },
            { name: 'n', type: 'int' },
          ],
          [[0.5, 3]],
          'csv',
        ),
      ),
    ).toBe('"mean, trust",n\n0.5,3\n');
  });

  it('writes the header alone for a table with no rows', () => {
    expect(text(encodeTable(COLUMNS, [], 'csv'))).toBe('seed,area,trust,note\n');
  });

  it('reads back to the same cells, numbers identical under Object.is, for any table', () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const back = readCsv(columns, text(encodeTable(columns, rows, 'csv')));
        expect(back.header).toEqual(columns.map((column) => column.name));
        expect(firstDifference(back.rows, rows)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it('writes what csv-stringify writes with the convention’s options, for any table', () => {
    // The encoder writes numbers, booleans, nulls and plain text itself and hands csv-stringify only other text: this is
    // csv-stringify writing every cell, as the encoder did before (with -0 kept in a float column and not in an int one).
    const escapedFormula = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
    const options: StringifyOptions = {
      eof: true,
      record_delimiter: 'unix',
      escape_formulas: true,
      quoted_match: [/^$/, /\r/],
      cast: {
        boolean: (value: boolean) => (value ? 'TRUE' : 'FALSE'),
        number: (value: number) => (Object.is(value, -0) ? '-0' : String(value)),
        string: (value: string) => (escapedFormula.test(value) ? `'${value}` : value),
      },
    };
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const cells = rows.map((row) => row.map((cell, c) => (columns[c].type === 'int' && Object.is(cell, -0) ? 0 : cell)));
        const expected = stringify([columns.map((column) => column.name)], options) + (rows.length === 0 ? '' : stringify(cells, options));
        expect(text(encodeTable(columns, rows, 'csv'))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('columns with decimals', () => {
  // The same table with its decimals columns' numbers rounded to 6 places (halves away from zero, no sign of zero)
  // below 1e9 in magnitude, and the columns plain floats: what a table with decimals should write in CSV and JSON Lines.
  const withDecimals = table.chain(({ columns, rows }) =>
    fc.tuple(...columns.map((column) => fc.boolean().map((fixed) => fixed && column.type === 'float'))).map((fixed) => ({
      columns: columns.map((column, c): Column => (fixed[c] ? { ...column, decimals: 6 } : column)),
      plain: columns,
      rows,
      rounded: rows.map((row) =>
        row.map((cell, c) =>
          fixed[c] && typeof cell === 'number' && Math.abs(cell) < 1e9
            ? Math.sign(cell) * (Math.round(Math.abs(cell) * 1e6) / 1e6) || 0
            : cell,
        ),
      ),
    })),
  );

  it('are written at 6 decimal places in CSV and JSON Lines, every other cell as without them, for any table', () => {
    fc.assert(
      fc.property(withDecimals, ({ columns, plain, rows, rounded }) => {
        for (const format of ['csv', 'jsonl'] as const)
          expect(text(encodeTable(columns, rows, format))).toBe(text(encodeTable(plain, rounded, format)));
      }),
      { numRuns: 1000 },
    );
  });

  it('are written exactly in Parquet', () => {
    fc.assert(
      fc.property(withDecimals, ({ columns, plain, rows }) => {
        expect(encodeTable(columns, rows, 'parquet')).toEqual(encodeTable(plain, rows, 'parquet'));
      }),
      { numRuns: 100 },
    );
  });

  it('write the cases by hand: trailing zeros trimmed, -0 as 0, text beside them as the convention writes it', () => {
    const columns: readonly Column[] = [
      { name: 'trust', type: 'float', decimals: 6 },
      { name: 'note', type: 'string' },
      { name: 'n', type: 'int' },
    ];
    const rows: Row[] = [
      [0.5, '-x', -3],
      [0.1234567, 'a, "b"', 2 ** 40],
      [-0, 'Ōtautahi ✓', null],
      [0.9999996, null, 0],
      [-0.0000004, '', 1],
      [null, 'plain', 2],
    ];
    expect(text(encodeTable(columns, rows, 'csv'))).toBe(
      `trust,note,n\n0.5,'-x,-3\n0.123457,"a, ""b""",1099511627776\n0,Ōtautahi ✓,\n1,,0\n0,"",1\n,plain,2\n`,
    );
  });
});

describe('JSON Lines', () => {
  it('writes one object per row, keys in column order, null as null, -0 kept', () => {
    expect(text(encodeTable(COLUMNS, ROWS, 'jsonl'))).toBe(JSONL);
  });

  it('keeps column order even for names a JS object would put first', () => {
    expect(
      text(
        encodeTable(
          [
            { name: 'b', type: 'int' },
            { name: '2', type: 'int' },
          ],
          [[1, 2]],
          'jsonl',
        ),
      ),
    ).toBe('{"b":1,"2":2}\n');
  });

  it('writes nothing for a table with no rows', () => {
    expect(encodeTable(COLUMNS, [], 'jsonl')).toEqual(new Uint8Array());
  });

  it('parses back to the same keys and cells, numbers identical under Object.is, for any table', () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const lines = text(encodeTable(columns, rows, 'jsonl')).split('\n');
        expect(lines.pop()).toBe('');
        const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        for (const object of objects) expect(Object.keys(object).sort()).toEqual(columns.map((column) => column.name).sort());
        expect(
          firstDifference(
            objects.map((object) => columns.map((column) => object[column.name])),
            rows,
          ),
        ).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('cells that do not fit their column', () => {
  const ints: readonly Column[] = [
    { name: 'id', type: 'int' },
    { name: 'seed', type: 'int' },
  ];

  it.each(TABLE_FORMATS)('%s: an int beyond 2^53 or with a fraction is a TypeError naming the column and row', (format) => {
    expect(() =>
      encodeTable(
        ints,
        [
          [1, 2],
          [3, 2 ** 53],
        ],
        format,
      ),
    ).toThrow(TypeError);
    expect(() =>
      encodeTable(
        ints,
        [
          [1, 2],
          [3, 2 ** 53],
        ],
        format,
      ),
    ).toThrow(/column "seed" \(int\), row 1: expected a safe integer or null, found 9007199254740992/);
    expect(() => encodeTable(ints, [[1.5, 2]], format)).toThrow(/column "id" \(int\), row 0: expected a safe integer/);
  });

  it.each(TABLE_FORMATS)('%s: NaN and Infinity are TypeErrors naming the column and row (store null instead)', (format) => {
    const columns: readonly Column[] = [
      { name: 'x', type: 'float' },
      { name: 'meanTrust', type: 'float' },
    ];
    expect(() =>
      encodeTable(
        columns,
        [
          [0, 0],
          [0, 0],
          [0, NaN],
        ],
        format,
      ),
    ).toThrow(/column "meanTrust" \(float\), row 2: expected a finite number or null, found NaN/);
    expect(() => encodeTable(columns, [[-Infinity, 0]], format)).toThrow(
      /column "x" \(float\), row 0: expected a finite number or null, found -Infinity/,
    );
    expect(() => encodeTable(ints, [[Infinity, 0]], format)).toThrow(TypeError);
  });

  it.each(TABLE_FORMATS)('%s: a cell of the wrong kind, a short row, or a lone surrogate is a TypeError', (format) => {
    expect(() => encodeTable(ints, [['1', 2]], format)).toThrow(
      /column "id" \(int\), row 0: expected a number or null, found the string "1"/,
    );
    expect(() => encodeTable([{ name: 'area', type: 'string' }], [[7]], format)).toThrow(
      /column "area" \(string\), row 0: expected a string or null, found the number 7/,
    );
    expect(() => encodeTable(ints, [[1]], format)).toThrow(/row 0 has 1 cells: expected 2/);
    expect(() => encodeTable(ints, [[1, undefined as unknown as Cell]], format)).toThrow(/found nothing/);
    expect(() => encodeTable([{ name: 'area', type: 'string' }], [['ok'], ['\uD800x']], format)).toThrow(
      /column "area" \(string\), row 1: expected well-formed Unicode/,
    );
    // A surrogate pair is one well-formed character.
    expect(() => encodeTable([{ name: 'area', type: 'string' }], [['😀']], format)).not.toThrow();
  });

  it.each(TABLE_FORMATS)('%s: no columns, an empty or repeated name, or an unknown type is a TypeError', (format) => {
    expect(() => encodeTable([], [], format)).toThrow(/at least one column/);
    expect(() => encodeTable([{ name: '', type: 'int' }], [], format)).toThrow(/non-empty name/);
    expect(() =>
      encodeTable(
        [
          { name: 'a', type: 'int' },
          { name: 'a', type: 'float' },
        ],
        [],
        format,
      ),
    ).toThrow(/"a" appears twice/);
    expect(() => encodeTable([{ name: 'a', type: 'boolean' as ColumnType }], [], format)).toThrow(/"a" has type "boolean"/);
  });

  it('a CsvRowWriter refuses what encodeCsvRows refuses, naming the column and row', () => {
    const columns: readonly Column[] = [
      { name: 'id', type: 'int' },
      { name: 'trust', type: 'float', decimals: 6 },
    ];
    const rows = (cells: readonly (readonly Cell[])[]) => {
      const writer = new CsvRowWriter(columns);
      for (const row of cells) {
        for (const cell of row) writer.cell(cell);
        writer.end();
      }
      return writer.take();
    };
    expect(rows([[1, 0.5]])).toBe(encodeCsvRows(columns, [[1, 0.5]], false));
    expect(() =>
      rows([
        [1, 0.5],
        [2, NaN],
      ]),
    ).toThrow(/column "trust" \(float\), row 1: expected a finite number or null, found NaN/);
    expect(() => rows([[1.5, 0]])).toThrow(/column "id" \(int\), row 0: expected a safe integer/);
    expect(() => rows([[1]])).toThrow(/row 0 has 1 cells: expected 2/);
    expect(() => rows([[1, 0, 2]])).toThrow(/row 0 has 3 cells: expected 2/);
    expect(() => new CsvRowWriter([])).toThrow(/at least one column/);
  });

  it('an unknown format is a TypeError', () => {
    expect(() => encodeTable(COLUMNS, ROWS, 'xlsx' as 'csv')).toThrow(/unknown table format "xlsx"/);
  });
});

describe('determinism', () => {
  const hashes = (): string[] =>
    TABLE_FORMATS.map((format) =>
      createHash('sha256')
        .update(encodeTable(COLUMNS, ROWS, format))
        .digest('hex'),
    );

  it('gives the same bytes for the same rows, and does not mutate them', () => {
    const before = JSON.stringify(ROWS);
    expect(hashes()).toEqual(hashes());
    expect(JSON.stringify(ROWS)).toBe(before);
  });

  it('gives the same bytes in another process (no clock, no random in the Parquet footer)', () => {
    const script = join(dir, 'encode.ts');
    const module = pathToFileURL(resolve(import.meta.dirname, '../../src/sweep/table.ts')).href;
    writeFileSync(
      script,
      `import { createHash } from 'node:crypto';
import { encodeTable, TABLE_FORMATS } from ${JSON.stringify(module)};
const columns = ${JSON.stringify(COLUMNS)};
const rows = ${JSON.stringify(ROWS.map((row) => row.map((cell) => (Object.is(cell, -0) ? '-0' : cell))))}.map((row) => row.map((cell) => (cell === '-0' ? -0 : cell)));
console.log(JSON.stringify(TABLE_FORMATS.map((format) => createHash('sha256').update(encodeTable(columns, rows, format)).digest('hex'))));
`,
    );
    const printed = execFileSync(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(printed)).toEqual(hashes());
  }, 60_000);
});

describe('Parquet', () => {
  const bytes = encodeTable(COLUMNS, ROWS, 'parquet');
  const expected = asParquetRows(COLUMNS, ROWS);

  it('is a Parquet file: PAR1 at both ends, the schema OPTIONAL INT64, DOUBLE and UTF8 STRING', () => {
    expect(text(bytes.slice(0, 4))).toBe('PAR1');
    expect(text(bytes.slice(-4))).toBe('PAR1');
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(metadata.num_rows).toBe(5n);
    const columns = metadata.schema.slice(1);
    expect(
      columns.map(({ name, type, repetition_type, converted_type, logical_type }) => ({
        name,
        type,
        repetition_type,
        converted_type,
        logical_type,
      })),
    ).toEqual([
      { name: 'seed', type: 'INT64', repetition_type: 'OPTIONAL', converted_type: undefined, logical_type: undefined },
      { name: 'area', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
      { name: 'trust', type: 'DOUBLE', repetition_type: 'OPTIONAL', converted_type: undefined, logical_type: undefined },
      { name: 'note', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
    ]);
  });

  it('reads back exactly in DuckDB, as BIGINT, DOUBLE and VARCHAR', async () => {
    const read = await readWithDuckdb(bytes);
    expect(read.names).toEqual(COLUMNS.map((column) => column.name));
    expect(read.types).toEqual(COLUMNS.map((column) => DUCKDB_TYPE[column.type]));
    expect(firstDifference(read.rows, expected)).toBeUndefined();
    expect(read.rows[2][1]).toBe('a,"b"\nc');
    expect(read.rows[3][1]).toBe('Ōtautahi ✓');
  });

  it("reads back exactly in Arrow's Rust reader (parquet-wasm), as nullable Int64, Float64 and Utf8", () => {
    const read = readWithArrow(bytes);
    expect(read.types).toEqual(COLUMNS.map((column) => `${column.name}: ${ARROW_TYPE[column.type]}?`));
    expect(firstDifference(read.rows, expected)).toBeUndefined();
  });

  it('reads back exactly in hyparquet', async () => {
    expect(firstDifference(await readWithHyparquet(bytes), expected)).toBeUndefined();
  });

  it('writes a table with no rows that all three readers open, with its columns and types', async () => {
    const empty = encodeTable(COLUMNS, [], 'parquet');
    const duck = await readWithDuckdb(empty);
    expect(duck.types).toEqual(COLUMNS.map((column) => DUCKDB_TYPE[column.type]));
    expect(duck.rows).toEqual([]);
    const arrow = readWithArrow(empty);
    expect(arrow.types).toEqual(COLUMNS.map((column) => `${column.name}: ${ARROW_TYPE[column.type]}?`));
    expect(arrow.rows).toEqual([]);
    expect(await readWithHyparquet(empty)).toEqual([]);
  });

  it('reads back exactly in all three readers for any table', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ columns, rows }) => {
        const file = encodeTable(columns, rows, 'parquet');
        const expect_ = asParquetRows(columns, rows);
        const duck = await readWithDuckdb(file);
        expect(duck.names).toEqual(columns.map((column) => column.name));
        expect(duck.types).toEqual(columns.map((column) => DUCKDB_TYPE[column.type]));
        expect(firstDifference(duck.rows, expect_)).toBeUndefined();
        expect(firstDifference(readWithArrow(file).rows, expect_)).toBeUndefined();
        expect(firstDifference(await readWithHyparquet(file), expect_)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('reads back exactly across row groups and pages (100,001 rows, an all-null column)', async () => {
    const columns: readonly Column[] = [
      { name: 'run', type: 'int' },
      { name: 'meanTrust', type: 'float' },
      { name: 'label', type: 'string' },
      { name: 'never', type: 'float' },
    ];
    const rows: Row[] = Array.from({ length: 100_001 }, (_, r) => [
      r * 42_949,
      r % 7 === 0 ? null : r / 3,
      r % 11 === 0 ? null : `run ${r}, "Ōtautahi"`,
      null,
    ]);
    const file = encodeTable(columns, rows, 'parquet');
    const expected = asParquetRows(columns, rows);
    const metadata = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(metadata.row_groups.map((group) => group.num_rows)).toEqual([100_000n, 1n]);
    expect(firstDifference((await readWithDuckdb(file)).rows, expected)).toBeUndefined();
    expect(firstDifference(readWithArrow(file).rows, expected)).toBeUndefined();
    expect(firstDifference(await readWithHyparquet(file), expected)).toBeUndefined();
  }, 60_000);
});

describe('a sweep-sized table', () => {
  it('encodes 100,000 rows x 15 columns in every format', async () => {
    const types: readonly ColumnType[] = ['int', 'float', 'string'];
    const columns: Column[] = Array.from({ length: 15 }, (_, c) => ({ name: `c${c}`, type: types[c % 3] }));
    const rows: Row[] = Array.from({ length: 100_000 }, (_, r) =>
      columns.map((column, c) =>
        r % 17 === c
          ? null
          : column.type === 'int'
            ? (r * 2_654_435_761) % 2 ** 32
            : column.type === 'float'
              ? r / (c + 1)
              : `area ${r % 50}, "${c}"`,
      ),
    );
    expect(text(encodeTable(columns, rows, 'csv')).split('\n')).toHaveLength(100_002);
    expect(text(encodeTable(columns, rows, 'jsonl')).split('\n')).toHaveLength(100_001);
    const file = encodeTable(columns, rows, 'parquet');
    expect(parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer).num_rows).toBe(100_000n);
  }, 180_000);
});
