// A replicate that throws inside the model: exit status 1, a report naming its seed, and no result directory.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { errorLine, runFailed } from '../../src/messages.ts';
import { replicateSeed } from '../../src/random.ts';

vi.mock('../../src/engine/run.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/run.ts')>();
  return {
    ...original,
    runScenario: (...args: Parameters<typeof original.runScenario>) => {
      if (args[1]?.seed === replicateSeed(5, 1)) throw new Error('broken invariant');
      return original.runScenario(...args);
    },
  };
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'partnersim-failure-'));
  writeFileSync(join(root, 'tiny.yaml'), 'name: tiny\ntime: {steps: 3, seed: 5}\norganisations: {areas: 1, kinds: {school: 6, academy: 4}}\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('partnersim run when a replicate fails', () => {
  it('exits 1, reports the replicate and its seed, and writes nothing', async () => {
    let out = '';
    let err = '';
    const dir = join(root, 'out');
    const code = await main(['run', join(root, 'tiny.yaml'), '--reps', '3', '--out', dir, '--quiet'], { out: (text) => void (out += text), err: (text) => void (err += text) });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.startsWith(errorLine(runFailed(1, replicateSeed(5, 1), '')))).toBe(true);
    expect(err).toContain('broken invariant');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual(['tiny.yaml']);
  });
});
