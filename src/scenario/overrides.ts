// --set key=value: a dotted key exactly as in a scenario file, with a value parsed as YAML flow; each
// argument is checked as a one-key scenario of its own, so its errors name the argument.
import { parseDocument } from 'yaml';
import { PartnersimError } from '../errors.ts';
import { setLocation, setMissingEquals, setUnknownKey, setUnparsable } from './messages.ts';
import { checkScenarioInput, type Origin } from './check.ts';
import type { ScenarioSource } from './combination.ts';
import { scenarioKeys } from './json-schema.ts';
import { closestKey } from './keys.ts';
import { mergeScenarioInputs } from './merge.ts';
import type { ScenarioInput } from './schema.ts';

/** Returns the keys --set accepts: every key of one value outside lists, except `$schema`, `extends` and where the
 * organisations are read from the register (files, read where they are written). */
export function settableKeys(): string[] {
  return scenarioKeys()
    .filter(
      ({ key, leaf }) =>
        leaf &&
        !key.includes('[]') &&
        key !== '$schema' &&
        key !== 'extends' &&
        !key.startsWith('organisations.from.') &&
        !key.startsWith('organisations.register.'),
    )
    .map(({ key }) => key);
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
  const keys = settableKeys();
  if (!keys.includes(key)) throw new PartnersimError('set-unknown-key', setUnknownKey(arg, key, text, closestKey(key, keys)));
  const doc = parseDocument(text, { prettyErrors: false });
  const [error] = doc.errors;
  if (error !== undefined)
    throw new PartnersimError('set-bad-value', setUnparsable(arg, key, `${JSON.stringify(text)} (${error.message})`));
  const value = key.split('.').reduceRight<unknown>((inner, name) => ({ [name]: inner }), doc.toJS());
  const origin: Origin = { kind: 'set', at: () => setLocation(arg), order: () => 0 };
  return { input: checkScenarioInput(value, origin), origin };
}

/** Returns the input with each --set argument applied in turn (a later one wins), without changing the input. */
export function applyOverrides(input: ScenarioInput, args: readonly string[]): ScenarioInput {
  return args.reduce((merged, arg) => mergeScenarioInputs(merged, parseOverride(arg)), input);
}
