// The published JSON Schema of scenario files, generated from the zod schema, and the questions error
// messages ask of it: what is expected at a key, and which keys exist.
import * as z from 'zod';
import { scenarioInputSchema } from './schema.ts';

/** The parts of a JSON Schema node that scenario messages read. */
export interface JsonSchemaNode {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
}

/** A key a scenario file may contain, as a dotted path with `[]` for a list's entries; a leaf holds a value, not a mapping. */
export interface ScenarioKey {
  readonly key: string;
  readonly leaf: boolean;
}

let generated: JsonSchemaNode | undefined;

/** Returns the JSON Schema (draft 2020-12) of what a person may write in a scenario file. */
export function scenarioJsonSchema(): JsonSchemaNode {
  generated ??= generateJsonSchema(
    scenarioInputSchema,
    'partnersim scenario',
    'A scenario for partnersim: every key is optional; each lever is a number from 0 to 1 or a schedule [{from: step, value}].',
  );
  return generated;
}

/** Returns the JSON Schema (draft 2020-12) of what a person may write in a document of a zod schema, with a title and description. */
export function generateJsonSchema(schema: z.ZodType, title: string, description: string): JsonSchemaNode {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return { $schema, title, description, ...rest } as JsonSchemaNode;
}

/** Returns the text of scenarios/schema.json: the schema as indented JSON with a final newline. */
export function renderScenarioJsonSchema(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

/** Returns the schema node at a path of a document (a scenario unless another schema is given), taking the branch of each union that the value found there matches. */
export function schemaAt(
  path: readonly PropertyKey[],
  root: unknown,
  schema: JsonSchemaNode = scenarioJsonSchema(),
): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = branchFor(schema, root);
  let value = root;
  for (const segment of path) {
    const container: JsonSchemaNode = node.anyOf?.find((b) => (typeof segment === 'number' ? b.items : b.properties)) ?? node;
    const next: JsonSchemaNode | undefined = typeof segment === 'number' ? container.items : container.properties?.[String(segment)];
    if (next === undefined) return undefined;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
    node = branchFor(next, value);
  }
  return node;
}

/** Returns what a schema node expects, in words: "a number from 0 to 1", "a whole number from 1 to 100000", "a list of one or more {from, value}". */
export function describeExpected(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(describeExpected).join(', or ');
  if (node.enum) return `one of ${node.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  switch (node.type) {
    case 'integer':
      return describeBounds('a whole number', node, 1);
    case 'number':
      return describeBounds('a number', node, 0);
    case 'string':
      if (node.format === 'date') return 'a date YYYY-MM-DD';
      return (node.minLength ?? 0) > 0 ? 'non-empty text' : 'text';
    case 'array': {
      const items =
        node.items === undefined
          ? 'values'
          : node.items.type === 'object'
            ? describeObject(node.items)
            : plural(describeExpected(node.items));
      const count = (node.minItems ?? 0) > 0 ? 'one or more ' : '';
      return `a list of ${count}${items}${node.maxItems === undefined ? '' : ` (at most ${node.maxItems})`}`;
    }
    case 'object':
      return `a mapping ${describeObject(node)}`;
    default:
      return node.type ?? 'a value';
  }
}

/** Returns the keys a mapping node allows, in schema order. */
export function allowedKeys(node: JsonSchemaNode): string[] {
  return Object.keys(node.properties ?? {});
}

/** Returns every key a scenario file may contain, in schema order, parents before their children. */
export function scenarioKeys(): readonly ScenarioKey[] {
  return schemaKeys(scenarioJsonSchema());
}

/** Returns every key a document of this schema may contain, in schema order, parents before their children. */
export function schemaKeys(schema: JsonSchemaNode): readonly ScenarioKey[] {
  const keys: ScenarioKey[] = [];
  const visit = (node: JsonSchemaNode, prefix: string): void => {
    for (const branch of node.anyOf ?? [node]) {
      if (branch.items) visit(branch.items, `${prefix}[]`);
      for (const [name, child] of Object.entries(branch.properties ?? {})) {
        const key = prefix === '' ? name : `${prefix}.${name}`;
        keys.push({ key, leaf: child.type !== 'object' });
        visit(child, key);
      }
    }
  };
  visit(schema, '');
  return keys;
}

// "a number from 0 to 1" -> "numbers from 0 to 1", "one of ..." -> "values, each one of ...", for a list's items.
function plural(description: string): string {
  const single = /^an? (whole number|number)(.*)$/.exec(description);
  if (single !== null) return `${single[1]}s${single[2]}`;
  if (description === 'text' || description === 'non-empty text') return `${description}s`;
  return `values, each ${description}`;
}

function describeObject(node: JsonSchemaNode): string {
  return `{${allowedKeys(node).join(', ')}}`;
}

// Integers state an exclusive bound as the next whole number; the upper bound of `from` (the safe-integer limit) is no real limit.
function describeBounds(noun: string, node: JsonSchemaNode, unit: number): string {
  const low = node.minimum ?? (node.exclusiveMinimum !== undefined && unit > 0 ? node.exclusiveMinimum + unit : undefined);
  const high = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  const above = low === undefined ? node.exclusiveMinimum : undefined;
  if (low !== undefined && high !== undefined) return `${noun} from ${low} to ${high}`;
  if (low !== undefined) return `${noun}, ${low} or more`;
  if (above !== undefined) return high === undefined ? `${noun} above ${above}` : `${noun} above ${above} and at most ${high}`;
  return high === undefined ? noun : `${noun} up to ${high}`;
}

function branchFor(node: JsonSchemaNode, value: unknown): JsonSchemaNode {
  return node.anyOf?.find((branch) => matchesType(branch, value)) ?? node;
}

function matchesType(node: JsonSchemaNode, value: unknown): boolean {
  switch (node.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
