// Shared set-up for the sweep command tests: a tiny sweep over the tiny scenario, and a directory's files as bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The text of a grid sweep over tiny.yaml: 3 x 2 points, `replicates` each, with the time series at two steps. */
export function tinySweep({ replicates = 2, seed = 7, extra = '' }: { replicates?: number; seed?: number; extra?: string } = {}): string {
  return `name: tiny-sweep
scenario: tiny.yaml
parameters:
  policy.carrot: [0, 0.4, 0.8]
  market.competition: {from: 0, to: 0.6, steps: 2}
replicates: ${replicates}
seed: ${seed}
record:
  timeseries: {steps: [3, 6], fields: [active, meanTrust, collaborating]}
${extra}`;
}

/** Returns every file in a directory (not its subdirectories) by name, as bytes. */
export function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [entry.name, readFileSync(join(dir, entry.name))]),
  );
}

/** The URL of the runner whose runs of point 1 throw. */
export const FAILING_RUNNER = pathToFileURL(join(import.meta.dirname, '..', 'sweep', 'fixtures', 'failing-runner.ts')).href;
