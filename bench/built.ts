// The benchmarks time partnersim as it runs: the compiled JavaScript in dist/, which the command, the sweep's worker
// threads and the calibration's run, not the TypeScript through tsx's loader (whose export getters cost the step loop
// about a tenth). dist/ is rebuilt first when src/ changed since it was built; only the benchmarks' own glue runs
// through tsx.
import { buildJs, isBuildStale } from '../scripts/build.js';

if (isBuildStale()) await buildJs();

/** Imports the build of a source module, typed as the source: `await built<typeof import('../src/engine/run.ts')>('engine/run')`. */
export function built<M>(module: string): Promise<M> {
  return import(new URL(`../dist/${module}.js`, import.meta.url).href) as Promise<M>;
}
