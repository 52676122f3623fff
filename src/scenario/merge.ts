// Merging scenario inputs, for `extends` and --set: the later input wins key by key.
import type { ScenarioInput } from './schema.ts';

/** Returns `over` merged onto `base` without changing either: mappings merge key by key, recursively; lists
 * (schedules, areas) and values replace the base's whole. */
export function mergeScenarioInputs(base: ScenarioInput, over: ScenarioInput): ScenarioInput {
  return merge(base, over) as ScenarioInput;
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = merge(base[key], value);
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
