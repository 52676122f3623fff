// The layering: the folders of src/ are stages of one pipeline (scenario -> model/engine -> sweep -> analysis ->
// results (files on disk) and report; cli/ and web/ are shells), and model, engine and scenario run in the browser.
// The linter's rules (biome.json: noRestrictedImports, noNodejsModules per folder) enforce the imports; this test
// shows that they do, on files that break them, and checks what no import rule can see: the clock and Math.random.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const BIOME = join(process.cwd(), 'node_modules', '.bin', 'biome');

/** Returns the paths of the files the linter reports for the import rules, after linting these files with the project's config. */
function lintedViolations(files: Record<string, string>, dir: string): string[] {
  copyFileSync('biome.json', join(dir, 'biome.json'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  let output = '';
  try {
    output = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--colors=off', '--max-diagnostics=200', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    output = failed.stdout + failed.stderr;
  }
  return [...output.matchAll(/^(\S+\.ts):\d+:\d+ lint\/(?:style\/noRestrictedImports|correctness\/noNodejsModules)/gm)]
    .map((m) => m[1])
    .sort();
}

describe("the linter enforces the pipeline's one-way imports", () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnersim-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (spec: string) => `import { thing } from '${spec}';\n\nexport const copy = thing;\n`;

  it('refuses imports from a later stage and Node APIs in the browser core, and allows those that follow the pipeline', () => {
    const violations = lintedViolations(
      {
        'src/model/bad-cli.ts': file('../cli/main.ts'),
        'src/model/bad-engine.ts': file('../engine/run.ts'),
        'src/engine/bad-node.ts': file('node:fs'),
        'src/scenario/bad-model.ts': file('../model/world.ts'),
        'src/sweep/bad-analysis.ts': file('../analysis/sobol.ts'),
        'src/analysis/bad-report.ts': file('../report/html.ts'),
        'src/report/bad-cli.ts': file('../cli/main.ts'),
        'src/web/bad-sweep.ts': file('../sweep/run-sweep.ts'),
        'src/web/bad-node.ts': file('node:path'),
        'src/random.ts': file('./cli/main.ts'),
        'src/sweep/designs.ts': file('node:fs'),
        'src/sweep/messages.ts': file('node:fs'),
        'src/wording.ts': file('../report/messages.ts'),
        'src/scenario/messages.ts': file('node:path'),
        'src/sweep/bad-results.ts': file('../results/write.ts'),
        'src/analysis/bad-results.ts': file('../results/read-run.ts'),
        'src/results/bad-cli.ts': file('../cli/main.ts'),
        'src/results/bad-web.ts': file('../web/app.ts'),
        'src/results/good-analysis.ts': file('../analysis/sobol.ts'),
        'src/results/good-node.ts': file('node:fs'),
        'src/cli/good-results.ts': file('../results/write.ts'),
        'src/calibration/bad-report.ts': file('../report/html.ts'),
        'src/calibration/bad-results.ts': file('../results/write.ts'),
        'src/analysis/bad-calibration.ts': file('../calibration/abc.ts'),
        'src/sweep/bad-calibration.ts': file('../calibration/abc.ts'),
        'src/calibration/good-analysis.ts': file('../analysis/compare.ts'),
        'src/calibration/good-sweep.ts': file('../sweep/execute.ts'),
        'src/results/good-calibration.ts': file('../calibration/abc.ts'),
        'src/report/good-calibration.ts': file('../calibration/posterior.ts'),
        'src/model/good.ts': file('../scenario/schema.ts'),
        'src/engine/good.ts': file('../model/world.ts'),
        'src/sweep/good.ts': file('../engine/run.ts'),
        'src/report/good.ts': file('../analysis/sobol.ts'),
        'src/cli/good.ts': file('node:fs'),
        'src/web/good.ts': file('../wording.ts'),
      },
      dir,
    );
    expect(violations).toEqual(
      [
        'src/analysis/bad-calibration.ts',
        'src/analysis/bad-report.ts',
        'src/analysis/bad-results.ts',
        'src/engine/bad-node.ts',
        'src/model/bad-cli.ts',
        'src/model/bad-engine.ts',
        'src/calibration/bad-report.ts',
        'src/calibration/bad-results.ts',
        'src/random.ts',
        'src/report/bad-cli.ts',
        'src/results/bad-cli.ts',
        'src/results/bad-web.ts',
        'src/scenario/bad-model.ts',
        'src/sweep/bad-analysis.ts',
        'src/sweep/bad-calibration.ts',
        'src/sweep/bad-results.ts',
        'src/sweep/designs.ts',
        'src/sweep/messages.ts',
        'src/wording.ts',
        'src/scenario/messages.ts',
        'src/web/bad-node.ts',
        'src/web/bad-sweep.ts',
      ].sort(),
    );
  });
});

const SHARED = ['src/model', 'src/engine', 'src/scenario'];
const SWEEP_EXPANSION = ['schema.ts', 'load.ts', 'expand.ts', 'designs.ts', 'sobol-directions.ts', 'messages.ts'].map((f) =>
  join('src/sweep', f),
);
const LEAVES = ['src/random.ts', 'src/errors.ts', 'src/version.ts', 'src/wording.ts'];

/** Returns every .ts file of the shared core with its code (comments removed: they may name what the code must not use). */
function coreFiles(): { file: string; text: string }[] {
  const files = [
    ...SHARED.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    ),
    ...LEAVES,
    ...SWEEP_EXPANSION,
  ];
  return files.map((file) => ({
    file,
    text: readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  }));
}

describe('the shared core (model, engine, scenario) and the expansion of sweeps are deterministic and browser-safe', () => {
  it.each(coreFiles())('$file reads no wall clock and no Math.random, and no process', ({ text }) => {
    expect(text).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
    expect(text).not.toMatch(/\brequire\(|\bprocess\./);
  });
});

/** Returns every .ts file of src/calibration with its code, comments removed. */
function calibrationFiles(): { file: string; text: string }[] {
  return readdirSync('src/calibration')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src/calibration', f))
    .map((file) => ({
      file,
      text: readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, ''),
    }));
}

describe('calibration is deterministic and keeps mathjs out of its workers', () => {
  it.each(calibrationFiles())('$file reads no wall clock, no Math.random and no process', ({ text }) => {
    expect(text).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
    expect(text).not.toMatch(/\brequire\(|\bprocess\./);
  });

  it("the worker's runner and the sampler load no mathjs (about a second to import)", async () => {
    for (const entry of ['src/calibration/record-run.ts', 'src/calibration/run-scenario.ts', 'src/sweep/worker.ts']) {
      const bundle = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
        packages: 'external',
      });
      const imports = Object.values(bundle.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
      expect(
        imports.filter((path) => path.startsWith('mathjs')),
        entry,
      ).toEqual([]);
      expect(
        Object.keys(bundle.metafile.inputs).some((input) => input.includes('src/')),
        entry,
      ).toBe(true);
    }
  });
});
