// Where this partnersim came from, for manifests: the git commit of the checkout it runs from.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The directory partnersim is installed in (the package root).
const INSTALL_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves to the HEAD commit of the git checkout whose top level is `directory`, or null when unknown (no git, not a
 * checkout, or installed inside another project's checkout). git starts at once and runs beside the caller: `run` and
 * `compare` ask before their replicates and await the answer after them. */
export function gitCommit(directory: string = INSTALL_DIR): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--show-toplevel', 'HEAD'], { cwd: directory, encoding: 'utf8', timeout: 5000 }, (error, stdout) => {
      if (error !== null) return resolve(null);
      const [topLevel, head] = stdout.trim().split('\n');
      try {
        // Installed under node_modules of some other repository, rev-parse would name that repository's commit.
        resolve(realpathSync(topLevel) === realpathSync(directory) && /^[0-9a-f]{40,64}$/.test(head) ? head : null);
      } catch {
        resolve(null);
      }
    });
  });
}
