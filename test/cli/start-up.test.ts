// Commands load their heavy dependencies only when they run: what a module imports statically (esbuild's metafile,
// following import statements and leaving dynamic import() out) is what Node loads before any of its code runs.
// `--help` loads the commands' registrations and commander, not the scenario schema (zod, yaml) nor the engine; no
// command loads the reports' charts (vega, vega-lite, resvg: loaded when a chart is drawn), the classroom bundler
// (esbuild: the bundle is built once, by scripts/build.js), the Parquet writer (loaded on the first Parquet table) or
// mathjs (tests only); nor do the sweep's and the calibration's worker threads.
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

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
