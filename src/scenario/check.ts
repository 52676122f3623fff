// Checking one source's own content (a file, or a --set value): the zod schema first, then what a schema
// cannot say (schedules in order from step 0, unique area names). The problem that comes first in the
// text becomes one PartnersimError naming where it is, the key, what was expected and what was found.
import type * as z from 'zod';
import { PartnersimError, type ErrorCode } from '../errors.ts';
import {
  describeFound,
  duplicateAreaName,
  missingKey,
  outOfRange,
  registerConflict,
  scheduleNotFromZero,
  scheduleOutOfOrder,
  unknownKey,
  wrongType,
} from './messages.ts';
import { allowedKeys, describeExpected, scenarioJsonSchema, schemaAt, schemaKeys, type JsonSchemaNode } from './json-schema.ts';
import { closestKey, dottedKey } from './keys.ts';
import { AREA_LEVER_KEYS, COUNTED_KINDS, LEVER_KEYS, scenarioInputSchema, type LeverInput, type ScenarioInput } from './schema.ts';

/** Where a source's content came from: how to name the place of a path in it, and how to order places by position. */
export interface Origin {
  /** 'set' for a --set argument, whose errors all carry the --set codes. */
  readonly kind: 'file' | 'set';
  /** Returns the location of the key, or of the value, at a path (the nearest enclosing place if the path is absent). */
  at(path: readonly PropertyKey[], target: 'key' | 'value'): string;
  /** Returns a number that orders places by where they stand in the text. */
  order(path: readonly PropertyKey[], target: 'key' | 'value'): number;
}

/** What a kind of document (a scenario, a sweep) is checked against: its zod schema, the JSON Schema generated from it
 * (which messages read), and the file that publishes that JSON Schema. */
export interface DocumentSchema<T> {
  readonly zod: z.ZodType<T>;
  json(): JsonSchemaNode;
  readonly file: string;
}

const SCENARIO_SCHEMA: DocumentSchema<ScenarioInput> = {
  zod: scenarioInputSchema,
  json: scenarioJsonSchema,
  file: 'scenarios/schema.json',
};

/** Returns the content, typed, when it is a valid scenario on its own; throws the PartnersimError of its first problem otherwise. */
export function checkScenarioInput(value: unknown, origin: Origin): ScenarioInput {
  return checkDocument(value, origin, SCENARIO_SCHEMA, (data) => [
    ...scheduleProblems(data),
    ...areaProblems(data),
    ...registerProblems(data),
  ]);
}

/** Throws the PartnersimError of the first way organisations read from the register disagree with the rest of the
 * organisations block (counts, numbered areas, weights, areas not in the register), placed in `origin`: for a scenario
 * merged with the files it extends, or with its register just read. */
export function checkRegisterConsistency(input: ScenarioInput, origin: Origin): void {
  const [first] = registerProblems(input);
  if (first !== undefined) throw problemError(first, input, origin, SCENARIO_SCHEMA);
}

/** Returns the content, typed, when it is valid against a document schema and breaks none of `rules` (what a schema
 * cannot say); throws the PartnersimError of the problem that comes first in the text otherwise. */
export function checkDocument<T>(value: unknown, origin: Origin, schema: DocumentSchema<T>, rules: (data: T) => Problem[] = () => []): T {
  const result = schema.zod.safeParse(value);
  const problems = result.success ? rules(result.data) : schemaProblems(result.error.issues, []);
  if (result.success && problems.length === 0) return result.data;
  // A missing key is usually the other half of a misspelt one, so the misspelling is reported first.
  const rank = (problem: Problem) => [
    Number(problem.kind === 'type' && valueAtPath(value, problem.path) === undefined),
    origin.order(problem.path, target(problem)),
  ];
  const [first] = problems.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1];
  });
  throw problemError(first, value, origin, schema);
}

/** A problem found in a document, placed by its path. */
export type Problem =
  | { readonly kind: 'unknown' | 'range' | 'type'; readonly path: readonly PropertyKey[] }
  | { readonly kind: 'not-from-zero'; readonly path: readonly PropertyKey[]; readonly lever: string; readonly from: number }
  | {
      readonly kind: 'out-of-order';
      readonly path: readonly PropertyKey[];
      readonly lever: string;
      readonly previous: number;
      readonly from: number;
    }
  | { readonly kind: 'duplicate-area'; readonly path: readonly PropertyKey[]; readonly name: string; readonly first: string }
  | { readonly kind: 'register-conflict'; readonly path: readonly PropertyKey[]; readonly why: string; readonly fix: string };

// A union's issues are kept only when exactly one branch fits the value's type (say a list of {from, value});
// otherwise the union is one wrong-type problem, described by all its branches.
function schemaProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ kind: 'unknown', path: [...path, key] }));
      case 'too_big':
      case 'too_small':
        // A list too long is out of range (it says how many it may hold); an empty one is of the wrong type.
        return [
          {
            kind:
              ['number', 'int', 'bigint'].includes(issue.origin) || (issue.code === 'too_big' && issue.origin === 'array')
                ? 'range'
                : 'type',
            path,
          },
        ];
      case 'invalid_union': {
        const fitting = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
        return fitting.length === 1 ? schemaProblems(fitting[0], path) : [{ kind: 'type', path }];
      }
      default:
        return [{ kind: 'type', path }];
    }
  });
}

function scheduleProblems(input: ScenarioInput): Problem[] {
  const areas = input.organisations?.areas;
  const levers = [
    ...LEVER_KEYS.map((key) => key.split('.')),
    ...(typeof areas === 'object'
      ? areas.flatMap((_, i) => AREA_LEVER_KEYS.map((key) => ['organisations', 'areas', i, ...key.split('.')]))
      : []),
  ];
  return levers.flatMap((path): Problem[] => {
    const lever = valueAtPath(input, path) as LeverInput | undefined;
    if (!Array.isArray(lever)) return [];
    const lead: Problem[] =
      lever[0].from === 0 ? [] : [{ kind: 'not-from-zero', path: [...path, 0, 'from'], lever: dottedKey(path), from: lever[0].from }];
    return lead.concat(
      lever.flatMap((entry, j): Problem[] =>
        j > 0 && entry.from <= lever[j - 1].from
          ? [{ kind: 'out-of-order', path: [...path, j, 'from'], lever: dottedKey(path), previous: lever[j - 1].from, from: entry.from }]
          : [],
      ),
    );
  });
}

function areaProblems(input: ScenarioInput): Problem[] {
  const areas = input.organisations?.areas;
  if (typeof areas !== 'object') return [];
  // The first index of each name, in one pass: a list of 200,000 areas took 154 s with a search for each.
  const firstIndex = new Map<string, number>();
  return areas.flatMap((area, i): Problem[] => {
    const first = firstIndex.get(area.name) ?? i;
    if (first === i) firstIndex.set(area.name, i);
    return first < i
      ? [
          {
            kind: 'duplicate-area',
            path: ['organisations', 'areas', i, 'name'],
            name: area.name,
            first: dottedKey(['organisations', 'areas', first, 'name']),
          },
        ]
      : [];
  });
}

// Organisations read from the register are the establishments it lists, one area per local authority: counts, a number of
// areas and weights have no say, and areas named must be among its local authorities.
function registerProblems(input: ScenarioInput): Problem[] {
  const o = input.organisations;
  if (o?.from === undefined && o?.register === undefined) return [];
  const at = (...path: PropertyKey[]) => ['organisations', ...path];
  const conflict = (path: PropertyKey[], why: string, fix: string): Problem => ({ kind: 'register-conflict', path: at(...path), why, fix });
  const problems: Problem[] = [];
  if (o.from !== undefined && o.register !== undefined)
    problems.push(
      conflict(
        ['register'],
        'organisations.register and organisations.from both say where the organisations come from',
        'keep one of the two',
      ),
    );
  if (typeof o.areas === 'number')
    problems.push(
      conflict(
        ['areas'],
        'the register gives one area per local authority',
        "remove organisations.areas, or list areas by their local authorities' names",
      ),
    );
  if (o.kinds !== undefined) {
    const counts = o.register === undefined ? undefined : kindCounts(o.register.establishments);
    const differ = counts === undefined || COUNTED_KINDS.some((kind) => (o.kinds?.[kind] ?? counts[kind]) !== counts[kind]);
    if (differ)
      problems.push(conflict(['kinds'], 'the register gives the organisations, not counts of each kind', 'remove organisations.kinds'));
  }
  if (typeof o.areas === 'object') {
    const names = o.register?.localAuthorities;
    o.areas.forEach((area, i) => {
      if (area.weight !== undefined && area.weight !== 1)
        problems.push(
          conflict(['areas', i, 'weight'], 'an area from the register holds the establishments of its local authority', 'remove weight'),
        );
      if (names !== undefined && !names.includes(area.name))
        problems.push(
          conflict(
            ['areas', i, 'name'],
            `the register's areas are its local authorities (${names.join(', ')})`,
            `name one of them${nearest(area.name, names)}, or remove the area`,
          ),
        );
    });
  }
  const names = o.register?.localAuthorities ?? [];
  o.register?.establishments.forEach((e, i) => {
    if (!names.includes(e.area))
      problems.push(
        conflict(
          ['register', 'establishments', i, 'area'],
          `its areas are organisations.register.localAuthorities (${names.join(', ')})`,
          'name one of them',
        ),
      );
  });
  return problems;
}

/** Returns how many establishments of each counted kind a register lists. */
export function kindCounts(establishments: readonly { readonly kind: string }[]): Record<(typeof COUNTED_KINDS)[number], number> {
  const counts = Object.fromEntries(COUNTED_KINDS.map((kind) => [kind, 0])) as Record<(typeof COUNTED_KINDS)[number], number>;
  for (const e of establishments) counts[e.kind as (typeof COUNTED_KINDS)[number]]++;
  return counts;
}

function nearest(name: string, names: readonly string[]): string {
  const suggestion = closestKey(name, names);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}

function target(problem: Problem): 'key' | 'value' {
  return problem.kind === 'unknown' ? 'key' : 'value';
}

function problemError<T>(problem: Problem, root: unknown, origin: Origin, schema: DocumentSchema<T>): PartnersimError {
  const error = (code: ErrorCode, message: string) => new PartnersimError(origin.kind === 'set' ? 'set-bad-value' : code, message);
  const at = origin.at(problem.path, target(problem));
  const key = problem.path.length === 0 ? 'the scenario' : dottedKey(problem.path);
  switch (problem.kind) {
    case 'unknown': {
      const name = String(problem.path[problem.path.length - 1]);
      const allowed = allowedKeys(schemaAt(problem.path.slice(0, -1), root, schema.json()) ?? {});
      // A key suggested holds what was written: a number or text where one goes, a mapping where a mapping goes (so that a
      // number under organisations.kinds is not sent to the lever group of the same name).
      const found = valueAtPath(root, problem.path);
      const shape = Array.isArray(found) ? undefined : typeof found === 'object' && found !== null ? 'mapping' : 'value';
      const suggestion = closestKey(
        key,
        schemaKeys(schema.json())
          .filter((k) => shape === undefined || k.leaf === (shape === 'value'))
          .map((k) => k.key),
      );
      return error('unknown-key', unknownKey(at, key, name, allowed, suggestion, schema.file));
    }
    case 'range':
    case 'type': {
      const expected = describeExpected(schemaAt(problem.path, root, schema.json()) ?? {});
      const found = valueAtPath(root, problem.path);
      if (problem.kind === 'range') return error('out-of-range', outOfRange(at, key, expected, describeFound(found)));
      return error('wrong-type', found === undefined ? missingKey(at, key, expected) : wrongType(at, key, expected, describeFound(found)));
    }
    case 'not-from-zero':
      return error('schedule-order', scheduleNotFromZero(at, problem.lever, problem.from));
    case 'out-of-order':
      return error('schedule-order', scheduleOutOfOrder(at, problem.lever, problem.previous, problem.from));
    case 'duplicate-area':
      return error('duplicate-area', duplicateAreaName(at, key, problem.name, problem.first));
    case 'register-conflict':
      return error('register-conflict', registerConflict(at, key, problem.why, problem.fix));
  }
}

function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, segment) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[segment] : undefined),
    root,
  );
}
