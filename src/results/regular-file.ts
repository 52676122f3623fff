// partnersim reads and writes regular files only: what else can stand at a path is told from its status, without
// opening it, as opening a named pipe to read waits for a writer (perhaps for ever), a device may never end or act on
// being opened, and writing a file beside one and renaming it into place would replace it.
import { closeSync, constants, fstatSync, openSync, type Stats, statSync } from 'node:fs';
import type { NotAFile, NotAFileKind } from '../scenario/host.ts';

// Codes that mean "there is nothing there", as opposed to something that cannot be read.
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

/** Returns what a status (of stat or fstat, which follow links) says stands at a path, or undefined for a regular file. */
export function notAFileKind(stats: Stats): NotAFileKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

/** Opens the regular file at a path (following links) to read; returns its descriptor, what stands there instead (not
 * opened), or undefined when there is nothing. Throws the system's error for anything else (no permission). */
export function openRegularFile(path: string): number | NotAFile | undefined {
  let fd: number;
  try {
    const found = notAFileKind(statSync(path));
    if (found !== undefined) return { notAFile: found };
    // Without waiting, should a named pipe have taken the file's place since; what was opened is told again.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  const found = notAFileKind(fstatSync(fd));
  if (found === undefined) return fd;
  closeSync(fd);
  return { notAFile: found };
}
