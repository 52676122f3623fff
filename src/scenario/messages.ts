// Every message about a scenario file or a --set override, as a named function, so that wording lives in one place
// and tests assert against these functions rather than copies of their text. The browser runs the scenario stage too.
import { excerpt, groupedCount } from '../wording.ts';
import type { FoundInstead, NotAFileKind } from './host.ts';

// ---------------------------------------------------------------------------------------------
// Where a problem is: a position in a file, or a --set argument.

/** Returns the location of a problem in a file, as `file:line:column` (both from 1). */
export function fileLocation(file: string, line: number, col: number): string {
  return `${file}:${line}:${col}`;
}

/** Returns the location of a problem in a --set argument. */
export function setLocation(arg: string): string {
  return `--set ${arg}`;
}

// ---------------------------------------------------------------------------------------------
// Fragments: how a found value is named inside a message.

/** Returns a short description of a value as it was found in a scenario, e.g. `1.5`, `the text "high"`, `a list`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${excerpt(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${groupedCount(value.length)}`;
  return 'a mapping';
}

// ---------------------------------------------------------------------------------------------
// Scenario files: syntax.

/** Returns the message for a YAML file whose aliases would expand past the parser's limit (an alias bomb). */
export function tooManyAliases(file: string, limit: number): string {
  return `${file}: malformed YAML: too many aliases: expected at most ${limit} uses of an alias (*name), found more (a few nested aliases can expand into billions of values). Fix: write the values out, or use fewer aliases.`;
}

/** Returns the message for a YAML file with nothing in it but comments and blank lines. */
export function emptyFile(file: string): string {
  return `${file}: empty: expected a YAML mapping of keys, found no value (nothing, or only comments). Fix: write the keys the file is to set, or {} to take every default.`;
}

/** Returns the message for a file that is not UTF-8 text, at the first byte that is not. */
export function notUtf8(path: string, offset: number, line: number, byte: number): string {
  return `${path}: not UTF-8 text at byte ${offset} (line ${line}): expected a file saved as UTF-8, found the byte 0x${byte.toString(16).padStart(2, '0')}. Fix: save the file as UTF-8 (in most editors: Save with encoding, UTF-8).`;
}

/** Returns the message for a YAML file that does not parse. */
export function malformedYaml(at: string, problem: string, found: string): string {
  return `${at}: malformed YAML: ${problem}: expected valid YAML, found ${found}. Fix: check the indentation and that each key is followed by ": " and its value.`;
}

/** Returns the message for a YAML value written with a tag that makes it other than a plain value (`!!binary`). */
export function unsupportedYamlTag(at: string, tag: string): string {
  return `${at}: YAML tag ${tag} is not read: expected a plain value (text, a number, yes/no, a list or a mapping), found one tagged ${tag}. Fix: remove ${tag} and write the value plainly.`;
}

/** Returns the message for lists and mappings nested deeper than `limit` levels (JSON or YAML), at the first too deep. */
export function nestedTooDeep(at: string, format: 'JSON' | 'YAML', limit: number): string {
  return `${at}: malformed ${format}: nested too deep: expected at most ${limit} levels of lists and mappings inside each other (a scenario, sweep or calibration needs a few), found more. Fix: flatten what starts here; a file this deep is not one partnersim wrote or documents.`;
}

/** Returns the message for a JSON file that does not parse. */
export function malformedJson(at: string, expected: string, found: string): string {
  return `${at}: malformed JSON: expected ${expected}, found ${found}. Fix: JSON needs double-quoted keys and text, a comma between entries and none after the last.`;
}

/** Returns the message for a key written twice in one mapping (YAML or JSON). */
export function repeatedKey(at: string, found: string): string {
  return `${at}: repeated key: expected each key once in a mapping, found ${found} a second time. Fix: remove one of the two, keeping the value you mean.`;
}

// ---------------------------------------------------------------------------------------------
// Scenario files: keys and values.

/** Returns the message for a key the scenario schema does not know, with the closest valid key when one is near. */
export function unknownKey(
  at: string,
  key: string,
  name: string,
  allowed: readonly string[],
  suggestion?: string,
  schemaFile = 'scenarios/schema.json',
): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? `remove it, or check its spelling and nesting against ${schemaFile}` : `use ${suggestion} instead`;
  return `${at}: unknown key ${key}: expected one of ${allowed.join(', ')}, found ${excerpt(name)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a value of the wrong kind (text for a number, a mapping for a list...). */
export function wrongType(at: string, key: string, expected: string, found: string): string {
  return `${at}: ${key} has the wrong type: expected ${expected}, found ${found}. Fix: replace ${found} with ${expected}.`;
}

/** Returns the message for a number outside its allowed range. */
export function outOfRange(at: string, key: string, expected: string, found: string): string {
  return `${at}: ${key} is out of range: expected ${expected}, found ${found}. Fix: change ${found} to ${expected}.`;
}

/** Returns the message for a required key that is absent (a schedule entry's `from` or `value`, an area's `name`). */
export function missingKey(at: string, key: string, expected: string): string {
  return `${at}: ${key} is missing: expected ${expected}, found nothing. Fix: add ${key} with ${expected}.`;
}

/** Returns the message for a schedule whose first entry does not start at step 0. */
export function scheduleNotFromZero(at: string, key: string, from: number): string {
  return `${at}: ${key} does not start at step 0: expected the first entry to have from: 0, found from: ${from}. Fix: add {from: 0, value: ...} first, giving the value before step ${from}.`;
}

/** Returns the message for a schedule whose `from` steps do not strictly increase. */
export function scheduleOutOfOrder(at: string, key: string, previous: number, from: number): string {
  return `${at}: ${key} is out of order: expected a step after ${previous} (the entry before), found from: ${from}. Fix: list the entries in increasing order of from, at most one per step.`;
}

/** Returns the message for a scenario with more organisations than a run can hold. */
export function tooManyOrganisations(at: string, total: number, max: number): string {
  return `${at}: too many organisations: expected at most ${groupedCount(max)} in all (20 times the national scenario and a little more: beyond it a run outgrows a machine's memory), found ${groupedCount(total)}. Fix: lower organisations.kinds, or study part of the system at a time.`;
}

/** Returns the message for two areas with the same name. */
export function duplicateAreaName(at: string, key: string, name: string, first: string): string {
  return `${at}: ${key} repeats an area name: expected each area's name to be unique, found ${JSON.stringify(name)} again (first at ${first}). Fix: rename one of the two areas.`;
}

/** Returns the message for model parameters whose values make no sense together (a rule of the parameter table). */
export function parameterRuleBroken(at: string, rule: string, values: readonly (readonly [key: string, value: number])[]): string {
  const found = values.map(([key, value]) => `${key} ${value}`).join(', ');
  return `${at}: model parameters that do not fit together: expected ${rule}, found ${found}. Fix: change one of them so that the condition holds (docs/ODD.md §8 gives each one's default and range).`;
}

/** Returns the message for a mechanism switched off while another that is on needs it. */
export function mechanismNeeded(at: string, needer: string, needed: string): string {
  return `${at}: mechanisms.${needed} is switched off, but ${needer} needs it: expected every mechanism that ${needer} reads from to run. Fix: switch ${needer} off too (mechanisms: {${needed}: false, ${needer}: false}), or keep ${needed} on.`;
}

// ---------------------------------------------------------------------------------------------
// Scenario files: finding them and following `extends`.

/** Returns what stood where a file was expected, as a message says it found it: `nothing`, `a directory`, `a named
 * pipe (FIFO)`, `a socket`, `a device`. */
export function describeFoundInstead(found: FoundInstead): string {
  switch (found) {
    case 'nothing':
      return 'nothing';
    case 'directory':
      return 'a directory';
    case 'fifo':
      return 'a named pipe (FIFO)';
    case 'socket':
      return 'a socket';
    case 'device':
      return 'a device';
  }
}

/** Returns the fix for a path where a file was expected and something else stands. */
export function notAFileFix(found: NotAFileKind): string {
  return found === 'directory'
    ? 'name a file, not the directory that holds it'
    : 'save its content to a regular file and name that: partnersim does not read named pipes, sockets or devices, which can keep a reader waiting for ever';
}

// What a path written in a file names, when not the file expected: `a missing file`, `a directory, not a file`.
function namesInstead(found: FoundInstead): string {
  return found === 'nothing' ? 'a missing file' : `${describeFoundInstead(found)}, not a file`;
}

// The fix for a path written in a file (relative to it) that names no file.
function pathFix(found: FoundInstead, fromFile: string, otherwise = ''): string {
  return found === 'nothing'
    ? `correct the path, which is relative to ${fromFile}${otherwise}`
    : `${notAFileFix(found)} (the path is relative to ${fromFile})`;
}

/** Returns the message for a scenario, sweep or calibration file (`kind`) that is not at a path: nothing is there, or a
 * directory or a file that is not a regular file. */
export function documentFileMissing(path: string, kind: 'scenario' | 'sweep' | 'calibration', found: FoundInstead): string {
  const expected = `expected a YAML or JSON ${kind} file there, found ${describeFoundInstead(found)}`;
  return found === 'nothing'
    ? `${path}: ${kind} file not found: ${expected}. Fix: check the file name and its directory.`
    : `${path}: not a ${kind} file: ${expected}. Fix: ${notAFileFix(found)}.`;
}

/** Returns the message for a scenario file that does not exist, or is a directory or a file that is not a regular file. */
export function fileMissing(path: string, found: FoundInstead = 'nothing'): string {
  return documentFileMissing(path, 'scenario', found);
}

/** Returns the message for a scenario file that exists but cannot be read. */
export function fileUnreadable(path: string, reason: string): string {
  return `${path}: scenario file unreadable: expected a readable file, found ${reason}. Fix: check the file's permissions.`;
}

/** Returns the message for a sweep or calibration file whose base scenario file (its `scenario` key) does not exist, or
 * is a directory or a file that is not a regular file. */
export function baseScenarioMissing(at: string, target: string, file: string, found: FoundInstead = 'nothing'): string {
  return `${at}: scenario names ${namesInstead(found)}: expected a scenario file at ${target}, found ${describeFoundInstead(found)}. Fix: ${pathFix(found, file)}.`;
}

/** Returns the message for an `extends` that names a file that does not exist, or a directory or a file that is not a
 * regular file. */
export function extendsMissing(at: string, target: string, fromFile: string, found: FoundInstead = 'nothing'): string {
  return `${at}: extends names ${namesInstead(found)}: expected a scenario file at ${target}, found ${describeFoundInstead(found)}. Fix: ${pathFix(found, fromFile)}.`;
}

/** Returns the message for `extends` that leads back to a file already in the chain. */
export function extendsCycle(at: string, chain: readonly string[]): string {
  return `${at}: extends makes a cycle ${chain.join(' -> ')}: expected a chain that ends in a file without extends, found one that returns to ${chain[chain.length - 1]}. Fix: remove extends from one of these files.`;
}

// ---------------------------------------------------------------------------------------------
// --set overrides.

/** Returns the message for a --set argument without `=`. */
export function setMissingEquals(arg: string): string {
  return `${setLocation(arg)}: expected key=value, found no "=". Fix: write --set ${arg}=<value>.`;
}

/** Returns the message for a --set key that is not the key of one value in a scenario file, with the closest such key when one is near. */
export function setUnknownKey(arg: string, key: string, value: string, suggestion?: string): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix = suggestion === undefined ? 'partnersim schema lists every key' : `--set ${suggestion}=${value}`;
  return `${setLocation(arg)}: unknown key ${key}: expected the dotted key of one value as written in a scenario file (such as policy.carrot), found ${JSON.stringify(key)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a --set value that is not valid YAML flow. */
export function setUnparsable(arg: string, key: string, problem: string): string {
  return `${setLocation(arg)}: the value of ${key} does not parse: expected a YAML flow value such as 0.5 or [{from: 0, value: 0.8}, {from: 36, value: 0}], found ${problem}. Fix: correct the value, and quote the whole argument for the shell.`;
}

// ---------------------------------------------------------------------------------------------
// Register extracts (Get Information About Schools): organisations.from.

const EXTRACT_NAMES = {
  establishments: "a GIAS establishments extract (the 'Establishment fields' CSV, edubasealldataYYYYMMDD.csv)",
  links: "a GIAS group links extract (the 'Group links' CSV, alllinksdataYYYYMMDD.csv)",
} as const;

const DOWNLOAD_FIX = "download it from the Downloads page of Get Information About Schools (README, 'Real places')";

/** Returns the message for a data file (a register extract) that exists but cannot be read. */
export function dataFileUnreadable(path: string, reason: string): string {
  return `${path}: data file unreadable: expected a readable file, found ${reason}. Fix: check the file's permissions.`;
}

/** Returns the message for a record of a CSV file that csv-parse cannot read. */
export function malformedCsv(at: string, problem: string): string {
  return `${at}: not valid CSV: expected fields separated by commas, quoted with double quotes, found ${problem}. Fix: download the extract again; a file changed in a spreadsheet may need saving again as CSV.`;
}

/** Returns the message for a CSV file read as UTF-8 (its first bytes beyond ASCII were) that is not UTF-8 further on. */
export function mixedEncoding(path: string, line: number): string {
  return `${path}: not one encoding: expected UTF-8 throughout, as its first accented characters are, found bytes that are not UTF-8 in the megabyte from line ${line}. Fix: save the file again in one encoding (UTF-8, or Windows-1252 as GIAS writes it).`;
}

/** Returns the message for `organisations.from` where files cannot be read (the browser's classroom page). */
export function registerNeedsFiles(at: string): string {
  return `${at}: organisations.from cannot be read here: expected files on disk, found a host that holds scenarios in memory. Fix: run the scenario with partnersim, which reads the extracts, or give its organisations.register as partnersim writes it into a run's manifest.json.`;
}

/** Returns the message for a register extract that is not at the path a scenario names: nothing is there, or a
 * directory or a file that is not a regular file. */
export function registerFileMissing(
  at: string,
  what: 'establishments' | 'links',
  path: string,
  fromFile: string,
  found: FoundInstead = 'nothing',
): string {
  return `${at}: organisations.from.${what} names ${namesInstead(found)}: expected ${EXTRACT_NAMES[what]} at ${path}, found ${describeFoundInstead(found)}. Fix: ${pathFix(found, fromFile, `, or ${DOWNLOAD_FIX}`)}.`;
}

/** Returns the message for a file whose header lacks columns an extract has. */
export function registerNotExtract(at: string, what: 'establishments' | 'links', missing: readonly string[]): string {
  const columns = missing.map((name) => JSON.stringify(name)).join(', ');
  return `${at}: not ${EXTRACT_NAMES[what]}: expected its header, found no column${missing.length === 1 ? '' : 's'} ${columns}. Fix: give the extract itself, as downloaded, or ${DOWNLOAD_FIX}.`;
}

/** Returns the message for an extract with a header and no rows. */
export function registerEmpty(path: string): string {
  return `${path}: no establishments: expected rows after the header, found none. Fix: give the whole extract, or ${DOWNLOAD_FIX}.`;
}

/** Returns the message for a local authority that is not in the extract, with the nearest name in it. */
export function unknownAuthority(at: string, index: number, written: string, path: string, suggestion?: string): string {
  const hint = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
  const fix =
    suggestion === undefined
      ? `use a name or code from the LA (name) or LA (code) column of ${path}`
      : `use ${JSON.stringify(suggestion)} instead`;
  return `${at}: organisations.from.localAuthorities[${index}] is not in ${path}: expected a local authority's name or code, found ${JSON.stringify(written)}${hint} Fix: ${fix}.`;
}

/** Returns the message for a selection with no open establishment the model places. */
export function registerEmptySelection(at: string, path: string, authorities: readonly string[]): string {
  const where = authorities.length === 0 ? 'the extract' : authorities.join(', ');
  return `${at}: no establishments to place: expected open schools, academies or colleges in ${where}, found none in ${path}. Fix: choose other local authorities, or check that the extract is the full establishments extract.`;
}

/** Returns the description of a value that does not parse in a row of an extract (the row is skipped). */
export function badRegisterValue(at: string, column: string, found: string, expected: string): string {
  return `${at}: ${column} is ${found === '' ? 'empty' : JSON.stringify(found)}, expected ${expected}`;
}

/** Returns the message for an extract with more rows that do not parse than a run may skip. */
export function registerTooManyBadRows(path: string, skipped: readonly string[], selected: number, share: number): string {
  return `${path}: too many rows that do not parse: expected at most ${share * 100}% of the ${selected} selected rows, found ${skipped.length} (first, ${skipped[0]}). Fix: download the extract again; a file changed in a spreadsheet may have lost its numbers.`;
}

/** Returns the note for rows skipped because a value did not parse (fewer than refuse the extract). */
export function registerRowsSkipped(skipped: readonly string[]): string {
  return `note: ${skipped.length} row${skipped.length === 1 ? '' : 's'} of the register's extracts skipped for values that do not parse (first, ${skipped[0]}).`;
}

/** Returns the message for an extract whose date is neither in its file name nor given. */
export function registerNoDate(at: string, path: string, giveDate: string): string {
  return `${at}: the extract's date is not known: expected it in the file name (edubasealldataYYYYMMDD.csv), found ${JSON.stringify(path)}. Fix: ${giveDate}, the day the extract was downloaded.`;
}

/** Returns the message for a key that a scenario whose organisations come from the register cannot have as written. */
export function registerConflict(at: string, key: string, why: string, fix: string): string {
  return `${at}: ${key} does not fit organisations from the register: ${why}. Fix: ${fix}.`;
}

/** Returns the message for normalising a scenario whose organisations.from has not been read (a library call). */
export function registerUnread(name: string): string {
  return `${name}: organisations.from is not read yet: expected organisations.register, found the paths of extracts. Fix: load the scenario with loadScenario (or loadScenarioInput), which reads the extracts through its host.`;
}

/** Returns the message for a scenario, sweep or calibration name that, used as a folder name, would leave the results
 * folder; `at` is where it was written, when known. */
export function unsafeResultName(name: string, suggestion: string, at?: string): string {
  return `${at === undefined ? 'name' : `${at}: name`} ${JSON.stringify(name)}: cannot be a folder in results/: expected a plain name (no / or \\, not starting with a dot). Fix: name: ${suggestion}, or choose the directory with --out.`;
}
