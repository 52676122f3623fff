// Commands load their heavy dependencies only when they run: what a module imports statically (esbuild's metafile,
// following import statements and leaving dynamic import() out) is what Node loads before any of its code runs. The
// bundle the bin runs (dist/cli.bundle/, built by the test setup) keeps it so: its chunks name the files they hold.
// `--help` loads the commands' registrations and commander, not the scenario schema (zod, yaml) nor the engine; no
// command loads the reports' charts (vega, vega-lite, resvg: loaded when a chart is drawn), the classroom bundler
// (esbuild: the bundle is built once, by scripts/build.js), the Parquet writer (loaded on the first Parquet table) or
// mathjs (tests only); nor do the sweep's and the calibration's worker threads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CLI_BUNDLE_DIR, DIST } from '../../scripts/build.js';

const CHARTS_AND_BUILD = ['vega', 'vega-lite', '@resvg/resvg-js', 'esbuild', 'hyparquet-writer', 'mathjs'];
const SCENARIO_AND_ENGINE = ['zod', 'yaml', 'seedrandom'];

/** Returns the packages a module loads before its code runs: those its static imports reach, directly or through other modules. */
async function staticPackages(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    packages: 'external',
  });
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (input: string) => {
    if (seen.has(input)) return;
    seen.add(input);
    for (const imported of metafile.inputs[input].imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) {
        if (!imported.path.startsWith('node:'))
          packages.add(
            imported.path
              .split('/')
              .slice(0, imported.path.startsWith('@') ? 2 : 1)
              .join('/'),
          );
      } else visit(imported.path);
    }
  };
  visit(entry);
  return [...packages].sort();
}

const COMMAND_FILES = readdirSync('src/cli')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `src/cli/${name}`);

describe('start-up loads only what the command needs', () => {
  it('the program (all that --help loads) imports commander and no scenario schema, engine, chart or bundler', async () => {
    const packages = await staticPackages('src/cli/main.ts');
    expect(packages).toContain('commander');
    expect(packages.filter((name) => [...CHARTS_AND_BUILD, ...SCENARIO_AND_ENGINE].includes(name))).toEqual([]);
  });

  it.each(COMMAND_FILES)('%s loads no chart renderer, bundler, Parquet writer or mathjs before it runs', async (file) => {
    expect((await staticPackages(file)).filter((name) => CHARTS_AND_BUILD.includes(name))).toEqual([]);
  });

  it.each(['src/sweep/worker.ts', 'src/calibration/record-run.ts'])('the worker thread %s loads none of them either', async (file) => {
    expect((await staticPackages(file)).filter((name) => CHARTS_AND_BUILD.includes(name))).toEqual([]);
  });
});

const BUNDLE = join(DIST, CLI_BUNDLE_DIR);

/** Returns the packages (by the `// node_modules/<package>/...` comments esbuild writes) in the bundle's files that `file`
 * loads before its code runs: itself and the chunks its import statements reach. */
function bundledPackages(file: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(BUNDLE, name), 'utf8');
    for (const [, path] of text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(path);
    // Static imports only (`import "./chunk.js"`, `... from "./chunk.js"`): a dynamic import("./x.js") loads when it runs.
    for (const [, chunk] of text.matchAll(/(?:^import|from) "\.\/([^"]+)";$/gm)) visit(chunk);
  };
  visit(file);
  return [...packages].sort();
}

/** Returns the bundle's file of a command's code (what commands.ts imports when it runs), e.g. `validate-XXXXXXXX.js`. */
function commandChunk(command: string): string {
  const found = readdirSync(BUNDLE).find((name) => new RegExp(`^${command}-[A-Z0-9]+\\.js$`).test(name));
  if (found === undefined) throw new Error(`no chunk of ${command} in ${BUNDLE}`);
  return found;
}

describe('the bundle the bin runs (dist/cli.bundle/) loads only what the command needs', () => {
  it('its main module (all that --help loads) holds commander and loads no scenario schema, engine, chart or bundler', () => {
    const packages = bundledPackages('main.js');
    expect(packages).toContain('commander');
    expect(packages.filter((name) => [...CHARTS_AND_BUILD, ...SCENARIO_AND_ENGINE].includes(name))).toEqual([]);
  });

  it('validate and run load the scenario schema and no chart renderer, bundler, Parquet writer or mathjs', () => {
    for (const command of ['validate', 'run']) {
      const packages = bundledPackages(commandChunk(command));
      expect(packages).toEqual(expect.arrayContaining(['yaml', 'zod']));
      expect(packages.filter((name) => CHARTS_AND_BUILD.includes(name))).toEqual([]);
    }
  });

  it('run writes its graph files without graphology (only snapshotGraph, for the library, needs it)', () => {
    expect(bundledPackages(commandChunk('run'))).not.toContain('graphology');
  });

  it.each(['worker.js', 'record-run.js'])(
    'the worker thread %s (a sweep, a calibration) loads no chart renderer, bundler, Parquet writer or mathjs',
    (file) => {
      expect(bundledPackages(file).filter((name) => CHARTS_AND_BUILD.includes(name))).toEqual([]);
    },
  );

  it('leaves the charts, the bundler, the Parquet writer and mathjs to node_modules', () => {
    const packages = new Set(readdirSync(BUNDLE).flatMap((name) => bundledPackages(name)));
    expect(CHARTS_AND_BUILD.filter((name) => packages.has(name))).toEqual([]);
  });
});
