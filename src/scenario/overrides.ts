// --set key=value: a dotted key exactly as in a scenario file, with a value parsed as YAML flow; each
// argument is checked as a one-key scenario of its own, so its errors name the argument.
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { PartnersimError } from '../errors.ts';
import { setLocation, setMissingEquals, setUnknownKey, setUnparsable } from './messages.ts';
import { checkScenarioInput, type Origin } from './check.ts';
import type { ScenarioSource } from './combination.ts';
import { scenarioKeys } from './json-schema.ts';
import { closestKey } from './keys.ts';
import { mergeScenarioInputs } from './merge.ts';
import { scenarioInputSchema, type ScenarioInput } from './schema.ts';
import { explicitTag } from './source.ts';

/** Returns the keys --set accepts: every key of one value outside lists, except `$schema`, `extends` and where the
 * organisations are read from the register (files, read where they are written). */
export function settableKeys(): string[] {
  return scenarioKeys()
    .filter(({ key, leaf }) => leaf && !key.includes('[]') && !isFileKey(key))
    .map(({ key }) => key);
}

// The keys --set leaves to the files, read where they are written: `$schema`, `extends`, and the register's.
function isFileKey(key: string): boolean {
  return key === '$schema' || key === 'extends' || key.startsWith('organisations.from.') || key.startsWith('organisations.register.');
}

/** Tells whether --set accepts a key (one of settableKeys()). A key found by following the zod schema's mappings down
 * to a number, text, yes/no, choice or union is one, and needs no JSON Schema (whose generation, about 40 ms, every run
 * with --seed, --steps or --set paid): the keys runs are given (time.seed, time.steps, levers, parameters) are found so.
 * Any other key is looked up in settableKeys(). */
export function isSettableKey(key: string): boolean {
  return isValueInSchema(key) || settableKeys().includes(key);
}

// Whether a key leads through the scenario schema's mappings (optional or not) to a schema that the JSON Schema gives no
// `type: object` (settableKeys()'s values), and is not one that --set leaves to the files.
function isValueInSchema(key: string): boolean {
  if (isFileKey(key)) return false;
  let schema: z.ZodType = scenarioInputSchema;
  for (const name of key.split('.')) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject) || !Object.hasOwn(schema.shape, name)) return false;
    schema = schema.shape[name] as z.ZodType;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return [z.ZodNumber, z.ZodString, z.ZodBoolean, z.ZodEnum, z.ZodUnion].some((kind) => schema instanceof kind);
}

/** Returns the one-key scenario input a --set argument stands for; throws a PartnersimError naming the argument. */
export function parseOverride(arg: string): ScenarioInput {
  return overrideSource(arg).input;
}

/** Returns a --set argument as a source of scenario keys: its one-key input, and where its errors are placed. */
export function overrideSource(arg: string): ScenarioSource {
  const equals = arg.indexOf('=');
  if (equals < 0) throw new PartnersimError('bad-option', setMissingEquals(arg));
  const key = arg.slice(0, equals).trim();
  const text = arg.slice(equals + 1);
  if (!isSettableKey(key)) throw new PartnersimError('set-unknown-key', setUnknownKey(arg, key, text, closestKey(key, settableKeys())));
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  const [error] = doc.errors;
  if (error !== undefined)
    throw new PartnersimError('set-bad-value', setUnparsable(arg, key, `${JSON.stringify(text)} (${error.message})`));
  const tagged = explicitTag(doc);
  if (tagged !== undefined)
    throw new PartnersimError(
      'set-bad-value',
      setUnparsable(arg, key, `${JSON.stringify(text)} (YAML tag ${tagged.tag}, which gives no plain value)`),
    );
  const value = key.split('.').reduceRight<unknown>((inner, name) => ({ [name]: inner }), doc.toJS());
  const origin: Origin = { kind: 'set', at: () => setLocation(arg), order: () => 0 };
  return { input: checkScenarioInput(value, origin), origin };
}

/** Returns the input with each --set argument applied in turn (a later one wins), without changing the input. */
export function applyOverrides(input: ScenarioInput, args: readonly string[]): ScenarioInput {
  return args.reduce((merged, arg) => mergeScenarioInputs(merged, parseOverride(arg)), input);
}
