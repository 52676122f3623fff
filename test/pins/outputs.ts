// The byte-identity pins: the SHA-256 of the output files (summary, time series, partnerships, events, organisations, leaders) of every shipped
// scenario's golden run, so a refactor that should change nothing is shown to change nothing, to the last byte.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Provenance, resultFiles } from '../../src/results/run-files.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { hashScenario } from '../../src/scenario/normalize.ts';
import { exampleNames, loadExample, runExample } from '../golden/summary.ts';

/** Where the pins are committed, and the command that rewrites them. */
export const PINS_PATH = fileURLToPath(new URL('./outputs.json', import.meta.url));
export const PINS_UPDATE_COMMAND = 'npx tsx test/pins/update.ts';

/** The files pinned: every result file but the manifest, which records the version and commit. */
export const PINNED_FILES = [
  'summary.json',
  'timeseries.csv',
  'partnerships.csv',
  'events.jsonl',
  'organisations.csv',
  'leaders.csv',
] as const;

/** Returns a run's provenance with its version, commit, node and arguments fixed, so that its files depend only on the
 * scenario and its seeds. */
export function fixedProvenance(scenario: Scenario, masterSeed: number, seeds: readonly number[]): Provenance {
  return { version: '0', commit: null, node: '0', args: [], scenario, scenarioHash: hashScenario(scenario), masterSeed, seeds };
}

/** Returns, per shipped scenario, the SHA-256 of each pinned file of its golden run. */
export function outputHashes(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    exampleNames().map((name) => {
      const scenario = loadExample(name);
      const result = runExample(name, scenario);
      const files = resultFiles([result], fixedProvenance(scenario, scenario.time.seed, [result.seed]));
      return [name, Object.fromEntries(PINNED_FILES.map((file) => [file, createHash('sha256').update(files[file]).digest('hex')]))];
    }),
  );
}
