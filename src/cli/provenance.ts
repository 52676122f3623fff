// Where this partnersim came from, for manifests: the git commit of the checkout it runs from.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The directory partnersim is installed in (the package root).
const INSTALL_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Returns the HEAD commit of the git checkout whose top level is `directory`, or null when unknown (no git, not a checkout, or installed inside another project's checkout). */
export function gitCommit(directory: string = INSTALL_DIR): string | null {
  try {
    const [topLevel, head] = execFileSync('git', ['rev-parse', '--show-toplevel', 'HEAD'], {
      cwd: directory,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    })
      .trim()
      .split('\n');
    // Installed under node_modules of some other repository, rev-parse would name that repository's commit.
    return realpathSync(topLevel) === realpathSync(directory) && /^[0-9a-f]{40,64}$/.test(head) ? head : null;
  } catch {
    return null;
  }
}
