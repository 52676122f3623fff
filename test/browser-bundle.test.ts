// The shared core bundles for the browser and runs there: esbuild with platform 'browser' (no Node
// built-ins to resolve), evaluated in a bare VM context with no require, process or Node globals.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createMemoryHost, loadScenario, runScenario } from '../src/index.ts';

const ENTRY = `
import { createMemoryHost } from './src/scenario/host.ts';
import { loadScenario } from './src/scenario/load.ts';
import { runScenario } from './src/engine/run.ts';
const scenario = loadScenario('s.yaml', createMemoryHost({ 's.yaml': globalThis.SCENARIO }));
globalThis.RESULT = JSON.stringify(runScenario(scenario).metrics);
`;

describe('the model in a browser', () => {
  it('bundles without Node built-ins and gives the same metrics as in Node', async () => {
    const text = readFileSync('scenarios/baseline.yaml', 'utf8').replace('steps: 120', 'steps: 24');
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const context = createContext({ SCENARIO: text });
    runInContext(bundle.outputFiles[0].text, context);
    const inNode = runScenario(loadScenario('s.yaml', createMemoryHost({ 's.yaml': text }))).metrics;
    expect(JSON.parse(context.RESULT as string)).toEqual(JSON.parse(JSON.stringify(inNode)));
  });
});
