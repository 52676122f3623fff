// Normalising: turns a scenario as written (shorthand, defaults left out) into the explicit Scenario
// the engine runs. Pure and idempotent: a normalised scenario is itself valid input and comes back equal.
import { PartnersimError } from '../errors.ts';
import { digest } from '../random.ts';
import { kindCounts } from './check.ts';
import { DEFAULT_AREA_COUNT, DEFAULT_AREA_WEIGHT, DEFAULT_KINDS, DEFAULT_TIME } from './defaults.ts';
import { AREA_LEVER_KEYS, groupsOf, LEVER_KEYS, LEVERS, splitKey } from './levers.ts';
import { MECHANISM_IDS } from './mechanisms.ts';
import { registerUnread } from './messages.ts';
import { BLOCKS, MODEL_BLOCK_IDS, type ParameterSpec, TOP_LEVEL_BLOCK } from './parameters/index.ts';
import {
  COUNTED_KINDS,
  type Area,
  type CountedKind,
  type LeverInput,
  type LeverKey,
  type Schedule,
  type Scenario,
  type ScenarioInput,
} from './schema.ts';

/** What normalising accepts: a scenario as written, or one already normalised. */
export type NormalizeInput = ScenarioInput | Scenario;

type WrittenLever = LeverInput | Schedule | undefined;
type WrittenArea = { readonly name: string; readonly weight?: number };

/** Returns the explicit scenario for this input: defaults merged, constants turned into schedules, areas listed
 * with every lever, the trust block explicit; model parameters and switched-off mechanisms kept only where they
 * differ from the default; `$schema` and `extends` dropped. Keys come in a fixed order, so its JSON is canonical. */
export function normalizeScenario(input: NormalizeInput, fallbackName = 'scenario'): Scenario {
  const wide = Object.fromEntries(LEVER_KEYS.map((key) => [key, toSchedule(writtenLever(input, key), LEVERS[key].default)]));
  if (input.organisations !== undefined && 'from' in input.organisations && input.organisations.from !== undefined)
    throw new PartnersimError('register-conflict', registerUnread(fallbackName));
  const register = input.organisations?.register;
  const kinds = (register === undefined ? input.organisations?.kinds : kindCounts(register.establishments)) as
    | Partial<Record<CountedKind, number>>
    | undefined;
  const writtenAreas = input.organisations?.areas;
  // Organisations from the register have one area per local authority, with any levers an area of that name sets.
  const areas =
    register === undefined
      ? writtenAreas
      : register.localAuthorities.map(
          (name) => (typeof writtenAreas === 'object' ? writtenAreas.find((area) => area.name === name) : undefined) ?? { name },
        );
  const written = input as { readonly trust?: Readonly<Record<string, number>>; readonly model?: object; readonly mechanisms?: object };
  const model = normalizeModel(written.model);
  const mechanisms = normalizeMechanisms(written.mechanisms);
  return {
    name: input.name ?? fallbackName,
    description: input.description ?? '',
    time: {
      steps: input.time?.steps ?? DEFAULT_TIME.steps,
      stepsPerYear: input.time?.stepsPerYear ?? DEFAULT_TIME.stepsPerYear,
      seed: input.time?.seed ?? DEFAULT_TIME.seed,
    },
    organisations: {
      areas: normalizeAreas(areas, wide),
      kinds: Object.fromEntries(COUNTED_KINDS.map((kind) => [kind, kinds?.[kind] ?? DEFAULT_KINDS[kind]])) as Record<CountedKind, number>,
      ...(register === undefined ? {} : { register: structuredClone(register) }),
    },
    ...nestLevers(LEVER_KEYS, wide),
    trust: Object.fromEntries(
      Object.entries(BLOCKS[TOP_LEVEL_BLOCK].params).map(([name, spec]) => [name, written.trust?.[name] ?? spec.default]),
    ) as Scenario['trust'],
    ...(model === undefined ? {} : { model }),
    ...(mechanisms === undefined ? {} : { mechanisms }),
  } as unknown as Scenario;
}

/** Returns the scenario's hash: the digest of its canonical JSON, the same for any two scenarios that normalise alike. */
export function hashScenario(scenario: Scenario): string {
  return digest(JSON.stringify(normalizeScenario(scenario)));
}

// Areas given as a count get generated names; either way each area lever falls back to the scenario-wide schedule.
// An area's lever headings come in alphabetical order (context before localAuthority).
function normalizeAreas(written: number | readonly WrittenArea[] | undefined, wide: Readonly<Record<string, Schedule>>): Area[] {
  const listed: readonly WrittenArea[] =
    typeof written === 'object' ? written : Array.from({ length: written ?? DEFAULT_AREA_COUNT }, (_, i) => ({ name: `Area ${i + 1}` }));
  const keys = [...AREA_LEVER_KEYS].sort((a, b) => splitKey(a)[0].localeCompare(splitKey(b)[0]));
  return listed.map(
    (area) =>
      ({
        name: area.name,
        weight: area.weight ?? DEFAULT_AREA_WEIGHT,
        ...nestLevers(keys, Object.fromEntries(keys.map((key) => [key, toSchedule(writtenLever(area, key), wide[key])]))),
      }) as Area,
  );
}

// Nests schedules by heading, in the order the keys give: { policy: { carrot, stick }, ... }.
function nestLevers(keys: readonly string[], schedules: Readonly<Record<string, Schedule>>): Record<string, Record<string, Schedule>> {
  return Object.fromEntries(
    groupsOf(keys).map((group) => [
      group,
      Object.fromEntries(keys.filter((key) => splitKey(key)[0] === group).map((key) => [splitKey(key)[1], schedules[key]])),
    ]),
  );
}

// The model parameters set to something other than their default, in table order, nested as written; undefined when none.
function normalizeModel(written: object | undefined): Scenario['model'] {
  const model: Record<string, Record<string, number | Record<string, number>>> = {};
  for (const block of MODEL_BLOCK_IDS) {
    const values = (written as Record<string, Record<string, unknown>> | undefined)?.[block];
    if (values === undefined) continue;
    const kept: Record<string, number | Record<string, number>> = {};
    for (const [name, spec] of Object.entries(BLOCKS[block].params as Record<string, ParameterSpec>)) {
      const [outer, inner] = name.includes('.') ? [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)] : [name, undefined];
      const value = inner === undefined ? values[outer] : (values[outer] as Record<string, unknown> | undefined)?.[inner];
      if (typeof value !== 'number' || value === spec.default) continue;
      if (inner === undefined) kept[outer] = value;
      else kept[outer] = { ...(kept[outer] as Record<string, number> | undefined), [inner]: value };
    }
    if (Object.keys(kept).length > 0) model[block] = kept;
  }
  return Object.keys(model).length > 0 ? model : undefined;
}

// The mechanisms switched off, in step order; undefined when none is.
function normalizeMechanisms(written: object | undefined): Scenario['mechanisms'] {
  const off = MECHANISM_IDS.filter((id) => (written as Record<string, unknown> | undefined)?.[id] === false);
  return off.length > 0 ? Object.fromEntries(off.map((id) => [id, false])) : undefined;
}

// Returns the lever at a dotted key of a scenario or area, as written (either input type nests levers alike).
function writtenLever(holder: object, key: LeverKey): WrittenLever {
  const [group, name] = key.split('.');
  return (holder as Record<string, Record<string, WrittenLever> | undefined>)[group]?.[name];
}

// Always builds fresh entries, so the result shares no object with the input.
function toSchedule(written: WrittenLever, fallback: number | Schedule): Schedule {
  const lever = written ?? fallback;
  return typeof lever === 'number' ? [{ from: 0, value: lever }] : lever.map(({ from, value }) => ({ from, value }));
}
