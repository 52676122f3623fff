// How the loader reaches files: through an injected host, so that scenario/ runs unchanged in Node
// (src/cli/node-host.ts) and in the browser, which holds its scenario files in memory.

/** What stands at a path instead of a regular file: a directory, or a file of another kind, which a host neither opens
 * nor reads (a named pipe waits for a writer, perhaps for ever; a device may never end, or act on being opened). */
export type NotAFileKind = 'directory' | 'fifo' | 'socket' | 'device';

/** What a host answers for a path where there is something other than a regular file. */
export interface NotAFile {
  readonly notAFile: NotAFileKind;
}

/** What stands at a path where a file was expected and none could be read: nothing, or what a host said is there. */
export type FoundInstead = NotAFileKind | 'nothing';

/** Returns what a host found at a path instead of a file it could read: what stands there, or nothing. */
export function foundInstead(answer: NotAFile | undefined): FoundInstead {
  return answer?.notAFile ?? 'nothing';
}

/** File access for loading scenarios. */
export interface ScenarioHost {
  /** Returns a file's text; undefined when there is nothing at that path; or, from a host that can tell, what stands there
   * instead of a regular file (NotAFile), which it has not read. */
  readFile(path: string): string | NotAFile | undefined;
  /** Returns the path that `relative`, written in `fromFile` (its `extends`), names: relative to that file's directory. */
  resolve(fromFile: string, relative: string): string;
  /** Returns the records of a CSV file one at a time, its header first; undefined when there is nothing at that path; or
   * what stands there instead of a regular file (as readFile). Absent where files cannot be read as tables (the
   * browser's host). `wanted` is a quick test of a record's text, lower-cased: a record for which it is false may be
   * passed over unparsed, so it must hold for every record that matters (the header is always given). */
  readTable?(path: string, wanted?: (text: string) => boolean): Iterable<TableRecord> | NotAFile | undefined;
}

/** One record of a CSV file: the line it starts on (from 1) and its fields, decoded. */
export interface TableRecord {
  readonly line: number;
  readonly values: readonly string[];
}

/** Returns a host over texts held in memory, keyed by POSIX path (`scenarios/baseline.yaml`): for the browser and for tests. */
export function createMemoryHost(files: Readonly<Record<string, string>>): ScenarioHost {
  return {
    readFile: (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
    resolve: (fromFile, relative) =>
      normalizePath(relative.startsWith('/') ? relative : `${fromFile.slice(0, fromFile.lastIndexOf('/') + 1)}${relative}`),
  };
}

// Resolves `.` and `..` segments the way node:path's posix.normalize does, keeping `..` that climbs above a relative start.
function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (segment !== '..' || !path.startsWith('/')) segments.push(segment);
  }
  return (path.startsWith('/') ? '/' : '') + segments.join('/');
}
