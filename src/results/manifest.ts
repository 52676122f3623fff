// The manifest every result directory holds (a run's, a comparison's, an analysis's, a sweep's): what made it, and
// so which kind of directory it is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest's file name in every result directory. */
export const MANIFEST_FILE = 'manifest.json';

/** Returns a result directory's manifest as stored, or an empty object when it has none. */
export function readResultManifest(dir: string): { readonly kind?: string } {
  const path = join(dir, MANIFEST_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { kind?: string }) : {};
}
