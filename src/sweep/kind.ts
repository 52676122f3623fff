// Telling a sweep file from a scenario, without loading the sweep's schema and code: what `validate` asks first.
import { parseSource } from '../scenario/source.ts';

// The keys that only a sweep has: a file with any of them is a sweep, so that one that lacks `scenario:` is told so.
const SWEEP_KEYS = ['scenario', 'parameters', 'design', 'replicates', 'record'];

/** Tells whether a file's text is a sweep (a mapping with a key no scenario file has: scenario, parameters, design,
 * replicates or record) rather than a scenario; text that does not parse is not a sweep, so the scenario loader
 * reports its syntax error. */
export function isSweepText(text: string, fileName: string): boolean {
  try {
    const { value } = parseSource(text, fileName);
    return typeof value === 'object' && value !== null && SWEEP_KEYS.some((key) => Object.hasOwn(value, key));
  } catch {
    return false;
  }
}
