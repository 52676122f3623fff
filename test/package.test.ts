// The package as `npm pack` makes it, installed from its tarball into an empty project: it holds the build, the bin,
// the declarations and the shipped files (no source, no tests); its command runs, worker threads included; and the
// README's library examples run as written in plain Node and type-check as written in TypeScript. The project links
// the packages partnersim depends on into its node_modules first, so that npm installs the tarball offline.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTypes, isBuildStale } from '../scripts/build.js';

const ROOT = resolve(import.meta.dirname, '..');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The README's examples that import the package, in order. */
const EXAMPLES = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)]
  .map((match) => match[1])
  .filter((code) => code.includes("from 'partnersim'"));

const dir = mkdtempSync(join(tmpdir(), 'partnersim-package-'));
const project = join(dir, 'project');
let packed: string[] = [];

/** Runs the installed command in the project and returns what it printed. */
const partnersim = (...args: string[]) =>
  execFileSync(process.execPath, [join(project, 'node_modules', 'partnersim', 'bin', 'partnersim.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
  });

beforeAll(async () => {
  // dist/ is fresh (test/global-setup.ts); the declarations are rebuilt only when src/ changed since they were written.
  if (isBuildStale(ROOT, 'types')) await buildTypes();
  const [pack] = JSON.parse(
    execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  packed = pack.files.map((file) => file.path);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  // What npm would fetch for partnersim.
  for (const name of Object.keys(MANIFEST.dependencies)) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  execFileSync(
    NPM,
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', join(dir, pack.filename)],
    {
      cwd: project,
      stdio: 'pipe',
    },
  );
  // The README's example that reads results back needs the run it names.
  partnersim(
    'run',
    'node_modules/partnersim/scenarios/carrots.yaml',
    '--reps',
    '2',
    '--steps',
    '24',
    '--no-report',
    '--quiet',
    '--out',
    'results/carrots',
  );
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the build, the bin, the declarations and the shipped files, and no source or tests', () => {
    for (const file of [
      'package.json',
      'README.md',
      'bin/partnersim.js',
      'dist/index.js',
      'dist/cli.bundle/main.js',
      'dist/sweep/worker.js',
    ])
      expect(packed).toContain(file);
    for (const file of ['dist/classroom.bundle.js', 'types/index.d.ts', 'scenarios/baseline.yaml', 'sweeps/schema.json'])
      expect(packed).toContain(file);
    // The register scenario reads its extracts from data/, beside scenarios/.
    expect(packed).toContain('data/synthetic-edubasealldata20250101.csv');
    expect(packed.filter((file) => /^(src|test|bench|scripts|node_modules)\//.test(file))).toEqual([]);
  });

  it('runs its command from the build: a run, and a sweep on two worker threads', () => {
    expect(partnersim('validate', 'node_modules/partnersim/scenarios/baseline.yaml')).toContain('baseline, 166 organisations');
    expect(partnersim('validate', 'node_modules/partnersim/scenarios/local-authority.yaml')).toContain(
      'local-authority, 282 organisations',
    );
    writeFileSync(
      join(project, 'sweep.yaml'),
      'name: two\nscenario: node_modules/partnersim/scenarios/baseline.yaml\nparameters:\n  policy.carrot: [0, 0.5]\nreplicates: 1\n',
    );
    expect(partnersim('sweep', 'sweep.yaml', '--workers', '2', '--quiet')).toBe(`${join('results', 'two')}\n`);
    expect(
      readFileSync(join(project, 'results', 'two', 'runs.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(3);
  });

  it("runs the README's library examples as written in plain Node", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    EXAMPLES.forEach((code, k) => {
      writeFileSync(join(project, `example-${k}.mjs`), code);
      execFileSync(process.execPath, [`example-${k}.mjs`], { cwd: project, stdio: 'pipe' });
    });
  });

  // tsc checks the declarations too, as a consumer's strict settings would (no skipLibCheck): a minute on a loaded machine.
  it("type-checks the README's library examples as written against the package's declarations", { timeout: 180_000 }, () => {
    EXAMPLES.forEach((code, k) => writeFileSync(join(project, `example-${k}.ts`), code));
    // The consumer's own types of Node (as its @types/node would give them).
    const typeRoots = [join(ROOT, 'node_modules', '@types')];
    const compilerOptions = { module: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], typeRoots };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['example-*.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(tsc.status, tsc.stdout).toBe(0);
  });
});
