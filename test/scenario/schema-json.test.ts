// The committed scenarios/schema.json must match the zod schema it is generated from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../src/cli/schema.ts';
import { renderScenarioJsonSchema, scenarioJsonSchema } from '../../src/scenario/json-schema.ts';

describe('scenarios/schema.json', () => {
  it('is up to date with src/scenario/schema.ts', () => {
    expect(
      readFileSync(SCHEMA_PATH, 'utf8'),
      'scenarios/schema.json is stale: regenerate it with `npm run schema` (or node bin/partnersim.js schema --write)',
    ).toBe(renderScenarioJsonSchema());
  });

  it('describes levers as a number from 0 to 1 or a schedule, and forbids unknown keys', () => {
    const schema = scenarioJsonSchema();
    const carrot = schema.properties?.policy.properties?.carrot;
    expect(carrot?.description).toBe('funding and incentives for being in a partnership');
    expect(carrot?.anyOf?.map((branch) => branch.type)).toEqual(['number', 'array']);
    expect(JSON.parse(renderScenarioJsonSchema()).additionalProperties).toBe(false);
  });
});
