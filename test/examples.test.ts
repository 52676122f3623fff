// The example corpus: every shipped scenario (scenarios/*.yaml) loads and validates, normalising it is pure
// and idempotent, it runs with its fixed seed without a warning, and its metrics match its committed golden.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenarioText } from '../src/scenario/load.ts';
import { registerUnread } from '../src/scenario/messages.ts';
import { normalizeScenario } from '../src/scenario/normalize.ts';
import { countOrganisations } from '../src/scenario/schema.ts';
import {
  exampleNames,
  goldenPath,
  goldenSummary,
  loadExample,
  runExample,
  scenarioPath,
  UPDATE_COMMAND,
  type GoldenSummary,
} from './golden/summary.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const NAMES = exampleNames();

describe('the example corpus', () => {
  it('holds the shipped scenarios, each with a golden and no golden without a scenario', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['baseline', 'carrots', 'sticks', 'national', 'two-areas']));
    for (const name of NAMES) expect(existsSync(goldenPath(name)), `no test/golden/${name}.json: run ${UPDATE_COMMAND}`).toBe(true);
  });
});

describe.each(NAMES)('scenarios/%s.yaml', (name) => {
  let warn: ReturnType<typeof vi.spyOn>;
  let error: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads and validates, with its file name as its name', () => {
    const scenario = loadExample(name);
    expect(scenario.name).toBe(name);
    expect(scenario.description.length).toBeGreaterThan(0);
    // The file itself, without its `extends`, is valid on its own.
    expect(() => parseScenarioText(readFileSync(scenarioPath(name), 'utf8'), `${name}.yaml`)).not.toThrow();
  });

  it('normalises without mutating its input, and normalising twice changes nothing', () => {
    const written = deepFreeze(parseScenarioText(readFileSync(scenarioPath(name), 'utf8'), `${name}.yaml`));
    const writtenCopy = structuredClone(written);
    if (written.organisations?.from === undefined) {
      const once = normalizeScenario(written, name);
      expect(written).toEqual(writtenCopy);
      expect(normalizeScenario(deepFreeze(once), name)).toEqual(once);
    } else {
      // Organisations from the register are read by the loader, through its host: the text alone cannot be normalised.
      expect(() => normalizeScenario(written, name)).toThrow(registerUnread(name));
    }

    const loaded = deepFreeze(loadExample(name));
    const loadedCopy = structuredClone(loaded);
    const again = normalizeScenario(loaded);
    expect(loaded).toStrictEqual(loadedCopy);
    expect(again).toStrictEqual(loaded);
    expect(JSON.stringify(normalizeScenario(again))).toBe(JSON.stringify(loaded));
  });

  // National takes most of a minute on a loaded machine.
  it('runs with its fixed seed, without mutating the scenario or raising a warning, and matches its golden summary', {
    timeout: 240_000,
  }, () => {
    const scenario = deepFreeze(loadExample(name));
    const copy = structuredClone(scenario);
    const result = runExample(name, scenario);
    expect(scenario).toStrictEqual(copy);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(result.organisations).toBe(countOrganisations(scenario));
    expect(result.timeseries).toHaveLength(result.steps);

    const path = goldenPath(name);
    expect(existsSync(path), `no golden test/golden/${name}.json: run ${UPDATE_COMMAND} and commit it`).toBe(true);
    const golden = JSON.parse(readFileSync(path, 'utf8')) as GoldenSummary;
    expect(
      goldenSummary(result),
      `scenarios/${name}.yaml no longer matches test/golden/${name}.json. If the model changed on purpose, run ${UPDATE_COMMAND}, review the diff and commit it; otherwise the change is a regression.`,
    ).toStrictEqual(golden);
  });
});
