// A sweep's description of itself as its directory's manifest records it, and the shards it is cut into: pure values
// and functions, so that merging parts and analysing a sweep need no disk (src/results reads and writes them).
import type { Scenario } from '../scenario/schema.ts';
import type { RunRecord } from './record.ts';
import type { Sweep } from './schema.ts';
import type { TableFormat } from './table.ts';

/** Which runs a part holds: those whose index modulo `count` is `index`; null for the whole sweep. */
export type Shard = { readonly index: number; readonly count: number } | null;

/** A sweep's description of itself and its runs, without where its files were. */
export type SweepSpec = Omit<Sweep, 'scenario'>;

/** The manifest of a sweep directory: what the sweep is, who made it, which part this is and how far it got. */
export interface SweepManifest {
  readonly kind: 'partnersim sweep';
  readonly hash: string;
  readonly partnersim: string;
  readonly commit: string | null;
  readonly node: string;
  readonly format: TableFormat;
  readonly shard: Shard;
  readonly sweep: SweepSpec;
  readonly seedRule: string;
  readonly scenarioHash: string;
  readonly scenario: Scenario;
  readonly points: number;
  readonly runs: number;
  /** Runs in this part: all of them without a shard. */
  readonly partRuns: number;
  readonly status: 'running' | 'complete';
  readonly finished: number;
  /** Indices of runs that threw, in order. */
  readonly failed: readonly number[];
}

/** How run seeds are made, in words, for the manifest. */
export const SEED_RULE =
  'seed = deriveSeed(sweep.seed, scenarioHash, point key, replicate): cyrb53 of the parts joined by U+001F, modulo 2^32';

/** Returns the run indices a shard holds, of `runs` in all. */
export function shardIndices(runs: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let i = shard?.index ?? 0; i < runs; i += shard?.count ?? 1) indices.push(i);
  return indices;
}

/** Returns the records with the last one of each run kept: a run retried after failing appears twice in a journal. */
export function latestRecords(records: readonly RunRecord[]): RunRecord[] {
  const byIndex = new Map<number, RunRecord>();
  for (const record of records) byIndex.set(record.index, record);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Returns a manifest as it is written: indented JSON with a final newline. */
export function renderManifest(manifest: SweepManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns a shard as written on the command line (`2/7`), or `the whole sweep`. */
export function shardText(shard: Shard): string {
  return shard === null ? 'the whole sweep' : `shard ${shard.index}/${shard.count}`;
}

/** Tells whether two shards are the same part of a sweep. */
export function sameShard(a: Shard, b: Shard): boolean {
  return a === null || b === null ? a === b : a.index === b.index && a.count === b.count;
}
