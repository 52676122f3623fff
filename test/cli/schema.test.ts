// `partnersim schema`: prints the scenario, (--sweep) the sweep or (--calibration) the calibration JSON Schema; the
// committed scenarios/, sweeps/ and calibrations/schema.json that --write makes match what the code generates; writing a
// schema file is atomic.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_SCHEMA_PATH, schemaFiles, SCHEMA_PATH, SWEEP_SCHEMA_PATH, writeSchemaFile } from '../../src/cli/schema.ts';
import { renderCalibrationJsonSchema } from '../../src/calibration/load.ts';
import { isPartnersimError } from '../../src/errors.ts';
import * as message from '../../src/results/messages.ts';
import { renderScenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { renderSweepJsonSchema } from '../../src/sweep/load.ts';
import { runCli, useTempDir } from './fixtures.ts';

const tmp = useTempDir('schema');

describe('partnersim schema', () => {
  it('prints the JSON Schema of scenario files', async () => {
    expect(await runCli(['schema'])).toEqual({ code: 0, out: renderScenarioJsonSchema(), err: '' });
  });

  it('prints the JSON Schema of sweep files with --sweep', async () => {
    const result = await runCli(['schema', '--sweep']);
    expect(result).toEqual({ code: 0, out: renderSweepJsonSchema(), err: '' });
    expect(JSON.parse(result.out).title).toBe('partnersim sweep');
  });

  it('prints the JSON Schema of calibration files with --calibration', async () => {
    const result = await runCli(['schema', '--calibration']);
    expect(result).toEqual({ code: 0, out: renderCalibrationJsonSchema(), err: '' });
    expect(JSON.parse(result.out).title).toBe('partnersim calibration');
  });

  it('says in its help what --sweep, --calibration and --write do', async () => {
    const { code, out } = await runCli(['schema', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--sweep\s+print the schema of sweep files/);
    expect(out).toMatch(/--calibration\s+print the schema of calibration files/);
    expect(out).toMatch(/--write\s+write scenarios\/schema\.json, sweeps\/schema\.json and\s+calibrations\/schema\.json/);
  });
});

describe('the committed schema files', () => {
  it('are the scenario, sweep and calibration schemas, all written by --write', () => {
    expect(schemaFiles().map((file) => file.path)).toEqual([SCHEMA_PATH, SWEEP_SCHEMA_PATH, CALIBRATION_SCHEMA_PATH]);
    expect(SWEEP_SCHEMA_PATH).toMatch(/[\\/]sweeps[\\/]schema\.json$/);
    expect(CALIBRATION_SCHEMA_PATH).toMatch(/[\\/]calibrations[\\/]schema\.json$/);
  });

  it.each(schemaFiles())('$path is up to date with the code it is generated from', ({ path, text }) => {
    expect(
      readFileSync(path, 'utf8'),
      `${path} is stale: regenerate it with \`npm run schema\` (node bin/partnersim.js schema --write)`,
    ).toBe(text);
  });
});

describe('writeSchemaFile', () => {
  it('writes the text it is given, and leaves no temporary file behind', () => {
    const path = tmp.path('schema.json');
    writeSchemaFile(path, '{"title": "one"}\n');
    writeSchemaFile(path, '{"title": "two"}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"title": "two"}\n');
    expect(readdirSync(tmp.root)).toEqual(['schema.json']);
  });

  it('refuses a directory that does not exist with output-unwritable, leaving nothing there', () => {
    const path = tmp.path('missing/schema.json');
    try {
      writeSchemaFile(path, '{}\n');
      expect.fail('wrote into a missing directory');
    } catch (error) {
      if (!isPartnersimError(error)) throw error;
      expect(error.code).toBe('output-unwritable');
      expect(error.message).toBe(message.outputUnwritable(path, 'no such file or directory'));
    }
    expect(existsSync(tmp.path('missing'))).toBe(false);
  });
});
