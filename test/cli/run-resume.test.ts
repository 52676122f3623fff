// Nothing lost: a run or a comparison interrupted (Ctrl-C) or killed part-way keeps the replicates it finished; run
// again, it goes on from there and ends with the bytes of one never interrupted (the manifest's command line aside).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import { leftoverRemoved } from '../../src/results/messages.ts';
import { runCli, signalledCli, tinyScenario, useTempDir } from './fixtures.ts';

const REPS = 40;
const tmp = useTempDir('run-resume', {
  'tiny.yaml': tinyScenario({ steps: 36 }),
  'other.yaml': tinyScenario({ steps: 36 }).replace('name: tiny', 'name: other').replace('seed: 5', 'seed: 6'),
});
const tiny = tmp.path('tiny.yaml');
const other = tmp.path('other.yaml');

// The unfinished write a run into `dir` keeps beside it (.NAME.tmp-PID), or null.
function unfinished(dir: string): string | null {
  const name = readdirSync(dirname(dir)).find((entry) => entry.startsWith(`.${dir.split('/').pop()}.tmp-`));
  return name === undefined ? null : join(dirname(dir), name);
}

// The replicates finished in the journals of a run into `dir` (a comparison has one for each scenario).
function finished(dir: string): number {
  const kept = unfinished(dir);
  if (kept === null || !existsSync(join(kept, '.unfinished'))) return 0;
  return readdirSync(join(kept, '.unfinished'))
    .filter((name) => name.endsWith('.jsonl'))
    .reduce((sum, name) => sum + readFileSync(join(kept, '.unfinished', name), 'utf8').split('\n').length - 1, 0);
}

// Every file under a directory by path, the command line (in manifests and the report) left out.
function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesUnder(dir, path));
    else
      files[path] = readFileSync(join(dir, path), 'latin1')
        .replace(/"args": \[[^\]]*\]/, '"args": []')
        .replace(/<code class="command">.*?<\/code>/s, '');
  }
  return files;
}

// Runs partnersim in a process of its own and sends it `signal` once `after` replicates are in its journals.
async function interrupted(
  args: string[],
  dir: string,
  signal: NodeJS.Signals,
  after: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; finished: number }> {
  const end = await signalledCli([...args, '--out', dir], signal, () => finished(dir) >= after);
  return { ...end, finished: finished(dir) };
}

describe('an interrupted run', { timeout: 120_000 }, () => {
  const runArgs = ['run', tiny, '--reps', String(REPS), '--no-report'];

  it('stops on Ctrl-C with exit 130, publishes nothing, and says how to resume; run again, it goes on to the bytes of an uninterrupted run', async () => {
    const clean = tmp.path('clean');
    expect((await runCli([...runArgs, '--out', clean, '--quiet'])).code).toBe(0);

    const dir = tmp.path('interrupted');
    const stopped = await interrupted(runArgs, dir, 'SIGINT', 3);
    expect(stopped.code).toBe(130);
    expect(stopped.finished).toBeGreaterThanOrEqual(3);
    expect(stopped.finished).toBeLessThan(REPS);
    expect(stopped.err).toContain(message.errorLine(message.runsInterrupted(stopped.finished, REPS, dir)));
    expect(existsSync(dir)).toBe(false);
    const kept = unfinished(dir) as string;

    const resumed = await runCli([...runArgs, '--out', dir]);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain(message.runsResumed(stopped.finished, REPS, kept));
    expect(resumed.err).not.toContain('run 1 of');
    expect(unfinished(dir)).toBeNull();
    expect(filesUnder(dir)).toEqual(filesUnder(clean));
  });

  it('stopped before a replicate finished, says so and keeps nothing', async () => {
    const dir = tmp.path('early');
    const baseline = join(import.meta.dirname, '..', '..', 'scenarios', 'baseline.yaml');
    // The journal is made once the interrupt's handler is set; the baseline's first replicate takes a few hundred
    // milliseconds after it.
    const journalMade = () => existsSync(join(unfinished(dir) ?? '', '.unfinished', 'replicates.jsonl'));
    const stopped = await signalledCli(['run', baseline, '--reps', '2', '--no-report', '--out', dir], 'SIGINT', journalMade);
    expect(stopped.code).toBe(130);
    expect(stopped.err).toBe(`${message.errorLine(message.runsInterrupted(0, 2, dir))}\n`);
    expect(unfinished(dir)).toBeNull();
    expect(existsSync(dir)).toBe(false);
  });

  it('resumes after a kill, and starts afresh, saying so, when the inputs changed', async () => {
    const clean = tmp.path('clean-kill');
    expect((await runCli([...runArgs, '--out', clean, '--quiet'])).code).toBe(0);
    const dir = tmp.path('killed');
    const killed = await interrupted(runArgs, dir, 'SIGKILL', 3);
    expect(killed.signal).toBe('SIGKILL');
    const kept = unfinished(dir) as string;
    const resumed = await runCli([...runArgs, '--out', dir, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain(message.runsResumed(killed.finished, REPS, kept));
    expect(filesUnder(dir)).toEqual(filesUnder(clean));

    // Fewer replicates are other inputs: what the killed run kept is removed, not mixed in.
    const changed = tmp.path('changed');
    const again = await interrupted(runArgs, changed, 'SIGKILL', 3);
    const left = unfinished(changed) as string;
    expect(again.finished).toBeGreaterThanOrEqual(3);
    const fresh = await runCli(['run', tiny, '--reps', '2', '--no-report', '--out', changed]);
    expect(fresh.code).toBe(0);
    expect(fresh.err).toContain(leftoverRemoved(left));
    expect(fresh.err).not.toContain('resuming');
  });
});

describe('an interrupted comparison', { timeout: 180_000 }, () => {
  it('keeps each scenario’s finished replicates and, run again, ends with the bytes of an uninterrupted comparison', async () => {
    const compareArgs = ['compare', tiny, other, '--reps', '20'];
    const clean = tmp.path('compare-clean');
    expect((await runCli([...compareArgs, '--out', clean, '--quiet'])).code).toBe(0);
    const dir = tmp.path('compare-interrupted');
    // Past the first scenario's 20, into the second's.
    const stopped = await interrupted(compareArgs, dir, 'SIGINT', 23);
    expect(stopped.code).toBe(130);
    expect(stopped.err).toContain(message.errorLine(message.runsInterrupted(stopped.finished, 40, dir)));
    const resumed = await runCli([...compareArgs, '--out', dir, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain(`resuming: ${stopped.finished} of 40 runs`);
    expect(filesUnder(dir)).toEqual(filesUnder(clean));
  });
});
