// Reading the register: the synthetic sample in data/ loads to the organisations counted by hand from its CSV, by name
// or code, with or without its links; and every kind of bad input stops with its own message and code.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { isPartnersimError } from '../../src/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  badRegisterValue,
  registerConflict,
  registerEmpty,
  registerEmptySelection,
  registerFileMissing,
  registerNeedsFiles,
  registerNoDate,
  registerNotExtract,
  registerRowsSkipped,
  registerTooManyBadRows,
  unknownAuthority,
  wrongType,
} from '../../src/scenario/messages.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import {
  dateInFileName,
  MAX_SKIPPED_SHARE,
  parseRegisterDate,
  REGISTER_DATE_KEY,
  registerNotes,
  yearsBetween,
} from '../../src/scenario/register.ts';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data/synthetic-edubasealldata20250101.csv');
const LINKS = join(ROOT, 'data/synthetic-alllinksdata20250101.csv');

// A scenario file in a fresh directory, with the sample's files beside it under their own names unless given.
function scenarioWith(organisations: string, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'partnersim-register-'));
  writeFileSync(join(dir, 'edubasealldata20250101.csv'), readFileSync(SAMPLE));
  writeFileSync(join(dir, 'alllinksdata20250101.csv'), readFileSync(LINKS));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const path = join(dir, 'my-la.yaml');
  writeFileSync(path, `name: my-la\norganisations:\n${organisations}`);
  return path;
}

const FROM = '  from:\n    establishments: edubasealldata20250101.csv\n    links: alllinksdata20250101.csv\n';

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isPartnersimError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a PartnersimError');
}

// The sample's lines, to make broken copies of it.
const sampleLines = () => new TextDecoder('windows-1252').decode(readFileSync(SAMPLE)).split('\r\n');
const column = (name: string) => sampleLines()[0].split(',').indexOf(name);
const win1252 = (text: string) => Buffer.from(text, 'latin1');
// A line of no quoted field with one field replaced.
const replaceField = (line: string, index: number, value: string) =>
  line
    .split(',')
    .map((field, i) => (i === index ? value : field))
    .join(',');

describe('the synthetic sample in data/', () => {
  const scenario = loadScenario(join(ROOT, 'scenarios/local-authority.yaml'), nodeHost);
  const register = scenario.organisations.register!;

  it('loads to the establishments counted by hand: 93 open schools, academies and colleges in each of three authorities', () => {
    expect(scenario.organisations.areas.map((a) => a.name)).toEqual(['Northfield', 'Eastmere', 'Southdale']);
    expect(scenario.organisations.kinds).toEqual({ school: 133, academy: 133, trust: 0, college: 13, provider: 0, community: 0 });
    for (const area of ['Northfield', 'Eastmere', 'Southdale'])
      expect(register.establishments.filter((e) => e.area === area)).toHaveLength(93);
    expect(register.establishments.filter((e) => e.area === 'Northfield' && e.kind === 'school')).toHaveLength(40);
    expect(register.establishments.filter((e) => e.area === 'Eastmere' && e.kind === 'academy')).toHaveLength(40);
    expect(register.establishments.filter((e) => e.area === 'Southdale' && e.kind === 'college')).toHaveLength(6);
    expect(register.leftOut).toEqual({ 'Online provider': 3, 'Other independent school': 6 });
    expect(register.skipped).toEqual([]);
    expect(register.date).toBe('2025-01-01');
    expect(register.extract).toBe('../data/synthetic-edubasealldata20250101.csv');
  });

  it('keeps each establishment as the register has it: position, pupils, trust with its joining date, federation', () => {
    const first = register.establishments.find((e) => e.urn === 990001);
    expect(first).toEqual({
      urn: 990001,
      name: expect.stringContaining('(synthetic)'),
      kind: 'academy',
      area: 'Northfield',
      easting: expect.any(Number),
      northing: expect.any(Number),
      pupils: 1288,
      trust: { uid: 5000, name: 'Oak Learning Trust (synthetic)', joined: '2017-04-01' },
      federation: null,
    });
    expect(register.establishments.filter((e) => e.trust !== null)).toHaveLength(112);
    expect(register.establishments.filter((e) => e.trust !== null && e.trust.joined === null)).toHaveLength(0);
    expect(new Set(register.establishments.flatMap((e) => (e.trust === null ? [] : [e.trust.uid]))).size).toBe(12);
    expect(register.establishments.filter((e) => e.federation !== null).map((e) => e.area)).toEqual([
      'Northfield',
      'Northfield',
      'Northfield',
      'Eastmere',
      'Eastmere',
      'Southdale',
      'Southdale',
    ]);
    expect(register.establishments.filter((e) => e.area === 'Northfield' && e.pupils === null)).toHaveLength(4);
  });

  it('reads names with accents, curly quotes and commas as written', () => {
    const names = register.establishments.map((e) => e.name);
    expect(names.some((n) => n.includes('Thérèse'))).toBe(true);
    expect(names.some((n) => n.includes('Aidan’s'))).toBe(true);
    expect(names).toContain('Alder Special School, Northfield 8 (synthetic)');
  });

  it('lists the establishments by area, kind and URN, whatever the order of the rows', () => {
    const lines = sampleLines();
    const path = scenarioWith(FROM, {
      'edubasealldata20250101.csv': win1252([lines[0], ...lines.slice(1, -1).reverse(), ''].join('\r\n')),
    });
    expect(loadScenario(path, nodeHost).organisations.register!.establishments).toEqual(register.establishments);
  });
});

describe('choosing local authorities', () => {
  it('takes names or codes, in the order given, and every authority by code when none is given', () => {
    const byCode = loadScenario(scenarioWith(`${FROM}    localAuthorities: [972, eastmere]\n`), nodeHost);
    expect(byCode.organisations.areas.map((a) => a.name)).toEqual(['Southdale', 'Eastmere']);
    expect(byCode.organisations.register!.establishments).toHaveLength(186);
    const all = loadScenario(scenarioWith(FROM), nodeHost);
    expect(all.organisations.areas.map((a) => a.name)).toEqual(['Northfield', 'Eastmere', 'Southdale']);
  });

  it('gives areas the levers a scenario sets for them by name', () => {
    const path = scenarioWith(
      `${FROM}    localAuthorities: [Northfield, Eastmere]\n  areas:\n    - name: Eastmere\n      context: { history: 0.9 }\n`,
    );
    const areas = loadScenario(path, nodeHost).organisations.areas;
    expect(areas.map((a) => [a.name, a.context.history[0].value])).toEqual([
      ['Northfield', 0.4],
      ['Eastmere', 0.9],
    ]);
  });

  it('leaves joining dates unknown without the links', () => {
    const path = scenarioWith('  from:\n    establishments: edubasealldata20250101.csv\n');
    const register = loadScenario(path, nodeHost).organisations.register!;
    expect(register.links).toBeNull();
    expect(register.establishments.filter((e) => e.trust !== null).every((e) => e.trust?.joined === null)).toBe(true);
  });

  it('replaces the organisations of the file it extends, and a child may set its areas levers', () => {
    const path = scenarioWith(FROM, {
      'child.yaml': 'extends: my-la.yaml\norganisations:\n  areas:\n    - name: Southdale\n      localAuthority: { support: 0.9 }\n',
    });
    writeFileSync(path, `extends: ${join(ROOT, 'scenarios/baseline.yaml')}\nname: my-la\norganisations:\n${FROM}`);
    const child = loadScenario(join(path, '../child.yaml'), nodeHost);
    expect(child.organisations.register!.establishments).toHaveLength(279);
    expect(child.organisations.areas.map((a) => a.localAuthority.support[0].value)).toEqual([0.5, 0.5, 0.9]);
  });
});

describe('bad input', () => {
  it('a missing file: placed at the key that names it', () => {
    const path = scenarioWith('  from:\n    establishments: nowhere.csv\n');
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'register-missing',
      message: registerFileMissing(`${path}:4:21`, 'establishments', join(path, '../nowhere.csv'), path),
    });
  });

  it('a file that is not an extract: its missing columns named', () => {
    const path = scenarioWith('  from:\n    establishments: alllinksdata20250101.csv\n');
    const { code, message } = failure(() => loadScenario(path, nodeHost));
    expect(code).toBe('register-columns');
    expect(message).toBe(
      registerNotExtract(`${join(path, '../alllinksdata20250101.csv')}:1`, 'establishments', [
        'EstablishmentStatus (name)',
        'NumberOfPupils',
        'TrustSchoolFlag (name)',
        'Trusts (code)',
        'Trusts (name)',
        'Federations (code)',
        'Federations (name)',
        'Easting',
        'Northing',
      ]),
    );
  });

  it('an unknown local authority: the nearest name in the file suggested', () => {
    const path = scenarioWith(`${FROM}    localAuthorities: [Eastmere, Northfeld]\n`);
    const csv = join(path, '../edubasealldata20250101.csv');
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'register-unknown-authority',
      message: unknownAuthority(`${path}:6:34`, 1, 'Northfeld', csv, 'Northfield'),
    });
  });

  it('a header-only file', () => {
    const path = scenarioWith(FROM, { 'edubasealldata20250101.csv': win1252(`${sampleLines()[0]}\r\n`) });
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'register-empty',
      message: registerEmpty(join(path, '../edubasealldata20250101.csv')),
    });
  });

  it('an authority with no open school, academy or college', () => {
    const lines = sampleLines();
    const closed = lines.filter((line) => !line.includes(',Southdale,') || line.includes(',Closed,'));
    const path = scenarioWith(`${FROM}    localAuthorities: [Southdale]\n`, { 'edubasealldata20250101.csv': win1252(closed.join('\r\n')) });
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'register-empty',
      message: registerEmptySelection(`${path}:6:24`, join(path, '../edubasealldata20250101.csv'), ['Southdale']),
    });
  });

  it('rows whose values do not parse: skipped and counted up to 2% of the chosen rows, refused beyond', () => {
    const lines = sampleLines();
    const easting = column('Easting');
    const breakRows = (count: number) =>
      win1252(
        lines.map((line, i) => (i > 0 && i <= count && !line.includes('"') ? replaceField(line, easting, '4a1') : line)).join('\r\n'),
      );
    const csv = (path: string) => join(path, '../edubasealldata20250101.csv');
    const few = scenarioWith(FROM, { 'edubasealldata20250101.csv': breakRows(2) });
    const scenario = loadScenario(few, nodeHost);
    const skipped = scenario.organisations.register!.skipped;
    expect(skipped).toEqual([
      badRegisterValue(`${csv(few)}:2`, 'Easting', '4a1', 'a position in metres on the National Grid'),
      expect.any(String),
    ]);
    expect(scenario.organisations.register!.establishments).toHaveLength(279 - 2);
    expect(registerNotes(scenario)).toEqual([registerRowsSkipped(skipped)]);
    // A row of the links skipped is put down to the links file, not to the establishments (which the note named first).
    const links = readFileSync(LINKS, 'latin1').replace('01-04-2017', '31-02-2017');
    const badLink = loadScenario(scenarioWith(FROM, { 'alllinksdata20250101.csv': links }), nodeHost);
    const [note] = registerNotes(badLink);
    expect(note).toMatch(/^note: 1 row of the register's extracts skipped .*\(first, .*alllinksdata20250101\.csv:2: /);
    expect(note).not.toContain('edubasealldata');

    const many = scenarioWith(FROM, { 'edubasealldata20250101.csv': breakRows(30) });
    const [status, type] = [column('EstablishmentStatus (name)'), column('TypeOfEstablishment (name)')];
    const chosen = (fields: string[]) =>
      fields[status].startsWith('Open') && !['Online provider', 'Other independent school'].includes(fields[type]);
    const expected = lines
      .slice(1, 31)
      .map((line, i) => ({ fields: line.split(','), line: i + 2, quoted: line.includes('"') }))
      .filter((row) => !row.quoted && chosen(row.fields))
      .map((row) => badRegisterValue(`${csv(many)}:${row.line}`, 'Easting', '4a1', 'a position in metres on the National Grid'));
    expect(expected.length).toBeGreaterThan(MAX_SKIPPED_SHARE * 279);
    expect(failure(() => loadScenario(many, nodeHost))).toEqual({
      code: 'register-bad-rows',
      message: registerTooManyBadRows(csv(many), expected, 279, MAX_SKIPPED_SHARE),
    });
  });

  it('counts and numbered areas beside the register, and both from and register', () => {
    const kinds = scenarioWith(`${FROM}  kinds: { school: 10 }\n`);
    expect(failure(() => loadScenario(kinds, nodeHost))).toEqual({
      code: 'register-conflict',
      message: registerConflict(
        `${kinds}:6:10`,
        'organisations.kinds',
        'the register gives the organisations, not counts of each kind',
        'remove organisations.kinds',
      ),
    });
    const areas = scenarioWith(`${FROM}  areas: 3\n`);
    expect(failure(() => loadScenario(areas, nodeHost)).code).toBe('register-conflict');
  });

  it('an extract whose date is neither in its name nor given; from.date gives it', () => {
    const path = scenarioWith('  from:\n    establishments: extract.csv\n', { 'extract.csv': readFileSync(SAMPLE) });
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'register-no-date',
      message: registerNoDate(`${path}:4:21`, join(path, '../extract.csv'), REGISTER_DATE_KEY),
    });
    writeFileSync(path, 'organisations:\n  from:\n    establishments: extract.csv\n    date: 2024-09-30\n');
    expect(loadScenario(path, nodeHost).organisations.register!.date).toBe('2024-09-30');
    // A date must be a day of the calendar, not only of its form.
    writeFileSync(path, 'organisations:\n  from:\n    establishments: extract.csv\n    date: 2025-02-30\n');
    expect(failure(() => loadScenario(path, nodeHost))).toEqual({
      code: 'wrong-type',
      message: wrongType(`${path}:4:11`, 'organisations.from.date', 'a date YYYY-MM-DD', 'the text "2025-02-30"'),
    });
  });

  it('a host that cannot read files (the browser)', () => {
    const host = createMemoryHost({ 'a.yaml': `organisations:\n${FROM}` });
    expect(failure(() => loadScenario('a.yaml', host))).toEqual({ code: 'register-missing', message: registerNeedsFiles('a.yaml:3:21') });
  });
});

describe('register dates', () => {
  it('are read as GIAS writes them, and from a file name', () => {
    expect(parseRegisterDate('01-09-2016')).toBe('2016-09-01');
    expect(parseRegisterDate('1/9/2016')).toBe('2016-09-01');
    expect(parseRegisterDate('31-02-2016')).toBeUndefined();
    expect(parseRegisterDate('2016-09-01')).toBe('2016-09-01');
    expect(dateInFileName('data/edubasealldata20250101.csv')).toBe('2025-01-01');
    expect(dateInFileName('extract.csv')).toBeUndefined();
    expect(yearsBetween('2017-04-01', '2025-01-01')).toBeCloseTo(2832 / 365.25, 12);
  });
});
