// The manifest every result directory holds (a run's, a comparison's, an analysis's, a sweep's): what made it, and
// so which kind of directory it is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PartnersimError } from '../errors.ts';
import { resultFileDamaged } from './messages.ts';

/** The manifest's file name in every result directory. */
export const MANIFEST_FILE = 'manifest.json';

/** Returns a result directory's manifest as stored, or an empty object when it has none; throws a PartnersimError when
 * it cannot be read or is not a JSON object. */
export function readResultManifest(dir: string): { readonly kind?: string } {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return {};
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PartnersimError('file-unreadable', resultFileDamaged(path, (error as Error).message));
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new PartnersimError('file-unreadable', resultFileDamaged(path, 'not a JSON object'));
  return manifest as { kind?: string };
}
