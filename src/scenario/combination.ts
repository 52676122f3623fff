// What no single file or --set argument can be checked for alone: model parameters that must fit together (the
// parameter table's rules) and mechanisms switched off while another that is on needs them. Checked on the merged
// input, and placed at the last source (file or --set argument) that set one of the keys involved.
import { PartnersimError } from '../errors.ts';
import { MECHANISMS, unmetNeeds } from './mechanisms.ts';
import { mechanismNeeded, parameterRuleBroken, tooManyOrganisations } from './messages.ts';
import { PARAMETER_RULES, parameterValue } from './parameters/index.ts';
import type { Origin } from './check.ts';
import { COUNTED_KINDS, MAX_ORGANISATIONS, type ScenarioInput } from './schema.ts';

/** One source of a scenario's keys, in the order they are applied: a file of the extends chain or a --set argument. */
export interface ScenarioSource {
  readonly origin: Origin;
  readonly input: ScenarioInput;
}

/** Throws the PartnersimError of the first rule the merged input breaks, placed at the last source that set one of its keys:
 * the organisations' total within MAX_ORGANISATIONS, the parameter table's rules, the mechanisms' needs. */
export function checkCombination(merged: ScenarioInput, sources: readonly ScenarioSource[]): void {
  const counts = COUNTED_KINDS.map((kind) => merged.organisations?.kinds?.[kind] ?? 0);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total > MAX_ORGANISATIONS) {
    const [at] = placeOf(
      sources,
      COUNTED_KINDS.map((kind) => `organisations.kinds.${kind}`),
    );
    throw new PartnersimError('out-of-range', tooManyOrganisations(at, total, MAX_ORGANISATIONS));
  }
  for (const rule of PARAMETER_RULES) {
    const values = rule.keys.map((key) => parameterValue(merged, key));
    if (rule.holds(values)) continue;
    const [at] = placeOf(sources, rule.keys);
    throw new PartnersimError(
      'parameter-rule',
      parameterRuleBroken(
        at,
        rule.says,
        rule.keys.map((key, i) => [key, values[i]] as const),
      ),
    );
  }
  const mechanisms = (merged as { readonly mechanisms?: Readonly<Record<string, boolean | undefined>> }).mechanisms ?? {};
  const off = new Set(Object.keys(MECHANISMS).filter((id) => mechanisms[id] === false));
  const [unmet] = unmetNeeds(off);
  if (unmet === undefined) return;
  const [needer, needed] = unmet;
  const [at] = placeOf(sources, [`mechanisms.${needed}`, `mechanisms.${needer}`]);
  throw new PartnersimError('mechanism-needed', mechanismNeeded(at, needer, needed));
}

// The location of the last source that set one of these dotted keys (the key's own place in it), or of the last source.
function placeOf(sources: readonly ScenarioSource[], keys: readonly string[]): [string] {
  for (let s = sources.length - 1; s >= 0; s--) {
    for (const key of keys) {
      const path = key.split('.');
      if (valueAt(sources[s].input, path) !== undefined) return [sources[s].origin.at(path, 'value')];
    }
  }
  return [sources[sources.length - 1].origin.at([], 'key')];
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, name) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined), root);
}
