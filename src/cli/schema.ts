// `partnersim schema`: prints the JSON Schema of scenario files, or writes it to scenarios/schema.json
// (`npm run schema`) for editors and for the test that fails when the committed copy is stale.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { PartnersimError } from '../errors.ts';
import { outputUnwritable, schemaWritten } from '../messages.ts';
import { renderScenarioJsonSchema } from '../scenario/json-schema.ts';
import type { Io } from './main.ts';

/** The committed schema file, found from this file so that the command works from any directory. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));

/** Registers `partnersim schema [--write]` on the program; it cannot fail on bad input, so `_state` is left as is. */
export function registerSchema(program: Command, io: Io, _state: { code: number }): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files, or --write it to scenarios/schema.json')
    .option('--write', 'write scenarios/schema.json instead of printing it')
    .action((options: { write?: boolean }) => {
      if (!options.write) return io.out(renderScenarioJsonSchema());
      writeSchemaFile(SCHEMA_PATH);
      io.out(schemaWritten(relative(process.cwd(), SCHEMA_PATH)) + '\n');
    });
}

/** Writes the JSON Schema to a file atomically (a temporary file renamed over it), so a reader never sees half of it. */
export function writeSchemaFile(path: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, renderScenarioJsonSchema());
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new PartnersimError('output-unwritable', outputUnwritable(path, (error as Error).message));
  }
}
