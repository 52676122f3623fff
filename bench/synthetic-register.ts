// Synthetic register extracts in the exact format of Get Information About Schools (GIAS): the establishments extract
// (edubasealldata, every column in GIAS's order, Windows-1252, CRLF) and the group links extract (alllinksdata). No
// row is a real school: names end in "(synthetic)", local authorities are invented and their codes unused by GIAS.
// `npm run data:synthetic` writes the sample in data/; bench/register.ts writes national-sized ones to time loading.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from '../src/random.ts';

/** The establishments extract's columns, in GIAS's order. */
export const GIAS_ESTABLISHMENT_HEADER = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)',
  'EstablishmentTypeGroup (name)',
  'EstablishmentStatus (code)',
  'EstablishmentStatus (name)',
  'ReasonEstablishmentOpened (code)',
  'ReasonEstablishmentOpened (name)',
  'OpenDate',
  'ReasonEstablishmentClosed (code)',
  'ReasonEstablishmentClosed (name)',
  'CloseDate',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'Boarders (code)',
  'Boarders (name)',
  'NurseryProvision (name)',
  'OfficialSixthForm (code)',
  'OfficialSixthForm (name)',
  'Gender (code)',
  'Gender (name)',
  'ReligiousCharacter (code)',
  'ReligiousCharacter (name)',
  'ReligiousEthos (name)',
  'Diocese (code)',
  'Diocese (name)',
  'AdmissionsPolicy (code)',
  'AdmissionsPolicy (name)',
  'SchoolCapacity',
  'SpecialClasses (code)',
  'SpecialClasses (name)',
  'CensusDate',
  'NumberOfPupils',
  'NumberOfBoys',
  'NumberOfGirls',
  'PercentageFSM',
  'TrustSchoolFlag (code)',
  'TrustSchoolFlag (name)',
  'Trusts (code)',
  'Trusts (name)',
  'SchoolSponsorFlag (name)',
  'SchoolSponsors (name)',
  'FederationFlag (name)',
  'Federations (code)',
  'Federations (name)',
  'UKPRN',
  'FEHEIdentifier',
  'FurtherEducationType (name)',
  'OfstedLastInsp',
  'OfstedSpecialMeasures (code)',
  'OfstedSpecialMeasures (name)',
  'LastChangedDate',
  'Street',
  'Locality',
  'Address3',
  'Town',
  'County (name)',
  'Postcode',
  'SchoolWebsite',
  'TelephoneNum',
  'HeadTitle (name)',
  'HeadFirstName',
  'HeadLastName',
  'HeadPreferredJobTitle',
  'BSOInspectorateName (name)',
  'InspectorateReport',
  'DateOfLastInspectionVisit',
  'NextInspectionVisit',
  'TeenMoth (name)',
  'TeenMothPlaces',
  'CCF (name)',
  'SENPRU (name)',
  'EBD (name)',
  'PlacesPRU',
  'FTProv (name)',
  'EdByOther (name)',
  'Section41Approved (name)',
  'SEN1 (name)',
  'SEN2 (name)',
  'SEN3 (name)',
  'SEN4 (name)',
  'SEN5 (name)',
  'SEN6 (name)',
  'SEN7 (name)',
  'SEN8 (name)',
  'SEN9 (name)',
  'SEN10 (name)',
  'SEN11 (name)',
  'SEN12 (name)',
  'SEN13 (name)',
  'TypeOfResourcedProvision (name)',
  'ResourcedProvisionOnRoll',
  'ResourcedProvisionCapacity',
  'SenUnitOnRoll',
  'SenUnitCapacity',
  'GOR (code)',
  'GOR (name)',
  'DistrictAdministrative (code)',
  'DistrictAdministrative (name)',
  'AdministrativeWard (code)',
  'AdministrativeWard (name)',
  'ParliamentaryConstituency (code)',
  'ParliamentaryConstituency (name)',
  'UrbanRural (code)',
  'UrbanRural (name)',
  'GSSLACode (name)',
  'Easting',
  'Northing',
  'MSOA (name)',
  'LSOA (name)',
  'InspectorateName (name)',
  'SENStat',
  'SENNoStat',
  'BoardingEstablishment (name)',
  'PropsName',
  'PreviousLA (code)',
  'PreviousLA (name)',
  'PreviousEstablishmentNumber',
  'OfstedRating (name)',
  'RSCRegion (name)',
  'Country (name)',
  'UPRN',
  'SiteName',
  'QABName (code)',
  'QABName (name)',
  'EstablishmentAccredited (code)',
  'EstablishmentAccredited (name)',
  'QABReport',
  'CHNumber',
  'MSOA (code)',
  'LSOA (code)',
  'FSM',
] as const;

/** The group links extract's columns, in GIAS's order. */
export const GIAS_LINK_HEADER = [
  'URN',
  'Group UID',
  'Group ID',
  'Group Name',
  'Companies House Number',
  'Group Type (code)',
  'Group Type',
  'Closed Date',
  'Group Status (code)',
  'Group Status',
  'Joined date',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
  'LA (code)',
  'LA (name)',
  'Incorporated on (open date)',
  'Open date',
] as const;

type EstablishmentColumn = (typeof GIAS_ESTABLISHMENT_HEADER)[number];
type LinkColumn = (typeof GIAS_LINK_HEADER)[number];

/** An invented local authority: its code, name and the centre of its area on the National Grid. */
export interface SyntheticAuthority {
  readonly code: number;
  readonly name: string;
  readonly easting: number;
  readonly northing: number;
}

/** The sample's local authorities (codes 970 to 972, which GIAS does not use). */
export const SAMPLE_AUTHORITIES: readonly SyntheticAuthority[] = [
  { code: 970, name: 'Northfield', easting: 431000, northing: 521000 },
  { code: 971, name: 'Eastmere', easting: 561000, northing: 302000 },
  { code: 972, name: 'Southdale', easting: 402000, northing: 151000 },
];

// Types as GIAS codes them: [code, name, group code, group name, phase code, phase name, low age, high age, pupils low, high].
const TYPES = {
  community: [1, 'Community school', 4, 'Local authority maintained schools'],
  voluntaryAided: [2, 'Voluntary aided school', 4, 'Local authority maintained schools'],
  foundation: [5, 'Foundation school', 4, 'Local authority maintained schools'],
  communitySpecial: [7, 'Community special school', 5, 'Special schools'],
  independent: [11, 'Other independent school', 3, 'Independent schools'],
  further: [18, 'Further education', 1, 'Colleges'],
  sponsorLed: [28, 'Academy sponsor led', 10, 'Academies'],
  converter: [34, 'Academy converter', 10, 'Academies'],
  freeSchool: [35, 'Free schools', 11, 'Free Schools'],
  online: [49, 'Online provider', 13, 'Online provider'],
} as const;
type TypeKey = keyof typeof TYPES;

const PHASES = {
  primary: { code: 2, name: 'Primary', low: 4, high: 11, pupils: [90, 480] },
  secondary: { code: 4, name: 'Secondary', low: 11, high: 18, pupils: [600, 1700] },
  special: { code: 0, name: 'Not applicable', low: 3, high: 19, pupils: [40, 160] },
  post16: { code: 6, name: '16 plus', low: 16, high: 99, pupils: [800, 3000] },
} as const;
type PhaseKey = keyof typeof PHASES;

const STREETS = [
  'Alder Lane',
  'Beech Road',
  'Chapel Street',
  'Dean Close',
  'Elm Grove',
  'Ferry Road',
  'Glebe Way',
  'Hill Top',
  'Ivy Bank',
  'Juniper Walk',
];
const SAINTS = ["St Mary's", "St Thérèse's", "St John's", 'St Aidan’s', 'Holy Trinity', 'Christ Church'];

/** One row of each extract, as GIAS's column names to values. */
export interface SyntheticExtract {
  readonly establishments: Partial<Record<EstablishmentColumn, string>>[];
  readonly links: Partial<Record<LinkColumn, string>>[];
}

/** Options of a synthetic extract: how many establishments in each authority, and the seed. */
export interface SyntheticOptions {
  readonly authorities: readonly SyntheticAuthority[];
  readonly perAuthority: number;
  readonly seed: number;
}

/** Returns a synthetic extract: in each authority primaries, secondaries, special schools and colleges, some closed
 * and some of types the model leaves out; academies in multi-academy trusts (some across authorities) with joining
 * dates; a few federations; an establishment with no pupil count. Deterministic in the seed. */
export function syntheticExtract(options: SyntheticOptions): SyntheticExtract {
  const rng = createRng(options.seed);
  const establishments: Partial<Record<EstablishmentColumn, string>>[] = [];
  const links: Partial<Record<LinkColumn, string>>[] = [];
  const trusts = Array.from({ length: Math.max(2, Math.round((options.authorities.length * options.perAuthority) / 25)) }, (_, t) => ({
    uid: 5000 + t,
    name: `${['Oak', 'River', 'Summit', 'Harbour', 'Meadow', 'Lantern'][t % 6]} ${t < 6 ? '' : `${Math.floor(t / 6) + 1} `}Learning Trust (synthetic)`,
    home: t % options.authorities.length,
    opened: 2011 + (t % 10),
  }));
  let urn = 990001;
  options.authorities.forEach((la, a) => {
    const federation = { code: `FED${String(9000 + a).padStart(5, '0')}`, name: `${la.name} Valley Federation (synthetic)` };
    let federated = 0;
    for (let k = 0; k < options.perAuthority; k++) {
      const u = rng();
      const phase: PhaseKey = u < 0.7 ? 'primary' : u < 0.88 ? 'secondary' : u < 0.95 ? 'special' : 'post16';
      const v = rng();
      let type: TypeKey =
        phase === 'post16'
          ? 'further'
          : phase === 'special'
            ? 'communitySpecial'
            : v < 0.35
              ? 'community'
              : v < 0.45
                ? 'voluntaryAided'
                : v < 0.5
                  ? 'foundation'
                  : v < 0.8
                    ? 'converter'
                    : v < 0.92
                      ? 'sponsorLed'
                      : 'freeSchool';
      if (k % 40 === 17) type = 'independent';
      if (k % 97 === 50) type = 'online';
      const closed = k % 23 === 11;
      const proposedToClose = !closed && k % 61 === 30;
      const [typeCode, typeName, groupCode, groupName] = TYPES[type];
      const p = PHASES[phase];
      const pupils = type === 'further' && k % 2 === 0 ? '' : String(Math.round(p.pupils[0] + (p.pupils[1] - p.pupils[0]) * rng()));
      const academy = type === 'converter' || type === 'sponsorLed' || type === 'freeSchool';
      const trust =
        academy && rng() < 0.85
          ? trusts[rng() < 0.8 ? (a + trusts.length * Math.floor(rng() * 3)) % trusts.length : Math.floor(rng() * trusts.length)]
          : undefined;
      const single = academy && trust === undefined;
      const inFederation = !academy && phase === 'primary' && federated < 3 && rng() < 0.2;
      if (inFederation) federated++;
      const name = schoolName(rng, la, phase, k);
      const easting = Math.round(la.easting + 9000 * (rng() + rng() - 1));
      const northing = Math.round(la.northing + 9000 * (rng() + rng() - 1));
      const status = closed ? ['2', 'Closed'] : proposedToClose ? ['4', 'Open, but proposed to close'] : ['1', 'Open'];
      establishments.push({
        URN: String(urn),
        'LA (code)': String(la.code),
        'LA (name)': la.name,
        EstablishmentNumber: String(2000 + k),
        EstablishmentName: name,
        'TypeOfEstablishment (code)': String(typeCode),
        'TypeOfEstablishment (name)': typeName,
        'EstablishmentTypeGroup (code)': String(groupCode),
        'EstablishmentTypeGroup (name)': groupName,
        'EstablishmentStatus (code)': status[0],
        'EstablishmentStatus (name)': status[1],
        'ReasonEstablishmentOpened (code)': academy ? '10' : '00',
        'ReasonEstablishmentOpened (name)': academy ? 'Academy Converter' : 'Not applicable',
        OpenDate: academy ? gias(2011 + Math.floor(rng() * 12), 9, 1) : '',
        'ReasonEstablishmentClosed (code)': closed ? '10' : '00',
        'ReasonEstablishmentClosed (name)': closed ? 'Academy Converter' : 'Not applicable',
        CloseDate: closed ? gias(2018, 8, 31) : '',
        'PhaseOfEducation (code)': String(p.code),
        'PhaseOfEducation (name)': p.name,
        StatutoryLowAge: String(p.low),
        StatutoryHighAge: String(p.high),
        'Gender (code)': '3',
        'Gender (name)': 'Mixed',
        NumberOfPupils: closed ? '' : pupils,
        'TrustSchoolFlag (code)': trust ? '5' : single ? '6' : '0',
        'TrustSchoolFlag (name)': trust
          ? 'Supported by a multi-academy trust'
          : single
            ? 'Supported by a single-academy trust'
            : 'Not applicable',
        'Trusts (code)': trust ? String(trust.uid) : single ? String(7000 + urn - 990000) : '',
        'Trusts (name)': trust ? trust.name : single ? `${name} Academy Trust` : '',
        'FederationFlag (name)': inFederation ? 'Supported by a federation' : 'Not under a federation',
        'Federations (code)': inFederation ? federation.code : '',
        'Federations (name)': inFederation ? federation.name : '',
        LastChangedDate: gias(2024, 12, 1 + (k % 28)),
        Street: `${1 + Math.floor(rng() * 120)} ${STREETS[Math.floor(rng() * STREETS.length)]}`,
        Town: la.name,
        Postcode: `ZZ${a + 1} ${1 + (k % 9)}ZZ`,
        'GOR (code)': 'Z',
        'GOR (name)': 'Synthetic region',
        Easting: String(easting),
        Northing: String(northing),
        'Country (name)': 'United Kingdom',
      });
      if (trust && !closed) {
        const joined = Math.max(trust.opened, 2012 + Math.floor(rng() * 12));
        links.push(
          linkRow(
            urn,
            trust.uid,
            trust.name,
            '06',
            'Multi-academy trust',
            gias(joined, 1 + Math.floor(rng() * 12), 1),
            name,
            TYPES[type],
            p,
            la,
          ),
        );
      }
      if (inFederation && !closed)
        links.push(linkRow(urn, 8000 + a, federation.name, '01', 'Federation', gias(2019, 9, 1), name, TYPES[type], p, la));
      urn++;
    }
  });
  return { establishments, links };
}

/** Returns an extract's rows as the bytes GIAS publishes: a header, fields quoted where they hold a comma or a quote,
 * CRLF line ends, Windows-1252. */
export function extractBytes(header: readonly string[], rows: readonly Partial<Record<string, string>>[]): Buffer {
  const lines = [header.map(field).join(','), ...rows.map((row) => header.map((column) => field(row[column] ?? '')).join(','))];
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`);
}

/** Returns text encoded as Windows-1252 (characters outside it are refused). */
export function encodeWindows1252(text: string): Buffer {
  const extra = new Map(
    [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((ch, i) => [
      ch,
      [
        0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
        0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
      ][i],
    ]),
  );
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : extra.get(text[i]);
    if (byte === undefined) throw new RangeError(`${JSON.stringify(text[i])} is not in Windows-1252`);
    bytes[i] = byte;
  }
  return bytes;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function gias(year: number, month: number, day: number): string {
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

function schoolName(rng: Rng, la: SyntheticAuthority, phase: PhaseKey, k: number): string {
  const street = STREETS[Math.floor(rng() * STREETS.length)];
  const stem =
    rng() < 0.2
      ? `${SAINTS[Math.floor(rng() * SAINTS.length)]} ${phase === 'primary' ? 'C of E Primary' : 'Catholic'}`
      : street.split(' ')[0];
  const suffix = { primary: 'Primary School', secondary: 'Academy', special: 'Special School', post16: 'College' }[phase];
  const name = stem.includes('Primary') || stem.includes('Catholic') ? `${stem} School` : `${stem} ${suffix}`;
  // A name with a comma, as real ones have ("X School, Y"), in each authority.
  return `${k % 50 === 7 ? `${name}, ${la.name}` : name} ${k + 1} (synthetic)`;
}

function linkRow(
  urn: number,
  uid: number,
  name: string,
  typeCode: string,
  type: string,
  joined: string,
  establishment: string,
  establishmentType: readonly [number, string, number, string],
  phase: (typeof PHASES)[PhaseKey],
  la: SyntheticAuthority,
): Partial<Record<LinkColumn, string>> {
  return {
    URN: String(urn),
    'Group UID': String(uid),
    'Group ID': `TR${String(uid).padStart(5, '0')}`,
    'Group Name': name,
    'Group Type (code)': typeCode,
    'Group Type': type,
    'Group Status (code)': 'OPEN',
    'Group Status': 'Open',
    'Joined date': joined,
    EstablishmentName: establishment,
    'TypeOfEstablishment (code)': String(establishmentType[0]),
    'TypeOfEstablishment (name)': establishmentType[1],
    'PhaseOfEducation (code)': String(phase.code),
    'PhaseOfEducation (name)': phase.name,
    'LA (code)': String(la.code),
    'LA (name)': la.name,
  };
}

/** The sample's file names in data/: dated as GIAS dates its extracts. */
export const SAMPLE_FILES = {
  establishments: 'data/synthetic-edubasealldata20250101.csv',
  links: 'data/synthetic-alllinksdata20250101.csv',
} as const;

// `npm run data:synthetic`: writes the sample (100 rows in each of three authorities) into data/.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sample = syntheticExtract({ authorities: SAMPLE_AUTHORITIES, perAuthority: 100, seed: 2025 });
  writeFileSync(SAMPLE_FILES.establishments, extractBytes(GIAS_ESTABLISHMENT_HEADER, sample.establishments));
  writeFileSync(SAMPLE_FILES.links, extractBytes(GIAS_LINK_HEADER, sample.links));
}
