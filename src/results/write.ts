// Writing results so that no result is ever lost or mixed: a result directory is written into a temporary sibling
// (.NAME.tmp-PID) and renamed into place only once complete, so a reader never sees a partial one; a directory that
// holds other results (another command, other inputs) is refused, or with `force` moved aside to NAME.replaced-N;
// one writer at a time holds .NAME.lock; and what a killed writer left (a temporary sibling, earlier results waiting
// in .NAME.old-PID) is cleaned up or put back by the next writer, which says so. A resumable write (a run's
// replicates) keeps what it finished in its temporary sibling when interrupted or killed, with the inputs it was of in
// .unfinished/: the next writer of the same inputs takes that sibling over and goes on from there. A single file is
// written through a temporary file and a rename: a link is followed (the file it leads to is replaced, the link
// kept), and what is not a regular file (a named pipe, a device, a directory) is refused, never replaced by a file.
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PartnersimError } from '../errors.ts';
import {
  leftoverRemoved,
  outputUnwritable,
  leftoverRestored,
  outputNotAFile,
  resultDirHoldsOther,
  resultDirLocked,
  resultDirOccupied,
  resultDirUnwritable,
  resultsMovedAside,
  writeFailureReason,
} from './messages.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { notAFileKind } from './regular-file.ts';
import { checkResultName, pathSafe } from '../scenario/names.ts';

/** Returns the default result directory of a scenario or sweep, relative to the working directory: results/<name>, with
 * the overrides it ran with after a `+` each (`results/baseline+policy.carrot=0.6`), so that a run with overrides never
 * lands on the plain scenario's results. Throws a PartnersimError for a name that would leave results/. */
export function defaultResultDir(name: string, overrides: readonly string[] = []): string {
  return join('results', resultName(name) + overrides.map((override) => `+${pathSafe(override)}`).join(''));
}

/** Returns a scenario's or sweep's name as one folder name: characters that are unsafe in a path on some system become
 * `-`; throws a PartnersimError for a name that would leave the results folder (a separator, `..`) or hide (a leading dot). */
export function resultName(name: string): string {
  checkResultName(name);
  return pathSafe(name);
}

/** What a result directory is for: the fields of its manifest that say which command made it from which inputs. A
 * directory whose manifest has the same values may be replaced by the same command's new results (they are the same
 * results, perhaps from another partnersim); any other is refused. */
export type ResultIdentity = Readonly<Record<string, unknown>>;

/** How to treat what is already at the output path. */
export interface WriteOptions {
  /** The inputs of the results about to be written: what an existing directory must hold to be replaced. */
  readonly identity: ResultIdentity;
  /** Move whatever is there aside (to NAME.replaced-N) instead of refusing. */
  readonly force?: boolean;
  /** Hears what was done to earlier results and leftovers of interrupted writes, one sentence each. */
  onNote?(note: string): void;
  /** Makes the write resumable: the inputs (and options) of what it writes, which an unfinished write left by an
   * interrupted or killed writer must have been of for this one to take it over. */
  readonly resume?: ResultIdentity;
}

/** The folder in a resumable write's temporary directory where its writer keeps what it needs to go on (`inputs.json`,
 * and its own journals); removed when the directory is published. */
export const UNFINISHED_DIR = '.unfinished';
const UNFINISHED_INPUTS = 'inputs.json';

/** A result directory being written: files go into `path` (a temporary sibling), and `publish` puts them in place. */
export interface PendingResultDir {
  /** Where to write the files now. */
  readonly path: string;
  /** Where an unfinished write, interrupted or killed, was taken over from (its files are in `path` now), or null. */
  readonly resumedFrom: string | null;
  /** Puts the files in place in one rename (earlier results of the same inputs, or moved aside with force, are replaced)
   * and releases the lock; returns where earlier results were moved, if they were. */
  publish(): { movedAside: string | null };
  /** Removes what was written and releases the lock. */
  abort(): void;
  /** Releases the lock and leaves what was written for the next writer of the same inputs to take over (a resumable
   * write only; after it, `abort` does nothing). */
  keep(): void;
}

// The sibling paths of a result directory: where it is written, where earlier results wait while replaced, its lock.
function siblings(dir: string, pid = process.pid): { target: string; temporary: string; aside: string; lock: string; stem: string } {
  const target = resolve(dir);
  const stem = join(dirname(target), `.${basename(target)}`);
  return { target, temporary: `${stem}.tmp-${pid}`, aside: `${stem}.old-${pid}`, lock: `${stem}.lock`, stem };
}

/** Returns an operating-system error met while writing results to `dir` (no space, read-only, no permission) as a
 * PartnersimError with its reason and the fix; anything else (our own refusals, a bug) as it is. */
export function outputError(dir: string, error: unknown): unknown {
  const { code, message } = error as NodeJS.ErrnoException;
  if (error instanceof PartnersimError || typeof code !== 'string') return error;
  return new PartnersimError('output-unwritable', resultDirUnwritable(dir, writeFailureReason(code, message)));
}

/** Tells whether a process is running (a lock's or a leftover's owner). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of a result directory (its sibling .NAME.lock, holding the writer's pid), taking over a lock whose
 * writer is gone; returns the function that releases it. Throws a PartnersimError while another writer holds it. */
export function lockResultDir(dir: string): () => void {
  const { lock } = siblings(dir);
  makeDirectories(dirname(lock));
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return () => {
        if (held) rmSync(lock, { force: true });
        held = false;
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner))
        throw new PartnersimError('output-locked', resultDirLocked(dir, owner, lock));
      rmSync(lock, { force: true });
    }
  }
}

// The temporary (tmp) and set-aside (old) siblings of `dir` left by writers that are no longer running, in name order.
function leftovers(dir: string): { path: string; kind: 'tmp' | 'old' }[] {
  const { target, stem } = siblings(dir);
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const prefix = basename(stem).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found: { path: string; kind: 'tmp' | 'old' }[] = [];
  for (const entry of readdirSync(parent).sort()) {
    const match = new RegExp(`^${prefix}\\.(tmp|old)-(\\d+)$`).exec(entry);
    if (match === null) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && alive(pid)) continue;
    found.push({ path: join(parent, entry), kind: match[1] as 'tmp' | 'old' });
  }
  return found;
}

/** Cleans up after writers of `dir` that were killed: removes their temporary siblings (but `keep`, an unfinished
 * write about to be taken over), and puts back earlier results that waited aside when the directory itself is missing
 * (a kill between the two renames of a replacement), or removes them when it is there. Calls `onNote` for each.
 * Leaves alone what belongs to a running writer. */
export function recoverLeftovers(dir: string, onNote: (note: string) => void = () => {}, keep: string | null = null): void {
  const { target } = siblings(dir);
  for (const { path, kind } of leftovers(dir)) {
    if (path === keep) continue;
    if (kind === 'old' && !existsSync(target)) {
      renameSync(path, target);
      onNote(leftoverRestored(dir, path));
    } else {
      rmSync(path, { recursive: true, force: true });
      onNote(leftoverRemoved(path));
    }
  }
}

// The newest unfinished write of these inputs that a writer of `dir` no longer running left behind, or null.
function unfinishedWrite(dir: string, inputs: ResultIdentity): string | null {
  const wanted = JSON.stringify(inputs);
  let newest: { path: string; time: number } | null = null;
  for (const { path, kind } of leftovers(dir)) {
    const file = join(path, UNFINISHED_DIR, UNFINISHED_INPUTS);
    if (kind !== 'tmp' || !existsSync(file) || readFileSync(file, 'utf8') !== wanted) continue;
    const time = statSync(file).mtimeMs;
    if (newest === null || time > newest.time) newest = { path, time };
  }
  return newest?.path ?? null;
}

// What is at the output path, and whether it may be replaced: nothing, an empty directory, or results of the same inputs.
function checkOccupant(target: string, identity: ResultIdentity): 'free' | 'same' | { holds: string } {
  if (!existsSync(target)) return 'free';
  if (!statSync(target).isDirectory()) return { holds: 'a file' };
  const entries = readdirSync(target);
  if (entries.length === 0) return 'free';
  if (!entries.includes(MANIFEST_FILE)) return { holds: 'files that are not partnersim results' };
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(target, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
  } catch {
    return { holds: 'results whose manifest.json does not parse' };
  }
  const same = Object.entries(identity).every(([key, value]) => JSON.stringify(manifest?.[key]) === JSON.stringify(value));
  if (same) return 'same';
  return { holds: describeResults(manifest) };
}

// Says in a few words what a result directory's manifest says it holds.
function describeResults(manifest: Record<string, unknown>): string {
  const kind = typeof manifest.kind === 'string' ? manifest.kind : 'partnersim run';
  const scenario = manifest.scenario as { name?: unknown } | undefined;
  const sweep = manifest.sweep as { name?: unknown } | undefined;
  const name = typeof sweep?.name === 'string' ? sweep.name : typeof scenario?.name === 'string' ? scenario.name : undefined;
  const format = typeof manifest.format === 'string' ? ` (${manifest.format})` : '';
  return `results of ${kind}${name === undefined ? '' : ` ${name}`}${format} made from other inputs`;
}

/** Returns the first free NAME.replaced-N beside a directory, where --force moves earlier results. */
function replacedPath(target: string): string {
  for (let n = 1; ; n++) {
    const path = `${target}.replaced-${n}`;
    if (!existsSync(path)) return path;
  }
}

/** Moves whatever is at `dir` aside to NAME.replaced-N (as --force does), unless it is nothing, an empty directory or
 * results of this identity; returns where it went, or null when it stayed. */
export function moveAsideUnlessSame(dir: string, identity: ResultIdentity): string | null {
  const { target } = siblings(dir);
  const occupant = checkOccupant(target, identity);
  if (occupant === 'free' || occupant === 'same') return null;
  const away = replacedPath(target);
  renameSync(target, away);
  return away;
}

/** Starts writing a result directory: takes its lock, cleans up after killed writers, checks that whatever is at `dir`
 * may be replaced (nothing, an empty directory, results of the same inputs; anything with `force`), and makes an empty
 * temporary sibling, or, for a resumable write, takes over the unfinished one an interrupted or killed writer of the
 * same `resume` inputs left (`resumedFrom` says where it was). Throws a PartnersimError naming `dir` as given when it may not, leaving nothing behind. */
export function openResultDir(dir: string, options: WriteOptions): PendingResultDir {
  const { target, temporary, aside } = siblings(dir);
  const note = options.onNote ?? (() => {});
  let release = (): void => {};
  let resumedFrom: string | null = null;
  try {
    makeDirectories(dirname(target));
    release = lockResultDir(dir);
    const unfinished = options.resume === undefined ? null : unfinishedWrite(dir, options.resume);
    recoverLeftovers(dir, note, unfinished);
    const occupant = checkOccupant(target, options.identity);
    if (occupant !== 'free' && occupant !== 'same' && options.force !== true) {
      if (occupant.holds === 'a file' || occupant.holds === 'files that are not partnersim results')
        throw new PartnersimError('output-occupied', resultDirOccupied(dir, occupant.holds));
      throw new PartnersimError('output-occupied', resultDirHoldsOther(dir, occupant.holds));
    }
    if (unfinished !== null) {
      // One left by an earlier process of this one's pid is already where it goes.
      if (unfinished !== temporary) renameSync(unfinished, temporary);
      resumedFrom = unfinished;
    } else {
      rmSync(temporary, { recursive: true, force: true });
      mkdirSync(temporary);
      if (options.resume !== undefined) {
        mkdirSync(join(temporary, UNFINISHED_DIR));
        writeFileSync(join(temporary, UNFINISHED_DIR, UNFINISHED_INPUTS), JSON.stringify(options.resume));
      }
    }
  } catch (error) {
    release();
    throw outputError(dir, error);
  }
  let open = true;
  const abort = (): void => {
    if (open) rmSync(temporary, { recursive: true, force: true });
    open = false;
    release();
  };
  return {
    path: temporary,
    resumedFrom,
    abort,
    keep: () => {
      open = false;
      release();
    },
    publish: () => {
      try {
        rmSync(join(temporary, UNFINISHED_DIR), { recursive: true, force: true });
        let movedAside: string | null = null;
        if (existsSync(target)) {
          // Results of the same inputs wait hidden while replaced; anything else (with force) is kept where the user sees it.
          const same = checkOccupant(target, options.identity) === 'same' || readdirSync(target).length === 0;
          const away = same ? aside : replacedPath(target);
          renameSync(target, away);
          try {
            renameSync(temporary, target);
          } catch (error) {
            renameSync(away, target);
            throw error;
          }
          if (same) rmSync(aside, { recursive: true, force: true });
          else {
            movedAside = away;
            note(resultsMovedAside(dir, away));
          }
        } else renameSync(temporary, target);
        release();
        return { movedAside };
      } catch (error) {
        abort();
        throw outputError(dir, error);
      }
    },
  };
}

/** Writes these files (names may hold subdirectories, such as `charts/x.svg`) into `dir` (relative to the working
 * directory) in one step (see openResultDir); on any failure removes what it wrote and throws a PartnersimError naming
 * `dir` as given. Returns where earlier results were moved aside, if they were. */
export function writeResultDir(
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: WriteOptions,
): { movedAside: string | null } {
  const pending = openResultDir(dir, options);
  try {
    writeFilesInto(pending.path, files);
  } catch (error) {
    pending.abort();
    throw outputError(dir, error);
  }
  return pending.publish();
}

/** Makes a directory and any parents it lacks, failing with the file system's own reason: Node's recursive mkdir says
 * ENOENT ("no such file or directory") where the file system refused to make the first missing directory (read-only,
 * permission denied), so on ENOENT the missing ones are made one at a time and the one that fails says why. */
export function makeDirectories(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing: string[] = [];
    for (let at = resolve(path); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
    for (const dir of missing) mkdirSync(dir);
    throw error;
  }
}

/** Writes files (names may hold subdirectories) into a directory, making the subdirectories. */
export function writeFilesInto(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    makeDirectories(dirname(join(dir, name)));
    writeFileSync(join(dir, name), content);
  }
}

/** Writes files (names may hold subdirectories) into a directory, each through a temporary file and a rename, the
 * manifest last, so that a reader never sees a half-written file and a manifest saying complete only once everything
 * else is in place. */
export function writeFilesInPlace(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const names = Object.keys(files).sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
  for (const name of names) {
    makeDirectories(dirname(join(dir, name)));
    writeFileAtomic(join(dir, name), files[name]);
  }
}

/** Writes a file the user named (a page, a script, a schema) as writeFileAtomic does; throws a PartnersimError naming
 * that file and the reason when the system refuses (no directory, read-only, no space) or something other than a file
 * is there. */
export function writeOutputFile(path: string, content: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (error instanceof PartnersimError || typeof code !== 'string') throw error;
    throw new PartnersimError('output-unwritable', outputUnwritable(path, writeFailureReason(code, message)));
  }
}

/** Writes a file through a temporary sibling and a rename. A symbolic link is followed: the file it leads to is replaced
 * (or made, as the shell's `>` would) and the link kept. Throws a PartnersimError naming `path` when a directory, named
 * pipe, socket or device stands there (or where its link leads), which the rename would replace with a file. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = destination(path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

// Where writing `path` puts the file: the regular file there, at the end of any links; or, when there is nothing, the
// path itself, or where the link it is leads.
function destination(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined)
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true
      ? destination(resolve(dirname(path), readlinkSync(path)))
      : path;
  const found = notAFileKind(stats);
  if (found !== undefined) throw new PartnersimError('output-occupied', outputNotAFile(path, found));
  return realpathSync(path);
}
