// `partnersim schema`: prints the JSON Schema of scenario files (or, with --sweep or --calibration, of sweep or
// calibration files), or writes all three to scenarios/, sweeps/ and calibrations/schema.json (`npm run schema`) for
// editors and for the tests that fail when a committed copy is stale.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaWritten } from './messages.ts';
import { renderScenarioJsonSchema } from '../scenario/json-schema.ts';
import { renderSweepJsonSchema } from '../sweep/load.ts';
import { renderCalibrationJsonSchema } from '../calibration/load.ts';
import { writeOutputFile } from '../results/write.ts';
import type { Io } from './main.ts';

/** The committed scenario schema, found from this file so that the command works from any directory. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));

/** The committed sweep schema, found the same way. */
export const SWEEP_SCHEMA_PATH = fileURLToPath(new URL('../../sweeps/schema.json', import.meta.url));

/** The committed calibration schema, found the same way. */
export const CALIBRATION_SCHEMA_PATH = fileURLToPath(new URL('../../calibrations/schema.json', import.meta.url));

/** Returns the committed schema files, each with the text it should hold: what --write writes, in that order. */
export function schemaFiles(): { readonly path: string; readonly text: string }[] {
  return [
    { path: SCHEMA_PATH, text: renderScenarioJsonSchema() },
    { path: SWEEP_SCHEMA_PATH, text: renderSweepJsonSchema() },
    { path: CALIBRATION_SCHEMA_PATH, text: renderCalibrationJsonSchema() },
  ];
}

/** `partnersim schema`: prints the schema of scenario (or sweep, or calibration) files, or with --write writes all three. */
export function schemaCommand(options: { sweep?: boolean; calibration?: boolean; write?: boolean }, io: Io): void {
  if (!options.write) {
    io.out(options.calibration ? renderCalibrationJsonSchema() : options.sweep ? renderSweepJsonSchema() : renderScenarioJsonSchema());
    return;
  }
  for (const { path, text } of schemaFiles()) {
    writeSchemaFile(path, text);
    io.out(schemaWritten(relative(process.cwd(), path)) + '\n');
  }
}

/** Writes a JSON Schema's text to a file atomically, so a reader never sees half of it; throws a PartnersimError when it cannot. */
export function writeSchemaFile(path: string, text: string): void {
  writeOutputFile(path, text);
}
