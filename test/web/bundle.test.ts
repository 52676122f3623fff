// The page's code bundles for the browser (no Node built-ins), and under the page's policy it would never evaluate
// strings as code: zod is told not to compile parsers before any schema is made.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the classroom bundle', () => {
  it('bundles src/web/main.ts for the browser, loading zod jitless first', async () => {
    const result = await build({
      entryPoints: ['src/web/main.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0].text;
    const jitless = code.indexOf('jitless: true');
    expect(jitless).toBeGreaterThan(0);
    expect(jitless).toBeLessThan(code.indexOf('LEVER_MEANINGS'));
  });
});
