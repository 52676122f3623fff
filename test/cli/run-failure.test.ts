// A replicate that throws inside the model: exit status 1, a report naming its seed, and no result directory.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { errorLine, runFailed } from '../../src/cli/messages.ts';
import { replicateSeed } from '../../src/random.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

vi.mock('../../src/engine/simulation.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/simulation.ts')>();
  class FailingSimulation extends original.Simulation {
    constructor(...args: ConstructorParameters<typeof original.Simulation>) {
      if (args[1] === replicateSeed(5, 1)) throw new Error('broken invariant');
      super(...args);
    }
  }
  return { ...original, Simulation: FailingSimulation };
});

const tmp = useTempDir('failure', { 'tiny.yaml': tinyScenario({ steps: 3, areas: 1, kinds: { school: 6, academy: 4 } }) });
const root = tmp.root;

describe('partnersim run when a replicate fails', () => {
  it('exits 1, reports the replicate and its seed, and writes nothing', async () => {
    const dir = tmp.path('out');
    const { code, out, err } = await runCli(['run', tmp.path('tiny.yaml'), '--reps', '3', '--out', dir, '--quiet']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.startsWith(errorLine(runFailed(1, replicateSeed(5, 1), '')))).toBe(true);
    expect(err).toContain('broken invariant');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual(['tiny.yaml']);
  });
});
