// The fault suite: what happens to results when things go wrong. Commands killed (SIGKILL) at seeded random moments
// while they write (run and compare replacing earlier results, a sweep journalling) leave either the earlier results
// or the new ones, never half of either, and the next command completes with the same bytes; a full and a read-only
// disk (tmpfs, when the test runs as root) get a one-line message and leave nothing behind (a disk smaller than a run's
// estimate is refused before it starts); a second writer is
// refused while the first holds the lock.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as message from '../../src/results/messages.ts';
import { createRng } from '../../src/random.ts';
import { BIN, runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { estimateRunSize } from '../../src/results/estimate.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { filesOf, tinySweep } from '../cli/sweep-fixtures.ts';

const tmp = useTempDir('faults', {
  'tiny.yaml': tinyScenario({ steps: 36 }),
  'other.yaml': tinyScenario({ steps: 36 }).replace('name: tiny', 'name: other'),
  'sweep.yaml': tinySweep({ replicates: 3 }),
  // Long enough (180 runs) that a second writer always arrives while the first still holds the lock.
  'busy-sweep.yaml': tinySweep({ replicates: 30 }),
});

/** Runs the CLI in a process of its own, killing it with SIGKILL after `killAfter` ms (never, when undefined). */
function spawnCli(args: readonly string[], killAfter?: number): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmp.root });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, ms: performance.now() - started });
    }),
  );
}

/** Returns the bytes of every file under a directory, by path relative to it. */
function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile())
      tree[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'latin1');
  return tree;
}

// Seeded: the same moments on every machine that runs as fast; a failure names its seed and delay.
const rng = createRng(20_261_202);
// Kept few, so that the suite stays fast: a compare draws its report's charts each time.
const TRIALS = { run: 3, compare: 1, sweep: 2 };

describe('kills at random moments of a write', { timeout: 240_000 }, () => {
  it.each([
    ['run', ['run', 'tiny.yaml', '--reps', '3', '--no-report', '--out', 'out/run']],
    ['compare', ['compare', 'tiny.yaml', 'other.yaml', '--reps', '2', '--out', 'out/compare']],
  ] as const)(
    '%s, replacing results of the same inputs: leave the results whole, and the next command completes them',
    async (command, args) => {
      const dir = join(tmp.root, args[args.length - 1]);
      const clean = await spawnCli(args);
      expect(clean.code, clean.err).toBe(0);
      const reference = treeOf(dir);
      for (let trial = 0; trial < TRIALS[command]; trial++) {
        const delay = Math.floor(rng() * clean.ms);
        const killed = await spawnCli(args, delay);
        // Whatever the moment, the directory is the earlier results or the new ones (the same bytes), or — killed between
        // the two renames of the replacement — missing with the earlier results waiting beside it.
        const parent = join(dir, '..');
        const beside = readdirSync(parent).filter((entry) => entry.startsWith('.'));
        if (existsSync(dir)) expect(treeOf(dir), `killed after ${delay} ms`).toEqual(reference);
        else
          expect(
            beside.some((entry) => /\.old-\d+$/.test(entry)),
            `killed after ${delay} ms: ${beside}`,
          ).toBe(true);
        const again = await spawnCli(args);
        expect(again.code, `after a kill at ${delay} ms (exit ${killed.code}): ${again.err}`).toBe(0);
        expect(treeOf(dir)).toEqual(reference);
        expect(readdirSync(parent).filter((entry) => entry.startsWith('.'))).toEqual([]);
      }
    },
  );

  it('sweep: the journal keeps what finished, and resuming gives the bytes of an uninterrupted sweep', async () => {
    const clean = await spawnCli(['sweep', 'sweep.yaml', '--workers', '2', '--out', 'out/sweep-clean', '--quiet']);
    expect(clean.code, clean.err).toBe(0);
    const reference = filesOf(join(tmp.root, 'out/sweep-clean'));
    for (let trial = 0; trial < TRIALS.sweep; trial++) {
      const dir = `out/sweep-${trial}`;
      const delay = Math.floor(rng() * clean.ms);
      await spawnCli(['sweep', 'sweep.yaml', '--workers', '2', '--out', dir, '--quiet'], delay);
      const again = await spawnCli(['sweep', 'sweep.yaml', '--workers', '2', '--out', dir, '--quiet']);
      expect(again.code, `after a kill at ${delay} ms: ${again.err}`).toBe(0);
      const files = filesOf(join(tmp.root, dir));
      expect(Object.keys(files).sort()).toEqual(Object.keys(reference).sort());
      for (const name of ['runs.csv', 'timeseries.csv', 'journal.jsonl']) expect(files[name].equals(reference[name]), name).toBe(true);
    }
  });
});

describe('concurrent writers', { timeout: 120_000 }, () => {
  it('refuses a second sweep into a directory while the first writes it, then resumes it', async () => {
    const first = spawnCli(['sweep', 'busy-sweep.yaml', '--workers', '1', '--out', 'out/busy', '--quiet']);
    const lock = join(tmp.root, 'out', '.busy.lock');
    while (!existsSync(lock)) await new Promise((resolve) => setTimeout(resolve, 20));
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    const second = await runCli(['sweep', tmp.path('busy-sweep.yaml'), '--workers', '1', '--out', tmp.path('out/busy'), '--quiet']);
    expect(second.code).toBe(2);
    expect(second.err).toBe(`partnersim: ${message.resultDirLocked(tmp.path('out/busy'), pid, lock)}\n`);
    expect((await first).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

// A tmpfs of its own for each disk fault: only root may mount one.
const root = process.getuid?.() === 0;
const mounted: string[] = [];
function mountTmpfs(name: string, options: string): boolean {
  const dir = tmp.path(name);
  mkdirSync(dir, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (mount.status !== 0) return false;
  mounted.push(dir);
  return true;
}
afterAll(() => {
  // Lazily: a killed writer's child may still hold a file open there, and a busy tmpfs would refuse a plain umount.
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
  for (const dir of mounted) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!root)('full and read-only disks', { timeout: 120_000 }, () => {
  it('a disk too small for the estimate: run and compare are refused at once, with the estimate, and leave nothing', async () => {
    if (!mountTmpfs('small', 'size=16k')) return console.log('SKIPPED: small disk: mount -t tmpfs failed');
    const dir = tmp.path('small');
    for (const args of [
      ['run', tmp.path('tiny.yaml'), '--reps', '3', '--out', join(dir, 'run'), '--quiet'],
      ['compare', tmp.path('tiny.yaml'), tmp.path('other.yaml'), '--reps', '2', '--out', join(dir, 'compare'), '--quiet'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args[0]).toBe(2);
      expect(result.err).toMatch(/the run would write about .* of results, more than the 16 kB free there\. Fix: /);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('a disk that fills as the results are written: run and sweep say so in one line and leave no partial results', async () => {
    // Room for the tables the estimate counts (no network), not for the report beside them (about 100 kB).
    const tables = estimateRunSize(loadScenario(tmp.path('tiny.yaml'), nodeHost), 3, null).outputBytes;
    if (!mountTmpfs('full', `size=${Math.ceil(tables / 4096) * 4096 + 8192}`))
      return console.log('SKIPPED: full disk: mount -t tmpfs failed');
    const dir = tmp.path('full');
    const run = await runCli(['run', tmp.path('tiny.yaml'), '--reps', '3', '--no-network', '--out', join(dir, 'run'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`partnersim: ${message.resultDirUnwritable(join(dir, 'run'), message.writeFailureReason('ENOSPC', ''))}\n`);
    expect(run.err).toContain('no space left on the device. Fix: free some space there');
    expect(readdirSync(dir)).toEqual([]);
    const sweep = await spawnCli(['sweep', 'sweep.yaml', '--workers', '1', '--out', join(tmp.path('small'), 'sweep'), '--quiet']);
    expect(sweep.code).toBe(2);
    expect(sweep.err).toBe(
      `partnersim: ${message.resultDirUnwritable(join(tmp.path('small'), 'sweep'), message.writeFailureReason('ENOSPC', ''))}\n`,
    );
  });

  it('a read-only disk: every command says so in one line', async () => {
    if (!mountTmpfs('read-only', 'ro,size=1m')) return console.log('SKIPPED: read-only disk: mount -t tmpfs failed');
    const dir = tmp.path('read-only');
    for (const args of [
      ['run', 'tiny.yaml', '--out', join(dir, 'run'), '--quiet'],
      ['sweep', 'sweep.yaml', '--workers', '1', '--out', join(dir, 'sweep'), '--quiet'],
    ]) {
      const result = await spawnCli(args);
      expect(result.code, args[0]).toBe(2);
      expect(result.err).toBe(
        `partnersim: ${message.resultDirUnwritable(args[args.length - 2], message.writeFailureReason('EROFS', ''))}\n`,
      );
    }
    // Node's recursive mkdir says ENOENT on a read-only disk; the script's folders are made so that it says why.
    const emit = await spawnCli(['emit', 'slurm', 'sweep.yaml', '--shards', '2', '--out', join(dir, 'jobs', 'sweep.sh')]);
    expect(emit.code).toBe(2);
    expect(emit.err).toMatch(/jobs: cannot mkdir: the file system is read-only\. Fix: /);
  });
});

if (!root) console.log('SKIPPED: full and read-only disks: mounting a tmpfs needs root');
