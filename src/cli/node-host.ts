// The scenario loader's host in Node: files from the file system, `extends` relative to the extending file, and CSV
// tables (the register's extracts) streamed from disk.
import { closeSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import { openRegularFile } from '../results/regular-file.ts';
import { fileUnreadable, notUtf8 } from '../scenario/messages.ts';
import type { ScenarioHost } from '../scenario/host.ts';
import { readCsvTable } from './csv-table.ts';

/** The host that reads scenario files from disk; paths stay as the user wrote them, so messages show them that way. A
 * directory, named pipe, socket or device is answered as such, unread. */
export const nodeHost: ScenarioHost = {
  readFile(path) {
    try {
      const opened = openRegularFile(path);
      if (typeof opened !== 'number') return opened;
      try {
        return decodeUtf8(path, readFileSync(opened));
      } finally {
        closeSync(opened);
      }
    } catch (error) {
      if (error instanceof PartnersimError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new PartnersimError(
        'file-unreadable',
        fileUnreadable(path, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message),
      );
    }
  },
  resolve: (fromFile, relative) => (isAbsolute(relative) ? relative : join(dirname(fromFile), relative)),
  readTable: readCsvTable,
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Returns a file's bytes as UTF-8 text; throws a PartnersimError at the first byte that is not UTF-8 (a file saved as
 * Latin-1 would otherwise be read with U+FFFD in place of its accents, and a name of that text become a folder). */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    throw new PartnersimError('file-unreadable', notUtf8(path, offset, line, bytes[offset]));
  }
}

// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or the length when every byte does.
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    const [size, low, high] =
      lead < 0x80
        ? [1, 0, 0]
        : lead >= 0xc2 && lead <= 0xdf
          ? [2, 0x80, 0xbf]
          : lead === 0xe0
            ? [3, 0xa0, 0xbf]
            : lead === 0xed
              ? [3, 0x80, 0x9f]
              : lead >= 0xe1 && lead <= 0xef
                ? [3, 0x80, 0xbf]
                : lead === 0xf0
                  ? [4, 0x90, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : lead >= 0xf1 && lead <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (size === 0) return at;
    for (let k = 1; k < size; k++) {
      const byte = bytes[at + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return at;
    }
    at += size;
  }
  return at;
}
