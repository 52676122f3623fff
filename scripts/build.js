// The build (`npm run build`, and `prepare` on install): src/ compiled to JavaScript ES modules in dist/ (one file per
// source file, imports rewritten from .ts to .js), the classroom page's browser code bundled into dist/classroom.bundle.js,
// and the type declarations in types/. The bin, the worker threads and the classroom run dist/; tsx is for development.
//   node scripts/build.js            JavaScript, bundle and declarations
//   node scripts/build.js --js       JavaScript and bundle only (under a second: what the tests need)
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
/** Where the compiled JavaScript goes. */
export const DIST = join(ROOT, 'dist');

/** The classroom page's bundle, in dist/ (no source file compiles to a name with a dot in it). */
export const CLASSROOM_BUNDLE_FILE = 'classroom.bundle.js';
/** The options of the classroom page's bundle: src/web/main.ts and all it imports in one browser script. */
export const CLASSROOM_BUNDLE = {
  entryPoints: [join(SRC, 'web', 'main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  logLevel: 'silent',
  absWorkingDir: ROOT,
};

/** Returns the TypeScript files of src/ (declaration files left out), as paths. */
function sourceFiles() {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Returns the time of the latest change to src/ (a file's or a folder's, so that a deleted file counts), in ms. Every
 * command run in a clone asks first: folder by folder, the paths joined as text, it takes 3 ms of CPU, against 7 for a
 * recursive readdir with path.join. */
export function sourceChanged(root = ROOT) {
  let latest = 0;
  const visit = (dir) => {
    latest = Math.max(latest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, 'src'));
  return latest;
}

/** Returns whether a build's output (dist/, or types/) is missing or older than the latest change to src/ in the tree at `root`. */
export function isBuildStale(root = ROOT, output = 'dist') {
  const stamp = join(root, output, '.built');
  return !existsSync(stamp) || statSync(stamp).mtimeMs < sourceChanged(root);
}

/** The message of a clone whose dist/ is missing or older than src/. */
export function staleBuild() {
  return 'partnersim: the compiled code in dist/ is missing or older than src/ (changed or pulled since the last build). Fix: run npm run build (npm install runs it too).';
}

/** The command line's bundle, a folder in dist/ (as deep as dist/cli/, so that the paths its modules name relative to
 * their own file hold): bin/partnersim.js runs its main.js, and its sweeps start its worker.js. */
export const CLI_BUNDLE_DIR = 'cli.bundle';
// Packages the command line's bundle leaves to be loaded from node_modules, when a command first needs them: the
// charts' renderers, the classroom's bundler, the Parquet writer (loaded by require) and mathjs (tests only).
const NOT_BUNDLED = ['vega', 'vega-lite', '@resvg/resvg-js', 'esbuild', 'hyparquet-writer', 'mathjs'];
/** The options of the command line's bundle: src/cli/main.ts and what it imports in a few files, each command's code
 * (what commands.ts imports when the command runs) in chunks of its own. Node loads a few large files much faster than
 * the hundreds of modules (the packages' included) that the per-file build is: `validate` loads in about half the time. */
export const CLI_BUNDLE = {
  entryPoints: {
    main: join(SRC, 'cli', 'main.ts'),
    // The sweep's worker threads and the calibration's runner they load, beside the chunks they share with the commands.
    worker: join(SRC, 'sweep', 'worker.ts'),
    'record-run': join(SRC, 'calibration', 'record-run.ts'),
  },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: NOT_BUNDLED,
  // The packages written as CommonJS require Node's modules (commander, cli-progress): esbuild's require asks for this one.
  banner: {
    js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
  },
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

// esbuild resolves nothing: every import stays an import, a relative .ts one renamed to the .js it compiles to.
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relativeTs = /^\.\.?\//.test(args.path) && args.path.endsWith('.ts');
      return { path: relativeTs ? `${args.path.slice(0, -3)}.js` : args.path, external: true };
    });
  },
};

/** Compiles src/ to dist/ and bundles the classroom page; dist/ is replaced whole (built beside it, then renamed), so a
 * file removed from src/ leaves nothing behind and a process reading dist/ meanwhile sees the old or the new build. */
export async function buildJs() {
  const { build } = await import('esbuild');
  const out = `${DIST}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: sourceFiles(),
    outbase: SRC,
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [keepImports],
    logLevel: 'warning',
  });
  await build({ ...CLASSROOM_BUNDLE, outfile: join(out, CLASSROOM_BUNDLE_FILE) });
  await build({ ...CLI_BUNDLE, outdir: join(out, CLI_BUNDLE_DIR) });
  // Written last: its time is the build's, which a later change to src/ makes stale (isBuildStale).
  writeFileSync(join(out, '.built'), '');
  const old = `${DIST}.${process.pid}.old`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(out, DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Writes the type declarations of src/ into types/ (tsc, which also type-checks src/). */
export async function buildTypes() {
  const { execFileSync } = await import('node:child_process');
  rmSync(join(ROOT, 'types'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  writeFileSync(join(ROOT, 'types', '.built'), '');
}

if (process.argv[1] !== undefined && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  await buildJs();
  if (!process.argv.includes('--js')) await buildTypes();
}
