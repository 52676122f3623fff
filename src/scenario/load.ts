// Loading a scenario: read each file through the host, check its own content, follow `extends` (the parent
// first, the child's keys winning), apply --set overrides, then normalise. Nothing here touches node:.
import { PartnersimError } from '../errors.ts';
import { extendsCycle, extendsMissing, fileMissing } from './messages.ts';
import { checkResultName } from './names.ts';
import { checkRegisterConsistency, checkScenarioInput, type Origin } from './check.ts';
import { checkCombination, type ScenarioSource } from './combination.ts';
import { type FoundInstead, foundInstead, type ScenarioHost } from './host.ts';
import { mergeScenarioInputs } from './merge.ts';
import { normalizeScenario } from './normalize.ts';
import { overrideSource } from './overrides.ts';
import type { Scenario, ScenarioInput } from './schema.ts';
import { readRegister, REGISTER_DATE_KEY } from './register.ts';
import { parseSource } from './source.ts';

/** How to load: --set arguments (`policy.carrot=0.6`), applied after `extends` in the order given. */
export interface LoadOptions {
  readonly set?: readonly string[];
}

/** Returns the scenario input written in a text, checked on its own (its `extends` not followed); the file name
 * picks JSON (.json) or YAML and places errors. For text held in memory, as the browser's editor has. */
export function parseScenarioText(text: string, fileName: string): ScenarioInput {
  const { value, origin } = parseSource(text, fileName);
  return checkScenarioInput(value, origin);
}

/** Returns the normalised scenario of a file, with its `extends` chain and --set overrides applied; its name
 * defaults to the file's base name. Throws a PartnersimError for the first problem found. */
export function loadScenario(path: string, host: ScenarioHost, options: LoadOptions = {}): Scenario {
  const sources: ScenarioSource[] = [];
  const fromFiles = readWithParents(path, host, [], (found) => new PartnersimError('file-missing', fileMissing(path, found)), sources);
  const overrides = (options.set ?? []).map(overrideSource);
  const merged = overrides.reduce((input, source) => mergeScenarioInputs(input, source.input), fromFiles);
  checkCombination(merged, [...sources, ...overrides]);
  return normalizeScenario(merged, baseName(path));
}

/** Returns a scenario file's input with its `extends` chain applied, before normalising: what a sweep varies keys of,
 * so that a scenario-wide lever still reaches every area that does not set its own. `missing` says what it means that
 * there is no file at `path`, given what is there instead (by default, that there is no scenario file there; a sweep or
 * calibration says where it named the file, baseScenarioMissing). */
export function loadScenarioInput(
  path: string,
  host: ScenarioHost,
  missing = (found: FoundInstead) => fileMissing(path, found),
): ScenarioInput {
  const sources: ScenarioSource[] = [];
  const input = readWithParents(path, host, [], (found) => new PartnersimError('file-missing', missing(found)), sources);
  checkCombination(input, sources);
  return input;
}

// `chain` holds the files that extend this one, to name a cycle; `missing` says what it means here that there is no
// file (nothing, a directory, a named pipe); `sources` gathers each file read, parents first, for placing what only the
// merged input can break.
function readWithParents(
  path: string,
  host: ScenarioHost,
  chain: readonly string[],
  missing: (found: FoundInstead) => PartnersimError,
  sources: ScenarioSource[],
): ScenarioInput {
  const text = host.readFile(path);
  if (typeof text !== 'string') throw missing(foundInstead(text));
  const { value, origin } = parseSource(text, path);
  const input = readRegisterSource(checkScenarioInput(value, origin), path, host, origin);
  if (input.name !== undefined) checkResultName(input.name, origin.at(['name'], 'value'));
  if (input.extends === undefined) {
    sources.push({ origin, input });
    return input;
  }
  const parentPath = host.resolve(path, input.extends);
  const at = origin.at(['extends'], 'value');
  const visited = [...chain, path];
  if (visited.includes(parentPath))
    throw new PartnersimError('extends-cycle', extendsCycle(at, [...visited.slice(visited.indexOf(parentPath)), parentPath]));
  const parent = readWithParents(
    parentPath,
    host,
    visited,
    (found) => new PartnersimError('extends-missing', extendsMissing(at, parentPath, path, found)),
    sources,
  );
  sources.push({ origin, input });
  const merged = mergeScenarioInputs(inheritable(parent, input), input);
  checkRegisterConsistency(merged, origin);
  return merged;
}

// A scenario's name and description describe its own file, so a child does not take its parent's; a child whose
// organisations come from the register replaces the organisations block it would inherit.
function inheritable(parent: ScenarioInput, child: ScenarioInput): ScenarioInput {
  const replaced = child.organisations?.register === undefined ? [] : ['organisations'];
  return Object.fromEntries(Object.entries(parent).filter(([key]) => key !== 'name' && key !== 'description' && !replaced.includes(key)));
}

// A file's organisations.from is read where it is written: paths are relative to that file, and problems are placed
// at its keys. The input comes back with organisations.register instead, which records the paths as written.
function readRegisterSource(input: ScenarioInput, path: string, host: ScenarioHost, origin: Origin): ScenarioInput {
  const from = input.organisations?.from;
  if (from === undefined) return input;
  const key = (...rest: PropertyKey[]) => ['organisations', 'from', ...rest];
  const register = readRegister(
    {
      establishments: host.resolve(path, from.establishments),
      links: from.links === undefined ? undefined : host.resolve(path, from.links),
      localAuthorities: from.localAuthorities,
      date: from.date,
    },
    host,
    {
      at: (name) => (name === 'from' ? origin.at(key(), 'key') : origin.at(key(name), 'value')),
      authority: (index) => origin.at(key('localAuthorities', index), 'value'),
      file: path,
      giveDate: REGISTER_DATE_KEY,
    },
  );
  const { from: _, ...organisations } = input.organisations ?? {};
  const resolved = {
    ...input,
    organisations: { ...organisations, register: { ...register, extract: from.establishments, links: from.links ?? null } },
  };
  checkRegisterConsistency(resolved, origin);
  return resolved;
}

/** Returns a file's name without its directory and extension: the default name of a scenario or sweep. */
export function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]*$/, '');
}
