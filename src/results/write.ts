// Writing results atomically: a result directory goes into a temporary sibling, which is renamed into place only once
// complete, so a reader never sees a partial result directory; a single file likewise through a temporary file.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PartnersimError } from '../errors.ts';
import { resultDirOccupied, resultDirUnwritable, writeFailureReason } from './messages.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** Returns the default result directory of a scenario, relative to the working directory: results/<name>. */
export function defaultResultDir(scenarioName: string): string {
  return join('results', scenarioName);
}

// The sibling paths of a result directory: where it is written, and where earlier results wait while replaced.
function siblings(dir: string): { target: string; temporary: string; aside: string } {
  const target = resolve(dir);
  const stem = join(dirname(target), `.${basename(target)}`);
  return { target, temporary: `${stem}.tmp-${process.pid}`, aside: `${stem}.old-${process.pid}` };
}

// Our own refusals pass through; an operating-system error becomes a message with its reason and the fix.
const toOutputError = (dir: string, error: unknown): PartnersimError => {
  if (error instanceof PartnersimError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  return new PartnersimError('output-unwritable', resultDirUnwritable(dir, writeFailureReason(code, message)));
};

// Makes the parent and an empty temporary sibling, after checking that whatever is at `dir` may be replaced:
// only an empty directory or earlier results, so that --out naming a folder of the user's own files deletes nothing.
function createTemporary(dir: string): string {
  const { target, temporary, aside } = siblings(dir);
  try {
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) throw new PartnersimError('output-occupied', resultDirOccupied(dir, 'a file'));
      const entries = readdirSync(target);
      if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
        throw new PartnersimError('output-occupied', resultDirOccupied(dir, 'files that are not partnersim results'));
      }
    }
    // Leftovers of a run killed mid-write (containers reuse pids) would block this one.
    for (const stale of [temporary, aside]) rmSync(stale, { recursive: true, force: true });
    mkdirSync(temporary);
    return temporary;
  } catch (error) {
    throw toOutputError(dir, error);
  }
}

/** Checks, before a long run, that results could be written to `dir`; throws a PartnersimError naming it as given if not. Leaves nothing behind but `dir`'s parent. */
export function checkResultDir(dir: string): void {
  rmSync(createTemporary(dir), { recursive: true });
}

/** Writes these files (names may hold subdirectories, such as `charts/x.svg`) into `dir` (relative to the working directory), replacing earlier results there; on any failure removes what it wrote and throws a PartnersimError naming `dir` as given. */
export function writeResultDir(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const temporary = createTemporary(dir);
  const { target, aside } = siblings(dir);
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(temporary, name)), { recursive: true });
      writeFileSync(join(temporary, name), content);
    }
    if (existsSync(target)) {
      renameSync(target, aside);
      try {
        renameSync(temporary, target);
      } catch (error) {
        renameSync(aside, target);
        throw error;
      }
      rmSync(aside, { recursive: true, force: true });
    } else {
      renameSync(temporary, target);
    }
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw toOutputError(dir, error);
  }
}

/** Writes files (names may hold subdirectories) into a directory, each through a temporary file and a rename, the
 * manifest last, so that a reader never sees a half-written file and a manifest saying complete only once everything
 * else is in place. */
export function writeFilesInPlace(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const names = Object.keys(files).sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
  for (const name of names) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileAtomic(join(dir, name), files[name]);
  }
}

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
