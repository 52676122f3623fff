// What a run needs, estimated before it runs: the estimate against what a run of the baseline writes, and the checks
// that refuse at once what a machine cannot hold or store, or note a run that writes a lot.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../cli/fixtures.ts';
import { checkRunFits, checkWorkersFit, LARGE_OUTPUT_BYTES, type Machine } from '../../src/cli/size-check.ts';
import { largeOutput, needsMoreDisk, needsMoreHeap, needsMoreMemory } from '../../src/cli/messages.ts';
import { estimateRunSize, runMemoryBytes, type RunSize } from '../../src/results/estimate.ts';
import { defaultNetwork } from '../../src/results/network-output.ts';
import { runReplicatesInto } from '../../src/results/run-writer.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';

const tmp = useTempDir('estimate');

/** Returns the bytes of every file under a directory. */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (total, entry) => total + (entry.isDirectory() ? bytesUnder(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

const machine = (memoryBytes: number, freeBytes: number, heapLimitBytes = memoryBytes): Machine => ({
  memoryBytes,
  heapLimitBytes,
  freeBytes: () => freeBytes,
});
const size: RunSize = {
  organisations: 1000,
  stepsSimulated: 480,
  ties: 5000,
  outputBytes: 2e9,
  memoryBytes: 300e6,
  networkOutputBytes: 1.5e9,
  networkMemoryBytes: 20e6,
};
// The same run with --no-network: its results and memory without the network's.
const noNetwork: RunSize = { ...size, memoryBytes: 280e6, networkOutputBytes: 0, networkMemoryBytes: 0 };

describe('the estimate of a run', () => {
  it('is within a factor of two of what two replicates of the baseline write, network and all', async () => {
    const scenario = normalizeScenario({ name: 'baseline' });
    const network = defaultNetwork(scenario.time);
    const dir = tmp.path('baseline');
    mkdirSync(dir);
    await runReplicatesInto(dir, scenario, 2, { network });
    const written = bytesUnder(dir);
    const estimate = estimateRunSize(scenario, 2, network);
    expect(estimate.organisations).toBe(166);
    expect(estimate.outputBytes / written).toBeGreaterThan(0.5);
    expect(estimate.outputBytes / written).toBeLessThan(2);
    // Without the network, far less: the network is most of a run's results.
    expect(estimateRunSize(scenario, 2, null).outputBytes).toBeLessThan(estimate.outputBytes / 4);
  });

  it('counts the burn-in in the steps simulated, and grows with replicates but not its memory', () => {
    const scenario = normalizeScenario({ time: { steps: 24, stepsPerYear: 12 } });
    const one = estimateRunSize(scenario, 1, null);
    const ten = estimateRunSize(scenario, 10, null);
    expect(one.stepsSimulated).toBeGreaterThan(24);
    expect(ten.outputBytes).toBeCloseTo(10 * one.outputBytes, -1);
    expect(ten.memoryBytes).toBe(one.memoryBytes);
    expect(runMemoryBytes(400_400)).toBeGreaterThan(1.9e9);
    // Writing the network is a run's peak: national's snapshot takes it from 252 MB to 526 MB.
    const national = normalizeScenario({ organisations: { areas: 150, kinds: { school: 9500, academy: 8500, trust: 1000 } } });
    const withNetwork = estimateRunSize(national, 1, defaultNetwork(national.time)).memoryBytes;
    expect(withNetwork).toBeGreaterThan(526e6);
    expect(withNetwork).toBeLessThan(2 * 526e6);
    expect(estimateRunSize(national, 1, null).memoryBytes).toBeLessThan(withNetwork / 2);
  });
});

describe('a machine refuses at once', () => {
  it('a run that needs more memory than it has', () => {
    expect(() => checkRunFits('big.yaml', size, 'out', () => {}, machine(100e6, 1e12))).toThrow(
      needsMoreMemory(
        'big.yaml: a run of 1000 organisations needs',
        300e6,
        100e6,
        'fewer organisations (organisations.kinds), or a machine with more memory.',
      ),
    );
  });

  it('a run that needs more memory than Node’s heap may take, saying how to raise it when the machine has the memory', () => {
    expect(() => checkRunFits('big.yaml', size, 'out', () => {}, machine(1e12, 1e12, 200e6))).toThrow(
      needsMoreHeap('big.yaml', size, 200e6, 1e12),
    );
    expect(needsMoreHeap('big.yaml', size, 200e6, 1e12)).toMatch(/raise the limit with NODE_OPTIONS=--max-old-space-size=358\.$/);
    expect(needsMoreHeap('big.yaml', size, 200e6, 320e6)).toMatch(/Fix: --no-network, or fewer organisations\.$/);
    // With --no-network already given, the fix does not offer it again.
    expect(needsMoreHeap('big.yaml', noNetwork, 200e6, 320e6)).toMatch(
      /\(the model's state: .*\)\. Fix: fewer organisations \(organisations\.kinds\)\.$/,
    );
  });

  it('a run whose results do not fit where they go', () => {
    expect(() => checkRunFits('big.yaml', size, 'out', () => {}, machine(1e12, 1e9))).toThrow(needsMoreDisk('out', 2e9, 1e9));
  });

  it('workers that together need more memory than it has', () => {
    expect(() => checkWorkersFit('s.yaml', 8, 300e6, machine(3e9, 1e12))).not.toThrow();
    expect(() => checkWorkersFit('s.yaml', 8, 300e6, machine(1e9, 1e12))).toThrow(
      '8 workers, each running a world of this scenario, need about 2.4 GB of memory',
    );
  });

  it('and notes a run that writes more than a gigabyte, but not a smaller one', () => {
    const notes: string[] = [];
    checkRunFits('big.yaml', size, 'out', (note) => notes.push(note), machine(1e12, 1e12));
    checkRunFits('small.yaml', { ...size, outputBytes: LARGE_OUTPUT_BYTES }, 'out', (note) => notes.push(note), machine(1e12, 1e12));
    expect(notes).toEqual([largeOutput('out', size)]);
    expect(notes[0]).toContain('most of it the network');
    // With no network, the note names what most of it is then, and does not offer --no-network.
    expect(largeOutput('out', noNetwork)).toMatch(/about 2 GB into out, most of it events\.jsonl.*fewer steps or --reps write less\.$/);
  });

  it('measuring the free space of the nearest folder that exists', async () => {
    const { thisMachine } = await import('../../src/cli/size-check.ts');
    expect(thisMachine.freeBytes(tmp.path('not/yet/made'))).toBeGreaterThan(0);
    // /proc holds no files: its space is not counted, and a write there fails with its own reason.
    expect(thisMachine.freeBytes('/proc/x')).toBe(Number.POSITIVE_INFINITY);
  });
});
