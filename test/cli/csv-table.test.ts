// Reading CSV tables from disk: encodings (Windows-1252; UTF-8 with a byte-order mark or told by its bytes; UTF-16 with
// its byte-order mark; a file that mixes them), quoted fields with commas,
// quotes and line breaks, the line each record starts on, records cut by the block boundary, records passed over by
// the caller's quick test, and a record that is not CSV.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, readCsvTable } from '../../src/cli/csv-table.ts';
import { isPartnersimError } from '../../src/errors.ts';
import type { TableRecord } from '../../src/scenario/host.ts';
import { malformedCsv } from '../../src/scenario/messages.ts';

function file(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'partnersim-csv-')), 'table.csv');
  writeFileSync(path, bytes);
  return path;
}

function read(path: string, wanted?: (text: string) => boolean): TableRecord[] {
  const table = readCsvTable(path, wanted);
  if (table === undefined || 'notAFile' in table) return expect.fail(`no table at ${path}`);
  return [...table];
}

describe('readCsvTable', () => {
  it('decodes Windows-1252, the register extracts’ encoding, including its curly quotes', () => {
    // é is 0xE9 in Windows-1252, ’ is 0x92, – is 0x96.
    const bytes = Buffer.concat([
      Buffer.from('URN,Name\r\n1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' St Aidan'),
      Buffer.from([0x92, 0x73, 0x20, 0x96, 0x20, 0x31]),
      Buffer.from('\r\n'),
    ]);
    expect(read(file(bytes))).toEqual([
      { line: 1, values: ['URN', 'Name'] },
      { line: 2, values: ['1', 'Café St Aidan’s – 1'] },
    ]);
  });

  it('decodes UTF-8 when the file starts with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('URN,Name\n1,Café St Aidan’s\n', 'utf8')]);
    expect(read(file(bytes))).toEqual([
      { line: 1, values: ['URN', 'Name'] },
      { line: 2, values: ['1', 'Café St Aidan’s'] },
    ]);
  });

  it('decodes UTF-8 without a byte-order mark, told by its first bytes beyond ASCII, even past the first block', () => {
    const padding = Array.from({ length: Math.ceil((1.2 * BLOCK_BYTES) / 12) }, (_, i) => `${i},Plain name`);
    const text = ['URN,Name', ...padding, '1,Ysgol Gymraeg Llwyn-yr-Eos – Caf\u00e9 St Aidan\u2019s', ''].join('\n');
    const records = read(file(Buffer.from(text, 'utf8')));
    expect(records.at(-1)).toEqual({ line: padding.length + 2, values: ['1', 'Ysgol Gymraeg Llwyn-yr-Eos – Café St Aidan’s'] });
  }, 30_000);

  it('decodes UTF-16 with its byte-order mark, little- or big-endian', () => {
    const text = 'URN,Name\n1,Café St Aidan’s\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [le, be])
      expect(read(file(bytes))).toEqual([
        { line: 1, values: ['URN', 'Name'] },
        { line: 2, values: ['1', 'Café St Aidan’s'] },
      ]);
  });

  it('names the file and where a file read as UTF-8 stops being UTF-8', () => {
    const padding = Array.from({ length: Math.ceil((1.2 * BLOCK_BYTES) / 12) }, (_, i) => `${i},Plain name`);
    const utf8 = Buffer.from(['URN,Name', '1,Café', ...padding, ''].join('\n'), 'utf8');
    const path = file(Buffer.concat([utf8, Buffer.from('2,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    try {
      read(path);
      expect.fail('expected an error');
    } catch (error) {
      expect(isPartnersimError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not one encoding: .* from line \\d+\\.`),
      );
    }
  }, 30_000);

  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers each record by the line it starts on', () => {
    const text = 'URN,Name,Town\r\n1,"Alder School, Northfield","A ""quoted"" town"\r\n2,"Two\r\nlines",X\r\n\r\n3,Plain,Y\r\n';
    expect(read(file(Buffer.from(text, 'latin1')))).toEqual([
      { line: 1, values: ['URN', 'Name', 'Town'] },
      { line: 2, values: ['1', 'Alder School, Northfield', 'A "quoted" town'] },
      { line: 3, values: ['2', 'Two\r\nlines', 'X'] },
      { line: 6, values: ['3', 'Plain', 'Y'] },
    ]);
  });

  it('reads a last record without a line end, and records that a block boundary cuts, quotes and all', () => {
    const rows = Array.from({ length: Math.ceil((1.2 * BLOCK_BYTES) / 30) }, (_, i) => `${i},"name, ${i}","a ""b"" ${i}"`);
    const records = read(file(Buffer.from(['URN,Name,Note', ...rows].join('\n'), 'latin1')));
    expect(records.slice(1)).toEqual(rows.map((_, i) => ({ line: i + 2, values: [String(i), `name, ${i}`, `a "b" ${i}`] })));
  }, 30_000);

  it('passes over the records the quick test rejects, but always gives the header', () => {
    const text = 'URN,Status\n1,Open\n2,Closed\n3,OPEN\n';
    expect(read(file(Buffer.from(text)), (t) => t.includes('open'))).toEqual([
      { line: 1, values: ['URN', 'Status'] },
      { line: 2, values: ['1', 'Open'] },
      { line: 4, values: ['3', 'OPEN'] },
    ]);
  });

  it('gives nothing for a missing file, and a message naming the line of a record that is not CSV', () => {
    expect(readCsvTable(join(tmpdir(), 'no-such-partnersim-table.csv'))).toBeUndefined();
    const path = file(Buffer.from('URN,Name\n1,ok\n2,"bad"x\n3,ok\n'));
    try {
      read(path);
      expect.unreachable();
    } catch (error) {
      expect(isPartnersimError(error) && error.code).toBe('register-malformed');
      expect((error as Error).message).toBe(malformedCsv(`${path}:3`, (error as Error).message.split('found ')[1].split('. Fix')[0]));
      expect((error as Error).message).toMatch(
        /^.*table\.csv:3: not valid CSV: expected fields separated by commas, quoted with double quotes, found Invalid Closing Quote/,
      );
    }
  });
});
