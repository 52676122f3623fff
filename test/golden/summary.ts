// The golden summaries of the example corpus: which scenarios run for how long, and the small summary of a
// run that is committed in test/golden/<name>.json. Shared by test/examples.test.ts and test/golden/update.ts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Metrics, RunResult } from '../../src/engine/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** The command that regenerates the goldens, named in every failure message. */
export const UPDATE_COMMAND = 'npx tsx test/golden/update.ts (npm run golden)';

/** Directory of the shipped scenarios, and of the goldens. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Steps to run a scenario for in the corpus: its own, except national (about 20,000 organisations), cut to keep CI fast. */
const STEPS: Readonly<Record<string, number>> = { national: 3 };

/** Returns the names of the shipped scenarios (scenarios/*.yaml), sorted. */
export function exampleNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Returns the path of a shipped scenario, and of its golden. */
export const scenarioPath = (name: string) => `${SCENARIO_DIR}${name}.yaml`;
export const goldenPath = (name: string) => `${GOLDEN_DIR}${name}.json`;

/** Returns a shipped scenario, loaded and normalised through the Node host. */
export function loadExample(name: string): Scenario {
  return loadScenario(scenarioPath(name), nodeHost);
}

/** Returns the run of a shipped scenario the corpus checks: its fixed seed (replicate 0 of its master seed), its steps or the cut. */
export function runExample(name: string, scenario: Scenario = loadExample(name)): RunResult {
  return runScenario(scenario, { steps: STEPS[name] ?? scenario.time.steps });
}

/** Returns a number rounded to 6 significant digits (integers kept as they are), so goldens ignore the last bits. */
export function round6(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(6));
}

/** The committed summary of one run. */
export interface GoldenSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly steps: number;
  readonly organisations: number;
  readonly partnershipsFormed: number;
  readonly metrics: Record<keyof Metrics, number | null>;
}

/** Returns the golden summary of a run: its identity and size, and its metrics rounded to 6 significant digits. */
export function goldenSummary(result: RunResult): GoldenSummary {
  const metrics = Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [k, v === null ? null : round6(v)])) as Record<
    keyof Metrics,
    number | null
  >;
  return {
    scenario: result.scenario,
    seed: result.seed,
    steps: result.steps,
    organisations: result.organisations,
    partnershipsFormed: result.metrics.partnershipsFormed,
    metrics,
  };
}

/** Returns a summary as the text committed to its file. */
export function goldenText(summary: GoldenSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
