// Every message about writing and reading result directories, as a named function (tests assert against these functions).
import type { NotAFileKind } from '../scenario/host.ts';
import { describeFoundInstead } from '../scenario/messages.ts';

// ---------------------------------------------------------------------------------------------
// Writing results.

/** Returns the reason an operating-system error code gives for failing to write, in words. */
export function writeFailureReason(code: string | undefined, detail: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'part of the path is a file, not a directory';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return detail;
  }
}

// The reasons writeFailureReason gives for a full disk or a used-up quota, whose fix is space, not the path.
const OUT_OF_SPACE = new Set([writeFailureReason('ENOSPC', ''), writeFailureReason('EDQUOT', '')]);

/** Returns the message for an output file (a page, a script, a schema) that cannot be written. */
export function outputUnwritable(path: string, reason: string): string {
  const fix = OUT_OF_SPACE.has(reason)
    ? 'free some space there, or write the file to another disk'
    : 'check that the directory exists and is writable, and that the path names a file';
  return `${path}: cannot write: ${reason}. Fix: ${fix}.`;
}

/** Returns the message for an output file's path where a directory, named pipe, socket or device stands (or where the
 * link it is leads), which writing the file would replace. */
export function outputNotAFile(path: string, found: NotAFileKind): string {
  return `${path}: will not write over it: expected a regular file or nothing there, found ${describeFoundInstead(found)}. Fix: name a file to write instead.`;
}

/** Returns the message for a result directory that cannot be written. */
export function resultDirUnwritable(dir: string, reason: string): string {
  const fix = OUT_OF_SPACE.has(reason)
    ? 'free some space there and run the command again (a sweep or calibration resumes where it stopped), or choose another directory with --out'
    : 'choose another directory with --out, or make this path a writable directory';
  return `${dir}: cannot write results: ${reason}. Fix: ${fix}.`;
}

/** Returns the message for an output path that holds something other than earlier results, which a run will not replace. */
export function resultDirOccupied(dir: string, found: 'a file' | 'files that are not partnersim results'): string {
  return `${dir}: will not replace it with results: expected nothing there, an empty directory or earlier partnersim results (with manifest.json), found ${found}. Fix: choose another directory with --out, or move what is there.`;
}

// ---------------------------------------------------------------------------------------------
// Reading results.

/** Returns the message for a result directory that lacks one of its files. */
export function resultFileMissing(dir: string, name: string): string {
  return `${dir}: not a complete result directory: expected ${name} (written by partnersim run, compare or analyse), found none. Fix: give a directory that partnersim run, compare or analyse wrote, or run it again.`;
}

/** Returns the message for a result file that does not parse. */
export function resultFileDamaged(path: string, reason: string): string {
  return `${path}: damaged: expected the file partnersim wrote, found text that does not parse (${reason}). Fix: run the command that wrote it again.`;
}

// ---------------------------------------------------------------------------------------------
// Sweep directories: reading and resuming.

/** Returns the message for a directory that holds no sweep (no manifest.json of a sweep). */
export function notASweepDir(dir: string): string {
  return `${dir}: not a sweep directory: expected a manifest.json written by partnersim sweep, found no sweep manifest. Fix: give a directory that partnersim sweep (or merge) wrote.`;
}

/** Returns the message for a manifest or journal line that no longer parses. */
export function damagedSweepFile(path: string, line: number, reason: string): string {
  return `${path}:${line}: damaged: expected the JSON that partnersim sweep wrote, found text that does not parse (${reason}). Fix: restore the file, or delete the sweep's directory and run the sweep again.`;
}

/** Returns the message for resuming into a directory that holds another sweep. */
export function resumeOtherSweep(dir: string, foundName: string, foundHash: string, name: string, hash: string): string {
  return `${dir}: holds another sweep: expected sweep ${name} (hash ${hash}), found ${foundName} (hash ${foundHash}); the sweep file, its scenario or partnersim's version has changed since. Fix: choose another directory with --out, or delete ${dir} to start again.`;
}

/** Returns the message for resuming a shard into a directory that holds another shard. */
export function resumeOtherShard(dir: string, found: string, asked: string): string {
  return `${dir}: holds another part of this sweep: expected ${asked}, found ${found}. Fix: give each shard its own --out directory.`;
}

/** Returns the message for resuming with another output format. */
export function resumeOtherFormat(dir: string, found: string, asked: string): string {
  return `${dir}: holds this sweep in another format: expected --format ${asked}, found ${found}. Fix: run again with --format ${found}, or choose another --out directory.`;
}

// ---------------------------------------------------------------------------------------------
// Results guarded: tables checked as read, directories never replaced by other results, one writer at a time.

/** Returns the message for a result table with a line that is not what partnersim wrote (cut short, edited, damaged). */
export function resultTableDamaged(path: string, line: number, reason: string): string {
  return `${path}:${line}: damaged: ${reason}. Fix: run the command that wrote it again (a partial table would give a wrong report).`;
}

/** Returns the message for an output directory that holds results of another command or other inputs. */
export function resultDirHoldsOther(dir: string, holds: string): string {
  return `${dir}: will not replace it: it holds ${holds}. Fix: choose another directory with --out, or add --force to move those results aside (to ${dir}.replaced-1 or the next free number).`;
}

/** Returns the message for an output directory another partnersim is writing. */
export function resultDirLocked(dir: string, pid: number, lock: string): string {
  return `${dir}: another partnersim (process ${pid}) is writing it. Fix: wait for it to finish, or choose another directory with --out; if no partnersim is running, delete ${lock}.`;
}

/** Returns the note that earlier results were moved aside by --force. */
export function resultsMovedAside(dir: string, aside: string): string {
  return `moved the earlier results in ${dir} to ${aside}`;
}

/** Returns the note that the unfinished output of an interrupted write was removed. */
export function leftoverRemoved(path: string): string {
  return `removed ${path}, left by an interrupted write`;
}

/** Returns the note that earlier results, left aside by a write interrupted while replacing them, were put back. */
export function leftoverRestored(dir: string, path: string): string {
  return `put back the results in ${dir} from ${path}, where a write interrupted while replacing them had left them`;
}

/** Returns the message for a sweep's manifest that parses but is not one partnersim sweep wrote. */
export function damagedSweepManifest(path: string, reason: string): string {
  return `${path}: damaged: expected the manifest partnersim sweep wrote, found ${reason}. Fix: restore the file from a copy; without it the sweep cannot resume, so otherwise delete the sweep's directory and run the sweep again.`;
}

/** Returns the message for a manifest or journal record that parses but is not what partnersim sweep wrote for this
 * sweep (a wrong shape or type, or a run that does not belong to it). */
export function damagedSweepRecord(path: string, line: number, reason: string): string {
  return `${path}:${line}: damaged: expected a record partnersim sweep wrote for this sweep, found ${reason}. Fix: restore the file, or delete the line (the run is then run again on resume) or the sweep's directory.`;
}

/** Returns the message for a sweep file that cannot be read at all (a directory where a file should be, no permission). */
export function sweepFileUnreadable(path: string, reason: string): string {
  return `${path}: cannot be read: ${reason}. Fix: restore the file partnersim sweep wrote there, or delete the sweep's directory and run the sweep again.`;
}
