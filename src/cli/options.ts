// Options shared by commands, parsed and checked here so that each command says the same of the same mistake.
import { PartnersimError } from '../errors.ts';
import { badSeed, notPositiveInteger, tooManySteps } from './messages.ts';

/** Collects a repeatable option's values (commander's argParser for --set). */
export const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** Returns a positive whole number given to an option; throws a PartnersimError naming the option otherwise. */
export function parseCount(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new PartnersimError('bad-option', notPositiveInteger(option, text));
  return Number(text);
}

/** Returns the --steps value, at most the scenario schema's limit (read from the schema, loaded with the command rather
 * than with the program, so that --steps and time.steps agree). */
export async function parseSteps(text: string): Promise<number> {
  const steps = parseCount('--steps', text);
  const { scenarioInputSchema } = await import('../scenario/schema.ts');
  const max = scenarioInputSchema.shape.time.unwrap().shape.steps.unwrap().maxValue ?? Number.MAX_SAFE_INTEGER;
  if (steps > max) throw new PartnersimError('bad-option', tooManySteps(text, max));
  return steps;
}

/** Returns the --seed value: a whole number from 0 to 2^32 - 1 (random.ts's MAX_SEED, written out here: what --help
 * loads, as this file is, does not load the generator). */
export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 2 ** 32 - 1) throw new PartnersimError('bad-option', badSeed(text));
  return Number(text);
}
