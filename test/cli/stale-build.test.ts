// bin/partnersim.js runs the build in dist/; in a clone (src/ beside it) it refuses, in one line that says what to run,
// a dist/ that is missing or older than the latest change to src/, rather than run code that is not the source's. An
// installed package (no src/) runs its dist/ as it is. Run on a copy of the bin and scripts/build.js in a temporary
// tree, whose dist/ holds a stand-in program that says it ran.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BUNDLE_DIR, staleBuild } from '../../scripts/build.js';
import { useTempDir } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = useTempDir('stale-build');

/** A tree with the bin and the build script, a source file changed at `sourceTime` and, unless null, a build stamped at `builtTime` (s). */
function tree(name: string, sourceTime: number | null, builtTime: number | null): string {
  const root = tmp.path(name);
  for (const file of ['bin/partnersim.js', 'scripts/build.js']) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    copyFileSync(join(ROOT, file), join(root, file));
  }
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  if (sourceTime !== null) {
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'index.ts'), 'export {};\n');
    utimesSync(join(root, 'src', 'index.ts'), sourceTime, sourceTime);
    utimesSync(join(root, 'src'), sourceTime, sourceTime);
  }
  if (builtTime !== null) {
    mkdirSync(join(root, 'dist', CLI_BUNDLE_DIR), { recursive: true });
    writeFileSync(
      join(root, 'dist', CLI_BUNDLE_DIR, 'main.js'),
      "export async function main(argv) { console.log('ran', ...argv); return 0; }\n",
    );
    writeFileSync(join(root, 'dist', '.built'), '');
    utimesSync(join(root, 'dist', '.built'), builtTime, builtTime);
  }
  return root;
}

const partnersim = (root: string) => spawnSync(process.execPath, [join(root, 'bin', 'partnersim.js'), '--help'], { encoding: 'utf8' });

describe('bin/partnersim.js and the build in dist/', () => {
  it('refuses, in one line, a clone that has not been built', () => {
    const run = partnersim(tree('unbuilt', 1_000_000, null));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${staleBuild()}\n`);
    expect(run.stdout).toBe('');
  });

  it('refuses a build older than the latest change to src/, a deleted file included', () => {
    const root = tree('stale', 1_000_000, 2_000_000);
    expect(partnersim(root).stdout).toBe('ran --help\n');
    utimesSync(join(root, 'src', 'index.ts'), 3_000_000, 3_000_000);
    const edited = partnersim(root);
    expect([edited.status, edited.stderr]).toEqual([2, `${staleBuild()}\n`]);
    utimesSync(join(root, 'dist', '.built'), 4_000_000, 4_000_000);
    rmSync(join(root, 'src', 'index.ts'));
    expect(partnersim(root).stderr).toBe(`${staleBuild()}\n`);
  });

  it('runs an installed package (no src/) from its dist/', () => {
    const run = partnersim(tree('installed', null, 1_000_000));
    expect([run.status, run.stdout, run.stderr]).toEqual([0, 'ran --help\n', '']);
  });
});
