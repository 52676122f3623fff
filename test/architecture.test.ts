// The layering the browser relies on: model, engine and scenario (and the leaves they import) touch no
// Node API, no wall clock and no Math.random, and import nothing from later stages; src/sweep imports no later stage either.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHARED = ['src/model', 'src/engine', 'src/scenario'];
const LEAVES = ['src/random.ts', 'src/errors.ts', 'src/messages.ts', 'src/version.ts'];

/** Returns every .ts file of the shared core with its code (comments removed: they may name what the code must not use). */
function coreFiles(): { file: string; text: string }[] {
  const files = [...SHARED.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f))), ...LEAVES];
  return files.map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') }));
}

/** Returns the module specifiers a file imports or re-exports. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
}

describe('the shared core (model, engine, scenario) runs in a browser', () => {
  it.each(coreFiles())('$file imports nothing from Node', ({ text }) => {
    expect(importsOf(text).filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(spec))).toEqual([]);
    expect(text).not.toMatch(/\brequire\(|\bprocess\./);
  });

  it.each(coreFiles())('$file reads no wall clock and no Math.random', ({ text }) => {
    expect(text).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
  });

  it.each(coreFiles())('$file imports nothing from later stages (cli, analysis, report, sweep, web)', ({ text }) => {
    expect(importsOf(text).filter((spec) => /\/(cli|analysis|report|sweep|web)\//.test(spec))).toEqual([]);
  });

  it('finds the imports it checks (the check can fail)', () => {
    expect(importsOf("import { x } from 'node:fs';\nexport { y } from '../cli/main.ts';")).toEqual(['node:fs', '../cli/main.ts']);
  });
});

// Sweeps come after the model, engine and scenario, and before analysis and reports: they run scenarios and write
// tables, which later stages read. Expanding a sweep (its schema, loading, designs) is pure, like the core.
const SWEEP = 'src/sweep';
const SWEEP_EXPANSION = ['schema.ts', 'load.ts', 'expand.ts', 'designs.ts', 'sobol-directions.ts'].map((f) => join(SWEEP, f));

/** Returns every .ts and .js file of src/sweep with its code, comments removed. */
function sweepFiles(): { file: string; text: string }[] {
  return readdirSync(SWEEP)
    .filter((f) => /\.(ts|js)$/.test(f))
    .map((f) => join(SWEEP, f))
    .map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') }));
}

describe('sweeps (src/sweep) sit between the core and the later stages', () => {
  it('holds the files this test checks', () => {
    expect(sweepFiles().map((f) => f.file)).toEqual(expect.arrayContaining(SWEEP_EXPANSION));
  });

  it.each(sweepFiles())('$file imports nothing from later stages (analysis, report, cli, web)', ({ text }) => {
    expect(importsOf(text).filter((spec) => /\/(cli|analysis|report|web)\//.test(spec))).toEqual([]);
  });

  it.each(sweepFiles().filter((f) => SWEEP_EXPANSION.includes(f.file)))('$file, part of expanding a sweep, uses no Node API, clock or Math.random', ({ text }) => {
    expect(importsOf(text).filter((spec) => spec.startsWith('node:'))).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.|Math\.random|Date\.now|new Date\(|performance\.now/);
  });
});

// The classroom page (src/web) is a shell over the same model for the browser: bundled for it, so it can use no
// Node API, and it reaches the model through the core, never through the command line or the sweep machinery.
const WEB = 'src/web';

describe('the classroom page (src/web) runs in a browser', () => {
  const webFiles = () =>
    readdirSync(WEB)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(WEB, f))
      .map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') }));

  it.each(webFiles())('$file imports nothing from Node, the command line or sweeps', ({ text }) => {
    expect(importsOf(text).filter((spec) => spec.startsWith('node:') || /\/(cli|sweep)\//.test(spec))).toEqual([]);
    expect(text).not.toMatch(/\brequire\(|\bprocess\./);
  });
});
