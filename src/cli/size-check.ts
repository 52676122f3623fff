// Refusing at once what a machine cannot do: a run or sweep whose estimated memory (src/results/estimate.ts) is more
// than the machine has (or, for a run, than Node's heap may take), or a run whose results would not fit where they go; and a note before a run that will write
// a lot. Checked before any work starts, so nothing computes for hours and then fails.
import { statfsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, resolve } from 'node:path';
import { PartnersimError } from '../errors.ts';
import type { RunSize } from '../results/estimate.ts';
import { largeOutput, needsMoreDisk, needsMoreHeap, needsMoreMemory } from './messages.ts';

/** Results above this size get a note before the run starts: 1 GB. */
export const LARGE_OUTPUT_BYTES = 1e9;

/** What a machine has, as the checks see it. */
export interface Machine {
  readonly memoryBytes: number;
  /** The most the JavaScript heap of this process may take (node --max-old-space-size sets it). */
  readonly heapLimitBytes: number;
  /** Bytes free to an unprivileged writer in the file system holding `dir` (or its nearest existing parent); infinite
   * where the file system has no storage to count. */
  freeBytes(dir: string): number;
}

/** This machine. */
export const thisMachine: Machine = {
  memoryBytes: totalmem(),
  heapLimitBytes: getHeapStatistics().heap_size_limit,
  freeBytes(dir) {
    let at = resolve(dir);
    for (;;) {
      try {
        const stats = statfsSync(at);
        // A file system with no blocks at all (/proc, /sys) stores no files: the write fails with its own reason.
        return stats.blocks === 0 ? Number.POSITIVE_INFINITY : stats.bavail * stats.bsize;
      } catch (error) {
        const parent = dirname(at);
        if (parent === at) throw error;
        at = parent;
      }
    }
  },
};

/** Refuses a run of `file` whose memory or results the machine cannot hold, and notes (on `note`) one that writes more
 * than LARGE_OUTPUT_BYTES into `dir`. */
export function checkRunFits(file: string, size: RunSize, dir: string, note: (text: string) => void, machine = thisMachine): void {
  if (size.memoryBytes > machine.memoryBytes)
    throw new PartnersimError(
      'too-large',
      needsMoreMemory(
        `${file}: a run of ${size.organisations} organisations needs`,
        size.memoryBytes,
        machine.memoryBytes,
        'fewer organisations (organisations.kinds), or a machine with more memory.',
      ),
    );
  // Most of a run's memory is the JavaScript heap: beyond its limit the run would die at its peak, writing the network.
  if (size.memoryBytes > machine.heapLimitBytes)
    throw new PartnersimError('too-large', needsMoreHeap(file, size, machine.heapLimitBytes, machine.memoryBytes));
  const free = machine.freeBytes(dir);
  if (size.outputBytes > free) throw new PartnersimError('too-large', needsMoreDisk(dir, size.outputBytes, free));
  if (size.outputBytes > LARGE_OUTPUT_BYTES) note(largeOutput(dir, size));
}

/** Refuses a sweep or calibration of `file` whose `workers` runs at once need more memory than the machine has. */
export function checkWorkersFit(file: string, workers: number, runMemoryBytes: number, machine = thisMachine): void {
  const needed = workers * runMemoryBytes;
  if (needed > machine.memoryBytes)
    throw new PartnersimError(
      'too-large',
      needsMoreMemory(
        `${file}: ${workers} workers, each running a world of this scenario, need`,
        needed,
        machine.memoryBytes,
        'fewer --workers, or fewer organisations in the scenario.',
      ),
    );
}
