// Checking one source's own content (a file, or a --set value): the zod schema first, then what a schema
// cannot say (schedules in order from step 0, unique area names). The problem that comes first in the
// text becomes one PartnersimError naming where it is, the key, what was expected and what was found.
import type { z } from 'zod';
import { PartnersimError, type ErrorCode } from '../errors.ts';
import {
  describeFound,
  duplicateAreaName,
  missingKey,
  outOfRange,
  scheduleNotFromZero,
  scheduleOutOfOrder,
  unknownKey,
  wrongType,
} from './messages.ts';
import { allowedKeys, describeExpected, scenarioJsonSchema, schemaAt, schemaKeys, type JsonSchemaNode } from './json-schema.ts';
import { closestKey, dottedKey } from './keys.ts';
import { AREA_LEVER_KEYS, LEVER_KEYS, scenarioInputSchema, type LeverInput, type ScenarioInput } from './schema.ts';

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
  return checkDocument(value, origin, SCENARIO_SCHEMA, (data) => [...scheduleProblems(data), ...areaProblems(data)]);
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
  | { readonly kind: 'duplicate-area'; readonly path: readonly PropertyKey[]; readonly name: string; readonly first: string };

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
        return [{ kind: ['number', 'int', 'bigint'].includes(issue.origin) ? 'range' : 'type', path }];
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
  return areas.flatMap((area, i): Problem[] => {
    const first = areas.findIndex((other) => other.name === area.name);
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
      const suggestion = closestKey(
        key,
        schemaKeys(schema.json()).map((k) => k.key),
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
  }
}

function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, segment) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[segment] : undefined),
    root,
  );
}
