// The register of English schools: reading Get Information About Schools (GIAS) extracts into the organisations a
// scenario places. The establishments extract (edubasealldataYYYYMMDD.csv) gives each establishment's local authority,
// type, status, pupils, position and trust; the group links extract gives the date each school joined its trust.
// Files are read through the host (the Node host streams them); everything here is pure and runs in the browser too.
import { PartnersimError } from '../errors.ts';
import { foundInstead, type ScenarioHost, type TableRecord } from './host.ts';
import { editDistance } from './keys.ts';
import {
  badRegisterValue,
  registerEmpty,
  registerEmptySelection,
  registerFileMissing,
  registerNeedsFiles,
  registerNoDate,
  registerNotExtract,
  registerRowsSkipped,
  registerTooManyBadRows,
  unknownAuthority,
} from './messages.ts';
import { COUNTED_KINDS, type CountedKind, type Establishment, isIsoDate, type Register, type Scenario } from './schema.ts';

/** The columns of the establishments extract that partnersim reads, by what they hold (GIAS's own names). */
export const ESTABLISHMENT_COLUMNS = {
  urn: 'URN',
  laCode: 'LA (code)',
  laName: 'LA (name)',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  status: 'EstablishmentStatus (name)',
  pupils: 'NumberOfPupils',
  trustFlag: 'TrustSchoolFlag (name)',
  trustCode: 'Trusts (code)',
  trustName: 'Trusts (name)',
  federationCode: 'Federations (code)',
  federationName: 'Federations (name)',
  easting: 'Easting',
  northing: 'Northing',
} as const;

/** The columns of the group links extract that partnersim reads. */
export const LINK_COLUMNS = {
  urn: 'URN',
  uid: 'Group UID',
  type: 'Group Type',
  joined: 'Joined date',
} as const;

/** Establishment statuses that count as open. */
export const OPEN_STATUSES: readonly string[] = ['Open', 'Open, but proposed to close'];

/** The group type of a multi-academy trust in the group links extract, and the trust flag of its members. */
export const TRUST_GROUP_TYPE = 'Multi-academy trust';
export const TRUST_MEMBER_FLAG = 'Supported by a multi-academy trust';

/** How a scenario gives an extract's date when its file name does not (the fix of a message). */
export const REGISTER_DATE_KEY = 'add organisations.from.date: YYYY-MM-DD';

/** The share of the selected rows that may be skipped for values that do not parse before the extract is refused. */
export const MAX_SKIPPED_SHARE = 0.02;

/** Which kind each establishment type becomes, or why it is left out: the table README and ODD 6 print. */
export const ESTABLISHMENT_TYPES: readonly {
  readonly kind: CountedKind | null;
  readonly types: readonly string[];
  readonly why: string;
}[] = [
  {
    kind: 'school',
    types: [
      'Community school',
      'Voluntary aided school',
      'Voluntary controlled school',
      'Foundation school',
      'Community special school',
      'Foundation special school',
      'Pupil referral unit',
      'Local authority nursery school',
    ],
    why: 'maintained by the local authority',
  },
  {
    kind: 'academy',
    types: [
      'Academy converter',
      'Academy sponsor led',
      'Academy special converter',
      'Academy special sponsor led',
      'Academy alternative provision converter',
      'Academy alternative provision sponsor led',
      'Academy 16-19 converter',
      'Academy 16 to 19 sponsor led',
      'Academy secure 16 to 19',
      'Free schools',
      'Free schools special',
      'Free schools alternative provision',
      'Free schools 16 to 19',
      'University technical college',
      'Studio schools',
      'City technology college',
    ],
    why: 'state-funded and independent of the local authority, funded by the Department directly',
  },
  {
    kind: 'college',
    types: ['Further education', 'Sixth form centres', 'Special post 16 institution'],
    why: 'post-16 education and training',
  },
  {
    kind: null,
    types: ['Other independent school', 'Other independent special school', 'Non-maintained special school'],
    why: 'outside the state system whose policy the levers stand for',
  },
  {
    kind: null,
    types: [
      'Higher education institutions',
      'Welsh establishment',
      'Offshore schools',
      "Service children's education",
      'British schools overseas',
      'Online provider',
      'Secure units',
      'Institution funded by other government department',
      'Miscellaneous',
    ],
    why: 'not a school or college of a local area in England',
  },
];

const KIND_OF_TYPE = new Map(ESTABLISHMENT_TYPES.flatMap((row) => row.types.map((type) => [type, row.kind] as const)));

/** What a scenario's `organisations.from` asks for, with its paths resolved. */
export interface RegisterRequest {
  readonly establishments: string;
  readonly links?: string;
  readonly localAuthorities?: readonly (string | number)[];
  readonly date?: string;
}

/** Where each part of the request was written, for messages (file:line:col of the key's value). */
export interface RegisterPlaces {
  at(key: 'establishments' | 'links' | 'date' | 'from'): string;
  authority(index: number): string;
  /** The file the request's paths are relative to. */
  readonly file: string;
  /** How the request gives an extract's date when its file name does not (a scenario's key, or the command's option). */
  readonly giveDate: string;
}

type Columns<T extends Record<string, string>> = { readonly [K in keyof T]: number };

/** Returns the register of the selected local authorities' open establishments; throws a PartnersimError for a missing
 * file, a file that is not an extract, an unknown local authority, too many rows that do not parse, or an empty selection. */
export function readRegister(request: RegisterRequest, host: ScenarioHost, places: RegisterPlaces): Register {
  const wantedAuthorities = request.localAuthorities?.map((written) => String(written).trim().toLowerCase());
  const wanted = (text: string) =>
    text.includes('open') && (wantedAuthorities === undefined || wantedAuthorities.some((w) => text.includes(w)));
  const records = openTable(host, request.establishments, places.at('establishments'), places.file, 'establishments', wanted);
  const head = records.next();
  if (head.done) throw new PartnersimError('register-empty', registerEmpty(request.establishments));

  const columns = columnsOf(head.value, ESTABLISHMENT_COLUMNS, request.establishments, 'establishments');
  const authorities = new Map<string, string>(); // code -> name, of every open row seen
  const leftOut = new Map<string, number>();
  const skipped: string[] = [];
  const found: (Omit<Establishment, 'trust'> & { trust: { uid: number; name: string } | null; laCode: string })[] = [];
  let rows = 0;
  let selected = 0;
  for (let next = records.next(); !next.done; next = records.next()) {
    const record = next.value;
    rows++;
    const value = (column: keyof typeof ESTABLISHMENT_COLUMNS) => (record.values[columns[column]] ?? '').trim();
    if (!OPEN_STATUSES.includes(value('status'))) continue;
    const laCode = value('laCode');
    const laName = value('laName');
    authorities.set(laCode, laName);
    if (wantedAuthorities !== undefined && !wantedAuthorities.some((w) => w === laCode.toLowerCase() || w === laName.toLowerCase()))
      continue;
    const type = value('type');
    const kind = KIND_OF_TYPE.get(type);
    if (kind === undefined || kind === null) {
      leftOut.set(type, (leftOut.get(type) ?? 0) + 1);
      continue;
    }
    selected++;
    const place = `${request.establishments}:${record.line}`;
    const bad = (column: keyof typeof ESTABLISHMENT_COLUMNS, expected: string) =>
      skipped.push(badRegisterValue(place, ESTABLISHMENT_COLUMNS[column], value(column), expected));
    if (record.values.length !== head.value.values.length) {
      skipped.push(badRegisterValue(place, 'the row', `${record.values.length} fields`, `${head.value.values.length}, as the header has`));
      continue;
    }
    const urn = wholeNumber(value('urn'));
    if (urn === null) {
      bad('urn', 'a whole number');
      continue;
    }
    const easting = coordinate(value('easting'));
    const northing = coordinate(value('northing'));
    if (easting === null || northing === null) {
      bad(easting === null ? 'easting' : 'northing', 'a position in metres on the National Grid');
      continue;
    }
    const pupils = value('pupils') === '' ? null : wholeNumber(value('pupils'));
    if (pupils === null && value('pupils') !== '') {
      bad('pupils', 'a whole number, or nothing');
      continue;
    }
    let trust: { uid: number; name: string } | null = null;
    if (value('trustFlag').split('~')[0].trim() === TRUST_MEMBER_FLAG) {
      const uid = wholeNumber(value('trustCode').split('~')[0].trim());
      if (uid === null) {
        bad('trustCode', 'the trust group UID, a whole number');
        continue;
      }
      trust = { uid, name: value('trustName').split('~')[0].trim() };
    }
    const federationUid = value('federationCode');
    found.push({
      urn,
      name: value('name'),
      kind,
      area: laName,
      laCode,
      easting,
      northing,
      pupils,
      trust,
      federation: federationUid === '' ? null : { uid: federationUid, name: value('federationName') },
    });
  }
  // No row passed the quick test: only a full read tells a file with no rows from a choice that matches none.
  if (rows === 0 && everyAuthority(request.establishments, host, places).size === 0)
    throw new PartnersimError('register-empty', registerEmpty(request.establishments));
  const areas = selectedAreas(request, authorities, host, places);
  if (skipped.length > MAX_SKIPPED_SHARE * selected)
    throw new PartnersimError('register-bad-rows', registerTooManyBadRows(request.establishments, skipped, selected, MAX_SKIPPED_SHARE));
  const joined = request.links === undefined ? new Map<string, string | null>() : readJoiningDates(request.links, host, places, skipped);
  const order = new Map(areas.map((name, a) => [name, a]));
  const establishments = found
    .filter((e) => order.has(e.area))
    .sort(
      (x, y) =>
        (order.get(x.area) as number) - (order.get(y.area) as number) ||
        COUNTED_KINDS.indexOf(x.kind) - COUNTED_KINDS.indexOf(y.kind) ||
        x.urn - y.urn,
    )
    .map(
      (e): Establishment => ({
        urn: e.urn,
        name: e.name,
        kind: e.kind,
        area: e.area,
        easting: e.easting,
        northing: e.northing,
        pupils: e.pupils,
        trust: e.trust === null ? null : { ...e.trust, joined: joined.get(`${e.urn}/${e.trust.uid}`) ?? null },
        federation: e.federation,
      }),
    );
  if (establishments.length === 0)
    throw new PartnersimError('register-empty', registerEmptySelection(places.at('from'), request.establishments, areas));
  return {
    extract: request.establishments,
    links: request.links ?? null,
    date: extractDate(request, places),
    localAuthorities: areas,
    leftOut: Object.fromEntries([...leftOut].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    skipped,
    establishments,
  };
}

/** Returns the notes a loaded scenario's register calls for: rows skipped for values that did not parse. */
export function registerNotes(scenario: Scenario): string[] {
  const register = scenario.organisations.register;
  return register === undefined || register.skipped.length === 0 ? [] : [registerRowsSkipped(register.skipped)];
}

/** Returns each area's establishments in the order the model places them (the register's order: by area, kind, URN). */
export function establishmentsByArea(register: Pick<Register, 'establishments'>, areaNames: readonly string[]): Establishment[][] {
  const byArea = areaNames.map((): Establishment[] => []);
  const index = new Map(areaNames.map((name, a) => [name, a]));
  for (const e of register.establishments) byArea[index.get(e.area) as number].push(e);
  return byArea;
}

/** Returns the date in an extract's file name (edubasealldata20250101.csv -> 2025-01-01), or undefined. */
export function dateInFileName(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  const match = /(\d{4})(\d{2})(\d{2})/.exec(name);
  return match === null ? undefined : isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Returns a register date (dd-mm-yyyy or dd/mm/yyyy, as GIAS writes them; or ISO yyyy-mm-dd) as ISO, or undefined when it is none. */
export function parseRegisterDate(text: string): string | undefined {
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  if (dmy !== null) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso === null ? undefined : isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}

/** Returns the years from one ISO date to another (365.25 days a year; negative when `to` is earlier). */
export function yearsBetween(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / 365.25;
}

// The records of a table, through the host; a missing file (or a directory, a named pipe) is placed at the key that names it.
function openTable(
  host: ScenarioHost,
  path: string,
  at: string,
  fromFile: string,
  what: 'establishments' | 'links',
  wanted?: (text: string) => boolean,
): Iterator<TableRecord> {
  if (host.readTable === undefined) throw new PartnersimError('register-missing', registerNeedsFiles(at));
  const table = host.readTable(path, wanted);
  if (table === undefined || 'notAFile' in table)
    throw new PartnersimError('register-missing', registerFileMissing(at, what, path, fromFile, foundInstead(table)));
  return table[Symbol.iterator]();
}

function columnsOf<T extends Record<string, string>>(
  header: TableRecord,
  wanted: T,
  path: string,
  what: 'establishments' | 'links',
): Columns<T> {
  const names = header.values.map((name) => name.replace(/^\uFEFF/, '').trim());
  const missing = Object.values(wanted).filter((name) => !names.includes(name));
  if (missing.length > 0) throw new PartnersimError('register-columns', registerNotExtract(`${path}:${header.line}`, what, missing));
  return Object.fromEntries(Object.entries(wanted).map(([key, name]) => [key, names.indexOf(name)])) as Columns<T>;
}

// The selected authorities' names, in the order asked (every authority with open establishments, by code, when none
// was asked). An authority that matches no open row is looked for among every row, so that the message can say
// whether it is not in the file (with the nearest name) or has no open establishment.
function selectedAreas(request: RegisterRequest, open: ReadonlyMap<string, string>, host: ScenarioHost, places: RegisterPlaces): string[] {
  if (request.localAuthorities === undefined)
    return [...open].sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
  const names: string[] = [];
  request.localAuthorities.forEach((written, index) => {
    const w = String(written).trim().toLowerCase();
    const match = [...open].find(([code, name]) => code.toLowerCase() === w || name.toLowerCase() === w);
    if (match !== undefined) {
      if (!names.includes(match[1])) names.push(match[1]);
      return;
    }
    const all = everyAuthority(request.establishments, host, places);
    const known = [...all].find(([code, name]) => code.toLowerCase() === w || name.toLowerCase() === w);
    if (known !== undefined)
      throw new PartnersimError('register-empty', registerEmptySelection(places.authority(index), request.establishments, [known[1]]));
    throw new PartnersimError(
      'register-unknown-authority',
      unknownAuthority(
        places.authority(index),
        index,
        String(written),
        request.establishments,
        nearestName(String(written), [...all.values()]),
      ),
    );
  });
  return names;
}

// Every local authority in the extract, open establishments or not: read again in full, only to name a mistake.
function everyAuthority(path: string, host: ScenarioHost, places: RegisterPlaces): Map<string, string> {
  const records = openTable(host, path, places.at('establishments'), places.file, 'establishments');
  const columns = columnsOf(records.next().value as TableRecord, ESTABLISHMENT_COLUMNS, path, 'establishments');
  const all = new Map<string, string>();
  for (let r = records.next(); !r.done; r = records.next())
    all.set((r.value.values[columns.laCode] ?? '').trim(), (r.value.values[columns.laName] ?? '').trim());
  return all;
}

function nearestName(written: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(written.length / 3)) + 1;
  for (const name of names) {
    const distance = editDistance(written.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

// Joining dates of multi-academy trust members, by `urn/uid`; a date that does not parse skips its row.
function readJoiningDates(path: string, host: ScenarioHost, places: RegisterPlaces, skipped: string[]): Map<string, string | null> {
  const records = openTable(host, path, places.at('links'), places.file, 'links', (text) => text.includes(TRUST_GROUP_TYPE.toLowerCase()));
  const head = records.next();
  if (head.done) throw new PartnersimError('register-empty', registerEmpty(path));
  const columns = columnsOf(head.value, LINK_COLUMNS, path, 'links');
  const joined = new Map<string, string | null>();
  for (let r = records.next(); !r.done; r = records.next()) {
    const value = (column: keyof typeof LINK_COLUMNS) => (r.value.values[columns[column]] ?? '').trim();
    if (value('type') !== TRUST_GROUP_TYPE) continue;
    const text = value('joined');
    const date = text === '' ? null : parseRegisterDate(text);
    if (date === undefined) {
      skipped.push(badRegisterValue(`${path}:${r.value.line}`, LINK_COLUMNS.joined, text, 'a date dd-mm-yyyy'));
      continue;
    }
    joined.set(`${value('urn')}/${value('uid')}`, date);
  }
  return joined;
}

function extractDate(request: RegisterRequest, places: RegisterPlaces): string {
  if (request.date !== undefined) return request.date;
  const date = dateInFileName(request.establishments);
  if (date === undefined)
    throw new PartnersimError('register-no-date', registerNoDate(places.at('establishments'), request.establishments, places.giveDate));
  return date;
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

// A National Grid coordinate: a number of metres, east or north of the grid's origin (0 stands for "not known").
function coordinate(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

// A date's parts as ISO text, or undefined when they are no day of the calendar (31-02-2016).
function isoDate(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

// Days since 1970-01-01 of an ISO date, by the proleptic Gregorian calendar (Hinnant's days_from_civil).
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
