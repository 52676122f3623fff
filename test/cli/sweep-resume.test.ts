// Nothing lost: a sweep killed part-way (SIGKILL) or interrupted (Ctrl-C) resumes when run again, skipping the runs
// it finished, and ends with the same bytes as a sweep never interrupted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import { runCli, signalledCli, tinyScenario, useTempDir } from './fixtures.ts';
import { filesOf, tinySweep } from './sweep-fixtures.ts';

const RUNS = 6 * 20;
const tmp = useTempDir('sweep-resume', { 'tiny.yaml': tinyScenario({ steps: 36 }), 'sweep.yaml': tinySweep({ replicates: 20 }) });
const sweep = tmp.path('sweep.yaml');

const journalLines = (dir: string): number =>
  existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').length - 1 : 0;

// Starts the sweep in a process of its own and sends it `signal` once `after` runs are in its journal.
async function interruptedSweep(
  dir: string,
  signal: NodeJS.Signals,
  after: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; finished: number }> {
  const end = await signalledCli(['sweep', sweep, '--out', dir, '--workers', '2'], signal, () => journalLines(dir) >= after);
  return { ...end, finished: journalLines(dir) };
}

describe('an interrupted sweep', { timeout: 120_000 }, () => {
  it('resumes after a kill, keeping the finished runs, and gives the bytes of an uninterrupted sweep', async () => {
    const clean = tmp.path('clean');
    expect((await runCli(['sweep', sweep, '--out', clean, '--quiet'])).code).toBe(0);

    const dir = tmp.path('killed');
    const killed = await interruptedSweep(dir, 'SIGKILL', 10);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.finished).toBeGreaterThanOrEqual(10);
    expect(killed.finished).toBeLessThan(RUNS);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);

    const resumed = await runCli(['sweep', sweep, '--out', dir]);
    expect(resumed.code).toBe(0);
    const kept = Number(/(\d+) kept from before/.exec(resumed.out)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(killed.finished);
    expect(resumed.out).toBe(message.sweepFinished('tiny-sweep', 'the whole sweep', RUNS, RUNS - kept, kept, 0, dir) + '\n');
    const [a, b] = [filesOf(dir), filesOf(clean)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const name of Object.keys(b)) expect(a[name].equals(b[name]), name).toBe(true);
  });

  it('stops on Ctrl-C with exit 130 and says how to resume', async () => {
    const dir = tmp.path('interrupted');
    const stopped = await interruptedSweep(dir, 'SIGINT', 5);
    expect(stopped.code).toBe(130);
    const finished = Number(/interrupted: (\d+) of/.exec(stopped.err)?.[1]);
    expect(stopped.err).toContain(message.errorLine(message.sweepInterrupted(finished, RUNS, dir)));
    expect(journalLines(dir)).toBe(finished);
    const status = await runCli(['sweep', 'status', dir]);
    expect(status.code).toBe(1);
    expect(status.out).toContain(`${RUNS - finished} missing`);
    expect((await runCli(['sweep', sweep, '--out', dir, '--quiet'])).code).toBe(0);
    expect((await runCli(['sweep', 'status', dir])).code).toBe(0);
  });
});
