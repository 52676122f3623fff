// The scenario loader's host in Node: files from the file system, `extends` relative to the extending file, and CSV
// tables (the register's extracts) streamed from disk.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import { fileUnreadable } from '../scenario/messages.ts';
import type { ScenarioHost } from '../scenario/host.ts';
import { readCsvTable } from './csv-table.ts';

// Codes that mean "there is no file there", as opposed to a file that cannot be read.
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The host that reads scenario files from disk; paths stay as the user wrote them, so messages show them that way. */
export const nodeHost: ScenarioHost = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (ABSENT.has(code)) return undefined;
      throw new PartnersimError(
        'file-unreadable',
        fileUnreadable(path, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message),
      );
    }
  },
  resolve: (fromFile, relative) => (isAbsolute(relative) ? relative : join(dirname(fromFile), relative)),
  readTable: readCsvTable,
};
