#!/usr/bin/env node
// The partnersim command: runs the CLI as the build bundles it into dist/cli.bundle/ (`npm run build`, which `npm install`
// runs). In a clone, with src/ beside dist/, a build older than the source is refused rather than run: its results
// would name the wrong commit.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src', import.meta.url))) {
  const { isBuildStale, staleBuild } = await import('../scripts/build.js');
  if (isBuildStale()) {
    process.stderr.write(`${staleBuild()}\n`);
    process.exit(2);
  }
}
const { main } = await import('../dist/cli.bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
