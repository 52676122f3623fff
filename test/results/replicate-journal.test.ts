// A run's journal of finished replicates: outcomes read back exactly, a line a kill left incomplete or out of order
// ends what is kept, and a run that goes on from a journal cuts off what an unfinished replicate began to write and
// ends with the bytes of a run never stopped.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../cli/fixtures.ts';
import { appendReplicateJournal, readReplicateJournal } from '../../src/results/replicate-journal.ts';
import type { RunOutcome } from '../../src/results/run-files.ts';
import { runReplicatesInto } from '../../src/results/run-writer.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';

const tmp = useTempDir('replicate-journal');
const scenario = normalizeScenario({
  name: 'tiny',
  time: { steps: 24, seed: 5 },
  organisations: { areas: 2, kinds: { school: 12, academy: 6, college: 2, provider: 2 } },
});

// Every file under a directory (graph files in network/ too), by path.
function filesUnder(dir: string, prefix = ''): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesUnder(dir, path));
    else files[path] = readFileSync(join(dir, path));
  }
  return files;
}

// A run of `reps` replicates into a fresh directory, with a journal beside it; returns the directory and the journal.
async function runInto(name: string, reps: number): Promise<{ dir: string; journal: string; outcomes: RunOutcome[] | null }> {
  const dir = tmp.path(name);
  mkdirSync(dir);
  const journal = tmp.path(`${name}.jsonl`);
  const outcomes = await runReplicatesInto(dir, scenario, reps, { journal });
  return { dir, journal, outcomes };
}

describe('the replicate journal', () => {
  it('reads back outcomes exactly, -0, NaN and infinities included', () => {
    const path = tmp.path('exact.jsonl');
    const outcome = { seed: 1, metrics: { a: -0, b: Number.NaN, c: Number.POSITIVE_INFINITY, d: -1.5e-300, e: null } };
    appendReplicateJournal(path, 0, { outcome: outcome as unknown as RunOutcome, sizes: { 'events.jsonl': 10 } });
    const [read] = readReplicateJournal(path);
    expect(read.sizes).toEqual({ 'events.jsonl': 10 });
    const metrics = (read.outcome as unknown as typeof outcome).metrics;
    expect(Object.is(metrics.a, -0)).toBe(true);
    expect(metrics.b).toBeNaN();
    expect(metrics.c).toBe(Number.POSITIVE_INFINITY);
    expect(metrics.d).toBe(-1.5e-300);
    expect(metrics.e).toBeNull();
  });

  it('keeps the replicates before a line a kill left incomplete, or one out of order', () => {
    const path = tmp.path('torn.jsonl');
    const entry = { outcome: { seed: 1 } as unknown as RunOutcome, sizes: {} };
    appendReplicateJournal(path, 0, entry);
    appendReplicateJournal(path, 1, entry);
    const whole = readFileSync(path, 'utf8');
    truncateSync(path, whole.length - 3);
    expect(readReplicateJournal(path)).toHaveLength(1);
    writeFileSync(path, whole);
    appendReplicateJournal(path, 3, entry);
    appendReplicateJournal(path, 2, entry);
    expect(readReplicateJournal(path)).toHaveLength(2);
    expect(readReplicateJournal(tmp.path('none.jsonl'))).toEqual([]);
  });
});

describe('a run going on from its journal', () => {
  it('keeps the finished replicates, cuts off what an unfinished one wrote, and ends with the bytes of a run never stopped', async () => {
    const clean = await runInto('clean', 4);
    const stopped = await runInto('stopped', 2);
    expect(readReplicateJournal(stopped.journal)).toHaveLength(2);
    // An unfinished third replicate had begun to write its events and network.
    appendFileSync(join(stopped.dir, 'events.jsonl'), '{"replicate":2,"unfinished":true}\n');
    appendFileSync(join(stopped.dir, 'network.csv'), '2,0,unfinished\n');
    const resumed = await runReplicatesInto(stopped.dir, scenario, 4, { journal: stopped.journal });
    expect(resumed).toEqual(clean.outcomes);
    expect(filesUnder(stopped.dir)).toEqual(filesUnder(clean.dir));
    expect(readReplicateJournal(stopped.journal)).toHaveLength(4);
  });

  it('starts afresh when its tables are shorter than the journal says (not what it wrote)', async () => {
    const clean = await runInto('clean-2', 3);
    const damaged = await runInto('damaged', 2);
    truncateSync(join(damaged.dir, 'timeseries.csv'), 10);
    let done = 0;
    await runReplicatesInto(damaged.dir, scenario, 3, { journal: damaged.journal, onDone: () => done++ });
    expect(done).toBe(3);
    expect(filesUnder(damaged.dir)).toEqual(filesUnder(clean.dir));
  });

  it('stops at the end of a step once its signal is aborted, with the replicates finished in the journal', async () => {
    const dir = tmp.path('aborted');
    mkdirSync(dir);
    const journal = tmp.path('aborted.jsonl');
    const controller = new AbortController();
    const outcomes = await runReplicatesInto(dir, scenario, 4, {
      journal,
      signal: controller.signal,
      onDone: (done) => {
        if (done === 2) controller.abort();
      },
    });
    expect(outcomes).toBeNull();
    expect(readReplicateJournal(journal)).toHaveLength(2);
  });

  it('stopped already, stops before a replicate is finished', async () => {
    const dir = tmp.path('stopped-at-once');
    mkdirSync(dir);
    const journal = tmp.path('stopped-at-once.jsonl');
    let burnedIn = false;
    const outcomes = await runReplicatesInto(dir, scenario, 2, { journal, signal: AbortSignal.abort(), onDone: () => (burnedIn = true) });
    expect(outcomes).toBeNull();
    expect(burnedIn).toBe(false);
    expect(readReplicateJournal(journal)).toEqual([]);
  });
});
