// The parts of a sweep made apart (shards on a cluster, or one directory): what they hold together, which runs are
// still missing and which shards to run again, and their merge into the directory one machine would have written.
import { PartnersimError } from '../errors.ts';
import * as message from './messages.ts';
import { isFailed, type RunRecord } from './record.ts';
import { shardText, type Shard, type SweepManifest } from './manifest.ts';

/** A part of a sweep as read from its directory (src/results): the directory, manifest and records (the latest of each run). */
export interface Part {
  readonly dir: string;
  readonly manifest: SweepManifest;
  readonly records: readonly RunRecord[];
}

/** Where parts of one sweep stand together. */
export interface SweepStatus {
  readonly manifest: SweepManifest;
  readonly runs: number;
  readonly finished: number;
  readonly failed: readonly number[];
  readonly missing: readonly number[];
  /** The shard count, when the parts are shards. */
  readonly shards: number | null;
  /** Shards with runs missing or failed: those to run again. */
  readonly resubmit: readonly number[];
  /** Shard indices with no part among those given. */
  readonly absent: readonly number[];
}

/** Returns where these parts of one sweep stand; throws a PartnersimError if they belong to different sweeps or shardings. */
export function sweepStatus(parts: readonly Part[]): SweepStatus {
  const [first] = checkSameSweep(parts);
  const seen = new Uint8Array(first.manifest.runs);
  const failed: number[] = [];
  for (const part of parts) {
    for (const record of part.records) {
      seen[record.index] = 1;
      if (isFailed(record)) failed.push(record.index);
    }
  }
  const missing: number[] = [];
  seen.forEach((present, index) => present === 0 && missing.push(index));
  const shards = first.manifest.shard?.count ?? null;
  const resubmit = shards === null ? [] : [...new Set([...missing, ...failed].map((index) => index % shards))].sort((a, b) => a - b);
  const given = new Set(parts.map((part) => part.manifest.shard?.index));
  const absent = shards === null ? [] : Array.from({ length: shards }, (_, i) => i).filter((i) => !given.has(i));
  return {
    manifest: first.manifest,
    runs: first.manifest.runs,
    finished: first.manifest.runs - missing.length,
    failed: failed.sort((a, b) => a - b),
    missing,
    shards,
    resubmit,
    absent,
  };
}

/** Returns the manifest and records (in run-index order) of the whole sweep these parts make, as one machine would
 * have written them, checking that together they hold every run exactly once; throws a PartnersimError naming the
 * foreign part, the duplicate runs or the missing ones otherwise. */
export function mergeParts(
  parts: readonly Part[],
  provenance: { readonly commit: string | null; readonly node: string },
): { manifest: SweepManifest; records: RunRecord[] } {
  const [first] = checkSameSweep(parts);
  const owner = new Map<number, string>();
  for (const part of parts) {
    const duplicates: number[] = [];
    let other = '';
    for (const record of part.records) {
      const before = owner.get(record.index);
      if (before !== undefined) {
        duplicates.push(record.index);
        other = before;
      }
      owner.set(record.index, part.dir);
    }
    if (duplicates.length > 0) throw new PartnersimError('sweep-mismatch', message.mergeDuplicateRuns(part.dir, other, duplicates));
  }
  const status = sweepStatus(parts);
  if (status.missing.length > 0)
    throw new PartnersimError('sweep-incomplete', message.mergeMissingRuns(status.missing, status.resubmit, status.shards, status.absent));
  const manifest: SweepManifest = { ...first.manifest, ...provenance, shard: null, partRuns: first.manifest.runs };
  return { manifest, records: parts.flatMap((part) => part.records).sort((a, b) => a.index - b.index) };
}

// Every part must come from the same sweep (hash), made the same way (format, shard count).
function checkSameSweep(parts: readonly Part[]): readonly Part[] {
  const [first] = parts;
  if (first === undefined) throw new PartnersimError('bad-option', message.noParts());
  for (const part of parts.slice(1)) {
    const a = first.manifest;
    const b = part.manifest;
    if (b.hash !== a.hash)
      throw new PartnersimError('sweep-mismatch', message.foreignPart(part.dir, b.sweep.name, b.hash, first.dir, a.sweep.name, a.hash));
    if (b.format !== a.format)
      throw new PartnersimError('sweep-mismatch', message.partFormatDiffers(part.dir, b.format, first.dir, a.format));
    if (shardCount(b.shard) !== shardCount(a.shard))
      throw new PartnersimError('sweep-mismatch', message.partShardingDiffers(part.dir, shardText(b.shard), first.dir, shardText(a.shard)));
  }
  return parts;
}

function shardCount(shard: Shard): number {
  return shard?.count ?? 1;
}
